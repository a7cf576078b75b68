package serve_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
)

// TestBrowserReloadsAndShowsFailures opens a page of the preview in
// headless Chromium, under the production Content-Security-Policy the
// server sends, and checks that saving a source reloads it, that breaking a
// data file shows the diagnostics in an accessible panel, and that fixing
// it reloads the page without the panel.
func TestBrowserReloadsAndShowsFailures(t *testing.T) {
	s := startSite(t)
	b := browsertest.NewBrowser(t)
	b.Base = s.base

	// waitFor evaluates expr until it is true; the page may be replaced
	// meanwhile, which makes single evaluations fail.
	waitFor := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			var ok bool
			if err := b.Try(2*time.Second, chromedp.Evaluate(expr, &ok)); err == nil && ok {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: still not true after 15 s: %s\n%s", what, expr, s.out)
	}
	const (
		live    = `document.documentElement.getAttribute("data-gongshi-serve") === "live"`
		overlay = `document.querySelector('#gongshi-serve-overlay[role="alertdialog"]')`
	)

	b.Run(t, chromedp.Navigate(s.base+page))
	waitFor("the event stream connects", live)
	b.Run(t, chromedp.Evaluate(`window.gongshiMarker = 1`, nil))

	s.edit(t, "content/notices/welcome.md", "每月", "每周")
	waitFor("the page reloads after an edit", `window.gongshiMarker === undefined && document.body.textContent.includes("每周")`)
	waitFor("the reloaded page connects", live)

	s.edit(t, cases, "2026/03/15", "2026/13/45")
	waitFor("the overlay appears after a failed build", overlay+` !== null`)
	var panel struct {
		Text     string `json:"text"`
		Live     string `json:"live"`
		Focused  bool   `json:"focused"`
		Button   string `json:"button"`
		Labelled bool   `json:"labelled"`
	}
	b.Run(t, chromedp.Evaluate(`(() => {
		const o = `+overlay+`;
		const btn = o.querySelector("button");
		return {
			text: o.textContent,
			live: o.getAttribute("aria-live"),
			focused: o.contains(document.activeElement),
			button: btn ? btn.textContent : "",
			labelled: !!document.getElementById(o.getAttribute("aria-labelledby")),
		};
	})()`, &panel))
	if !strings.Contains(panel.Text, badDate) {
		t.Errorf("overlay text lacks %q: %s", badDate, panel.Text)
	}
	if panel.Live == "" || !panel.Focused || panel.Button == "" || !panel.Labelled {
		t.Errorf("overlay not accessible: aria-live %q, focus inside %v, close button %q, labelled %v", panel.Live, panel.Focused, panel.Button, panel.Labelled)
	}
	if !strings.Contains(panel.Text, "每周") && !strings.Contains(evalString(t, b, `document.body.textContent`), "每周") {
		t.Errorf("the last good build is not shown under the overlay")
	}

	// The close button hides the panel; a page opened during the failure
	// shows it at once.
	b.Run(t, chromedp.Click(`#gongshi-serve-overlay button`, chromedp.ByQuery))
	waitFor("the close button hides the overlay", overlay+` === null`)
	b.Run(t, chromedp.Navigate(s.base+page))
	waitFor("a page opened during a failure shows the overlay", overlay+` !== null`)
	b.Run(t, chromedp.Evaluate(`window.gongshiMarker = 2`, nil))

	s.edit(t, cases, "2026/13/45", "2026/03/15")
	waitFor("the page reloads without the overlay after the fix", `window.gongshiMarker === undefined && `+overlay+` === null && document.readyState === "complete"`)

	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
	for _, e := range b.LogErrors() {
		t.Errorf("browser log: %s", e)
	}
	b.AssertNoExternalRequests(t)
}

func evalString(t *testing.T, b *browsertest.Browser, expr string) string {
	t.Helper()
	var s string
	b.Run(t, chromedp.Evaluate(expr, &s))
	return s
}
