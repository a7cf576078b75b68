package site_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitetest"
)

const prefix = "/zfxxgk/qingxi/"

// tableTown is a town with 130 published decisions from September 2025
// to May 2026, over four violation types, two authorities and three sets of
// categories; one party's name starts with "+" (a formula to a
// spreadsheet) and one holds markup.
func tableTown() string {
	var b strings.Builder
	b.WriteString(`-- site.toml --
title = "青溪镇政务公开"
town = "青溪镇"
base_url = "https://www.example.gov.cn/zfxxgk/qingxi/"
[publisher]
sponsor = "青溪镇人民政府"
site_code = "3300000000"
-- data/cases/行政处罚.csv --
行政相对人名称,行政相对人类别,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,处罚有效期,处罚机关,处罚机关统一社会信用代码,数据来源单位,数据来源单位统一社会信用代码
`)
	vios := []string{"占道经营", "超标排放油烟", "露天焚烧秸秆", "无证运输建筑垃圾"}
	auths := []string{"青溪镇人民政府", "青溪镇综合行政执法队"}
	last := time.Date(2026, 5, 28, 0, 0, 0, 0, time.UTC)
	for i := range 130 {
		d := last.AddDate(0, 0, -2*i)
		party := fmt.Sprintf("青溪镇测试%03d商贸有限公司", i)
		switch i {
		case 4:
			party = "+青溪镇加号商贸有限公司"
		case 5:
			party = "<b>青溪镇粗体</b>商行"
		}
		cats, fine, content := "罚款", fmt.Sprintf("%g", float64((i*37%50+1)*100)/10000), "罚款"
		switch {
		case i%7 == 0:
			cats, content = "没收违法所得;罚款", "没收违法所得并罚款"
		case i%3 == 0:
			cats, content = "警告;罚款", "警告并罚款"
		}
		fmt.Fprintf(&b, "%s,法人及非法人组织,青溪综执罚〔%d〕%d号,%s,%s,《条例》第一条,%s,%s,%s,%s,2099/12/31,%s,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y\n",
			party, d.Year(), 200-i, vios[i%len(vios)], vios[i%len(vios)], cats, content, fine, d.Format("2006/01/02"), auths[i%len(auths)])
	}
	return b.String()
}

// waitView waits until the table shows the view of the current URL.
var waitView = chromedp.Poll(`(function(){var f=document.getElementById("table-form");return f.dataset.state==="ready"&&f.dataset.view===location.search})()`,
	nil, chromedp.WithPollingTimeout(10*time.Second))

// tableRows reads the shown rows, one string per row, cells joined by "|".
func tableRows(rows *[]string) chromedp.Action {
	return chromedp.Evaluate(`Array.from(document.querySelectorAll("#case-table tbody tr")).map(tr => Array.from(tr.cells).map(td => td.textContent).join("|"))`, rows)
}

// captureDownloads keeps every Blob the page makes a URL for in
// window.testBlobs.
var captureDownloads = chromedp.Evaluate(`window.testBlobs = []; (function(){var o = URL.createObjectURL; URL.createObjectURL = function(b){ window.testBlobs.push(b); return o.call(URL, b); };})(); true`, nil)

