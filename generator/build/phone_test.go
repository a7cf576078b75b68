package build_test

import (
	"cmp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitetest"
)

// layoutJS measures the page at the current viewport: the document's
// scroll width, the elements and lines of text that stick out to the right
// outside any scrolling box (a wide table may scroll inside its .table-wrap), the list
// items whose bullet does not sit beside their first line (the bullet is
// drawn on the baseline of the item's first line box, where a probe put at
// the start of the item lands), and the items whose wrapped lines start
// left of their first line (no hanging indent) or whose bullet is cut off
// at the left edge.
const layoutJS = `(() => {
  const W = innerWidth, out = {scroll: document.documentElement.scrollWidth, width: W, wide: [], bullets: [], hang: []};
  const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " «" + (el.textContent || "").trim().slice(0, 24) + "»";
  const scrolls = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") return true; } return false; };
  const text = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = text.nextNode(); n; n = text.nextNode()) {
    if (!n.textContent.trim()) continue;
    const r = document.createRange();
    r.selectNodeContents(n);
    if (Array.from(r.getClientRects()).some(line => line.right > W + 0.5) && !scrolls(n)) out.wide.push("text of " + name(n.parentElement) + " runs past the right edge");
  }
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= W + 0.5 || scrolls(el)) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === "hidden" || cs.position === "absolute" && r.left < 0) continue;
    out.wide.push(name(el) + " right=" + Math.round(r.right));
  }
  // All probes go in at once and come out at once: one layout, not one
  // per item (the power list has hundreds).
  const items = [];
  for (const li of document.body.querySelectorAll("li")) {
    const cs = getComputedStyle(li);
    if (cs.display !== "list-item" || cs.listStyleType === "none" || li.getClientRects().length === 0) continue;
    const probe = document.createElement("span");
    probe.textContent = "\u200b";
    items.push({li, cs, probe});
  }
  for (const it of items) it.li.insertBefore(it.probe, it.li.firstChild);
  for (const it of items) it.p = it.probe.getBoundingClientRect();
  for (const it of items) it.probe.remove();
  for (const {li, cs, p} of items) {
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT, {acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
    const first = walker.nextNode();
    if (!first) continue;
    const at = first.textContent.search(/\S/), glyph = document.createRange();
    glyph.setStart(first, at); glyph.setEnd(first, at + 1);
    const g = glyph.getBoundingClientRect();
    const fs = parseFloat(cs.fontSize);
    if (p.bottom > g.bottom + fs / 2) out.bullets.push(name(li) + ": bullet " + Math.round(p.bottom - g.bottom) + "px below the first line");
    let left = g.left;
    for (let n = first; n; n = walker.nextNode()) {
      if (n.parentElement.closest("li") !== li) continue;
      const r = document.createRange();
      r.selectNodeContents(n);
      for (const line of r.getClientRects()) if (line.width > 0) left = Math.min(left, line.left);
    }
    if (left < g.left - 1) out.hang.push(name(li) + ": a wrapped line starts " + Math.round(g.left - left) + "px left of the first");
    if (li.getBoundingClientRect().left < 0.8 * fs) out.hang.push(name(li) + ": no room for the bullet at the left edge");
  }
  return out;
})()`

// lineLengthJS returns the lines of text in main longer than limit times
// their font size (about limit CJK characters), outside tables and code.
const lineLengthJS = `((limit) => {
  const bad = [], walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest("table, pre, code, .code")) continue;
    const fs = parseFloat(getComputedStyle(el).fontSize), r = document.createRange();
    r.selectNodeContents(n);
    for (const line of r.getClientRects()) {
      if (line.width > limit * fs + 1) { bad.push(el.tagName.toLowerCase() + " «" + n.textContent.trim().slice(0, 24) + "»: " + Math.round(line.width / fs) + " characters wide"); break; }
    }
  }
  return bad;
})`

