package site

import (
	"sort"
	"strconv"
	"time"

	"gongshi/generator/content"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/review"
)

// Nav is the top navigation: Sections with an entry for each declared kind
// that has a Nav label, after 行政处罚.
func (s *Site) Nav() []Crumb {
	out := make([]Crumb, 0, len(Sections)+len(s.Result.Kinds))
	for _, c := range Sections {
		out = append(out, c)
		if c.URL == "/cases/" {
			for _, k := range s.Result.Kinds {
				if k.Nav != "" {
					out = append(out, Crumb{k.Nav, k.ListURL()})
				}
			}
		}
	}
	return out
}

// Sections are the entries of the top navigation every site has, in order.
var Sections = []Crumb{
	{"首页", "/"},
	{"行政处罚", "/cases/"},
	{"权力清单", "/powers/"},
	{"办事指南", "/services/"},
	{"统计数据", "/stats/"},
	{"通知公告", "/notices/"},
	{"开放数据", "/data/"},
	{"搜索", "/search/"},
}

var home = Crumb{"首页", "/"}

// Add registers a page built outside this package (statistics, open data).
// Call it before Seal.
func (s *Site) Add(p *Page) { s.HTML = append(s.HTML, p) }

// Seal sorts the pages by URL; after it the model is read-only.
func (s *Site) Seal() {
	sort.SliceStable(s.HTML, func(i, j int) bool { return s.HTML[i].URL < s.HTML[j].URL })
}

// PowerByCode returns the first power item with the code, or nil.
func (s *Site) PowerByCode(code string) *records.Power {
	if code == "" {
		return nil
	}
	return s.powerIdx[code]
}

// BuildPages lists the pages of the records and Markdown content.
func (s *Site) BuildPages() {
	s.Add(&Page{URL: "/", Layout: "home", Title: s.Config.Title, Section: "/", Column: "首页", InSitemap: true})
	s.casePages()
	s.powerCasePages()
	s.tablePage()
	s.kindPages()
	s.powerPages()
	s.servicePages()
	s.contentPages()
	s.Add(&Page{URL: "/search/", Layout: "search", Title: "站内搜索", Section: "/search/", Column: "搜索", InSitemap: true,
		Crumbs: []Crumb{home}})
	s.Add(&Page{URL: "/404.html", Layout: "404", Title: "页面不存在", Column: "404"})
	s.portalPages()
}

// portalPages adds the statements every government site carries, generated
// from site.toml: 隐私声明 and 无障碍声明. The human sitemap (/sitemap/) is
// added with the statistics topics (AddSitemap).
func (s *Site) portalPages() {
	s.Add(&Page{URL: "/privacy/", Layout: "privacy", Title: "隐私声明", Column: "隐私声明", InSitemap: true, Crumbs: []Crumb{home}})
	s.Add(&Page{URL: "/accessibility/", Layout: "accessibility", Title: "无障碍声明", Column: "无障碍声明", InSitemap: true, Crumbs: []Crumb{home}})
}

func (s *Site) casePages() {
	crumbs := []Crumb{home, {"行政处罚", "/cases/"}}
	all := make([]*disclose.Case, len(s.Cases))
	for i := range s.Cases {
		all[i] = &s.Cases[i]
	}
	// The earlier layout's pages counted the published decisions; the
	// expired ones count too, so that no page number it ever had is lost
	// as decisions expire.
	old := len(all)
	for _, w := range s.Result.Withheld {
		if w.Reason == disclose.ReasonExpired {
			old++
		}
	}
	s.caseList("/cases/", "行政处罚决定公示", "行政处罚决定", "行政处罚", all, true, old, crumbs[:1])
	for _, c := range all {
		power := s.PowerByCode(c.PowerCode)
		s.Add(&Page{URL: c.URL(), Layout: "case", Title: c.DecisionNo, Section: "/cases/", Column: "行政处罚",
			Date: c.DecisionDate, Description: c.PartyName + " " + c.Violation, InSitemap: true,
			Crumbs: append(crumbs, Crumb{strconv.Itoa(c.DecisionDate.Year()) + "年", records.CaseKind.ListURL() + strconv.Itoa(c.DecisionDate.Year()) + "/"}),
			Data:   CaseData{Case: c, Power: power}})
	}
	s.Add(&Page{URL: "/cases/withdrawn/", Layout: "withdrawn", Title: "已撤回的行政处罚决定", Section: "/cases/", Column: "行政处罚",
		InSitemap: true, Steady: true, Crumbs: crumbs, Data: s.Result.Withdrawn})
}

