package changelog

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

var names = Names{"cases": {"文号", "当事人", "罚款"}}

func in(date string, recs ...Record) Input {
	return Input{Date: date, Names: names, Records: map[string][]Record{"cases": recs}, Figures: map[string]string{"enforcement-monthly": date[:7]},
		Gone: func(ds, id, title string) string {
			if id == "w" {
				return "withdrawn"
			}
			if id == "x" {
				return "expired"
			}
			return "removed"
		}}
}

func TestNextDiffsRecords(t *testing.T) {
	first, up := Next(nil, in("2026-01-05", Record{"a", "A", []string{"1", "甲", "100"}}, Record{"w", "W", []string{"2", "乙", "5"}}, Record{"x", "X", []string{"3", "丙", "7"}}, Record{"r", "R", []string{"4", "丁", "8"}}))
	if len(up.Added) != 0 || len(first.Updates) != 1 {
		t.Fatalf("first build: %+v", up)
	}
	// A first build records what it published first, counted per dataset.
	if !reflect.DeepEqual(up.Initial, map[string]int{"cases": 4}) || !reflect.DeepEqual(first.Updates[0].Initial, up.Initial) || up.Empty() {
		t.Errorf("first build: initial %v, published %v", up.Initial, first.Updates[0].Initial)
	}
	second, up := Next(first, in("2026-02-05", Record{"a", "A", []string{"1", "甲", "200"}}, Record{"b", "B", []string{"9", "戊", "1"}}))
	want := Update{Date: "2026-02-05",
		Added:     []Item{{Dataset: "cases", ID: "b", Title: "B"}},
		Changed:   []Item{{Dataset: "cases", ID: "a", Title: "A", Fields: []string{"罚款"}}},
		Withdrawn: []Item{{Dataset: "cases", ID: "w", Title: "W"}},
		Expired:   []Item{{Dataset: "cases", ID: "x", Title: "X"}},
		Removed:   []Item{{Dataset: "cases", ID: "r", Title: "R"}},
		Figures:   []string{"enforcement-monthly"},
	}
	if !reflect.DeepEqual(up, want) {
		t.Errorf("update\n got %+v\nwant %+v", up, want)
	}
	a := second.Records["cases"]["a"]
	if a.First != "2026-01-05" || a.Updated != "2026-02-05" {
		t.Errorf("dates of a: %+v", a)
	}
	if len(second.Updates) != 2 || second.Updates[0].Date != "2026-02-05" {
		t.Errorf("history: %+v", second.Updates)
	}
	// What is published counts expired and removed records, never names them.
	if p := second.Updates[0]; len(p.Expired)+len(p.Removed) != 0 || p.ExpiredN != 1 || p.RemovedN != 1 {
		t.Errorf("published update names expired or removed records: %+v", p)
	}
}

func TestNextUnchangedAddsNoUpdate(t *testing.T) {
	m1, _ := Next(nil, in("2026-01-05", Record{"a", "A", []string{"1"}}))
	in2 := in("2026-01-05", Record{"a", "A", []string{"1"}})
	m2, up := Next(m1, in2)
	if !up.Empty() || len(m2.Updates) != 1 {
		t.Errorf("update %+v, history %d", up, len(m2.Updates))
	}
}

func TestManifestRoundTrip(t *testing.T) {
	m, _ := Next(nil, in("2026-01-05", Record{"a", "A", []string{"1"}}))
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(b))
	if err != nil || !reflect.DeepEqual(back.Records, m.Records) {
		t.Fatalf("round trip: %v", err)
	}
}

func TestSameDayBuildsNameEachRecordOnce(t *testing.T) {
	m1, _ := Next(nil, in("2026-01-05", Record{"a", "A", []string{"1", "甲", "100"}}))
	m2, _ := Next(m1, in("2026-02-05", Record{"a", "A", []string{"1", "甲", "200"}}, Record{"b", "B", []string{"2", "乙", "5"}}))
	// Later the same day: a changed again (another field), b changed, the
	// figure changed again.
	in3 := in("2026-02-05", Record{"a", "A", []string{"1", "甲方", "300"}}, Record{"b", "B", []string{"2", "乙", "6"}})
	in3.Figures["enforcement-monthly"] = "changed"
	m3, up := Next(m2, in3)
	want := Update{Date: "2026-02-05",
		Added:   []Item{{Dataset: "cases", ID: "b", Title: "B"}},
		Changed: []Item{{Dataset: "cases", ID: "a", Title: "A", Fields: []string{"罚款", "当事人"}}},
		Figures: []string{"enforcement-monthly"},
	}
	if !reflect.DeepEqual(up, want) || len(m3.Updates) != 2 || !reflect.DeepEqual(m3.Updates[0], want) {
		t.Errorf("update\n got %+v\nwant %+v\nhistory %+v", up, want, m3.Updates)
	}
}

func TestHistoryOutOfOrderIsMended(t *testing.T) {
	prev, _ := Next(nil, in("2026-06-01", Record{"a", "A", []string{"1", "甲", "100"}}))
	// Written in build order by a build dated before the one before it.
	prev.Updates = []Update{
		{Date: "2026-07-01", Changed: []Item{{Dataset: "cases", ID: "a", Title: "A", Fields: []string{"罚款"}}}},
		{Date: "2026-08-01", RemovedN: 1},
		{Date: "2026-06-01", Changed: []Item{{Dataset: "cases", ID: "a", Title: "A", Fields: []string{"当事人"}}}},
		{Date: "2026-06-01", RemovedN: 2},
	}
	m, _ := Next(prev, in("2026-08-15", Record{"a", "A", []string{"1", "乙", "100"}}))
	var dates []string
	for _, u := range m.Updates {
		dates = append(dates, u.Date)
	}
	if got := strings.Join(dates, " "); got != "2026-08-15 2026-08-01 2026-07-01 2026-06-01" {
		t.Errorf("history %s", got)
	}
	if june := m.Updates[3]; june.RemovedN != 2 || len(june.Changed) != 1 {
		t.Errorf("the two updates of 2026-06-01, merged: %+v", june)
	}
}