func blobText(s *string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Poll(`window.testBlobs.length > 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		// Decoded keeping a byte-order mark, which Blob.text drops.
		chromedp.Evaluate(`window.testBlobs[window.testBlobs.length-1].arrayBuffer().then(b => new TextDecoder("utf-8", {ignoreBOM: true}).decode(b))`, s, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	}
}

func TestTableInBrowser(t *testing.T) {
	dest, sum := sitetest.Build(t, tableTown())
	if n := len(sum.Result.Cases); n != 130 {
		t.Fatalf("%d published decisions, want 130", n)
	}
	months, _ := filepath.Glob(filepath.Join(dest, "cases", "table", "20*.json"))
	b := browsertest.New(t, dest, prefix)
	page := b.Base + prefix + "cases/table/"
	var rows, rows2 []string
	var loc, status string

	t.Run("default view reads only the newest months", func(t *testing.T) {
		b.Reset()
		b.RunPage(t, chromedp.Navigate(page), waitView, tableRows(&rows), chromedp.Text("#table-status", &status, chromedp.ByID))
		if len(rows) != 50 || !strings.Contains(rows[0], "2026-05-28") || !strings.Contains(status, "共 130 条") {
			t.Errorf("%d rows, first %q, status %q", len(rows), rows[0], status)
		}
		var fetched int
		for _, u := range b.Requests() {
			if strings.Contains(u, "/cases/table/20") {
				fetched++
			}
		}
		if fetched == 0 || fetched >= len(months) {
			t.Errorf("fetched %d of %d month files for the newest 50 decisions", fetched, len(months))
		}
	})
	t.Run("filter, URL, reload, same view", func(t *testing.T) {
		var year, auth string
		b.RunPage(t, chromedp.Navigate(page), waitView,
			chromedp.SetValue("#f-year", "2025", chromedp.ByID),
			chromedp.Evaluate(`document.getElementById("f-year").dispatchEvent(new Event("change", {bubbles: true})); true`, nil),
			chromedp.Poll(`location.search.includes("year=2025")`, nil), waitView,
			chromedp.SetValue("#f-auth", "青溪镇综合行政执法队", chromedp.ByID),
			chromedp.Evaluate(`document.getElementById("f-auth").dispatchEvent(new Event("change", {bubbles: true})); true`, nil),
			chromedp.Poll(`location.search.includes("auth=")`, nil), waitView,
			tableRows(&rows), chromedp.Evaluate(`location.search`, &loc))
		q, _ := url.ParseQuery(strings.TrimPrefix(loc, "?"))
		if q.Get("year") != "2025" || q.Get("auth") != "青溪镇综合行政执法队" {
			t.Fatalf("URL query %q", loc)
		}
		if len(rows) == 0 {
			t.Fatal("no rows")
		}
		for _, r := range rows {
			if !strings.Contains(r, "|青溪镇综合行政执法队|2025-") {
				t.Errorf("row outside the filter: %s", r)
			}
		}
		b.RunPage(t, chromedp.Navigate(page+loc), waitView, tableRows(&rows2),
			chromedp.Value("#f-year", &year, chromedp.ByID), chromedp.Value("#f-auth", &auth, chromedp.ByID))
		if !slices.Equal(rows, rows2) || year != "2025" || auth != "青溪镇综合行政执法队" {
			t.Errorf("after reload: %d rows (before %d), form year %q authority %q", len(rows2), len(rows), year, auth)
		}
		// Back leaves the authority filter.
		b.Run(t, chromedp.NavigateBack(), chromedp.Poll(`!location.search.includes("auth=")`, nil), waitView, tableRows(&rows2))
		if len(rows2) <= len(rows) {
			t.Errorf("after back: %d rows, filtered %d", len(rows2), len(rows))
		}
	})
	t.Run("sort by fine", func(t *testing.T) {
		var fines []float64
		var sorted string
		b.RunPage(t, chromedp.Navigate(page+"?cat=罚款"), waitView,
			chromedp.Click(`#case-table th[data-key="fine"] button`, chromedp.ByQuery),
			chromedp.Poll(`location.search.includes("sort=-fine")`, nil), waitView,
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#case-table tbody td:nth-child(5)")).map(td => +td.textContent.replace(/[,元]/g, ""))`, &fines),
			chromedp.Evaluate(`document.querySelector('#case-table th[data-key="fine"]').getAttribute("aria-sort")`, &sorted))
		if len(fines) != 50 || !slices.IsSortedFunc(fines, func(a, b float64) int { return int(b - a) }) || fines[0] != 5000 {
			t.Errorf("fines %v", fines)
		}
		if sorted != "descending" {
			t.Errorf("aria-sort %q", sorted)
		}
	})
	t.Run("pages", func(t *testing.T) {
		var pages []string
		b.RunPage(t, chromedp.Navigate(page), waitView,
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#table-pager a")).map(a => a.textContent)`, &pages),
			chromedp.Click(`#table-pager a[href$="page=2"]`, chromedp.ByQuery), chromedp.Poll(`location.search === "?page=2"`, nil), waitView,
			tableRows(&rows), chromedp.Text("#table-status", &status, chromedp.ByID))
		if !slices.Equal(pages, []string{"1", "2", "3", "下一页"}) {
			t.Errorf("pager %q", pages)
		}
		if len(rows) != 50 || !strings.Contains(status, "显示第 51–100 条") {
			t.Errorf("%d rows, status %q", len(rows), status)
		}
	})
	t.Run("markup is text", func(t *testing.T) {
		var bold int
		b.RunPage(t, chromedp.Navigate(page), waitView, tableRows(&rows),
			chromedp.Evaluate(`document.querySelectorAll("#case-table tbody b").length`, &bold))
		if bold != 0 || !strings.Contains(strings.Join(rows, "\n"), "<b>青溪镇粗体</b>商行") {
			t.Errorf("%d <b> elements in the table", bold)
		}
	})
	t.Run("CSV of a filtered view", func(t *testing.T) {
		var csv, total string
		b.RunPage(t, chromedp.Navigate(page+"?vio=占道经营&sort=party"), waitView, captureDownloads,
			chromedp.Evaluate(`document.getElementById("table-form").dataset.total`, &total),
			chromedp.Click("#table-csv", chromedp.ByID), blobText(&csv))
		if !strings.HasPrefix(csv, "\ufeff决定书文号,当事人,违法行为类型,处罚类别,罚款金额（元）,处罚决定日期,处罚机关,页面\r\n") {
			t.Fatalf("CSV starts %q", csv[:min(len(csv), 200)])
		}
		lines := strings.Split(strings.TrimSuffix(csv, "\r\n"), "\r\n")[1:]
		if fmt.Sprint(len(lines)) != total || len(lines) != 33 {
			t.Errorf("%d rows, the view has %s", len(lines), total)
		}
		for _, l := range lines {
			if !strings.Contains(l, ",占道经营,") || !strings.Contains(l, ","+b.Base+prefix+"cases/") {
				t.Errorf("row %q", l)
			}
		}
		// The "+" name made safe for spreadsheets.
		if !strings.Contains(csv, ",'+青溪镇加号商贸有限公司,") || strings.Contains(csv, ",+青溪镇加号") {
			t.Error("the formula-like name is not neutralised")
		}
	})
	t.Run("JSON of a filtered view", func(t *testing.T) {
		var doc struct {
			Count   int
			View    string
			Records []map[string]string
		}
		var text string
		b.RunPage(t, chromedp.Navigate(page+"?year=2026&min=4000"), waitView, captureDownloads,
			chromedp.Click("#table-json", chromedp.ByID), blobText(&text))
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Count == 0 || doc.Count != len(doc.Records) || !strings.HasSuffix(doc.View, "/cases/table/?year=2026&min=4000") {
			t.Errorf("count %d, %d records, view %q", doc.Count, len(doc.Records), doc.View)
		}
		for _, r := range doc.Records {
			if !strings.HasPrefix(r["decision_date"], "2026-") || r["fine"] < "4000" || len(r["fine"]) != 4 {
				t.Errorf("record %v", r)
			}
		}
	})
	for _, elder := range []string{"0", "1"} {
		t.Run("no sideways scroll at 390 px, elder="+elder, func(t *testing.T) {
			var over int
			b.Run(t, chromedp.EmulateViewport(390, 844))
			b.RunPage(t, chromedp.Navigate(page+"?elder="+elder), waitView,
				chromedp.Evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth + Math.max(0, document.querySelector(".table-wrap").scrollWidth - document.querySelector(".table-wrap").clientWidth)`, &over))
			if over > 0 {
				t.Errorf("%d px wider than the screen", over)
			}
			b.Run(t, chromedp.EmulateViewport(1280, 900))
		})
	}
	b.AssertNoExternalRequests(t)
	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
	for _, e := range b.LogErrors() {
		t.Errorf("browser: %s", e)
	}
}

func TestTablePageWithoutJavaScript(t *testing.T) {
	dest, _ := sitetest.Build(t, tableTown())
	b := browsertest.New(t, dest, prefix)
	var rows []string
	var formShown bool
	var links []string
	b.Run(t, emulation.SetScriptExecutionDisabled(true), chromedp.Navigate(b.Base+prefix+"cases/table/?year=2025"),
		tableRows(&rows),
		chromedp.Evaluate(`document.getElementById("table-form").offsetHeight > 0`, &formShown),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("main a")).map(a => a.getAttribute("href"))`, &links))
	if len(rows) != 50 || !strings.Contains(rows[0], "2026-05-28") {
		t.Errorf("%d rows, first %q", len(rows), rows[0])
	}
	if formShown {
		t.Error("the filters, which need JavaScript, are shown without it")
	}
	all := strings.Join(links, " ")
	for _, want := range []string{prefix + "cases/2025/", prefix + "data/cases.csv", prefix + "data/cases.json"} {
		if !strings.Contains(all, want) {
			t.Errorf("no link to %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "cases", "table", "index.html")); err != nil {
		t.Error(err)
	}
}
