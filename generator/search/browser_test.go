package search_test

import (
	"context"
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

	"gongshi/generator/build"
	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitetest"
	"gongshi/generator/search"
)

const prefix = "/zfxxgk/qingxi/"

func smalltown(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "build", "testdata", "smalltown.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dest, _ := sitetest.Build(t, string(b))
	return dest
}

// typeQuery clears the box, types q and waits until the results for q are
// shown.
func typeQuery(q string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(`document.getElementById("q").value = ""`, nil),
		chromedp.SendKeys("#q", q, chromedp.ByID),
		waitQuery(q),
	}
}

func waitQuery(q string) chromedp.Action {
	return chromedp.Poll(fmt.Sprintf(`document.getElementById("search-form").getAttribute("data-query") === %q`, q), nil, chromedp.WithPollingTimeout(10*time.Second))
}

func TestSearchInBrowser(t *testing.T) {
	dest := smalltown(t)
	b := browsertest.New(t, dest, prefix)
	page := b.Base + prefix + "search/"
	var titles []string
	var status, href string
	var marks int
	results := chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results h2")).map(h => h.textContent)`, &titles)

	t.Run("company name", func(t *testing.T) {
		b.Reset()
		b.Run(t, chromedp.Navigate(page), typeQuery("青石商贸"), results,
			chromedp.Evaluate(`document.querySelectorAll("#search-results mark").length`, &marks),
			chromedp.Text("#search-status", &status, chromedp.ByID),
			chromedp.Evaluate(`document.querySelector("#search-results a").getAttribute("href")`, &href))
		// The company has a decision, a licence and an inspection.
		if len(titles) != 3 || marks == 0 {
			t.Errorf("results %q, %d marks", titles, marks)
		}
		for _, title := range titles {
			if !strings.Contains(title, "示例市青石商贸有限公司") {
				t.Errorf("result %q", title)
			}
		}
		if !strings.Contains(status, fmt.Sprintf("%d 条", len(titles))) {
			t.Errorf("status %q", status)
		}
		if !strings.HasPrefix(href, prefix) {
			t.Errorf("result link %q lacks the base path", href)
		}
	})
	t.Run("two characters", func(t *testing.T) {
		b.Run(t, chromedp.Navigate(page), typeQuery("烧烤"), results)
		if len(titles) == 0 || !strings.Contains(titles[0], "李记烧烤店") {
			t.Errorf("results %q", titles)
		}
	})
	t.Run("decision number in another bracket style", func(t *testing.T) {
		b.Run(t, chromedp.Navigate(page), typeQuery("青溪综执罚[2026]第5号"), results)
		if len(titles) != 1 || !strings.Contains(titles[0], "李记烧烤店") {
			t.Errorf("results %q", titles)
		}
	})
	t.Run("filters from the URL", func(t *testing.T) {
		var current []string
		b.Run(t, chromedp.Navigate(page+"?q=罚款&year=2026&type=case&cat=警告"), waitQuery("罚款"), results,
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-facets a[aria-current]")).map(a => a.textContent)`, &current),
			chromedp.Value("#q", &status, chromedp.ByID))
		if len(titles) != 1 || !strings.Contains(titles[0], "李记烧烤店") {
			t.Errorf("results %q", titles)
		}
		if len(current) != 3 {
			t.Errorf("active filters %q, want type, year and category", current)
		}
		if status != "罚款" {
			t.Errorf("search box holds %q", status)
		}
	})
	t.Run("back button", func(t *testing.T) {
		var loc string
		var n1, n2 int
		b.Run(t, chromedp.Navigate(page), typeQuery("青溪"),
			chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &n1),
			// Choose the first "type" filter value: a new history entry.
			chromedp.Click(`#facet-type + ul a`, chromedp.ByQuery),
			chromedp.Poll(`location.search.includes("type=")`, nil),
			chromedp.Sleep(200*time.Millisecond),
			chromedp.NavigateBack(),
			chromedp.Poll(`!location.search.includes("type=") && document.getElementById("search-form").dataset.query === "青溪"`, nil),
			chromedp.Sleep(200*time.Millisecond),
			chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &n2),
			chromedp.Evaluate(`location.search`, &loc))
		if n1 == 0 || n1 != n2 {
			t.Errorf("after back: %d results, before %d (%s)", n2, n1, loc)
		}
	})
	t.Run("keyboard", func(t *testing.T) {
		var active string
		b.Run(t, chromedp.Navigate(page), chromedp.Focus("#q", chromedp.ByID), chromedp.SendKeys("#q", "结婚登记\r", chromedp.ByID),
			waitQuery("结婚登记"), chromedp.KeyEvent("\t"), chromedp.Evaluate(`document.activeElement.tagName`, &active), results)
		// The service item and the power item of the same 事项.
		if len(titles) != 2 || titles[0] != "结婚登记" || titles[1] != "结婚登记" || active != "BUTTON" {
			t.Errorf("results %q, focus on %s", titles, active)
		}
	})
	t.Run("the home page's example", func(t *testing.T) {
		var placeholder string
		var total int
		b.Run(t, chromedp.Navigate(b.Base+prefix), chromedp.AttributeValue("#hq", "placeholder", &placeholder, nil, chromedp.ByID))
		example := placeholder[strings.LastIndex(placeholder, "、")+len("、"):]
		b.Run(t, chromedp.Navigate(page), typeQuery(example), chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &total))
		if example == "" || total == 0 {
			t.Errorf("the example %q (placeholder %q) finds %d results", example, placeholder, total)
		}
	})
	b.AssertNoExternalRequests(t)
	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

