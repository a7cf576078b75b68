package build

import (
	"testing"

	"gongshi/generator/disclose"
	"gongshi/generator/internal/fieldtest"
	"gongshi/generator/records"
	"gongshi/generator/site"
)

// TestCaseKeyCoversEveryField changes each field of a decision's page and
// of the decision in turn: every change must change the page's key, or an
// edited decision would keep its old page.
func TestCaseKeyCoversEveryField(t *testing.T) {
	c := &disclose.Case{ID: "a1"}
	p := &site.Page{URL: "/cases/a1/", Layout: "case", Title: "t", Crumbs: []site.Crumb{{Title: "首页", URL: "/"}},
		Data: site.CaseData{Case: c, Power: &records.Power{Code: "p1"}}}
	k := &pageKeys{fingerprint: "f"}
	key := func() string {
		t.Helper()
		k := &pageKeys{fingerprint: k.fingerprint} // no memoised power hash
		s, err := k.key(p)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	want := key()
	fieldtest.Covers(t, p, "Page.", func(name string) bool {
		return name == "Page.Data" || name == "Page.InSitemap" // the decision is walked below; InSitemap is not on the page
	}, key)
	fieldtest.Covers(t, c, "Case.", nil, key)
	if key() != want {
		t.Fatal("the test did not restore the page")
	}
	p.Data = site.CaseData{Case: c, Power: &records.Power{Code: "p2"}}
	if key() == want {
		t.Error("changing the power item does not change the key")
	}
	k.fingerprint = "g"
	p.Data = site.CaseData{Case: c, Power: &records.Power{Code: "p1"}}
	if key() == want {
		t.Error("changing the theme fingerprint does not change the key")
	}
}
