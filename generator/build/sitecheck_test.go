package build_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"gongshi/generator/build"
	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitecheck"
	"gongshi/generator/internal/sitetest"
)

// prefix is the sub-path the test sites are served under, as a town's column
// of its county portal.
const prefix = "/zfxxgk/qingxi/"

// checkedSite is a built site the inspector checks run on.
type checkedSite struct {
	name string
	dir  string
}

var (
	sampleSum *build.Summary
	sitesOnce sync.Once
	sites     []checkedSite
	sitesErr  error
)

// checkedSites builds the small-town fixture and the repository's own sample
// site (whatever data/ and content/ it holds) once for all checks.
func checkedSites(t *testing.T) []checkedSite {
	t.Helper()
	sitesOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "gongshi-sitecheck-")
		if err != nil {
			sitesErr = err
			return
		}
		small := filepath.Join(tmp, "smalltown")
		if _, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(readArchive(t, "smalltown.txtar")), Dest: small, Now: sitetest.Date}); err != nil {
			sitesErr = fmt.Errorf("smalltown: %w", err)
			return
		}
		sites = append(sites, checkedSite{"smalltown", small})
		root, err := sitecheck.ModuleRoot()
		if err != nil {
			sitesErr = err
			return
		}
		sample := filepath.Join(tmp, "sample")
		if sampleSum, err = build.Build(context.Background(), build.Options{Source: root, Dest: sample, Now: sitetest.Date, BaseURL: "https://www.example.gov.cn" + prefix}); err != nil {
			sitesErr = fmt.Errorf("sample site at the repository root: %w", err)
			return
		}
		sites = append(sites, checkedSite{"sample", sample})
	})
	if sitesErr != nil {
		t.Fatal(sitesErr)
	}
	return sites
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, s := range sites {
		os.RemoveAll(filepath.Dir(s.dir))
		break
	}
	os.Exit(code)
}

// TestNoDeadLinks crawls each built site over HTTP from its home and 404
// pages and fails on any internal link, anchor or asset that does not
// resolve.
func TestNoDeadLinks(t *testing.T) {
	for _, s := range checkedSites(t) {
		t.Run(s.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(s.dir))))
			res := sitecheck.Crawl(mux, prefix, prefix, prefix+"404.html")
			if len(res.Fetched) < 10 {
				t.Errorf("crawl fetched only %d URLs: %v", len(res.Fetched), res.Fetched)
			}
			for _, b := range res.Broken {
				t.Errorf("broken: %s", b)
			}
			// Every page the build wrote is reachable by following links,
			// but for the noindex pointers at a list's earlier URLs: they
			// answer links published before, and nothing links to them.
			reached := map[string]bool{}
			for _, p := range res.Fetched {
				reached[strings.TrimPrefix(p, prefix)] = true
			}
			for _, f := range sitetest.Files(t, s.dir) {
				page := strings.TrimSuffix(f, "index.html")
				if strings.HasSuffix(f, ".html") && !reached[page] && !reached[f] && !noIndex(t, filepath.Join(s.dir, f)) {
					t.Errorf("page %s is not reachable by links from the home page", f)
				}
			}
		})
	}
}

// TestHTMLIsValid runs the Nu HTML Checker on every page of each built site.
func TestHTMLIsValid(t *testing.T) {
	for _, s := range checkedSites(t) {
		t.Run(s.name, func(t *testing.T) {
			for _, m := range sitecheck.VNU(t, s.dir) {
				t.Errorf("%s", m)
			}
		})
	}
}

// a11yPages are the pages axe checks on the small town, one of each kind.
func a11yPages(t *testing.T, dir string) []string {
	pages := []string{"", "cases/", "cases/withdrawn/", "powers/", "services/", "stats/", "stats/service-centre/",
		"notices/", "notices/welcome/", "search/?q=" + "青石", "cases/table/", "cases/table/?cat=" + "罚款" + "&sort=-fine", "licences/", "licences/withdrawn/",
		"inspections/", "coercion/", "coercion/withdrawn/", "stats/inspections/", "stats/coercion/", "data/", "changes/", "sitemap/", "privacy/", "accessibility/", "404.html",
		"cases/power/qx-cf-0002/", "stats/powers/usage/"}
	// The loop adds /powers/changes/, /powers/review/ and the page an item
	// taken back keeps.
	for _, f := range sitetest.Files(t, dir) {
		for _, kind := range []string{"cases/", "powers/", "services/", "licences/", "inspections/", "coercion/"} {
			rest, ok := strings.CutPrefix(f, kind)
			if ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, "/index.html") && !strings.HasPrefix(rest, "withdrawn") && !strings.HasPrefix(rest, "table/") && !strings.HasPrefix(rest, "20") {
				pages = append(pages, strings.TrimSuffix(f, "index.html"))
			}
		}
	}
	return pages
}

// TestAccessibilityAxe runs axe-core's WCAG 2.1 A and AA rules on a page of
// every kind, in the standard view on a desktop and in 适老化 mode on a phone.
func TestAccessibilityAxe(t *testing.T) {
	dir := checkedSites(t)[0].dir
	b := browsertest.New(t, dir, prefix)
	modes := []struct {
		name          string
		width, height int64
		elder         string
	}{{"desktop", 1280, 900, "0"}, {"phone-elder", 375, 800, "1"}}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			b.Run(t, chromedp.EmulateViewport(m.width, m.height))
			for _, page := range a11yPages(t, dir) {
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

// TestPageWeightBudgets keeps pages light: a decision page with everything
// it loads at most 20 KB gzip-compressed, the home page at most 60 KB
// (chart option data excluded: it is fetched only by the chart script).
func TestPageWeightBudgets(t *testing.T) {
	for _, s := range checkedSites(t) {
		t.Run(s.name, func(t *testing.T) {
			var casePage string
			for _, f := range sitetest.Files(t, s.dir) {
				if rest, ok := strings.CutPrefix(f, "cases/"); ok && len(rest) == len("0123456789abcdef/index.html") && casePage == "" {
					casePage = f
				}
			}
			budgets := map[string]int{"index.html": 60 << 10}
			if casePage != "" {
				budgets[casePage] = 20 << 10
			}
			for page, budget := range budgets {
				total, parts := sitecheck.PageWeight(t, s.dir, prefix, page)
				t.Logf("%s: %d bytes gzip (%s)", page, total, parts)
				if total > budget {
					t.Errorf("%s weighs %d bytes gzip with its assets, over the budget of %d (%s)", page, total, budget, parts)
				}
			}
		})
	}
}

// TestSampleTownHasAPagePerPublishedDecision builds the repository's own
// sample town and counts its decision pages.
func TestSampleTownHasAPagePerPublishedDecision(t *testing.T) {
	var dir string
	for _, s := range checkedSites(t) {
		if s.name == "sample" {
			dir = s.dir
		}
	}
	n := 0
	for _, f := range sitetest.Files(t, dir) {
		if regexp.MustCompile(`^cases/[0-9a-f]{16}/index\.html$`).MatchString(f) {
			n++
		}
	}
	if n == 0 || n != len(sampleSum.Result.Cases) {
		t.Errorf("%d decision pages, %d published decisions", n, len(sampleSum.Result.Cases))
	}
}

// noIndex reports whether the page file at name asks not to be indexed.
func noIndex(t *testing.T, name string) bool {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(b), `<meta name="robots" content="noindex">`)
}
