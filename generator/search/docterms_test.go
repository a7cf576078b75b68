package search

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDocTermsAgainstMap fills docTerms with random terms, doc after doc,
// and compares each doc's terms, title flags and positions with a map. The
// stamp is set near its wrap, and docs grow, so both resets are exercised.
func TestDocTermsAgainstMap(t *testing.T) {
	type want struct {
		title bool
		pos   []uint32
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var d docTerms
	for doc := range 300 {
		if doc == 100 {
			d.stamp = ^uint32(0) - 3
		}
		n := 1 + rng.IntN(40*(1+doc/50))
		d.reset(n)
		ref := map[uint64]*want{}
		var order []uint64
		for i := range n {
			k := uint64(rng.IntN(n/2+1)) << 32
			if rng.IntN(2) == 0 {
				k |= uint64(1 + rng.IntN(3))
			}
			inTitle := rng.IntN(4) == 0
			e := d.get(k, inTitle)
			w := ref[k]
			if w == nil {
				w = &want{}
				ref[k] = w
				order = append(order, k)
			}
			w.title = w.title || inTitle
			if k&0xffffffff != 0 {
				d.addPos(e, uint32(i))
				w.pos = append(w.pos, uint32(i))
			}
		}
		if len(d.ents) != len(order) {
			t.Fatalf("doc %d: %d terms, want %d", doc, len(d.ents), len(order))
		}
		for i, e := range d.ents {
			w := ref[e.key]
			var pos []uint32
			for j := e.head; j >= 0; j = d.pos[j].next {
				pos = append(pos, d.pos[j].p)
			}
			if e.key != order[i] || e.title != w.title || !slices.Equal(pos, w.pos) {
				t.Fatalf("doc %d term %x: title %v pos %v, want key %x title %v pos %v", doc, e.key, e.title, pos, order[i], w.title, w.pos)
			}
		}
	}
}
