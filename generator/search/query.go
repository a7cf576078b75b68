package search

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Searcher runs queries against the files of a built index, the way
// search.js does in the browser. Tests and benchmarks use it; it also
// documents the query algorithm in Go.
type Searcher struct {
	meta   Meta
	open   func(name string) ([]byte, error)
	segs   []segCache
	pos    map[string][]byte
	facets [][]int
	day    []int
	dead   map[uint32]bool
	// Fetched records the files read, for transfer measurements.
	Fetched map[string]int
}

// segCache holds what was fetched of one segment.
type segCache struct {
	shards map[int]*shard
	chunks map[int][]chunkDoc
}

type shard struct {
	terms    map[string]*shardTerm
	posBytes int // size of the shard's shared positions file
}

type shardTerm struct {
	seg         int
	shard, idx  int
	n, tn       int
	docs, title []byte
	posLen      int
	posOff      int
	sep         bool
}

// NewSearcher opens an index whose files open returns, by path below
// /search/index/.
func NewSearcher(open func(name string) ([]byte, error)) (*Searcher, error) {
	s := &Searcher{open: open, pos: map[string][]byte{}, Fetched: map[string]int{}}
	b, err := s.fetch("meta.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &s.meta); err != nil {
		return nil, err
	}
	if s.meta.Version != Version {
		return nil, fmt.Errorf("search index version %d, want %d", s.meta.Version, Version)
	}
	for range s.meta.Segs {
		s.segs = append(s.segs, segCache{shards: map[int]*shard{}, chunks: map[int][]chunkDoc{}})
	}
	return s, nil
}

// Meta returns the index's meta.json.
func (s *Searcher) Meta() Meta { return s.meta }

func (s *Searcher) fetch(name string) ([]byte, error) {
	b, err := s.open(name)
	if err == nil {
		s.Fetched[name] = len(b)
	}
	return b, err
}

var errCorrupt = errors.New("search index: corrupt file")

// term returns a term of segment si, nil when the segment lacks it.
func (s *Searcher) term(si int, name string) (*shardTerm, error) {
	seg := &s.meta.Segs[si]
	k := shardOfTerm(name, seg.Shards)
	sh := s.segs[si].shards[k]
	if sh == nil {
		b, err := s.fetch(seg.Dir + "s" + strconv.Itoa(k) + ".bin")
		if err != nil {
			return nil, err
		}
		sh, err = parseShard(b, si, k)
		if err != nil {
			return nil, err
		}
		s.segs[si].shards[k] = sh
	}
	return sh.terms[name], nil
}

