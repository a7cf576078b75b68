package build_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gongshi/generator/internal/browsertest"
)

// lineHeightJS returns the elements with text whose line height is under
// 1.3 times their font size ("normal" counts as too small).
const lineHeightJS = `(() => {
  const bad = [];
  for (const el of document.body.querySelectorAll("*")) {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim() !== "");
    if (!own || el.offsetParent === null) continue;
    const cs = getComputedStyle(el);
    const lh = parseFloat(cs.lineHeight), fs = parseFloat(cs.fontSize);
    if (!(lh / fs >= 1.299)) bad.push(el.tagName.toLowerCase() + "." + el.className + ": " + cs.lineHeight + " / " + cs.fontSize);
  }
  return bad;
})()`

// TestElderMode checks the 适老化 toggle: the button flips large text (at
// least 1.5×), reports its state, is remembered from page to page, and
// ?elder=1 / ?elder=0 set it from a link; line height is at least 1.3 in
// both modes.
func TestElderMode(t *testing.T) {
	dir := checkedSites(t)[0].dir
	b := browsertest.New(t, dir, prefix)
	home := b.Base + prefix
	var size0, size1 float64
	var pressed string
	var bad []string
	fontSize := `parseFloat(getComputedStyle(document.querySelector("main p, main li")).fontSize)`
	b.Run(t,
		chromedp.Navigate(home+"?elder=0"),
		chromedp.WaitReady("body"),
		chromedp.Evaluate(fontSize, &size0),
		chromedp.Evaluate(lineHeightJS, &bad),
	)
	for _, e := range bad {
		t.Errorf("standard mode: line height under 1.3: %s", e)
	}
	// Focus and Enter rather than a click at coordinates, which a layout
	// still settling on a loaded machine can make miss the button.
	b.Run(t,
		chromedp.WaitVisible(".elder-toggle", chromedp.ByQuery),
		chromedp.Focus(".elder-toggle", chromedp.ByQuery),
		chromedp.KeyEvent(kb.Enter),
		chromedp.Poll(`document.querySelector(".elder-toggle").getAttribute("aria-pressed") === "true"`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.AttributeValue(".elder-toggle", "aria-pressed", &pressed, nil, chromedp.ByQuery),
		chromedp.Evaluate(fontSize, &size1),
	)
	if pressed != "true" {
		t.Errorf("after the click aria-pressed = %q, want true", pressed)
	}
	if size1 < 1.5*size0 {
		t.Errorf("适老化 text is %.1fpx, standard %.1fpx: want at least 1.5×", size1, size0)
	}
	// Remembered on another page, before any script of the page body runs.
	var class string
	b.Run(t,
		chromedp.Navigate(home+"cases/"),
		chromedp.WaitReady("body"),
		chromedp.Evaluate(`document.documentElement.className`, &class),
		chromedp.AttributeValue(".elder-toggle", "aria-pressed", &pressed, nil, chromedp.ByQuery),
		chromedp.Evaluate(lineHeightJS, &bad),
	)
	if !strings.Contains(class, "elder") || pressed != "true" {
		t.Errorf("on the next page class=%q aria-pressed=%q: the choice was not remembered", class, pressed)
	}
	for _, e := range bad {
		t.Errorf("适老化 mode: line height under 1.3: %s", e)
	}
	// A link with ?elder=0 turns it off, and the choice sticks.
	b.Run(t,
		chromedp.Navigate(home+"powers/?elder=0"), chromedp.WaitReady("body"),
		chromedp.Navigate(home+"services/"), chromedp.WaitReady("body"),
		chromedp.Evaluate(`document.documentElement.className`, &class),
	)
	if strings.Contains(class, "elder") {
		t.Errorf("?elder=0 did not turn the mode off: class=%q", class)
	}
	b.Run(t, chromedp.Navigate(home+"?elder=1"), chromedp.WaitReady("body"), chromedp.Evaluate(`document.documentElement.className`, &class))
	if !strings.Contains(class, "elder") {
		t.Errorf("?elder=1 did not turn the mode on: class=%q", class)
	}
	b.Run(t, chromedp.Navigate(home+"?elder=0"), chromedp.WaitReady("body"))
	for _, e := range b.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// TestKeyboardOnly checks that the first Tab reaches a visible skip link
// that moves focus to the main content, that every focused element shows a
// focus ring, and that tabbing goes through the whole page and back to the
// top (no trap).
func TestKeyboardOnly(t *testing.T) {
	dir := checkedSites(t)[0].dir
	b := browsertest.New(t, dir, prefix)
	focusJS := `(() => { const e = document.activeElement; const cs = getComputedStyle(e); const r = e.getBoundingClientRect();
	  return {tag: e.tagName.toLowerCase(), text: (e.textContent || e.getAttribute("aria-label") || e.id || "").trim().slice(0, 20),
	    ring: (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== "none",
	    visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth}; })()`
	type focus struct {
		Tag, Text     string
		Ring, Visible bool
	}
	for _, page := range []string{"", "cases/", "search/"} {
		t.Run("/"+page, func(t *testing.T) {
			var f focus
			var active string
			b.Run(t,
				chromedp.Navigate(b.Base+prefix+page+"?elder=0"), chromedp.WaitReady("body"),
				chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(focusJS, &f),
			)
			if f.Tag != "a" || !strings.Contains(f.Text, "跳到") || !f.Visible || !f.Ring {
				t.Errorf("first Tab focuses %+v, want the visible skip link with a focus ring", f)
			}
			b.Run(t, chromedp.KeyEvent(kb.Enter), chromedp.Evaluate(`document.activeElement.id`, &active))
			if active != "main" {
				t.Errorf("the skip link moved focus to %q, want main", active)
			}
			var first string
			b.Run(t, chromedp.Navigate(b.Base+prefix+page), chromedp.WaitReady("body"))
			for i := 0; i < 400; i++ {
				b.Run(t, chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(focusJS, &f))
				key := f.Tag + ":" + f.Text
				if i == 0 {
					first = key
				} else if key == first || f.Tag == "body" {
					return // came round: no trap
				}
				if !f.Ring {
					t.Errorf("Tab %d: %s has no visible focus ring", i, key)
				}
			}
			t.Errorf("400 Tabs did not come back to the top: keyboard trap near %s:%s", f.Tag, f.Text)
		})
	}
}

// TestPrintLayout emulates print media on a decision and a service page:
// no navigation, links followed by their address, and the decision number
// and dates at the top of the first A4 page.
func TestPrintLayout(t *testing.T) {
	dir := checkedSites(t)[0].dir
	b := browsertest.New(t, dir, prefix)
	var casePage, servicePage string
	for _, p := range a11yPages(t, dir) {
		if strings.HasPrefix(p, "cases/") && len(p) == len("cases/")+17 {
			casePage = p
		}
		if strings.HasPrefix(p, "services/") && len(p) > len("services/") {
			servicePage = p
		}
	}
	if casePage == "" || servicePage == "" {
		t.Fatalf("no decision or service page among %v", a11yPages(t, dir))
	}
	hiddenJS := `[".site-header", ".nav", ".crumbs", ".site-footer", ".skip", ".elder-toggle"].filter(s => { const e = document.querySelector(s); return e && getComputedStyle(e).display !== "none"; })`
	afterJS := `(() => { const a = document.querySelector("main a[href^='/']"); return a ? getComputedStyle(a, "::after").content : "no link"; })()`
	for _, page := range []string{casePage, servicePage, ""} {
		t.Run(page, func(t *testing.T) {
			var shown []string
			var after string
			var top struct{ H1, Meta, Page float64 }
			b.Run(t,
				chromedp.EmulateViewport(794, 1123), // A4 at 96 dpi
				chromedp.Navigate(b.Base+prefix+page+"?elder=1"), chromedp.WaitReady("body"),
				emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(hiddenJS, &shown),
				chromedp.Evaluate(afterJS, &after),
				chromedp.Evaluate(`({h1: document.querySelector("h1").getBoundingClientRect().bottom, meta: (document.querySelector("main .meta") || document.querySelector("h1")).getBoundingClientRect().bottom, page: 1123 - 2*57})`, &top),
			)
			b.Run(t, emulation.SetEmulatedMedia().WithMedia(""), chromedp.Navigate(b.Base+prefix+"?elder=0"))
			if len(shown) > 0 {
				t.Errorf("printed with %v", shown)
			}
			if page == "" {
				// The home page has links in main: each prints its address,
				// absolute once the beforeprint handler has run.
				if !strings.Contains(after, prefix) {
					t.Errorf("a printed link is followed by %s, want its address", after)
				}
				b.Run(t,
					chromedp.Navigate(b.Base+prefix), chromedp.WaitReady("body"),
					emulation.SetEmulatedMedia().WithMedia("print"),
					chromedp.Evaluate(`window.dispatchEvent(new Event("beforeprint"))`, nil),
					chromedp.Evaluate(afterJS, &after),
					emulation.SetEmulatedMedia().WithMedia(""),
				)
				if !strings.Contains(after, b.Base+prefix) {
					t.Errorf("after beforeprint a printed link is followed by %s, want its full address", after)
				}
				return
			}
			if top.H1 > top.Page/2 || top.Meta > top.Page/2 {
				t.Errorf("title ends at %.0fpx and dates at %.0fpx: want both in the top half of the first page (%.0fpx)", top.H1, top.Meta, top.Page)
			}
		})
	}
}
