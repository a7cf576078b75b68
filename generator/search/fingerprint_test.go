package search

import (
	"reflect"
	"testing"
	"time"
)

// TestFingerprintCoversEveryField changes each field of a Doc (and of its
// Facets) in turn: every change must change the fingerprint.
func TestFingerprintCoversEveryField(t *testing.T) {
	base := Doc{Type: TypeCase, URL: "/cases/a/", Title: "t", Sub: "s", Date: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC),
		Authority: "a", Body: "b", Identifiers: []string{"i"},
		Facets: Facets{Year: 2026, Categories: []string{"罚款"}, Domain: "d", PowerCat: "p", Fine: 100, HasFine: true}}
	want := Fingerprint([]Doc{base})
	var walk func(v reflect.Value, name string)
	walk = func(v reflect.Value, name string) {
		for i := range v.NumField() {
			f, fname := v.Field(i), name+v.Type().Field(i).Name
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
			case reflect.Uint8:
				f.SetUint(f.Uint() + 1)
			case reflect.Bool:
				f.SetBool(!f.Bool())
			case reflect.Slice:
				f.Set(reflect.Append(f, reflect.ValueOf("x")))
			case reflect.Struct: // time.Time
				f.Set(reflect.ValueOf(f.Interface().(time.Time).Add(time.Second)))
			default:
				t.Fatalf("%s: a %s field; teach Fingerprint and this test about it", fname, f.Kind())
			}
			if got := Fingerprint([]Doc{base}); got == want {
				t.Errorf("changing %s does not change the fingerprint", fname)
			}
			f.Set(old)
		}
	}
	walk(reflect.ValueOf(&base).Elem(), "")
	if Fingerprint([]Doc{base}) != want {
		t.Fatal("the test did not restore the doc")
	}
	// Strings are delimited: moving text between fields changes it too.
	moved := base
	moved.Title, moved.Sub = "ts", ""
	if Fingerprint([]Doc{moved}) == want {
		t.Error("moving text from Sub to Title does not change the fingerprint")
	}
}