// CaseData is the payload of a decision page.
type CaseData struct {
	Case  *disclose.Case
	Power *records.Power
}

// caseList adds the pages of a list of decisions, newest first, arranged
// by month (see addDated); years says it has year pages.
func (s *Site) caseList(base, title, heading, crumb string, cases []*disclose.Case, years bool, oldCount int, crumbs []Crumb) {
	addDated(s, datedList[*disclose.Case]{base: base, title: title, heading: heading, crumb: crumb, items: cases, years: years, oldCount: oldCount,
		date: func(c *disclose.Case) time.Time { return c.DecisionDate },
		page: func(url, t, h string, pg Pager, cs []*disclose.Case, d Dated, year int) *Page {
			ys := s.Years
			if d.Month != "" {
				ys = nil
			}
			return &Page{URL: url, Layout: "cases", Title: t, Section: "/cases/", Column: "行政处罚", InSitemap: true,
				Data: CaseList{Cases: cs, Pager: pg, Years: ys, Year: year, Heading: h, Dated: d, List: base}}
		}}, crumbs)
}

// paginate adds the pages of a listing of n records under base: page adds
// one, given its URL, title ("…（第2页）"), pager and the records lo…hi.
func (s *Site) paginate(base, title string, n int, page func(url, title string, pg Pager, lo, hi int) *Page) {
	size := s.Config.PageSize
	for i, pg := range Paginate(base, n, size) {
		t, url := title, base
		if pg.Number > 1 {
			t += "（第" + strconv.Itoa(pg.Number) + "页）"
			url = base + "page/" + strconv.Itoa(pg.Number) + "/"
		}
		s.Add(page(url, t, pg, i*size, min((i+1)*size, n)))
	}
}

// PowerData is the payload of a power-item page.
type PowerData struct {
	Power *records.Power
	// Flow is the item's steps: its 责任事项 when listed, else the standard
	// flow of its category.
	Flow []string
	// FlowFromDuties says which.
	FlowFromDuties bool
	// Cases are the published decisions matched to the item, nil for none.
	Cases *PowerCaseUse
	// Records are the declared kinds' records that name the item's code.
	Records []KindUse
	// Use is the item's line of the usage review; nil for an item the list
	// no longer holds. Window and Period name the review's window ("近3年",
	// "2023年11月1日至2026年10月31日"): held here, as everything the page
	// shows, so that the page's key (build.pageKeys) covers them.
	Use            *review.Use
	Window, Period string
	// History is the item's changes, oldest first; Ended the one that
	// ended the town's exercise of it, nil while it is exercised.
	History []records.PowerChange
	Ended   *records.PowerChange
	// Gone says the list no longer holds the item: the page is built from
	// its register entries alone.
	Gone bool
	// Service is the service item that is the same 事项, nil for none.
	Service *records.Service
}

