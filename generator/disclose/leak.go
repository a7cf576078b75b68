package disclose

import (
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gongshi/generator/diag"
	"gongshi/generator/ident"
)

// Kinds of leak found by pattern rather than by a known secret.
const (
	LeakID     = "身份证号"
	LeakMobile = "手机号"
)

// Leak is personal data found in a built file. It names the file, the line,
// the kind of data and the record it came from, never the value.
type Leak struct {
	File string
	// Line is the 1-based line in File.
	Line int
	Kind string
	// Src is the input record the value belongs to; zero when the value was
	// found by its pattern and matches no known secret.
	Src diag.Pos
	// Others counts further records holding the same value.
	Others int
}

// String formats the leak as "file:line: leak: kind (from src)".
func (l Leak) String() string {
	s := fmt.Sprintf("%s:%d: leak: %s", l.File, l.Line, l.Kind)
	switch {
	case l.Src.File != "" && l.Others > 0:
		s += fmt.Sprintf(" (from %s and %d other records)", l.Src, l.Others)
	case l.Src.File != "":
		s += fmt.Sprintf(" (from %s)", l.Src)
	default:
		s += " (matches no input record)"
	}
	return s
}

// LogValue logs the leak as String does: it holds no secret.
func (l Leak) LogValue() slog.Value { return slog.StringValue(l.String()) }

// Scanner finds personal data in built files: any valid-checksum 18-digit
// ID number, any mobile number, and any secret value verbatim (names, ID
// numbers, addresses, phones), however many secrets there are, in one pass
// over each file.
//
// Secrets are compared after folding (case, full-width forms) and ignoring
// whitespace, so "张 三" is found as 张三. What is published on purpose is
// not a leak: a secret occurring inside a public string (an organisation's
// name or legal representative, an authority, a service's phone) or inside a
// masked name (a person called 欧阳 inside 欧阳某某) is skipped, and so is a
// number that is itself public. A two-character name inside a longer word
// (李明 in 李明亮路) is reported: the scanner cannot tell a road from a
// person, and disclose masks such text the same way before it is published.
type Scanner struct {
	m       *matcher
	pats    []scanPat
	secrets []Secret
	nums    map[string]int  // folded digits → secret index
	public  map[string]bool // numbers published on purpose
	keys    []string        // the folded patterns, by pats index
	// words are the windows of non-personal text in which a name stands
	// inside a word (see wordWindow): a name seen in one of them is no
	// finding.
	words map[string]bool
}

type scanPat struct {
	allow bool
	// names: every secret of the pattern is a name, so a word of
	// non-personal text may excuse it (a number never is).
	names   bool
	secrets []int32
}

// Known is what a scanner accepts besides its secrets.
type Known struct {
	// Public are strings published on purpose: a secret inside one of them
	// is accepted where the whole string occurs, and the ID and mobile
	// numbers in them are never findings.
	Public []string
	// Words are non-personal source texts (legal bases, power and service
	// items, violation types shared by several parties, statistics labels,
	// place names). A name that stands inside a word of one of them, with
	// the same characters around it (see wordWindow), is not a finding
	// wherever it occurs: 史文 in 历史文化名城 is no person.
	Words []string
}

// NewScanner returns a scanner for secrets.
func NewScanner(secrets []Secret) *Scanner { return NewScannerKnown(secrets, Known{}) }

// NewScannerPublic returns a scanner for secrets that accepts the strings in
// public where they occur whole.
func NewScannerPublic(secrets []Secret, public []string) *Scanner {
	return NewScannerKnown(secrets, Known{Public: public})
}

