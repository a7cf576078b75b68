// Package site builds the immutable site model: every page, listing, facet
// and aggregate, computed once from the publishable records. Renderers only
// read it. It does no I/O.
package site

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/content"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/review"
	"gongshi/generator/value"
)

// Page is one HTML page of the site.
type Page struct {
	// URL is the path below the site root, starting and ending with "/"
	// ("/cases/abc/"), or naming a file ("/404.html").
	URL string
	// Layout names the template, e.g. "case".
	Layout string
	Title  string
	// Section is the top navigation entry the page belongs to.
	Section string
	// Column is the 栏目 name for the government-site meta tags.
	Column string
	// Date is the page's publication date (ArticleTitle pages); zero for
	// lists.
	Date        time.Time
	Description string
	Crumbs      []Crumb
	// Data is the layout's payload.
	Data any
	// InSitemap is false for pages that must not be indexed (404).
	InSitemap bool
	// NoIndex asks search engines not to index the page (robots
	// noindex): the pointers at a list's earlier URLs.
	NoIndex bool
	// Steady says the page's bytes follow from what it lists alone: its
	// footer names no build date. The pages of dated lists, the pointers
	// at their earlier URLs and the lists of withdrawn records are steady,
	// so a build that changes nothing they list keeps their files.
	Steady bool
	// First and Updated are when the page's record was first published and
	// last changed, from the changelog; zero for pages without a record.
	First, Updated time.Time
}

// Crumb is one breadcrumb link.
type Crumb struct{ Title, URL string }

// Group is a named list of items with a stable slug for anchors.
type Group[T any] struct {
	Name  string
	Slug  string
	Items []T
}

// Pager describes one page of a paginated listing.
type Pager struct {
	Number, Total int
	Prev, Next    string
	First, Last   string
	Pages         []PagerLink
	Count         int
}

// PagerLink is a numbered link of a pager; URL is "" for the gap "…".
type PagerLink struct {
	Number  int
	URL     string
	Current bool
}

// CaseList is the payload of a case listing page.
type CaseList struct {
	Cases   []*disclose.Case
	Pager   Pager
	Years   []YearCount
	Year    int // 0 for the all-years listing
	Heading string
	// Dated holds the month index or the month the page lists.
	Dated
	// List is the list's own page.
	List string
}

// YearCount is one year with its number of published decisions.
type YearCount struct {
	Year  int
	Count int
	URL   string
}

// Headline holds the home page's figures.
type Headline struct {
	Year            int
	CasesThisYear   int
	FinesThisYear   value.Money
	PowersTotal     int
	PowersByCat     []Count
	ServicesTotal   int
	ServiceMonth    string
	ServiceReceived float64
	ServiceDone     float64
	HasServiceMonth bool
}

// Count is a named count.
type Count struct {
	Name  string
	Slug  string
	Count int
}

// Site is the whole model.
type Site struct {
	Config    config.Config
	BuildDate time.Time
	Result    *disclose.Result

	Cases    []disclose.Case
	Years    []YearCount
	Powers   []records.Power
	PowerCat []Group[*records.Power]
	PowerDom []Group[*records.Power]
	Services []records.Service
	SvcDom   []Group[*records.Service]
	Notices  []*content.Page
	Pages    []content.Page
	Headline Headline
	// CaseByPower counts published decisions per power code.
	CaseByPower map[string]int
	// KindByPower lists, per power code, the declared kinds whose
	// records name it.
	KindByPower map[string][]KindUse

	// PowerHistory holds the register's changes per power ID.
	PowerHistory map[string]*records.PowerHistory
	// Review is the usage review of the power list.
	Review *review.Review

	powerIdx  map[string]*records.Power
	powerByID map[string]*records.Power
	// powerCases and powerMethods are the published decisions matched to
	// each power ID, and how they were matched.
	powerCases   map[string][]*disclose.Case
	powerMethods map[string]map[string]int
	// serviceToPower links a service item to the power item that is the
	// same 事项.
	serviceToPower map[string]*records.Power // by service ID
	// tableFiles are the decisions table's row files (table.go).
	tableFiles map[string][]byte

	// HTML lists every page to render, in URL order.
	HTML []*Page
}

// New builds the model. pages are the Markdown pages (drafts already
// removed).
func New(cfg config.Config, res *disclose.Result, pages []content.Page) *Site {
	s := &Site{Config: cfg, BuildDate: res.BuildDate, Result: res, Cases: res.Cases, Pages: pages}
	s.Powers = append([]records.Power(nil), res.Powers...)
	sort.SliceStable(s.Powers, func(i, j int) bool { return s.Powers[i].Code < s.Powers[j].Code })
	s.Services = append([]records.Service(nil), res.Services...)
	sort.SliceStable(s.Services, func(i, j int) bool {
		if s.Services[i].Domain != s.Services[j].Domain {
			return s.Services[i].Domain < s.Services[j].Domain
		}
		return s.Services[i].Name < s.Services[j].Name
	})
	for i := range s.Pages {
		if s.Pages[i].Section == "notices" {
			s.Notices = append(s.Notices, &s.Pages[i])
		}
	}
	// Indexed once here: the model is read by many goroutines later.
	s.powerIdx = make(map[string]*records.Power, len(s.Powers))
	for i := range s.Powers {
		if _, dup := s.powerIdx[s.Powers[i].Code]; !dup {
			s.powerIdx[s.Powers[i].Code] = &s.Powers[i]
		}
	}
	s.powerByID = make(map[string]*records.Power, len(s.Powers))
	for i := range s.Powers {
		if id := s.Powers[i].ID(); s.powerByID[id] == nil {
			s.powerByID[id] = &s.Powers[i]
		}
	}
	s.indexPowerRegister()
	s.serviceToPower = map[string]*records.Power{}
	for i := range s.Review.Uses {
		if u := &s.Review.Uses[i]; u.Service != nil && s.serviceToPower[u.Service.ID()] == nil {
			s.serviceToPower[u.Service.ID()] = u.Power
		}
	}
	s.KindByPower = map[string][]KindUse{}
	s.CaseByPower = map[string]int{}
	for _, c := range s.Cases {
		if c.PowerCode != "" {
			s.CaseByPower[c.PowerCode]++
		}
	}
	s.groupPowers()
	s.groupServices()
	s.years()
	s.headline()
	return s
}

