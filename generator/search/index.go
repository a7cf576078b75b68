package search

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"maps"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"gongshi/generator/internal/jsonstr"
	"gongshi/generator/records"
)

// Version is the index format version, in meta.json.
const Version = 6

// BodyOffset is where body positions start: a title's characters are at
// positions 0…, the body's at BodyOffset…. Titles are indexed up to
// maxTitle characters.
const (
	BodyOffset = 1024
	maxTitle   = 1000
	maxDisplay = 3000
)

// Options tunes the index layout. The zero value gives the defaults.
type Options struct {
	// ShardBytes is the target size of a postings shard (default 24 KiB).
	ShardBytes int
	// ChunkSize is the number of docs per doc chunk (default 4).
	ChunkSize int
	// SeparatePos is the size above which a term's positions get their own
	// file instead of sharing the shard's positions file (default 8 KiB).
	SeparatePos int
	// Synonyms expand query words (meta "syn"); nil means none.
	Synonyms Synonyms
	// Previous is the previous build's index (the folder /search/index/
	// of its output), or nil. Build extends it when it is usable, and
	// writes the compacted layout when it is not.
	Previous fs.FS
	// Compact writes the compacted layout whatever Previous holds.
	Compact bool
	// Salt names the program that builds the index (meta "salt"): a
	// previous index of another salt is not extended, since its terms may
	// have been normalised differently.
	Salt string

	// sites is set by Build when a doc names its site: every segment then
	// has the site facet's column, and the facets all segments share.
	sites bool
}

func (o Options) withDefaults() Options {
	if o.ShardBytes <= 0 {
		o.ShardBytes = 24 << 10
	}
	if o.ChunkSize <= 0 {
		o.ChunkSize = 4
	}
	if o.SeparatePos <= 0 {
		o.SeparatePos = 8 << 10
	}
	return o
}

// Index is a built index: its files, by path below /search/index/.
type Index struct {
	// Files maps a path below /search/index/ ("meta.json",
	// "3f2a9c…/s12.bin") to its content: every file of a compacted index,
	// the new files of an extended one.
	Files map[string][]byte
	// Kept lists the files of Options.Previous that the index uses
	// unchanged, sorted: the writer copies them from the previous output.
	Kept []string
	Meta Meta
	// Layout says how the index was made: "compacted: " and the reason, or
	// "extended".
	Layout string
	// Stats describes the index for benchmarks and logs.
	Stats Stats
}

// Stats are sizes of an index.
type Stats struct {
	Docs, Terms, Shards, Chunks                int
	PostingBytes, PosBytes                     int64
	ChunkBytes, FacetBytes, DayBytes, MetaSize int64
	TotalBytes                                 int64
	// Added, Dead and Merged count the docs given new numbers, the
	// numbers tombstoned, and the numbers rewritten from earlier segments
	// by an extending build; Rechunked counts the chunk files of kept
	// segments it rewrites without their dead docs.
	Added, Dead, Merged, Rechunked int
}

// Meta is meta.json: everything a client needs before the first query.
type Meta struct {
	Version int `json:"v"`
	// Docs is the count of doc numbers: every segment's numbers are below.
	Docs  int `json:"docs"`
	Chunk int `json:"chunk"`
	// Segs are the segments, in order of their numbers.
	Segs []Segment `json:"segs"`
	// Dead names the tombstone file, "" when no number is dead.
	Dead       string  `json:"dead,omitempty"`
	BodyOffset int     `json:"bodyAt"`
	Facets     []Facet `json:"facets"`
	// Fold lists the character folding pairs (source, target, …) whose
	// target occurs in the index or in Syn: the part of foldTable a query
	// can need, since a part with any other folded character matches
	// nothing either way.
	Fold string `json:"fold,omitempty"`
	// Syn is the synonym table: per word, the word then its synonyms.
	Syn [][]string `json:"syn,omitempty"`
	// Salt is Options.Salt.
	Salt string `json:"salt,omitempty"`
}

// Segment is one segment's entry in meta.json: the doc numbers Lo …
// Lo+N-1, indexed in the folder Dir.
type Segment struct {
	Dir    string `json:"dir"`
	Lo     int    `json:"lo"`
	N      int    `json:"n"`
	Shards int    `json:"shards"`
	// ChunkBytes is the average size of the segment's chunk files.
	ChunkBytes int `json:"chunkBytes"`
	// Long lists the docs whose text in their chunk is truncated.
	Long []int `json:"long,omitempty"`
	// Fmap maps, per facet, a value stored in the segment's facet table to
	// the value in meta's facets; nil when every value is the same.
	Fmap [][]int `json:"fmap,omitempty"`
	// State is the hash of the segment's state.bin.
	State string `json:"state"`
	// Re names the chunks rewritten since the segment was built: chunk
	// index → the hash in its file name (ChunkFile).
	Re map[int]string `json:"re,omitempty"`
}

