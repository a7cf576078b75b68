package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Column describes one column of a schema.
type Column struct {
	// Name is the canonical header, as the national standard spells it.
	Name string
	// Aliases are other headers that mean the same column.
	Aliases []string
	// Required columns must be present in the header.
	Required bool
}

// Schema is the set of columns one kind of record is read from.
type Schema struct {
	// Kind names the dataset ("cases") for messages.
	Kind    string
	Columns []Column
	// MinMatch is how many known headers a row must contain to be taken as
	// the header row. Zero means 2.
	MinMatch int

	index map[string]int
}

// WithAliases returns a copy of s with extra aliases (from site.toml) added,
// keyed by canonical name.
func (s Schema) WithAliases(extra map[string][]string) Schema {
	cols := make([]Column, len(s.Columns))
	copy(cols, s.Columns)
	for i, c := range cols {
		if more := extra[c.Name]; len(more) > 0 {
			cols[i].Aliases = append(append([]string(nil), c.Aliases...), more...)
		}
	}
	s.Columns = cols
	s.index = nil
	return s
}

func (s *Schema) build() {
	if s.index != nil {
		return
	}
	s.index = map[string]int{}
	for i, c := range s.Columns {
		s.index[NormalizeHeader(c.Name)] = i
		for _, a := range c.Aliases {
			k := NormalizeHeader(a)
			if _, dup := s.index[k]; !dup {
				s.index[k] = i
			}
		}
	}
}

// Match returns the canonical column a header cell names, and the unit read
// from the header ("万元", "元"), if any.
func (s *Schema) Match(header string) (col string, unit string, ok bool) {
	s.build()
	h := NormalizeHeader(header)
	if i, found := s.index[h]; found {
		return s.Columns[i].Name, unitOf(h), true
	}
	// A known name followed by a bracketed note or unit: "罚款金额(元)",
	// "法定代表人(负责人)".
	if base, note, cut := cutBracket(h); cut {
		if i, found := s.index[base]; found {
			return s.Columns[i].Name, unitOf("(" + note + ")"), true
		}
	}
	return "", "", false
}

// unitOf finds a money unit in a bracketed suffix of a normalised header.
func unitOf(h string) string {
	switch {
	case strings.Contains(h, "(万元)"):
		return "万元"
	case strings.Contains(h, "(元)"):
		return "元"
	}
	return ""
}

// cutBracket splits "name(note)" into name and note.
func cutBracket(h string) (string, string, bool) {
	if !strings.HasSuffix(h, ")") {
		return "", "", false
	}
	i := strings.LastIndex(h, "(")
	if i <= 0 {
		return "", "", false
	}
	return h[:i], h[i+1 : len(h)-1], true
}

// NormalizeHeader folds the ways exports spell one header into one key:
// full-width letters, digits and brackets to half-width, 【】〔〕[] to (), ＿
// to _, and no white space at all (header cells often carry line breaks).
func NormalizeHeader(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '*' || r == '\u3000':
			continue
		case r == '【' || r == '〔' || r == '[' || r == '（':
			r = '('
		case r == '】' || r == '〕' || r == ']' || r == '）':
			r = ')'
		case r == '＿':
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}
