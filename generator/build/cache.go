package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"gongshi/generator/diag"
	"gongshi/generator/internal/cachefile"
	"gongshi/generator/records"
)

// The parse cache keeps what reading an export produced (records, table
// summaries, diagnostics), keyed by the file's bytes, its kind, the
// site's aliases for that kind and the gongshi binary itself, so a monthly
// rebuild parses only the files that changed. It lives outside the site
// (Options.CacheDir, by default the user's cache folder) and is only ever a
// shortcut: a missing or unreadable entry means parsing the file again.
// Only a clean parse is kept: a file whose reading raised an error (which
// fails the build) leaves no entry, so a damaged or hostile export never
// takes room in the cache and is read afresh, with its diagnostics, by the
// next build.

// cacheVersion changes when the entry format does.
const cacheVersion = "3"

// castagnoli is CRC-32C, which the processor computes.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// cacheMaxAge is how long an entry unused by any build is kept.
const cacheMaxAge = 30 * 24 * time.Hour

// An entry's file holds a CRC-32C of the rest, the length of its gob part,
// the gob part (the entry without its decisions) and then the decisions,
// which are most of it, in records.AppendCases' encoding. The checksum
// makes a damaged entry a miss: a changed byte inside a decision's text
// would still decode.
type cacheEntry struct {
	Set    records.Set
	Tables []DatasetSummary
	Diags  diag.List
}

// binaryHash identifies the running program (cachefile.Program), so a
// new gongshi never reads entries an older one wrote. Without it the cache
// is off. Tests stand another program in.
var binaryHash = cachefile.Program

// cacheKey returns the entry name for a file, or "" when the cache is off.
func cacheKey(fsys fs.FS, file, kind string, aliases map[string][]string) string {
	bin := binaryHash()
	if bin == "" {
		return ""
	}
	f, err := fsys.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	al, _ := json.Marshal(aliases) // maps marshal with sorted keys
	h := sha256.New()
	for _, part := range [][]byte{[]byte(cacheVersion), []byte(bin), []byte(kind), []byte(file), al} {
		h.Write(part)
		h.Write([]byte{0})
	}
	// Streamed: the exports of a large town are tens of megabytes, which
	// need not all be in memory to be hashed.
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))[:40]
}

// cacheHas reports whether the cache in dir has an entry for key.
func cacheHas(dir, key string) bool {
	_, err := os.Stat(filepath.Join(dir, key+".gob"))
	return err == nil
}

func cacheLoad(dir, key string) (*cacheEntry, bool) {
	if dir == "" || key == "" {
		return nil, false
	}
	p := filepath.Join(dir, key+".gob")
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	if len(data) < 4 || binary.LittleEndian.Uint32(data) != crc32.Checksum(data[4:], castagnoli) {
		return nil, false
	}
	data = data[4:]
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return nil, false
	}
	var e cacheEntry
	if gob.NewDecoder(bytes.NewReader(data[k:k+int(n)])).Decode(&e) != nil {
		return nil, false
	}
	// The decisions' strings are slices of the file's bytes, viewed as a
	// string without a copy: data is this function's alone and never
	// written again.
	rest := data[k+int(n):]
	if len(rest) == 0 {
		return nil, false
	}
	cases, err := records.DecodeCases(unsafe.String(&rest[0], len(rest)))
	if err != nil {
		return nil, false
	}
	e.Set.Cases = cases
	now := time.Now()
	os.Chtimes(p, now, now) // used: keep it
	return &e, true
}

// cacheStore writes the entry for key, unless its diagnostics hold an
// error.
func cacheStore(dir, key string, e *cacheEntry) {
	if dir == "" || key == "" || e.Diags.HasErrors() {
		return
	}
	rest := *e
	rest.Set.Cases = nil
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(&rest) != nil {
		return
	}
	data := binary.AppendUvarint(make([]byte, 4, 4+buf.Len()+len(e.Set.Cases)*512), uint64(buf.Len()))
	data = append(data, buf.Bytes()...)
	data = records.AppendCases(data, e.Set.Cases)
	binary.LittleEndian.PutUint32(data, crc32.Checksum(data[4:], castagnoli))
	cachefile.Write(dir, filepath.Join(dir, key+".gob"), data)
}

// cachePrune removes entries no build has used for cacheMaxAge.
func cachePrune(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > cacheMaxAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
