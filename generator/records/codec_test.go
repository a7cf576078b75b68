package records

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"gongshi/generator/diag"
)

// filledCase sets every field of a Case, exported or not, to a value of
// its own, found by reflection: a field added to Case is filled too, and
// the round trip fails until the codec writes it.
func filledCase(t testing.TB, seed int) Case {
	var c Case
	v := reflect.ValueOf(&c).Elem()
	n := seed
	var fill func(f reflect.Value, name string)
	fill = func(f reflect.Value, name string) {
		n++
		f = reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem() // unexported too
		switch {
		case f.Type() == reflect.TypeOf(time.Time{}):
			f.Set(reflect.ValueOf(time.Date(2020, 1, 1+n, 0, 0, 0, 0, time.UTC)))
		case f.Kind() == reflect.Struct:
			for i := range f.NumField() {
				fill(f.Field(i), name+"."+f.Type().Field(i).Name)
			}
		case f.Kind() == reflect.String:
			f.SetString(fmt.Sprintf("%s值%d", name, n))
		case f.Kind() == reflect.Int || f.Kind() == reflect.Int64:
			f.SetInt(int64(n))
		case f.Kind() == reflect.Slice:
			s := reflect.MakeSlice(f.Type(), 2, 2)
			for i := range 2 {
				fill(s.Index(i), fmt.Sprintf("%s[%d]", name, i))
			}
			f.Set(s)
		default:
			t.Fatalf("%s: a %s field; teach the case codec and this test about it", name, f.Kind())
		}
	}
	for i := range v.NumField() {
		fill(v.Field(i), v.Type().Field(i).Name)
	}
	return c
}

func TestCaseCodecRoundTrip(t *testing.T) {
	cst := time.FixedZone("", 8*3600) // as MarshalBinary gives it back: no zone name
	cases := []Case{filledCase(t, 0), filledCase(t, 100), {}, {DecisionDate: time.Date(2025, 3, 1, 9, 30, 0, 5, cst), Pos: diag.Pos{File: "a.csv", Row: 2}}}
	b := AppendCases([]byte("prefix"), cases)
	got, err := DecodeCases(string(b[len("prefix"):]))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, cases) {
		for i := range cases {
			if !reflect.DeepEqual(got[i], cases[i]) {
				t.Errorf("case %d:\n got %+v\nwant %+v", i, got[i], cases[i])
			}
		}
	}
	// Truncated anywhere: an error, never a panic or a short list.
	for n := 0; n < len(b)-len("prefix"); n += 7 {
		if _, err := DecodeCases(string(b[len("prefix") : len("prefix")+n])); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
}

func FuzzDecodeCases(f *testing.F) {
	f.Add(string(AppendCases(nil, []Case{filledCase(f, 0)})))
	f.Add(string(AppendCases(nil, nil)))
	f.Add(caseCodecMagic + "\xff\xff\xff\xff\x0f")
	f.Fuzz(func(t *testing.T, data string) {
		cases, err := DecodeCases(data)
		if err != nil {
			return
		}
		// What decodes survives a round trip unchanged.
		again, err := DecodeCases(string(AppendCases(nil, cases)))
		if err != nil || !reflect.DeepEqual(again, cases) {
			t.Errorf("round trip of what %q decodes to: %v", data, err)
		}
	})
}
