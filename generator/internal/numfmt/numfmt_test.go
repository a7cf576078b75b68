package numfmt

import "testing"

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1234: "1,234", 1234567.891: "1,234,567.89", 98.567: "98.57", 98.5: "98.5", -1234.5: "-1,234.5", 0.005: "0.01", 100: "100", -0.001: "0"} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{"1": "1", "1234": "1,234", "-123456": "-123,456", "": ""} {
		if got := Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}
