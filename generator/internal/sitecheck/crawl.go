package sitecheck

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Broken is a reference that does not resolve.
type Broken struct {
	From, Target, Reason string
}

func (b Broken) String() string { return fmt.Sprintf("%s: %s: %s", b.From, b.Target, b.Reason) }

// CrawlResult is what a crawl found.
type CrawlResult struct {
	// Fetched lists every URL path fetched with status 200, sorted.
	Fetched []string
	Broken  []Broken
}

// refAttrs are the attributes that make the browser fetch or navigate, by
// element ("" for any element).
var refAttrs = map[string][]string{
	"a": {"href"}, "link": {"href"}, "area": {"href"},
	"script": {"src"}, "img": {"src", "srcset"}, "source": {"src", "srcset"},
	"iframe": {"src"}, "video": {"src", "poster"}, "audio": {"src"},
	"form": {"action"}, "object": {"data"},
	"": {"data-option", "data-index"},
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

type ref struct {
	from, raw  string
	path, frag string
}

// Crawl serves h and follows every link, asset and anchor reachable from
// the start paths (e.g. "/zfxxgk/qingxi/" and "/zfxxgk/qingxi/404.html"),
// staying below prefix. A reference is broken when it leaves prefix, the
// server does not answer 200, or its #fragment names no element of the
// target page. Links to other sites are not followed.
func Crawl(h http.Handler, prefix string, start ...string) CrawlResult {
	srv := httptest.NewServer(h)
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	var (
		res    CrawlResult
		refs   []ref
		queue  []string
		seen   = map[string]bool{}
		status = map[string]string{} // path -> "" when fine, else why not
		ids    = map[string]map[string]bool{}
	)
	add := func(from, raw string, page *url.URL) {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			res.Broken = append(res.Broken, Broken{from, raw, "empty reference"})
			return
		}
		u, err := page.Parse(raw)
		if err != nil {
			res.Broken = append(res.Broken, Broken{from, raw, "not a URL"})
			return
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host != base.Host {
			return // another site, mailto:, tel:, data:
		}
		if !strings.HasPrefix(u.Path, prefix) {
			res.Broken = append(res.Broken, Broken{from, raw, "outside the base path " + prefix})
			return
		}
		refs = append(refs, ref{from, raw, u.Path, u.Fragment})
		if !seen[u.Path] {
			seen[u.Path] = true
			queue = append(queue, u.Path)
		}
	}
	for _, s := range start {
		if !seen[s] {
			seen[s] = true
			queue = append(queue, s)
		}
	}
	client := srv.Client()
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		u := *base
		u.Path = p
		resp, err := client.Get(u.String())
		if err != nil {
			status[p] = err.Error()
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			status[p] = resp.Status
			continue
		}
		res.Fetched = append(res.Fetched, p)
		switch ct := resp.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/html"):
			ids[p] = scanHTML(body, func(raw string) { add(p, raw, &u) })
		case strings.HasPrefix(ct, "text/css"):
			for _, m := range cssURL.FindAllSubmatch(body, -1) {
				add(p, string(m[1]), &u)
			}
		}
	}
	for _, r := range refs {
		if why := status[r.path]; why != "" {
			res.Broken = append(res.Broken, Broken{r.from, r.raw, why})
			continue
		}
		if m, isHTML := ids[r.path]; isHTML && r.frag != "" && !m[r.frag] {
			res.Broken = append(res.Broken, Broken{r.from, r.raw, "no element with id " + r.frag})
		}
	}
	sort.Strings(res.Fetched)
	sort.Slice(res.Broken, func(i, j int) bool {
		a, b := res.Broken[i], res.Broken[j]
		if a.From != b.From {
			return a.From < b.From
		}
		return a.Target < b.Target
	})
	out := res.Broken[:0]
	for i, b := range res.Broken {
		if i == 0 || b != res.Broken[i-1] {
			out = append(out, b)
		}
	}
	res.Broken = out
	return res
}

// scanHTML calls ref for every reference in the page and returns its ids
// (and the names of <a name> anchors).
func scanHTML(body []byte, ref func(string)) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(strings.NewReader(string(body)))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ids
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			switch {
			case a.Key == "id" || (tok.Data == "a" && a.Key == "name"):
				ids[a.Val] = true
			case a.Key == "srcset" && has(refAttrs[tok.Data], a.Key):
				for _, c := range strings.Split(a.Val, ",") {
					if f := strings.Fields(c); len(f) > 0 {
						ref(f[0])
					}
				}
			case has(refAttrs[tok.Data], a.Key) || has(refAttrs[""], a.Key):
				ref(a.Val)
			case a.Key == "style":
				for _, m := range cssURL.FindAllStringSubmatch(a.Val, -1) {
					ref(m[1])
				}
			}
		}
	}
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