// NewScannerKnown returns a scanner for secrets that accepts what k lists.
func NewScannerKnown(secrets []Secret, k Known) *Scanner {
	public := k.Public
	s := &Scanner{secrets: secrets, nums: map[string]int{}, public: map[string]bool{}, words: map[string]bool{}}
	index := map[string]int{}
	var patterns []string
	for i, sec := range secrets {
		key := foldKey(sec.Value)
		if utf8.RuneCountInString(key) < 2 || (sec.isName() && isMasked(key)) {
			continue
		}
		p, ok := index[key]
		if !ok {
			p = len(patterns)
			index[key] = p
			patterns = append(patterns, key)
			s.pats = append(s.pats, scanPat{names: true})
		}
		s.pats[p].secrets = append(s.pats[p].secrets, int32(i))
		s.pats[p].names = s.pats[p].names && sec.isName()
		if d := digitsOnly(key); len(d) >= 7 {
			if _, ok := s.nums[d]; !ok {
				s.nums[d] = i
			}
		}
	}
	// Public strings and masked names that contain a secret become allowed
	// patterns; public numbers are remembered.
	candidates := append([]string(nil), public...)
	for _, c := range compoundSurnames {
		candidates = append(candidates, c+"某某", c+"某", c+"*")
	}
	for _, sec := range secrets {
		if sec.isName() {
			for _, mask := range []string{"某某", "某", "*"} {
				candidates = append(candidates, MaskName(sec.Value, mask))
			}
		}
	}
	secretsOnly := newMatcher(patterns)
	for _, c := range candidates {
		b := []byte(c)
		eachDigitRun(b, func(start, end int) bool {
			if d, ok := idAt(b, start, end); ok {
				s.public[d] = true
			} else if d, ok := mobileAt(b, start, end); ok {
				s.public[d] = true
			}
			return true
		})
		found := false
		secretsOnly.each(b, func(int, int, int) { found = true })
		if !found {
			continue
		}
		key := foldKey(c)
		if p, ok := index[key]; ok {
			s.pats[p].allow = true
			continue
		}
		index[key] = len(patterns)
		patterns = append(patterns, key)
		s.pats = append(s.pats, scanPat{allow: true})
	}
	s.m = newMatcher(patterns)
	s.keys = patterns
	for _, w := range k.Words {
		b := []byte(w)
		secretsOnly.each(b, func(p, start, end int) {
			if win, ok := wordWindow(b, start, end, patterns[p]); ok && s.pats[p].names {
				s.words[win] = true
			}
		})
	}
	return s
}

// wordWindow calls fn with the window of text around the match
// text[start:end] of the folded pattern key, when the match stands inside
// a run of Han characters: the character before it, key, and the
// character after it (历史文化 for 史文). A name beside punctuation, a
// space, a digit, a letter or the edge of the text stands in no word, and
// neither does one after a character that introduces a person (人, 者, 员
// …: 联系人史文电话).
func wordWindow(text []byte, start, end int, key string) (string, bool) {
	l, _ := utf8.DecodeLastRune(text[:start])
	r, _ := utf8.DecodeRune(text[end:])
	if !unicode.Is(unicode.Han, l) || !unicode.Is(unicode.Han, r) || strings.ContainsRune(personEnds, l) {
		return "", false
	}
	return string(l) + key + string(r), true
}

// personEnds are characters that end the words introducing a person:
// 当事人, 经营者, 工作人员, 户主, 村长, 书记, 医师, 学生.
const personEnds = "人者员主长记师生"

// inWord reports whether the name matched at h stands inside a word of
// the scanner's non-personal text.
func (s *Scanner) inWord(text []byte, h span) bool {
	if len(s.words) == 0 || !s.pats[h.pat].names {
		return false
	}
	win, ok := wordWindow(text, h.start, h.end, s.keys[h.pat])
	return ok && s.words[win]
}

// foldKey folds a value as the matcher compares it and drops whitespace.
func foldKey(v string) string {
	var b strings.Builder
	for _, r := range v {
		if f, skip := foldRune(r); !skip {
			b.WriteRune(f)
		}
	}
	return b.String()
}

func digitsOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) || (s[i] == 'X' && i == len(s)-1) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

type span struct{ pat, start, end int }

// secretSpans returns the secret occurrences in text that no allowed
// pattern covers and that stand in no word of non-personal text, in order.
func (s *Scanner) secretSpans(text []byte) []span {
	var hits, allows []span
	s.m.each(text, func(p, start, end int) {
		if s.pats[p].allow {
			allows = append(allows, span{p, start, end})
		} else {
			hits = append(hits, span{p, start, end})
		}
	})
	if len(allows) == 0 && len(s.words) == 0 {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		if !covers(allows, h) && !s.inWord(text, h) {
			out = append(out, h)
		}
	}
	return out
}

// covers reports whether one of the spans holds h.
func covers(spans []span, h span) bool {
	for _, a := range spans {
		if a.start <= h.start && h.end <= a.end {
			return true
		}
	}
	return false
}

// Separates reports whether the ASCII character c ends every match: no
// pattern holds it, matching does not skip it as white space, and it is
// neither a digit nor a letter (which ID and mobile numbers are made of).
// Content split just before such a character can then be scanned part by
// part with the same findings, but for Scan's one report per value and
// line: a value on both sides of a cut within a line is reported twice.
func (s *Scanner) Separates(c byte) bool {
	_, skipped := foldRune(rune(c))
	return c < utf8.RuneSelf && s.m.ascii[c] == 0 && !isAlnum(c) && !skipped
}

