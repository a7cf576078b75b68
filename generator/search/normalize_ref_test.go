package search

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// yearRe finds a year in brackets of any style, with the number that
// follows it: " [2025] 第 003" and "（2025）3" both become "〔2025〕3". It runs
// after NFKC, which already folded full-width brackets and digits, and after
// 〔〕 in the input were turned into [], so that 〔 and 〕 appear in
// normalised text only as this canonical form. search.js holds the same
// expression, and replaceYears does by hand what it does.
var yearRe = regexp.MustCompile(` *[\[(【〖{] *([0-9]{4}) *[\])】〗}](?: *第? *0*([0-9]))?`)

// normalizeRef is Normalize as first written, with the expression: the
// reference the fast paths are tested against.
func normalizeRef(s string) string {
	s = norm.NFKC.String(s)
	s = foldRunes(strings.ToLower(s))
	if strings.ContainsAny(s, "〔〕") {
		s = canonBrackets.Replace(s)
	}
	s = yearRe.ReplaceAllString(s, "〔$1〕$2")
	return words(s)
}
