package search

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"gongshi/generator/internal/hashkey"
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

// appendKey appends every field of d.
func (d *Doc) appendKey(b []byte) []byte {
	k := hashkey.Buf(b)
	k = append(k, byte(d.Type))
	k.Str(d.Kind)
	k.Str(d.KindLabel)
	k.Str(d.URL)
	k.Str(d.Title)
	k.Str(d.Sub)
	k.Time(d.Date)
	k.Str(d.Authority)
	k.Str(d.Body)
	k.Strs(d.Identifiers)
	f := &d.Facets
	k.Int(int64(f.Year))
	k.Strs(f.Categories)
	k.Str(f.Domain)
	k.Str(f.PowerCat)
	k.Int(int64(f.Fine))
	k.Bool(f.HasFine)
	k.Str(f.Site)
	k.Time(d.End)
	return k
}
