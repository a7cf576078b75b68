// Package review counts how often each item of the power list was used in
// a window of months (default three years): penalty decisions (matched by
// 权力编码, else by legal basis, else by violation type, and the method
// kept), the records of every declared kind that names a power code
// (licences, inspections, coercive measures), and the service centre's
// monthly rows of a service item that is the same 事项 as the power. Each
// item falls into a band, 最多, 较多, 很少 or 未行使, by thresholds set in
// site.toml ([review]). The site shows the review on /powers/review/ and on
// each power's page; statistics publish it as a table with its CSV and
// JSON. It does no I/O.
package review

import (
	"strconv"
	"strings"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

// Bands of use, most used first.
const (
	BandMost  = "最多"
	BandMore  = "较多"
	BandFew   = "很少"
	BandNever = "未行使"
)

// Bands lists the bands in order.
var Bands = []string{BandMost, BandMore, BandFew, BandNever}

// Penalties and Services name the sources that are not declared kinds.
const (
	Penalties = "行政处罚"
	Services  = "政务服务"
)

// Use is one power item's use in the window.
type Use struct {
	Power *records.Power
	// Count is every use in the window, of every source.
	Count int
	// By counts the uses per source: Penalties, a declared kind's Nav (or
	// Title), Services.
	By map[string]int
	// Methods counts the penalty decisions per match method
	// (records.MatchMethods).
	Methods map[string]int
	// Service is the service item that is the same 事项, nil for none;
	// ServiceBy says how they were matched ("事项编码" or "事项名称").
	Service   *records.Service
	ServiceBy string
	// Band is one of Bands.
	Band string
	// Ended is the change that ended the town's exercise of the item, nil
	// while it is exercised.
	Ended *records.PowerChange
}

// Method says how the item's penalty decisions were matched: one method
// alone ("权力编码"), several with their counts ("权力编码 2、处罚依据 1"),
// or "" for none.
func (u *Use) Method() string {
	var parts []string
	n := 0
	for _, m := range records.MatchMethods {
		if u.Methods[m] > 0 {
			n++
		}
	}
	for _, m := range records.MatchMethods {
		if c := u.Methods[m]; c > 0 {
			if n == 1 {
				return m
			}
			parts = append(parts, m+" "+strconv.Itoa(c))
		}
	}
	return strings.Join(parts, "、")
}

// Review is the usage review of the power list.
type Review struct {
	Settings config.Review
	// From and To bound the window: a record dated after From and on or
	// before To counts. To is the latest record's date (the build date
	// when there is none, or when that is later).
	From, To time.Time
	// Uses are the list's items in code order, one per page (power ID).
	Uses []Use
	// Sources are the sources counted, in order: Penalties, the declared
	// kinds naming a power code, Services when a service item matches.
	Sources []string
	// Unmatched counts the penalty decisions no item matched.
	Unmatched int
	// ServiceRows is whether the service centre's rows count per item: true
	// when a statistics row names a matched service item.
	ServiceRows bool

	byID map[string]int
}

// Of returns the use of the power item with the ID, or nil.
func (r *Review) Of(id string) *Use {
	if i, ok := r.byID[id]; ok {
		return &r.Uses[i]
	}
	return nil
}

// Counts returns how many items fall in each band, in the order of Bands.
func (r *Review) Counts() []int {
	out := make([]int, len(Bands))
	for i := range r.Uses {
		for b, name := range Bands {
			if r.Uses[i].Band == name {
				out[b]++
			}
		}
	}
	return out
}

// BandOf returns the band of n uses.
func BandOf(n int, st config.Review) string {
	switch {
	case n <= 0:
		return BandNever
	case n >= st.Most:
		return BandMost
	case n >= st.More:
		return BandMore
	}
	return BandFew
}

// New reviews the power list of a publishable result. powers are the
// list's items in the order pages show them (by code); a setting left at
// zero takes its default.
func New(res *disclose.Result, powers []records.Power, st config.Review) *Review {
	d := config.Default().Review
	if st.WindowMonths <= 0 {
		st.WindowMonths = d.WindowMonths
	}
	if st.Most <= 0 || st.More <= 0 {
		st.Most, st.More = d.Most, d.More
	}
	r := &Review{Settings: st, byID: map[string]int{}}
	hist := records.Histories(res.PowerChanges, res.BuildDate)
	for i := range powers {
		p := &powers[i]
		if _, dup := r.byID[p.ID()]; dup {
			continue
		}
		u := Use{Power: p, By: map[string]int{}, Methods: map[string]int{}}
		if h := hist[p.ID()]; h != nil {
			u.Ended = h.Ended
		}
		r.byID[p.ID()] = len(r.Uses)
		r.Uses = append(r.Uses, u)
	}
	m := records.NewPowerMatcher(powers)
	r.window(res)
	in := func(t time.Time) bool { return t.After(r.From) && !t.After(r.To) }
	use := func(p *records.Power, src string) *Use {
		u := r.Of(p.ID())
		if u != nil {
			u.Count++
			u.By[src]++
		}
		return u
	}
	r.Sources = append(r.Sources, Penalties)
	for i := range res.Activity {
		a := &res.Activity[i]
		if a.Withdrawn || !in(a.Date) {
			continue
		}
		p, how := m.Match(a.PowerCode, a.Basis, a.Violation)
		if p == nil {
			r.Unmatched++
			continue
		}
		if u := use(p, Penalties); u != nil {
			u.Methods[how]++
		}
	}
	for _, k := range res.Kinds {
		pc := k.FieldOf(records.RolePowerCode)
		if pc < 0 {
			continue
		}
		src := k.Nav
		if src == "" {
			src = k.Title
		}
		r.Sources = append(r.Sources, src)
		for i := range res.Items[k.Name] {
			it := &res.Items[k.Name][i]
			if !in(it.Date) {
				continue
			}
			if p := m.ByCode(it.Values[pc]); p != nil {
				use(p, src)
			}
		}
	}
	r.services(res)
	for i := range r.Uses {
		r.Uses[i].Band = BandOf(r.Uses[i].Count, st)
	}
	return r
}

// window sets From and To: To is the latest dated record, the build date
// when there is none or it is later.
func (r *Review) window(res *disclose.Result) {
	var to time.Time
	for i := range res.Activity {
		if a := &res.Activity[i]; !a.Withdrawn && a.Date.After(to) {
			to = a.Date
		}
	}
	for _, k := range res.Kinds {
		if k.FieldOf(records.RolePowerCode) < 0 {
			continue
		}
		for i := range res.Items[k.Name] {
			if d := res.Items[k.Name][i].Date; d.After(to) {
				to = d
			}
		}
	}
	build := res.BuildDate
	if !build.IsZero() {
		build = time.Date(build.Year(), build.Month(), build.Day(), 0, 0, 0, 0, to.Location())
	}
	if to.IsZero() || to.After(build) && !build.IsZero() {
		to = build
	}
	r.To = to
	r.From = to.AddDate(0, -r.Settings.WindowMonths, 0)
}

// Completed names the indicators of a service row counted as uses.
var Completed = []string{"办结数", "办结", "办结件数", "办件办结数", "办结量"}

// services links each power to the service item that is the same 事项
// (same 事项编码, else same name) and counts the service centre's monthly
// rows whose 类别 or 窗口 is that service item's name (or the power's), by
// their 办结数, in the window's months.
func (r *Review) services(res *disclose.Result) {
	byCode, byName := map[string]*records.Service{}, map[string]*records.Service{}
	for i := range res.Services {
		sv := &res.Services[i]
		if c := strings.ToUpper(strings.TrimSpace(sv.Code)); c != "" && byCode[c] == nil {
			byCode[c] = sv
		}
		if n := strings.TrimSpace(sv.Name); n != "" && byName[n] == nil {
			byName[n] = sv
		}
	}
	names := map[string]*Use{}
	for i := range r.Uses {
		u := &r.Uses[i]
		p := u.Power
		if sv := byCode[strings.ToUpper(strings.TrimSpace(p.Code))]; sv != nil {
			u.Service, u.ServiceBy = sv, "事项编码"
		} else if sv := byName[strings.TrimSpace(p.Title())]; sv != nil {
			u.Service, u.ServiceBy = sv, "事项名称"
		} else if sv := byName[strings.TrimSpace(p.Name)]; sv != nil && p.SubName == "" {
			u.Service, u.ServiceBy = sv, "事项名称"
		}
		if u.Service != nil {
			names[u.Service.Name] = u
			if names[p.Title()] == nil {
				names[p.Title()] = u
			}
		}
	}
	if len(names) == 0 {
		return
	}
	from, to := r.From.Format("2006-01"), r.To.Format("2006-01")
	done := map[string]bool{}
	for _, n := range Completed {
		done[n] = true
	}
	for _, row := range res.Stats {
		if !done[row.Indicator] || row.Month <= from || row.Month > to {
			continue
		}
		u := names[strings.TrimSpace(row.Category)]
		if u == nil {
			u = names[strings.TrimSpace(row.Window)]
		}
		if u == nil || row.Value <= 0 {
			continue
		}
		n := int(row.Value)
		u.Count += n
		u.By[Services] += n
		r.ServiceRows = true
	}
	if r.ServiceRows {
		r.Sources = append(r.Sources, Services)
	}
}

// Note says what the review counts, over which window, and how the
// bands are drawn.
func (r *Review) Note() string {
	st := r.Settings
	var b strings.Builder
	b.WriteString("统计期间为" + r.Period() + "（" + Months(st.WindowMonths) + "），截至最近一条记录的日期。")
	b.WriteString("计入：" + strings.Join(r.Sources, "、") + "。")
	b.WriteString("处罚决定有权力编码的按编码对应事项；没有编码的，按处罚依据（法律名称和条款都出现在事项实施依据或设定依据的同一行）对应，仍不能对应的按违法行为类型出现在事项名称中对应，“匹配方式”一栏注明；撤回的决定不计，按规定不予公示的决定计入。")
	b.WriteString("其他记录按所填权力编码对应。")
	if r.ServiceRows {
		b.WriteString("政务服务按与权力事项编码或名称相同的服务事项，计入便民服务中心月度统计中该事项的办结数。")
	} else {
		b.WriteString("便民服务中心的月度统计未按事项列出，政务服务事项的办件量未计入。")
	}
	b.WriteString("使用" + strconv.Itoa(st.Most) + "次及以上为“最多”，" + span(st.More, st.Most-1) + "为“较多”，" + span(1, st.More-1) + "为“很少”，期间内没有使用记录为“未行使”。")
	b.WriteString("本期有" + strconv.Itoa(r.Unmatched) + "件处罚决定未能对应到清单事项。")
	return b.String()
}

// Period writes the window's days in Chinese ("2023年11月2日至2026年11月1日").
func (r *Review) Period() string { return cnDays(r.From.AddDate(0, 0, 1), r.To) }

// Months names a window of n months as pages say it: "近3年", "近18个月".
func Months(n int) string {
	if n%12 == 0 {
		return "近" + strconv.Itoa(n/12) + "年"
	}
	return "近" + strconv.Itoa(n) + "个月"
}

func cnDay(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// cnDays writes the days from..to, the year written once when both are in
// it ("2026年1月1日至10月30日").
func cnDays(from, to time.Time) string {
	if from.Year() == to.Year() {
		return cnDay(from) + "至" + strconv.Itoa(int(to.Month())) + "月" + strconv.Itoa(to.Day()) + "日"
	}
	return cnDay(from) + "至" + cnDay(to)
}

// span writes a range of counts: "5至19次", or "2次" when it is one.
func span(lo, hi int) string {
	if lo == hi {
		return strconv.Itoa(lo) + "次"
	}
	return strconv.Itoa(lo) + "至" + strconv.Itoa(hi) + "次"
}
