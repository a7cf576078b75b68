package stats

import (
	"sort"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

// HasPowers reports whether there is a power list.
func (d *Data) HasPowers() bool { return len(d.powers) > 0 }

// SourceGroup sorts 权力来源 into 法定 (本级法定), 下放, 委托 and 授权.
func SourceGroup(src string) string {
	switch {
	case strings.Contains(src, "下放"):
		return "上级下放"
	case strings.Contains(src, "委托"):
		return "委托"
	case strings.Contains(src, "授权"):
		return "授权"
	case strings.Contains(src, "法定"), strings.Contains(src, "本级"):
		return "法定本级行使"
	}
	return "未注明"
}

// SourceGroups lists the groups of SourceGroup in order.
var SourceGroups = []string{"法定本级行使", "上级下放", "委托", "授权", "未注明"}

func (d *Data) powerCount(slug, name, dim string, key func(p *records.Power) string, order []string, note string) Table {
	t := Table{Topic: TopicPowers, Slug: slug, Name: name, Kind: KindHBar, LabelName: dim, Unit: "项",
		Series: []string{"事项数"}, Sources: []string{"data/powers"},
		Subtitle: "单位：项；权力清单共 " + itoa(len(d.powers)) + " 项（含子项）", Note: note}
	n := map[string]int{}
	for i := range d.powers {
		n[key(&d.powers[i])]++
	}
	seen := map[string]bool{}
	for _, k := range order {
		seen[k] = true
		if n[k] > 0 {
			t.Rows = append(t.Rows, Row{Label: k, Cells: []Cell{Num(float64(n[k]))}})
		}
	}
	var rest []Row
	for _, k := range sortedKeys(n) {
		if !seen[k] {
			rest = append(rest, Row{Label: k, Cells: []Cell{Num(float64(n[k]))}})
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Cells[0].V > rest[j].Cells[0].V })
	t.Rows = append(t.Rows, rest...)
	t.Title = topTitle(name, t.Rows, "项")
	return t
}

// PowersByCategory counts power items by 事项类型.
func (d *Data) PowersByCategory() Table {
	return d.powerCount("by-category", "权力清单事项按类型", "事项类型", func(p *records.Power) string {
		if p.Category == "" {
			return "未注明"
		}
		return p.Category
	}, records.PowerCategories, "按权力清单中的事项类型统计，每个子项计为一项。")
}

// PowersBySource counts power items by 权力来源.
func (d *Data) PowersBySource() Table {
	return d.powerCount("by-source", "权力清单事项按来源", "权力来源", func(p *records.Power) string { return SourceGroup(p.Source) },
		SourceGroups, "上级委托与同级委托合并为“委托”，上级授权与同级授权合并为“授权”；来源为空的记为“未注明”。")
}

// PowersByDomain counts power items by 所属领域.
func (d *Data) PowersByDomain() Table {
	return d.powerCount("by-domain", "权力清单事项按领域", "所属领域", func(p *records.Power) string {
		if s := strings.TrimSpace(p.Domain); s != "" {
			return s
		}
		return "未注明"
	}, nil, "按权力清单中的所属领域统计，领域多的在前；领域为空的记为“未注明”。")
}

// Usage methods: how a decision was matched to a power item.
const (
	MatchCode      = records.MatchCode
	MatchBasis     = records.MatchBasis
	MatchViolation = records.MatchViolation
)

// Use is how often a power item was used by decisions in the last 12
// months.
type Use struct {
	Power *records.Power
	// Published counts published decisions; All counts every decision
	// (unpublished ones too, withdrawn ones not).
	Published, All int
	// By counts the decisions per match method.
	By map[string]int
}

// Method says how the item's decisions were matched: "权力编码",
// "处罚依据 2、违法行为 1", or "" when none.
func (u *Use) Method() string {
	var parts []string
	n := 0
	for _, m := range []string{MatchCode, MatchBasis, MatchViolation} {
		if u.By[m] > 0 {
			n++
		}
	}
	for _, m := range []string{MatchCode, MatchBasis, MatchViolation} {
		if c := u.By[m]; c > 0 {
			if n == 1 {
				return m
			}
			parts = append(parts, m+" "+itoa(c))
		}
	}
	return strings.Join(parts, "、")
}

// match finds the power item a decision used (records.PowerMatcher).
func (d *Data) match(a *disclose.Activity) (*records.Power, string) {
	return d.matcher.Match(a.PowerCode, a.Basis, a.Violation)
}

// usageWindow is the 12 months up to the latest decision.
func (d *Data) usageWindow() (time.Time, time.Time) {
	to := d.asOf
	return to.AddDate(-1, 0, 1), to
}

// Usage counts, for each power item that can be used by a penalty decision
// (行政处罚 items, and any item a decision names), the decisions of the last
// 12 months that used it. It also returns how many decisions matched no
// item.
func (d *Data) Usage() (uses []Use, unmatched int) {
	from, to := d.usageWindow()
	idx := map[*records.Power]*Use{}
	for i := range d.powers {
		p := &d.powers[i]
		if p.Category == "行政处罚" {
			idx[p] = &Use{Power: p, By: map[string]int{}}
		}
	}
	for _, a := range d.actsBetween(from, to) {
		p, how := d.match(&a)
		if p == nil {
			unmatched++
			continue
		}
		u := idx[p]
		if u == nil {
			u = &Use{Power: p, By: map[string]int{}}
			idx[p] = u
		}
		u.All++
		u.By[how]++
		if a.Published {
			u.Published++
		}
	}
	for i := range d.powers {
		if u := idx[&d.powers[i]]; u != nil {
			uses = append(uses, *u)
		}
	}
	return uses, unmatched
}

func (d *Data) usageNote(unmatched int) string {
	from, to := d.usageWindow()
	return "统计期间为" + cnDay(from) + "至" + cnDay(to) + "（近12个月）。决定书有权力编码的按编码对应事项；没有编码的，按处罚依据（法律名称和条款都出现在事项实施依据或设定依据的同一行）对应，仍不能对应的按违法行为类型出现在事项名称中对应；多个事项相符时计入编码最小的一项。" +
		"“已公示决定数”可在本站逐件查到；“全部决定数”还包括按规定不予公示的决定（如简易程序），不包括撤回的决定。列入事项为全部行政处罚类事项，以及被决定书引用的其他类型事项。" +
		"本期有" + itoa(unmatched) + "件决定未能对应到清单事项。"
}

func powerRow(p *records.Power) Row {
	return Row{Label: p.Title(), Link: p.URL(), Attrs: []string{p.Code, SourceGroup(p.Source), orNone(p.Domain)}}
}

func orNone(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return "未注明"
	}
	return s
}

