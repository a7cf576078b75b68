package records

import "testing"

func TestCaseIDStableAcrossBracketStylesAndWidths(t *testing.T) {
	a := Case{Authority: "青溪镇人民政府", DecisionNo: "青溪综执罚〔2024〕12号"}
	for _, no := range []string{"青溪综执罚[2024]12号", "青溪综执罚（2024）12号", "青溪综执罚(2024)12号", "青溪综执罚【２０２４】１２号", " 青溪综执罚 〔2024〕12号"} {
		b := Case{Authority: "青溪镇人民政府", DecisionNo: no}
		if a.ID() != b.ID() {
			t.Errorf("%q: ID %s, want %s", no, b.ID(), a.ID())
		}
	}
	other := Case{Authority: "青溪镇市场监管所", DecisionNo: "青溪综执罚〔2024〕12号"}
	if other.ID() == a.ID() {
		t.Error("the same number from another authority has the same ID")
	}
}

func TestParsePartyClass(t *testing.T) {
	for in, want := range map[string]PartyClass{"法人及非法人组织": PartyOrg, "自然人": PartyPerson, "个体工商户": PartySoleTrader, "2": PartyPerson, "": PartyUnknown, "其他": PartyUnknown} {
		if got := ParsePartyClass(in); got != want {
			t.Errorf("ParsePartyClass(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNormalizeCategories(t *testing.T) {
	got := NormalizeCategories([]string{"警告", "暂扣或者吊销许可证", "没收违法所得、没收非法财物", "责令限期拆除", "警告"})
	want := []string{"警告", "暂扣许可证件", "没收违法所得", "没收非法财物", "其他-责令限期拆除"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestPowerAndServiceIDs(t *testing.T) {
	if id := (&Power{Code: "QX-CF-0001"}).ID(); id != "qx-cf-0001" {
		t.Errorf("power id %q", id)
	}
	if id := (&Power{Code: "示例0001"}).ID(); len(id) != 16 || id[0] != 'p' {
		t.Errorf("power id for a non-ASCII code: %q", id)
	}
	if (&Power{Code: "QX-CF-0001", SubName: "子项"}).ID() == (&Power{Code: "QX-CF-0001"}).ID() {
		t.Error("a sub-item shares its parent's ID")
	}
}