// Scan returns the leaks in one file's content, by line.
func (s *Scanner) Scan(path string, content []byte) []Leak {
	type found struct {
		off  int
		kind string
		src  diag.Pos
		n    int
	}
	var fs []found
	eachDigitRun(content, func(start, end int) bool {
		kind := ""
		d, ok := idAt(content, start, end)
		if ok {
			kind = LeakID
		} else if d, ok = mobileAt(content, start, end); ok {
			kind = LeakMobile
		}
		if kind != "" && !s.public[d] {
			f := found{off: start, kind: kind}
			if i, ok := s.nums[d]; ok {
				f.src = s.secrets[i].Src
			}
			fs = append(fs, f)
		}
		return true
	})
	for _, h := range s.secretSpans(content) {
		ids := s.pats[h.pat].secrets
		first := s.secrets[ids[0]]
		fs = append(fs, found{off: h.start, kind: first.Kind, src: first.Src, n: len(ids) - 1})
	}
	if len(fs) == 0 {
		return nil
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].off < fs[j].off })
	var leaks []Leak
	line, pos := 1, 0
	seen := map[string]bool{}
	for _, f := range fs {
		line += strings.Count(string(content[pos:f.off]), "\n")
		pos = f.off
		// One report per value per line; a number found both by its pattern
		// and as a secret is reported once.
		key, at := fmt.Sprint(line, f.kind, f.src), fmt.Sprint("@", f.off)
		if seen[key] || seen[at] {
			continue
		}
		seen[key], seen[at] = true, true
		leaks = append(leaks, Leak{File: path, Line: line, Kind: f.kind, Src: f.src, Others: f.n})
	}
	return leaks
}

// ScanFS scans every regular file in fsys, in parallel, and returns the
// leaks sorted by file and line.
func (s *Scanner) ScanFS(fsys fs.FS) ([]Leak, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scan: %w", err)
	}
	results := make([][]Leak, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				b, err := fs.ReadFile(fsys, paths[i])
				if err != nil {
					errs[i] = fmt.Errorf("scan %s: %w", paths[i], err)
					continue
				}
				results[i] = s.Scan(paths[i], b)
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	var leaks []Leak
	for i := range paths {
		if errs[i] != nil {
			return nil, errs[i]
		}
		leaks = append(leaks, results[i]...)
	}
	sort.SliceStable(leaks, func(i, j int) bool {
		if leaks[i].File != leaks[j].File {
			return leaks[i].File < leaks[j].File
		}
		return leaks[i].Line < leaks[j].Line
	})
	return leaks, nil
}

// minDigitRun is the fewest bytes a number eachDigitRun reports takes: a
// mobile number's 11 ASCII digits.
const minDigitRun = 11

// eachDigitRun calls fn, until it returns false, with the span of every
// chain of whole digit groups of a number run (number.go) that may be an ID
// or a mobile number: 11, 13 or 18 characters, its first group of at least
// three, the others of at least two. Spans come in order of their start.
//
// A run lies in a stretch of hot bytes, and a run worth reporting is at
// least minDigitRun bytes long, so only every minDigitRun-th byte is looked
// at until one is hot; the stretch around it is then parsed if it may hold
// minDigitRun digits. Most text has few digits, so most bytes are never
// looked at. Hot bytes include the middle and last bytes of much Chinese
// punctuation, so a third of the probes into Chinese text walk a short
// stretch: BenchmarkEachDigitRun takes 0.48 ms a run against 0.15 ms for
// plain ASCII digit runs, some 7% of BenchmarkScan50k's 4.5 ms; parsing
// every long enough stretch (dates, 〔2025〕12号) without counting its
// digits first takes three times as long.
func eachDigitRun(b []byte, fn func(start, end int) bool) {
	var gbuf [8]numGroup
	var dbuf [32]byte
	r := numRun{groups: gbuf[:0], digits: dbuf[:0]}
	done := 0
	for k := minDigitRun - 1; k < len(b); k += minDigitRun {
		if !hot[b[k]] {
			continue
		}
		// The stretch around the probe, and an upper bound on its digits.
		p, q := k, k+1
		digits := int(digitByte[b[k]])
		for p > done && hot[b[p-1]] {
			p--
			digits += int(digitByte[b[p]])
		}
		for q < len(b) && hot[b[q]] {
			digits += int(digitByte[b[q]])
			q++
		}
		if digits >= minDigitRun && !eachChainIn(b, p, q, &r, fn) {
			return
		}
		done = q
		// Next: the first probe past the stretch's end (which is not hot).
		for k < q {
			k += minDigitRun
		}
		k -= minDigitRun
	}
}

