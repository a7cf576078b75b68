package output

import (
	"bytes"
	"encoding/xml"
	"testing"
	"time"
)

// atomDoc is what a reader takes from an Atom feed.
type atomDoc struct {
	XMLName xml.Name  `xml:"http://www.w3.org/2005/Atom feed"`
	Title   atomText  `xml:"title"`
	Entries []atomEnt `xml:"entry"`
}

type atomEnt struct {
	Title   atomText `xml:"title"`
	Summary atomText `xml:"summary"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

func TestFeedTextReachesReaderAsText(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	for _, s := range []string{`<script>alert(1)</script>`, `A &amp; B`, `<b>粗体</b> & 5 < 6`, "控制\x01字符"} {
		t.Run(s, func(t *testing.T) {
			data := Atom(Feed{Title: s, Link: "https://example.gov.cn/", Updated: time.Date(2026, 6, 1, 8, 0, 0, 0, loc),
				Items: []FeedItem{{Title: s, Summary: s, Link: "https://example.gov.cn/cases/a/?x=1&y=2"}}})
			if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("<b>")) {
				t.Fatalf("markup from the data reaches the feed as markup:\n%s", data)
			}
			var doc atomDoc
			if err := xml.Unmarshal(data, &doc); err != nil {
				t.Fatalf("not well-formed: %v\n%s", err, data)
			}
			want := s
			if s == "控制\x01字符" {
				want = "控制\uFFFD字符" // not a character XML allows
			}
			if len(doc.Entries) != 1 {
				t.Fatalf("%d entries", len(doc.Entries))
			}
			e := doc.Entries[0]
			for name, got := range map[string]atomText{"feed title": doc.Title, "entry title": e.Title, "summary": e.Summary} {
				if got.Type != "text" || got.Text != want {
					t.Errorf("%s: type %q text %q, want type \"text\" and %q", name, got.Type, got.Text, want)
				}
			}
			if e.ID != "https://example.gov.cn/cases/a/?x=1&y=2" || e.Updated != "2026-06-01T08:00:00+08:00" {
				t.Errorf("entry id %q updated %q", e.ID, e.Updated)
			}
		})
	}
}
