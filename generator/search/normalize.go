package search

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var canonBrackets = strings.NewReplacer("〔", "[", "〕", "]")

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Normalize folds s into the form that is indexed and searched: NFKC
// (full-width letters, digits and brackets to half-width), lower case,
// traditional characters and confusable variants to one simplified form
// (foldTable), decision-number years canonicalised to 〔YYYY〕N (no 第, no leading zeros),
// and every character other than a letter, a digit, 〔 or 〕 replaced by a
// separator; runs of separators become one space, with none at either end.
//
// search.js implements the same function; TestNormalizeTable pins both
// (the browser test runs the same table through the script).
func Normalize(s string) string {
	t, ok := foldSimple(s)
	if !ok {
		t = norm.NFKC.String(s)
		t = foldRunes(strings.ToLower(t))
		if strings.ContainsAny(t, "〔〕") {
			t = canonBrackets.Replace(t)
		}
	}
	return words(replaceYears(t))
}

// foldSimple does NFKC, lower case, foldTable and 〔〕 → [] in one pass when every
// character of s is one whose NFKC form is known without context (ASCII,
// CJK ideographs, full-width ASCII, common CJK punctuation): nearly all
// text. It reports false for anything else, which takes the general path.
func foldSimple(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	tab := cjkFold()
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		case 0x4E00 <= r && r <= 0x9FFF, 0x3400 <= r && r <= 0x4DBF:
			if t := tab[r-0x3400]; t != 0 {
				r = t
			}
			b = utf8.AppendRune(b, r)
		case 0xFF01 <= r && r <= 0xFF5E: // full-width ASCII
			r -= 0xFF01 - 0x21
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		case r == 0x3000: // ideographic space
			b = append(b, ' ')
		case r == '〔':
			b = append(b, '[')
		case r == '〕':
			b = append(b, ']')
		case 0x3001 <= r && r <= 0x3002, 0x3008 <= r && r <= 0x3011, 0x3016 <= r && r <= 0x3017,
			0x2018 <= r && r <= 0x2019, 0x201C <= r && r <= 0x201D, r == 0x2014, r == 0xB7:
			b = utf8.AppendRune(b, r) // no decomposition
		default:
			return "", false
		}
	}
	return string(b), true
}

// words keeps letters, digits, 〔 and 〕, and turns every other run into
// one space, with none at either end.
func words(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		word := false
		if r < utf8.RuneSelf {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else if 0x4E00 <= r && r <= 0x9FFF { // CJK ideographs: letters
			word = true
		} else {
			word = isWordRune(r)
		}
		if word {
			if sep && b.Len() > 0 {
				b.WriteByte(' ')
			}
			sep = false
			b.WriteString(s[i : i+size])
		} else {
			sep = true
		}
		i += size
	}
	return b.String()
}

// replaceYears replaces a year in brackets of any style, with the number
// that follows it, by 〔YYYY〕N: " [2025] 第 003" and "（2025）3" both become
// "〔2025〕3". It runs after NFKC, which already folded full-width brackets
// and digits, and after 〔〕 in the input were turned into [], so that 〔 and
// 〕 appear in normalised text only as this canonical form. It does by hand
// what search.js does with the expression (yearRe in the tests)
// ` *[\[(【〖{] *([0-9]{4}) *[\])】〗}](?: *第? *0*([0-9]))?`,
// leftmost first, non-overlapping, returning s itself when nothing
// matches (most text: it looks only at bytes a bracket can start with).
// FuzzNormalize holds the two equal.
func replaceYears(s string) string {
	var b strings.Builder
	copied := 0 // s[:copied] is in b
	for i := 0; i < len(s); {
		if !openerFirst[s[i]] { // most bytes: no opener starts here
			i++
			continue
		}
		n := openerLen(s[i:])
		if n == 0 {
			i++
			continue
		}
		end, year, num, ok := yearAt(s, i+n)
		if !ok {
			i += n
			continue
		}
		start := i
		for start > copied && s[start-1] == ' ' {
			start--
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[copied:start])
		b.WriteString("〔")
		b.WriteString(year)
		b.WriteString("〕")
		b.WriteString(num)
		copied, i = end, end
	}
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return b.String()
}

