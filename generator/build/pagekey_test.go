package build

import (
	"reflect"
	"testing"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/site"
)

// TestCaseKeyCoversEveryField changes each field of a decision's page and
// of the decision in turn: every change must change the page's key, or an
// edited decision would keep its old page.
func TestCaseKeyCoversEveryField(t *testing.T) {
	day := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
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
	var walk func(v reflect.Value, name string)
	walk = func(v reflect.Value, name string) {
		for i := range v.NumField() {
			f, fname := v.Field(i), name+v.Type().Field(i).Name
			switch fname {
			case "Page.Data", "Page.InSitemap":
				continue // the decision is walked below; InSitemap is not on the page
			}
			if f.Kind() == reflect.Struct && f.Type() != reflect.TypeOf(time.Time{}) {
				walk(f, fname+".")
				continue
			}
			old := reflect.ValueOf(f.Interface())
			switch f.Kind() {
			case reflect.String:
				f.SetString(f.String() + "x")
			case reflect.Int, reflect.Int64:
				f.SetInt(f.Int() + 1)
			case reflect.Slice:
				f.Set(reflect.Append(f, reflect.Zero(f.Type().Elem())))
			case reflect.Struct: // time.Time
				f.Set(reflect.ValueOf(day))
			default:
				t.Fatalf("%s: a %s field; teach caseKey and this test about it", fname, f.Kind())
			}
			if got := key(); got == want {
				t.Errorf("changing %s does not change the key", fname)
			}
			f.Set(old)
			// Each field of a list's items must count: one item with
			// text in that field, against the empty item tried above.
			if f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct {
				empty := reflect.Append(f, reflect.Zero(f.Type().Elem()))
				f.Set(empty)
				base := key()
				for j := range f.Type().Elem().NumField() {
					e := reflect.New(f.Type().Elem()).Elem()
					e.Field(j).SetString("x")
					f.Set(reflect.Append(old, e))
					if got := key(); got == base {
						t.Errorf("changing %s[0].%s does not change the key", fname, f.Type().Elem().Field(j).Name)
					}
				}
				f.Set(old)
			}
		}
	}
	walk(reflect.ValueOf(p).Elem(), "Page.")
	walk(reflect.ValueOf(c).Elem(), "Case.")
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
