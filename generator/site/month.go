package site

import (
	"slices"
	"strconv"
	"time"
)

// A dated list (penalty decisions, a declared kind with a date, and each of
// their facet values) is arranged by month: its own URL shows the newest
// records, and every month with records has pages of its own under
// LIST/YYYY/MM/, numbered from the month's oldest record. A month page
// therefore keeps what it lists: new months add pages beside it, and only a
// withdrawal, an expiry or a back-filled late record of that month changes
// it. The earlier layout's numbered pages (LIST/page/N/, newest first)
// answer with a pointer (Moved) whose bytes depend on N alone.

// MonthCount is one month of a dated list with its number of records.
type MonthCount struct {
	Month int
	Count int
	URL   string
}

// YearMonths is one year of a dated list with its months, newest first.
// URL is the year's page, "" where the list has none (a facet value).
type YearMonths struct {
	Year   int
	Count  int
	URL    string
	Months []MonthCount
}

// Dated is what a page of a dated list shows besides its records.
type Dated struct {
	// Index lists the years and months with records, newest first: on the
	// list's own page (all its years) and on a year page (that year);
	// nil on a month page.
	Index []YearMonths
	// Month names the month a month page lists ("2026年11月"); "" on
	// other pages.
	Month string
	// Newest says the page lists the list's newest records (its own URL).
	Newest bool
	// Undated is the page of the records without a date, "" for none.
	Undated string
}

// Moved is the payload of a page at a URL of the earlier layout, which
// numbered a list's pages from its newest record. Every field follows from
// the URL, the list's heading and the page size, so the page's bytes never
// change with the records.
type Moved struct {
	// Heading is the list's heading; Number the page number the URL had;
	// From and To the ranks it listed, newest first, 1-based.
	Heading          string
	Number, From, To int
	// List is the list's own page (its newest records and months); Index
	// the page whose month index covers what the URL listed.
	List, Index string
}

// monthGroup is the records of one month, oldest first.
type monthGroup[T any] struct {
	year, month int
	items       []T
}

// byMonth splits items, newest first, into their months, newest month
// first, each oldest first; records with a zero date are returned apart,
// oldest first.
func byMonth[T any](items []T, date func(T) time.Time) (months []monthGroup[T], undated []T) {
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		d := date(it)
		if d.IsZero() {
			undated = append(undated, it)
			continue
		}
		y, m := d.Year(), int(d.Month())
		k := slices.IndexFunc(months, func(g monthGroup[T]) bool { return g.year == y && g.month == m })
		if k < 0 {
			months = append(months, monthGroup[T]{year: y, month: m})
			k = len(months) - 1
		}
		months[k].items = append(months[k].items, it)
	}
	slices.SortFunc(months, func(a, b monthGroup[T]) int {
		if a.year != b.year {
			return b.year - a.year
		}
		return b.month - a.month
	})
	return months, undated
}

// monthURL is the URL of a month's first page under base.
func monthURL(base string, y, m int) string {
	mm := strconv.Itoa(m)
	if m < 10 {
		mm = "0" + mm
	}
	return base + strconv.Itoa(y) + "/" + mm + "/"
}

// monthIndex lists months by year, newest first; yearURL gives a year's
// page ("" for none).
func monthIndex[T any](base string, months []monthGroup[T], yearURL func(y int) string) []YearMonths {
	var out []YearMonths
	for _, g := range months {
		if len(out) == 0 || out[len(out)-1].Year != g.year {
			out = append(out, YearMonths{Year: g.year, URL: yearURL(g.year)})
		}
		ym := &out[len(out)-1]
		ym.Count += len(g.items)
		ym.Months = append(ym.Months, MonthCount{Month: g.month, Count: len(g.items), URL: monthURL(base, g.year, g.month)})
	}
	return out
}

// monthName writes a month as pages do ("2026年11月").
func monthName(y, m int) string {
	return strconv.Itoa(y) + "年" + strconv.Itoa(m) + "月"
}

