package disclose

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gongshi/generator/internal/cachefile"
)

// Gate is the leak gate: it scans every file of a build's output, as the
// output stage writes it, for personal data that got past Apply, and
// collects what it finds. It guarantees that no file it was handed holds a
// secret its Scanner knows, an ID number or a mobile number without Err
// naming it (file, line, kind, source record, never the value); the
// binary term shards of the search index are the one exception (see
// Check). Files the output keeps from a previous build unscanned are
// covered by PassedBefore: only when that build's gate found no less.
// Its methods are safe for concurrent use.
type Gate struct {
	scanner *Scanner
	mu      sync.Mutex
	leaks   []Leak

	// What the gate scanned, and the time its scans took, summed over the
	// workers.
	files, bytes, nanos atomic.Int64

	rulesOnce sync.Once
	rs        *Rules

	// Parts of pages found clean, by their content (not a hash of it: a
	// collision would pass a part unscanned): the site header and footer
	// that every page repeats are scanned once. A part is kept only once
	// its hash has been seen before (a collision there merely keeps one
	// more): the header of a record page carries its title in the
	// breadcrumbs, and keeping every such header held 37 MB in a monthly
	// update for no page scanned less. split says pages may be scanned in
	// parts at all.
	split   bool
	cleanMu sync.RWMutex
	clean   map[string]bool
	seen    map[uint64]bool
	seed    maphash.Seed
}

// NewGate returns a gate that scans with sc.
func NewGate(sc *Scanner) *Gate {
	return &Gate{scanner: sc, split: sc.Separates('<'), clean: map[string]bool{}, seen: map[uint64]bool{}, seed: maphash.MakeSeed()}
}

// The rules the gate applied to an output are kept in the build cache,
// named by the output's index, so that the next build can tell whether the
// files it keeps from that output need scanning again: not when its own
// rules find no more than those did (nothing new to look for, nothing
// excused before that is not now). A monthly update, whose new records
// bring new secrets, scans them; a rebuild of unchanged data does not.

func rulesFile(cacheDir, indexSum string) string {
	bin := cachefile.Program()
	if cacheDir == "" || indexSum == "" || bin == "" {
		return ""
	}
	h := sha256.Sum256([]byte("scan rules\x00" + bin + "\x00" + indexSum))
	return filepath.Join(cacheDir, "scan-"+hex.EncodeToString(h[:20])+".rules")
}

func (g *Gate) rules() *Rules {
	g.rulesOnce.Do(func() { g.rs = g.scanner.Rules() })
	return g.rs
}

// PassedBefore reports whether every file of the output whose index has
// the hash indexSum passes this gate: it passed a gate whose rules find no
// more than this one's, as Remember recorded in the cache folder cacheDir.
// Without a record it reports false.
func (g *Gate) PassedBefore(cacheDir, indexSum string) bool {
	old := g.before(cacheDir, indexSum)
	return old != nil && g.rules().FindsNoMoreThan(old)
}

