package load

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongshi/generator/records"
)

const registerHeader = "事项编码,事项名称,调整类型,调整日期,调整文件,调整理由,现行使主体\n"

func TestPowerRegisterIsReadBesideTheList(t *testing.T) {
	fsys := fstest.MapFS{
		"data/powers/list.csv": {Data: []byte("事项编码,事项名称,事项类型,实施依据,事项状态,调整日期,调整文件\n" +
			"A1,对占道经营的处罚,行政处罚,《示例条例》第十二条,,,\n" +
			"A2,对违规设置户外广告的处罚,行政处罚,,收回,2025/6/30,某县府发〔2025〕12号\n")},
		"data/powers/调整记录.csv": {Data: []byte(registerHeader +
			"330000000020117,对在城市道路上擅自设置摊点的处罚,收回,2025-06-30,某县府发〔2025〕12号,经行权评估，三年内未行使，收回县级部门行使,县综合行政执法局\n" +
			"A1,对占道经营的处罚,调整,2024-01-05,某县府发〔2024〕3号,实施依据修订,\n" +
			"B1,对某事项的处罚,上收,2025-07-01,某县府发〔2025〕13号,,\n")},
	}
	list, _, dl := ReadFile(fsys, "data/powers/list.csv", &records.PowerKind, nil)
	if len(dl) != 0 {
		t.Fatalf("list: %v", dl)
	}
	if len(list.Powers) != 2 || list.Powers[1].Status != records.ChangeTake || len(list.PowerChanges) != 1 {
		t.Fatalf("list: %d powers, status %q, %d changes; want 2, 收回, 1", len(list.Powers), list.Powers[1].Status, len(list.PowerChanges))
	}
	if c := list.PowerChanges[0]; c.Code != "A2" || c.Doc != "某县府发〔2025〕12号" || c.Date != time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC) {
		t.Errorf("status change %+v", c)
	}
	reg, _, dl := ReadFile(fsys, "data/powers/调整记录.csv", &records.PowerKind, nil)
	if len(dl) != 0 {
		t.Fatalf("register: %v", dl)
	}
	if len(reg.Powers) != 0 || len(reg.PowerChanges) != 3 {
		t.Fatalf("register read as %d powers and %d changes, want 0 and 3", len(reg.Powers), len(reg.PowerChanges))
	}
	c := reg.PowerChanges[0]
	if c.Type != records.ChangeTake || c.Successor != "县综合行政执法局" || c.Reason == "" || c.ID() != "330000000020117" {
		t.Errorf("first row %+v", c)
	}
	if reg.PowerChanges[2].Type != records.ChangeTake {
		t.Errorf("上收 read as %q, want 收回", reg.PowerChanges[2].Type)
	}
}

func TestPowerRegisterErrorsPointAtTheCell(t *testing.T) {
	fsys := fstest.MapFS{"data/powers/r.csv": {Data: []byte(registerHeader +
		"A1,甲,撤并,2025-01-01,文,,\n" +
		"A2,乙,收回,2025-13-01,文,,\n" +
		",丙,取消,2025-01-01,文,,\n")}}
	set, _, dl := ReadFile(fsys, "data/powers/r.csv", &records.PowerKind, nil)
	var got []string
	for _, d := range dl {
		got = append(got, d.String())
	}
	want := []string{
		`data/powers/r.csv:2:3: error: 调整类型: want 新增、收回、取消、调整、暂停 (or 正常), got "撤并"`,
		"data/powers/r.csv:3:4: error: 调整日期:",
		"data/powers/r.csv:3:4: warning: A2 收回: no 调整日期",
		"data/powers/r.csv:4:1: error: 事项编码: required value is empty",
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
	if len(set.PowerChanges) != 2 {
		t.Errorf("%d changes kept, want the two with a known type", len(set.PowerChanges))
	}
}

func FuzzReadPowerRegister(f *testing.F) {
	f.Add(registerHeader + "A1,甲,收回,2025-06-30,某县府发〔2025〕12号,理由,县局\n")
	f.Add("事项编码,事项名称,事项状态,调整日期\nA1,甲,取消,2025/1/1\n")
	f.Add(registerHeader + "\"A1\n\",甲,\"\",x,,,\n")
	f.Fuzz(func(t *testing.T, data string) {
		fsys := fstest.MapFS{"data/powers/r.csv": {Data: []byte(data)}}
		_, _, dl := ReadFile(fsys, "data/powers/r.csv", &records.PowerKind, nil)
		for _, d := range dl {
			if d.Pos.File != "data/powers/r.csv" || d.Pos.Row < 0 || d.Pos.Col < 0 {
				t.Errorf("diagnostic without a valid position: %v", d)
			}
		}
	})
}
