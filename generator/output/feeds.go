package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// MaxSitemapURLs is the most URLs one sitemap file may hold.
const MaxSitemapURLs = 50000

// SitemapEntry is one URL of the sitemap.
type SitemapEntry struct {
	Loc     string
	LastMod time.Time
}

// Sitemaps returns the sitemap files: one sitemap.xml when the entries fit,
// else a sitemap index at sitemap.xml and numbered files. absURL turns a
// site path into an absolute URL.
func Sitemaps(entries []SitemapEntry, absURL func(string) string) map[string][]byte {
	out := map[string][]byte{}
	write := func(es []SitemapEntry) []byte {
		var b bytes.Buffer
		b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, e := range es {
			b.WriteString("<url><loc>")
			xml.EscapeText(&b, []byte(absURL(e.Loc)))
			b.WriteString("</loc>")
			if !e.LastMod.IsZero() {
				b.WriteString("<lastmod>" + e.LastMod.Format("2006-01-02") + "</lastmod>")
			}
			b.WriteString("</url>\n")
		}
		b.WriteString("</urlset>\n")
		return b.Bytes()
	}
	if len(entries) <= MaxSitemapURLs {
		out["/sitemap.xml"] = write(entries)
		return out
	}
	var idx bytes.Buffer
	idx.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := 0; i*MaxSitemapURLs < len(entries); i++ {
		name := fmt.Sprintf("/sitemap-%d.xml", i+1)
		out[name] = write(entries[i*MaxSitemapURLs : min((i+1)*MaxSitemapURLs, len(entries))])
		idx.WriteString("<sitemap><loc>")
		xml.EscapeText(&idx, []byte(absURL(name)))
		idx.WriteString("</loc></sitemap>\n")
	}
	idx.WriteString("</sitemapindex>\n")
	out["/sitemap.xml"] = idx.Bytes()
	return out
}

// FeedItem is one item of the RSS feed.
type FeedItem struct {
	Title, Link, Description string
	Date                     time.Time
}

// RSS returns an RSS 2.0 feed.
func RSS(title, link, desc, lang string, items []FeedItem, built time.Time) ([]byte, error) {
	type guid struct {
		Value     string `xml:",chardata"`
		Permalink bool   `xml:"isPermaLink,attr"`
	}
	type item struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		GUID        guid   `xml:"guid"`
		PubDate     string `xml:"pubDate,omitempty"`
		Description string `xml:"description,omitempty"`
	}
	type channel struct {
		Title         string `xml:"title"`
		Link          string `xml:"link"`
		Description   string `xml:"description"`
		Language      string `xml:"language"`
		LastBuildDate string `xml:"lastBuildDate"`
		Items         []item `xml:"item"`
	}
	doc := struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel channel  `xml:"channel"`
	}{Version: "2.0", Channel: channel{Title: title, Link: link, Description: desc, Language: lang, LastBuildDate: built.Format(time.RFC1123Z)}}
	for _, it := range items {
		i := item{Title: it.Title, Link: it.Link, GUID: guid{it.Link, true}, Description: it.Description}
		if !it.Date.IsZero() {
			i.PubDate = it.Date.Format(time.RFC1123Z)
		}
		doc.Channel.Items = append(doc.Channel.Items, i)
	}
	b, err := xml.MarshalIndent(doc, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), b...), nil
}

// Robots returns robots.txt pointing at the sitemap.
func Robots(sitemapURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + sitemapURL + "\n")
}

// ExternalRequests lists the files in fsys whose content would make a
// browser request something from another site. See ExternalRequest.
func ExternalRequests(fsys fs.FS) ([]string, error) {
	var bad []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".css") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if ExternalRequest(p, data) != "" {
			bad = append(bad, p)
		}
		return nil
	})
	return bad, err
}

// fetchAttrs are the attributes whose URL a browser fetches by itself.
// href fetches only on <link> (stylesheets, icons, preloads), handled apart.
var fetchAttrs = [][]byte{[]byte(" src="), []byte(" srcset="), []byte(" poster="), []byte(" data="), []byte("url("), []byte("@import")}

// ExternalRequest returns the first URL in an HTML or CSS file that a
// browser would fetch from another site (scripts, images, styles, frames,
// fonts), or "". Hyperlinks (<a href>) are not requests, nor are the
// canonical and alternate <link>s, which are metadata.
func ExternalRequest(name string, data []byte) string {
	for _, attr := range fetchAttrs {
		for i := 0; ; {
			j := bytes.Index(data[i:], attr)
			if j < 0 {
				break
			}
			i += j + len(attr)
			if u := urlAt(data[i:]); isExternal(u) {
				return u
			}
		}
	}
	if !strings.HasSuffix(name, ".html") {
		return ""
	}
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("<link "))
		if j < 0 {
			break
		}
		i += j
		end := bytes.IndexByte(data[i:], '>')
		if end < 0 {
			break
		}
		tag := data[i : i+end]
		i += end
		if bytes.Contains(tag, []byte("canonical")) || bytes.Contains(tag, []byte("alternate")) {
			continue
		}
		if k := bytes.Index(tag, []byte(" href=")); k >= 0 {
			if u := urlAt(tag[k+6:]); isExternal(u) {
				return u
			}
		}
	}
	return ""
}

// urlAt reads an attribute value or CSS url() argument at the start of b.
func urlAt(b []byte) string {
	b = bytes.TrimLeft(b, " \t\n")
	if len(b) > 0 && (b[0] == '"' || b[0] == '\'') {
		q := b[0]
		if k := bytes.IndexByte(b[1:], q); k >= 0 {
			return string(b[1 : 1+k])
		}
		return ""
	}
	k := bytes.IndexAny(b, " >)\t\n;")
	if k < 0 {
		k = len(b)
	}
	return string(b[:k])
}

// isExternal reports whether u, or any candidate of a srcset list, is an
// absolute URL: "//host/…" or "scheme://…".
func isExternal(u string) bool {
	for _, cand := range strings.Split(u, ",") {
		f := strings.Fields(strings.ToLower(cand))
		if len(f) == 0 {
			continue
		}
		c := f[0]
		if strings.HasPrefix(c, "//") {
			return true
		}
		if i := strings.Index(c, "://"); i > 0 && !strings.ContainsAny(c[:i], "/?#") {
			return true
		}
	}
	return false
}
