package disclose

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"slices"
)

// Rules is what decides a Scanner's verdict on a file, as hashes: the
// secrets it reports, the strings that excuse a secret inside them, and the
// numbers published on purpose. A file that one scanner passed, another
// passes too when its rules find no more (see FindsNoMoreThan), so a build
// need not scan again the files it keeps from the previous one.
//
// The hashes are of personal data: Rules are kept beside the exports they
// come from (the build cache), never published.
type Rules struct {
	Secrets, Allowed, Public []uint64 // sorted, without duplicates
	// Excuses are the texts whose hashes Allowed holds: an allowed
	// pattern, or "word\x00" and a word window, sorted. They name what a
	// dropped excuse excused (see Gate.NewSince); FindsNoMoreThan compares
	// the hashes alone.
	Excuses []string
}

// Rules returns the scanner's rules.
func (s *Scanner) Rules() *Rules {
	r := &Rules{}
	for i, k := range s.keys {
		if s.pats[i].allow {
			r.Allowed = append(r.Allowed, ruleHash(k))
			r.Excuses = append(r.Excuses, k)
		} else if s.pats[i].names {
			// A word window excuses names only: a key that stops being
			// names only is a new rule, and kept files are scanned again.
			r.Secrets = append(r.Secrets, ruleHash("name\x00"+k))
		} else {
			r.Secrets = append(r.Secrets, ruleHash(k))
		}
	}
	for n := range s.public {
		r.Public = append(r.Public, ruleHash(n))
	}
	// A word window excuses like an allowed pattern.
	for w := range s.words {
		r.Allowed = append(r.Allowed, ruleHash("word\x00"+w))
		r.Excuses = append(r.Excuses, "word\x00"+w)
	}
	slices.Sort(r.Excuses)
	r.Excuses = slices.Compact(r.Excuses)
	for _, l := range [][]uint64{r.Secrets, r.Allowed, r.Public} {
		slices.Sort(l)
	}
	r.Secrets, r.Allowed, r.Public = slices.Compact(r.Secrets), slices.Compact(r.Allowed), slices.Compact(r.Public)
	return r
}

func ruleHash(s string) uint64 {
	sum := sha256.Sum256([]byte(s))
	return binary.LittleEndian.Uint64(sum[:8])
}

// FindsNoMoreThan reports whether a file that old passed passes r too: r
// reports no secret old did not, and excuses and publishes all that old
// did. (The ID and mobile patterns are the scanner's code, the same for
// both within one program.)
func (r *Rules) FindsNoMoreThan(old *Rules) bool {
	return subset(r.Secrets, old.Secrets) && subset(old.Allowed, r.Allowed) && subset(old.Public, r.Public)
}

// subset reports whether every element of the sorted a is in the sorted b.
func subset(a, b []uint64) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}

const rulesMagic = "gongshi-scan-rules 2\n"

// MarshalBinary encodes the rules.
func (r *Rules) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, len(rulesMagic)+8*(3+len(r.Secrets)+len(r.Allowed)+len(r.Public)))
	b = append(b, rulesMagic...)
	for _, l := range [][]uint64{r.Secrets, r.Allowed, r.Public} {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(l)))
		for _, x := range l {
			b = binary.LittleEndian.AppendUint64(b, x)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(r.Excuses)))
	for _, e := range r.Excuses {
		b = binary.AppendUvarint(b, uint64(len(e)))
		b = append(b, e...)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (r *Rules) UnmarshalBinary(data []byte) error {
	rest, ok := bytes.CutPrefix(data, []byte(rulesMagic))
	if !ok {
		return errors.New("not scan rules")
	}
	var lists [3][]uint64
	for i := range lists {
		if len(rest) < 8 {
			return errors.New("scan rules: truncated")
		}
		n := binary.LittleEndian.Uint64(rest)
		rest = rest[8:]
		if n > uint64(len(rest)/8) {
			return errors.New("scan rules: truncated")
		}
		l := make([]uint64, n)
		for j := range l {
			l[j] = binary.LittleEndian.Uint64(rest[8*j:])
		}
		if !slices.IsSorted(l) {
			return errors.New("scan rules: not sorted")
		}
		lists[i] = l
		rest = rest[8*n:]
	}
	n, k := binary.Uvarint(rest)
	if k <= 0 || n > uint64(len(rest)) {
		return errors.New("scan rules: truncated")
	}
	rest = rest[k:]
	excuses := make([]string, n)
	for i := range excuses {
		l, k := binary.Uvarint(rest)
		if k <= 0 || l > uint64(len(rest)-k) {
			return errors.New("scan rules: truncated")
		}
		excuses[i] = string(rest[k : k+int(l)])
		rest = rest[k+int(l):]
	}
	if len(rest) != 0 {
		return errors.New("scan rules: trailing bytes")
	}
	r.Secrets, r.Allowed, r.Public, r.Excuses = lists[0], lists[1], lists[2], excuses
	return nil
}
