package county

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"gongshi/generator/records"
	"gongshi/generator/site"
	"gongshi/generator/stats"
)

// model is the county's pages and what they show.
type model struct {
	c     *county
	towns []*Town
	day   time.Time
	pages []*site.Page
}

func newModel(c *county, towns []*Town, day time.Time) *model {
	return &model{c: c, towns: towns, day: day}
}

// TownRow is one town's line in the county's tables.
type TownRow struct {
	Slug, Name, URL string
	// Decisions and Fines are the published decisions and their fines
	// (yuan); YearDecisions and YearFines those of the year.
	Decisions, YearDecisions int
	Fines, YearFines         float64
	Powers, Services         int
	Service                  Window
	Petitions                Window
}

// Window sums indicators over the months of a comparison window.
type Window struct {
	// Has is false when the town reports none of the indicators.
	Has bool
	// Months is the number of months of the window the town reports.
	Months int
	// A, B, C are the window's sums of the three indicators of the
	// comparison (受理, 办结, 按期办结; 信访受理, 信访办结, 信访按期办结);
	// HasC is false when the town reports no C.
	A, B, C float64
	HasC    bool
	// Visits, Disputes and Resolved are 综治中心 figures (petitions only).
	Visits, Disputes, Resolved float64
}

// Rate is C/B as a percentage with one decimal, or "—" when the town
// reports no C or no B.
func (w Window) Rate() string {
	if w.B == 0 || !w.HasC {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*w.C/w.B)
}

// Period is a window of months, YYYY-MM.
type Period struct{ From, To string }

// HomeData is the payload of the county's home page and of /compare/.
type HomeData struct {
	Year    int
	Towns   []TownRow
	Total   TownRow
	Service Period
	Petit   Period
}

func (m *model) home() HomeData {
	h := HomeData{Year: m.day.Year()}
	h.Service = m.window(stats.IndReceived, stats.IndCompleted)
	h.Petit = m.window(stats.IndPetitions, stats.IndClosed, stats.IndVisits)
	for _, t := range m.towns {
		row := TownRow{Slug: t.Slug, Name: t.Name, URL: "/" + t.Slug + "/", Decisions: t.Decisions, Fines: t.Fines, Powers: len(t.Powers), Services: t.Services}
		for _, y := range t.Years {
			if y.Year == h.Year {
				row.YearDecisions, row.YearFines = y.Decisions, y.Fines
			}
		}
		row.Service = sumWindow(t, h.Service, stats.IndReceived, stats.IndCompleted, stats.IndOnTime)
		row.Petitions = sumWindow(t, h.Petit, stats.IndPetitions, stats.IndClosed, stats.IndPetOnTime)
		h.Towns = append(h.Towns, row)
		tt := &h.Total
		tt.Decisions += row.Decisions
		tt.Fines += row.Fines
		tt.YearDecisions += row.YearDecisions
		tt.YearFines += row.YearFines
		tt.Powers += row.Powers
		tt.Services += row.Services
		addWindow(&tt.Service, row.Service)
		addWindow(&tt.Petitions, row.Petitions)
	}
	// The county's rate counts only when every town reporting B reports C.
	h.Total.Service.HasC, h.Total.Petitions.HasC = true, true
	for _, r := range h.Towns {
		h.Total.Service.HasC = h.Total.Service.HasC && (r.Service.B == 0 || r.Service.HasC)
		h.Total.Petitions.HasC = h.Total.Petitions.HasC && (r.Petitions.B == 0 || r.Petitions.HasC)
	}
	h.Total.Name = "全县合计"
	return h
}

func addWindow(to *Window, w Window) {
	to.Has = to.Has || w.Has
	to.A += w.A
	to.B += w.B
	to.C += w.C
	to.Visits += w.Visits
	to.Disputes += w.Disputes
	to.Resolved += w.Resolved
}

// window is the twelve months that end with the latest month every town
// reporting any of inds reports: the towns are compared over one period.
func (m *model) window(inds ...string) Period {
	last := ""
	for _, t := range m.towns {
		tl := ""
		for _, mo := range t.Months {
			for _, ind := range inds {
				if _, ok := mo.Values[ind]; ok {
					tl = mo.Month
				}
			}
		}
		if tl != "" && (last == "" || tl < last) {
			last = tl
		}
	}
	if last == "" {
		return Period{}
	}
	to, err := time.Parse("2006-01", last)
	if err != nil {
		return Period{}
	}
	return Period{From: to.AddDate(0, -11, 0).Format("2006-01"), To: last}
}

func sumWindow(t *Town, p Period, a, b, c string) Window {
	var w Window
	if p.To == "" {
		return w
	}
	for _, mo := range t.Months {
		if mo.Month < p.From || mo.Month > p.To {
			continue
		}
		v := mo.Values
		_, ha := v[a]
		_, hb := v[b]
		if !ha && !hb {
			continue
		}
		w.Has = true
		w.Months++
		w.A += v[a]
		w.B += v[b]
		w.C += v[c]
		if _, ok := v[c]; ok {
			w.HasC = true
		}
		w.Visits += v[stats.IndVisits]
		w.Disputes += v[stats.IndDisputes]
		w.Resolved += v[stats.IndResolved]
	}
	return w
}

// PowersData is the payload of /compare/powers/: each town's list size
// by category and the items not every town has.
type PowersData struct {
	Towns      []TownRow
	Categories []string
	// Sizes[i][j] is town i's number of items of Categories[j].
	Sizes [][]int
	// Matched is the number of distinct items across the county, and
	// Common the number every town has.
	Matched, Common int
	Diff            []DiffItem
}