func TestSearchPageWithoutJavaScript(t *testing.T) {
	dest := smalltown(t)
	b := browsertest.New(t, dest, prefix)
	var visible bool
	var links []string
	b.Run(t, emulation.SetScriptExecutionDisabled(true), chromedp.Navigate(b.Base+prefix+"search/?q=烧烤"),
		chromedp.Evaluate(`!document.getElementById("search-nojs").hidden && document.getElementById("search-nojs").offsetHeight > 0`, &visible),
		chromedp.Evaluate(`Array.from(document.querySelectorAll(".browse a")).map(a => a.getAttribute("href"))`, &links))
	if !visible {
		t.Error("the explanation is not shown without JavaScript")
	}
	if len(links) < 4 || !strings.Contains(strings.Join(links, " "), prefix+"cases/") {
		t.Errorf("browse links %q", links)
	}
}

// TestResultsBeforeTheFacetTable: a query without a filter shows its
// results before it asks for the facet table, which only the counts need,
// and then shows the counts; a query with a filter reads the table first.
func TestResultsBeforeTheFacetTable(t *testing.T) {
	dest := smalltown(t)
	b := browsertest.New(t, dest, prefix)
	// [first results, first facets.bin request start, its response end, facet links]
	timing := `(() => {
		const f = performance.getEntriesByType("resource").filter(e => e.name.endsWith("/facets.bin"));
		return [+document.getElementById("search-form").dataset.first, f.length ? Math.min(...f.map(e => e.startTime)) : -1,
			f.length ? Math.max(...f.map(e => e.responseEnd)) : -1, document.querySelectorAll("#search-facets a").length];
	})()`
	var got []float64
	b.Run(t, chromedp.Navigate(b.Base+prefix+"search/?q=罚款"), waitQuery("罚款"), chromedp.Evaluate(timing, &got))
	if got[1] < 0 || got[1] < got[0] || got[3] == 0 {
		t.Errorf("without a filter: first results at %.0f ms, facet table asked for at %.0f ms, %.0f facet links; want the table after the results, then links", got[0], got[1], got[3])
	}
	b.Run(t, chromedp.Navigate(b.Base+prefix+"search/?q=罚款&type=case"), waitQuery("罚款"), chromedp.Evaluate(timing, &got))
	if got[2] < 0 || got[2] > got[0] || got[3] == 0 {
		t.Errorf("with a filter: first results at %.0f ms, facet table read by %.0f ms, %.0f facet links; want the table before the results", got[0], got[2], got[3])
	}
}

