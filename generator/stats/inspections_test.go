package stats

import (
	"slices"
	"testing"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

// TestInspectionAndCoercionFigures checks the 行政检查 and 行政强制 figures
// against the fixture's records, counted by hand.
func TestInspectionAndCoercionFigures(t *testing.T) {
	d := New(fixture())
	tests := []struct {
		name  string
		table Table
		title string
		asOf  string
		want  []string
	}{
		// 2026 to 20 May: 双随机 2 (1-12, 4-08), 日常检查 1, 专项检查 1; 2025 is not counted.
		{"by method this year", d.InspectionsByMethod(), "2026年行政检查按检查方式：双随机最多，2次", "2026-05-20",
			[]string{"双随机: 2", "日常检查: 1", "专项检查: 1"}},
		{"by result this year", d.InspectionsByResult(), "2026年行政检查按检查结果：未发现问题最多，2次", "2026-05-20",
			[]string{"未发现问题: 2", "责令限期整改: 1", "立案查处: 1"}},
		// 2025: 2 of 3 = 66.67%; 2026: 2 of 4 = 50%.
		{"双随机 share per year", d.RandomShare(), "2026年1月1日至5月20日“双随机”抽查占行政检查的50%（4次检查中2次）", "2026-05-20",
			[]string{"2025: 2 3 66.67 (数据自3月15日起)", "2026: 2 4 50 (数据截至5月20日)"}},
		{"coercion by measure this year", d.CoercionByMeasure(), "2026年行政强制措施按措施类型：查封最多，1件", "2026-05-25",
			[]string{"查封: 1", "扣押: 1"}},
		{"coercion released per year", d.CoercionRelease(), "截至2026年5月25日，4件行政强制措施中2件尚未解除", "2026-05-25",
			[]string{"2025: 1 1 (数据自6月10日起)", "2026: 1 1 (数据截至5月25日)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.table.Title != tt.title {
				t.Errorf("title %q, want %q", tt.table.Title, tt.title)
			}
			if tt.table.AsOf != tt.asOf {
				t.Errorf("as of %q, want %q", tt.table.AsOf, tt.asOf)
			}
			if got := rows(tt.table); !slices.Equal(got, tt.want) {
				t.Errorf("rows:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestRecordFiguresSkipWhatTheBuildDateHasNotReached checks that a record
// dated after the build date neither counts nor moves the date the figures
// run to, and that a site without the kinds has no such figures.
func TestRecordFiguresSkipWhatTheBuildDateHasNotReached(t *testing.T) {
	res := fixture()
	future := disclose.Item{Kind: records.InspectionKind, ID: "f", Date: day("2026-07-01"), Values: make([]string, len(records.InspectionKind.Fields))}
	future.Values[records.InspectionKind.FieldOf(records.RoleDate)] = "2026-07-01"
	res.Items["inspections"] = append([]disclose.Item{future}, res.Items["inspections"]...)
	d := New(res)
	if tb := d.InspectionsByMethod(); tb.AsOf != "2026-05-20" || len(tb.Rows) != 3 {
		t.Errorf("as of %s, rows %q", tb.AsOf, rows(tb))
	}
	empty := New(&disclose.Result{BuildDate: day("2026-06-01")})
	if empty.HasInspections() || empty.HasCoercion() {
		t.Error("a site without records has inspection or coercion figures")
	}
	if tb := empty.RandomShare(); len(tb.Rows) != 0 {
		t.Errorf("rows without records: %q", rows(tb))
	}
}
