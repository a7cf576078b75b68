package diag

import (
	"bytes"
	"errors"
	"testing"
)

func TestDiagnosticString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Pos{File: "data/cases/a.csv", Row: 14, Col: 20}, Severity: Error, Msg: `处罚决定日期: "2025-13-40" is not a date`},
			`data/cases/a.csv:14:20: error: 处罚决定日期: "2025-13-40" is not a date`},
		{Diagnostic{Pos: Pos{File: "b.xlsx", Row: 3, Col: 2, Cell: "B3"}, Severity: Warning, Msg: "x"}, "b.xlsx:3:2: warning: x [B3]"},
		{Diagnostic{Pos: Pos{File: "c.csv"}, Severity: Info, Msg: "y"}, "c.csv: info: y"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestListSortAndPrintCap(t *testing.T) {
	var l List
	for i := 5; i >= 1; i-- {
		l.Errorf(Pos{File: "b.csv", Row: i, Col: 1}, "x", "row %d", i)
	}
	l.Warnf(Pos{File: "a.csv", Row: 9}, "y", "w")
	var buf bytes.Buffer
	l.Print(&buf, 2, Info)
	want := "a.csv:9: warning: w\nb.csv:1:1: error: row 1\nb.csv:2:1: error: row 2\nb.csv: … and 3 more (gongshi check --all shows every line)\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	var e *Errors
	if !errors.As(l.Err(), &e) || len(e.List) != 5 {
		t.Fatalf("Err() = %v", l.Err())
	}
}
