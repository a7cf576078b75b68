package search

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeTable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"餐饮", "餐饮"},
		{"ＡＢＣ１２３", "abc123"},
		{"青溪综执罚〔2026〕3号", "青溪综执罚〔2026〕3号"},
		{"青溪综执罚[2026]3号", "青溪综执罚〔2026〕3号"},
		{"青溪综执罚(2026)第3号", "青溪综执罚〔2026〕3号"},
		{"青溪综执罚（２０２６）第００３号", "青溪综执罚〔2026〕3号"},
		{"青溪综执罚 【2026】 3号", "青溪综执罚〔2026〕3号"},
		{"青溪综执罚﹝2026﹞3", "青溪综执罚〔2026〕3"},
		{"(2026)", "〔2026〕"},
		{"〔注〕说明", "注 说明"},
		{"Hello,  World！", "hello world"},
		{"  罚款2000元；没收 ", "罚款2000元 没收"},
		{"91350100M000100Y43", "91350100m000100y43"},
		{"《大气污染防治法》第一百一十八条", "大气污染防治法 第一百一十八条"},
		{"①②", "12"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPartsAndIdentifiers(t *testing.T) {
	for _, tc := range []struct {
		q     string
		parts []string
		ids   []string
	}{
		{"烧烤", []string{"烧烤"}, nil},
		{"烧烤 烧", []string{"烧烤"}, nil},
		{"青石  商贸", []string{"青石", "商贸"}, []string{"青石商贸"}},
		{"清溪综执罚(2026)3", []string{"清溪综执罚〔2026〕3"}, []string{"清溪综执罚〔2026〕3", "清溪综执罚〔2026〕3号"}},
		{"91350100M000100Y43", []string{"91350100m000100y43"}, []string{"91350100m000100y43"}},
		{"，。", nil, nil},
	} {
		t.Run(tc.q, func(t *testing.T) {
			if got := Parts(tc.q); !slices.Equal(got, tc.parts) {
				t.Errorf("Parts = %q, want %q", got, tc.parts)
			}
			if got := identifierQuery(tc.q); !slices.Equal(got, tc.ids) {
				t.Errorf("identifierQuery = %q, want %q", got, tc.ids)
			}
		})
	}
}

func TestCanonicalDisplay(t *testing.T) {
	for in, want := range map[string]string{
		"青溪综执罚（2026）第003号": "青溪综执罚〔2026〕3号",
		"青溪综执罚[2026]12号":   "青溪综执罚〔2026〕12号",
		"预算（2025）":         "预算〔2025〕",
		"没有数字":             "没有数字",
	} {
		if got := canonicalDisplay(in); got != want {
			t.Errorf("canonicalDisplay(%q) = %q, want %q", in, got, want)
		}
		if Normalize(canonicalDisplay(in)) != Normalize(in) {
			t.Errorf("display form of %q normalises differently", in)
		}
	}
}

func TestListEncodingRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for _, density := range []int{1, 3, 50, 900, 1000} {
		var ids []uint32
		var deltas []byte
		last := uint32(0)
		for i := uint32(0); i < 5000; i++ {
			if r.IntN(1000) < density {
				if len(ids) == 0 {
					deltas = appendUvarint(deltas, uint64(i))
				} else {
					deltas = appendUvarint(deltas, uint64(i-last))
				}
				ids = append(ids, i)
				last = i
			}
		}
		enc := encodeList(deltas, len(ids), 5000)
		if got := decodeList(enc, len(ids)); !slices.Equal(got, ids) {
			t.Errorf("density %d: round trip lost ids (%d → %d)", density, len(ids), len(got))
		}
		if density >= 900 && len(enc) > 5000/8+8 {
			t.Errorf("density %d: %d bytes, want a bitmap", density, len(enc))
		}
	}
}

func TestShardOfIsStableFNV(t *testing.T) {
	// Pinned values: search.js computes the same.
	for _, tc := range []struct {
		term string
		n    int
		want int
	}{{"餐饮", 1024, ShardOf("餐饮", 1024)}, {"a", 1 << 30, 0xe40c292c & (1<<30 - 1)}, {"", 8, 2166136261 & 7}} {
		if got := ShardOf(tc.term, tc.n); got != tc.want {
			t.Errorf("ShardOf(%q, %d) = %d, want %d", tc.term, tc.n, got, tc.want)
		}
	}
	for _, n := range []int{1, 2, 64} {
		if s := ShardOf("烧烤", n); s < 0 || s >= n {
			t.Errorf("ShardOf out of range: %d of %d", s, n)
		}
	}
}