func (s *Site) powerPages() {
	crumbs := []Crumb{home, {"权力清单", "/powers/"}}
	s.Add(&Page{URL: "/powers/", Layout: "powers", Title: "权力清单", Section: "/powers/", Column: "权力清单", InSitemap: true, Crumbs: crumbs[:1]})
	seen := map[string]bool{}
	for i := range s.Powers {
		p := &s.Powers[i]
		id := p.ID()
		if seen[id] {
			continue // duplicate codes are reported by records validation
		}
		seen[id] = true
		flow, fromDuties := PowerFlow(p)
		d := PowerData{Power: p, Flow: flow, FlowFromDuties: fromDuties, Cases: s.powerCaseUse(p), Records: s.KindByPower[p.Code], Use: s.Review.Of(id)}
		if h := s.PowerHistory[id]; h != nil {
			d.History, d.Ended = h.Changes, h.Ended
		}
		if d.Use != nil {
			d.Service = d.Use.Service
			d.Window, d.Period = review.Months(s.Review.Settings.WindowMonths), s.Review.Period()
		}
		s.Add(&Page{URL: p.URL(), Layout: "power", Title: p.Title(), Section: "/powers/", Column: "权力清单",
			Description: p.Category + " " + p.Title(), InSitemap: true, Crumbs: crumbs, Data: d})
	}
	s.powerRegisterPages(crumbs)
}

// ServiceData is the payload of a service item's page.
type ServiceData struct {
	*records.Service
	// Power is the power item that is the same 事项, nil for none.
	Power *records.Power
}

func (s *Site) servicePages() {
	crumbs := []Crumb{home, {"办事指南", "/services/"}}
	s.Add(&Page{URL: "/services/", Layout: "services", Title: "办事指南", Section: "/services/", Column: "办事指南", InSitemap: true, Crumbs: crumbs[:1]})
	seen := map[string]bool{}
	for i := range s.Services {
		v := &s.Services[i]
		id := v.ID()
		if seen[id] {
			continue
		}
		seen[id] = true
		s.Add(&Page{URL: v.URL(), Layout: "service", Title: v.Name, Section: "/services/", Column: "办事指南",
			Description: v.Name + "办事指南", InSitemap: true, Crumbs: crumbs, Data: ServiceData{Service: v, Power: s.serviceToPower[id]}})
	}
}

// RulesData is the payload of the publication-rules page: the rule set the
// build applies, after the introduction a site may write in
// content/notices/disclosure-rules.md.
type RulesData struct {
	Intro  *content.Page // nil without the file
	Policy disclose.Policy
}

func (s *Site) contentPages() {
	s.Add(&Page{URL: "/notices/", Layout: "notices", Title: "通知公告", Section: "/notices/", Column: "通知公告", InSitemap: true,
		Crumbs: []Crumb{home}, Data: s.Notices})
	rules := &Page{URL: disclose.RulesURL, Layout: "rules", Title: "行政处罚决定公示规则", Section: "/notices/", Column: "通知公告",
		Description: "哪些行政处罚决定公示、公示多久、个人信息如何处理。", InSitemap: true, Crumbs: []Crumb{home, {"通知公告", "/notices/"}},
		Data: RulesData{Policy: disclose.PolicyOf(s.Config.Disclosure)}}
	for i := range s.Pages {
		p := &s.Pages[i]
		if p.URL == "/" {
			continue
		}
		if p.URL == disclose.RulesURL {
			rules.Title, rules.Date, rules.Data = p.Title, p.Date, RulesData{Intro: p, Policy: disclose.PolicyOf(s.Config.Disclosure)}
			if p.Summary != "" {
				rules.Description = p.Summary
			}
			continue
		}
		sec, col := "", p.Title
		crumbs := []Crumb{home}
		if p.Section == "notices" {
			sec, col = "/notices/", "通知公告"
			crumbs = append(crumbs, Crumb{"通知公告", "/notices/"})
		}
		s.Add(&Page{URL: p.URL, Layout: "page", Title: p.Title, Section: sec, Column: col, Date: p.Date, Description: p.Summary,
			InSitemap: true, Crumbs: crumbs, Data: p})
	}
	s.Add(rules)
}

// Home returns the Markdown page content/_index.md, if any.
func (s *Site) Home() *content.Page {
	for i := range s.Pages {
		if s.Pages[i].URL == "/" {
			return &s.Pages[i]
		}
	}
	return nil
}
