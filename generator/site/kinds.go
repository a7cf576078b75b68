package site

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// RecordList is the payload of a declared kind's list pages: the whole
// list, a year's, or the records of one value of a facet field.
type RecordList struct {
	Kind    *records.Kind
	Items   []*disclose.Item
	Pager   Pager
	Heading string
	// Years are the years with records; Year is the page's, 0 for none.
	Years []YearCount
	Year  int
	// Facets are the facet fields with their values; Current is the URL
	// of the facet value the page lists, "" for none.
	Facets  []FacetGroup
	Current string
	// Withdrawn counts the records a status withdrew.
	Withdrawn int
	// Dated holds the month index or the month the page lists.
	Dated
	// List is the list's own page.
	List string
}

// FacetGroup is a facet field of a kind with its values.
type FacetGroup struct {
	Field  *records.Field
	Values []FacetValue
}

// FacetValue is one value of a facet field, its count and its list.
type FacetValue struct {
	Value string
	Count int
	URL   string
}

// RecordData is the payload of a declared kind's record page.
type RecordData struct {
	Item   *disclose.Item
	Fields []FieldView
	// Power is the power-list item the record used, when its code is known.
	Power *records.Power
	// Expired is the date the record was in force until (its kind's
	// Expires field), as pages write dates, once that date has passed; ""
	// while it is in force or has no end.
	Expired string
}

// FieldView is one published field of a record, ready to show.
type FieldView struct {
	Field *records.Field
	Value string
	// Items are a list field's values, or the numbered lines of a text.
	Items []string
	// Code marks identifiers, shown in a fixed-width face.
	Code bool
}

// KindUse is how many records of a declared kind name a power item, and
// the page that lists them.
type KindUse struct {
	Kind  *records.Kind
	Count int
	URL   string
}

// facetSlug is the URL segment of a facet value: a hash of the value, so
// that a value's URL never depends on which other values exist.
func facetSlug(v string) string {
	h := sha256.Sum256([]byte(v))
	return hex.EncodeToString(h[:5])
}

// kindPages adds the pages of every declared kind.
func (s *Site) kindPages() {
	for _, k := range s.Result.Kinds {
		s.kindPagesOf(k)
	}
}

