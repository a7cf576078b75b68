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

// Feed is the site's feed, written as Atom 1.0 (RFC 4287). Every text in
// it is an Atom text construct of type "text": a reader shows the
// characters as they are and never reads markup in them, so a "<b>" in a
// party's name reaches the reader as those three characters. (RSS 2.0
// leaves open whether a title holds HTML, and readers differ.)
type Feed struct {
	Title, Subtitle string
	// Link is the site's home page and Self the feed's own URL, both
	// absolute when the site has a full base_url.
	Link, Self string
	Author     string
	Lang       string
	// Updated is when the feed last changed: the build date.
	Updated time.Time
	Items   []FeedItem
}

// FeedItem is one entry of the feed. Title and Summary are plain text.
type FeedItem struct {
	Title, Link, Summary string
	// Date is when the entry was published; zero means Feed.Updated.
	Date time.Time
}

// Atom returns the feed as an Atom 1.0 document. Times are written in
// their own zone, which the caller sets to the site's.
func Atom(f Feed) []byte {
	var b bytes.Buffer
	text := func(indent, name, s string) {
		b.WriteString(indent + "<" + name + ` type="text">`)
		xml.EscapeText(&b, []byte(s))
		b.WriteString("</" + name + ">\n")
	}
	link := func(indent, href, rel, typ string) {
		b.WriteString(indent + `<link rel="` + rel + `" type="` + typ + `" href="`)
		xml.EscapeText(&b, []byte(href))
		b.WriteString("\"/>\n")
	}
	elem := func(indent, name, s string) {
		b.WriteString(indent + "<" + name + ">")
		xml.EscapeText(&b, []byte(s))
		b.WriteString("</" + name + ">\n")
	}
	b.WriteString(xml.Header + `<feed xmlns="http://www.w3.org/2005/Atom"`)
	if f.Lang != "" {
		b.WriteString(` xml:lang="`)
		xml.EscapeText(&b, []byte(f.Lang))
		b.WriteString(`"`)
	}
	b.WriteString(">\n")
	text(" ", "title", f.Title)
	if f.Subtitle != "" {
		text(" ", "subtitle", f.Subtitle)
	}
	link(" ", f.Link, "alternate", "text/html")
	if f.Self != "" {
		link(" ", f.Self, "self", "application/atom+xml")
	}
	elem(" ", "id", f.Link)
	elem(" ", "updated", f.Updated.Format(time.RFC3339))
	b.WriteString(" <author>\n")
	elem("  ", "name", f.Author)
	b.WriteString(" </author>\n")
	for _, it := range f.Items {
		d := it.Date
		if d.IsZero() {
			d = f.Updated
		}
		b.WriteString(" <entry>\n")
		text("  ", "title", it.Title)
		link("  ", it.Link, "alternate", "text/html")
		elem("  ", "id", it.Link)
		elem("  ", "updated", d.Format(time.RFC3339))
		if it.Summary != "" {
			text("  ", "summary", it.Summary)
		}
		b.WriteString(" </entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
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
