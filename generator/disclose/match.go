package disclose

import (
	"unicode/utf8"
)

// matcher is an Aho–Corasick automaton over runes that finds every
// occurrence of a set of patterns in one pass, whatever their number.
//
// Text and patterns are compared after folding: ASCII letters to upper case,
// full-width digits and letters to ASCII, and whitespace (ASCII, U+00A0,
// U+3000) skipped, so "张 三" matches 张三 and "11010519491231002x" matches
// an upper-case X. A rune that occurs in no pattern sends the automaton back
// to its root at once, which keeps markup and ASCII text cheap.
//
// Transitions out of the root are a dense array indexed by symbol; the
// others live in one open-addressing hash table keyed by (state, symbol).
// Failure links are followed on a miss (amortised O(1) per rune).
type matcher struct {
	ascii  [128]uint32
	bmp    []uint32 // rune < 0x10000 → symbol; 0 for none
	astral map[rune]uint32

	root  []int32 // symbol → state reached from the root (0 = root)
	edges edgeTable
	fail  []int32
	out   []int32 // pattern ending at this state, or -1
	dict  []int32 // nearest state on the failure chain with out >= 0, or -1
	plen  []int32 // pattern length in symbols
	ring  int     // power of two ≥ longest pattern
}

// foldRune maps a rune to the one it is compared as, and reports whether it
// is skipped.
func foldRune(r rune) (rune, bool) {
	switch {
	case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0xA0 || r == 0x3000:
		return 0, true
	case r >= 'a' && r <= 'z':
		return r - 'a' + 'A', false
	case r >= 0xFF10 && r <= 0xFF19:
		return r - 0xFF10 + '0', false
	case r >= 0xFF21 && r <= 0xFF3A:
		return r - 0xFF21 + 'A', false
	case r >= 0xFF41 && r <= 0xFF5A:
		return r - 0xFF41 + 'A', false
	}
	return r, false
}

// newMatcher builds the automaton. Pattern i is reported as i; empty
// patterns (after folding) never match.
func newMatcher(patterns []string) *matcher {
	m := &matcher{bmp: make([]uint32, 0x10000), astral: map[rune]uint32{}}
	nsym := uint32(0)
	symOf := func(r rune) uint32 {
		f, skip := foldRune(r)
		if skip {
			return 0
		}
		if f < 0x10000 {
			if m.bmp[f] == 0 {
				nsym++
				m.bmp[f] = nsym
			}
			return m.bmp[f]
		}
		v, ok := m.astral[f]
		if !ok {
			nsym++
			v = nsym
			m.astral[f] = v
		}
		return v
	}
	seqs := make([][]uint32, len(patterns))
	longest := 1
	for i, p := range patterns {
		var seq []uint32
		for _, r := range p {
			if s := symOf(r); s != 0 {
				seq = append(seq, s)
			}
		}
		seqs[i] = seq
		longest = max(longest, len(seq))
	}
	// Every spelling of a folded rune gets its symbol.
	for r := rune(0); r < 0x10000; r++ {
		if f, skip := foldRune(r); !skip && f != r && f < 0x10000 {
			m.bmp[r] = m.bmp[f]
		}
	}
	for b := 0; b < 128; b++ {
		m.ascii[b] = m.bmp[b]
	}
	m.ring = 1
	for m.ring < longest {
		m.ring <<= 1
	}

	// The trie.
	m.root = make([]int32, nsym+1)
	m.fail = []int32{0}
	m.out = []int32{-1}
	m.plen = []int32{0}
	var firstChild, nextSibling []int32 = []int32{-1}, []int32{-1}
	var symAt []uint32 = []uint32{0}
	total := 0
	for _, s := range seqs {
		total += len(s)
	}
	m.edges = newEdgeTable(total)
	newState := func(parent int32, sym uint32) int32 {
		n := int32(len(m.fail))
		m.fail = append(m.fail, 0)
		m.out = append(m.out, -1)
		m.plen = append(m.plen, 0)
		symAt = append(symAt, sym)
		firstChild = append(firstChild, -1)
		nextSibling = append(nextSibling, firstChild[parent])
		firstChild[parent] = n
		return n
	}
	for i, seq := range seqs {
		if len(seq) == 0 {
			continue
		}
		st := int32(0)
		for _, sym := range seq {
			var nx int32
			if st == 0 {
				nx = m.root[sym]
				if nx == 0 {
					nx = newState(0, sym)
					m.root[sym] = nx
				}
			} else {
				var ok bool
				if nx, ok = m.edges.get(st, sym); !ok {
					nx = newState(st, sym)
					m.edges.put(st, sym, nx)
				}
			}
			st = nx
		}
		if m.out[st] < 0 {
			m.out[st] = int32(i)
			m.plen[st] = int32(len(seq))
		}
	}

	// Failure and dictionary links, breadth first.
	m.dict = make([]int32, len(m.fail))
	for i := range m.dict {
		m.dict[i] = -1
	}
	queue := make([]int32, 0, len(m.fail))
	for c := firstChild[0]; c >= 0; c = nextSibling[c] {
		m.fail[c] = 0
		queue = append(queue, c)
	}
	for qi := 0; qi < len(queue); qi++ {
		st := queue[qi]
		for c := firstChild[st]; c >= 0; c = nextSibling[c] {
			sym := symAt[c]
			f := m.fail[st]
			m.fail[c] = m.step(f, sym)
			if fc := m.fail[c]; m.out[fc] >= 0 {
				m.dict[c] = fc
			} else {
				m.dict[c] = m.dict[fc]
			}
			queue = append(queue, c)
		}
	}
	return m
}

