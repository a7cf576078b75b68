package charts

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongshi/generator/stats"
)

// Meta is what the site says about its statistics beyond the numbers: who
// publishes them, which agency each source comes from, when they are
// updated and where they are served.
type Meta struct {
	// Publisher is the site's publishing body: the author of every cite
	// line and the agency of a source Agencies does not name.
	Publisher string
	// Agencies maps a source of stats.Table.Sources to its agency: the
	// source itself ("data/cases", "便民服务中心月度统计"), its stem before
	// the last "-" ("综治中心信访统计" for "综治中心信访统计-2025"), or
	// "data/stats" for every statistics dataset.
	Agencies map[string]string
	// UpdateDay is the day of the month a topic's figures are updated, 0
	// for no date; nil means none for every topic.
	UpdateDay func(topic string) int
	// AbsURL makes a site path absolute.
	AbsURL func(path string) string
	// Now is the build date in the site's time zone.
	Now time.Time
}

// Publish completes the pages with what Meta says: each chart's agencies,
// cite line, static image and JSON naming the agencies, and each topic's
// next update date.
func Publish(pages []Page, m Meta) error {
	for i := range pages {
		p := &pages[i]
		p.UpdateDay, p.NextUpdate = m.nextUpdate(p)
		for j := range p.Charts {
			c := &p.Charts[j]
			c.Agencies = m.agencies(c.Table.Sources)
			c.Cite = m.cite(c)
			c.SVG, c.ImageHeight = drawSVG(c.Table, "引用："+c.Cite)
			if c.SVG != nil {
				c.ImageWidth = svgWidth
			}
			var err error
			if c.JSON, err = dataJSON(c.Table, c.Agencies); err != nil {
				return fmt.Errorf("chart %s: %w", c.ID, err)
			}
		}
	}
	return nil
}

// agencies names the agency of each source, in the order of the sources,
// each once; the publisher when there are no sources.
func (m Meta) agencies(sources []string) []string {
	var out []string
	for _, src := range sources {
		a := m.agency(src)
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = []string{m.Publisher}
	}
	return out
}

func (m Meta) agency(src string) string {
	if a := m.Agencies[src]; a != "" {
		return a
	}
	if i := strings.LastIndexByte(src, '-'); i > 0 {
		if a := m.Agencies[src[:i]]; a != "" {
			return a
		}
	}
	if !strings.HasPrefix(src, "data/") {
		if a := m.Agencies["data/stats"]; a != "" {
			return a
		}
	}
	return m.Publisher
}

// cite is the chart's citation: publisher, name, the agencies when they are
// others than the publisher, permalink and the date of the data.
func (m Meta) cite(c *Chart) string {
	var b strings.Builder
	b.WriteString(m.Publisher + "，《" + c.Table.Name + "》")
	if len(c.Agencies) > 1 || (len(c.Agencies) == 1 && c.Agencies[0] != m.Publisher) {
		b.WriteString("（数据来源：" + strings.Join(c.Agencies, "、") + "）")
	}
	url := c.Anchor()
	if m.AbsURL != nil {
		url = m.AbsURL(url)
	}
	b.WriteString("，" + url + "，数据截至")
	if c.Table.AsOf != "" {
		b.WriteString(c.Table.AsOfText())
	} else {
		b.WriteString(CNDate(m.Now))
	}
	b.WriteString("。")
	return b.String()
}

// nextUpdate is the topic's update day and the first such day after the
// build date; none (0 and the zero time) for a topic without a day, a page
// without dated figures, or a year that has ended more than a month ago.
func (m Meta) nextUpdate(p *Page) (int, time.Time) {
	if m.UpdateDay == nil {
		return 0, time.Time{}
	}
	day := m.UpdateDay(p.Topic.Path)
	if day == 0 {
		return 0, time.Time{}
	}
	if y, ok := strings.CutPrefix(p.Topic.Path, stats.TopicYear+"/"); ok {
		if n, err := strconv.Atoi(y); err == nil && n < m.Now.AddDate(0, -1, 0).Year() {
			return 0, time.Time{}
		}
	}
	dated := false
	for _, c := range p.Charts {
		dated = dated || c.Table.AsOf != ""
	}
	if !dated {
		return 0, time.Time{}
	}
	return day, NextDay(m.Now, day)
}

// NextDay is the first date after now's day that falls on the given day
// of a month, or on the month's last day when the month is shorter.
func NextDay(now time.Time, day int) time.Time {
	y, mo, d := now.Date()
	for off := 0; ; off++ {
		first := time.Date(y, mo+time.Month(off), 1, 0, 0, 0, 0, now.Location())
		last := first.AddDate(0, 1, -1).Day()
		c := min(day, last)
		if off > 0 || c > d {
			return first.AddDate(0, 0, c-1)
		}
	}
}

// CNDate writes a date as people read it: "2026年12月10日".
func CNDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}