// before returns the rules Remember recorded for the output whose index
// has the hash indexSum, or nil.
func (g *Gate) before(cacheDir, indexSum string) *Rules {
	name := rulesFile(cacheDir, indexSum)
	if name == "" {
		return nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var old Rules
	if old.UnmarshalBinary(data) != nil {
		return nil
	}
	now := time.Now()
	os.Chtimes(name, now, now) // used: keep it
	return &old
}

// NewSince returns a Sieve of what a file that the gate which passed the
// output whose index has the hash indexSum (as Remember recorded in
// cacheDir) passed must hold to fail this gate: the secrets this gate
// looks for and that one did not, and those this gate looks for that occur
// in an excuse (an allowed string, a word window) that one had and this
// one has not. A file of that output whose text holds none of them passes
// this gate (package build's documentation argues why; TestSievePromise
// tries it). It returns nil without such a record, when a number that
// gate took as published this one does not, or when a match may continue
// across '<' (Scanner.Separates), which a caller proving a page clean
// from the values it is made of relies on.
func (g *Gate) NewSince(cacheDir, indexSum string) *Sieve {
	if !g.split {
		return nil
	}
	old := g.before(cacheDir, indexSum)
	if old == nil || len(old.Excuses) != len(old.Allowed) {
		return nil
	}
	r := g.rules()
	if !subset(old.Public, r.Public) {
		return nil
	}
	sc := g.scanner
	in := make([]bool, len(sc.keys))
	for _, e := range old.Excuses {
		if _, found := slices.BinarySearch(r.Allowed, ruleHash(e)); found {
			continue
		}
		// A secret it excused occurs in it whole (a match covered by the
		// allowed string's, or the name in the window's middle).
		sc.m.each([]byte(strings.TrimPrefix(e, "word\x00")), func(p, _, _ int) { in[p] = true })
	}
	var keys []string
	for i, k := range sc.keys {
		p := sc.pats[i]
		if p.allow {
			continue
		}
		h := ruleHash(k)
		if p.names {
			h = ruleHash("name\x00" + k)
		}
		if _, found := slices.BinarySearch(old.Secrets, h); !found || in[i] {
			keys = append(keys, k)
		}
	}
	return &Sieve{m: newMatcher(keys), n: len(keys)}
}

// Sieve finds a set of secrets in text as the gate's scanner does (folded,
// white space skipped), with nothing excused: it finds every occurrence
// the scanner could report, and perhaps more. Its methods are safe for
// concurrent use.
type Sieve struct {
	m *matcher
	n int
}

// Len returns the number of secrets the sieve looks for.
func (v *Sieve) Len() int { return v.n }

// In reports whether text holds one of the sieve's secrets.
func (v *Sieve) In(text []byte) bool {
	if v.n == 0 {
		return false
	}
	found := false
	v.m.each(text, func(int, int, int) { found = true })
	return found
}

// Remember records in the cache folder cacheDir the gate's rules as those
// the output whose index has the hash indexSum passed.
func (g *Gate) Remember(cacheDir, indexSum string) {
	name := rulesFile(cacheDir, indexSum)
	if name == "" {
		return
	}
	data, _ := g.rules().MarshalBinary()
	cachefile.Write(cacheDir, name, data)
}

// Check scans the file at path p (slash-separated, from the output's
// root) with contents data; it is an output.Stage Check and always
// returns nil: what it finds, Err reports. The search index's binary term
// shards are passed over: they hold the bigrams of documents whose full
// text is scanned in the index's JSON chunks and in the pages, and two
// bigrams side by side can spell a name that no document contains.
//
// A page is scanned in four parts, split before its <body, <main and
// </main> tags (where no match can continue: see Scanner.Separates); the
// second and the fourth, the header and the footer, are the same on most
// pages and are scanned once per content.
func (g *Gate) Check(p string, data []byte) error {
	if strings.HasPrefix(p, "/search/index/") && strings.HasSuffix(p, ".bin") {
		return nil
	}
	t := time.Now()
	defer func() {
		g.files.Add(1)
		g.bytes.Add(int64(len(data)))
		g.nanos.Add(int64(time.Since(t)))
	}()
	name := strings.TrimPrefix(p, "/")
	var cuts []int
	if g.split && strings.HasSuffix(p, ".html") {
		cuts = pageCuts(data)
	}
	if cuts == nil {
		g.found(g.scanner.Scan(name, data), data, 0)
		return nil
	}
	for i, lo := range cuts {
		hi := len(data)
		if i+1 < len(cuts) {
			hi = cuts[i+1]
		}
		part := data[lo:hi]
		shared := i%2 == 1
		if shared && g.isClean(part) {
			continue
		}
		leaks := g.scanner.Scan(name, part)
		if len(leaks) == 0 && shared {
			g.cleanAgain(part)
		}
		g.found(leaks, data, lo)
	}
	return nil
}

func (g *Gate) isClean(part []byte) bool {
	g.cleanMu.RLock()
	defer g.cleanMu.RUnlock()
	return g.clean[string(part)]
}

// cleanAgain notes a shared part found clean, and keeps it once it has
// been found before.
func (g *Gate) cleanAgain(part []byte) {
	h := maphash.Bytes(g.seed, part)
	g.cleanMu.Lock()
	if g.seen[h] {
		g.clean[string(part)] = true
	}
	g.seen[h] = true
	g.cleanMu.Unlock()
}

// pageCuts returns where a page's parts start: 0 and its <body, <main and
// </main> tags, in order; nil when it lacks one.
func pageCuts(data []byte) []int {
	cuts := []int{0}
	at := 0
	for _, tag := range []string{"<body", "<main", "</main>"} {
		i := bytes.Index(data[at:], []byte(tag))
		if i < 0 {
			return nil
		}
		at += i
		cuts = append(cuts, at)
	}
	return cuts
}

// found records leaks found in the part of data starting at off.
func (g *Gate) found(leaks []Leak, data []byte, off int) {
	if len(leaks) == 0 {
		return
	}
	lines := bytes.Count(data[:off], []byte("\n"))
	for i := range leaks {
		leaks[i].Line += lines
	}
	g.mu.Lock()
	g.leaks = append(g.leaks, leaks...)
	g.mu.Unlock()
}

// GateStats is what the leak gate did in one build.
type GateStats struct {
	// Files and Bytes are what it scanned (files kept from the previous
	// build unscanned are not counted).
	Files int
	Bytes int64
	// Busy is the time its scans took, summed over the workers: wall
	// time, which counts a scan's waits for a core too (a CPU profile
	// gives the gate's CPU time).
	Busy time.Duration
	// Findings counts the leaks it found.
	Findings int
}

// Stats returns what the gate has scanned and found so far.
func (g *Gate) Stats() GateStats {
	g.mu.Lock()
	n := len(g.leaks)
	g.mu.Unlock()
	return GateStats{Files: int(g.files.Load()), Bytes: g.bytes.Load(), Busy: time.Duration(g.nanos.Load()), Findings: n}
}

// Err returns a LeakError for what was found, sorted by file and line, or
// nil. It is called once every Check has returned.
func (g *Gate) Err() error {
	if len(g.leaks) == 0 {
		return nil
	}
	sort.SliceStable(g.leaks, func(i, j int) bool {
		if g.leaks[i].File != g.leaks[j].File {
			return g.leaks[i].File < g.leaks[j].File
		}
		return g.leaks[i].Line < g.leaks[j].Line
	})
	return &LeakError{Leaks: g.leaks}
}

// LeakError is returned when the built output holds personal data; it
// names files, kinds and source records, never the data.
type LeakError struct{ Leaks []Leak }

func (e *LeakError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the output would publish personal data (%d findings); nothing was written:", len(e.Leaks))
	for _, l := range e.Leaks[:min(10, len(e.Leaks))] {
		b.WriteString("\n  " + l.String())
	}
	if len(e.Leaks) > 10 {
		fmt.Fprintf(&b, "\n  … and %d more", len(e.Leaks)-10)
	}
	b.WriteString("\n`gongshi check` shows where each name of a record stands in other text; a name that is no person there can be marked reviewed in site.toml ([[disclosure.reviewed]]).")
	return b.String()
}