// ChunkFile is the name, within the segment's folder, of its chunk c:
// cC.json as built, cC-H.json once rewritten (H from Re).
func (s *Segment) ChunkFile(c int) string {
	if h, ok := s.Re[c]; ok {
		return "c" + strconv.Itoa(c) + "-" + h + ".json"
	}
	return "c" + strconv.Itoa(c) + ".json"
}

// Facet describes a filter: its URL key, label and values; a doc's value
// is stored in the facet table as 0 (none) or value index + 1 (for "cat",
// set index + 1, the set listing value indices).
type Facet struct {
	Key    string       `json:"key"`
	Label  string       `json:"label"`
	Values []FacetValue `json:"values"`
	Sets   [][]int      `json:"sets,omitempty"`
}

// FacetValue is one value of a facet: V in the URL, L shown.
type FacetValue struct {
	V string `json:"v"`
	L string `json:"l"`
}

// term accumulates one term's postings while docs are added in order.
type term struct {
	n, tn       int
	last, tlast uint32
	docs, title []byte // delta varints
	pos         []byte // per doc: count, then delta positions
	bigram      bool
}

func (t *term) add(id uint32, inTitle bool, pos []uint32) {
	if t.n == 0 {
		t.docs = binary.AppendUvarint(t.docs, uint64(id))
	} else {
		t.docs = binary.AppendUvarint(t.docs, uint64(id-t.last))
	}
	t.n++
	t.last = id
	if inTitle {
		if t.tn == 0 {
			t.title = binary.AppendUvarint(t.title, uint64(id))
		} else {
			t.title = binary.AppendUvarint(t.title, uint64(id-t.tlast))
		}
		t.tn++
		t.tlast = id
	}
	if t.bigram {
		t.pos = binary.AppendUvarint(t.pos, uint64(len(pos)))
		prev := uint32(0)
		for _, p := range pos {
			t.pos = binary.AppendUvarint(t.pos, uint64(p-prev))
			prev = p
		}
	}
}

// join appends u, the same term's postings over a later range of docs.
func (t *term) join(u *term) {
	if u.n > 0 {
		t.docs = appendRebased(t.docs, u.docs, t.n > 0, t.last)
		t.n += u.n
		t.last = u.last
	}
	if u.tn > 0 {
		t.title = appendRebased(t.title, u.title, t.tn > 0, t.tlast)
		t.tn += u.tn
		t.tlast = u.tlast
	}
	t.pos = append(t.pos, u.pos...)
}

// appendRebased appends the delta list b, whose first value is absolute,
// to a, whose last id is last (when a is not empty).
func appendRebased(a, b []byte, rebase bool, last uint32) []byte {
	if !rebase {
		return append(a, b...)
	}
	first, k := binary.Uvarint(b)
	a = binary.AppendUvarint(a, first-uint64(last))
	return append(a, b[k:]...)
}

// termTables are the terms of a range of docs.
type termTables struct {
	terms  map[uint64]*term
	idents map[string]*term
}

// indexRange normalises docs lo…hi-1 into titles and bodies and indexes
// them as the doc numbers base+lo….
func indexRange(docs []Doc, titles, bodies [][]rune, lo, hi int, base uint32) termTables {
	terms := map[uint64]*term{}
	idents := map[string]*term{}
	var cur docTerms
	var pos []uint32
	seen := map[string]bool{}
	for id := lo; id < hi; id++ {
		t := []rune(Normalize(docs[id].Title))
		if len(t) > maxTitle {
			t = t[:maxTitle]
		}
		titles[id] = t
		bodies[id] = []rune(Normalize(docs[id].Body))
		cur.reset(len(titles[id])*2 + len(bodies[id])*2)
		visit := func(rs []rune, base uint32, inTitle bool) {
			for i, r := range rs {
				if r == ' ' {
					continue
				}
				cur.get(key(r, 0), inTitle)
				if i+1 < len(rs) && rs[i+1] != ' ' {
					cur.addPos(cur.get(key(r, rs[i+1]), inTitle), base+uint32(i))
				}
			}
		}
		visit(titles[id], 0, true)
		visit(bodies[id], BodyOffset, false)
		for e := range cur.ents {
			dt := &cur.ents[e]
			t := terms[dt.key]
			if t == nil {
				t = &term{bigram: dt.key&0xffffffff != 0}
				terms[dt.key] = t
			}
			pos = pos[:0]
			for j := dt.head; j >= 0; j = cur.pos[j].next {
				pos = append(pos, cur.pos[j].p)
			}
			t.add(base+uint32(id), dt.title, pos)
		}
		clear(seen)
		for _, s := range docs[id].Identifiers {
			k := "=" + Identifier(s)
			if k == "=" || seen[k] {
				continue
			}
			seen[k] = true
			t := idents[k]
			if t == nil {
				t = &term{}
				idents[k] = t
			}
			t.add(base+uint32(id), false, nil)
		}
	}
	return termTables{terms, idents}
}

