package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Compaction thresholds (doc.go, "Segments, tombstones and compaction").
const (
	// deadShare: compact when more than 1/deadShare of the doc numbers
	// have no live doc (tombstones and holes).
	deadShare = 5
	// maxSegments: compact when tiering leaves more segments than this.
	maxSegments = 8
	// tierBase and tierFanout: a segment of n numbers is in tier
	// ⌊log_tierFanout(n/tierBase)⌋ (0 below tierBase×tierFanout); when the
	// newest tierFanout segments after the first share a tier, they merge.
	tierBase   = 1024
	tierFanout = 4
)

// keyLen is the length of a doc's key in a segment's state.
const keyLen = 8

type docKey [keyLen]byte

// docKeys hashes every field of each doc (Doc.appendKey): a doc whose key
// is in the previous index keeps its number. No key is all zero, which
// marks a hole in a state.
func docKeys(docs []Doc) []docKey {
	keys := make([]docKey, len(docs))
	forRanges(len(docs), max(1, min(4, len(docs)/1024)), func(lo, hi int) {
		var b []byte
		for i := lo; i < hi; i++ {
			b = docs[i].appendKey(b[:0])
			sum := sha256.Sum256(b)
			copy(keys[i][:], sum[:])
			if keys[i] == (docKey{}) {
				keys[i][keyLen-1] = 1
			}
		}
	})
	return keys
}

// segState is a segment's state.bin: what a later build needs to extend
// the index, and no client reads. The file is a varint length, that many
// bytes of JSON (the exported fields), then keyLen bytes per number (the
// keys). It is binary so that the leak gate, which reads the index's
// JSON, never takes a run of hash bytes for an ID or phone number.
type segState struct {
	Lo int `json:"lo"`
	N  int `json:"n"`
	// Facets are the values of the segment's own facet table, per facet
	// (V only), and Sets the segment's category sets.
	Facets [][]string `json:"facets"`
	Sets   [][]int    `json:"sets,omitempty"`
	// Fold is FoldPairs of the characters of the segment's text.
	Fold string `json:"fold,omitempty"`

	keys []docKey
}

// encode is the state.bin of st.
func (st *segState) encode() []byte {
	j, err := json.Marshal(st)
	if err != nil {
		panic(err) // strings and ints only
	}
	out := binary.AppendUvarint(nil, uint64(len(j)))
	out = append(out, j...)
	for _, k := range st.keys {
		out = append(out, k[:]...)
	}
	return out
}

// decodeState parses a state.bin and checks it against itself.
func decodeState(b []byte) (*segState, error) {
	r := reader{b: b}
	j := r.bytes(r.uvarint())
	if r.err != nil {
		return nil, r.err
	}
	raw := r.b
	var st segState
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&st); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("data after the JSON")
	}
	if st.Lo < 0 || st.N < 0 || st.N > len(raw)/keyLen || len(raw) != st.N*keyLen {
		return nil, fmt.Errorf("%d key bytes for %d docs from %d", len(raw), st.N, st.Lo)
	}
	if len(st.Facets) != numFacets && len(st.Facets) != numFacets+1 {
		return nil, fmt.Errorf("%d facets, want %d, or %d with the site facet", len(st.Facets), numFacets, numFacets+1)
	}
	for _, s := range st.Sets {
		for _, v := range s {
			if v < 0 || v >= len(st.Facets[facetCat]) {
				return nil, fmt.Errorf("category set names value %d of %d", v, len(st.Facets[facetCat]))
			}
		}
	}
	st.keys = make([]docKey, st.N)
	for i := range st.keys {
		copy(st.keys[i][:], raw[i*keyLen:])
	}
	return &st, nil
}

// previous is a usable previous index.
type previous struct {
	meta   Meta
	states []*segState
	dead   []uint32
}

var (
	segDirRe      = regexp.MustCompile(`^[0-9a-f]{16}/$`)
	deadRe        = regexp.MustCompile(`^dead-[0-9a-f]{16}\.bin$`)
	errLayout     = errors.New("meta.json: segments do not tile the doc numbers")
	errNoPrevious = errors.New("no previous index")
)

