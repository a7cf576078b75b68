package stats

import (
	"sort"
	"strconv"

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

// UsageReview lists every item of the power list with its uses in the
// review's window, per source, and its band; the most used first.
func (d *Data) UsageReview() Table {
	r := d.Review()
	t := Table{Topic: TopicUsage, Slug: "review", Name: "权力事项行权评估", Kind: KindTable, LabelName: "事项",
		Attrs: []string{"事项编码", "事项类型", "权力来源", "使用程度", "匹配方式", "状态"}, Unit: "次",
		Series: append([]string{"合计"}, r.Sources...), Note: r.Note()}
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
	t.Title = review.Months(r.Settings.WindowMonths) + strconv.Itoa(len(r.Uses)) + "项权力事项中，使用最多" + strconv.Itoa(n[0]) + "项、较多" + strconv.Itoa(n[1]) + "项、很少" + strconv.Itoa(n[2]) + "项，未行使" + strconv.Itoa(n[3]) + "项"
	t.Subtitle = "单位：次；" + r.Period() + "，按使用次数从多到少排列"
	return t
}
