package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/bits"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gongshi/generator/records"
)

// Version is the index format version, in meta.json.
const Version = 1

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
	// "3f2a9c…/s12.bin") to its content.
	Files map[string][]byte
	Meta  Meta
	// Stats describes the index for benchmarks and logs.
	Stats Stats
}

// Stats are sizes of an index.
type Stats struct {
	Docs, Terms, Shards, Chunks      int
	PostingBytes, PosBytes           int64
	ChunkBytes, FacetBytes, MetaSize int64
	TotalBytes                       int64
}

// Meta is meta.json: everything a client needs before the first query.
type Meta struct {
	Version int    `json:"v"`
	Dir     string `json:"dir"`
	Docs    int    `json:"docs"`
	Shards  int    `json:"shards"`
	Chunk   int    `json:"chunk"`
	// ChunkBytes is the average size of a chunk file.
	ChunkBytes int `json:"chunkBytes"`
	// Long lists the docs whose text in their chunk is truncated.
	Long       []int   `json:"long,omitempty"`
	BodyOffset int     `json:"bodyAt"`
	Facets     []Facet `json:"facets"`
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

type docTerm struct {
	title bool
	pos   []uint32
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

// Build builds the index of docs, which must be in index order (Docs and
// SortDocs give it).
func Build(docs []Doc, o Options) (*Index, error) {
	o = o.withDefaults()
	n := len(docs)
	// Normalising is the expensive part; do it in parallel.
	titles := make([][]rune, n)
	bodies := make([][]rune, n)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				t := []rune(Normalize(docs[i].Title))
				if len(t) > maxTitle {
					t = t[:maxTitle]
				}
				titles[i] = t
				bodies[i] = []rune(Normalize(docs[i].Body))
			}
		}()
	}
	wg.Wait()

	terms := map[uint64]*term{}
	idents := map[string]*term{}
	cur := map[uint64]*docTerm{}
	var pool []docTerm
	for id := range docs {
		clear(cur)
		pool = pool[:0]
		if cap(pool) < len(titles[id])*2+len(bodies[id])*2 {
			pool = make([]docTerm, 0, len(titles[id])*2+len(bodies[id])*2)
		}
		visit := func(rs []rune, base uint32, inTitle bool) {
			for i, r := range rs {
				if r == ' ' {
					continue
				}
				k := key(r, 0)
				dt := cur[k]
				if dt == nil {
					pool = append(pool, docTerm{})
					dt = &pool[len(pool)-1]
					cur[k] = dt
				}
				dt.title = dt.title || inTitle
				if i+1 < len(rs) && rs[i+1] != ' ' {
					k := key(r, rs[i+1])
					dt := cur[k]
					if dt == nil {
						pool = append(pool, docTerm{})
						dt = &pool[len(pool)-1]
						cur[k] = dt
					}
					dt.title = dt.title || inTitle
					dt.pos = append(dt.pos, base+uint32(i))
				}
			}
		}
		visit(titles[id], 0, true)
		visit(bodies[id], BodyOffset, false)
		for k, dt := range cur {
			t := terms[k]
			if t == nil {
				t = &term{bigram: k&0xffffffff != 0}
				terms[k] = t
			}
			t.add(uint32(id), dt.title, dt.pos)
		}
		seen := map[string]bool{}
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
			t.add(uint32(id), false, nil)
		}
	}

	// Encode every term's lists, then deal the terms to shards.
	type encoded struct {
		name        string
		n, tn       int
		docs, title []byte
		pos         []byte
	}
	all := make([]encoded, 0, len(terms)+len(idents))
	var total int
	for k, t := range terms {
		e := encoded{name: keyString(k), n: t.n, tn: t.tn, docs: encodeList(t.docs, t.n, n), title: encodeList(t.title, t.tn, n), pos: t.pos}
		total += len(e.docs) + len(e.title) + len(e.name) + 6
		all = append(all, e)
	}
	for k, t := range idents {
		e := encoded{name: k, n: t.n, docs: encodeList(t.docs, t.n, n), title: encodeList(nil, 0, n)}
		total += len(e.docs) + len(e.title) + len(e.name) + 6
		all = append(all, e)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	shards := 1
	for shards*o.ShardBytes < total {
		shards *= 2
	}
	byShard := make([][]int, shards)
	for i := range all {
		s := ShardOf(all[i].name, shards)
		byShard[s] = append(byShard[s], i)
	}

	files := map[string][]byte{}
	st := Stats{Docs: n, Terms: len(all), Shards: shards}
	for s, idx := range byShard {
		var head, blob, posf []byte
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
				files[fmt.Sprintf("q%d-%d.bin", s, j)] = e.pos
			} else {
				posf = append(posf, e.pos...)
			}
			head = binary.AppendUvarint(head, uint64(len(e.pos))<<1|uint64(sep))
			blob = append(blob, e.docs...)
			blob = append(blob, e.title...)
			st.PosBytes += int64(len(e.pos))
		}
		data := append(head, blob...)
		st.PostingBytes += int64(len(data))
		files["s"+strconv.Itoa(s)+".bin"] = data
		if len(posf) > 0 {
			files["q"+strconv.Itoa(s)+".bin"] = posf
		}
	}

	// Doc chunks: what a result shows, and the text that verifies a match.
	var long []int
	for c := 0; c*o.ChunkSize < n; c++ {
		var out []chunkDoc
		for id := c * o.ChunkSize; id < min(n, (c+1)*o.ChunkSize); id++ {
			d := &docs[id]
			cd := chunkDoc{K: d.Type.String(), U: d.URL, T: d.Title, S: d.Sub, A: d.Authority, B: truncate(d.Body, maxDisplay)}
			if cd.B != d.Body || len(titles[id]) == maxTitle {
				long = append(long, id)
			}
			if !d.Date.IsZero() {
				cd.D = d.Date.Format("2006-01-02")
			}
			out = append(out, cd)
		}
		data, err := json.Marshal(out)
		if err != nil {
			return nil, err
		}
		files["c"+strconv.Itoa(c)+".json"] = data
		st.ChunkBytes += int64(len(data))
		st.Chunks++
	}

	facets, table := buildFacets(docs)
	files["facets.bin"] = table
	st.FacetBytes = int64(len(table))

	// Content-address the whole set by one directory name.
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, k := range names {
		h.Write([]byte(k))
		h.Write([]byte{0})
		h.Write(files[k])
		h.Write([]byte{0})
	}
	dir := hex.EncodeToString(h.Sum(nil))[:16]
	out := make(map[string][]byte, len(files)+1)
	for k, v := range files {
		out[dir+"/"+k] = v
		st.TotalBytes += int64(len(v))
	}
	meta := Meta{Version: Version, Dir: dir + "/", Docs: n, Shards: shards, Chunk: o.ChunkSize, BodyOffset: BodyOffset, Facets: facets,
		ChunkBytes: int(st.ChunkBytes / int64(max(st.Chunks, 1))), Long: long}
	mj, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	out["meta.json"] = mj
	st.MetaSize = int64(len(mj))
	st.TotalBytes += int64(len(mj))
	return &Index{Files: out, Meta: meta, Stats: st}, nil
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

