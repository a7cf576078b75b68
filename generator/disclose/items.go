package disclose

import (
	"reflect"
	"slices"
	"strings"

	"gongshi/generator/diag"
	"gongshi/generator/records"
)

// How the fields of power and service items and statistics rows are
// published. Codes, months and the office's own contact numbers stay as
// they are; the item's name, classification and bodies are public strings
// (see publicStrings) that lose ID, phone and bank-card numbers only; every
// other text field is masked like a decision's free text.
var (
	powerKept   = fieldRule{verbatim: fieldSet("Code", "SupervisionPhone"), numbers: fieldSet("Name", "SubName", "Category", "Source", "Subject", "Office", "Level", "Domain")}
	statKept    = fieldRule{verbatim: fieldSet("Dataset", "Month")}
	serviceKept = fieldRule{verbatim: fieldSet("Code", "Phone", "ComplaintPhone"), numbers: fieldSet("Name", "Type", "Target", "Subject", "Place", "Hours", "Online", "Mode", "ItemType", "Domain")}
)

// fieldRule names, by field, what is kept: verbatim fields as they are,
// numbers fields but for personal numbers.
type fieldRule struct{ verbatim, numbers map[string]bool }

func fieldSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// kept reports whether the field name is published unmasked by text.
func (r fieldRule) kept(name string) bool { return r.verbatim[name] || r.numbers[name] }

// maskItems returns copies of the items with every text field passed
// through text (ID, phone and bank-card numbers removed, and any secret of
// any record the scanner finds replaced), or through numbers for the
// fields kept but for personal numbers.
func maskItems[T any](items []T, kept fieldRule, text, numbers func(string) string) []T {
	out := make([]T, len(items))
	for i := range items {
		out[i] = items[i]
		v := reflect.ValueOf(&out[i]).Elem()
		for f := range v.NumField() {
			name := v.Type().Field(f).Name
			switch {
			case !v.Type().Field(f).IsExported() || kept.verbatim[name]:
			case kept.numbers[name]:
				maskValue(v.Field(f), numbers)
			default:
				maskValue(v.Field(f), text)
			}
		}
	}
	return out
}

// maskedTexts returns the strings of the fields of *item that maskItems
// masks as text.
func maskedTexts(item any, kept fieldRule) []string { return fieldTexts(item, kept, false) }

// keptTexts returns the strings of the fields of *item that maskItems
// keeps, verbatim or but for personal numbers: published on purpose.
func keptTexts(item any, kept fieldRule) []string { return fieldTexts(item, kept, true) }

// fieldTexts returns the strings of the fields of *item that kept keeps
// (want) or masks (!want).
func fieldTexts(item any, kept fieldRule, want bool) []string {
	v := reflect.ValueOf(item).Elem()
	var out []string
	for f := range v.NumField() {
		if v.Type().Field(f).IsExported() && kept.kept(v.Type().Field(f).Name) == want {
			out = append(out, stringsOf(v.Field(f))...)
		}
	}
	return out
}

// maskValue passes the strings in v, however nested, through text. Slices
// are copied before they are changed: the input records share them.
func maskValue(v reflect.Value, text func(string) string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(text(v.String()))
	case reflect.Slice:
		if v.Len() == 0 {
			return
		}
		if v.Type().Elem().Kind() == reflect.String {
			// A list cell is masked whole: ingest splits it at line
			// breaks, which may stand inside a number (110105⏎1949…).
			items := make([]string, v.Len())
			for i := range items {
				items[i] = v.Index(i).String()
			}
			v.Set(reflect.ValueOf(strings.Split(text(strings.Join(items, "\n")), "\n")).Convert(v.Type()))
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		v.Set(c)
		for i := range v.Len() {
			maskValue(v.Index(i), text)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[diag.Pos]() {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				maskValue(v.Field(i), text)
			}
		}
	}
}

// maskCatalogues masks the power and service items and the statistics
// labels of set into res.
func maskCatalogues(res *Result, set *records.Set, mask string) {
	numbers := func(s string) string {
		out, _ := Scrub(s, nil, mask)
		return out
	}
	text := func(s string) string { return redact(numbers(s), res.scanner, mask) }
	res.Powers = maskItems(set.Powers, powerKept, text, numbers)
	res.Services = maskItems(set.Services, serviceKept, text, numbers)
	res.Stats = maskItems(set.Stats, statKept, text, numbers)
}

// maskActivity masks the violation types and legal bases that statistics
// publish of every decision, published or not, as publish masks a
// decision's text; names[i] are the natural persons of decision i. Texts
// that name none of their decision's persons are masked once each: most
// decisions share them (BenchmarkApply10k, CPU profile: maskActivity takes
// 0.10 s of Apply's 1.57 s masking every text, under 0.02 s so).
func maskActivity(acts []Activity, names func(i int) []string, sc *Scanner, mask string) {
	memo := map[string]string{}
	text := func(s string, ns []string) string {
		if s == "" {
			return s
		}
		for _, n := range ns {
			if _, ok := findSpaced(s, n); ok {
				// As publish masks the decision's own text: around the
				// words the gate accepts.
				k, back := keepWords(s, ns, sc)
				out, _ := Scrub(k, ns, mask)
				return redact(back(out), sc, mask)
			}
		}
		out, ok := memo[s]
		if !ok {
			out, _ = Scrub(s, nil, mask)
			out = redact(out, sc, mask)
			memo[s] = out
		}
		return out
	}
	for i := range acts {
		ns := names(i)
		acts[i].Violation = text(acts[i].Violation, ns)
		acts[i].Basis = text(acts[i].Basis, ns)
	}
}

// keepWords returns text with every occurrence of a name that stands
// inside a word of the scanner's non-personal texts (Known.Words) replaced
// by a private-use character, and the function that puts them back: a
// decision's own names are masked around them, so 史文's own page quotes
// 《历史文化名城名镇名村保护条例》 whole, as the leak gate accepts it.
func keepWords(text string, names []string, sc *Scanner) (string, func(string) string) {
	none := func(s string) string { return s }
	if sc == nil || len(sc.words) == 0 || len(names) == 0 || strings.ContainsFunc(text, isKeptMark) {
		return text, none
	}
	b := []byte(text)
	type kept struct{ start, end int }
	var ks []kept
	for _, n := range names {
		key := foldKey(n)
		for i := 0; i < len(text); {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(n)
			if win, ok := wordWindow(b, start, end, key); ok && sc.words[win] {
				ks = append(ks, kept{start, end})
			}
			i = end
		}
	}
	if len(ks) == 0 {
		return text, none
	}
	slices.SortFunc(ks, func(a, b kept) int { return a.start - b.start })
	var out strings.Builder
	var saved []string
	last := 0
	for _, k := range ks {
		if k.start < last || len(saved) > keptMarks {
			continue
		}
		out.WriteString(text[last:k.start])
		out.WriteRune(rune(0xE000 + len(saved)))
		saved = append(saved, text[k.start:k.end])
		last = k.end
	}
	out.WriteString(text[last:])
	return out.String(), func(s string) string { return restore(s, saved) }
}

// keepWords marks what it takes out with the private-use characters
// U+E000 to U+E000+keptMarks; it leaves a text that holds one alone.
const keptMarks = 0x18FF

func isKeptMark(r rune) bool { return r >= 0xE000 && r <= 0xE000+keptMarks }

// restore puts back what keepWords took out.
func restore(s string, saved []string) string {
	var b strings.Builder
	for _, r := range s {
		if i := int(r - 0xE000); isKeptMark(r) && i < len(saved) {
			b.WriteString(saved[i])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
