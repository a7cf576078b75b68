package value

import (
	"sort"
	"strings"
	"unicode"
)

// Column describes one column of a schema.
type Column struct {
	// Name is the canonical header, as the national standard spells it.
	Name string
	// Aliases are other headers that mean the same column.
	Aliases []string
	// Required columns must be present in the header.
	Required bool
	// Join, when not empty, lets several header cells map to this column
	// (处罚类别1, 处罚类别2): Row.Value joins their non-empty cells with it.
	// Without it, a second cell naming the column is kept as an extra field.
	Join string
}

// Schema is the set of columns one kind of record is read from.
type Schema struct {
	// Kind names the dataset ("cases") for messages.
	Kind    string
	Columns []Column
	// MinMatch is how many known headers a row must contain to be taken as
	// the header row. Zero means 2.
	MinMatch int
	// IsHeader, when set, reports whether a header cell that names no column
	// still marks its row as a header: the month columns of a wide
	// statistics table ("3月", "2025-04").
	IsHeader func(cell string) bool
	// OpenColumns says that columns the schema does not name are data, not
	// strays (the indicator columns of a statistics table): they are not
	// reported as unknown.
	OpenColumns bool

	index map[string]int
	names []known
}

// known is one spelling of a column, for "did you mean" hints.
type known struct {
	norm  []rune
	spell string
}

// WithAliases returns a copy of s with extra aliases (from site.toml) added,
// keyed by canonical name. A key may be spelt as exports spell it (full-width
// brackets, spaces): keys are compared after NormalizeHeader. Aliases from
// site.toml take precedence over the built-in ones.
func (s Schema) WithAliases(extra map[string][]string) Schema {
	cols := make([]Column, len(s.Columns))
	copy(cols, s.Columns)
	byNorm := map[string][]string{}
	for k, v := range extra {
		n := NormalizeHeader(k)
		byNorm[n] = append(byNorm[n], v...)
	}
	for i, c := range cols {
		if more := byNorm[NormalizeHeader(c.Name)]; len(more) > 0 {
			cols[i].Aliases = append(append([]string(nil), more...), c.Aliases...)
		}
	}
	s.Columns = cols
	s.index = nil
	s.names = nil
	return s
}

// UnknownAliasKeys returns the keys of extra (site.toml aliases) that name no
// column of s, sorted, so a typo in site.toml is reported instead of ignored.
func (s Schema) UnknownAliasKeys(extra map[string][]string) []string {
	have := map[string]bool{}
	for _, c := range s.Columns {
		have[NormalizeHeader(c.Name)] = true
	}
	var out []string
	for k := range extra {
		if !have[NormalizeHeader(k)] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func (s *Schema) build() {
	if s.index != nil {
		return
	}
	s.index = map[string]int{}
	s.names = nil
	add := func(i int, spell string) {
		k := NormalizeHeader(spell)
		if _, dup := s.index[k]; !dup {
			s.index[k] = i
			s.names = append(s.names, known{norm: []rune(k), spell: spell})
		}
	}
	// Canonical names first, so an alias never shadows another column's
	// canonical name.
	for i, c := range s.Columns {
		add(i, c.Name)
	}
	for i, c := range s.Columns {
		for _, a := range c.Aliases {
			add(i, a)
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
	for base, note, cut := cutBracket(h); cut; base, note, cut = cutBracket(base) {
		if i, found := s.index[base]; found {
			return s.Columns[i].Name, unitOf("(" + note + ")"), true
		}
	}
	// A unit written without brackets: "罚款金额万元", "罚款金额/元".
	for _, u := range []string{"万元", "元"} {
		if base, ok := strings.CutSuffix(h, u); ok && base != "" {
			base = strings.TrimRight(base, "/_-:")
			base = strings.TrimSuffix(base, "单位:")
			base = strings.TrimRight(base, "/_-:")
			if i, found := s.index[base]; found {
				return s.Columns[i].Name, u, true
			}
		}
	}
	return "", "", false
}

// Suggest returns the known column name closest to a header cell that
// matches none, for a "did you mean" hint, or "" when nothing is close: one
// character off for names of four to six characters, two for longer ones,
// and no guess for shorter names.
func (s *Schema) Suggest(header string) string {
	s.build()
	h := []rune(NormalizeHeader(header))
	if len(h) < 4 {
		return "" // two-character names differ by one character all the time
	}
	best, bestD := "", 3
	for _, k := range s.names {
		if len(k.norm) < 4 {
			continue
		}
		limit := 1
		if len(k.norm) > 6 {
			limit = 2
		}
		if d := abs(len(k.norm) - len(h)); d > limit {
			continue
		}
		if d := distance(h, k.norm); d <= limit && d < bestD && d > 0 {
			best, bestD = k.spell, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// distance is the Levenshtein distance between two rune slices.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// unitOf finds a money unit in a bracketed part of a normalised header:
// "(万元)", "(单位:元)", "(人民币元)".
func unitOf(h string) string {
	for {
		i := strings.Index(h, "(")
		if i < 0 {
			return ""
		}
		j := strings.Index(h[i:], ")")
		if j < 0 {
			return ""
		}
		note := h[i+1 : i+j]
		switch {
		case strings.Contains(note, "万元"):
			return "万元"
		case strings.HasSuffix(note, "元"):
			return "元"
		}
		h = h[i+j+1:]
	}
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
	s = FoldWidth(s)
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
