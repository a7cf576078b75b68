package county_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
)

// TestCountySearchBenchmark measures, in Chromium, the bytes of index a
// query fetches from a built county's search and from its first town's,
// for the same queries: the county's search should stay within a town's
// budget per query. It is a measurement, not a timed test: set
// GONGSHI_COUNTY_SEARCH_DIR to a built county's output (served at /) and
// GONGSHI_COUNTY_SEARCH_TOWN to one of its towns' slugs to run it.
func TestCountySearchBenchmark(t *testing.T) {
	dir, town := os.Getenv("GONGSHI_COUNTY_SEARCH_DIR"), os.Getenv("GONGSHI_COUNTY_SEARCH_TOWN")
	if dir == "" || town == "" {
		t.Skip("set GONGSHI_COUNTY_SEARCH_DIR and GONGSHI_COUNTY_SEARCH_TOWN to run the county search benchmark")
	}
	b := browsertest.New(t, dir, "/")
	for _, q := range []string{"餐饮", "青石", "有限公司", "罚款", "占道经营"} {
		for _, where := range []string{"/", "/" + town + "/"} {
			var kb []float64
			var total, ms int
			b.Run(t, chromedp.Navigate(b.Base+where+"search/"), chromedp.Poll(`performance.getEntriesByType("resource").some(e => e.name.includes("meta.json"))`, nil),
				chromedp.Evaluate(`performance.clearResourceTimings()`, nil),
				chromedp.Evaluate(fmt.Sprintf(`{const i = document.getElementById("q"); i.value = %q; i.dispatchEvent(new Event("input"))}`, q), nil),
				chromedp.Poll(fmt.Sprintf(`document.getElementById("search-form").getAttribute("data-query") === %q`, q), nil, chromedp.WithPollingTimeout(60*time.Second)),
				chromedp.Sleep(100*time.Millisecond),
				chromedp.Evaluate(browsertest.SearchIndexKB, &kb), chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &total),
				chromedp.Evaluate(`+document.getElementById("search-form").dataset.ms`, &ms))
			t.Logf("%-8s %s: %d results; index fetched: %.1f KB to the first results, %.1f KB with the facet table (first query after load), %d ms", where, q, total, kb[0], kb[1], ms)
		}
	}
}
