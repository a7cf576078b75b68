package stats

import (
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/config"
	"gongshi/generator/review"
)

// UseReview sets the window and bands of the usage review (site.toml
// [review]); without it the defaults apply. Call it before Review.
func (d *Data) UseReview(st config.Review) { d.reviewSet = st }

// Review is the usage review of the power list (package review).
func (d *Data) Review() *review.Review {
	d.reviewOnce.Do(func() { d.review = review.New(d.res, d.powers, d.reviewSet) })
	return d.review
}

// ReviewNote says what the review counts, over which window, and how the
// bands are drawn.
func ReviewNote(r *review.Review) string {
	st := r.Settings
	var b strings.Builder
	b.WriteString("统计期间为" + cnDays(r.From.AddDate(0, 0, 1), r.To) + "（" + months(st.WindowMonths) + "），截至最近一条记录的日期。")
	b.WriteString("计入：" + strings.Join(r.Sources, "、") + "。")
	b.WriteString("处罚决定有权力编码的按编码对应事项；没有编码的，按处罚依据（法律名称和条款都出现在事项实施依据或设定依据的同一行）对应，仍不能对应的按违法行为类型出现在事项名称中对应，“匹配方式”一栏注明；撤回的决定不计，按规定不予公示的决定计入。")
	b.WriteString("其他记录按所填权力编码对应。")
	if r.ServiceRows {
		b.WriteString("政务服务按与权力事项编码或名称相同的服务事项，计入便民服务中心月度统计中该事项的办结数。")
	} else {
		b.WriteString("便民服务中心的月度统计未按事项列出，政务服务事项的办件量未计入。")
	}
	b.WriteString("使用" + strconv.Itoa(st.Most) + "次及以上为“最多”，" + strconv.Itoa(st.More) + "至" + strconv.Itoa(st.Most-1) + "次为“较多”，1至" + strconv.Itoa(st.More-1) + "次为“很少”，期间内没有使用记录为“未行使”。")
	b.WriteString("本期有" + strconv.Itoa(r.Unmatched) + "件处罚决定未能对应到清单事项。")
	return b.String()
}

func months(n int) string {
	if n%12 == 0 {
		return "近" + strconv.Itoa(n/12) + "年"
	}
	return "近" + strconv.Itoa(n) + "个月"
}

// UsageReview lists every item of the power list with its uses in the
// review's window, per source, and its band; the most used first.
func (d *Data) UsageReview() Table {
	r := d.Review()
	t := Table{Topic: TopicUsage, Slug: "review", Name: "权力事项行权评估", Kind: KindTable, LabelName: "事项",
		Attrs: []string{"事项编码", "事项类型", "权力来源", "使用程度", "匹配方式", "状态"}, Unit: "次",
		Series: append([]string{"合计"}, r.Sources...), Note: ReviewNote(r)}
	t.Sources = []string{"data/powers", "data/cases"}
	for _, k := range d.kinds {
		for _, s := range r.Sources {
			if s == k.Nav || s == k.Title {
				t.Sources = append(t.Sources, "data/"+k.Name)
			}
		}
	}
	if r.ServiceRows {
		t.Sources = append(t.Sources, "data/services", "data/stats")
	}
	d.dated(&t, dayOf(r.To))
	order := make([]int, len(r.Uses))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return r.Uses[order[i]].Count > r.Uses[order[j]].Count })
	for _, i := range order {
		u := &r.Uses[i]
		row := powerRow(u.Power)
		status := "在用"
		if u.Ended != nil {
			status = "已" + u.Ended.Type
			if !u.Ended.Date.IsZero() {
				status += "（" + dayOf(u.Ended.Date) + "）"
			}
		}
		row.Attrs = []string{u.Power.Code, orNone(u.Power.Category), SourceGroup(u.Power.Source), u.Band, orDash(u.Method()), status}
		row.Cells = []Cell{Num(float64(u.Count))}
		for _, s := range r.Sources {
			row.Cells = append(row.Cells, Num(float64(u.By[s])))
		}
		t.Rows = append(t.Rows, row)
	}
	n := r.Counts()
	t.Title = months(r.Settings.WindowMonths) + strconv.Itoa(len(r.Uses)) + "项权力事项中，使用最多" + strconv.Itoa(n[0]) + "项、较多" + strconv.Itoa(n[1]) + "项、很少" + strconv.Itoa(n[2]) + "项，未行使" + strconv.Itoa(n[3]) + "项"
	t.Subtitle = "单位：次；" + cnDays(r.From.AddDate(0, 0, 1), r.To) + "，按使用次数从多到少排列"
	return t
}