// docTerms collects the distinct terms of one doc and their positions. It
// is an open-addressing table reset per doc by bumping a stamp, with the
// positions kept as linked lists in one array: indexing a doc allocates
// nothing once the arrays have grown, where a map and a slice per term
// were most of the indexing time.
type docTerms struct {
	slots []dtSlot // a power of two long
	shift uint
	stamp uint32
	ents  []dtEnt // the doc's terms, in order of first occurrence
	pos   []dtPos
}

type dtSlot struct {
	key   uint64
	stamp uint32
	ent   int32
}

type dtEnt struct {
	key        uint64
	title      bool
	head, tail int32 // into pos; -1 when the term has no positions
}

type dtPos struct {
	p    uint32
	next int32
}

// reset empties d for a doc of at most n term occurrences.
func (d *docTerms) reset(n int) {
	d.ents, d.pos = d.ents[:0], d.pos[:0]
	if size := max(64, 2*n); len(d.slots) < size {
		bits := uint(64 - 1)
		for 1<<(64-bits) < size {
			bits--
		}
		d.slots, d.shift, d.stamp = make([]dtSlot, 1<<(64-bits)), bits, 0
	}
	d.stamp++
	if d.stamp == 0 { // wrapped: stale stamps could match again
		clear(d.slots)
		d.stamp = 1
	}
}

// get returns the entry of term k, adding it when new.
func (d *docTerms) get(k uint64, inTitle bool) int32 {
	mask := len(d.slots) - 1
	for i := int((k * 0x9E3779B97F4A7C15) >> d.shift); ; i = (i + 1) & mask {
		sl := &d.slots[i]
		if sl.stamp != d.stamp {
			sl.key, sl.stamp, sl.ent = k, d.stamp, int32(len(d.ents))
			d.ents = append(d.ents, dtEnt{key: k, title: inTitle, head: -1, tail: -1})
			return sl.ent
		}
		if sl.key == k {
			if inTitle {
				d.ents[sl.ent].title = true
			}
			return sl.ent
		}
	}
}

// addPos appends position p to entry e's list.
func (d *docTerms) addPos(e int32, p uint32) {
	j := int32(len(d.pos))
	d.pos = append(d.pos, dtPos{p: p, next: -1})
	if ent := &d.ents[e]; ent.head < 0 {
		ent.head = j
	} else {
		d.pos[ent.tail].next = j
	}
	d.ents[e].tail = j
}

// key packs a unigram (r, 0) or a bigram (r1, r2).
func key(r1, r2 rune) uint64 { return uint64(r1)<<32 | uint64(r2) }

func keyString(k uint64) string {
	r1, r2 := rune(k>>32), rune(k&0xffffffff)
	if r2 == 0 {
		return string(r1)
	}
	return string([]rune{r1, r2})
}

// SearchText is a doc's normalised searchable text, as the exactness
// contract defines it: a query part matches when this contains it.
func SearchText(d *Doc) string {
	return Normalize(d.Title) + " " + Normalize(d.Body)
}

// segResult is a segment built from docs: its files (names within its
// folder), its entry in meta.json (without Dir, Fmap and State), its own
// facet values and the characters its text uses.
type segResult struct {
	files  map[string][]byte
	seg    Segment
	facets []Facet
	used   func(rune) bool
	stats  Stats
}

