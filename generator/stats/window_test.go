package stats

import (
	"math/rand/v2"
	"testing"
	"time"

	"gongshi/generator/disclose"
)

// TestActsBetweenIsTheFilter: the window actsBetween cuts from the
// date-sorted decisions holds exactly the decisions dated from..to, for
// periods that start and end on decision dates, between them and outside.
func TestActsBetweenIsTheFilter(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	day := func(n int) time.Time { return time.Date(2024, 1, 1+n, 0, 0, 0, 0, time.UTC) }
	var acts []disclose.Activity
	for i := range 400 {
		acts = append(acts, disclose.Activity{Date: day(rng.IntN(60)), Withdrawn: i%17 == 0})
	}
	d := New(&disclose.Result{Activity: acts, BuildDate: day(90)})
	for range 500 {
		from, to := day(rng.IntN(70)-5), day(rng.IntN(70)-5)
		want := 0
		for _, a := range acts {
			if !a.Withdrawn && !a.Date.Before(from) && !a.Date.After(to) {
				want++
			}
		}
		got := d.actsBetween(from, to)
		if len(got) != want {
			t.Fatalf("%s…%s: %d decisions, want %d", from.Format(time.DateOnly), to.Format(time.DateOnly), len(got), want)
		}
		for _, a := range got {
			if a.Date.Before(from) || a.Date.After(to) {
				t.Fatalf("%s…%s: holds one of %s", from.Format(time.DateOnly), to.Format(time.DateOnly), a.Date.Format(time.DateOnly))
			}
		}
		if cap(got) != len(got) {
			t.Fatal("the window has room to append into the decisions after it")
		}
	}
}