func (s *Site) kindPagesOf(k *records.Kind) {
	src := s.Result.Items[k.Name]
	items := make([]*disclose.Item, len(src))
	for i := range src {
		items[i] = &src[i]
	}
	title := k.Nav
	if title == "" {
		title = k.Title
	}
	list := k.ListURL()
	layout := cmpOr(k.ListLayout, "records")
	crumbs := []Crumb{home, {title, list}}
	withdrawn := len(s.Result.ItemsWithdrawn[k.Name])

	// Years and facets, counted over every record.
	byYear := map[int][]*disclose.Item{}
	for _, it := range items {
		if !it.Date.IsZero() {
			byYear[it.Date.Year()] = append(byYear[it.Date.Year()], it)
		}
	}
	var years []YearCount
	for y, its := range byYear {
		years = append(years, YearCount{Year: y, Count: len(its), URL: list + strconv.Itoa(y) + "/"})
	}
	slices.SortFunc(years, func(a, b YearCount) int { return b.Year - a.Year })
	type facetPage struct {
		value string
		items []*disclose.Item
	}
	var facets []FacetGroup
	pages := map[string]facetPage{} // URL → its records
	for i := range k.Fields {
		f := &k.Fields[i]
		if !f.Facet {
			continue
		}
		byValue := map[string][]*disclose.Item{}
		for _, it := range items {
			if v := it.Values[i]; v != "" {
				byValue[v] = append(byValue[v], it)
			}
		}
		g := FacetGroup{Field: f}
		for _, v := range slices.Sorted(maps.Keys(byValue)) {
			u := list + f.Key + "/" + facetSlug(v) + "/"
			g.Values = append(g.Values, FacetValue{Value: v, Count: len(byValue[v]), URL: u})
			pages[u] = facetPage{v, byValue[v]}
		}
		// Most records first: a facet is read for its large values.
		slices.SortStableFunc(g.Values, func(a, b FacetValue) int { return b.Count - a.Count })
		facets = append(facets, g)
	}
	// A kind with a date is listed by month (see addDated); one without
	// keeps numbered pages.
	dated := k.FieldOf(records.RoleDate) >= 0
	// pageOf makes the pages of the list at base.
	pageOf := func(base, current string, cr []Crumb) func(url, t, h string, pg Pager, its []*disclose.Item, d Dated, year int) *Page {
		return func(url, t, h string, pg Pager, its []*disclose.Item, d Dated, year int) *Page {
			ys, fs := years, facets
			if d.Month != "" {
				ys, fs = nil, nil
			}
			return &Page{URL: url, Layout: layout, Title: t, Section: list, Column: title, Description: k.Intro, InSitemap: true, Crumbs: cr,
				Data: RecordList{Kind: k, Items: its, Pager: pg, Heading: h, Years: ys, Year: year, Facets: fs, Current: current, Withdrawn: withdrawn, Dated: d, List: base}}
		}
	}
	add := func(base, t, heading, crumb string, its []*disclose.Item, hasYears bool, current string, cr []Crumb) {
		page := pageOf(base, current, cr)
		if dated {
			addDated(s, datedList[*disclose.Item]{base: base, title: t, heading: heading, crumb: crumb, items: its, years: hasYears, oldCount: len(its),
				date: func(it *disclose.Item) time.Time { return it.Date }, page: page}, cr)
			return
		}
		s.paginate(base, t, len(its), func(url, t2 string, pg Pager, lo, hi int) *Page {
			return page(url, t2, t, pg, its[lo:hi], Dated{}, 0)
		})
	}
	add(list, k.Title+"公示", k.Title, title, items, true, "", crumbs[:1])
	if !dated {
		page := pageOf(list, "", crumbs)
		for _, y := range years {
			t, its := strconv.Itoa(y.Year)+"年"+k.Title, byYear[y.Year]
			s.paginate(y.URL, t, len(its), func(url, t2 string, pg Pager, lo, hi int) *Page {
				return page(url, t2, t, pg, its[lo:hi], Dated{}, y.Year)
			})
		}
	}
	for _, u := range slices.Sorted(maps.Keys(pages)) {
		fp := pages[u]
		t := k.Title + "：" + fp.value
		add(u, t, t, fp.value, fp.items, false, u, crumbs)
	}
	// The records of each power-list item, where the kind names them.
	if pc := k.FieldOf(records.RolePowerCode); pc >= 0 {
		byCode := map[string][]*disclose.Item{}
		for _, it := range items {
			if c := it.Values[pc]; c != "" {
				byCode[c] = append(byCode[c], it)
			}
		}
		for _, code := range slices.Sorted(maps.Keys(byCode)) {
			p := s.PowerByCode(code)
			if p == nil {
				continue
			}
			u := list + "power/" + p.ID() + "/"
			t := p.Title() + "：" + k.Title
			add(u, t, t, p.Title(), byCode[code], false, u, crumbs)
			s.KindByPower[p.Code] = append(s.KindByPower[p.Code], KindUse{Kind: k, Count: len(byCode[code]), URL: u})
		}
	}
	layoutOne := cmpOr(k.Layout, "record")
	pc := k.FieldOf(records.RolePowerCode)
	for _, it := range items {
		cr := crumbs
		if !it.Date.IsZero() {
			cr = append(cr[:len(cr):len(cr)], Crumb{strconv.Itoa(it.Date.Year()) + "年", list + strconv.Itoa(it.Date.Year()) + "/"})
		}
		var power *records.Power
		if pc >= 0 {
			power = s.PowerByCode(it.Values[pc])
		}
		s.Add(&Page{URL: it.URL(), Layout: layoutOne, Title: cmpOr(it.Sub(), it.Title()), Section: list, Column: title,
			Date: it.Date, Description: it.Title(), InSitemap: true, Crumbs: cr,
			Data: RecordData{Item: it, Fields: FieldViews(it), Power: power, Expired: expired(it, s)}})
	}
	if len(k.Withdraw) > 0 {
		s.Add(&Page{URL: list + "withdrawn/", Layout: "withdrawn", Title: "已撤回的" + k.Title, Section: list, Column: title,
			InSitemap: true, Steady: true, Crumbs: crumbs, Data: s.Result.ItemsWithdrawn[k.Name]})
	}
}

// expired returns the date a record was in force until (the kind's Expires
// field) as pages write it, when it has passed on the build date; "" else.
func expired(it *disclose.Item, s *Site) string {
	to := it.Get(it.Kind.Expires)
	if to == "" || to >= s.BuildDate.Format(time.DateOnly) {
		return ""
	}
	return cnDate(to)
}

// FieldViews lists a record's published fields in the kind's order,
// leaving out empty ones.
func FieldViews(it *disclose.Item) []FieldView {
	var out []FieldView
	for i := range it.Kind.Fields {
		f := &it.Kind.Fields[i]
		v := it.Values[i]
		if !f.Published() || v == "" && f.Blank == "" {
			continue
		}
		fv := FieldView{Field: f, Value: v}
		switch {
		case v == "":
			fv.Value = f.Blank
		case f.Type == records.TypeDate:
			fv.Value = cnDate(v)
		case f.Type == records.TypeList:
			fv.Items = strings.Split(v, "；")
		case f.Type == records.TypeMoney:
			if m, err := value.ParseAmount(v, "元"); err == nil {
				fv.Value = m.String()
			}
		case f.Role == records.RoleText:
			if l := value.SplitList(v); len(l) > 1 {
				fv.Items = l
			}
		}
		switch f.Role {
		case records.RoleCreditCode, records.RoleOtherCode, records.RoleAuthorityCode, records.RolePowerCode:
			fv.Code = true
		}
		out = append(out, fv)
	}
	return out
}

// cnDate writes a "2006-01-02" date as pages do ("2006年1月2日"), and
// anything else as it is.
func cnDate(v string) string {
	if d, err := time.Parse(time.DateOnly, v); err == nil {
		return d.Format("2006年1月2日")
	}
	return v
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