func parseShard(b []byte, si, k int) (*shard, error) {
	r := reader{b: b}
	count := r.uvarint()
	sh := &shard{terms: make(map[string]*shardTerm, count)}
	type lens struct{ d, t int }
	var order []*shardTerm
	var ls []lens
	posOff := 0
	for i := 0; i < count && r.err == nil; i++ {
		l := r.uvarint()
		name := string(r.bytes(l))
		t := &shardTerm{seg: si, shard: k, idx: i, n: r.uvarint(), tn: r.uvarint()}
		ls = append(ls, lens{r.uvarint(), r.uvarint()})
		p := r.uvarint()
		t.posLen, t.sep = p>>1, p&1 == 1
		if !t.sep {
			t.posOff = posOff
			posOff += t.posLen
		}
		sh.terms[name] = t
		order = append(order, t)
	}
	sh.posBytes = posOff
	for i, t := range order {
		t.docs = r.bytes(ls[i].d)
		t.title = r.bytes(ls[i].t)
	}
	if r.err != nil {
		return nil, r.err
	}
	return sh, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() int {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if n > len(r.b) {
		r.err = errCorrupt
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// positions returns the positions of a bigram term in each of the docs
// in want (sorted).
func (s *Searcher) positions(t *shardTerm, want []uint32) (map[uint32][]uint32, error) {
	var blob []byte
	if t.sep {
		name := s.posName(t)
		b, ok := s.pos[name]
		if !ok {
			var err error
			if b, err = s.fetch(name); err != nil {
				return nil, err
			}
			s.pos[name] = b
		}
		blob = b
	} else {
		name := s.posName(t)
		b, ok := s.pos[name]
		if !ok {
			var err error
			if b, err = s.fetch(name); err != nil {
				return nil, err
			}
			s.pos[name] = b
		}
		if t.posOff+t.posLen > len(b) {
			return nil, errCorrupt
		}
		blob = b[t.posOff : t.posOff+t.posLen]
	}
	docs := decodeList(t.docs, t.n)
	out := make(map[uint32][]uint32, len(want))
	r := reader{b: blob}
	w := 0
	for _, d := range docs {
		c := r.uvarint()
		for w < len(want) && want[w] < d {
			w++
		}
		take := w < len(want) && want[w] == d
		var ps []uint32
		p := uint32(0)
		for j := 0; j < c; j++ {
			p += uint32(r.uvarint())
			if take {
				ps = append(ps, p)
			}
		}
		if take {
			out[d] = ps
		}
	}
	return out, r.err
}

// partMatch is the result of one query part.
type partMatch struct {
	docs  []uint32
	title map[uint32]bool
}

// part returns the docs that contain p, over every segment (dead docs
// included: Search drops them).
func (s *Searcher) part(p string) (*partMatch, error) {
	out := &partMatch{title: map[uint32]bool{}}
	for si := range s.meta.Segs {
		m, err := s.segPart(si, p)
		if err != nil {
			return nil, err
		}
		out.docs = append(out.docs, m.docs...)
		for d := range m.title {
			out.title[d] = true
		}
	}
	return out, nil
}

// segPart returns the docs of segment si that contain p.
func (s *Searcher) segPart(si int, p string) (*partMatch, error) {
	rs := []rune(p)
	if len(rs) <= 2 {
		t, err := s.term(si, p)
		if err != nil || t == nil {
			return &partMatch{}, err
		}
		m := &partMatch{docs: decodeList(t.docs, t.n), title: map[uint32]bool{}}
		for _, d := range decodeList(t.title, t.tn) {
			m.title[d] = true
		}
		return m, nil
	}
	// Candidates: docs with every bigram of the part, smallest list first
	// (all bigrams, not only the cover: fewer candidates to verify).
	offs := cover(len(rs))
	var all []int
	for i := 0; i+1 < len(rs); i++ {
		all = append(all, i)
	}
	ts := map[int]*shardTerm{}
	for _, i := range all {
		t, err := s.term(si, string(rs[i:i+2]))
		if err != nil || t == nil {
			return &partMatch{}, err
		}
		ts[i] = t
	}
	order := slices.Clone(all)
	sort.SliceStable(order, func(a, b int) bool { return ts[order[a]].n < ts[order[b]].n })
	cand := decodeList(ts[order[0]].docs, ts[order[0]].n)
	for _, i := range order[1:] {
		cand = intersect(cand, decodeList(ts[i].docs, ts[i].n))
	}
	// A dead doc's chunk entry may be null or its file gone: candidates
	// are live docs.
	if err := s.loadDead(); err != nil {
		return nil, err
	}
	cand = slices.DeleteFunc(cand, func(d uint32) bool { return s.dead[d] })
	if len(cand) == 0 {
		return &partMatch{}, nil
	}
	m := &partMatch{title: map[uint32]bool{}}
	// Verify each candidate, by its text from the doc chunks or by the
	// positions of the cover's bigrams, whichever downloads less.
	if s.chunkCost(si, cand) <= s.posCost(ts, offs) {
		for _, d := range cand {
			title, body, err := s.text(d)
			if err != nil {
				return nil, err
			}
			if strings.Contains(title, p) {
				m.docs = append(m.docs, d)
				m.title[d] = true
			} else if strings.Contains(body, p) {
				m.docs = append(m.docs, d)
			}
		}
		return m, nil
	}
	// A start p with cover bigram i at p+offs[i], for every i.
	pos := make([]map[uint32][]uint32, len(offs))
	for i, o := range offs {
		var err error
		if pos[i], err = s.positions(ts[o], cand); err != nil {
			return nil, err
		}
	}
	for _, d := range cand {
		for _, p0 := range pos[0][d] {
			ok := true
			for i := 1; i < len(offs) && ok; i++ {
				ok = containsSorted(pos[i][d], p0+uint32(offs[i]))
			}
			if ok {
				m.docs = append(m.docs, d)
				if p0 < BodyOffset {
					m.title[d] = true
				}
				break
			}
		}
	}
	return m, nil
}

// firstPart answers the first form of a part: per segment, by identPart
// when it can, else by segPart.
func (s *Searcher) firstPart(p string, only bool) (*partMatch, error) {
	out := &partMatch{title: map[uint32]bool{}}
	for si := range s.meta.Segs {
		m, err := s.identPart(si, p, only)
		if err == nil && m == nil {
			m, err = s.segPart(si, p)
		}
		if err != nil {
			return nil, err
		}
		out.docs = append(out.docs, m.docs...)
		for d := range m.title {
			out.title[d] = true
		}
	}
	return out, nil
}

// identPart answers, in segment si, the only part of a query when it is an
// identifier of minContains or more characters whose term says which docs
// contain it (the shard is fetched for ranking anyway); otherwise it
// returns nil.
func (s *Searcher) identPart(si int, p string, only bool) (*partMatch, error) {
	if !only || len([]rune(p)) < minContains {
		return nil, nil
	}
	t, err := s.term(si, "="+p)
	if err != nil || t == nil {
		return nil, err
	}
	if t.sep {
		return &partMatch{docs: decodeList(t.docs, t.n), title: map[uint32]bool{}}, nil
	}
	c, err := s.term(si, "+"+p)
	if err != nil || c == nil {
		return nil, err
	}
	m := &partMatch{docs: decodeList(c.docs, c.n), title: map[uint32]bool{}}
	for _, d := range decodeList(c.title, c.tn) {
		m.title[d] = true
	}
	return m, nil
}

// chunkCost estimates the bytes of the doc chunks of docs not yet fetched;
// docs whose chunk text is truncated cannot be verified from it.
func (s *Searcher) chunkCost(si int, docs []uint32) int {
	seg := &s.meta.Segs[si]
	n := 0
	last := -1
	for _, d := range docs {
		if slices.Contains(seg.Long, int(d)) {
			return math.MaxInt
		}
		c := (int(d) - seg.Lo) / s.meta.Chunk
		if c != last && s.segs[si].chunks[c] == nil {
			n++
		}
		last = c
	}
	return n * seg.ChunkBytes
}

// posCost is the bytes of positions files the cover needs, not yet fetched.
func (s *Searcher) posCost(ts map[int]*shardTerm, offs []int) int {
	n := 0
	seen := map[string]bool{}
	for _, o := range offs {
		t := ts[o]
		name := s.posName(t)
		if _, ok := s.pos[name]; ok || seen[name] {
			continue
		}
		seen[name] = true
		if t.sep {
			n += t.posLen
		} else {
			n += s.segs[t.seg].shards[t.shard].posBytes
		}
	}
	return n
}

func (s *Searcher) posName(t *shardTerm) string {
	dir := s.meta.Segs[t.seg].Dir
	if t.sep {
		return fmt.Sprintf("%sq%d-%d.bin", dir, t.shard, t.idx)
	}
	return fmt.Sprintf("%sq%d.bin", dir, t.shard)
}

// segOf returns the segment of doc number d.
func (s *Searcher) segOf(d int) int {
	return sort.Search(len(s.meta.Segs), func(i int) bool { return s.meta.Segs[i].Lo+s.meta.Segs[i].N > d })
}

// ChunkName returns the chunk file that holds doc number d.
func (s *Searcher) ChunkName(d int) string {
	seg := &s.meta.Segs[s.segOf(d)]
	return seg.Dir + seg.ChunkFile((d-seg.Lo)/s.meta.Chunk)
}

// text returns a doc's normalised title and body from its chunk.
func (s *Searcher) text(d uint32) (string, string, error) {
	cd, err := s.chunkDoc(int(d))
	if err != nil {
		return "", "", err
	}
	return Normalize(cd.T), Normalize(cd.B), nil
}

// chunkDoc returns doc number d as its chunk stores it.
func (s *Searcher) chunkDoc(d int) (*chunkDoc, error) {
	si := s.segOf(d)
	if si == len(s.meta.Segs) {
		return nil, errCorrupt
	}
	seg := &s.meta.Segs[si]
	c := (d - seg.Lo) / s.meta.Chunk
	docs := s.segs[si].chunks[c]
	if docs == nil {
		b, err := s.fetch(s.ChunkName(d))
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &docs); err != nil {
			return nil, err
		}
		s.segs[si].chunks[c] = docs
	}
	i := (d - seg.Lo) % s.meta.Chunk
	if i >= len(docs) {
		return nil, errCorrupt
	}
	return &docs[i], nil
}

// cover returns the offsets of the bigrams that cover a part of n ≥ 2
// characters.
func cover(n int) []int {
	var out []int
	for i := 0; i+1 < n; i += 2 {
		out = append(out, i)
	}
	if n%2 == 1 {
		out = append(out, n-2)
	}
	return out
}

func containsSorted(s []uint32, v uint32) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= v })
	return i < len(s) && s[i] == v
}

