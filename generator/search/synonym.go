package search

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Synonyms maps a word to the words a query containing it also finds:
// 低保 → 最低生活保障 makes 低保申请 find 最低生活保障申请 too. A mapping
// goes one way; an equivalence is written in both directions.
type Synonyms map[string][]string

// maxAlternatives caps the forms a query part is searched in (itself and
// its synonym rewrites), so a part costs at most this many lookups.
const maxAlternatives = 4

// ParseSynonyms reads a synonyms file: TOML whose keys are words and whose
// values are lists of words, e.g. 低保 = ["最低生活保障"]. name is the
// file's name in errors.
func ParseSynonyms(name string, data []byte) (Synonyms, error) {
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: error: %s", name, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return nil, fmt.Errorf("%s: error: %w", name, err)
	}
	out := Synonyms{}
	for _, k := range md.Keys() {
		if len(k) != 1 {
			return nil, fmt.Errorf("%s: error: %s: want word = [\"synonym\", …], got a table", name, k)
		}
		list, ok := raw[k[0]].([]any)
		if !ok {
			return nil, fmt.Errorf("%s: error: %s: want a list of words, got %T", name, k[0], raw[k[0]])
		}
		for _, v := range list {
			s, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("%s: error: %s: want a list of words, got %T in it", name, k[0], v)
			}
			out[k[0]] = append(out[k[0]], s)
		}
	}
	if err := out.Check(); err != nil {
		return nil, fmt.Errorf("%s: error: %w", name, err)
	}
	return out, nil
}

// Check reports the first word, in key order, that is not one word after
// Normalize (empty, or broken by punctuation or spaces).
func (s Synonyms) Check() error {
	for _, k := range slices.Sorted(maps.Keys(s)) {
		for _, w := range append([]string{k}, s[k]...) {
			if n := Normalize(w); n == "" || strings.Contains(n, " ") {
				return fmt.Errorf("synonym %q of %q: want one word (letters and digits, no spaces or punctuation)", w, k)
			}
		}
	}
	return nil
}

// Merge returns s with the words of more added: a key of both lists
// gets the synonyms of both.
func (s Synonyms) Merge(more Synonyms) Synonyms {
	out := Synonyms{}
	for _, src := range []Synonyms{s, more} {
		for k, vs := range src {
			for _, v := range vs {
				if !slices.Contains(out[k], v) {
					out[k] = append(out[k], v)
				}
			}
		}
	}
	return out
}

// table returns the synonyms in the form meta.json "syn" holds: one list
// per normalised word, the word first and then its synonyms (normalised,
// without repeats or the word itself), sorted by word.
func (s Synonyms) table() [][]string {
	byKey := map[string][]string{}
	for k, vs := range s {
		nk := Normalize(k)
		if nk == "" || strings.Contains(nk, " ") {
			continue
		}
		for _, v := range vs {
			nv := Normalize(v)
			if nv == "" || nv == nk || strings.Contains(nv, " ") || slices.Contains(byKey[nk], nv) {
				continue
			}
			byKey[nk] = append(byKey[nk], nv)
		}
	}
	var out [][]string
	for _, k := range slices.Sorted(maps.Keys(byKey)) {
		vs := byKey[k]
		sort.Strings(vs)
		out = append(out, append([]string{k}, vs...))
	}
	return out
}

// alternatives returns the forms part p is searched in: p itself, then p
// with the first occurrence of each table word it contains replaced by
// each of that word's synonyms, in table order, without repeats, at most
// maxAlternatives. search.js does the same with meta "syn".
func alternatives(p string, table [][]string) []string {
	out := []string{p}
	for _, row := range table {
		if !strings.Contains(p, row[0]) {
			continue
		}
		for _, v := range row[1:] {
			a := strings.Replace(p, row[0], v, 1)
			if len(out) < maxAlternatives && !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}
