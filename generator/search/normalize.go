package search

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// yearRe finds a year in brackets of any style, with the number that
// follows it: " [2025] 第 003" and "（2025）3" both become "〔2025〕3". It runs
// after NFKC, which already folded full-width brackets and digits, and after
// 〔〕 in the input were turned into [], so that 〔 and 〕 appear in
// normalised text only as this canonical form. search.js holds the same
// expression.
var yearRe = regexp.MustCompile(` *[\[(【〖{] *([0-9]{4}) *[\])】〗}](?: *第? *0*([0-9]))?`)

var canonBrackets = strings.NewReplacer("〔", "[", "〕", "]")

// mayHaveYear reports whether s has an opening bracket of yearRe followed
// by spaces and four digits: without one, yearRe cannot match.
func mayHaveYear(s string) bool {
	for i := 0; i < len(s); i++ {
		var n int
		switch {
		case s[i] == '[' || s[i] == '(' || s[i] == '{':
			n = 1
		case strings.HasPrefix(s[i:], "【") || strings.HasPrefix(s[i:], "〖"):
			n = len("【")
		default:
			continue
		}
		j := i + n
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j+4 <= len(s) && isDigits(s[j:j+4]) {
			return true
		}
	}
	return false
}

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
// decision-number years canonicalised to 〔YYYY〕N (no 第, no leading zeros),
// and every character other than a letter, a digit, 〔 or 〕 replaced by a
// separator; runs of separators become one space, with none at either end.
//
// search.js implements the same function; TestNormalizeTable pins both
// (the browser test runs the same table through the script).
func Normalize(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "〔〕") {
		s = canonBrackets.Replace(s)
	}
	if mayHaveYear(s) { // the expression is most of the cost; most text has no year
		s = yearRe.ReplaceAllString(s, "〔$1〕$2")
	}
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		if isWordRune(r) {
			if sep && b.Len() > 0 {
				b.WriteByte(' ')
			}
			sep = false
			b.WriteRune(r)
		} else {
			sep = true
		}
	}
	return b.String()
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
