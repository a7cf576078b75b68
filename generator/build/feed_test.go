package build_test

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
)

func TestFeedCarriesDataAsText(t *testing.T) {
	const violation = `<b>占道</b>&amp;<script>alert(1)</script>`
	const title = `<i>专栏</i> &amp; 上线`
	src := readArchive(t, "smalltown.txtar")
	src = strings.Replace(src, "青溪综执罚〔2026〕3号,擅自占用人行道堆放货物,", "青溪综执罚〔2026〕3号,"+violation+",", 1)
	src = strings.Replace(src, `title = "专栏上线"`, `title = "`+title+`"`, 1)
	dest, _ := sitetest.Build(t, src)
	data, err := os.ReadFile(filepath.Join(dest, "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	// What a reader takes from the feed: each text, and whether it may
	// hold markup.
	var doc struct {
		Entries []struct {
			Title   feedText `xml:"title"`
			Summary feedText `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, e := range doc.Entries {
		for _, x := range []feedText{e.Title, e.Summary} {
			for _, want := range []string{violation, title} {
				if strings.Contains(x.Text, want) {
					found[want] = true
					if x.Type != "text" {
						t.Errorf("%q is in an element of type %q: a reader renders its markup", x.Text, x.Type)
					}
				}
			}
		}
	}
	if !found[violation] || !found[title] {
		t.Errorf("the feed does not carry the data as text (found %v):\n%s", found, data)
	}
	sitetest.AssertFile(t, dest, "index.html", `type="application/atom+xml"`)
}

// feedText is a feed element's text and the type that says whether it may
// hold markup.
type feedText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}