// buildSegment indexes docs as the doc numbers lo, lo+1, …; a doc with
// hole set is a number without a doc (no terms, a null chunk entry, no
// facet values). The work runs on GOMAXPROCS workers; the output does not
// depend on their number.
func buildSegment(docs []Doc, hole []bool, lo int, o Options, shardBytes int) segResult {
	n := len(docs)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/256))
	titles := make([][]rune, n)
	bodies := make([][]rune, n)
	// Each worker normalises and indexes a contiguous range of docs into
	// its own term tables; the tables are then joined in range order.
	parts := make([]termTables, workers)
	var g errgroup.Group
	for w := range workers {
		wlo, whi := w*n/workers, (w+1)*n/workers
		g.Go(func() error {
			parts[w] = indexRange(docs, titles, bodies, wlo, whi, uint32(lo))
			return nil
		})
	}
	g.Wait()
	terms, idents := parts[0].terms, parts[0].idents
	for _, p := range parts[1:] {
		for k, t := range p.terms {
			if a := terms[k]; a != nil {
				a.join(t)
			} else {
				terms[k] = t
			}
		}
		for k, t := range p.idents {
			if a := idents[k]; a != nil {
				a.join(t)
			} else {
				idents[k] = t
			}
		}
	}

	// Encode every term's lists, then deal the terms to shards.
	all := make([]encoded, 0, len(terms)+len(idents))
	for k, t := range terms {
		all = append(all, encoded{name: keyString(k), n: t.n, tn: t.tn, docs: t.docs, title: t.title, pos: t.pos})
	}
	all = append(all, identContains(docs, titles, bodies, idents, workers, uint32(lo))...)
	forRanges(len(all), workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			e := &all[i]
			e.docs, e.title = encodeList(e.docs, e.n, n), encodeList(e.title, e.tn, n)
		}
	})
	var total int
	for i := range all {
		total += len(all[i].docs) + len(all[i].title) + len(all[i].name) + 6
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	shards := 1
	for shards*shardBytes < total {
		shards *= 2
	}
	byShard := make([][]int, shards)
	for i := range all {
		s := shardOfTerm(all[i].name, shards)
		byShard[s] = append(byShard[s], i)
	}

	type shardFiles struct {
		data, pos []byte
		sep       map[int][]byte
		posBytes  int64
	}
	sfs := make([]shardFiles, shards)
	forRanges(shards, workers, func(lo, hi int) {
		for s := lo; s < hi; s++ {
			idx := byShard[s]
			sf := &sfs[s]
			var head, blob []byte
			head = binary.AppendUvarint(head, uint64(len(idx)))
			for j, i := range idx {
				e := &all[i]
				head = binary.AppendUvarint(head, uint64(len(e.name)))
				head = append(head, e.name...)
				head = binary.AppendUvarint(head, uint64(e.n))
				head = binary.AppendUvarint(head, uint64(e.tn))
				head = binary.AppendUvarint(head, uint64(len(e.docs)))
				head = binary.AppendUvarint(head, uint64(len(e.title)))
				sep := 0
				if len(e.pos) > o.SeparatePos {
					sep = 1
					if sf.sep == nil {
						sf.sep = map[int][]byte{}
					}
					sf.sep[j] = e.pos
				} else {
					sf.pos = append(sf.pos, e.pos...)
				}
				if e.complete {
					sep = 1
				}
				head = binary.AppendUvarint(head, uint64(len(e.pos))<<1|uint64(sep))
				blob = append(blob, e.docs...)
				blob = append(blob, e.title...)
				sf.posBytes += int64(len(e.pos))
			}
			sf.data = append(head, blob...)
		}
	})
	files := map[string][]byte{}
	st := Stats{Docs: n, Terms: len(all), Shards: shards}
	for s := range sfs {
		sf := &sfs[s]
		st.PosBytes += sf.posBytes
		st.PostingBytes += int64(len(sf.data))
		files["s"+strconv.Itoa(s)+".bin"] = sf.data
		if len(sf.pos) > 0 {
			files["q"+strconv.Itoa(s)+".bin"] = sf.pos
		}
		for j, b := range sf.sep {
			files[fmt.Sprintf("q%d-%d.bin", s, j)] = b
		}
	}

	// Doc chunks: what a result shows, and the text that verifies a match.
	nchunks := (n + o.ChunkSize - 1) / o.ChunkSize
	chunks := make([][]byte, nchunks)
	longs := make([][]int, nchunks)
	forRanges(nchunks, workers, func(lo, hi int) {
		for c := lo; c < hi; c++ {
			last := min(n, (c+1)*o.ChunkSize)
			size := 2
			for id := c * o.ChunkSize; id < last; id++ {
				d := &docs[id]
				size += 64 + len(d.URL) + len(d.Title) + len(d.Sub) + len(d.Authority) + min(len(d.Body), 3*maxDisplay)
			}
			data := make([]byte, 0, size+size/16) // room for a few escapes
			for id := c * o.ChunkSize; id < last; id++ {
				d := &docs[id]
				sep := byte(',')
				if len(data) == 0 {
					sep = '['
				}
				if hole != nil && hole[id] {
					data = append(append(data, sep), "null"...)
					continue
				}
				cd := chunkDoc{K: d.name(), U: d.URL, T: d.Title, S: d.Sub, A: d.Authority, B: truncate(d.Body, maxDisplay), W: d.Facets.Site}
				if cd.B != d.Body || len(titles[id]) == maxTitle {
					longs[c] = append(longs[c], lo+id)
				}
				if !d.Date.IsZero() {
					cd.D = d.Date.Format("2006-01-02")
				}
				data = cd.appendJSON(append(data, sep))
			}
			chunks[c] = append(data, ']')
		}
	})
	var long []int
	for c, data := range chunks {
		files["c"+strconv.Itoa(c)+".json"] = data
		st.ChunkBytes += int64(len(data))
		st.Chunks++
		long = append(long, longs[c]...)
	}

	facets, cols := buildFacets(docs, hole, o.sites)
	table := encodeFacets(cols)
	files["facets.bin"] = table
	files["days.bin"] = encodeColumn(days(docs, hole))
	st.FacetBytes = int64(len(table))
	st.DayBytes = int64(len(files["days.bin"]))
	for _, v := range files {
		st.TotalBytes += int64(len(v))
	}
	seg := Segment{Lo: lo, N: n, Shards: shards, ChunkBytes: int(st.ChunkBytes / int64(max(st.Chunks, 1))), Long: long}
	return segResult{files: files, seg: seg, facets: facets, used: usedRunes(titles, bodies, nil, workers), stats: st}
}

