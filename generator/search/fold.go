package search

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// tsCharacters is OpenCC's traditional → simplified character table
// (opencc/TSCharacters.txt, Apache-2.0, see opencc/LICENSE): one line per
// traditional character, a tab, then its simplified candidates, the usual
// one first.
//
//go:embed opencc/TSCharacters.txt
var tsCharacters string

// variants are characters people type for one another, each folded to the
// second of its pair on both sides of a search. Each pair names one word
// family written both ways in official text; neither character of a pair
// has a common meaning that the other could be mistaken for in a query:
//
//   - 砂 → 沙: 砂石/沙石, 河砂/河沙, 砂场/沙场 (both mean sand);
//   - 帐 → 账: 账户/帐户, 账目/帐目 (账 is the standard form; 帐 keeps only
//     帐篷 and 蚊帐, which no one writes with 账);
//   - 惟 → 唯: 唯一/惟一, 唯有/惟有 (异形词整理表);
//   - 黏 → 粘: 粘贴/黏贴, 粘土/黏土;
//   - 硷 → 碱: the older simplified form.
//
// Pairs that look alike but differ in law or meaning (订金/定金, 他/它,
// 分/份, 象/像, 检查/检察) are not folded.
const variants = "砂沙帐账惟唯黏粘硷碱"

// foldTable maps a character to the one it is searched as: OpenCC's
// unambiguous traditional → simplified pairs, then the variants, chains
// followed to their end (帳 → 帐 → 账). A traditional character whose own
// form is one of its candidates (乾 → 干 or 乾, 於 → 于 or 於) is a
// simplified character too and is left alone: folding it would merge
// words simplified text keeps apart (乾坤, 於姓).
var foldTable = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{}
	for _, line := range strings.Split(tsCharacters, "\n") {
		src, cands, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || utf8.RuneCountInString(src) != 1 {
			continue
		}
		fs := strings.Fields(cands)
		if len(fs) == 0 || fs[0] == src || utf8.RuneCountInString(fs[0]) != 1 {
			continue
		}
		ambiguous := false
		for _, c := range fs[1:] {
			ambiguous = ambiguous || c == src
		}
		if !ambiguous {
			s, _ := utf8.DecodeRuneInString(src)
			t, _ := utf8.DecodeRuneInString(fs[0])
			m[s] = t
		}
	}
	v := []rune(variants)
	for i := 0; i+1 < len(v); i += 2 {
		m[v[i]] = v[i+1]
	}
	for s, t := range m {
		for seen := 0; seen < 8; seen++ { // chains are short; a cycle stops here
			u, ok := m[t]
			if !ok || u == s {
				break
			}
			t = u
		}
		m[s] = t
	}
	return m
})

// cjkFold is foldTable for the CJK ideographs foldSimple handles
// (U+3400…U+9FFF), indexed by r - 0x3400; 0 means the character stays.
// An array lookup costs foldSimple a third of a map lookup
// (BenchmarkFoldLookup, 2,000 decisions: array 5–17 ms, map 20–49 ms on a
// shared 2-core machine); TestFoldSimpleIsNFKC holds the two equal.
var cjkFold = sync.OnceValue(func() []rune {
	tab := make([]rune, 0xA000-0x3400)
	for s, t := range foldTable() {
		if 0x3400 <= s && s < 0xA000 {
			tab[s-0x3400] = t
		}
	}
	return tab
})

// foldRunes applies foldTable to every character of s.
func foldRunes(s string) string {
	m := foldTable()
	changed := false
	for _, r := range s {
		if _, ok := m[r]; ok {
			changed = true
			break
		}
	}
	if !changed {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if t, ok := m[r]; ok {
			r = t
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FoldPairs returns the folding pairs whose target keep reports true, as
// a string of source, target, source, target … characters in source
// order: what meta.json "fold" holds for search.js.
func FoldPairs(keep func(rune) bool) string {
	m := foldTable()
	src := make([]rune, 0, len(m))
	for s, t := range m {
		if keep(t) {
			src = append(src, s)
		}
	}
	sort.Slice(src, func(i, j int) bool { return src[i] < src[j] })
	var b strings.Builder
	for _, s := range src {
		b.WriteRune(s)
		b.WriteRune(m[s])
	}
	return b.String()
}
