package load

import (
	"os"
	"testing"
	"testing/fstest"

	"gongshi/generator/records"
)

// TestInspectionsAndCoercionReadTheirAliases reads 行政检查 and 行政强制
// rows under the headers town systems use, and checks the values each kind
// normalises: 检查方式 and a result of no finding spelled one way, a 期限
// given as a date, and 解除状态 derived from 解除日期.
func TestInspectionsAndCoercionReadTheirAliases(t *testing.T) {
	sample, err := os.ReadFile("testdata/行政检查-常见格式.csv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		kind *records.Kind
		file string
		want []map[string]string // per row, field key → value
	}{
		{"inspection sample", records.InspectionKind, string(sample), []map[string]string{
			{"no": "青溪检〔2026〕7号", "power_code": "330000000060001", "method": "双随机", "date": "2026-04-09", "result": "责令限期整改", "authority": "示例县青溪镇人民政府"},
		}},
		{"inspection aliases", records.InspectionKind,
			"抽查编号,抽查事项,被检查单位,检查类型,检查时间,抽查结果,处理结果,检查单位\n" +
				"JC-1,对食品经营者的检查,青溪镇甲商店,“双随机、一公开”抽查,2026/05/06,正常,,青溪镇综合行政执法队\n" +
				"JC-2,对店招标牌设置的检查,张三,日常巡查,2026年5月7日,责令限期整改,已整改,青溪镇综合行政执法队\n",
			[]map[string]string{
				{"no": "JC-1", "party": "青溪镇甲商店", "method": "双随机", "date": "2026-05-06", "result": "未发现问题", "authority": "青溪镇综合行政执法队"},
				{"no": "JC-2", "party": "张三", "method": "日常检查", "date": "2026-05-07", "result": "责令限期整改", "action": "已整改"},
			}},
		{"coercion aliases", records.CoercionKind,
			"决定书文号,当事人名称,当事人类别,强制措施类型,涉案财物,作出决定日期,强制措施期限,解除时间,执法机关\n" +
				"青溪综执强〔2026〕1号,李四,自然人,暂扣,三轮摩托车1辆,2026-03-02,30日,2026-03-20,青溪镇综合行政执法队\n" +
				"青溪综执强〔2026〕2号,青溪镇乙商行,个体工商户,扣押,占道经营货架2个,2026-03-05,2026/04/04,,青溪镇综合行政执法队\n",
			[]map[string]string{
				{"doc_no": "青溪综执强〔2026〕1号", "measure": "暂扣", "term": "30日", "released_on": "2026-03-20", "released": "已解除"},
				{"doc_no": "青溪综执强〔2026〕2号", "measure": "扣押", "term": "2026年4月4日", "released_on": "", "released": "未解除"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "data/" + tt.kind.Name + "/a.csv"
			set, _, dl := ReadFile(fstest.MapFS{path: {Data: []byte(tt.file)}}, path, tt.kind, nil)
			if dl.HasErrors() {
				t.Fatalf("diagnostics: %v", dl)
			}
			if len(set.Items) != len(tt.want) {
				t.Fatalf("read %d rows, want %d", len(set.Items), len(tt.want))
			}
			for i, want := range tt.want {
				for key, v := range want {
					if got := tt.kind.Get(&set.Items[i], key); got != v {
						t.Errorf("row %d %s = %q, want %q", i+1, key, got, v)
					}
				}
			}
		})
	}
}

// TestInspectionIdentityIsAuthorityAndNumber checks that one inspection
// number of two authorities is two records, and that bracket styles fold.
func TestInspectionIdentityIsAuthorityAndNumber(t *testing.T) {
	path := "data/inspections/a.csv"
	file := "检查编号,检查对象,检查方式,检查日期,检查结果,检查事项,检查机关\n" +
		"青溪检〔2026〕1号,甲,双随机,2026-05-06,未发现问题,对食品经营者的检查,青溪镇人民政府\n" +
		"青溪检(2026)1号,甲,双随机,2026-05-06,未发现问题,对食品经营者的检查,示例县市场监督管理局\n"
	set, _, dl := ReadFile(fstest.MapFS{path: {Data: []byte(file)}}, path, records.InspectionKind, nil)
	if dl.HasErrors() || len(set.Items) != 2 {
		t.Fatalf("items %d, diagnostics %v", len(set.Items), dl)
	}
	if a, b := set.Items[0].ID, set.Items[1].ID; a == b {
		t.Errorf("two authorities' inspections share the ID %s", a)
	}
	if got, want := set.Items[0].ID, records.HashID("青溪镇人民政府", "青溪检(2026)1号"); got != want {
		t.Errorf("ID %s, want %s (bracket styles fold)", got, want)
	}
}
