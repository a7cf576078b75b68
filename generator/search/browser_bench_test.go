package search_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
	"gongshi/generator/search"
)

// TestBrowserBenchmark measures search in Chromium on synthetic towns of
// 10k and 100k decisions, and on the 100k town's index extended by a month
// of 1,800 added decisions: bytes of index fetched per query, up to the
// first results and with the facet table read after them (raw; the gzip
// figures come from BenchmarkIndex100k and BenchmarkIndexMonth), and the
// time from the input event to the first results, for a query pasted into
// the box. It is a measurement, not a timed test: set
// GONGSHI_SEARCH_BENCH=1 to run it.
func TestBrowserBenchmark(t *testing.T) {
	if os.Getenv("GONGSHI_SEARCH_BENCH") == "" {
		t.Skip("set GONGSHI_SEARCH_BENCH=1 to run the browser benchmark")
	}
	for _, n := range []int{10_000, 100_000} {
		dest := smalltown(t)
		t0 := time.Now()
		docs := search.SyntheticDocs(n, 42)
		o := search.Options{Synonyms: search.ThemeSynonyms(t)}
		ix, err := search.Build(docs, o)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d docs: index built in %v, %.1f MB in %d files; meta.json %.1f KB (fold table %d pairs, %d synonym words), fetched when the page loads",
			n, time.Since(t0).Round(time.Millisecond), float64(ix.Stats.TotalBytes)/1e6, len(ix.Files), float64(ix.Stats.MetaSize)/1024, len([]rune(ix.Meta.Fold))/2, len(ix.Meta.Syn))
		installIndex(t, dest, ix)
		browserQueries(t, dest, fmt.Sprint(n, " docs"))
		if n < 100_000 {
			continue
		}
		// A month later: the extended index's new files go beside the kept ones.
		dir := filepath.Join(dest, "search", "index")
		o.Previous = os.DirFS(dir)
		t0 = time.Now()
		ext, err := search.Build(search.MonthDocs(docs, 1800, 0, 7), o)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("a month later: index %s in %v, %d files written, %d kept, %d segments",
			ext.Layout, time.Since(t0).Round(time.Millisecond), len(ext.Files), len(ext.Kept), len(ext.Meta.Segs))
		for name, data := range ext.Files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		browserQueries(t, dest, fmt.Sprint(n, " docs + a month"))
	}
}

// browserQueries runs the benchmark's queries in Chromium over the site in
// dest and logs each under label.
func browserQueries(t *testing.T, dest, label string) {
	b := browsertest.New(t, dest, prefix)
	page := b.Base + prefix + "search/"
	for _, qs := range [][]string{{"餐饮", "烧烤"}, {"青石", "人民"}, {"运输证", "有限公司"}, {"青溪综执罚（2025）第12号", "青石 商贸"}, {"占道经营", "違法 經營"}} {
		var coldKB, warmKB []float64
		var coldMS, warmMS, total1, total2 int
		b.Run(t, chromedp.Navigate(page), chromedp.Poll(`performance.getEntriesByType("resource").some(e => e.name.includes("meta.json"))`, nil),
			chromedp.Evaluate(`performance.clearResourceTimings()`, nil),
			pasteQuery(qs[0]), chromedp.Sleep(100*time.Millisecond),
			chromedp.Evaluate(browsertest.SearchIndexKB, &coldKB), chromedp.Evaluate(`+document.getElementById("search-form").dataset.ms`, &coldMS),
			chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &total1),
			chromedp.Evaluate(`performance.clearResourceTimings()`, nil),
			pasteQuery(qs[1]), chromedp.Sleep(100*time.Millisecond),
			chromedp.Evaluate(browsertest.SearchIndexKB, &warmKB), chromedp.Evaluate(`+document.getElementById("search-form").dataset.ms`, &warmMS),
			chromedp.Evaluate(`+document.getElementById("search-form").dataset.total`, &total2),
			// The same query again: everything cached.
			pasteQuery(qs[0]+" "), chromedp.Sleep(50*time.Millisecond))
		var againMS int
		b.Run(t, pasteQuery(qs[0]), chromedp.Evaluate(`+document.getElementById("search-form").dataset.ms`, &againMS))
		t.Logf("%s | %s: %d results, %.1f KB to the first results (%.1f KB with the facet table), %d ms | then %s: %d results, %.1f KB, %d ms | %s again (cached): %d ms",
			label, qs[0], total1, coldKB[0], coldKB[1], coldMS, qs[1], total2, warmKB[1], warmMS, strings.TrimSpace(qs[0]), againMS)
	}
}

// pasteQuery puts q in the search box at once, as a paste does, and waits
// for its results: one query, where typing it key by key may run a query
// per key and fetch more.
func pasteQuery(q string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(fmt.Sprintf(`{const i = document.getElementById("q"); i.value = %q; i.dispatchEvent(new Event("input"))}`, q), nil),
		waitQuery(q),
	}
}
