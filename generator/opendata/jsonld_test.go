package opendata

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func TestJSONLDCannotCloseItsElement(t *testing.T) {
	ds := []Dataset{{Slug: "cases", Title: "行政处罚决定", Description: "d", Count: 2, Updated: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		CSV: "/data/cases.csv", JSON: "/data/cases.json", From: "2026-01-02", To: "2026-05-10"}}
	ld, err := JSONLD(ds, Publisher{Name: "</script><script>alert(1)</script>", Place: "青溪镇", License: "可自由引用 & 转载", Catalog: "https://x.gov.cn/data/"},
		func(p string) string { return "https://x.gov.cn" + p })
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(ld, []byte("</")) || bytes.Contains(ld, []byte("<script")) || bytes.Contains(ld, []byte("&")) {
		t.Errorf("unescaped markup in %s", ld)
	}
	var doc struct {
		Graph []struct {
			Publisher struct{ Name string } `json:"publisher"`
			Coverage  string                `json:"temporalCoverage"`
			Dist      []struct {
				URL string `json:"contentUrl"`
			} `json:"distribution"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(ld, &doc); err != nil {
		t.Fatal(err)
	}
	g := doc.Graph[0]
	if g.Publisher.Name != "</script><script>alert(1)</script>" || g.Coverage != "2026-01-02/2026-05-10" || len(g.Dist) != 2 || g.Dist[0].URL != "https://x.gov.cn/data/cases.csv" {
		t.Errorf("decoded %+v", g)
	}
}
