// Package stats aggregates the publishable data into tables of exact
// numbers: monthly service-centre volumes, petitions, enforcement activity and
// the power list. Each Table is what a chart draws and what its CSV and JSON
// downloads hold, so the three can never disagree.
package stats

import (
	"sort"
	"strings"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

// Table is a small table of figures: one row per label (a month, a
// category), one column per series.
type Table struct {
	// Slug is the stable anchor and file name, unique within a topic.
	Slug     string
	Title    string
	Subtitle string
	// Note says what counts and which rule applies.
	Note string
	// Kind is the chart type: "line", "bar" or "hbar".
	Kind string
	// LabelName heads the label column ("月份").
	LabelName string
	Series    []string
	Unit      string
	Rows      []Row
}

// Row is one label with a value per series.
type Row struct {
	Label  string
	Values []float64
}

// Topic groups the tables of one statistics page.
type Topic struct {
	Slug   string
	Title  string
	Intro  string
	Tables []Table
}

// Build computes every topic from the publishable result. Topics without
// data are left out.
func Build(res *disclose.Result) []Topic {
	var out []Topic
	if t := serviceCentre(res.Stats); len(t.Tables) > 0 {
		out = append(out, t)
	}
	if t := petitions(res.Stats); len(t.Tables) > 0 {
		out = append(out, t)
	}
	if t := enforcement(res.Activity); len(t.Tables) > 0 {
		out = append(out, t)
	}
	if t := powers(res.Powers); len(t.Tables) > 0 {
		out = append(out, t)
	}
	return out
}

// monthly sums the named indicators per month over rows, in month order.
func monthly(rows []records.StatRow, names [][]string) []Row {
	sums := map[string][]float64{}
	for _, r := range rows {
		for i, alts := range names {
			for _, n := range alts {
				if r.Indicator == n {
					v := sums[r.Month]
					if v == nil {
						v = make([]float64, len(names))
						sums[r.Month] = v
					}
					v[i] += r.Value
				}
			}
		}
	}
	months := make([]string, 0, len(sums))
	for m := range sums {
		months = append(months, m)
	}
	sort.Strings(months)
	out := make([]Row, len(months))
	for i, m := range months {
		out[i] = Row{Label: m, Values: sums[m]}
	}
	return out
}

func serviceCentre(rows []records.StatRow) Topic {
	t := Topic{Slug: "service-centre", Title: "便民服务中心", Intro: "便民服务中心每月受理、办结的政务服务事项数量。"}
	r := monthly(rows, [][]string{{"受理数", "受理", "受理量"}, {"办结数", "办结", "办结量"}, {"按期办结数", "按时办结数"}})
	if len(r) == 0 {
		return t
	}
	t.Tables = append(t.Tables, Table{
		Slug: "monthly-volume", Kind: "line", LabelName: "月份", Unit: "件",
		Title:    "便民服务中心每月受理与办结件数",
		Subtitle: "单位：件；按月统计，" + r[0].Label + " 至 " + r[len(r)-1].Label,
		Note:     "受理数、办结数为当月全部窗口、全部类别之和；按期办结数为在承诺时限内办结的件数。",
		Series:   []string{"受理数", "办结数", "按期办结数"}, Rows: r,
	})
	return t
}

func petitions(rows []records.StatRow) Topic {
	t := Topic{Slug: "petitions", Title: "综治中心与信访", Intro: "来访、矛盾纠纷和信访的受理与办结情况。"}
	r := monthly(rows, [][]string{{"来访人次"}, {"矛盾纠纷受理"}, {"矛盾纠纷化解"}, {"信访受理"}, {"信访办结"}})
	if len(r) == 0 {
		return t
	}
	t.Tables = append(t.Tables, Table{
		Slug: "monthly", Kind: "line", LabelName: "月份", Unit: "件（人次）",
		Title:    "综治中心与信访每月情况",
		Subtitle: "单位：件，来访为人次；" + r[0].Label + " 至 " + r[len(r)-1].Label,
		Note:     "数据来自综治中心月度统计表；合计列不参与计算，按月份逐项汇总。",
		Series:   []string{"来访人次", "矛盾纠纷受理", "矛盾纠纷化解", "信访受理", "信访办结"}, Rows: r,
	})
	return t
}

func enforcement(acts []disclose.Activity) Topic {
	t := Topic{Slug: "enforcement", Title: "行政执法", Intro: "行政处罚决定的数量与罚款金额。"}
	if len(acts) == 0 {
		return t
	}
	byMonth := map[string][]float64{}
	byCat := map[string]float64{}
	for _, a := range acts {
		if a.Withdrawn {
			continue
		}
		m := a.Date.Format("2006-01")
		v := byMonth[m]
		if v == nil {
			v = make([]float64, 2)
			byMonth[m] = v
		}
		v[0]++
		v[1] += float64(a.Fine) / 100
		for _, c := range a.Categories {
			byCat[records.CategoryBase(c)]++
		}
	}
	months := make([]string, 0, len(byMonth))
	for m := range byMonth {
		months = append(months, m)
	}
	sort.Strings(months)
	var rows []Row
	for _, m := range months {
		rows = append(rows, Row{Label: m, Values: []float64{byMonth[m][0], round2(byMonth[m][1])}})
	}
	note := "按决定日期统计全部行政处罚决定，包括已过公示期和按规定不予公示的决定（如简易程序），不包括已撤销、变更或确认无效而撤回的决定。"
	t.Tables = append(t.Tables, Table{
		Slug: "monthly-decisions", Kind: "bar", LabelName: "月份", Unit: "起",
		Title: "每月作出的行政处罚决定", Subtitle: "单位：起；" + months[0] + " 至 " + months[len(months)-1],
		Note: note, Series: []string{"处罚决定数", "罚款金额（元）"}, Rows: rows,
	})
	var cats []Row
	for _, c := range records.Categories {
		if n := byCat[c]; n > 0 {
			cats = append(cats, Row{Label: c, Values: []float64{n}})
		}
	}
	t.Tables = append(t.Tables, Table{
		Slug: "by-category", Kind: "hbar", LabelName: "处罚类别", Unit: "起",
		Title: "按处罚类别统计的处罚决定", Subtitle: "单位：起；一个决定含多个类别时分别计入",
		Note: note, Series: []string{"决定数"}, Rows: cats,
	})
	return t
}

func powers(ps []records.Power) Topic {
	t := Topic{Slug: "powers", Title: "权力清单", Intro: "权力清单事项按类型和来源统计。"}
	if len(ps) == 0 {
		return t
	}
	byCat := map[string]float64{}
	bySrc := map[string]float64{}
	for _, p := range ps {
		byCat[p.Category]++
		src := p.Source
		switch {
		case strings.Contains(src, "下放"):
			src = "上级下放"
		case strings.Contains(src, "委托"):
			src = "委托"
		case strings.Contains(src, "授权"):
			src = "授权"
		case strings.Contains(src, "法定"):
			src = "法定本级行使"
		case src == "":
			src = "未注明"
		}
		bySrc[src]++
	}
	var cats []Row
	for _, c := range records.PowerCategories {
		if n := byCat[c]; n > 0 {
			cats = append(cats, Row{Label: c, Values: []float64{n}})
		}
	}
	t.Tables = append(t.Tables, Table{Slug: "by-category", Kind: "hbar", LabelName: "事项类型", Unit: "项",
		Title: "权力清单事项按类型", Subtitle: "单位：项；共 " + itoa(len(ps)) + " 项",
		Note: "按权力清单中的事项类型统计，含子项。", Series: []string{"事项数"}, Rows: cats})
	var srcs []Row
	for _, s := range []string{"法定本级行使", "上级下放", "委托", "授权", "未注明"} {
		if n := bySrc[s]; n > 0 {
			srcs = append(srcs, Row{Label: s, Values: []float64{n}})
		}
	}
	t.Tables = append(t.Tables, Table{Slug: "by-source", Kind: "hbar", LabelName: "权力来源", Unit: "项",
		Title: "权力清单事项按来源", Subtitle: "单位：项", Note: "上级委托与同级委托合并为“委托”，上级授权与同级授权合并为“授权”。",
		Series: []string{"事项数"}, Rows: srcs})
	return t
}

func round2(f float64) float64 {
	if f < 0 {
		return -round2(-f)
	}
	return float64(int64(f*100+0.5)) / 100
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