func intersect(a, b []uint32) []uint32 {
	var out []uint32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// Result is the answer to a query.
type Result struct {
	// Docs are the matching doc numbers, best first.
	Docs []int
	// Counts holds, per facet key, the number of results per value (index
	// as in Meta.Facets), each counted with the other facets' filters
	// applied but not its own.
	Counts map[string][]int
}

// SortNewest is the value of the search page's sort parameter that orders
// results newest first (?sort=new); any other value ranks by relevance.
const SortNewest = "new"

// unionMatch returns the docs of a or b, each a title match when it is
// one in either.
func unionMatch(a, b *partMatch) *partMatch {
	out := &partMatch{title: map[uint32]bool{}}
	for i, j := 0, 0; i < len(a.docs) || j < len(b.docs); {
		switch {
		case j == len(b.docs) || i < len(a.docs) && a.docs[i] < b.docs[j]:
			out.docs = append(out.docs, a.docs[i])
			i++
		case i == len(a.docs) || b.docs[j] < a.docs[i]:
			out.docs = append(out.docs, b.docs[j])
			j++
		default:
			out.docs = append(out.docs, a.docs[i])
			i++
			j++
		}
	}
	for _, m := range []*partMatch{a, b} {
		for d := range m.title {
			out.title[d] = true
		}
	}
	return out
}

// Search runs a query with filters (the search page's URL parameters:
// type, year, cat, amount, domain, pcat, and sort).
func (s *Searcher) Search(q string, filters url.Values) (*Result, error) {
	parts := Parts(q)
	n := s.meta.Docs
	var docs []uint32
	title := map[uint32]int{}
	phrase := map[uint32]bool{}
	ident := map[uint32]bool{}
	if len(parts) > 0 {
		var ms []*partMatch
		for _, p := range parts {
			m, err := s.firstPart(p, len(parts) == 1)
			if err != nil {
				return nil, err
			}
			// A part matches where any of its synonym rewrites does.
			for _, a := range alternatives(p, s.meta.Syn)[1:] {
				ma, err := s.part(a)
				if err != nil {
					return nil, err
				}
				m = unionMatch(m, ma)
			}
			ms = append(ms, m)
		}
		docs = ms[0].docs
		for _, m := range ms[1:] {
			docs = intersect(docs, m.docs)
		}
		for _, d := range docs {
			for _, m := range ms {
				if m.title[d] {
					title[d]++
				}
			}
		}
		// A query of several parts ranks first the records where the parts
		// stand together, in order: the parts joined as one more part.
		if len(parts) > 1 && len(docs) > 0 {
			m, err := s.part(strings.Join(parts, ""))
			if err != nil {
				return nil, err
			}
			for _, d := range m.docs {
				phrase[d] = true
			}
		}
		for _, k := range identifierQuery(q) {
			for si := range s.meta.Segs {
				t, err := s.term(si, "="+k)
				if err != nil {
					return nil, err
				}
				if t != nil {
					for _, d := range decodeList(t.docs, t.n) {
						ident[d] = true
					}
				}
			}
		}
	} else if len(activeFilters(s.meta, filters)) > 0 {
		docs = make([]uint32, n)
		for i := range docs {
			docs[i] = uint32(i)
		}
	}
	res := &Result{Counts: map[string][]int{}}
	if err := s.loadFacets(); err != nil {
		return nil, err
	}
	if err := s.loadDays(); err != nil {
		return nil, err
	}
	if err := s.loadDead(); err != nil {
		return nil, err
	}
	docs = slices.DeleteFunc(docs, func(d uint32) bool { return s.dead[d] })
	act := activeFilters(s.meta, filters)
	for _, f := range s.meta.Facets {
		res.Counts[f.Key] = make([]int, len(f.Values))
	}
	for _, d := range docs {
		fail := -1
		nfail := 0
		for fi, v := range act {
			if v >= 0 && !s.has(fi, int(d), v) {
				fail = fi
				nfail++
			}
		}
		if nfail == 0 {
			res.Docs = append(res.Docs, int(d))
		}
		if nfail > 1 {
			continue
		}
		for fi, f := range s.meta.Facets {
			if nfail == 1 && fail != fi {
				continue
			}
			s.count(fi, int(d), res.Counts[f.Key])
		}
	}
	newest := filters.Get("sort") == SortNewest
	sort.SliceStable(res.Docs, func(i, j int) bool {
		a, b := uint32(res.Docs[i]), uint32(res.Docs[j])
		if newest {
			if s.day[a] != s.day[b] {
				return s.day[a] > s.day[b]
			}
			return a < b
		}
		if ident[a] != ident[b] {
			return ident[a]
		}
		if phrase[a] != phrase[b] {
			return phrase[a]
		}
		if title[a] != title[b] {
			return title[a] > title[b]
		}
		if s.day[a] != s.day[b] {
			return s.day[a] > s.day[b]
		}
		return a < b
	})
	return res, nil
}

// activeFilters maps each facet to the index of its filter value, or -1.
func activeFilters(m Meta, filters url.Values) []int {
	out := make([]int, len(m.Facets))
	any := false
	for fi, f := range m.Facets {
		out[fi] = -1
		v := filters.Get(f.Key)
		for i, fv := range f.Values {
			if fv.V == v {
				out[fi] = i
				any = true
			}
		}
	}
	if !any {
		return nil
	}
	return out
}

func (s *Searcher) has(fi, d, v int) bool {
	x := s.facets[fi][d]
	if x == 0 {
		return false
	}
	if sets := s.meta.Facets[fi].Sets; sets != nil {
		for _, c := range sets[x-1] {
			if c == v {
				return true
			}
		}
		return false
	}
	return x-1 == v
}

func (s *Searcher) count(fi, d int, counts []int) {
	x := s.facets[fi][d]
	if x == 0 {
		return
	}
	if sets := s.meta.Facets[fi].Sets; sets != nil {
		for _, c := range sets[x-1] {
			counts[c]++
		}
		return
	}
	counts[x-1]++
}

// loadDays reads every segment's day column into one column over all doc
// numbers: what ranking needs besides the postings.
func (s *Searcher) loadDays() error {
	if s.day != nil {
		return nil
	}
	day := make([]int, s.meta.Docs)
	for _, seg := range s.meta.Segs {
		b, err := s.fetch(seg.Dir + "days.bin")
		if err != nil {
			return err
		}
		if err := decodeColumn(&reader{b: b}, day[seg.Lo:seg.Lo+seg.N]); err != nil {
			return err
		}
	}
	s.day = day
	return nil
}

// loadFacets reads every segment's facet table into columns over all doc
// numbers, its values mapped through the segment's Fmap.
func (s *Searcher) loadFacets() error {
	if s.facets != nil {
		return nil
	}
	n := s.meta.Docs
	facets := make([][]int, len(s.meta.Facets))
	for fi := range facets {
		facets[fi] = make([]int, n)
	}
	for _, seg := range s.meta.Segs {
		b, err := s.fetch(seg.Dir + "facets.bin")
		if err != nil {
			return err
		}
		r := reader{b: b}
		for fi := range facets {
			col := facets[fi][seg.Lo : seg.Lo+seg.N]
			if err := decodeColumn(&r, col); err != nil {
				return err
			}
			if seg.Fmap != nil {
				for i, v := range col {
					if v >= len(seg.Fmap[fi]) {
						return errCorrupt
					}
					col[i] = seg.Fmap[fi][v]
				}
			}
		}
	}
	s.facets = facets
	return nil
}

// loadDead reads the tombstone file.
func (s *Searcher) loadDead() error {
	if s.dead != nil {
		return nil
	}
	s.dead = map[uint32]bool{}
	if s.meta.Dead == "" {
		return nil
	}
	b, err := s.fetch(s.meta.Dead)
	if err != nil {
		return err
	}
	dead, err := decodeDead(b, s.meta.Docs)
	for _, d := range dead {
		s.dead[d] = true
	}
	return err
}

// decodeColumn reads one column of a facet table into col.
func decodeColumn(r *reader, col []int) error {
	n := len(col)
	mode := r.bytes(1)
	if r.err != nil {
		return r.err
	}
	switch mode[0] {
	case 0:
		for i, c := range r.bytes(n) {
			col[i] = int(c)
		}
	case 2:
		raw := r.bytes(2 * n)
		for i := 0; i+1 < len(raw); i += 2 {
			col[i/2] = int(binary.LittleEndian.Uint16(raw[i:]))
		}
	case 3:
		w := r.bytes(1)
		if r.err != nil {
			return r.err
		}
		width := int(w[0])
		raw := r.bytes((n*width + 7) / 8)
		if r.err != nil {
			return r.err
		}
		for i := range col {
			v := 0
			for k := 0; k < width; k++ {
				b := i*width + k
				v |= int(raw[b/8]>>(b%8)&1) << k
			}
			col[i] = v
		}
	case 1:
		runs := r.uvarint()
		at := 0
		for range runs {
			v, l := r.uvarint(), r.uvarint()
			for j := 0; j < l && at < n; j++ {
				col[at] = v
				at++
			}
		}
	default:
		return errCorrupt
	}
	return r.err
}