// DiffItem is an item some towns have and others lack.
type DiffItem struct {
	Name, Code, Category string
	// Has tells, per town in the county's order, whether it has the item.
	Has []bool
	// N is the number of towns that have it.
	N int
}

// powers matches the towns' power-list items: two items are one when
// they share an item code or a name (事项名称 with 子项名称).
func (m *model) powers(rows []TownRow) PowersData {
	pd := PowersData{Towns: rows}
	type node struct {
		town int
		item *PowerItem
	}
	var nodes []node
	for i, t := range m.towns {
		for j := range t.Powers {
			nodes = append(nodes, node{i, &t.Powers[j]})
		}
	}
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	byCode, byName := map[string]int{}, map[string]int{}
	for i, n := range nodes {
		if n.item.Code != "" {
			if j, ok := byCode[n.item.Code]; ok {
				union(i, j)
			} else {
				byCode[n.item.Code] = i
			}
		}
		key := n.item.Name + "\x00" + n.item.Sub
		if j, ok := byName[key]; ok {
			union(i, j)
		} else {
			byName[key] = i
		}
	}
	groups := map[int]*DiffItem{}
	var order []int
	for i, n := range nodes {
		r := find(i)
		g := groups[r]
		if g == nil {
			name := n.item.Name
			if n.item.Sub != "" {
				name += "（" + n.item.Sub + "）"
			}
			g = &DiffItem{Name: name, Code: n.item.Code, Category: n.item.Category, Has: make([]bool, len(m.towns))}
			groups[r] = g
			order = append(order, r)
		}
		if !g.Has[n.town] {
			g.Has[n.town] = true
			g.N++
		}
	}
	pd.Matched = len(order)
	for _, r := range order {
		g := groups[r]
		if g.N == len(m.towns) {
			pd.Common++
			continue
		}
		pd.Diff = append(pd.Diff, *g)
	}
	slices.SortStableFunc(pd.Diff, func(a, b DiffItem) int {
		return cmp.Or(catOrder(a.Category)-catOrder(b.Category), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Name, b.Name))
	})
	cats := map[string]bool{}
	for _, t := range m.towns {
		for _, p := range t.Powers {
			cats[p.Category] = true
		}
	}
	for c := range cats {
		pd.Categories = append(pd.Categories, c)
	}
	slices.SortFunc(pd.Categories, func(a, b string) int { return cmp.Or(catOrder(a)-catOrder(b), cmp.Compare(a, b)) })
	for _, t := range m.towns {
		row := make([]int, len(pd.Categories))
		for _, p := range t.Powers {
			row[slices.Index(pd.Categories, p.Category)]++
		}
		pd.Sizes = append(pd.Sizes, row)
	}
	return pd
}

// catOrder orders power categories as the standard lists them.
func catOrder(c string) int {
	if i := slices.Index(records.PowerCategories, c); i >= 0 {
		return i
	}
	return len(records.PowerCategories)
}

// ChangesData is the payload of the county's /changes/.
type ChangesData struct {
	Date  string
	Towns []TownChange
}

// TownChange is a town's part of an update.
type TownChange struct {
	TownRow
	Change *Change
	// URL is the town's page of the update; Text says what changed.
	URL, Text string
}

// DataData is the payload of the county's /data/.
type DataData struct {
	Datasets []CountyDataset
	Towns    []TownRow
}

// SitemapData is the payload of the county's /sitemap/.
type SitemapData struct {
	Pages []site.Crumb
	Towns []TownRow
}

// addPages lists the county's pages, in URL order.
func (m *model) addPages(datasets []CountyDataset) {
	h := m.home()
	column := func(url, layout, title, col string, data any) *site.Page {
		p := &site.Page{URL: url, Layout: layout, Title: title, Section: url, Column: col, Data: data, InSitemap: true}
		if url != "/" {
			p.Crumbs = []site.Crumb{{Title: "首页", URL: "/"}}
		}
		m.pages = append(m.pages, p)
		return p
	}
	column("/", "county-home", m.c.cfg.Title, "首页", h)
	column("/compare/", "county-compare", "镇街对比", "镇街对比", h)
	column("/compare/powers/", "county-powers", "权力清单差异", "权力清单差异", m.powers(h.Towns))
	column("/data/", "county-data", "开放数据", "开放数据", DataData{Datasets: datasets, Towns: h.Towns})
	cd := ChangesData{Date: m.day.Format("2006-01-02")}
	for _, r := range h.Towns {
		tc := TownChange{TownRow: r, URL: r.URL + "changes/"}
		t := m.towns[len(cd.Towns)]
		if t.Change != nil {
			tc.Change = t.Change
			tc.URL = r.URL + "changes/" + t.Change.Date + "/"
			tc.Text = changeText(t.Change)
		}
		cd.Towns = append(cd.Towns, tc)
	}
	column("/changes/", "county-changes", "更新记录", "更新记录", cd)
	column("/search/", "county-search", "搜索", "搜索", h)
	column("/privacy/", "privacy", "隐私声明", "隐私声明", nil).Section = ""
	column("/accessibility/", "accessibility", "无障碍声明", "无障碍声明", nil).Section = ""
	sm := SitemapData{Towns: h.Towns}
	for _, p := range m.pages {
		sm.Pages = append(sm.Pages, site.Crumb{Title: p.Title, URL: p.URL})
	}
	column("/sitemap/", "county-sitemap", "网站地图", "网站地图", sm).Section = ""
	nf := column("/404.html", "county-404", "页面不存在", "页面不存在", h)
	nf.InSitemap, nf.Crumbs, nf.Section = false, nil, ""
	slices.SortStableFunc(m.pages, func(a, b *site.Page) int { return cmp.Compare(a.URL, b.URL) })
}
