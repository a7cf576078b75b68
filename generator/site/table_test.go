package site_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/site"
)

// tableCases are decisions over three months with repeated categories,
// violations and authorities, a decision with two categories and one with
// none of the optional values, newest first as disclose orders them.
func tableCases() []disclose.Case {
	loc := time.FixedZone("CST", 8*3600)
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, loc) }
	cs := []disclose.Case{
		{ID: "a1", DecisionNo: "青溪综执罚〔2026〕9号", PartyName: "王某某", Violation: "占道经营", Categories: []string{"罚款"}, Fine: 50000, Authority: "青溪镇人民政府", DecisionDate: day(5, 20)},
		{ID: "a2", DecisionNo: "青溪综执罚〔2026〕8号", PartyName: "青溪镇李记烧烤店", Violation: "超标排放油烟", Categories: []string{"警告", "罚款"}, Fine: 500000, Authority: "青溪镇人民政府", DecisionDate: day(5, 20)},
		{ID: "a3", DecisionNo: "青溪综执罚〔2026〕7号", PartyName: "=HYPERLINK(\"x\")", Violation: "占道经营", Categories: []string{"警告"}, Authority: "青溪镇综合行政执法队", DecisionDate: day(5, 2)},
		{ID: "a4", DecisionNo: "青溪综执罚〔2026〕6号", PartyName: "示例市青石商贸有限公司", Violation: "", Categories: nil, Authority: "", DecisionDate: day(4, 30)},
		{ID: "a5", DecisionNo: "青溪综执罚〔2026〕5号", PartyName: "<b>某公司</b>", Violation: "露天焚烧秸秆", Categories: []string{"罚款"}, Fine: 123456, Authority: "青溪镇人民政府", DecisionDate: day(3, 1)},
	}
	return cs
}

// tableRow is a month file's row, decoded.
type tableRow struct {
	ID    string
	Day   int
	No    string
	Party string
	Vio   int
	Cats  []int
	Fine  int64
	Auth  int
}

func (r *tableRow) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &[]any{&r.ID, &r.Day, &r.No, &r.Party, &r.Vio, &r.Cats, &r.Fine, &r.Auth})
}

type tableMeta struct {
	V      int
	Total  int
	Cats   []string
	Vios   []string
	Auths  []string
	Months []struct {
		M, F    string
		N       int
		Lo, Hi  int64
		C, V, A []int
	}
}

func decodeTable(t *testing.T, tab *site.CaseTable, files map[string][]byte) (tableMeta, map[string][]tableRow) {
	t.Helper()
	var m tableMeta
	if err := json.Unmarshal(files[tab.Meta], &m); err != nil {
		t.Fatalf("%s: %v", tab.Meta, err)
	}
	rows := map[string][]tableRow{}
	for _, mo := range m.Months {
		var rs []tableRow
		if err := json.Unmarshal(files[site.TableURL+mo.F], &rs); err != nil {
			t.Fatalf("%s: %v", mo.F, err)
		}
		rows[mo.M] = rs
	}
	if len(files) != len(m.Months)+1 {
		t.Errorf("%d files for %d months and the meta file", len(files), len(m.Months))
	}
	return m, rows
}