func (s *Site) years() {
	m := map[int]int{}
	for _, c := range s.Cases {
		m[c.DecisionDate.Year()]++
	}
	for y, n := range m {
		s.Years = append(s.Years, YearCount{Year: y, Count: n, URL: records.CaseKind.ListURL() + strconv.Itoa(y) + "/"})
	}
	sort.Slice(s.Years, func(i, j int) bool { return s.Years[i].Year > s.Years[j].Year })
}

func (s *Site) groupPowers() {
	byCat := map[string][]*records.Power{}
	byDom := map[string][]*records.Power{}
	for i := range s.Powers {
		p := &s.Powers[i]
		cat := p.Category
		if cat == "" {
			cat = "其他行政权力"
		}
		byCat[cat] = append(byCat[cat], p)
		dom := p.Domain
		if dom == "" {
			dom = "其他"
		}
		byDom[dom] = append(byDom[dom], p)
	}
	for i, c := range records.PowerCategories {
		if items := byCat[c]; len(items) > 0 {
			s.PowerCat = append(s.PowerCat, Group[*records.Power]{Name: c, Slug: fmt.Sprintf("cat-%d", i+1), Items: items})
		}
	}
	s.PowerDom = groups(byDom, "dom")
}

func (s *Site) groupServices() {
	byDom := map[string][]*records.Service{}
	for i := range s.Services {
		d := s.Services[i].Domain
		if d == "" {
			d = "其他"
		}
		byDom[d] = append(byDom[d], &s.Services[i])
	}
	s.SvcDom = groups(byDom, "dom")
}

// groups sorts a map of groups by name and gives each a numbered slug.
func groups[T any](m map[string][]T, prefix string) []Group[T] {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]Group[T], len(names))
	for i, n := range names {
		out[i] = Group[T]{Name: n, Slug: fmt.Sprintf("%s-%d", prefix, i+1), Items: m[n]}
	}
	return out
}

func (s *Site) headline() {
	h := &s.Headline
	h.Year = s.BuildDate.Year()
	for _, a := range s.Result.Activity {
		if !a.Withdrawn && a.Date.Year() == h.Year {
			h.CasesThisYear++
			h.FinesThisYear += a.Fine
		}
	}
	h.PowersTotal = len(s.Powers)
	for _, g := range s.PowerCat {
		h.PowersByCat = append(h.PowersByCat, Count{Name: g.Name, Slug: g.Slug, Count: len(g.Items)})
	}
	h.ServicesTotal = len(s.Services)
	// The latest month with service-centre figures.
	recv := map[string]float64{}
	done := map[string]float64{}
	for _, r := range s.Result.Stats {
		switch r.Indicator {
		case "受理数", "受理", "受理量":
			recv[r.Month] += r.Value
		case "办结数", "办结", "办结量":
			done[r.Month] += r.Value
		}
	}
	for m := range recv {
		if m > h.ServiceMonth {
			h.ServiceMonth = m
		}
	}
	if h.ServiceMonth != "" {
		h.HasServiceMonth = true
		h.ServiceReceived = recv[h.ServiceMonth]
		h.ServiceDone = done[h.ServiceMonth]
	}
}

// Paginate splits n items into pages of size and returns the pagers, with
// page 1 at base and page k at base+"page/k/".
func Paginate(base string, n, size int) []Pager {
	total := (n + size - 1) / size
	if total == 0 {
		total = 1
	}
	url := func(k int) string {
		if k == 1 {
			return base
		}
		return base + "page/" + strconv.Itoa(k) + "/"
	}
	out := make([]Pager, total)
	for k := 1; k <= total; k++ {
		p := Pager{Number: k, Total: total, Count: n, First: url(1), Last: url(total)}
		if k > 1 {
			p.Prev = url(k - 1)
		}
		if k < total {
			p.Next = url(k + 1)
		}
		gap := false
		for j := 1; j <= total; j++ {
			if j == 1 || j == total || (j >= k-2 && j <= k+2) {
				p.Pages = append(p.Pages, PagerLink{Number: j, URL: url(j), Current: j == k})
				gap = false
			} else if !gap {
				p.Pages = append(p.Pages, PagerLink{})
				gap = true
			}
		}
		out[k-1] = p
	}
	return out
}
