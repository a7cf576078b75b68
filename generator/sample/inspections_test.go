package sample

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"gongshi/generator/records"
)

// TestInspectionsAndCoercion reads back the sample's inspections and
// coercive measures with the build's readers: no errors; 300 to 600
// inspections and 20 to 60 measures in a full year; every 事项编码 an item
// of the power list of the right category; natural persons among the
// parties, never drawn by 双随机; releases after their decision and not
// after the end date.
func TestInspectionsAndCoercion(t *testing.T) {
	for _, o := range []Options{DefaultOptions(), {Cases: 30, Seed: 42, End: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}} {
		t.Run(strconv.FormatUint(o.Seed, 10), func(t *testing.T) {
			dir := t.TempDir()
			sum, err := Write(dir, o)
			if err != nil {
				t.Fatal(err)
			}
			end := o.End
			if end.IsZero() {
				end = DefaultEnd
			}
			var files []string
			for _, f := range sum.Files {
				if strings.HasPrefix(f, "data/inspections/") || strings.HasPrefix(f, "data/coercion/") || strings.HasPrefix(f, "data/powers/") {
					files = append(files, f)
				}
			}
			set, dl, _ := readAll(t, dir, files)
			if dl.HasErrors() {
				t.Fatalf("diagnostics: %v", dl)
			}
			category := map[string]string{}
			for _, p := range set.Powers {
				category[p.Code] = p.Category
			}
			ins, co := records.InspectionKind, records.CoercionKind
			perYear := map[string]map[int]int{}
			coded, persons, random := map[string]int{}, map[string]int{}, 0
			for i := range set.Items {
				it := &set.Items[i]
				k := records.KindByName(it.Kind)
				day, err := time.Parse(time.DateOnly, k.Get(it, "date"))
				if err != nil || day.After(end) {
					t.Fatalf("%s: date %q", it.Pos, k.Get(it, "date"))
				}
				if perYear[it.Kind] == nil {
					perYear[it.Kind] = map[int]int{}
				}
				perYear[it.Kind][day.Year()]++
				if c := k.Get(it, "power_code"); c != "" {
					coded[it.Kind]++
					if want := map[string]string{"inspections": "行政检查", "coercion": "行政强制"}[it.Kind]; category[c] != want {
						t.Errorf("%s: 事项编码 %s is %q in the power list, want %s", it.Pos, c, category[c], want)
					}
				}
				if k.Get(it, "credit_code") == "" {
					persons[it.Kind]++
				}
				switch k {
				case ins:
					m := k.Get(it, "method")
					if m != records.MethodRandom && m != records.MethodRoutine && m != records.MethodSpecial {
						t.Errorf("%s: 检查方式 %q", it.Pos, m)
					}
					if m == records.MethodRandom {
						random++
						if k.Get(it, "credit_code") == "" {
							t.Errorf("%s: a natural person drawn by 双随机", it.Pos)
						}
					}
				case co:
					if r := k.Get(it, "released_on"); r != "" {
						rd, _ := time.Parse(time.DateOnly, r)
						if !rd.After(day) || rd.After(end) {
							t.Errorf("%s: released %s, decided %s, end %s", it.Pos, r, day.Format(time.DateOnly), end.Format(time.DateOnly))
						}
					}
				}
			}
			if perYear["inspections"] == nil || perYear["coercion"] == nil {
				t.Fatalf("read %v", perYear)
			}
			for y := end.Year() - 4; y < end.Year(); y++ {
				if n := perYear["inspections"][y]; n < 300 || n > 600 {
					t.Errorf("%d: %d inspections, want 300 to 600", y, n)
				}
				if n := perYear["coercion"][y]; n < 20 || n > 60 {
					t.Errorf("%d: %d coercive measures, want 20 to 60", y, n)
				}
			}
			n := len(set.Items)
			if sum.Inspections+sum.Coercion != n {
				t.Errorf("wrote %d+%d, read %d", sum.Inspections, sum.Coercion, n)
			}
			if coded["inspections"] < sum.Inspections*9/10 || coded["coercion"] < sum.Coercion*9/10 {
				t.Errorf("事项编码 filled for %v of %d inspections and %d measures", coded, sum.Inspections, sum.Coercion)
			}
			if persons["inspections"] == 0 || persons["coercion"] == 0 {
				t.Errorf("natural persons: %v", persons)
			}
			if share := float64(random) / float64(sum.Inspections); share < 0.15 || share > 0.5 {
				t.Errorf("双随机 share %.2f", share)
			}
		})
	}
}
