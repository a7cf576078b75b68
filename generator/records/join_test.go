package records

import "testing"

func TestJoin(t *testing.T) {
	a := &Set{Cases: []Case{{DecisionNo: "1"}, {DecisionNo: "2"}}, Powers: []Power{{}}}
	b := &Set{}
	c := &Set{Cases: []Case{{DecisionNo: "3"}}, Stats: []StatRow{{}}, Withdrawals: []Withdrawal{{}, {}}}
	aCases := a.Cases
	s := Join([]*Set{a, b, c})
	var got []string
	for _, x := range s.Cases {
		got = append(got, x.DecisionNo)
	}
	if len(got) != 3 || got[0] != "1" || got[1] != "2" || got[2] != "3" {
		t.Errorf("cases %v, want [1 2 3] in order", got)
	}
	if len(s.Powers) != 1 || len(s.Services) != 0 || len(s.Stats) != 1 || len(s.Withdrawals) != 2 {
		t.Errorf("counts %d %d %d %d, want 1 0 1 2", len(s.Powers), len(s.Services), len(s.Stats), len(s.Withdrawals))
	}
	if cap(s.Cases) != 3 {
		t.Errorf("cap(Cases) = %d, want 3 (allocated once)", cap(s.Cases))
	}
	s.Cases[0].DecisionNo = "x"
	if aCases[0].DecisionNo != "1" {
		t.Error("Join shares storage with its input")
	}
	if a.Cases != nil || a.Powers != nil || c.Withdrawals != nil {
		t.Error("Join left a part's records in it")
	}
}

// BenchmarkJoin100k merges four files of 25k decisions, as Join does and
// as appending set by set onto an empty Set did before it.
func BenchmarkJoin100k(b *testing.B) {
	parts := make([][]Case, 4)
	for i := range parts {
		parts[i] = make([]Case, 25_000)
	}
	sets := make([]*Set, len(parts))
	for i := range sets {
		sets[i] = &Set{Cases: parts[i]}
	}
	b.Run("join", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			// Join empties the sets it is given.
			js := make([]*Set, len(parts))
			for i := range js {
				js[i] = &Set{Cases: parts[i]}
			}
			Join(js)
		}
	})
	b.Run("append", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := &Set{}
			for _, o := range sets {
				s.Append(o)
			}
		}
	})
}
