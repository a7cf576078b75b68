package site

import (
	"maps"
	"slices"
	"strings"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/review"
)

// Power-register URLs.
const (
	PowerChangesURL = "/powers/changes/"
	PowerReviewURL  = "/powers/review/"
	// ReviewTableURL is the usage review's table on the statistics page,
	// with its CSV and JSON beside it (charts: PAGE/SLUG.csv).
	ReviewTableURL = "/stats/powers/usage/#powers-usage-review"
	ReviewCSVURL   = "/stats/powers/usage/review.csv"
	ReviewJSONURL  = "/stats/powers/usage/review.json"
)

// PowerCaseUse is the published penalty decisions matched to a power item
// and the page that lists them.
type PowerCaseUse struct {
	Count int
	URL   string
	// Methods counts the decisions per match method, in the order of
	// records.MatchMethods.
	Methods []Count
}

// ChangeView is one power change as pages show it.
type ChangeView struct {
	records.PowerChange
	// URL is the page of the power item (which answers for an item taken
	// back too).
	URL string
}

// PowerChangesData is the payload of /powers/changes/.
type PowerChangesData struct {
	// Changes are every change, newest first; undated ones last.
	Changes []ChangeView
	// Counts are the changes per type, in the order of
	// records.PowerChangeTypes, leaving out types with none.
	Counts []Count
}

// PowerReviewData is the payload of /powers/review/.
type PowerReviewData struct {
	Review *review.Review
	// Bands are the review's items grouped by band, in the order of
	// review.Bands.
	Bands []Group[*review.Use]
}

// indexPowerRegister reads the register and matches the published
// decisions to power items; New calls it once.
func (s *Site) indexPowerRegister() {
	s.PowerHistory = records.Histories(s.Result.PowerChanges, s.BuildDate)
	s.Review = review.New(s.Result, s.Powers, s.Config.Review)
	m := records.NewPowerMatcher(s.Powers)
	s.powerCases = map[string][]*disclose.Case{}
	s.powerMethods = map[string]map[string]int{}
	for i := range s.Cases {
		c := &s.Cases[i]
		p, how := m.Match(c.PowerCode, c.Basis, c.Violation)
		if p == nil {
			continue
		}
		id := p.ID()
		s.powerCases[id] = append(s.powerCases[id], c)
		if s.powerMethods[id] == nil {
			s.powerMethods[id] = map[string]int{}
		}
		s.powerMethods[id][how]++
	}
}

// PowerEnded returns the change that ended the town's exercise of the
// power item with the ID, or nil.
func (s *Site) PowerEnded(id string) *records.PowerChange {
	if h := s.PowerHistory[id]; h != nil {
		return h.Ended
	}
	return nil
}

// PowerStatus says whether the town has stopped exercising the item: the
// type of the change that ended it, else the list's own status when it is
// 收回, 取消 or 暂停; "" while the item is exercised.
func (s *Site) PowerStatus(p *records.Power) string {
	if e := s.PowerEnded(p.ID()); e != nil {
		return e.Type
	}
	switch p.Status {
	case records.ChangeTake, records.ChangeAbolish, records.ChangePause:
		return p.Status
	}
	return ""
}

// powerCaseUse returns the published decisions matched to the item.
func (s *Site) powerCaseUse(p *records.Power) *PowerCaseUse {
	cs := s.powerCases[p.ID()]
	if len(cs) == 0 {
		return nil
	}
	u := &PowerCaseUse{Count: len(cs), URL: records.CaseKind.ListURL() + "power/" + p.ID() + "/"}
	for _, m := range records.MatchMethods {
		if n := s.powerMethods[p.ID()][m]; n > 0 {
			u.Methods = append(u.Methods, Count{Name: m, Count: n})
		}
	}
	return u
}

// powerCasePages adds, per power item, the list of the published penalty
// decisions matched to it, as the declared kinds' /KIND/power/ID/ lists.
func (s *Site) powerCasePages() {
	crumbs := []Crumb{home, {"行政处罚", "/cases/"}}
	for _, id := range slices.Sorted(maps.Keys(s.powerCases)) {
		p := s.powerByID[id]
		if p == nil {
			continue
		}
		t := p.Title() + "：行政处罚决定"
		s.caseList(records.CaseKind.ListURL()+"power/"+id+"/", t, t, p.Title(), s.powerCases[id], false, len(s.powerCases[id]), crumbs)
	}
}

// powerRegisterPages adds /powers/changes/, /powers/review/ and the page of
// every item taken back or abolished that the list no longer holds, built
// from its register entries alone.
func (s *Site) powerRegisterPages(crumbs []Crumb) {
	var all []ChangeView
	n := map[string]int{}
	for _, id := range slices.Sorted(maps.Keys(s.PowerHistory)) {
		for _, c := range s.PowerHistory[id].Changes {
			all = append(all, ChangeView{PowerChange: c, URL: records.PowerKind.URL(id)})
			n[c.Type]++
		}
	}
	slices.SortStableFunc(all, func(a, b ChangeView) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		case !a.Date.Equal(b.Date):
			return b.Date.Compare(a.Date)
		}
		return strings.Compare(a.Code, b.Code)
	})
	var counts []Count
	for _, t := range records.PowerChangeTypes {
		if n[t] > 0 {
			counts = append(counts, Count{Name: t, Count: n[t]})
		}
	}
	s.Add(&Page{URL: PowerChangesURL, Layout: "power-changes", Title: "权力事项调整记录", Section: "/powers/", Column: "权力清单",
		Description: "权力清单事项的新增、收回、取消、调整和暂停，按调整日期排列，列明调整文件和理由。", InSitemap: true, Crumbs: crumbs,
		Data: PowerChangesData{Changes: all, Counts: counts}})

	bands := make([]Group[*review.Use], len(review.Bands))
	for i, b := range review.Bands {
		bands[i] = Group[*review.Use]{Name: b, Slug: "band-" + string(rune('a'+i))}
	}
	for i := range s.Review.Uses {
		u := &s.Review.Uses[i]
		for b := range bands {
			if bands[b].Name == u.Band {
				bands[b].Items = append(bands[b].Items, u)
			}
		}
	}
	for b := range bands {
		slices.SortStableFunc(bands[b].Items, func(x, y *review.Use) int { return y.Count - x.Count })
	}
	s.Add(&Page{URL: PowerReviewURL, Layout: "power-review", Title: "权力事项行权评估", Section: "/powers/", Column: "权力清单",
		Description: "每项权力事项在统计期间内被处罚决定、许可等记录使用的次数，按使用程度分为最多、较多、很少和未行使。", InSitemap: true, Crumbs: crumbs,
		Data: PowerReviewData{Review: s.Review, Bands: bands}})

	// Items the list no longer holds keep their page.
	for _, id := range slices.Sorted(maps.Keys(s.PowerHistory)) {
		h := s.PowerHistory[id]
		if h.Ended == nil || s.powerByID[id] != nil {
			continue
		}
		e := h.Ended
		p := &records.Power{Pos: e.Pos, Code: e.Code, Name: e.Name, SubName: e.SubName}
		for _, c := range h.Changes {
			if p.Name == "" {
				p.Name = c.Name
			}
		}
		s.Add(&Page{URL: p.URL(), Layout: "power", Title: p.Title(), Section: "/powers/", Column: "权力清单",
			Description: "已" + e.Type + "：" + p.Title(), InSitemap: true, Crumbs: crumbs,
			Data: PowerData{Power: p, History: h.Changes, Ended: e, Gone: true}})
	}
}