// datedList is one dated list to lay out by month.
type datedList[T any] struct {
	// base is the list's URL; title its own page's title; heading what
	// its year and month pages' titles add to the period ("2026年11月" +
	// heading); crumb its title in the breadcrumbs of the pages below it.
	base, title, heading, crumb string
	items                       []T // newest first
	date                        func(T) time.Time
	// years says the list has year pages (base + "YYYY/").
	years bool
	// oldCount is how many records the earlier layout's pages counted:
	// pointers are made for each of its page numbers past the first.
	oldCount int
	// page makes a page of the list from its URL, title, heading (the
	// title without a page number), pager, records, month parts and year
	// (0 for none); addDated sets its crumbs.
	page func(url, title, heading string, pg Pager, items []T, d Dated, year int) *Page
}

// addDated adds the pages of a dated list whose own page has the
// breadcrumbs crumbs: its newest records, its year pages, its month pages
// and the pointers at the earlier layout's URLs.
func addDated[T any](s *Site, l datedList[T], crumbs []Crumb) {
	size := s.Config.PageSize
	months, undated := byMonth(l.items, l.date)
	yearURL := func(int) string { return "" }
	if l.years {
		yearURL = func(y int) string { return l.base + strconv.Itoa(y) + "/" }
	}
	index := monthIndex(l.base, months, yearURL)
	newest := l.items[:min(size, len(l.items))]
	d := Dated{Index: index, Newest: true}
	if len(undated) > 0 {
		d.Undated = l.base + "undated/"
	}
	own := l.page(l.base, l.title, l.title, Paginate(l.base, len(newest), size)[0], newest, d, 0)
	own.Crumbs, own.Steady = crumbs, true
	s.Add(own)
	below := append(crumbs[:len(crumbs):len(crumbs)], Crumb{l.crumb, l.base})
	moved := func(base, heading string, n int) {
		for k := 2; (k-1)*size < n; k++ {
			s.Add(&Page{URL: base + "page/" + strconv.Itoa(k) + "/", Layout: "moved", Title: heading + "（原第" + strconv.Itoa(k) + "页）",
				Section: own.Section, Column: own.Column, NoIndex: true, Steady: true, Crumbs: below,
				Data: Moved{Heading: heading, Number: k, From: (k-1)*size + 1, To: k * size, List: l.base, Index: base}})
		}
	}
	moved(l.base, l.title, l.oldCount)
	for _, ym := range index {
		if ym.URL == "" {
			continue
		}
		t := strconv.Itoa(ym.Year) + "年" + l.heading
		p := l.page(ym.URL, t, t, Paginate(ym.URL, 0, size)[0], nil, Dated{Index: []YearMonths{ym}}, ym.Year)
		p.Crumbs, p.Steady = below, true
		s.Add(p)
		moved(ym.URL, t, ym.Count)
	}
	for _, g := range months {
		cr := below
		if l.years {
			cr = append(below[:len(below):len(below)], Crumb{strconv.Itoa(g.year) + "年", yearURL(g.year)})
		}
		name := monthName(g.year, g.month)
		h := name + l.heading
		s.paginate(monthURL(l.base, g.year, g.month), h, len(g.items), func(url, t string, pg Pager, lo, hi int) *Page {
			p := l.page(url, t, h, pg, g.items[lo:hi], Dated{Month: name}, g.year)
			p.Crumbs, p.Steady = cr, true
			return p
		})
	}
	if len(undated) > 0 {
		h := l.heading + "（未注明日期）"
		s.paginate(d.Undated, h, len(undated), func(url, t string, pg Pager, lo, hi int) *Page {
			p := l.page(url, t, h, pg, undated[lo:hi], Dated{Month: "未注明日期"}, 0)
			p.Crumbs, p.Steady = below, true
			return p
		})
	}
}
