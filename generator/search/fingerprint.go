package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"time"
)

// Fingerprint hashes docs and the index format: docs with the same
// fingerprint give the same index files, so a build can keep the previous
// one. Every field of Doc is hashed (TestFingerprintCoversEveryField fails
// when one is added and not hashed here).
func Fingerprint(docs []Doc) string {
	h := sha256.New()
	b := []byte("search index v" + strconv.Itoa(Version) + "\x00")
	for i := range docs {
		b = docs[i].appendKey(b)
		if len(b) >= 64<<10 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// appendKey appends every field of d, each string with its length so that
// no two docs encode alike.
func (d *Doc) appendKey(b []byte) []byte {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	strs := func(l []string) {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	date := func(t time.Time) {
		b = binary.AppendVarint(b, t.Unix())
		b = binary.AppendVarint(b, int64(t.Nanosecond()))
		_, off := t.Zone()
		b = binary.AppendVarint(b, int64(off))
	}
	b = append(b, byte(d.Type))
	str(d.URL)
	str(d.Title)
	str(d.Sub)
	date(d.Date)
	str(d.Authority)
	str(d.Body)
	strs(d.Identifiers)
	f := &d.Facets
	b = binary.AppendVarint(b, int64(f.Year))
	strs(f.Categories)
	str(f.Domain)
	str(f.PowerCat)
	b = binary.AppendVarint(b, int64(f.Fine))
	if f.HasFine {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	return b
}
