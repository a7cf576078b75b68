package search

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFoldTable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"違法建設", "违法建设"},
		{"無證經營", "无证经营"},
		{"砂石", "沙石"},
		{"帳戶", "账户"}, // 帳 → 帐 → 账
		{"惟一", "唯一"},
		{"乾坤", "乾坤"}, // 乾 is a simplified character too
		{"於某", "於某"},
		{"瞭望", "瞭望"},
		{"最低生活保障", "最低生活保障"},
		{"ＡＢＣ違法", "abc违法"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got := normalizeRef(tc.in); got != tc.want {
				t.Errorf("normalizeRef(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestFoldTableIsAFunction checks that folding twice changes nothing: a
// target is never itself folded, so index and query agree.
func TestFoldTableIsAFunction(t *testing.T) {
	m := foldTable()
	if len(m) < 3900 {
		t.Errorf("%d pairs: the OpenCC table did not load", len(m))
	}
	for s, tg := range m {
		if u, ok := m[tg]; ok {
			t.Errorf("%c → %c → %c", s, tg, u)
		}
	}
}

func TestFoldPairsKeepsOnlyWantedTargets(t *testing.T) {
	got := FoldPairs(func(r rune) bool { return r == '违' || r == '设' })
	if utf8.RuneCountInString(got)%2 != 0 || !strings.Contains(got, "違违") || !strings.Contains(got, "設设") || strings.Contains(got, "證") {
		t.Errorf("FoldPairs = %q", got)
	}
}

func TestAlternatives(t *testing.T) {
	table := Synonyms{"低保": {"最低生活保障"}, "准生证": {"生育登记", "生育服务证"}, "户口": {"户籍"}}.table()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"低保", []string{"低保", "最低生活保障"}},
		{"低保申请", []string{"低保申请", "最低生活保障申请"}},
		{"准生证", []string{"准生证", "生育服务证", "生育登记"}},
		{"户口低保", []string{"户口低保", "户口最低生活保障", "户籍低保"}},
		{"结婚", []string{"结婚"}},
	} {
		if got := alternatives(tc.in, table); !slices.Equal(got, tc.want) {
			t.Errorf("alternatives(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseSynonyms(t *testing.T) {
	syn, err := ParseSynonyms("s.toml", []byte("\"低保\" = [\"最低生活保障\"]\n\"准生证\" = [\"生育登记\"]\n"))
	if err != nil || len(syn) != 2 || syn["低保"][0] != "最低生活保障" {
		t.Fatalf("%v, %v", syn, err)
	}
	for _, tc := range []struct{ src, want string }{
		{"\"低保\" = \"最低生活保障\"\n", "s.toml: error: 低保: want a list of words, got string"},
		{"\"低保\" = [\"最低 生活保障\"]\n", `s.toml: error: synonym "最低 生活保障" of "低保": want one word`},
		{"\"低保\" = [\n", "s.toml:1:13: error: unexpected EOF"},
		{"[\"低保\"]\nx = [\"y\"]\n", "s.toml: error: 低保: want a list of words"},
	} {
		if _, err := ParseSynonyms("s.toml", []byte(tc.src)); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want prefix %q", tc.src, err, tc.want)
		}
	}
}

// TestThemeSynonymsParse reads the default theme's list.
func TestThemeSynonymsParse(t *testing.T) {
	syn := ThemeSynonyms(t)
	if len(syn) < 30 || !slices.Contains(syn["低保"], "最低生活保障") || !slices.Contains(syn["准生证"], "生育登记") {
		t.Errorf("theme synonyms: %d words, 低保 → %q", len(syn), syn["低保"])
	}
}

// ThemeSynonyms returns the default theme's synonym list.
func ThemeSynonyms(t testing.TB) Synonyms {
	t.Helper()
	p := filepath.Join("..", "..", "themes", "default", "data", "synonyms.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	syn, err := ParseSynonyms(p, b)
	if err != nil {
		t.Fatal(err)
	}
	return syn
}

// ForgivingDocs are records for the forgiving searches: an abbreviation
// and its full form, traditional characters, a confusable variant, two
// words, and title against body hits of different ages.
func ForgivingDocs() []Doc {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	docs := []Doc{
		{Type: TypeService, URL: "/services/s1/", Title: "最低生活保障审核确认", Body: "申请最低生活保障，向户籍所在地镇人民政府提出"},
		{Type: TypeService, URL: "/services/s2/", Title: "特困人员认定", Body: "不符合最低生活保障条件的，告知理由"},
		{Type: TypePage, URL: "/notices/dibao/", Title: "2026年第一季度低保金发放公示", Date: day(2026, 4, 2), Body: "低保对象名单", Facets: Facets{Year: 2026}},
		{Type: TypePage, URL: "/notices/zuidi/", Title: "关于调整最低生活保障标准的通知", Date: day(2025, 7, 1), Body: "城乡最低生活保障标准", Facets: Facets{Year: 2025}},
		{Type: TypeCase, URL: "/cases/a/", Title: "示例建材有限公司：违法建设", Date: day(2024, 3, 1), Body: "在青石村违法建设厂房", Facets: Facets{Year: 2024, Categories: []string{"罚款"}}},
		{Type: TypeCase, URL: "/cases/b/", Title: "王示例：擅自搭建", Date: day(2026, 5, 1), Body: "未经批准违法建设住宅", Facets: Facets{Year: 2026, Categories: []string{"警告"}}},
		{Type: TypeCase, URL: "/cases/c/", Title: "青溪砂石场：无证开采砂石", Date: day(2025, 9, 9), Body: "擅自开采河道砂石", Facets: Facets{Year: 2025, Categories: []string{"罚款"}}},
		{Type: TypeCase, URL: "/cases/d/", Title: "李记烧烤店：超标排放油烟", Date: day(2026, 2, 1), Body: "餐饮油烟超标排放", Facets: Facets{Year: 2026, Categories: []string{"罚款"}}},
		{Type: TypeCase, URL: "/cases/e/", Title: "张记面馆：油烟扰民", Date: day(2025, 2, 1), Body: "油烟管道破损", Facets: Facets{Year: 2025, Categories: []string{"警告"}}},
		{Type: TypeCase, URL: "/cases/f/", Title: "示例饭店：餐饮垃圾乱倒", Date: day(2025, 3, 1), Body: "餐饮垃圾倒入河道", Facets: Facets{Year: 2025, Categories: []string{"罚款"}}},
	}
	SortDocs(docs)
	return docs
}

func urls(docs []Doc, ids []int) []string {
	var out []string
	for _, i := range ids {
		out = append(out, docs[i].URL)
	}
	return out
}

func TestForgivingSearch(t *testing.T) {
	docs := ForgivingDocs()
	ix, err := Build(docs, Options{Synonyms: ThemeSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	s := searcherOf(t, ix)
	find := func(q string, f url.Values) []string {
		t.Helper()
		res, err := s.Search(q, f)
		if err != nil {
			t.Fatal(err)
		}
		return urls(docs, res.Docs)
	}
	full, abbr := find("最低生活保障", nil), find("低保", nil)
	for _, u := range full {
		if !slices.Contains(abbr, u) {
			t.Errorf("低保 finds %q, without %s that 最低生活保障 finds", abbr, u)
		}
	}
	if !slices.Contains(abbr, "/services/s1/") {
		t.Errorf("低保 finds %q, without the 最低生活保障 service", abbr)
	}
	if got, want := find("違法建設", nil), find("违法建设", nil); len(want) != 2 || !slices.Equal(got, want) {
		t.Errorf("違法建設 finds %q, 违法建设 %q", got, want)
	}
	if got := find("沙石", nil); !slices.Equal(got, []string{"/cases/c/"}) {
		t.Errorf("沙石 finds %q", got)
	}
	if got := find("餐饮 油烟", nil); !slices.Equal(got, []string{"/cases/d/"}) {
		t.Errorf("餐饮 油烟 finds %q: want the record with both words only", got)
	}
	// Relevance: the title hit first, though older; newest: by date.
	if got := find("违法建设", nil); !slices.Equal(got, []string{"/cases/a/", "/cases/b/"}) {
		t.Errorf("违法建设 by relevance: %q", got)
	}
	if got := find("违法建设", url.Values{"sort": {SortNewest}}); !slices.Equal(got, []string{"/cases/b/", "/cases/a/"}) {
		t.Errorf("违法建设 newest first: %q", got)
	}
	meta := ix.Meta
	if !strings.Contains(meta.Fold, "設设") || strings.Contains(meta.Fold, "龍龙") {
		t.Errorf("meta fold %q", meta.Fold)
	}
	if len(meta.Syn) == 0 || meta.Syn[0][0] > meta.Syn[len(meta.Syn)-1][0] {
		t.Errorf("meta syn not sorted: %q", meta.Syn)
	}
}

// FuzzParseSynonyms holds ParseSynonyms to an error or a list whose every
// word is one word after Normalize, seeded from the theme's list.
func FuzzParseSynonyms(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "themes", "default", "data", "synonyms.toml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("\"低保\" = [\"最低生活保障\"]\n"))
	f.Add([]byte("\"a b\" = [\"c\"]\n[x]\ny = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		syn, err := ParseSynonyms("s.toml", data)
		if err != nil {
			return
		}
		if err := syn.Check(); err != nil {
			t.Errorf("accepted %q: %v", data, err)
		}
		for _, row := range syn.table() {
			for _, w := range row {
				if w == "" || strings.Contains(w, " ") {
					t.Errorf("table word %q from %q", w, data)
				}
			}
		}
	})
}