// phonePages returns a page of every type of the sample site: home, the
// lists, a record of each kind, every statistics topic, search with
// results, the data catalogue, the changes and the fixed pages.
func phonePages(t *testing.T, dir string) []string {
	t.Helper()
	pages := []string{"", "cases/", "cases/page/2/", "cases/withdrawn/", "powers/", "services/", "licences/", "licences/withdrawn/", "stats/",
		"search/?q=" + "罚款", "data/", "changes/", "notices/", "sitemap/", "privacy/", "accessibility/", "404.html"}
	fixed := len(pages)
	files := map[string]bool{}
	one := map[string]string{}
	for _, f := range sitetest.Files(t, dir) {
		files[f] = true
		page, ok := strings.CutSuffix(f, "index.html")
		if !ok {
			continue
		}
		parts := strings.Split(strings.TrimSuffix(page, "/"), "/")
		if len(parts) != 2 {
			continue
		}
		switch parts[0] {
		case "stats", "notices", "changes":
			if parts[1] != "page" {
				pages = append(pages, page)
			}
		case "cases", "powers", "services", "licences":
			// A record, the last in order, so the choice is stable.
			if recordID(parts[1]) && page > one[parts[0]] {
				one[parts[0]] = page
			}
		}
	}
	for _, kind := range []string{"cases", "powers", "services", "licences"} {
		if one[kind] == "" {
			t.Fatalf("the sample site has no %s record page", kind)
		}
		pages = append(pages, one[kind])
	}
	sort.Strings(pages[fixed:])
	for _, p := range pages {
		file, _, _ := strings.Cut(p, "?")
		if strings.HasSuffix(file, "/") || file == "" {
			file += "index.html"
		}
		if !files[file] {
			t.Fatalf("the sample site has no %s", file)
		}
	}
	return pages
}

// recordID reports whether a folder under a kind's list is a record, not
// one of the list's own pages (a year, the numbered pages, the withdrawn
// list, the table, the review, the changes, the lists by power item).
func recordID(s string) bool {
	switch s {
	case "withdrawn", "page", "table", "review", "changes", "power":
		return false
	}
	_, err := strconv.Atoi(s)
	return err != nil
}

// TestElderModeOnPhone loads every type of page of the sample site in
// 适老化 mode at 390 px (a common phone width): nothing scrolls sideways,
// and every bulleted list item keeps its bullet beside its first line, in
// view, with its wrapped lines indented under the first.
func TestElderModeOnPhone(t *testing.T) {
	dir := checkedSites(t)[1].dir
	b := browsertest.New(t, dir, prefix)
	b.Run(t, chromedp.EmulateViewport(390, 844))
	for _, page := range phonePages(t, dir) {
		t.Run(cmp.Or(strings.ReplaceAll(page, "/", "_"), "home"), func(t *testing.T) {
			sep := "?"
			if strings.Contains(page, "?") {
				sep = "&"
			}
			var got struct {
				Scroll, Width float64
				Wide, Bullets []string
				Hang          []string
			}
			actions := []chromedp.Action{chromedp.Navigate(b.Base + prefix + page + sep + "elder=1"), chromedp.WaitReady("body")}
			if strings.HasPrefix(page, "search/") {
				// Measure the results the script shows, not the empty page.
				actions = append(actions, chromedp.Poll(`document.querySelector("main li")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			}
			b.RunPage(t, append(actions, chromedp.Evaluate(layoutJS, &got))...)
			if got.Scroll > got.Width {
				t.Errorf("the page is %.0f px wide in a %.0f px window", got.Scroll, got.Width)
			}
			for _, list := range [][]string{got.Wide, got.Bullets, got.Hang} {
				for i, e := range list {
					if i == 5 {
						t.Errorf("… and %d more", len(list)-5)
						break
					}
					t.Error(e)
				}
			}
		})
	}
}

// TestLineLengthOnDesktop checks that text runs to about 40 CJK characters
// a line at most on a wide screen, in the standard and the 适老化 mode.
func TestLineLengthOnDesktop(t *testing.T) {
	dir := checkedSites(t)[1].dir
	b := browsertest.New(t, dir, prefix)
	b.Run(t, chromedp.EmulateViewport(1440, 900))
	pages := []string{"", "cases/", "services/", "notices/disclosure-rules/", "data/", "changes/"}
	for _, p := range phonePages(t, dir) {
		if strings.HasPrefix(p, "cases/") && len(p) == len("cases/")+17 || strings.HasPrefix(p, "services/") && len(p) > len("services/") {
			pages = append(pages, p)
		}
	}
	for _, elder := range []string{"0", "1"} {
		for _, page := range pages {
			t.Run("elder="+elder+"/"+strings.ReplaceAll(page, "/", "_"), func(t *testing.T) {
				var bad []string
				b.RunPage(t, chromedp.Navigate(b.Base+prefix+page+"?elder="+elder), chromedp.WaitReady("body"), chromedp.Evaluate(lineLengthJS+"(42)", &bad))
				for i, e := range bad {
					if i == 5 {
						t.Errorf("… and %d more", len(bad)-5)
						break
					}
					t.Error(e)
				}
			})
		}
	}
}
