// Package fieldtest checks that a hand-written key covers every field of a
// struct, so that a field added later is not forgotten.
package fieldtest

import (
	"reflect"
	"testing"
	"time"
)

// Covers changes each exported field of the struct *ptr in turn,
// descending into structs (a time.Time is a value), and fails t when key
// returns what it returned before the change. A string gets a suffix, a
// number one more, a bool its opposite, a time a second more, and a list
// one more, empty, item; for a list of structs, each string field of that
// item is then set in turn, against the key with the empty item. Fields
// whose name (prefix + path, "Page.Crumbs") skip reports are left alone;
// a field of any other kind fails the test. The struct is restored.
func Covers(t testing.TB, ptr any, prefix string, skip func(name string) bool, key func() string) {
	t.Helper()
	var walk func(v reflect.Value, name string)
	walk = func(v reflect.Value, name string) {
		t.Helper()
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			f, fname := v.Field(i), name+sf.Name
			if !sf.IsExported() || (skip != nil && skip(fname)) {
				continue
			}
			if f.Kind() == reflect.Struct && f.Type() != reflect.TypeOf(time.Time{}) {
				walk(f, fname+".")
				continue
			}
			want := key()
			old := reflect.ValueOf(f.Interface())
			grown := old // appended to, so capped: never written past the caller's items
			if old.Kind() == reflect.Slice {
				grown = old.Slice3(0, old.Len(), old.Len())
			}
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
				f.Set(reflect.Append(grown, reflect.Zero(f.Type().Elem())))
			case reflect.Struct: // time.Time
				f.Set(reflect.ValueOf(f.Interface().(time.Time).Add(time.Second)))
			default:
				t.Fatalf("%s: a %s field; teach fieldtest and the key about it", fname, f.Kind())
			}
			if key() == want {
				t.Errorf("changing %s does not change the key", fname)
			}
			if et := f.Type(); et.Kind() == reflect.Slice && et.Elem().Kind() == reflect.Struct {
				base := key() // one more item, empty
				for j := range et.Elem().NumField() {
					if et.Elem().Field(j).Type.Kind() != reflect.String {
						continue
					}
					e := reflect.New(et.Elem()).Elem()
					e.Field(j).SetString("x")
					f.Set(reflect.Append(grown, e))
					if key() == base {
						t.Errorf("changing %s[].%s does not change the key", fname, et.Elem().Field(j).Name)
					}
				}
			}
			f.Set(old)
		}
	}
	walk(reflect.ValueOf(ptr).Elem(), prefix)
}