// readPrevious reads and checks the index in fsys: its version, salt and
// chunk size must be o's, its segments must tile the doc numbers, each
// segment's state must match its hash, and its tombstones must name
// numbers in order. Any failure means the index is not extended.
func readPrevious(fsys fs.FS, o Options) (*previous, error) {
	b, err := fs.ReadFile(fsys, "meta.json")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoPrevious
	}
	if err != nil {
		return nil, err
	}
	p := &previous{}
	if err := json.Unmarshal(b, &p.meta); err != nil {
		return nil, fmt.Errorf("meta.json: %w", err)
	}
	m := &p.meta
	switch {
	case m.Version != Version:
		return nil, fmt.Errorf("index version %d, want %d", m.Version, Version)
	case m.Salt != o.Salt:
		return nil, errors.New("index built by another program")
	case m.Chunk != o.ChunkSize:
		return nil, fmt.Errorf("chunks of %d docs, want %d", m.Chunk, o.ChunkSize)
	}
	at := 0
	for _, s := range m.Segs {
		if s.Lo != at || s.N < 0 || !segDirRe.MatchString(s.Dir) {
			return nil, errLayout
		}
		at += s.N
		sb, err := fs.ReadFile(fsys, s.Dir+"state.bin")
		if err != nil {
			return nil, err
		}
		if hashName(sb) != s.State {
			return nil, fmt.Errorf("%sstate.bin: content does not match its hash", s.Dir)
		}
		st, err := decodeState(sb)
		if err != nil {
			return nil, fmt.Errorf("%sstate.bin: %w", s.Dir, err)
		}
		if st.Lo != s.Lo || st.N != s.N {
			return nil, fmt.Errorf("%sstate.bin: docs %d…, want %d…", s.Dir, st.Lo, s.Lo)
		}
		p.states = append(p.states, st)
	}
	if at != m.Docs || len(m.Segs) == 0 {
		return nil, errLayout
	}
	if m.Dead != "" {
		if !deadRe.MatchString(m.Dead) {
			return nil, fmt.Errorf("meta.json: tombstone file %q", m.Dead)
		}
		db, err := fs.ReadFile(fsys, m.Dead)
		if err != nil {
			return nil, err
		}
		if "dead-"+hashName(db)+".bin" != m.Dead {
			return nil, fmt.Errorf("%s: content does not match its hash", m.Dead)
		}
		if p.dead, err = decodeDead(db, m.Docs); err != nil {
			return nil, fmt.Errorf("%s: %w", m.Dead, err)
		}
	}
	return p, nil
}

// decodeDead parses a tombstone file: a varint count, then the list of
// dead numbers as encodeList writes it; they must ascend and be below docs.
func decodeDead(b []byte, docs int) ([]uint32, error) {
	r := reader{b: b}
	count := r.uvarint()
	if r.err != nil || count <= 0 || count > docs || len(r.b) == 0 || r.b[0] > 1 {
		return nil, errCorrupt
	}
	if r.b[0] == 0 && len(r.b)-1 < count {
		return nil, errCorrupt
	}
	if r.b[0] == 1 && len(r.b) > docs/8+12 {
		return nil, errCorrupt
	}
	dead := decodeList(r.b, count)
	if len(dead) != count {
		return nil, errCorrupt
	}
	for i, d := range dead {
		if int(d) >= docs || i > 0 && d <= dead[i-1] {
			return nil, errCorrupt
		}
	}
	if enc := encodeDead(dead, docs); !bytes.Equal(enc, b) {
		return nil, errCorrupt // not as the build writes it
	}
	return dead, nil
}

// encodeDead is the tombstone file of dead (ascending, not empty).
func encodeDead(dead []uint32, docs int) []byte {
	var deltas []byte
	for i, d := range dead {
		if i == 0 {
			deltas = binary.AppendUvarint(deltas, uint64(d))
		} else {
			deltas = binary.AppendUvarint(deltas, uint64(d-dead[i-1]))
		}
	}
	out := binary.AppendUvarint(nil, uint64(len(dead)))
	return append(out, encodeList(deltas, len(dead), docs)...)
}