// eachChainIn calls fn with the chains of the runs in b[p:q] and reports
// whether fn asked for more.
func eachChainIn(b []byte, p, q int, r *numRun, fn func(start, end int) bool) bool {
	for i := p; i < q; {
		if _, w := digitAt(b, i); w == 0 {
			i++
			continue
		}
		end := parseRun(b, i, r, sepsBuilt)
		gs := r.groups
		for gi := range gs {
			if gs[gi].len() < 3 {
				continue
			}
			n := 0
			for gj := gi; gj < len(gs); gj++ {
				l := gs[gj].len()
				if gj > gi && l < 2 {
					break
				}
				if n += l; n > 18 {
					break
				}
				if (n == 11 || n == 13 || n == 18) && !fn(gs[gi].start, gs[gj].end) {
					return false
				}
			}
		}
		i = end
	}
	return true
}

// spanDigits returns the digits in b[start:end] (full-width folded, X
// upper-case), how many groups they form and the length of the shortest;
// n > len(d) when there are more digits than d holds. A dot joining two
// groups alone is a decimal point: the span is no number, and n is 0.
func spanDigits(b []byte, start, end int) (d [18]byte, n, groups, shortest int) {
	shortest = 1 << 30
	l, dots := 0, 0
	for i := start; i < end; {
		c, w := digitAt(b, i)
		if w == 0 {
			if w = checkAt(b, i); w > 0 {
				c = 'X'
			}
		}
		if w == 0 {
			if l > 0 {
				groups++
				shortest = min(shortest, l)
			}
			if b[i] == '.' || b[i] == 0xEF && i+2 < end && b[i+1] == 0xBC && b[i+2] == 0x8E {
				dots++
			}
			l = 0
			i++
			continue
		}
		if n < len(d) {
			d[n] = c
		}
		n++
		l++
		i += w
	}
	if l > 0 {
		groups++
		shortest = min(shortest, l)
	}
	if groups == 2 && dots > 0 {
		n = 0
	}
	return d, n, groups, shortest
}

// apart reports whether the number in b[start:end] stands apart from
// letters and digits around it: a number split into groups must, or it is
// a piece of some code.
func apart(b []byte, start, end int) bool {
	return (start == 0 || !isAlnum(b[start-1])) && (end == len(b) || !isAlnum(b[end]))
}

// idAt returns the ID number in b[start:end], a span eachDigitRun gives,
// when it has a valid checksum.
func idAt(b []byte, start, end int) (string, bool) {
	d, n, groups, _ := spanDigits(b, start, end)
	if n != 18 {
		return "", false
	}
	if groups > 1 && !apart(b, start, end) || inHexToken(b, start, end) {
		return "", false
	}
	id := string(d[:])
	if !ident.ValidID(id) {
		return "", false
	}
	return id, true
}

// mobileAt returns the mobile number in b[start:end], a span eachDigitRun
// gives: 11 digits starting 13–19, in groups of at least three, or 13
// contiguous digits 86… right after a plus sign.
func mobileAt(b []byte, start, end int) (string, bool) {
	d, n, groups, shortest := spanDigits(b, start, end)
	m := d[:min(n, len(d))]
	switch {
	case n == 13 && groups == 1 && d[0] == '8' && d[1] == '6' && plusBefore(b, start):
		m = m[2:]
	case n != 11 || groups > 1 && (shortest < 3 || !apart(b, start, end)):
		return "", false
	}
	if m[0] != '1' || m[1] < '3' || m[1] > '9' || m[10] == 'X' || inHexToken(b, start, end) {
		return "", false
	}
	return string(m), true
}

// plusBefore reports whether a plus sign (+ or ＋) ends b[:i].
func plusBefore(b []byte, i int) bool {
	return i >= 1 && b[i-1] == '+' || i >= 3 && b[i-3] == 0xEF && b[i-2] == 0xBC && b[i-1] == 0x8B
}

// inHexToken reports whether b[start:end] lies inside a longer token of hex
// digits with at least one letter (a content hash in a file name, an ETag):
// those are not phone or ID numbers.
func inHexToken(b []byte, start, end int) bool {
	s, e := start, end
	for s > 0 && isAlnum(b[s-1]) {
		s--
	}
	for e < len(b) && isAlnum(b[e]) {
		e++
	}
	if e-s < 16 || (s == start && e == end) {
		return false
	}
	letter := false
	for _, c := range b[s:e] {
		switch {
		case isDigit(c):
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
			letter = true
		default:
			return false
		}
	}
	return letter
}

func isAlnum(c byte) bool { return isDigit(c) || isASCIILetter(c) }