// usedRunes returns whether a character occurs in the normalised titles
// and bodies or in the synonym table.
func usedRunes(titles, bodies [][]rune, syn [][]string, workers int) func(rune) bool {
	const words = (utf8.MaxRune + 1) / 64
	n := len(titles)
	parts := make([][]uint64, max(1, min(workers, n)))
	var g errgroup.Group
	for w := range parts {
		lo, hi := w*n/len(parts), (w+1)*n/len(parts)
		g.Go(func() error {
			set := make([]uint64, words)
			for id := lo; id < hi; id++ {
				for _, rs := range [2][]rune{titles[id], bodies[id]} {
					for _, r := range rs {
						set[r/64] |= 1 << (r % 64)
					}
				}
			}
			parts[w] = set
			return nil
		})
	}
	g.Wait()
	all := make([]uint64, words)
	for _, p := range parts {
		all = orSet(all, p)
	}
	for _, row := range syn {
		for _, w := range row {
			for _, r := range w {
				all[r/64] |= 1 << (r % 64)
			}
		}
	}
	return func(r rune) bool { return all[r/64]&(1<<(r%64)) != 0 }
}

func orSet(a, b []uint64) []uint64 {
	if a == nil {
		return b
	}
	for i := range b {
		a[i] |= b[i]
	}
	return a
}

// chunkDoc is a doc as stored in a chunk file.
type chunkDoc struct {
	K string `json:"k"`
	U string `json:"u"`
	T string `json:"t"`
	S string `json:"s,omitempty"`
	D string `json:"d,omitempty"`
	A string `json:"a,omitempty"`
	B string `json:"b,omitempty"`
	W string `json:"w,omitempty"`
}