// byEnd returns 0 … n-1 ordered by end (a zero end last), ties in
// their order: the numbers of docs whose publication ends together are
// adjacent, so their text shares few chunk files.
func byEnd(n int, end func(int) time.Time) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ea, eb := end(order[a]), end(order[b])
		if ea.IsZero() || eb.IsZero() {
			return !ea.IsZero() && eb.IsZero()
		}
		return ea.Before(eb)
	})
	return order
}

func hashName(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// tier is the size class of a segment of n numbers.
func tier(n int) int {
	t := 0
	for n >= tierBase*tierFanout {
		n /= tierFanout
		t++
	}
	return t
}

// plan decides the layout of an extending build: sizes are the previous
// segments' counts of numbers, added the docs that get new numbers, total
// all numbers after adding them and live the docs. It returns how many of
// the newest segments (the new one, of added numbers, counted when added
// > 0) are merged into one, or why the index is compacted instead.
func plan(sizes []int, added, total, live int) (merge int, compact string) {
	if (total-live)*deadShare > total {
		return 0, fmt.Sprintf("%d of %d doc numbers dead, over 1/%d", total-live, total, deadShare)
	}
	list := slices.Clone(sizes)
	group := len(list)
	if added > 0 {
		list = append(list, added)
		group = len(list) - 1
		for {
			k := len(list) - 1
			j := k
			for j-1 >= 1 && tier(list[j-1]) == tier(list[k]) {
				j--
			}
			if k < 1 || k-j+1 < tierFanout {
				break
			}
			sum := 0
			for _, n := range list[j:] {
				sum += n
			}
			list = append(list[:j], sum)
			group = min(group, j)
		}
	}
	switch {
	case len(list) > maxSegments:
		return 0, fmt.Sprintf("%d segments, over %d", len(list), maxSegments)
	case list[0]*2 < total:
		return 0, fmt.Sprintf("the first segment holds %d of %d doc numbers, under half", list[0], total)
	}
	return len(sizes) + min(added, 1) - group, ""
}

// Build builds the index of docs, which must be in index order (Docs and
// SortDocs give it). With a usable o.Previous (and not o.Compact) it
// extends that index: its docs keep their numbers, new docs get the next
// ones (in order of Doc.End, then index order), the numbers of vanished or
// changed docs become tombstones and leave the chunks that held them, and
// only new files are written, unless plan compacts. Otherwise it writes
// the compacted layout: one segment of docs numbered in order of Doc.End,
// then index order. The work runs on GOMAXPROCS workers; the output does
// not depend on their number.
func Build(docs []Doc, o Options) (*Index, error) {
	o = o.withDefaults()
	o.sites = namesSites(docs)
	keys := docKeys(docs)
	reason := "no previous index"
	switch {
	case o.Compact:
		reason = "asked for"
	case o.Previous != nil:
		p, err := readPrevious(o.Previous, o)
		if errors.Is(err, errNoPrevious) {
			break
		}
		if err != nil {
			reason = "previous index unusable: " + err.Error()
			break
		}
		ix, why, err := extend(docs, keys, p, o)
		if ix != nil || err != nil {
			return ix, err
		}
		reason = why
	}
	order := byEnd(len(docs), func(i int) time.Time { return docs[i].End })
	ndocs, nkeys := make([]Doc, len(docs)), make([]docKey, len(docs))
	for i, j := range order {
		ndocs[i], nkeys[i] = docs[j], keys[j]
	}
	r := buildSegment(ndocs, nil, 0, o, o.ShardBytes)
	seg := newSegOut(r, nkeys)
	return finish([]*segOut{seg}, nil, r.facets, o, "compacted: "+reason, Stats{})
}

// segOut is a segment of the index being built: new (files set) or kept
// from the previous index.
type segOut struct {
	seg   Segment
	state *segState
	files map[string][]byte // by name within seg.Dir
	// kept lists the files of a segment kept from the previous index
	// (seg.Dir + name); nil for a segment built here.
	kept  []string
	stats Stats
}

// newSegOut completes a built segment with its state (keys per number,
// zero for a hole) and names its folder by a hash of its files.
func newSegOut(r segResult, keys []docKey) *segOut {
	st := &segState{Lo: r.seg.Lo, N: r.seg.N, Fold: FoldPairs(r.used), keys: keys}
	st.Facets = make([][]string, len(r.facets))
	for f := range r.facets {
		st.Facets[f] = []string{}
		for _, v := range r.facets[f].Values {
			st.Facets[f] = append(st.Facets[f], v.V)
		}
	}
	st.Sets = r.facets[facetCat].Sets
	sb := st.encode()
	r.files["state.bin"] = sb
	names := make([]string, 0, len(r.files))
	for k := range r.files {
		names = append(names, k)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, k := range names {
		h.Write([]byte(k))
		h.Write([]byte{0})
		h.Write(r.files[k])
		h.Write([]byte{0})
	}
	seg := r.seg
	seg.Dir = hex.EncodeToString(h.Sum(nil))[:16] + "/"
	seg.State = hashName(sb)
	r.stats.TotalBytes += int64(len(sb))
	return &segOut{seg: seg, state: st, files: r.files, stats: r.stats}
}

// extend builds the index of docs on p. It returns nil and the reason when
// plan compacts.
func extend(docs []Doc, keys []docKey, p *previous, o Options) (*Index, string, error) {
	nf := numFacets
	if o.sites {
		nf++
	}
	for _, st := range p.states {
		if len(st.Facets) != nf {
			return nil, fmt.Sprintf("the previous index has %d facets, the docs make %d", len(st.Facets), nf), nil
		}
	}
	dead := map[uint32]bool{}
	for _, d := range p.dead {
		dead[d] = true
	}
	byKey := map[docKey][]int{}
	for _, st := range p.states {
		for i, k := range st.keys {
			if k != (docKey{}) && !dead[uint32(st.Lo+i)] {
				byKey[k] = append(byKey[k], st.Lo+i)
			}
		}
	}
	num := make([]int, len(docs))
	var added []int
	for j := range docs {
		if l := byKey[keys[j]]; len(l) > 0 {
			num[j] = l[0]
			byKey[keys[j]] = l[1:]
		} else {
			added = append(added, j)
		}
	}
	for i, k := range byEnd(len(added), func(i int) time.Time { return docs[added[i]].End }) {
		num[added[k]] = p.meta.Docs + i
	}
	for _, l := range byKey {
		for _, d := range l {
			dead[uint32(d)] = true
		}
	}
	total := p.meta.Docs + len(added)
	sizes := make([]int, len(p.meta.Segs))
	for i, s := range p.meta.Segs {
		sizes[i] = s.N
	}
	merge, why := plan(sizes, len(added), total, len(docs))
	if why != "" {
		return nil, why, nil
	}
	first := len(sizes) + min(len(added), 1) - merge // the first segment rewritten
	lo := total
	if first < len(sizes) {
		lo = p.meta.Segs[first].Lo
	} else if len(added) > 0 {
		lo = p.meta.Docs
	}
	newlyDead := map[uint32]bool{}
	for d := range dead {
		newlyDead[d] = true
	}
	for _, d := range p.dead {
		delete(newlyDead, d)
	}
	st := Stats{Added: len(added), Merged: p.meta.Docs - lo}
	var segs []*segOut
	var kept []string
	published := make(map[string]bool, len(docs))
	for j := range docs {
		published[docs[j].URL] = true
	}
	for i := range first {
		s, err := rechunk(p.meta.Segs[i], p.states[i], dead, newlyDead, published, o)
		var ch changedError
		if errors.As(err, &ch) {
			return nil, ch.Error(), nil
		}
		if err != nil {
			return nil, "previous index unusable: " + err.Error(), nil
		}
		s.state = p.states[i]
		segs = append(segs, s)
		kept = append(kept, s.kept...)
		st.Rechunked += len(s.files)
	}
	if lo < total {
		// The merged range: every number from lo, a hole where no doc has
		// it (a tombstone of a merged segment, which the merge drops).
		part := make([]Doc, total-lo)
		hole := make([]bool, total-lo)
		pkeys := make([]docKey, total-lo)
		for i := range hole {
			hole[i] = true
		}
		for j, n := range num {
			if n >= lo {
				part[n-lo], hole[n-lo], pkeys[n-lo] = docs[j], false, keys[j]
			}
		}
		sb := max(o.ShardBytes/8, int(int64(o.ShardBytes)*int64(total-lo)/int64(total)))
		segs = append(segs, newSegOut(buildSegment(part, hole, lo, o, sb), pkeys))
	}
	var tomb []uint32
	for d := range dead {
		if int(d) < lo {
			tomb = append(tomb, d)
		}
	}
	slices.Sort(tomb)
	st.Dead = len(tomb)
	// The facets' values of the live docs, in number order.
	order := make([]int, len(docs))
	for j := range order {
		order[j] = j
	}
	sort.Slice(order, func(a, b int) bool { return num[order[a]] < num[order[b]] })
	live := make([]Doc, len(docs))
	for i, j := range order {
		live[i] = docs[j]
	}
	facets, _ := buildFacets(live, nil, o.sites)
	ix, err := finish(segs, tomb, facets, o, "extended", st)
	if err != nil {
		return nil, "", err
	}
	ix.Kept = kept
	sort.Strings(ix.Kept)
	return ix, "", nil
}

// changedError says that a doc of a kept segment changed: its URL is
// published with other text.
type changedError struct{ url string }

func (e changedError) Error() string {
	return "a published doc changed (" + e.url + "), and the postings of its earlier text are not kept"
}

// finish writes meta.json and the tombstone file over segs.
func finish(segs []*segOut, dead []uint32, facets []Facet, o Options, layout string, st Stats) (*Index, error) {
	files := map[string][]byte{}
	m := Meta{Version: Version, Chunk: o.ChunkSize, BodyOffset: BodyOffset, Facets: facets, Syn: o.Synonyms.table(), Salt: o.Salt}
	targets := map[rune]bool{}
	for _, s := range segs {
		seg := s.seg
		seg.Fmap = facetMap(s.state, facets)
		m.Segs = append(m.Segs, seg)
		m.Docs = seg.Lo + seg.N
		for i, r := range []rune(s.state.Fold) {
			if i%2 == 1 {
				targets[r] = true
			}
		}
		for name, b := range s.files {
			files[seg.Dir+name] = b
		}
		if s.kept == nil {
			add(&st, s.stats)
		}
	}
	for _, row := range m.Syn {
		for _, w := range row {
			for _, r := range w {
				targets[r] = true
			}
		}
	}
	m.Fold = FoldPairs(func(r rune) bool { return targets[r] })
	if len(dead) > 0 {
		b := encodeDead(dead, m.Docs)
		m.Dead = "dead-" + hashName(b) + ".bin"
		files[m.Dead] = b
		st.TotalBytes += int64(len(b))
	}
	mj, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	files["meta.json"] = mj
	st.MetaSize = int64(len(mj))
	st.TotalBytes += int64(len(mj))
	return &Index{Files: files, Meta: m, Layout: layout, Stats: st}, nil
}

func add(st *Stats, s Stats) {
	st.Docs += s.Docs
	st.Terms += s.Terms
	st.Shards += s.Shards
	st.Chunks += s.Chunks
	st.PostingBytes += s.PostingBytes
	st.PosBytes += s.PosBytes
	st.ChunkBytes += s.ChunkBytes
	st.FacetBytes += s.FacetBytes
	st.DayBytes += s.DayBytes
	st.TotalBytes += s.TotalBytes
}

// facetMap maps the values of a segment's facet table to those of
// facets: per facet, index (a stored value: 0 none, else value or set
// index + 1) → the value in facets (0 when facets lacks it, which only a
// tombstoned doc can hold). It is nil when every value maps to itself.
func facetMap(st *segState, facets []Facet) [][]int {
	out := make([][]int, len(facets))
	same := true
	for f := range facets {
		idx := map[string]int{}
		for i, v := range facets[f].Values {
			idx[v.V] = i + 1
		}
		row := []int{0}
		if f == facetCat {
			sets := map[string]int{}
			for i, s := range facets[f].Sets {
				sets[fmt.Sprint(s)] = i + 1
			}
			for _, s := range st.Sets {
				g := make([]int, 0, len(s))
				for _, v := range s {
					g = append(g, idx[st.Facets[f][v]]-1)
				}
				slices.Sort(g)
				row = append(row, sets[fmt.Sprint(g)])
			}
		} else {
			for _, v := range st.Facets[f] {
				row = append(row, idx[v])
			}
		}
		for i, v := range row {
			same = same && v == i
		}
		out[f] = row
	}
	if same {
		return nil
	}
	return out
}

// rechunk keeps seg, a segment of the previous index, in an extending
// build: each of its chunks that holds a number newly dead is rewritten
// with null for every dead number (a new file, named in seg.Re), and a
// chunk with no live number has no file, so no kept or written chunk
// holds a dead doc's text. Every other file is kept; one missing from the
// previous index is an error. A newly dead doc whose URL is still
// published (its record changed, as when a name in it came to be masked)
// is a changedError: the kept postings would keep its earlier text, so
// the index is compacted.
func rechunk(seg Segment, st *segState, dead, newlyDead map[uint32]bool, published map[string]bool, o Options) (*segOut, error) {
	dir := strings.TrimSuffix(seg.Dir, "/")
	ents, err := fs.ReadDir(o.Previous, dir)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, e := range ents {
		have[e.Name()] = true
	}
	need := []string{"facets.bin", "days.bin", "state.bin"}
	for k := range seg.Shards {
		need = append(need, "s"+strconv.Itoa(k)+".bin")
	}
	for _, name := range need {
		if !have[name] {
			return nil, fmt.Errorf("no %s%s", seg.Dir, name)
		}
	}
	re := maps.Clone(seg.Re)
	if re == nil {
		re = map[int]string{}
	}
	out := &segOut{files: map[string][]byte{}, kept: []string{}}
	for c := range (seg.N + o.ChunkSize - 1) / o.ChunkSize {
		name := seg.ChunkFile(c)
		lo, hi := seg.Lo+c*o.ChunkSize, min(seg.Lo+seg.N, seg.Lo+(c+1)*o.ChunkSize)
		live, fresh := false, false
		for d := lo; d < hi; d++ {
			live = live || st.keys[d-seg.Lo] != (docKey{}) && !dead[uint32(d)]
			fresh = fresh || newlyDead[uint32(d)]
		}
		switch {
		case !live:
			delete(re, c)
		case !have[name]:
			return nil, fmt.Errorf("no %s%s", seg.Dir, name)
		case !fresh:
			out.kept = append(out.kept, seg.Dir+name)
		default:
			b, err := fs.ReadFile(o.Previous, dir+"/"+name)
			if err != nil {
				return nil, err
			}
			var docs []json.RawMessage
			if err := json.Unmarshal(b, &docs); err != nil || len(docs) != hi-lo {
				return nil, fmt.Errorf("%s%s: not a chunk of %d docs", seg.Dir, name, hi-lo)
			}
			nb := []byte{'['}
			for i, d := range docs {
				if i > 0 {
					nb = append(nb, ',')
				}
				if dead[uint32(lo+i)] {
					if newlyDead[uint32(lo+i)] {
						var cd chunkDoc
						if json.Unmarshal(d, &cd) == nil && published[cd.U] {
							return nil, changedError{cd.U}
						}
					}
					d = json.RawMessage("null")
				}
				nb = append(nb, d...)
			}
			nb = append(nb, ']')
			re[c] = hashName(nb)
			out.files["c"+strconv.Itoa(c)+"-"+re[c]+".json"] = nb
		}
	}
	// Every file but the chunks (named c…) is kept: shards, positions,
	// facet table, days and state.
	for _, e := range ents {
		if name := e.Name(); !strings.HasPrefix(name, "c") {
			out.kept = append(out.kept, seg.Dir+name)
		}
	}
	if len(re) == 0 {
		re = nil
	}
	seg.Re = re
	out.seg = seg
	slices.Sort(out.kept)
	return out, nil
}