// buildFacets lists the facets' values and encodes the facet table: one
// column per facet, each either raw (mode 0: one byte per doc; mode 2: two
// bytes little-endian) or run-length (mode 1: varint runs, then pairs of
// varint value and varint length), whichever is smaller.
func buildFacets(docs []Doc) ([]Facet, []byte) {
	n := len(docs)
	cols := make([][]int, numFacets)
	for i := range cols {
		cols[i] = make([]int, n)
	}
	fs := []Facet{{Key: "type", Label: "类型"}, {Key: "year", Label: "年份"}, {Key: "cat", Label: "处罚类别"},
		{Key: "amount", Label: "罚款金额"}, {Key: "domain", Label: "领域"}, {Key: "pcat", Label: "事项类型"}}
	for i, name := range typeNames {
		fs[facetType].Values = append(fs[facetType].Values, FacetValue{V: name, L: typeLabels[i]})
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
		d := &docs[i]
		f := &d.Facets
		cols[facetType][i] = int(d.Type) + 1
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
	var out []byte
	for _, col := range cols {
		out = append(out, encodeColumn(col)...)
	}
	return fs, out
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
	if len(rle)+uvarintLen(uint64(runs)) < rawLen {
		out := []byte{1}
		out = binary.AppendUvarint(out, uint64(runs))
		return append(out, rle...)
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
