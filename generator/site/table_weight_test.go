package site_test

import (
	"context"
	"encoding/json"
	"gongshi/generator/internal/sitecheck"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
)

// TestTableWeight measures the decisions table of a built site in
// Chromium: for each view, the files the page fetches from navigation to
// rows shown (the HTML, its styles and scripts, the meta file and the
// month files), their bytes raw and gzip-compressed (best compression, as
// sitecheck.PageWeight counts), and the time to rows shown. It is a
// measurement, not a timed test: set GONGSHI_TABLE_SITE to a folder built
// with base_url at a site root, e.g.
//
//	gongshi sample --cases 100000 /tmp/t && gongshi build --source /tmp/t --base-url https://www.example.gov.cn/
//	GONGSHI_TABLE_SITE=/tmp/t/public go test ./generator/site -run TestTableWeight -v
func TestTableWeight(t *testing.T) {
	dir := os.Getenv("GONGSHI_TABLE_SITE")
	if dir == "" {
		t.Skip("set GONGSHI_TABLE_SITE to a built site folder to measure the decisions table")
	}
	metas, _ := filepath.Glob(filepath.Join(dir, "cases", "table", "meta.*.json"))
	if len(metas) != 1 {
		t.Fatalf("%d meta files in %s", len(metas), dir)
	}
	var meta struct {
		Total      int
		Cats, Vios []string
		Auths      []string
		Months     []struct{ M string }
	}
	data, err := os.ReadFile(metas[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d decisions in %d months; %d categories, %d violation types, %d authorities", meta.Total, len(meta.Months), len(meta.Cats), len(meta.Vios), len(meta.Auths))
	q := url.QueryEscape
	year := meta.Months[len(meta.Months)/2].M[:4]
	views := []string{"", "?page=3", "?year=" + year, "?cat=" + q(meta.Cats[len(meta.Cats)-1]), "?vio=" + q(meta.Vios[0]),
		"?vio=" + q(meta.Vios[0]) + "&auth=" + q(meta.Auths[0]), "?min=10000", "?year=" + year + "&sort=-fine", "?sort=-fine"}
	b := browsertest.New(t, dir, "/")
	for _, v := range views {
		// A fresh cache per view: every file counts.
		b.Run(t, chromedp.Navigate("about:blank"), chromedp.ActionFunc(func(ctx context.Context) error { return network.ClearBrowserCache().Do(ctx) }))
		b.Reset()
		var ms float64
		var status string
		b.RunPage(t, chromedp.Navigate(b.Base+"/cases/table/"+v), waitView,
			chromedp.Evaluate(`performance.now()`, &ms), chromedp.Text("#table-status", &status, chromedp.ByID))
		var raw, comp, months int
		for _, u := range b.Requests() {
			p, ok := strings.CutPrefix(u, b.Base)
			if !ok {
				continue
			}
			p, _, _ = strings.Cut(p, "?")
			if strings.HasSuffix(p, "/") {
				p += "index.html"
			}
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				continue // favicon and the like, when absent
			}
			raw += len(data)
			comp += sitecheck.Gzipped(data)
			if strings.HasPrefix(p, "/cases/table/") && !strings.HasPrefix(p, "/cases/table/meta.") && strings.HasSuffix(p, ".json") {
				months++
			}
		}
		t.Logf("view %q: %d requests, %d of %d month files, %.1f KB raw, %.1f KB gzip, rows after %.0f ms; %s",
			v, len(b.Requests()), months, len(meta.Months), float64(raw)/1024, float64(comp)/1024, ms, status)
	}
}
