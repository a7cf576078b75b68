package county_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/generator/county"
	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitecheck"
)

// prefix is the sub-path the test county is served under.
const prefix = "/zfxxgk/"

var (
	checkedOnce sync.Once
	checkedDir  string
	checkedErr  error
)

// checkedCounty builds the small county once for the inspector checks.
func checkedCounty(t *testing.T) string {
	t.Helper()
	checkedOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "gongshi-county-check-")
		if err != nil {
			checkedErr = err
			return
		}
		src := writeCounty(t, "smallcounty.txtar")
		// writeCounty's folder goes with this test; the county is copied
		// out of it by the build.
		checkedDir = filepath.Join(tmp, "public")
		if _, err := county.Build(context.Background(), opts(src, checkedDir)); err != nil {
			checkedErr = fmt.Errorf("small county: %w", err)
		}
	})
	if checkedErr != nil {
		t.Fatal(checkedErr)
	}
	return checkedDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if checkedDir != "" {
		os.RemoveAll(filepath.Dir(checkedDir))
	}
	os.Exit(code)
}

// countyPages are the county's own pages.
var countyPages = []string{"", "compare/", "compare/powers/", "data/", "changes/", "search/", "search/?q=" + "罚款", "sitemap/", "privacy/", "accessibility/", "404.html"}

// TestCountyNoDeadLinks crawls the county from its home and 404 pages, into
// its towns, and fails on any internal link, anchor or asset that does not
// resolve, or a county page no link reaches.
func TestCountyNoDeadLinks(t *testing.T) {
	dir := checkedCounty(t)
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	res := sitecheck.Crawl(mux, prefix, prefix, prefix+"404.html")
	for _, b := range res.Broken {
		t.Errorf("broken: %s", b)
	}
	reached := map[string]bool{}
	for _, p := range res.Fetched {
		reached[strings.TrimPrefix(p, prefix)] = true
	}
	for _, p := range countyPages {
		if !strings.Contains(p, "?") && !reached[p] {
			t.Errorf("county page %q is not reachable by links from the home page", p)
		}
	}
	for _, town := range []string{"qingxi/", "shimen/", "shimen/cases/"} {
		if !reached[town] {
			t.Errorf("town page %s not reached from the county", town)
		}
	}
}

// TestCountyHTMLIsValid runs the Nu HTML Checker on every county page (the
// towns' pages are a town's, checked by package build's tests).
func TestCountyHTMLIsValid(t *testing.T) {
	dir := checkedCounty(t)
	only := t.TempDir()
	for _, p := range countyPages {
		if strings.Contains(p, "?") {
			continue
		}
		f := p
		if strings.HasSuffix(p, "/") || p == "" {
			f += "index.html"
		}
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(only, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(to), 0o755)
		os.WriteFile(to, data, 0o644)
	}
	for _, m := range sitecheck.VNU(t, only) {
		t.Errorf("%s", m)
	}
}

// TestCountyAccessibilityAxe runs axe-core's WCAG 2.1 A and AA rules on
// every county page, on a desktop and in 适老化 mode on a phone, as on a
// town's pages.
func TestCountyAccessibilityAxe(t *testing.T) {
	dir := checkedCounty(t)
	b := browsertest.New(t, dir, prefix)
	modes := []struct {
		name          string
		width, height int64
		elder         string
	}{{"desktop", 1280, 900, "0"}, {"phone-elder", 375, 800, "1"}}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			b.Run(t, chromedp.EmulateViewport(m.width, m.height))
			for _, page := range countyPages {
				t.Run(strings.ReplaceAll(page, "/", "_"), func(t *testing.T) {
					sep := "?"
					if strings.Contains(page, "?") {
						sep = "&"
					}
					b.Run(t, chromedp.Navigate(b.Base+prefix+page+sep+"elder="+m.elder), chromedp.WaitReady("body"))
					for _, v := range sitecheck.Axe(t, b, sitecheck.WCAG21AA) {
						t.Errorf("%s", v)
					}
				})
			}
		})
	}
}

// TestCountySearchFindsEveryTownsRecords searches the county in the
// browser: the results come from both towns, with links into their
// portals, and the town facet narrows them to one.
func TestCountySearchFindsEveryTownsRecords(t *testing.T) {
	dir := checkedCounty(t)
	b := browsertest.New(t, dir, prefix)
	var hrefs, facets, metas []string
	b.RunPage(t, chromedp.Navigate(b.Base+prefix+"search/?q="+"罚款"),
		chromedp.Poll(`document.getElementById("search-form").getAttribute("data-query") === "罚款"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results h2 a")).map(a => a.getAttribute("href"))`, &hrefs),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#facet-site ~ ul a")).map(a => a.textContent)`, &facets))
	towns := map[string]bool{}
	for _, h := range hrefs {
		for _, slug := range []string{"qingxi", "shimen"} {
			if strings.HasPrefix(h, prefix+slug+"/") {
				towns[slug] = true
			}
		}
	}
	if len(towns) != 2 {
		t.Errorf("results from %d towns, want 2: %v", len(towns), hrefs)
	}
	if len(facets) != 2 || !strings.HasPrefix(facets[0], "青溪镇") {
		t.Errorf("town facet: %v", facets)
	}
	hrefs = nil
	b.RunPage(t, chromedp.Navigate(b.Base+prefix+"search/?q="+"罚款"+"&site="+"石门镇"),
		chromedp.Poll(`document.getElementById("search-form").getAttribute("data-query") === "罚款"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results h2 a")).map(a => a.getAttribute("href"))`, &hrefs),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-results .meta")).map(p => p.textContent)`, &metas))
	if len(hrefs) == 0 {
		t.Error("no results for 石门镇")
	}
	for _, m := range metas {
		if !strings.HasPrefix(m, "石门镇 · ") {
			t.Errorf("a result's line %q does not name its town first", m)
		}
	}
	for _, h := range hrefs {
		if !strings.HasPrefix(h, prefix+"shimen/") {
			t.Errorf("filtered to 石门镇, got %s", h)
		}
	}
	b.AssertNoExternalRequests(t)
	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}