// step is the goto function with failure links.
func (m *matcher) step(st int32, sym uint32) int32 {
	for {
		if st == 0 {
			return m.root[sym]
		}
		if nx, ok := m.edges.get(st, sym); ok {
			return nx
		}
		st = m.fail[st]
	}
}

// each calls fn for every occurrence of every pattern in text, in order of
// its end, with byte offsets [start, end).
func (m *matcher) each(text []byte, fn func(pat, start, end int)) {
	if len(m.fail) == 1 {
		return
	}
	// The ring lives on the stack when it fits: each is called per page
	// part, and a ring on the heap per call would be most of what the
	// leak gate allocates.
	var onStack [256]int
	var starts []int
	if m.ring <= len(onStack) {
		starts = onStack[:m.ring]
	} else {
		starts = make([]int, m.ring)
	}
	mask := m.ring - 1
	n := 0 // symbols consumed since the last reset
	st := int32(0)
	for i := 0; i < len(text); {
		b := text[i]
		var sym uint32
		size := 1
		if b < utf8.RuneSelf {
			sym = m.ascii[b]
			if sym == 0 {
				if b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v' {
					i++
					continue
				}
				st, n = 0, 0
				i++
				continue
			}
		} else {
			r, sz := decode3(text, i)
			if sz == 0 {
				r, sz = utf8.DecodeRune(text[i:])
			}
			size = sz
			switch {
			case r < 0x10000:
				sym = m.bmp[r]
			default:
				sym = m.astral[r]
			}
			if sym == 0 {
				if r == 0xA0 || r == 0x3000 {
					i += size
					continue
				}
				st, n = 0, 0
				i += size
				continue
			}
		}
		starts[n&mask] = i
		n++
		if st == 0 {
			st = m.root[sym]
		} else {
			st = m.step(st, sym)
		}
		i += size
		if st == 0 {
			continue
		}
		t := st
		if m.out[t] < 0 {
			t = m.dict[t]
		}
		for ; t >= 0; t = m.dict[t] {
			l := int(m.plen[t])
			fn(int(m.out[t]), starts[(n-l)&mask], i)
		}
	}
}

// edgeTable maps (state, symbol) to a state with open addressing. Key 0 is
// free: the root's transitions are not stored here.
type edgeTable struct {
	keys  []uint64
	vals  []int32
	shift uint
	mask  uint64
}

func newEdgeTable(n int) edgeTable {
	size := 16
	bits := uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	return edgeTable{keys: make([]uint64, size), vals: make([]int32, size), shift: 64 - bits, mask: uint64(size - 1)}
}

func edgeKey(st int32, sym uint32) uint64 { return uint64(st)<<32 | uint64(sym) }

func (t *edgeTable) get(st int32, sym uint32) (int32, bool) {
	k := edgeKey(st, sym)
	h := (k * 0x9E3779B97F4A7C15) >> t.shift
	for {
		switch t.keys[h] {
		case k:
			return t.vals[h], true
		case 0:
			return 0, false
		}
		h = (h + 1) & t.mask
	}
}

func (t *edgeTable) put(st int32, sym uint32, v int32) {
	k := edgeKey(st, sym)
	h := (k * 0x9E3779B97F4A7C15) >> t.shift
	for t.keys[h] != 0 && t.keys[h] != k {
		h = (h + 1) & t.mask
	}
	t.keys[h] = k
	t.vals[h] = v
}

// decode3 decodes the three-byte character (all of CJK) at text[i], as
// utf8.DecodeRune would, in far fewer steps (utf8.DecodeRune would take a
// third of the scan). It returns size 0 for anything else, and for what
// utf8.DecodeRune would not take as is (overlong, a surrogate).
func decode3(text []byte, i int) (rune, int) {
	if i+2 >= len(text) || text[i]&0xF0 != 0xE0 || text[i+1]&0xC0 != 0x80 || text[i+2]&0xC0 != 0x80 {
		return 0, 0
	}
	r := rune(text[i]&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
	if r < 0x800 || (r >= 0xD800 && r <= 0xDFFF) {
		return 0, 0
	}
	return r, 3
}
