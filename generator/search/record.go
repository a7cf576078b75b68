package search

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/site"
	"gongshi/generator/value"
)

// Type is the kind of a searchable record.
type Type uint8

// Record types, in the order of the type facet.
const (
	TypeCase Type = iota
	TypePower
	TypeService
	TypePage
)

// typeNames are the URL values of the type filter (?type=case).
var typeNames = []string{"case", "power", "service", "page"}

// typeLabels are the type names shown to people.
var typeLabels = []string{"行政处罚决定", "权力事项", "办事指南", "公告与页面"}

// String returns the URL value of the type.
func (t Type) String() string { return typeNames[t] }

// TypeRecord is the type of a record of a kind declared by its fields
// (records.NewKind): its Doc.Kind names the kind, which is its type
// filter's value.
const TypeRecord = TypePage + 1

// name returns the doc's type filter value.
func (d *Doc) name() string {
	if d.Type == TypeRecord {
		return d.Kind
	}
	return d.Type.String()
}

// Doc is one searchable record: only publishable data, taken from the site
// model after disclose.
type Doc struct {
	Type Type
	// Kind and KindLabel name a TypeRecord doc's kind and its label.
	Kind, KindLabel string
	// URL is site-relative ("/cases/ID/"); the script prefixes the base path.
	URL   string
	Title string
	// Sub is a second line: the decision number, or an item code.
	Sub       string
	Date      time.Time
	Authority string
	// Body is the rest of the searchable text, as displayed.
	Body string
	// Identifiers are matched exactly (after Identifier) and rank first.
	Identifiers []string
	Facets      Facets
	// End is the last day of the doc's publication (zero: no end). Docs
	// are numbered in order of it, so the docs that expire together
	// share chunk files.
	End time.Time
}

// Facets are the filter values of a doc; "" or nil when not applicable.
type Facets struct {
	Year       int
	Categories []string // 处罚类别, or a declared kind's first facet field
	Domain     string   // 所属领域 of powers and services
	PowerCat   string   // 事项类型 of powers and services
	Fine       value.Money
	HasFine    bool
	// Site names the site of a portal of several (a county's town) that
	// the doc belongs to; an index with one gets a facet of them.
	Site string
}

// Docs lists every searchable record of the site in index order (see
// SortDocs): a compacted index numbers them by Doc.End, then in this
// order, and an extending one numbers its new docs so.
func Docs(s *site.Site) []Doc {
	var docs []Doc
	for i := range s.Cases {
		docs = append(docs, CaseDoc(&s.Cases[i]))
	}
	for i := range s.Pages {
		p := &s.Pages[i]
		docs = append(docs, Doc{Type: TypePage, URL: p.URL, Title: p.Title, Date: p.Date,
			Body: joinText(p.Summary, markdownText(p.Body)), Facets: Facets{Year: yearOf(p.Date)}})
	}
	for _, k := range s.Result.Kinds {
		items := s.Result.Items[k.Name]
		for i := range items {
			docs = append(docs, ItemDoc(&items[i]))
		}
	}
	for i := range s.Powers {
		p := &s.Powers[i]
		docs = append(docs, Doc{Type: TypePower, URL: p.URL(), Title: p.Title(), Sub: p.Code,
			Body:        joinText(p.Code, p.Category, p.Source, p.Subject, p.Office, p.SetBasis, p.ImplBasis, p.Duties, p.Accountability, p.AccountabilityBasis, p.Level, p.Domain, p.Remarks),
			Identifiers: nonEmpty(p.Code), Facets: Facets{Domain: p.Domain, PowerCat: p.Category}})
	}
	for i := range s.Services {
		v := &s.Services[i]
		docs = append(docs, Doc{Type: TypeService, URL: v.URL(), Title: v.Name, Sub: v.Code,
			Body: joinText(v.Code, v.Type, v.Target, v.Subject, v.Conditions, strings.Join(v.Materials, " "), strings.Join(v.Flow, " "),
				v.Place, v.Mode, v.ItemType, v.LegalBasis, v.Result, v.Domain),
			Identifiers: nonEmpty(v.Code), Facets: Facets{Domain: v.Domain, PowerCat: v.Type}})
	}
	SortDocs(docs)
	return docs
}

// SortDocs puts docs in index order: dated docs newest first, then undated;
// ties by type and URL, so the order never depends on the input order.
func SortDocs(docs []Doc) {
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := &docs[i], &docs[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.URL < b.URL
	})
}