// UsageItems lists each power item with the decisions that used it in the
// last 12 months, the most used first.
func (d *Data) UsageItems() Table {
	uses, unmatched := d.Usage()
	t := Table{Topic: TopicUsage, Slug: "items", Name: "权力事项近12个月使用情况", Kind: KindTable, LabelName: "事项",
		Attrs: []string{"事项编码", "权力来源", "所属领域", "匹配方式"}, Series: []string{"已公示决定数", "全部决定数"}, Unit: "件",
		Sources: []string{"data/powers", "data/cases"}, Note: d.usageNote(unmatched)}
	d.dated(&t, dayOf(d.asOf))
	sort.SliceStable(uses, func(i, j int) bool { return uses[i].All > uses[j].All })
	used := 0
	for i := range uses {
		u := &uses[i]
		r := powerRow(u.Power)
		r.Attrs = append(r.Attrs, orDash(u.Method()))
		r.Cells = []Cell{Num(float64(u.Published)), Num(float64(u.All))}
		t.Rows = append(t.Rows, r)
		if u.All > 0 {
			used++
		}
	}
	from, to := d.usageWindow()
	t.Title = "近12个月" + itoa(len(uses)) + "项处罚类事项中，" + itoa(used) + "项有决定使用，" + itoa(len(uses)-used) + "项从未使用"
	t.Subtitle = "单位：件；" + cnDay(from) + "至" + cnDay(to) + "，按使用次数从多到少排列"
	return t
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// UsageNever lists the items no decision used in the last 12 months.
func (d *Data) UsageNever() Table {
	uses, unmatched := d.Usage()
	t := Table{Topic: TopicUsage, Slug: "never-used", Name: "近12个月从未使用的权力事项", Kind: KindTable, LabelName: "事项",
		Attrs: []string{"事项编码", "权力来源", "所属领域"}, Series: []string{"全部决定数"}, Unit: "件",
		Sources: []string{"data/powers", "data/cases"}, Note: d.usageNote(unmatched)}
	d.dated(&t, dayOf(d.asOf))
	for i := range uses {
		if uses[i].All == 0 {
			r := powerRow(uses[i].Power)
			r.Cells = []Cell{Num(0)}
			t.Rows = append(t.Rows, r)
		}
	}
	from, to := d.usageWindow()
	t.Title = itoa(len(t.Rows)) + "项处罚类权力事项近12个月从未使用"
	t.Subtitle = cnDay(from) + "至" + cnDay(to) + "，按事项编码排列"
	return t
}

// UsageBySource counts used and never-used items per 权力来源, the view a
// review of delegated powers starts from.
func (d *Data) UsageBySource() Table {
	uses, unmatched := d.Usage()
	t := Table{Topic: TopicUsage, Slug: "by-source", Name: "各来源权力事项近12个月是否使用", Kind: KindStack, LabelName: "权力来源",
		Series: []string{"有决定使用", "从未使用"}, Unit: "项", Sources: []string{"data/powers", "data/cases"}, Note: d.usageNote(unmatched)}
	d.dated(&t, dayOf(d.asOf))
	used, never := map[string]int{}, map[string]int{}
	for _, u := range uses {
		g := SourceGroup(u.Power.Source)
		if u.All > 0 {
			used[g]++
		} else {
			never[g]++
		}
	}
	for _, g := range SourceGroups {
		if used[g]+never[g] > 0 {
			t.Rows = append(t.Rows, Row{Label: g, Cells: []Cell{Num(float64(used[g])), Num(float64(never[g]))}})
		}
	}
	from, to := d.usageWindow()
	t.Title = "下放和委托事项中，" + itoa(never["上级下放"]+never["委托"]) + "项近12个月从未使用"
	t.Subtitle = "单位：项；" + cnDay(from) + "至" + cnDay(to)
	return t
}
