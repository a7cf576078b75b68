package csvsafe

import (
	"strconv"
	"testing"
)

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+86": "'+86", "@SUM(A1)": "'@SUM(A1)", "-12.5": "-12.5", "-cmd": "'-cmd", "\tx": "'\tx", "罚款": "罚款", "": "",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEncodeHasBOM(t *testing.T) {
	got := string(Encode([][]string{{"a", "=b"}}))
	if got != "\ufeffa,'=b\r\n" {
		t.Errorf("got %q", got)
	}
}

func BenchmarkEncode(b *testing.B) {
	rows := [][]string{{"决定书文号", "当事人", "违法事实", "罚款金额", "页面"}}
	for i := range 25_000 {
		rows = append(rows, []string{"青溪综执罚〔2026〕" + strconv.Itoa(i) + "号", "青石商贸有限公司", "经查，当事人于2026年3月2日在青石路12号门前人行道上堆放货物，占用面积约6平方米，影响行人通行。", "2000", "https://example.gov.cn/cases/" + strconv.Itoa(i) + "/"})
	}
	b.ReportAllocs()
	for b.Loop() {
		Encode(rows)
	}
}