// appendJSON appends d as json.Marshal writes it, by hand: marshalling
// the chunks through reflection was a tenth of building the index.
// TestChunkJSONMatchesMarshal holds the two equal.
func (d *chunkDoc) appendJSON(b []byte) []byte {
	b = append(b, `{"k":`...)
	b = jsonstr.Append(b, d.K)
	b = append(b, `,"u":`...)
	b = jsonstr.Append(b, d.U)
	b = append(b, `,"t":`...)
	b = jsonstr.Append(b, d.T)
	for _, f := range [...]struct{ key, v string }{{`,"s":`, d.S}, {`,"d":`, d.D}, {`,"a":`, d.A}, {`,"b":`, d.B}, {`,"w":`, d.W}} {
		if f.v != "" {
			b = append(b, f.key...)
			b = jsonstr.Append(b, f.v)
		}
	}
	return append(b, '}')
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// ShardOf is the shard of a term: FNV-1a (32 bit) of its UTF-8 bytes,
// modulo the number of shards (a power of two).
func ShardOf(term string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(term); i++ {
		h ^= uint32(term[i])
		h *= 16777619
	}
	return int(h & uint32(shards-1))
}

// shardOfTerm is the shard of a term: ShardOf its name, except that a
// "+" term (the docs containing an identifier) lives with its "=" term.
func shardOfTerm(name string, shards int) int {
	if strings.HasPrefix(name, "+") {
		name = "=" + name[1:]
	}
	return ShardOf(name, shards)
}

// encodeList turns a delta-varint list of count ids into the stored form:
// a mode byte, then either the deltas (mode 0) or, when smaller, a bitmap
// (mode 1: varint first id, then bits from it, least significant first).
func encodeList(deltas []byte, count, docs int) []byte {
	if count == 0 {
		return nil
	}
	if len(deltas) < 32 {
		return append([]byte{0}, deltas...)
	}
	ids := decodeDeltas(deltas, count)
	first, last := ids[0], ids[len(ids)-1]
	bm := make([]byte, (last-first)/8+1)
	for _, id := range ids {
		bm[(id-first)/8] |= 1 << ((id - first) % 8)
	}
	bmLen := len(bm) + uvarintLen(uint64(first))
	if bmLen < len(deltas) {
		out := append([]byte{1}, binary.AppendUvarint(nil, uint64(first))...)
		return append(out, bm...)
	}
	return append([]byte{0}, deltas...)
}

func uvarintLen(x uint64) int { return (bits.Len64(x|1) + 6) / 7 }

func decodeDeltas(b []byte, count int) []uint32 {
	ids := make([]uint32, 0, count)
	var cur uint32
	for i := 0; i < count; i++ {
		v, k := binary.Uvarint(b)
		b = b[k:]
		if i == 0 {
			cur = uint32(v)
		} else {
			cur += uint32(v)
		}
		ids = append(ids, cur)
	}
	return ids
}

// decodeList is the inverse of encodeList.
func decodeList(b []byte, count int) []uint32 {
	if count == 0 || len(b) == 0 {
		return nil
	}
	if b[0] == 0 {
		return decodeDeltas(b[1:], count)
	}
	first, k := binary.Uvarint(b[1:])
	bm := b[1+k:]
	ids := make([]uint32, 0, count)
	for i, c := range bm {
		for c != 0 {
			j := bits.TrailingZeros8(c)
			ids = append(ids, uint32(first)+uint32(i*8+j))
			c &= c - 1
		}
	}
	return ids
}

// Facet keys, in the order of the facet table's columns.
const (
	facetType = iota
	facetYear
	facetCat
	facetAmount
	facetDomain
	facetPowerCat
	numFacets
)

// buildFacets lists the facets' values of docs (leaving out those with
// hole set) and each doc's value per facet (0 for none, else index + 1),
// with the site facet last when sites is set.
func buildFacets(docs []Doc, hole []bool, sites bool) ([]Facet, [][]int) {
	n := len(docs)
	cols := make([][]int, numFacets)
	for i := range cols {
		cols[i] = make([]int, n)
	}
	fs := []Facet{{Key: "type", Label: "类型"}, {Key: "year", Label: "年份"}, {Key: "cat", Label: "类别"},
		{Key: "amount", Label: "罚款金额"}, {Key: "domain", Label: "领域"}, {Key: "pcat", Label: "事项类型"}}
	for i, name := range typeNames {
		fs[facetType].Values = append(fs[facetType].Values, FacetValue{V: name, L: typeLabels[i]})
	}
	// Declared kinds follow the built-in types, by name.
	kinds := map[string]string{}
	for i := range docs {
		if hole != nil && hole[i] {
			continue
		}
		if docs[i].Type == TypeRecord {
			kinds[docs[i].Kind] = docs[i].KindLabel
		}
	}
	kindIdx := map[string]int{}
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		kindIdx[k] = len(fs[facetType].Values)
		fs[facetType].Values = append(fs[facetType].Values, FacetValue{V: k, L: kinds[k]})
	}
	for _, r := range amountRanges {
		fs[facetAmount].Values = append(fs[facetAmount].Values, FacetValue{V: r.Key, L: r.Label})
	}
	// Value lists in a stable order.
	years := map[int]bool{}
	cats := map[string]bool{}
	doms := map[string]bool{}
	pcats := map[string]bool{}
	for i := range docs {
		if hole != nil && hole[i] {
			continue
		}
		f := &docs[i].Facets
		if f.Year > 0 {
			years[f.Year] = true
		}
		for _, c := range f.Categories {
			cats[catName(c)] = true
		}
		if f.Domain != "" {
			doms[f.Domain] = true
		}
		if f.PowerCat != "" {
			pcats[f.PowerCat] = true
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ys)))
	yearIdx := map[int]int{}
	for i, y := range ys {
		yearIdx[y] = i + 1
		fs[facetYear].Values = append(fs[facetYear].Values, FacetValue{V: strconv.Itoa(y), L: strconv.Itoa(y) + "年"})
	}
	catIdx := orderedValues(&fs[facetCat], cats, records.Categories)
	domIdx := orderedValues(&fs[facetDomain], doms, nil)
	pcatIdx := orderedValues(&fs[facetPowerCat], pcats, records.PowerCategories)
	setIdx := map[string]int{}
	for i := range docs {
		if hole != nil && hole[i] {
			continue
		}
		d := &docs[i]
		f := &d.Facets
		cols[facetType][i] = int(d.Type) + 1
		if d.Type == TypeRecord {
			cols[facetType][i] = kindIdx[d.Kind] + 1
		}
		cols[facetYear][i] = yearIdx[f.Year]
		if len(f.Categories) > 0 {
			var set []int
			for _, c := range f.Categories {
				set = append(set, catIdx[catName(c)]-1)
			}
			sort.Ints(set)
			set = compactInts(set)
			k := fmt.Sprint(set)
			if setIdx[k] == 0 {
				fs[facetCat].Sets = append(fs[facetCat].Sets, set)
				setIdx[k] = len(fs[facetCat].Sets)
			}
			cols[facetCat][i] = setIdx[k]
		}
		cols[facetAmount][i] = amountIndex(*f) + 1
		cols[facetDomain][i] = domIdx[f.Domain]
		cols[facetPowerCat][i] = pcatIdx[f.PowerCat]
	}
	if sites {
		sc := siteFacet(docs, hole)
		fs = append(fs, sc.facet)
		cols = append(cols, sc.col)
	}
	return fs, cols
}

