package disclose

// Numbers as people write them. A number run is one or more digit groups
// joined by separator units. A digit is an ASCII or a full-width digit; a
// group may end in the check character of an ID number (X, x, Ｘ, ｘ), which
// ends the run. In free text (Scrub) a separator unit is one to three
// separators: white space, line breaks included, dashes, dots, middle dots,
// brackets and HTML line breaks (<br>, <br/>, <br />). In built files (the
// leak gate) it is one space, dash, dot or middle dot: a CSV, TSV or JSON
// file puts the numbers of different rows on consecutive lines (2413850\r\n
// 2025-02 in a statistics table would read as a mobile), and the search
// index joins fields with " · ".

// seps says which separators join digit groups.
type seps int

const (
	sepsText  seps = iota // free text: every separator
	sepsBuilt             // built files: spaces, dashes, dots, middle dots
)

// text is what parseRun reads: the text of a field or a built file.
type text interface{ ~string | ~[]byte }

// maxSeps is the number of separators a separator unit of free text holds
// (" - ", "\r\n").
const maxSeps = 3

// numGroup is one group of digits of a run.
type numGroup struct {
	start, end int // byte offsets of the group in the text
	ds, de     int // offsets of its digits in numRun.digits
}

func (g numGroup) len() int { return g.de - g.ds }

// numRun is a parsed number run: its groups, and their digits in ASCII with
// an upper-case X.
type numRun struct {
	groups []numGroup
	digits []byte
}

// digitAt returns the ASCII digit at b[i:] (full-width folded) and its
// width in bytes, or width 0.
func digitAt[T text](b T, i int) (byte, int) {
	c := b[i]
	if c-'0' <= 9 {
		return c, 1
	}
	if c == 0xEF && i+2 < len(b) && b[i+1] == 0xBC && b[i+2]-0x90 <= 9 {
		return b[i+2] - 0x90 + '0', 3
	}
	return 0, 0
}

// checkAt returns the width of an ID check character at b[i:], or 0.
func checkAt[T text](b T, i int) int {
	switch c := b[i]; {
	case c == 'X' || c == 'x':
		return 1
	case c == 0xEF && i+2 < len(b) && (b[i+1] == 0xBC && b[i+2] == 0xB8 || b[i+1] == 0xBD && b[i+2] == 0x98):
		return 3
	}
	return 0
}

// sepAt returns the width of one separator of the set at b[i:], or 0.
func sepAt[T text](b T, i int, set seps) int {
	switch c := b[i]; c {
	case ' ', '-', '.':
		return 1
	case '\t', '\n', '\r', '(', ')':
		if set == sepsText {
			return 1
		}
	case '<':
		if set == sepsText {
			return brAt(b, i)
		}
	case 0xC2: // U+00A0 no-break space, U+00B7 middle dot
		if i+1 < len(b) && (b[i+1] == 0xA0 || b[i+1] == 0xB7) {
			return 2
		}
	case 0xE2: // U+2010–U+2015 dashes, U+2212 minus
		if i+2 < len(b) && (b[i+1] == 0x80 && b[i+2]-0x90 <= 5 || b[i+1] == 0x88 && b[i+2] == 0x92) {
			return 3
		}
	case 0xE3: // U+3000 ideographic space, U+30FB katakana middle dot
		if i+2 < len(b) && (b[i+1] == 0x80 && b[i+2] == 0x80 || b[i+1] == 0x83 && b[i+2] == 0xBB) {
			return 3
		}
	case 0xEF: // U+FF08 （, U+FF09 ）, U+FF0D －, U+FF0E ．
		if i+2 < len(b) && b[i+1] == 0xBC && (b[i+2] == 0x8D || b[i+2] == 0x8E || set == sepsText && (b[i+2] == 0x88 || b[i+2] == 0x89)) {
			return 3
		}
	}
	return 0
}

// brAt returns the width of <br>, <br/> or <br /> (any case) at b[i:], or 0.
func brAt[T text](b T, i int) int {
	if i+4 > len(b) || b[i] != '<' || b[i+1]|0x20 != 'b' || b[i+2]|0x20 != 'r' {
		return 0
	}
	j := i + 3
	if b[j] == ' ' {
		j++
	}
	if j < len(b) && b[j] == '/' {
		j++
	}
	if j < len(b) && b[j] == '>' {
		return j + 1 - i
	}
	return 0
}

// parseRun parses the number run that starts with the digit at b[i:],
// groups joined by the separators of set, into r and returns its end: the
// end of its last group.
func parseRun[T text](b T, i int, r *numRun, set seps) int {
	r.groups, r.digits = r.groups[:0], r.digits[:0]
	for {
		g := numGroup{start: i, ds: len(r.digits)}
		for i < len(b) {
			d, w := digitAt(b, i)
			if w == 0 {
				break
			}
			r.digits = append(r.digits, d)
			i += w
		}
		x := false
		if i < len(b) {
			if w := checkAt(b, i); w > 0 {
				r.digits = append(r.digits, 'X')
				i += w
				x = true
			}
		}
		g.end, g.de = i, len(r.digits)
		r.groups = append(r.groups, g)
		if x {
			return i
		}
		j, n := i, 0
		most := maxSeps
		if set == sepsBuilt {
			most = 1
		}
		for n < most && j < len(b) {
			w := sepAt(b, j, set)
			if w == 0 {
				break
			}
			j += w
			n++
		}
		if n == 0 || j >= len(b) {
			return i
		}
		if _, w := digitAt(b, j); w == 0 {
			return i
		}
		i = j
	}
}

// digitByte is 1 for a byte that may be a digit or a check character: an
// ASCII one or the last byte of a full-width one.
var digitByte = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 0x90; c <= 0x99; c++ {
		t[c] = 1
	}
	t['X'], t['x'], t[0xB8] = 1, 1, 1
	return t
}()

// hot marks every byte of every character a number run in a built file
// (sepsBuilt) is made of: such a run lies in a stretch of hot bytes, which
// lets eachDigitRun skip text by looking at few of its bytes.
var hot = func() (t [256]bool) {
	chars := "0123456789０１２３４５６７８９XxＸｘ -.\u00a0\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u3000\u30fb－．"
	for _, r := range chars {
		e := string(r)
		for i := 0; i < len(e); i++ {
			t[e[i]] = true
		}
	}
	return t
}()