func TestTableDictionaryCoding(t *testing.T) {
	cases := tableCases()
	tab, files, err := site.BuildTable(cases)
	if err != nil {
		t.Fatal(err)
	}
	m, rows := decodeTable(t, tab, files)
	// Most frequent first, then by value.
	for _, d := range []struct {
		name      string
		got, want []string
	}{
		{"cats", m.Cats, []string{"罚款", "警告"}},
		{"vios", m.Vios, []string{"占道经营", "超标排放油烟", "露天焚烧秸秆"}},
		{"auths", m.Auths, []string{"青溪镇人民政府", "青溪镇综合行政执法队"}},
	} {
		if !slices.Equal(d.got, d.want) {
			t.Errorf("%s = %q, want %q", d.name, d.got, d.want)
		}
	}
	if !slices.Equal(tab.Categories, m.Cats) || !slices.Equal(tab.Violations, m.Vios) || !slices.Equal(tab.Authorities, m.Auths) {
		t.Error("the page's filter values differ from the meta file's dictionaries")
	}
	if m.V != 1 || m.Total != len(cases) {
		t.Errorf("v %d, total %d", m.V, m.Total)
	}
	var months []string
	for _, mo := range m.Months {
		months = append(months, mo.M)
	}
	if !slices.Equal(months, []string{"2026-05", "2026-04", "2026-03"}) {
		t.Errorf("months %q, want newest first", months)
	}
	// Every decision comes back from its month's rows.
	lookup := func(d []string, i int) string {
		if i < 0 {
			return ""
		}
		return d[i]
	}
	i := 0
	for _, mo := range m.Months {
		rs := rows[mo.M]
		if len(rs) != mo.N {
			t.Errorf("%s: %d rows, meta says %d", mo.M, len(rs), mo.N)
		}
		cc, cv, ca := map[int]int{}, map[int]int{}, map[int]int{}
		for _, r := range rs {
			c := cases[i]
			i++
			var cats []string
			for _, k := range r.Cats {
				cats = append(cats, m.Cats[k])
				cc[k]++
			}
			if r.Vio >= 0 {
				cv[r.Vio]++
			}
			if r.Auth >= 0 {
				ca[r.Auth]++
			}
			got := fmt.Sprint(r.ID, mo.M, r.Day, r.No, r.Party, lookup(m.Vios, r.Vio), cats, r.Fine, lookup(m.Auths, r.Auth))
			want := fmt.Sprint(c.ID, c.DecisionDate.Format("2006-01"), c.DecisionDate.Day(), c.DecisionNo, c.PartyName, c.Violation, []string(c.Categories), int64(c.Fine), c.Authority)
			if got != want {
				t.Errorf("row\n got %s\nwant %s", got, want)
			}
			if r.Fine < mo.Lo || r.Fine > mo.Hi {
				t.Errorf("%s: fine %d outside the month's %d–%d", mo.M, r.Fine, mo.Lo, mo.Hi)
			}
		}
		for _, p := range []struct {
			name   string
			pairs  []int
			counts map[int]int
		}{{"c", mo.C, cc}, {"v", mo.V, cv}, {"a", mo.A, ca}} {
			var want []int
			for _, k := range slices.Sorted(maps.Keys(p.counts)) {
				want = append(want, k, p.counts[k])
			}
			if !slices.Equal(p.pairs, want) && !(len(p.pairs) == 0 && len(want) == 0) {
				t.Errorf("%s.%s = %v, want %v", mo.M, p.name, p.pairs, want)
			}
		}
	}
	if i != len(cases) {
		t.Errorf("%d rows for %d decisions", i, len(cases))
	}
}

func TestTableFilesSameWhateverTheOrder(t *testing.T) {
	cases := tableCases()
	_, want, err := site.BuildTable(cases)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(cases)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		_, got, err := site.BuildTable(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d files, want %d", len(got), len(want))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s differs after reordering the decisions", name)
			}
		}
	}
}

func TestTableFileNamesHashTheirBytes(t *testing.T) {
	tab, files, err := site.BuildTable(tableCases())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		h := sha256.Sum256(data)
		if !strings.HasPrefix(name, site.TableURL) || !strings.HasSuffix(name, "."+hex.EncodeToString(h[:5])+".json") {
			t.Errorf("%s does not carry the hash of its bytes", name)
		}
	}
	if _, ok := files[tab.Meta]; !ok {
		t.Errorf("the page names %s, which is not written", tab.Meta)
	}
	// A changed decision changes its month's file and the meta file, and
	// leaves the other months' alone.
	cases := tableCases()
	cases[4].Fine = 99
	tab2, files2, err := site.BuildTable(cases)
	if err != nil {
		t.Fatal(err)
	}
	if tab2.Meta == tab.Meta {
		t.Error("the meta file kept its name")
	}
	kept := 0
	for name := range files2 {
		if _, ok := files[name]; ok {
			kept++
		}
	}
	if kept != 2 {
		t.Errorf("%d files kept their names, want the two unchanged months", kept)
	}
}

func TestTableEscapesMarkupAsJSON(t *testing.T) {
	_, files, err := site.BuildTable(tableCases())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if bytes.ContainsAny(data, "<>") {
			t.Errorf("%s holds a raw < or >", name)
		}
	}
}

func TestTableWithoutDecisions(t *testing.T) {
	tab, files, err := site.BuildTable(nil)
	if err != nil {
		t.Fatal(err)
	}
	// Empty lists, never null: the script reads them as arrays.
	want := `{"v":1,"total":0,"cats":[],"vios":[],"auths":[],"months":[]}`
	if len(files) != 1 || string(files[tab.Meta]) != want {
		t.Errorf("%d files, meta %s, want %s", len(files), files[tab.Meta], want)
	}
}
