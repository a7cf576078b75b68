package csvsafe

import "testing"

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
