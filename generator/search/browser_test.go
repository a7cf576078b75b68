package search_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

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
	results := chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results h3")).map(h => h.textContent)`, &titles)

	t.Run("company name", func(t *testing.T) {
		b.Reset()
		b.Run(t, chromedp.Navigate(page), typeQuery("青石商贸"), results,
			chromedp.Evaluate(`document.querySelectorAll("#search-results mark").length`, &marks),
			chromedp.Text("#search-status", &status, chromedp.ByID),
			chromedp.Evaluate(`document.querySelector("#search-results a").getAttribute("href")`, &href))
		// The company's decision and its licence.
		if len(titles) != 2 || !strings.Contains(titles[0], "示例市青石商贸有限公司") || marks == 0 {
			t.Errorf("results %q, %d marks", titles, marks)
		}
		if !strings.Contains(status, "2 条") {
			t.Errorf("status %q", status)
		}
		if !strings.HasPrefix(href, prefix+"cases/") {
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
		if len(titles) != 1 || active != "BUTTON" {
			t.Errorf("results %q, focus on %s", titles, active)
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

// TestBrowserMatchesGoSearcher runs the same queries through search.js and
// the Go searcher on a synthetic index of a few thousand records: the
// counts and the first page must agree.
func TestBrowserMatchesGoSearcher(t *testing.T) {
	dest := smalltown(t)
	docs := search.SyntheticDocs(3000, 9)
	ix, err := search.Build(docs, search.Options{ShardBytes: 4 << 10, SeparatePos: 1 << 10})
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
	for _, q := range []string{"运输证", "餐饮", "烧", "G75", "有限公司", "青溪综执罚（2025）第12号", "青石 商贸", "ＡＢＣ", "91350100", "大气污染防治法", "未取得道路运输证从事经营"} {
		res, err := s.Search(q, nil)
		if err != nil {
			t.Fatal(err)
		}
		var total int
		var urls []string
		b.Run(t, typeQuery(q), chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &total),
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results h3 a")).map(a => a.getAttribute("href"))`, &urls))
		if total != len(res.Docs) {
			t.Errorf("%q: browser %d results, Go %d", q, total, len(res.Docs))
			continue
		}
		for i, u := range urls {
			if want := strings.TrimSuffix(prefix, "/") + docs[res.Docs[i]].URL; u != want {
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