// TestBrowserMatchesGoSearcher runs the same queries through search.js and
// the Go searcher on a synthetic index of a few thousand records: the
// counts and the first page must agree.
func TestBrowserMatchesGoSearcher(t *testing.T) {
	dest := smalltown(t)
	docs := search.SyntheticDocs(3000, 9)
	ix, err := search.Build(docs, search.Options{ShardBytes: 4 << 10, SeparatePos: 1 << 10, Synonyms: search.ThemeSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	installIndex(t, dest, ix)
	s, err := search.NewSearcher(func(name string) ([]byte, error) { return ix.Files[name], nil })
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.New(t, dest, prefix)
	b.Run(t, chromedp.Navigate(b.Base+prefix+"search/"))
	for _, q := range []string{"运输证", "餐饮", "烧", "G75", "有限公司", "青溪综执罚（2025）第12号", "青石 商贸", "ＡＢＣ", "91350100", "大气污染防治法", "未取得道路运输证从事经营",
		"運輸證", "違法 經營", "無證經營", "占道经营", "油烟", "超载", "噪音 餐饮", "?sort=new 有限公司"} {
		var sorted string
		if rest, ok := strings.CutPrefix(q, "?sort=new "); ok {
			q, sorted = rest, "new"
		}
		res, err := s.Search(q, url.Values{"sort": {sorted}})
		if err != nil {
			t.Fatal(err)
		}
		var total int
		var urls []string
		if sorted != "" {
			b.Run(t, chromedp.Navigate(b.Base+prefix+"search/?sort="+sorted))
		}
		b.Run(t, typeQuery(q), chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &total),
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results h2 a")).map(a => a.getAttribute("href"))`, &urls))
		if total != len(res.Docs) {
			t.Errorf("%q: browser %d results, Go %d", q, total, len(res.Docs))
			continue
		}
		for i, u := range urls {
			if want := strings.TrimSuffix(prefix, "/") + numberURL(t, ix, s, res.Docs[i]); u != want {
				t.Errorf("%q: result %d is %s, Go says %s", q, i, u, want)
				break
			}
		}
	}
	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// installIndex replaces the site's search index with ix.
func installIndex(t testing.TB, dest string, ix *search.Index) {
	t.Helper()
	dir := filepath.Join(dest, "search", "index")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for name, data := range ix.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestForgivingSearchInBrowser runs the forgiving searches through
// search.js: an abbreviation finds what its full form finds, traditional
// characters and a confusable variant find the simplified text, two words
// must both match, and the sort and clear-all links keep a permalink.
func TestForgivingSearchInBrowser(t *testing.T) {
	dest := smalltown(t)
	docs := search.ForgivingDocs()
	ix, err := search.Build(docs, search.Options{Synonyms: search.ThemeSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	installIndex(t, dest, ix)
	b := browsertest.New(t, dest, prefix)
	page := b.Base + prefix + "search/"
	var hrefs []string
	results := chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results h2 a")).map(a => a.getAttribute("href"))`, &hrefs)
	find := func(t *testing.T, q string) []string {
		t.Helper()
		b.Run(t, typeQuery(q), results)
		out := make([]string, len(hrefs))
		for i, h := range hrefs {
			out[i] = strings.TrimPrefix(h, strings.TrimSuffix(prefix, "/"))
		}
		return out
	}
	b.Run(t, chromedp.Navigate(page))
	t.Run("abbreviation", func(t *testing.T) {
		full, abbr := find(t, "最低生活保障"), find(t, "低保")
		for _, u := range full {
			if !slices.Contains(abbr, u) {
				t.Errorf("低保 finds %q, without %s that 最低生活保障 finds", abbr, u)
			}
		}
		if len(full) < 3 {
			t.Errorf("最低生活保障 finds %q", full)
		}
		var marks []string
		b.Run(t, chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results mark")).map(m => m.textContent)`, &marks))
		if !slices.Contains(marks, "最低生活保障") || !slices.Contains(marks, "低保") {
			t.Errorf("低保 highlights %q, want the word and its synonym", marks)
		}
	})
	t.Run("traditional characters", func(t *testing.T) {
		trad, simp := find(t, "違法建設"), find(t, "违法建设")
		if len(simp) != 2 || !slices.Equal(trad, simp) {
			t.Errorf("違法建設 finds %q, 违法建设 %q", trad, simp)
		}
	})
	t.Run("variant character", func(t *testing.T) {
		if got := find(t, "沙石"); !slices.Equal(got, []string{"/cases/c/"}) {
			t.Errorf("沙石 finds %q", got)
		}
	})
	t.Run("two words", func(t *testing.T) {
		if got := find(t, "餐饮 油烟"); !slices.Equal(got, []string{"/cases/d/"}) {
			t.Errorf("餐饮 油烟 finds %q, want only the record with both", got)
		}
	})
	t.Run("sort by newest", func(t *testing.T) {
		var loc string
		b.Run(t, chromedp.Navigate(page+"?q=违法建设"), waitQuery("违法建设"), results)
		rel := slices.Clone(hrefs)
		b.Run(t, chromedp.Click(`#search-tools a:not([aria-current])`, chromedp.ByQuery),
			chromedp.Poll(`location.search.includes("sort=new") && document.querySelector("#search-tools a[aria-current]").textContent === "最新"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Sleep(100*time.Millisecond), results, chromedp.Evaluate(`location.search`, &loc))
		want := []string{prefix + "cases/a/", prefix + "cases/b/"}
		if !slices.Equal(rel, want) {
			t.Errorf("by relevance %q, want the title hit first %q", rel, want)
		}
		if slices.Reverse(want); !slices.Equal(hrefs, want) {
			t.Errorf("newest first %q, want %q (%s)", hrefs, want, loc)
		}
	})
	t.Run("clear all filters", func(t *testing.T) {
		var loc string
		var n1, n2 int
		total := chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &n1)
		b.Run(t, chromedp.Navigate(page+"?q=违法建设&type=case&year=2026&sort=new"), waitQuery("违法建设"), total,
			chromedp.Click(`#search-clear`, chromedp.ByID),
			chromedp.Poll(`!location.search.includes("year=")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Sleep(200*time.Millisecond),
			chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &n2),
			chromedp.Evaluate(`decodeURIComponent(location.search)`, &loc))
		if n1 != 1 || n2 != 2 || loc != "?q=违法建设&sort=new" {
			t.Errorf("%d results filtered, %d after clearing, at %s", n1, n2, loc)
		}
	})
	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// cls sums the page's layout shifts not caused by input, as Lighthouse
// counts cumulative layout shift.
const cls = `new Promise(done => {
	let sum = 0;
	new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
		.observe({type: "layout-shift", buffered: true});
	setTimeout(() => done(sum), 500);
})`

// TestSearchPageLayout loads a search permalink on a 390 px phone and on a
// desktop: no sideways scrolling, the first result's title within the
// first screen, the filters after the results on the phone, and a cumulative
// layout shift below 0.1.
func TestSearchPageLayout(t *testing.T) {
	dest := smalltown(t)
	b := browsertest.New(t, dest, prefix)
	for _, vp := range []struct{ w, h int64 }{{390, 844}, {1280, 800}} {
		t.Run(fmt.Sprintf("%dx%d", vp.w, vp.h), func(t *testing.T) {
			var overflow bool
			var first, facets, screen float64
			var shift float64
			b.Reset()
			b.Run(t, chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(b.Base+prefix+"search/?q=青溪"), waitQuery("青溪"),
				chromedp.Sleep(300*time.Millisecond),
				chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflow),
				chromedp.Evaluate(`document.querySelector("#search-results h2").getBoundingClientRect().bottom`, &first),
				chromedp.Evaluate(`document.getElementById("search-facets").getBoundingClientRect().top`, &facets),
				chromedp.Evaluate(`window.innerHeight`, &screen),
				chromedp.Evaluate(cls, &shift, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
			if overflow {
				t.Error("the page scrolls sideways")
			}
			if first <= 0 || first > screen {
				t.Errorf("the first result's title ends at %.0f px, below the first screen (%.0f px)", first, screen)
			}
			if vp.w < 500 && facets < first {
				t.Errorf("the filters start at %.0f px, above the first result (%.0f px)", facets, first)
			}
			if shift >= 0.1 {
				t.Errorf("cumulative layout shift %.3f, want < 0.1", shift)
			}
			t.Logf("%dx%d: first result's title ends at %.0f px, filters at %.0f px, CLS %.4f", vp.w, vp.h, first, facets, shift)
		})
	}
}

// TestExtendedIndexInBrowser builds the small town, then again with a new
// decision, then a fortnight later with another new decision, the first
// one withdrawn and a decision of the first build expired: each build
// extends the index (the leak gate passing each), leaving the first
// build's files but one chunk as they were, no JSON file holds the dead
// decisions' text, and in the browser the newest decision is found and
// the withdrawn and expired ones are not.
func TestExtendedIndexInBrowser(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "build", "testdata", "smalltown.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	src := sitetest.Source(string(b))
	cases := src["data/cases/行政处罚.csv"]
	expiring := "周秋云,自然人,,,,,,,,,,,,青溪综执罚〔2026〕2号,倾倒垃圾,周秋云在青溪河岸倾倒建筑垃圾,《城市市容和环境卫生管理条例》第三十六条,罚款,罚款200元,0.02,,,2026/03/01,2099/12/31,2026/06/10,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,\n"
	cases.Data = append(slices.Clone(cases.Data), expiring...)
	dest := filepath.Join(t.TempDir(), "public")
	now := sitetest.Date
	buildSite := func() *build.Summary {
		t.Helper()
		sum, err := build.Build(context.Background(), build.Options{SourceFS: src, Dest: dest, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	indexFiles := func() map[string]string {
		out := map[string]string{}
		dir := filepath.Join(dest, "search", "index")
		for _, p := range sitetest.Files(t, dir) {
			data, err := os.ReadFile(filepath.Join(dir, p))
			if err != nil {
				t.Fatal(err)
			}
			out[p] = string(data)
		}
		return out
	}
	buildSite()
	before := indexFiles()
	if !strings.Contains(before["meta.json"], "倾倒") && !containsAny(before, "青溪河岸倾倒建筑垃圾") {
		t.Fatal("the expiring decision is not in the first build's index")
	}
	row := "青溪镇晨光五金店,个体工商户,92350100MA0000002X,,,,,,李晨光,,,,,青溪综执罚〔2026〕8号,占道经营,晨光五金店占道堆放货物,《城市市容和环境卫生管理条例》第三十六条,罚款,罚款500元,0.05,,,2026/05/20,2099/12/31,,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,\n"
	cases.Data = append(slices.Clone(cases.Data), row...)
	if sum := buildSite(); sum.SearchLayout != "extended" {
		t.Fatalf("the second build's index is %q, want extended", sum.SearchLayout)
	}
	row = "青溪镇新月餐饮店,个体工商户,92350100MA0000001X,,,,,,王新月,,,,,青溪综执罚〔2026〕7号,餐饮服务未办理许可,新月餐饮店未办理许可从事餐饮服务,《食品安全法》第一百二十二条,罚款,罚款3000元,0.3,,,2026/05/25,2099/12/31,,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,\n"
	cases.Data = append(slices.Clone(cases.Data), row...)
	w := src["data/withdrawals/撤回.csv"]
	w.Data = append(slices.Clone(w.Data), "青溪综执罚〔2026〕8号,行政复议撤销,2026/05/28\n"...)
	now = sitetest.Date.AddDate(0, 0, 14)
	if sum := buildSite(); sum.SearchLayout != "extended" {
		t.Fatalf("the third build's index is %q, want extended", sum.SearchLayout)
	}
	after := indexFiles()
	same, gone := 0, 0
	for p, data := range before {
		if p == "meta.json" || strings.HasPrefix(p, "dead-") {
			continue
		}
		switch {
		case after[p] == data:
			same++
		case strings.HasSuffix(p, ".json") && strings.Contains(data, "倾倒建筑垃圾"):
			gone++ // the expired decision's chunk, rewritten
		default:
			t.Errorf("%s changed or went", p)
		}
	}
	if same == 0 || gone != 1 || len(after) <= len(before) {
		t.Errorf("%d files kept of %d, %d rewritten; %d after", same, len(before), gone, len(after))
	}
	for p, data := range after {
		if strings.HasSuffix(p, ".json") && (strings.Contains(data, "晨光五金") || strings.Contains(data, "倾倒建筑垃圾")) {
			t.Errorf("%s holds a withdrawn or expired decision", p)
		}
	}
	t.Logf("first build %d index files, third %d: %d kept byte for byte", len(before), len(after), same)

	br := browsertest.New(t, dest, prefix)
	var total int
	count := chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &total)
	br.Run(t, chromedp.Navigate(br.Base+prefix+"search/"))
	for q, want := range map[string]int{"新月餐饮": 1, "晨光五金": 0, "青溪综执罚〔2026〕8号": 0, "青石商贸": 3, "倾倒建筑垃圾": 0, "青溪河岸": 0} {
		br.Run(t, typeQuery(q), count)
		if total != want {
			t.Errorf("%s: %d results, want %d", q, total, want)
		}
	}
	var first string
	br.Run(t, chromedp.Navigate(br.Base+prefix+"search/?q=青溪&sort=new"), waitQuery("青溪"),
		chromedp.Evaluate(`document.querySelector("#search-results h2").textContent`, &first))
	if !strings.Contains(first, "新月餐饮店") {
		t.Errorf("newest first starts with %q, want the new decision", first)
	}
	for _, e := range br.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

func containsAny(files map[string]string, s string) bool {
	for _, data := range files {
		if strings.Contains(data, s) {
			return true
		}
	}
	return false
}

// numberURL is the URL of doc number d of ix, from its chunk.
func numberURL(t *testing.T, ix *search.Index, s *search.Searcher, d int) string {
	t.Helper()
	var chunk []*struct {
		U string `json:"u"`
	}
	if err := json.Unmarshal(ix.Files[s.ChunkName(d)], &chunk); err != nil {
		t.Fatal(err)
	}
	seg := ix.Meta.Segs[0]
	for _, g := range ix.Meta.Segs {
		if g.Lo <= d {
			seg = g
		}
	}
	return chunk[(d-seg.Lo)%ix.Meta.Chunk].U
}