// yearAt matches ` *([0-9]{4}) *closer(?: *第? *0*([0-9]))?` at s[i:].
func yearAt(s string, i int) (end int, year, num string, ok bool) {
	i = skipSpaces(s, i)
	if i+4 > len(s) || !isDigits(s[i:i+4]) {
		return 0, "", "", false
	}
	year = s[i : i+4]
	i = skipSpaces(s, i+4)
	n := closerLen(s[i:])
	if n == 0 {
		return 0, "", "", false
	}
	end = i + n
	j := skipSpaces(s, end)
	if strings.HasPrefix(s[j:], "第") {
		j = skipSpaces(s, j+len("第"))
	}
	z := j
	for z < len(s) && s[z] == '0' {
		z++
	}
	switch {
	case z < len(s) && '1' <= s[z] && s[z] <= '9':
		return z + 1, year, s[z : z+1], true
	case z > j: // only zeros: the last is the digit
		return z, year, "0", true
	}
	return end, year, "", true
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// openerLen and closerLen return the length of the bracket of the
// expression (see replaceYears) that s starts with, or 0.
func openerLen(s string) int { return bracketLen(s, "[({", "【", "〖") }

// openerFirst marks the bytes an opener starts with: "[({" and 0xE3, the
// first byte of 【 and 〖 in UTF-8.
var openerFirst = [256]bool{'[': true, '(': true, '{': true, 0xE3: true}

func closerLen(s string) int { return bracketLen(s, "])}", "】", "〗") }

func bracketLen(s, ascii, wide1, wide2 string) int {
	switch {
	case s == "":
		return 0
	case strings.IndexByte(ascii, s[0]) >= 0:
		return 1
	case strings.HasPrefix(s, wide1) || strings.HasPrefix(s, wide2):
		return len(wide1)
	}
	return 0
}

// isWordRune reports whether r is kept by Normalize.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '〔' || r == '〕'
}

// Parts splits a query into its normalised parts: the query matches a
// record when the record's normalised text contains every part.
func Parts(q string) []string {
	n := Normalize(q)
	if n == "" {
		return nil
	}
	parts := strings.Split(n, " ")
	// Drop duplicates and parts contained in another part: they add nothing
	// to an AND.
	var out []string
	for i, p := range parts {
		redundant := false
		for j, o := range parts {
			if i != j && (strings.Contains(o, p) && (len(o) > len(p) || j < i)) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, p)
		}
	}
	return out
}

// Identifier normalises an identifier (decision number, credit code, item
// code) to the key under which it is indexed: Normalize without spaces.
func Identifier(s string) string {
	return strings.ReplaceAll(Normalize(s), " ", "")
}

// identifierQuery returns the identifier keys a query may name: the query
// itself without spaces and, for a decision number typed without 号, the
// same with 号.
func identifierQuery(q string) []string {
	id := Identifier(q)
	if len([]rune(id)) < 4 {
		return nil
	}
	out := []string{id}
	if decisionTail.MatchString(id) {
		out = append(out, id+"号")
	}
	return out
}

var decisionTail = regexp.MustCompile(`〔[0-9]{4}〕[0-9]+$`)

// displayRe matches a decision number's year and number in display text, in
// any bracket style, so that results show decision numbers in one form and
// highlighting lines up with the normalised query.
var displayRe = regexp.MustCompile(`[〔\[(（【〖［｛{﹝] *([0-9０-９]{4}) *[〕\])）】〗］｝}﹞](?: *第? *([0-9０-９]+)号)?`)

// canonicalDisplay rewrites decision numbers in text for display:
// "（2025）第3号" → "〔2025〕3号".
func canonicalDisplay(s string) string {
	if !strings.ContainsAny(s, "0123456789０１２３４５６７８９") {
		return s
	}
	return displayRe.ReplaceAllStringFunc(s, func(m string) string {
		sm := displayRe.FindStringSubmatch(m)
		y := norm.NFKC.String(sm[1])
		if sm[2] == "" {
			return "〔" + y + "〕"
		}
		n := strings.TrimLeft(norm.NFKC.String(sm[2]), "0")
		if n == "" {
			n = "0"
		}
		return "〔" + y + "〕" + n + "号"
	})
}
