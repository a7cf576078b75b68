package stats

import (
	"slices"
	"strings"

	"gongshi/generator/diag"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// Set describes a statistics table that site.toml names
// ([stats."DATASET"]).
type Set struct {
	// Dataset is the table's name: its file's base name (records.StatRow).
	Dataset string
	// Title is the heading of the table's own topic page.
	Title string
	// Topic is the page path below /stats/: a built-in topic
	// (TopicService, TopicPetitions, TopicEnforcement) whose page shows the
	// table's other indicators, or a topic of the table's own. Empty means
	// the built-in topic the table's indicators belong to.
	Topic string
	// Unit is the unit of the table's figures.
	Unit string
}

// TopicOwn marks the catalogue entries built once per topic of a town's
// own tables; it is never a page path (topics are lower-case slugs).
const TopicOwn = "*"

// builtinTopics are the topics whose pages show the other indicators of
// their tables, the indicators no built-in figure uses.
var builtinTopics = []string{TopicService, TopicPetitions, TopicEnforcement}

// ownTopic is a page of a town's own tables.
type ownTopic struct {
	Topic
	unit string
	sets []string
}

// other is an indicator no built-in figure uses, shown in its topic's
// tables under its own name.
type other struct {
	key, name, dataset string
	rate               bool
}

// unshown is an indicator that reaches no page, with where it first
// appears; computed marks a rate the site computes from sums itself.
type unshown struct {
	pos            diag.Pos
	dataset, name  string
	computed, rate bool
}

// computedRates are exported rates that the built-in figures compute from
// the sums: the exported column is not shown, and check says why.
var computedRates = []string{"按时办结率", "按期办结率", "好评率", "满意率", "差评率", "办结率", "化解率", "信访办结率", "矛盾纠纷化解率"}

// topicOfInd is the built-in topic a canonical indicator belongs to.
func topicOfInd(ind string) string {
	switch {
	case slices.Contains(serviceInds, ind), slices.Contains(ratingInds, ind):
		return TopicService
	case slices.Contains(petitionInds, ind):
		return TopicPetitions
	}
	return TopicEnforcement // IndFineCollect, IndLicences
}

// isRate reports whether an indicator name is a rate, which is never
// summed.
func isRate(name string) bool {
	n := strings.TrimSpace(name)
	return strings.HasSuffix(n, "率") || strings.Contains(n, "%") || strings.Contains(n, "％") || strings.Contains(n, "(%)")
}

type canon struct {
	ind  string
	mult float64
	ok   bool
}

// indexStats sorts the statistics rows into the canonical figures of the
// built-in topics and the other indicators of each topic, and notes the
// indicators that reach no page.
func (d *Data) indexStats(rows []records.StatRow, sets []Set) {
	d.others = map[string][]other{}
	setOf := map[string]Set{}
	for _, s := range sets {
		setOf[s.Dataset] = s
	}
	own := func(ds string) bool {
		s, ok := setOf[ds]
		return ok && s.Topic != "" && !slices.Contains(builtinTopics, s.Topic)
	}
	// Indicator names repeat on every row: each is matched once (see
	// BenchmarkNewStats50k below).
	names := map[string]canon{}
	canonOf := func(raw string) canon {
		c, ok := names[raw]
		if !ok {
			c.ind, c.mult, c.ok = canonical(raw)
			names[raw] = c
		}
		return c
	}
	// The built-in topic of each table: of its canonical indicators, the
	// one whose topic comes first in builtinTopics; site.toml's topic wins.
	topicOf := map[string]string{}
	for i := range rows {
		r := &rows[i]
		if own(r.Dataset) {
			continue
		}
		if c := canonOf(r.Indicator); c.ok {
			t := topicOfInd(c.ind)
			if cur, ok := topicOf[r.Dataset]; !ok || slices.Index(builtinTopics, t) < slices.Index(builtinTopics, cur) {
				topicOf[r.Dataset] = t
			}
		}
	}
	for ds, s := range setOf {
		if s.Topic != "" {
			topicOf[ds] = s.Topic
		}
	}
	d.facts = make([]fact, 0, len(rows)) // one fact per row at most
	// Categories, windows and indicators repeat on every row: each is
	// worked out once. BenchmarkNewStats50k: 137 ms and 37 MB a run working
	// them out per row, 37 ms and 4.4 MB with these maps.
	totals := map[string]bool{}
	isTot := func(s string) bool {
		t, ok := totals[s]
		if !ok {
			t = isTotal(s)
			totals[s] = t
		}
		return t
	}
	type otherKey struct{ dataset, indicator string }
	type otherInfo struct {
		key             string
		shown, computed bool
	}
	infos := map[otherKey]otherInfo{}
	for i := range rows {
		r := &rows[i]
		if isTot(r.Category) || isTot(r.Window) {
			continue
		}
		cat, win := strings.TrimSpace(r.Category), strings.TrimSpace(r.Window)
		if c := canonOf(r.Indicator); c.ok && !own(r.Dataset) {
			d.addFact(fact{ind: c.ind, month: r.Month, cat: cat, win: win, dataset: r.Dataset, v: r.Value * c.mult})
			continue
		}
		info, ok := infos[otherKey{r.Dataset, r.Indicator}]
		if !ok {
			name := strings.TrimSpace(r.Indicator)
			topic, shown := topicOf[r.Dataset]
			computed := !own(r.Dataset) && slices.Contains(computedRates, matchName(name))
			info = otherInfo{key: r.Dataset + "\x1f" + name, shown: shown && !computed}
			infos[otherKey{r.Dataset, r.Indicator}] = info
			if !info.shown {
				d.unshown = append(d.unshown, unshown{pos: r.Pos, dataset: r.Dataset, name: name, computed: computed && shown})
			} else if !slices.ContainsFunc(d.others[topic], func(o other) bool { return o.key == info.key }) {
				d.others[topic] = append(d.others[topic], other{key: info.key, name: name, dataset: r.Dataset, rate: isRate(name)})
			}
		}
		if info.shown {
			d.addFact(fact{ind: info.key, month: r.Month, cat: cat, win: win, dataset: r.Dataset, v: r.Value})
		}
	}
	// Own topics, by path; a topic's title and unit are those of its first
	// table by name.
	byTopic := map[string]*ownTopic{}
	for _, ds := range sortedKeys(setOf) {
		s := setOf[ds]
		if !own(ds) || len(d.others[s.Topic]) == 0 {
			continue
		}
		t := byTopic[s.Topic]
		if t == nil {
			t = &ownTopic{Topic: Topic{Path: s.Topic, Title: s.Title}, unit: s.Unit}
			byTopic[s.Topic] = t
		} else if t.unit != s.Unit {
			t.unit = ""
		}
		t.sets = append(t.sets, ds)
	}
	for _, p := range sortedKeys(byTopic) {
		t := byTopic[p]
		var names []string
		for _, o := range d.others[p] {
			names = append(names, o.name)
		}
		t.Intro = "数据来自 data/stats 中的" + strings.Join(t.sets, "、") + "统计表：" + strings.Join(names, "、") + "，按月统计，以及各年合计、本年累计和同比。"
		d.own = append(d.own, *t)
	}
}

// ingest0 is a name as the built-in indicators are matched: normalised,
// without a unit suffix.
func matchName(name string) string {
	n := value.NormalizeHeader(name)
	if m := unitSuffix.FindStringSubmatch(n); m != nil {
		n = strings.TrimSuffix(n, m[0])
	}
	return n
}

// OwnTopics lists the pages of a town's own tables, by path.
func (d *Data) OwnTopics() []Topic {
	out := make([]Topic, len(d.own))
	for i, t := range d.own {
		out[i] = t.Topic
	}
	return out
}

// HasOthers reports whether topic has indicators no built-in figure uses.
func (d *Data) HasOthers(topic string) bool { return len(d.others[topic]) > 0 }

// Unshown lists, for gongshi check, the indicators of data/stats that reach
// no page: a warning for each indicator of a table no topic takes (with
// the site.toml lines that would give it a page), a note for each exported
// rate that the pages compute from the sums.
func (d *Data) Unshown() diag.List {
	var dl diag.List
	for _, u := range d.unshown {
		if u.computed {
			dl.Infof(u.pos, "stats-rate", "指标 %q of table %s is not shown as exported: the statistics pages compute the rate from the summed counts", u.name, u.dataset)
			continue
		}
		dl.Warnf(u.pos, "stats-unshown", "指标 %q of table %s reaches no statistics page (only /data/stats.csv); give the table a page in site.toml: [stats.%q] title = \"…\", topic = \"…\"", u.name, u.dataset, u.dataset)
	}
	return dl
}

// otherMeasures are the measures of topic's other indicators. A rate is
// shown for a month with exactly one row of it and never summed; where
// two tables of the topic name an indicator alike, the table is named.
func (d *Data) otherMeasures(topic string) ([]measure, []string) {
	os := d.others[topic]
	count := map[string]int{}
	for _, o := range os {
		count[o.name]++
	}
	var ms []measure
	var keys []string
	for _, o := range os {
		name := o.name
		if count[name] > 1 {
			name += "（" + o.dataset + "）"
		}
		m := measure{name: name, val: d.count(o.key)}
		if o.rate {
			m.rate, m.val = true, d.single(o.key)
		}
		ms = append(ms, m)
		keys = append(keys, o.key)
	}
	return ms, keys
}

// single is the value of ind when the kept rows hold exactly one row of
// it, else blank: a rate as exported, which adding would falsify.
func (d *Data) single(ind string) func(func(*fact) bool) Cell {
	return func(keep func(*fact) bool) Cell {
		n, v := 0, 0.0
		for i := range d.facts {
			if f := &d.facts[i]; f.ind == ind && keep(f) {
				n++
				v = f.v
			}
		}
		if n != 1 {
			return Gap
		}
		return Num(v)
	}
}

func (d *Data) ownUnit(topic string) string {
	for _, t := range d.own {
		if t.Path == topic {
			return t.unit
		}
	}
	return ""
}

const otherNote = "各指标为各月数据行之和（按类别、窗口逐行相加，不取合计行）；名称以“率”结尾或带%的比率类指标按导出原值列出，只在当月恰有一行时显示，不累加。"

// OthersMonthly lists topic's other indicators per month: on a built-in
// topic, the indicators its charts do not use; on a town's own topic, all
// of its tables' indicators.
func (d *Data) OthersMonthly(topic string) Table {
	ms, keys := d.otherMeasures(topic)
	span := d.monthSpan(keys...)
	t := Table{Topic: topic, Slug: "other-indicators", Name: "其他指标每月数据", Kind: KindTable, LabelName: "月份", Unit: d.ownUnit(topic),
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, keys), Sources: d.datasets(keys...),
		Note: otherNote + gapNote}
	d.dated(&t, d.lastMonth(keys...))
	t.Title = t.Name
	if len(span) > 0 {
		last := span[len(span)-1]
		t.Subtitle = unitText(t.Unit) + "按月统计，" + cnPeriod(span[0], last)
		r := t.Rows[len(t.Rows)-1]
		var parts []string
		for i, c := range r.Cells[:min(3, len(r.Cells))] {
			parts = append(parts, ms[i].name+fmtCell(c))
		}
		t.Title = cnMonth(last) + "：" + strings.Join(parts, "，")
	}
	if !slices.Contains(builtinTopics, topic) {
		t.Slug = "monthly"
		t.Kind = KindTable
		if len(ms) <= maxLines && !anyRate(ms) {
			t.Kind = KindLine
		}
	}
	return t
}

