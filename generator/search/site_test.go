package search

import (
	"bytes"
	"strings"
	"testing"
)

func TestSiteFacetOnlyWhenDocsNameTheirSite(t *testing.T) {
	docs := []Doc{
		{Type: TypeCase, URL: "/cases/a/", Title: "青石商贸罚款"},
		{Type: TypeCase, URL: "/cases/b/", Title: "石门建材罚款"},
	}
	plain, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range plain.Meta.Facets {
		if f.Key == "site" {
			t.Errorf("an index whose docs name no site has a site facet: %+v", f)
		}
	}
	sited := append([]Doc(nil), docs...)
	sited[0].Facets.Site, sited[1].Facets.Site = "青溪镇", "石门镇"
	ix, err := Build(sited, Options{})
	if err != nil {
		t.Fatal(err)
	}
	last := ix.Meta.Facets[len(ix.Meta.Facets)-1]
	if last.Key != "site" || len(last.Values) != 2 || last.Values[0].V != "青溪镇" || last.Values[1].V != "石门镇" {
		t.Errorf("site facet = %+v", last)
	}
	// The other facets' columns are the same: the site's is added after them.
	a, b := facetFile(ix), facetFile(plain)
	if len(b) == 0 || !bytes.HasPrefix(a, b) || len(a) == len(b) {
		t.Errorf("facets.bin: %d bytes with the site facet, %d without; want the same columns and one more", len(a), len(b))
	}
}

func facetFile(ix *Index) []byte {
	for p, data := range ix.Files {
		if strings.HasSuffix(p, "facets.bin") {
			return data
		}
	}
	return nil
}
