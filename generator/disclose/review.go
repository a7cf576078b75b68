package disclose

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/records"
)

// applyReviewed returns the secrets without the names staff reviewed in
// site.toml: each drops one record's name from what the leak gate and
// the masking of other records look for; the record itself is masked
// from its own names, which judge found. A review that matches no name is
// a warning: it is stale, or it has a typing error.
func applyReviewed(secrets []Secret, reviewed []config.Reviewed, dl *diag.List) []Secret {
	if len(reviewed) == 0 {
		return secrets
	}
	type key struct{ record, value string }
	want := map[key]int{}
	for i, r := range reviewed {
		want[key{records.NormalizeIdentity(r.Record), foldKey(r.Value)}] = i
	}
	used := make([]bool, len(reviewed))
	out := secrets[:0]
	for _, s := range secrets {
		if s.isName() {
			if i, ok := want[key{records.NormalizeIdentity(s.Record), foldKey(s.Value)}]; ok {
				used[i] = true
				continue
			}
		}
		out = append(out, s)
	}
	for i, ok := range used {
		if !ok {
			dl.Warnf(diag.Pos{File: config.FileName}, "reviewed-unused", "disclosure.reviewed[%d]: record %s has no natural person named %q; remove the entry or correct it", i, reviewed[i].Record, reviewed[i].Value)
		}
	}
	return out
}

// Ambiguity is a name of one record that stands in another text: the
// leak gate's masking replaced it there. Staff review it: when it is no
// person there (a place, a law, an official's title), they can list it
// under [[disclosure.reviewed]] in site.toml. It holds the name, for the
// staff's eyes in gongshi check only.
type Ambiguity struct {
	// Record and Src are the record the name belongs to.
	Record string
	Src    diag.Pos
	Value  string
	// Where is the text it stands in: an input position and a field.
	Where diag.Pos
	Field string
	// Context is the text around it, its own record's names and numbers
	// masked.
	Context string
}

// Ambiguities lists where the scanner of res finds a name of one record in
// the text of another (decisions, power and service items), sorted by the
// name's record and then by place. A name in its own record's text is no
// ambiguity.
func Ambiguities(set *records.Set, res *Result) []Ambiguity {
	sc := res.Scanner()
	// The names of each record, by its position.
	own := map[diag.Pos][]string{}
	for _, sec := range res.Secrets {
		if sec.isName() {
			own[sec.Src] = append(own[sec.Src], sec.Value)
		}
	}
	var out []Ambiguity
	// A text is looked at as publish masks it: its own record's names
	// first, so that what is left are other records' names (莫家 inside
	// the record's own 莫家永 is no ambiguity).
	look := func(where diag.Pos, field, text string, mine []string) {
		if text == "" {
			return
		}
		if len(mine) > 0 {
			text, _ = Scrub(text, mine, res.NameMasking)
		}
		b := []byte(text)
		for _, h := range sc.secretSpans(b) {
			p := sc.pats[h.pat]
			if !p.names {
				continue
			}
			if !slices.ContainsFunc(mine, func(n string) bool { return foldKey(n) == sc.keys[h.pat] }) {
				sec := sc.secrets[p.secrets[0]]
				out = append(out, Ambiguity{Record: sec.Record, Src: sec.Src, Value: sec.Value, Where: where, Field: field, Context: around(text, h.start, h.end)})
			}
		}
	}
	for i := range set.Cases {
		c := &set.Cases[i]
		for _, f := range [...]struct{ name, text string }{{"违法行为类型", c.Violation}, {"违法事实", c.Facts}, {"处罚依据", c.Basis}, {"处罚内容", c.Content}, {"备注", c.Remarks}} {
			look(c.Pos, f.name, f.text, own[c.Pos])
		}
	}
	for i := range set.Powers {
		p := &set.Powers[i]
		for _, t := range maskedTexts(p, powerKept) {
			look(p.Pos, "权力事项", t, nil)
		}
	}
	for i := range set.Services {
		sv := &set.Services[i]
		for _, t := range maskedTexts(sv, serviceKept) {
			look(sv.Pos, "服务事项", t, nil)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Record != out[j].Record {
			return out[i].Record < out[j].Record
		}
		return diag.List{{Pos: out[i].Where}, {Pos: out[j].Where}}.Less(0, 1)
	})
	return out
}

// around returns up to eight characters either side of text[start:end].
func around(text string, start, end int) string {
	l := []rune(text[:start])
	r := []rune(text[end:])
	l = l[max(0, len(l)-8):]
	r = r[:min(8, len(r))]
	return strings.ReplaceAll(string(l)+"【"+text[start:end]+"】"+string(r), "\n", " ")
}

// PrintAmbiguities writes the list for gongshi check, at most n entries (n
// <= 0 for all), with what to do about each.
func PrintAmbiguities(w io.Writer, as []Ambiguity, n int) {
	fmt.Fprintf(w, "\n其他文本中出现的姓名 Names found in other text (masked there; review each): %d\n", len(as))
	for i, a := range as {
		if n > 0 && i == n {
			fmt.Fprintf(w, "  … and %d more (gongshi check --all lists them all)\n", len(as)-n)
			break
		}
		fmt.Fprintf(w, "  %s %s: %q (%s) in %s %s: %s\n", a.Record, a.Src, a.Value, SecretName, a.Where, a.Field, a.Context)
	}
	if len(as) > 0 {
		fmt.Fprintln(w, "  When a name above is no person where it stands, mark it reviewed in site.toml:")
		fmt.Fprintf(w, "    [[disclosure.reviewed]]\n    record = %q\n    value = %q\n    note = \"…why it is no personal data…\"\n", as[0].Record, as[0].Value)
	}
}