// encodeFacets encodes the facet table: one column per facet (encodeColumn;
// days.bin is one more column, encoded alike).
func encodeFacets(cols [][]int) []byte {
	var out []byte
	for _, col := range cols {
		out = append(out, encodeColumn(col)...)
	}
	return out
}

// days is the day column of docs: 0 for none (no date, or a hole), else
// the days from 1970-01-01 to the doc's date plus 1, at most 65535.
func days(docs []Doc, hole []bool) []int {
	out := make([]int, len(docs))
	for i := range docs {
		if (hole != nil && hole[i]) || docs[i].Date.IsZero() {
			continue
		}
		out[i] = dayOf(docs[i].Date)
	}
	return out
}

func dayOf(t time.Time) int {
	y, m, d := t.Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	return min(max(days+1, 1), 65535)
}

// siteColumn is the facet of the docs' sites and its column.
type siteColumn struct {
	facet Facet
	col   []int
}

// siteFacet lists the sites of docs (leaving out those with hole set) in
// the order they first appear, and each doc's.
func siteFacet(docs []Doc, hole []bool) *siteColumn {
	sc := &siteColumn{facet: Facet{Key: "site", Label: "镇（街道）"}, col: make([]int, len(docs))}
	idx := map[string]int{}
	for i := range docs {
		s := docs[i].Facets.Site
		if s == "" || hole != nil && hole[i] {
			continue
		}
		if idx[s] == 0 {
			sc.facet.Values = append(sc.facet.Values, FacetValue{V: s, L: s})
			idx[s] = len(sc.facet.Values)
		}
		sc.col[i] = idx[s]
	}
	return sc
}

// namesSites reports whether a doc names its site.
func namesSites(docs []Doc) bool {
	for i := range docs {
		if docs[i].Facets.Site != "" {
			return true
		}
	}
	return false
}

// catName folds "其他-…" penalty categories into 其他.
func catName(c string) string {
	if strings.HasPrefix(c, "其他") {
		return "其他"
	}
	return c
}

func compactInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// orderedValues fills f's values from set: first those in order, then the
// rest sorted. It returns value → index + 1.
func orderedValues(f *Facet, set map[string]bool, order []string) map[string]int {
	idx := map[string]int{}
	add := func(v string) {
		if set[v] && idx[v] == 0 {
			f.Values = append(f.Values, FacetValue{V: v, L: v})
			idx[v] = len(f.Values)
		}
	}
	for _, v := range order {
		add(v)
	}
	var rest []string
	for v := range set {
		rest = append(rest, v)
	}
	sort.Strings(rest)
	for _, v := range rest {
		add(v)
	}
	return idx
}

// encodeColumn encodes one column of values, one per doc, either raw (mode
// 0: one byte per doc; mode 2: two bytes little-endian), run-length (mode 1:
// varint runs, then pairs of varint value and varint length) or bit-packed
// (mode 3: a width byte w < 8, then w bits per doc, least significant
// first), whichever is smaller.
func encodeColumn(col []int) []byte {
	wide := false
	for _, v := range col {
		if v > 255 {
			wide = true
		}
	}
	var rle []byte
	runs := 0
	for i := 0; i < len(col); {
		j := i
		for j < len(col) && col[j] == col[i] {
			j++
		}
		rle = binary.AppendUvarint(rle, uint64(col[i]))
		rle = binary.AppendUvarint(rle, uint64(j-i))
		runs++
		i = j
	}
	rawLen := len(col)
	if wide {
		rawLen *= 2
	}
	width := 0
	for _, v := range col {
		width = max(width, bits.Len(uint(v)))
	}
	packLen := 1 + (len(col)*width+7)/8
	if rleLen := len(rle) + uvarintLen(uint64(runs)); rleLen < rawLen && rleLen <= packLen {
		out := []byte{1}
		out = binary.AppendUvarint(out, uint64(runs))
		return append(out, rle...)
	}
	if width < 8 {
		// Mode 3: a width byte, then each value in width bits, least
		// significant bit first.
		out := make([]byte, 2+(len(col)*width+7)/8)
		out[0], out[1] = 3, byte(width)
		for i, v := range col {
			for k := 0; k < width; k++ {
				if v>>k&1 == 1 {
					b := i*width + k
					out[2+b/8] |= 1 << (b % 8)
				}
			}
		}
		return out
	}
	if wide {
		out := []byte{2}
		for _, v := range col {
			out = binary.LittleEndian.AppendUint16(out, uint16(v))
		}
		return out
	}
	out := []byte{0}
	for _, v := range col {
		out = append(out, byte(v))
	}
	return out
}