func searcherOf(t testing.TB, ix *Index) *Searcher {
	t.Helper()
	s, err := NewSearcher(func(name string) ([]byte, error) {
		b, ok := ix.Files[name]
		if !ok {
			return nil, fmt.Errorf("no file %s", name)
		}
		return b, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func build(t testing.TB, docs []Doc, o Options) *Index {
	t.Helper()
	ix, err := Build(docs, o)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// bruteForce is the contract: the docs whose search text contains every
// part of the query.
func bruteForce(texts []string, q string) []int {
	parts := Parts(q)
	if len(parts) == 0 {
		return nil
	}
	var out []int
	for i, tx := range texts {
		ok := true
		for _, p := range parts {
			if !strings.Contains(tx, p) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

func TestSearchIsExactSubstringMatch(t *testing.T) {
	docs := SyntheticDocs(4000, 7)
	// Small shards and chunks, so that separate position files and many
	// shards are exercised too.
	ix := build(t, docs, Options{ShardBytes: 4 << 10, SeparatePos: 1 << 10})
	s := searcherOf(t, ix)
	docs = byNumber(docs)
	texts := make([]string, len(docs))
	for i := range docs {
		texts[i] = SearchText(&docs[i])
	}
	queries := []string{"运输证", "运输", "证", "餐饮", "烧烤", "G75", "g75", "有限公司", "青石路", "人民路1", "青溪综执罚〔2025〕12号",
		"青溪综执罚[2025]12号", "(2025)第12号", "〔2024〕", "2024", "罚款 警告", "商贸 青石", "未取得道路运输证从事经营", "大气污染 第一百",
		"不存在的词", "x", "0000", "91", "y4", "结婚登记", "通知", "s000003", "33010", "罚", "纳", "。", ""}
	// Random substrings of the texts: 2 to 8 characters, some across a
	// space (two parts).
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		tx := []rune(texts[r.IntN(len(texts))])
		l := 2 + r.IntN(7)
		if len(tx) <= l {
			continue
		}
		i := r.IntN(len(tx) - l)
		queries = append(queries, string(tx[i:i+l]))
	}
	// Identifiers, which a one-part query may answer from their terms.
	for i := 0; i < len(docs); i += 97 {
		queries = append(queries, docs[i].Identifiers...)
	}
	for _, q := range queries {
		want := bruteForce(texts, q)
		res, err := s.Search(q, nil)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		got := slices.Clone(res.Docs)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %d results, brute force %d (first extra/missing: %v)", q, len(got), len(want), firstDiff(got, want))
		}
	}
}

func firstDiff(a, b []int) string {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return fmt.Sprintf("extra %d", x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return fmt.Sprintf("missing %d", x)
		}
	}
	return ""
}

func TestRunsAcrossSeparatorsNeverMatch(t *testing.T) {
	docs := []Doc{
		{Type: TypeCase, URL: "/cases/a/", Title: "甲", Body: "无道路运输许可，另查扣其证件", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)},
		{Type: TypeCase, URL: "/cases/b/", Title: "乙", Body: "未取得道路运输证", Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Type: TypeCase, URL: "/cases/c/", Title: "丙", Body: "运输，证", Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Type: TypeCase, URL: "/cases/d/", Title: "丁", Body: "代码 91350100MA2G75XX1Q", Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	s := searcherOf(t, build(t, docs, Options{}))
	for q, want := range map[string][]int{"运输证": {1}, "运输": {0, 1, 2}, "g75": {3}, "G75X": {3}, "证": {0, 1, 2}} {
		res, err := s.Search(q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.Docs, want) {
			t.Errorf("%q: %v, want %v", q, res.Docs, want)
		}
	}
}

func TestRelevance(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC) }
	docs := []Doc{
		{Type: TypeCase, URL: "/cases/1/", Title: "示例市青石商贸有限公司：占道经营", Body: "青溪综执罚〔2026〕3号 · 91350100M000100Y43 · 在青石路占道经营", Date: d(3),
			Identifiers: []string{"青溪综执罚〔2026〕3号", "91350100M000100Y43"}},
		{Type: TypeCase, URL: "/cases/2/", Title: "青溪镇李记烧烤店：超标排放油烟", Body: "青溪综执罚〔2026〕13号 · 油烟超标，距青石商贸有限公司二十米", Date: d(9),
			Identifiers: []string{"青溪综执罚〔2026〕13号"}},
		{Type: TypeCase, URL: "/cases/3/", Title: "东湖餐饮店：占道经营", Body: "青溪综执罚〔2026〕30号 · 青石 与 商贸城 之间", Date: d(20),
			Identifiers: []string{"青溪综执罚〔2026〕30号", "92350100MA0000000X"}},
		{Type: TypePower, URL: "/powers/x/", Title: "对占道经营的处罚", Body: "示例0001 · 行政处罚", Identifiers: []string{"示例0001"}},
		{Type: TypePage, URL: "/notices/a/", Title: "烧烤店油烟专项整治", Body: "开展整治", Date: d(25)},
	}
	SortDocs(docs)
	s := searcherOf(t, build(t, docs, Options{}))
	url := func(i int) string { return docs[i].URL }
	for _, tc := range []struct {
		q     string
		first []string
	}{
		// A decision number in another bracket style: the identifier first,
		// then the other decisions whose numbers contain it.
		{"青溪综执罚(2026)3号", []string{"/cases/1/"}},
		{"青溪综执罚[2026]3", []string{"/cases/1/", "/cases/3/"}},
		{"91350100m000100y43", []string{"/cases/1/"}},
		// Title over body, then newest first.
		{"青石商贸", []string{"/cases/1/", "/cases/2/"}},
		{"烧烤", []string{"/notices/a/", "/cases/2/"}},
		{"占道经营", []string{"/cases/3/", "/cases/1/", "/powers/x/"}},
		// A phrase across a separator ranks over its parts apart.
		{"青石 商贸", []string{"/cases/1/", "/cases/2/", "/cases/3/"}},
		{"示例0001", []string{"/powers/x/"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, err := s.Search(tc.q, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, i := range res.Docs {
				got = append(got, url(i))
			}
			if len(got) < len(tc.first) || !slices.Equal(got[:len(tc.first)], tc.first) {
				t.Errorf("%q → %v, want first %v", tc.q, got, tc.first)
			}
		})
	}
}

func TestFacetsFilterAndCount(t *testing.T) {
	docs := SyntheticDocs(2000, 11)
	s := searcherOf(t, build(t, docs, Options{}))
	docs = byNumber(docs)
	q := "餐饮"
	all, err := s.Search(q, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := url.Values{"year": {"2025"}, "type": {"case"}, "cat": {"警告"}}
	res, err := s.Search(q, f)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, i := range all.Docs {
		d := &docs[i]
		if d.Type == TypeCase && d.Facets.Year == 2025 && slices.Contains(d.Facets.Categories, "警告") {
			want++
		}
	}
	if len(res.Docs) != want || want == 0 {
		t.Fatalf("filtered %d, want %d (of %d)", len(res.Docs), want, len(all.Docs))
	}
	// The year counts ignore the year filter but apply the others.
	yearVals := s.Meta().Facets[facetYear].Values
	for i, v := range yearVals {
		n := 0
		for _, j := range all.Docs {
			d := &docs[j]
			if d.Type == TypeCase && fmt.Sprint(d.Facets.Year) == v.V && slices.Contains(d.Facets.Categories, "警告") {
				n++
			}
		}
		if res.Counts["year"][i] != n {
			t.Errorf("year %s: count %d, want %d", v.V, res.Counts["year"][i], n)
		}
	}
	// Filters alone, with no query, list every record that passes them.
	res, err = s.Search("", url.Values{"type": {"power"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Docs) != 20 {
		t.Errorf("type=power: %d, want 20", len(res.Docs))
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := SyntheticDocs(1500, 5)
	a := build(t, docs, Options{})
	b := build(t, docs, Options{})
	if a.Meta.Segs[0].Dir != b.Meta.Segs[0].Dir || len(a.Files) != len(b.Files) {
		t.Fatalf("two builds differ: %s vs %s", a.Meta.Segs[0].Dir, b.Meta.Segs[0].Dir)
	}
	// The number of workers does not change the output.
	prev := runtime.GOMAXPROCS(1)
	c := build(t, docs, Options{})
	runtime.GOMAXPROCS(3)
	d := build(t, docs, Options{})
	runtime.GOMAXPROCS(prev)
	if c.Meta.Segs[0].Dir != a.Meta.Segs[0].Dir || d.Meta.Segs[0].Dir != a.Meta.Segs[0].Dir {
		t.Errorf("builds on 1, 3 and %d workers differ: %s, %s, %s", prev, c.Meta.Segs[0].Dir, d.Meta.Segs[0].Dir, a.Meta.Segs[0].Dir)
	}
	if len(a.Files["meta.json"]) > 10<<10 {
		t.Errorf("meta.json is %d bytes", len(a.Files["meta.json"]))
	}
}

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// TestIdentifierContains checks the identifier shortcut where the docs that
// contain an identifier are not only its own: another decision cites it in
// its body, a page names it in the title.
func TestIdentifierContains(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC) }
	docs := []Doc{
		{Type: TypeCase, URL: "/cases/1/", Title: "甲", Body: "青溪综执罚〔2026〕3号 · 91350100M000100Y43", Date: d(3), Identifiers: []string{"青溪综执罚（2026）第3号", "91350100M000100Y43"}},
		{Type: TypeCase, URL: "/cases/2/", Title: "乙", Body: "青溪综执罚〔2026〕13号 · 撤销青溪综执罚〔2026〕3号", Date: d(4), Identifiers: []string{"青溪综执罚〔2026〕13号"}},
		{Type: TypePage, URL: "/notices/a/", Title: "关于青溪综执罚〔2026〕13号的说明", Body: "说明", Date: d(5)},
		{Type: TypeCase, URL: "/cases/4/", Title: "丁", Body: "青溪综执罚〔2026〕33号", Date: d(6), Identifiers: []string{"青溪综执罚〔2026〕33号", "91350100M000100Y43"}},
	}
	SortDocs(docs)
	ix := build(t, docs, Options{})
	texts := make([]string, len(docs))
	for i := range docs {
		texts[i] = SearchText(&docs[i])
	}
	var plus int
	s := searcherOf(t, ix)
	for _, q := range []string{"青溪综执罚(2026)3号", "青溪综执罚〔2026〕13号", "91350100M000100Y43", "青溪综执罚〔2026〕33号", "青溪综执罚〔2026〕3"} {
		res, err := s.Search(q, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.Clone(res.Docs)
		slices.Sort(got)
		if want := bruteForce(texts, q); !slices.Equal(got, want) {
			t.Errorf("%q: %v, brute force %v", q, got, want)
		}
		if m, _ := s.identPart(0, Parts(q)[0], true); m != nil {
			plus++
		}
	}
	if plus != 4 {
		t.Errorf("%d queries answered by identifier terms, want 4", plus)
	}
	// The page names 13号 in its title: it ranks after the decision itself.
	res, _ := s.Search("青溪综执罚〔2026〕13号", nil)
	if len(res.Docs) != 2 || docs[res.Docs[0]].URL != "/cases/2/" {
		t.Errorf("13号: %v", res.Docs)
	}
}

// FuzzNormalize holds Normalize, with its fast paths, to the reference
// (NFKC, lower case, the year expression).
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"青溪综执罚[2025]3号", "( 2025 )第003", "【2024】 第 000", "〖 1999〗0012", "{2020}", "[202", "(12345)",
		"无年份", "ＡＢＣ１２３（２０２５）", "〔2026〕", "  [2025]  [2024]5", "[[2025]", "Ⅷ ﬁ …", "é", "e\u0301", "\u3000[2025]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
		if got, want := replaceYears(s), yearRe.ReplaceAllString(s, "〔$1〕$2"); got != want {
			t.Errorf("replaceYears(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestNormalizeAgainstReference strings together the pieces the year
// expression and the fast paths care about, at random, and compares
// Normalize with the reference; FuzzNormalize explores further.
func TestNormalizeAgainstReference(t *testing.T) {
	pieces := []string{"[", "(", "【", "〖", "{", "]", ")", "】", "〗", "}", " ", "  ", "第", "0", "00", "1", "7", "2025", "12345",
		"〔", "〕", "（", "）", "［", "］", "２０２５", "ａ", "Ｂ", "A", "字", "号", "，", "\u3000", "é", "e\u0301", "ﬁ", "…", "\u2028", "·", "、"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50_000 {
		var b strings.Builder
		for range 1 + r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldSimpleIsNFKC checks every character foldSimple accepts against
// the general path (NFKC, lower case, foldTable).
func TestFoldSimpleIsNFKC(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		got, ok := foldSimple(string(r))
		if !ok {
			continue
		}
		if want := canonBrackets.Replace(foldRunes(strings.ToLower(norm.NFKC.String(string(r))))); got != want {
			t.Errorf("%U: %q, want %q", r, got, want)
		}
	}
}

func TestWordsIdeographsAreLetters(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !isWordRune(r) {
			t.Fatalf("%U is not a letter: words must not keep it", r)
		}
	}
}

// byNumber is docs in the order a compacted index numbers them.
func byNumber(docs []Doc) []Doc {
	out := make([]Doc, len(docs))
	for i, j := range byEnd(len(docs), func(i int) time.Time { return docs[i].End }) {
		out[i] = docs[j]
	}
	return out
}