// CaseDoc is the doc of a published decision.
func CaseDoc(c *disclose.Case) Doc {
	title := c.PartyName
	if c.Violation != "" {
		title += "：" + c.Violation
	}
	ids := nonEmpty(c.DecisionNo, c.CreditCode)
	var codes []string
	for _, o := range c.OtherCodes {
		ids = append(ids, nonEmpty(o.Value)...)
		codes = append(codes, o.Value)
	}
	return Doc{Type: TypeCase, URL: c.URL(), Title: title, Sub: canonicalDisplay(c.DecisionNo), Date: c.DecisionDate, Authority: c.Authority,
		Body: joinText(canonicalDisplay(c.DecisionNo), c.CreditCode, strings.Join(codes, " "), c.LegalRep, c.Facts, c.Basis,
			strings.Join(c.Categories, "、"), c.Content, c.Licence, c.Authority, c.Remarks),
		Identifiers: ids,
		Facets:      Facets{Year: yearOf(c.DecisionDate), Categories: c.Categories, Fine: c.Fine, HasFine: c.Fine > 0},
		End:         c.PublishUntil}
}

// ItemDoc is the doc of a published record of a declared kind: its title
// and number, its identifier fields matched exactly, its first facet field
// as the category facet, and its other published values as the body.
func ItemDoc(it *disclose.Item) Doc {
	k := it.Kind
	d := Doc{Type: TypeRecord, Kind: k.Name, KindLabel: k.Title, URL: it.URL(), Title: it.Title(), Sub: canonicalDisplay(it.Sub()), Date: it.Date,
		Facets: Facets{Year: yearOf(it.Date)}}
	for _, key := range k.Identifiers {
		d.Identifiers = append(d.Identifiers, nonEmpty(it.Get(key))...)
	}
	var body []string
	for i := range k.Fields {
		f, v := &k.Fields[i], it.Values[i]
		if v == "" || !f.Published() {
			continue
		}
		switch {
		case f.Role == records.RoleAuthority:
			d.Authority = v
		case f.Facet && d.Facets.Categories == nil:
			d.Facets.Categories = []string{v}
		}
		if f.Role != records.RolePartyClass && f.Role != records.RoleStatus && f.Type != records.TypeDate {
			body = append(body, v)
		}
	}
	d.Body = joinText(body...)
	return d
}

func yearOf(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	return t.Year()
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// joinText joins the non-empty fields with " · ".
func joinText(ss ...string) string {
	var b strings.Builder
	for _, s := range ss {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(s)
	}
	return b.String()
}

var (
	scriptRe = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)\s*>`)
	tagRe    = regexp.MustCompile(`<[^>]*>`)
	mdRe     = regexp.MustCompile("[#*_`>|]+|-{3,}|\\]\\([^)]*\\)")
	spaceRe  = regexp.MustCompile(`\s+`)
)

// markdownText is the readable text of a Markdown body: tags, link targets
// and markup characters removed. Markup would be separators after Normalize
// anyway; removing it keeps snippets readable.
func markdownText(b []byte) string {
	s := scriptRe.ReplaceAllString(string(b), " ")
	s = tagRe.ReplaceAllString(s, " ")
	s = mdRe.ReplaceAllString(s, " ")
	s = strings.NewReplacer("[", "", "![", "").Replace(s)
	return strings.TrimSpace(spaceRe.ReplaceAllString(s, " "))
}

// amountRanges are the fine ranges of the amount filter, in yuan: a range
// holds fines f with Lo < f ≤ Hi (Hi 0: no upper bound).
var amountRanges = []struct {
	Key, Label string
	Lo, Hi     int64
}{
	{"0-1000", "1000元及以下", 0, 1000},
	{"1000-10000", "1000元至1万元", 1000, 10000},
	{"10000-100000", "1万元至10万元", 10000, 100000},
	{"100000-", "10万元以上", 100000, 0},
}

// amountIndex returns the range of a fine, or -1.
func amountIndex(f Facets) int {
	if !f.HasFine {
		return -1
	}
	y := int64(f.Fine) / 100
	if int64(f.Fine)%100 != 0 {
		y++
	}
	for i, r := range amountRanges {
		if y > r.Lo && (r.Hi == 0 || y <= r.Hi) {
			return i
		}
	}
	return -1
}

var _ = strconv.Itoa
var _ = records.Categories
