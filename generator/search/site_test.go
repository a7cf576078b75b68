package search

import (
	"net/url"
	"strings"
	"testing"
)

func siteDocs() []Doc {
	return []Doc{
		{Type: TypeCase, URL: "/qingxi/cases/a/", Title: "青石商贸罚款", Facets: Facets{Site: "青溪镇"}},
		{Type: TypeCase, URL: "/shimen/cases/b/", Title: "石门建材罚款", Facets: Facets{Site: "石门镇"}},
		{Type: TypeCase, URL: "/qingxi/cases/c/", Title: "青溪餐饮罚款", Facets: Facets{Site: "青溪镇"}},
	}
}

func TestSiteFacetOnlyWhenDocsNameTheirSite(t *testing.T) {
	plain := siteDocs()
	for i := range plain {
		plain[i].Facets.Site = ""
	}
	ix, err := Build(plain, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ix.Meta.Facets {
		if f.Key == "site" {
			t.Errorf("an index whose docs name no site has a site facet: %+v", f)
		}
	}
	if ix, err = Build(siteDocs(), Options{}); err != nil {
		t.Fatal(err)
	}
	last := ix.Meta.Facets[len(ix.Meta.Facets)-1]
	if last.Key != "site" || len(last.Values) != 2 || last.Values[0].V != "青溪镇" || last.Values[1].V != "石门镇" {
		t.Errorf("site facet = %+v", last)
	}
}

func TestSearcherFiltersBySite(t *testing.T) {
	ix, err := Build(siteDocs(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := fsSearcher(t, indexFS(t, ix, nil))
	res, err := s.Search("罚款", url.Values{"site": {"青溪镇"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Docs) != 2 {
		t.Fatalf("罚款 in 青溪镇: docs %v, want 2", res.Docs)
	}
	for _, d := range res.Docs {
		cd, err := s.chunkDoc(d)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(cd.U, "/qingxi/") {
			t.Errorf("filtered to 青溪镇, got %s", cd.U)
		}
	}
	if got := res.Counts["site"]; len(got) != 2 || got[0] != 2 || got[1] != 1 {
		t.Errorf("site counts = %v, want [2 1] (each facet counted without its own filter)", got)
	}
}

// An index extends a previous one only when both have the site facet or
// neither does: a segment's facet table has one column per facet.
func TestExtendingKeepsTheSiteFacetOfEverySegment(t *testing.T) {
	docs := siteDocs()
	for i := range 40 {
		docs = append(docs, Doc{Type: TypeCase, URL: "/shimen/cases/x" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "/", Title: "石门罚款", Facets: Facets{Site: "石门镇"}})
	}
	first, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	prev := indexFS(t, first, nil)
	more := append(append([]Doc(nil), docs...), Doc{Type: TypeCase, URL: "/baisha/cases/new/", Title: "白沙罚款", Facets: Facets{Site: "白沙镇"}})
	ix, err := Build(more, Options{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Layout != "extended" || len(ix.Meta.Segs) != 2 {
		t.Fatalf("layout %q, %d segments; want extended, 2", ix.Layout, len(ix.Meta.Segs))
	}
	s := fsSearcher(t, indexFS(t, ix, prev))
	res, err := s.Search("罚款", url.Values{"site": {"白沙镇"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Docs) != 1 || res.Docs[0] != len(docs) {
		t.Errorf("罚款 in 白沙镇: docs %v, want [%d]", res.Docs, len(docs))
	}
	plain := append([]Doc(nil), more...)
	for i := range plain {
		plain[i].Facets.Site = ""
	}
	ix, err = Build(plain, Options{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ix.Layout, "compacted: ") || !strings.Contains(ix.Layout, "facets") {
		t.Errorf("docs without sites over an index with them: layout %q, want compacted for the facets", ix.Layout)
	}
}