// maxLines bounds how many series a drawn line chart of a town's own
// indicators holds (one line style and symbol each); more are shown as a
// table only.
const maxLines = 6

func anyRate(ms []measure) bool {
	for _, m := range ms {
		if m.rate {
			return true
		}
	}
	return false
}

func unitText(u string) string {
	if u == "" {
		return ""
	}
	return "单位：" + u + "；"
}

// OthersYears gives each of topic's other indicators per year: the sum of
// the months of the year that have data, the current year to its last
// month of data.
func (d *Data) OthersYears(topic string) Table {
	ms, keys := d.otherMeasures(topic)
	t := Table{Topic: topic, Slug: "other-indicators-years", Name: "其他指标各年合计", Kind: KindTable, LabelName: "指标", Unit: d.ownUnit(topic),
		Sources: d.datasets(keys...),
		Note:    "各年合计为该年各月数据行之和；数据不满全年的，列名写明有数据的月份范围；比率类指标不累加，记“—”。" + gapNote}
	if !slices.Contains(builtinTopics, topic) {
		t.Slug = "year-totals"
	}
	last := d.lastMonth(keys...)
	d.dated(&t, last)
	t.Title = t.Name
	span := d.monthSpan(keys...)
	if len(span) == 0 {
		return t
	}
	type col struct{ from, to string }
	var cols []col
	for _, m := range span {
		if !d.hasMonth(m, keys...) {
			continue // a column names the months with data only
		}
		if len(cols) == 0 || cols[len(cols)-1].from[:4] != m[:4] {
			cols = append(cols, col{m, m})
		}
		cols[len(cols)-1].to = m
	}
	for _, c := range cols {
		name := c.from[:4] + "年"
		if c.from[5:] != "01" || c.to[5:] != "12" {
			name = cnPeriod(c.from, c.to)
		}
		t.Series = append(t.Series, name)
	}
	for _, m := range ms {
		r := Row{Label: m.name}
		for _, c := range cols {
			if m.rate {
				r.Cells = append(r.Cells, Gap)
				continue
			}
			r.Cells = append(r.Cells, m.val(inRange(c.from, c.to)))
		}
		t.Rows = append(t.Rows, r)
	}
	t.Subtitle = unitText(t.Unit) + cnPeriod(span[0], last) + "，按年合计"
	return t
}

// OthersYTD compares the year to date of topic's indicators with the same
// months a year earlier.
func (d *Data) OthersYTD(topic string) Table {
	ms, keys := d.otherMeasures(topic)
	t := d.ytdTable(topic, "year-to-date", "本年累计与上年同期比较", ms, keys)
	t.Unit = d.ownUnit(topic)
	t.Note += "比率类指标不累加，记“—”。"
	return t
}

// OthersLatest compares the latest month of topic's indicators with the
// month before and the same month a year earlier.
func (d *Data) OthersLatest(topic string) Table {
	ms, keys := d.otherMeasures(topic)
	t := d.latestTable(topic, "latest-month", "本月环比与同比", ms, keys)
	t.Unit = d.ownUnit(topic)
	return t
}
