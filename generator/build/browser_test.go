package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitetest"
)

// TestChartsRenderInBrowser opens every statistics page of both fixtures in
// headless Chromium and checks that each chart draws, with no console error
// and no request leaving the site.
func TestChartsRenderInBrowser(t *testing.T) {
	for _, archive := range []string{"smalltown.txtar", "statstown.txtar"} {
		t.Run(archive, func(t *testing.T) {
			dest, _ := sitetest.Build(t, readArchive(t, archive))
			b := browsertest.New(t, dest, "/zfxxgk/qingxi/")
			var pages []string
			for _, f := range sitetest.Files(t, dest) {
				if strings.HasPrefix(f, "stats/") && strings.HasSuffix(f, "/index.html") {
					pages = append(pages, strings.TrimSuffix(f, "index.html"))
				}
			}
			if len(pages) < 4 {
				t.Fatalf("only %d statistics pages: %v", len(pages), pages)
			}
			for _, page := range pages {
				t.Run(page, func(t *testing.T) {
					b.Reset()
					want := countCharts(t, filepath.Join(dest, page, "index.html"))
					var drawn int
					actions := []chromedp.Action{chromedp.Navigate(b.Base + "/zfxxgk/qingxi/" + page)}
					if want > 0 {
						actions = append(actions,
							// Charts are drawn as they come near the screen: bring
							// the first one not yet drawn into view until all are.
							chromedp.Poll(`(() => { const c = Array.from(document.querySelectorAll(".chart")).find(e => !e.querySelector("svg")); if (c) c.scrollIntoView(); return !c; })()`, nil, chromedp.WithPollingTimeout(20*time.Second)),
						)
					}
					actions = append(actions, chromedp.Evaluate(`document.querySelectorAll(".chart svg").length`, &drawn))
					b.RunPage(t, actions...)
					if drawn != want {
						t.Errorf("%d of %d charts drawn", drawn, want)
					}
					if dir := os.Getenv("STATS_SCREENSHOTS"); dir != "" {
						var ids []string
						b.Run(t, chromedp.Evaluate(`Array.from(document.querySelectorAll(".chart-block")).map(e => e.id)`, &ids))
						for _, id := range ids {
							var png []byte
							b.Run(t, chromedp.Screenshot("#"+id, &png, chromedp.ByQuery))
							os.WriteFile(filepath.Join(dir, id+".png"), png, 0o644)
						}
					}
					b.AssertNoExternalRequests(t)
					for _, e := range b.ConsoleErrors() {
						t.Errorf("console: %s", e)
					}
					for _, e := range b.LogErrors() {
						t.Errorf("log: %s", e)
					}
				})
			}
		})
	}
}

func countCharts(t *testing.T, file string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data), `class="chart`) - strings.Count(string(data), `class="chart-`)
}