// forRanges runs f over [0, n) split into contiguous ranges, on up to
// workers goroutines.
func forRanges(n, workers int, f func(lo, hi int)) {
	var g errgroup.Group
	parts := max(1, min(workers*4, n))
	g.SetLimit(workers)
	for w := range parts {
		lo, hi := w*n/parts, (w+1)*n/parts
		if lo < hi {
			g.Go(func() error { f(lo, hi); return nil })
		}
	}
	g.Wait()
}

// encoded is a term ready for its shard: lists as delta varints until
// encodeList, then in their stored form.
type encoded struct {
	name        string
	n, tn       int
	docs, title []byte
	pos         []byte
	// complete marks an identifier term whose docs are also exactly the
	// docs whose search text contains the identifier, none in the title.
	complete bool
}

// minContains is the length, in characters, from which an identifier's
// term says which docs contain it.
const minContains = 8

// identContains returns the identifier terms ("=" + key, the docs with that
// identifier) and, for keys of minContains or more characters, which docs
// contain the key anywhere in their search text: when those are the
// identifier's own docs and none has it in the title, the "=" term is
// marked complete; otherwise a "+" term lists them (docs and title docs).
// A one-part query equal to such a key is then answered by one shard.
func identContains(docs []Doc, titles, bodies [][]rune, idents map[string]*term, workers int, base uint32) []encoded {
	keys := make([]string, 0, len(idents))
	for k := range idents {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Long keys by a hash of their last minContains characters, with a
	// bitset in front of the map.
	const filterBits = 1 << 22
	filter := make([]uint64, filterBits/64)
	byHash := map[uint64][]int32{}
	runes := make([][]rune, len(keys))
	for i, k := range keys {
		rs := []rune(k[1:])
		if len(rs) < minContains {
			continue
		}
		runes[i] = rs
		h := windowHash(rs[len(rs)-minContains:])
		filter[h%filterBits/64] |= 1 << (h % 64)
		byHash[h] = append(byHash[h], int32(i))
	}
	type hit struct {
		key   int32
		doc   uint32
		title bool
	}
	n := len(docs)
	parts := max(1, min(workers*4, n))
	hits := make([][]hit, parts)
	var g errgroup.Group
	g.SetLimit(workers)
	for w := range parts {
		lo, hi := w*n/parts, (w+1)*n/parts
		g.Go(func() error {
			var text []rune
			seen := map[int32]int{}
			for d := lo; d < hi; d++ {
				title := titles[d]
				if len(title) == maxTitle {
					title = []rune(Normalize(docs[d].Title))
				}
				text = append(append(append(text[:0], title...), ' '), bodies[d]...)
				clear(seen)
				var h uint64
				for j, r := range text {
					h = h*hashMul + uint64(r)
					if j >= minContains {
						h -= uint64(text[j-minContains]) * hashPow
					}
					if j+1 < minContains || filter[h%filterBits/64]&(1<<(h%64)) == 0 {
						continue
					}
					for _, ki := range byHash[h] {
						k := runes[ki]
						if j+1 < len(k) || !slices.Equal(text[j+1-len(k):j+1], k) {
							continue
						}
						inTitle := j < len(title)
						if at, ok := seen[ki]; ok {
							hits[w][at].title = hits[w][at].title || inTitle
							continue
						}
						seen[ki] = len(hits[w])
						hits[w] = append(hits[w], hit{ki, base + uint32(d), inTitle})
					}
				}
			}
			return nil
		})
	}
	g.Wait()
	contains := make([]*term, len(keys))
	for _, hs := range hits {
		for _, h := range hs {
			t := contains[h.key]
			if t == nil {
				t = &term{}
				contains[h.key] = t
			}
			t.add(h.doc, h.title, nil)
		}
	}
	var out []encoded
	for i, k := range keys {
		t := idents[k]
		e := encoded{name: k, n: t.n, docs: t.docs}
		if c := contains[i]; c != nil {
			if c.tn == 0 && slices.Equal(c.docs, t.docs) {
				e.complete = true
			} else {
				out = append(out, encoded{name: "+" + k[1:], n: c.n, tn: c.tn, docs: c.docs, title: c.title})
			}
		}
		out = append(out, e)
	}
	return out
}

// windowHash is the rolling hash of minContains characters.
func windowHash(rs []rune) uint64 {
	var h uint64
	for _, r := range rs {
		h = h*hashMul + uint64(r)
	}
	return h
}

const hashMul = 0x100000001b3

// hashPow is hashMul to the power minContains.
var hashPow = func() uint64 {
	p := uint64(1)
	for range minContains {
		p *= hashMul
	}
	return p
}()
