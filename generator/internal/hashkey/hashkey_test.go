package hashkey

import (
	"bytes"
	"testing"
	"time"
)

func TestDelimited(t *testing.T) {
	enc := func(f func(b *Buf)) []byte {
		var b Buf
		f(&b)
		return b
	}
	t0 := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	pairs := []struct {
		name string
		a, b func(b *Buf)
	}{
		{"text moved between strings", func(b *Buf) { b.Str("ab"); b.Str("") }, func(b *Buf) { b.Str("a"); b.Str("b") }},
		{"text moved between list items", func(b *Buf) { b.Strs([]string{"ab", "c"}) }, func(b *Buf) { b.Strs([]string{"a", "bc"}) }},
		{"empty list and empty string", func(b *Buf) { b.Strs(nil); b.Str("x") }, func(b *Buf) { b.Strs([]string{""}); b.Str("x") }},
		{"same instant, other zone", func(b *Buf) { b.Time(t0) }, func(b *Buf) { b.Time(t0.In(time.FixedZone("CST", 8*3600))) }},
		{"bools", func(b *Buf) { b.Bool(true) }, func(b *Buf) { b.Bool(false) }},
		{"negative ints", func(b *Buf) { b.Int(-1) }, func(b *Buf) { b.Int(1) }},
	}
	for _, p := range pairs {
		if bytes.Equal(enc(p.a), enc(p.b)) {
			t.Errorf("%s: encode alike", p.name)
		}
	}
}
