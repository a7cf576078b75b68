// Package hashkey writes values into a byte string for hashing, each
// delimited (strings and lists carry their length), so that no two
// different sequences of values encode alike. It is for cache keys written
// field by field where encoding/json would cost too much.
package hashkey

import (
	"encoding/binary"
	"time"
)

// Buf is the encoding so far.
type Buf []byte

// Str appends a string.
func (b *Buf) Str(s string) {
	*b = binary.AppendUvarint(*b, uint64(len(s)))
	*b = append(*b, s...)
}

// Strs appends a list of strings.
func (b *Buf) Strs(l []string) {
	*b = binary.AppendUvarint(*b, uint64(len(l)))
	for _, s := range l {
		b.Str(s)
	}
}

// Int appends an integer.
func (b *Buf) Int(n int64) { *b = binary.AppendVarint(*b, n) }

// Len appends the length of a list about to follow.
func (b *Buf) Len(n int) { *b = binary.AppendUvarint(*b, uint64(n)) }

// Bool appends a bool.
func (b *Buf) Bool(v bool) {
	if v {
		*b = append(*b, 1)
	} else {
		*b = append(*b, 0)
	}
}

// Time appends an instant with its zone offset: times of another instant
// or offset encode differently (the zone's name is left out).
func (b *Buf) Time(t time.Time) {
	b.Int(t.Unix())
	b.Int(int64(t.Nanosecond()))
	_, off := t.Zone()
	b.Int(int64(off))
}
