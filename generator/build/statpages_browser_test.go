package build_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitecheck"
	"gongshi/generator/internal/sitetest"
)

// TestChartTableSwitchAndTimeRange drives a monthly figure in headless
// Chromium: the chart | table tabs (mouse and arrow keys), the time range
// on the table and on the chart, and the permalink that restores both.
func TestChartTableSwitchAndTimeRange(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "statstown.txtar"))
	b := browsertest.New(t, dest, "/zfxxgk/qingxi/")
	page := b.Base + "/zfxxgk/qingxi/stats/service-centre/"
	const id = "service-centre-monthly-volume"
	const js = `(() => {
		const q = s => document.querySelector(s);
		const vis = e => !!e && e.getClientRects().length > 0;
		const rows = Array.from(document.querySelectorAll("#` + id + `-table tbody tr")).filter(vis);
		return {
			tablist: vis(q("#` + id + ` [role=tablist]")),
			chart: vis(q("#` + id + `-chart-panel")),
			table: vis(q("#` + id + `-table table")),
			selected: q("#` + id + `-tab-table").getAttribute("aria-selected"),
			panelRole: q("#` + id + `-table").getAttribute("role"),
			rows: rows.length,
			first: rows.length ? rows[0].getAttribute("data-month") : "",
			pressed: Array.from(document.querySelectorAll("#` + id + ` .chart-range [aria-pressed=true]")).map(e => e.textContent).join(),
			focus: document.activeElement ? document.activeElement.id : "",
			url: location.search + location.hash,
			other: vis(q("#service-centre-on-time-rate-chart-panel")) && !vis(q("#service-centre-on-time-rate-table table")),
		};
	})()`
	type state struct {
		Tablist, Chart, Table bool
		Selected, PanelRole   string
		Rows                  int
		First, Pressed, Focus string
		URL                   string
		Other                 bool
	}
	read := func(t *testing.T, actions ...chromedp.Action) state {
		t.Helper()
		var s state
		b.Run(t, append(actions, chromedp.Evaluate(js, &s))...)
		return s
	}
	ready := chromedp.Poll(`document.querySelector("#`+id+` [role=tablist]").hidden === false`, nil, chromedp.WithPollingTimeout(10*time.Second))

	b.RunPage(t, chromedp.Navigate(page), ready)
	s := read(t)
	if !s.Tablist || !s.Chart || s.Table || s.Selected != "false" || s.PanelRole != "tabpanel" || s.Pressed != "全部" {
		t.Fatalf("on load: %+v; want the chart shown, the table hidden, all months", s)
	}
	s = read(t, chromedp.Click("#"+id+"-tab-table", chromedp.ByQuery))
	if s.Chart || !s.Table || s.Selected != "true" || s.Rows != 16 || s.URL != "?view=table#"+id || !s.Other {
		t.Fatalf("after 数据表: %+v; want the whole table, this figure only, in the address", s)
	}
	s = read(t, chromedp.Click("#"+id+` .chart-range [data-months="12"]`, chromedp.ByQuery))
	if s.Rows != 12 || s.First != "2025-05" || s.Pressed != "近12个月" || s.URL != "?view=table&range=12#"+id {
		t.Fatalf("after 近12个月: %+v; want the latest 12 months", s)
	}
	s = read(t, chromedp.Focus("#"+id+"-tab-table", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowLeft))
	if !s.Chart || s.Table || s.Focus != id+"-tab-chart" || s.URL != "?range=12#"+id {
		t.Fatalf("after ←: %+v; want the chart tab focused and shown", s)
	}

	// The permalink opens the same view, and the chart draws the range.
	b.Reset()
	b.RunPage(t, chromedp.Navigate(page+"?view=table&range=12#"+id), ready)
	s = read(t)
	if !s.Table || s.Chart || s.Rows != 12 || s.Pressed != "近12个月" {
		t.Fatalf("permalink: %+v; want the table of the latest 12 months", s)
	}
	axe := func(name string) {
		t.Run(name, func(t *testing.T) {
			for _, v := range sitecheck.Axe(t, b, sitecheck.WCAG21AA) {
				t.Errorf("%s", v)
			}
		})
	}
	axe("axe-table-view")
	var months int
	b.Run(t, chromedp.Click("#"+id+"-tab-chart", chromedp.ByQuery),
		chromedp.Poll(`!!document.querySelector("#`+id+`-chart svg")`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById("`+id+`-chart")).getOption().xAxis[0].data.length`, &months))
	if months != 12 {
		t.Errorf("the chart draws %d months; want 12", months)
	}
	b.Run(t, chromedp.Click("#"+id+` .chart-range [data-months="0"]`, chromedp.ByQuery),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById("`+id+`-chart")).getOption().xAxis[0].data.length`, &months))
	if months != 16 {
		t.Errorf("全部 draws %d months; want 16", months)
	}
	axe("axe-chart-view")
	b.AssertNoExternalRequests(t)
	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}
