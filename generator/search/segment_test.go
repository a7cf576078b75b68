package search

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestPlan(t *testing.T) {
	for _, tc := range []struct {
		name         string
		sizes        []int
		added, total int
		live         int
		merge        int
		compact      bool
	}{
		{"a month added", []int{100_000}, 1800, 101_800, 101_770, 1, false},
		{"nothing added", []int{100_000}, 0, 100_000, 99_990, 0, false},
		{"withdrawals only", []int{100_000, 1800}, 0, 101_800, 101_700, 0, false},
		{"three small segments stay", []int{100_000, 1800, 1700}, 1900, 105_400, 105_400, 1, false},
		{"the fourth of a tier merges the four", []int{100_000, 1800, 1700, 1900}, 1750, 107_150, 107_150, 4, false},
		{"a merge cascades into the tier above", []int{100_000, 7200, 7000, 6900, 1800, 1700, 1900}, 1750, 128_250, 128_250, 7, false},
		{"a larger tier ahead stays", []int{100_000, 7200, 1800, 1700, 1900}, 1750, 114_350, 114_350, 4, false},
		{"tombstones over a fifth compact", []int{100_000}, 1800, 101_800, 81_000, 0, true},
		{"a fifth exactly does not", []int{100_000}, 0, 100_000, 80_000, 0, false},
		{"appended past half compact", []int{10_000, 6000, 3000}, 2000, 21_000, 21_000, 0, true},
		{"too many segments compact", []int{1_000_000, 300_000, 70_000, 20_000, 20_000, 5000, 5000, 2000, 2000}, 2000, 1_426_000, 1_426_000, 0, true},
		{"an empty first index compacts", []int{0}, 10, 10, 10, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			merge, why := plan(tc.sizes, tc.added, tc.total, tc.live)
			if (why != "") != tc.compact || !tc.compact && merge != tc.merge {
				t.Errorf("plan = merge %d, compact %q; want merge %d, compact %v", merge, why, tc.merge, tc.compact)
			}
		})
	}
}

// indexFS is the folder /search/index/ of an output holding ix: its new
// files, and the kept ones from prev.
func indexFS(t testing.TB, ix *Index, prev fs.FS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	for name, b := range ix.Files {
		out[name] = &fstest.MapFile{Data: b}
	}
	for _, name := range ix.Kept {
		b, err := fs.ReadFile(prev, name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = &fstest.MapFile{Data: b}
	}
	return out
}

func fsSearcher(t testing.TB, fsys fs.FS) *Searcher {
	t.Helper()
	s, err := NewSearcher(func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// roundEnd is the day after the month of round: the synthetic decisions
// are published on 31 May 2026, round 0 is June.
func roundEnd(round int) time.Time {
	return time.Date(2026, time.Month(7+round), 1, 0, 0, 0, 0, time.UTC)
}

// editDocs withdraws, changes and adds docs at random and expires the docs
// whose publication ends in the round's month, as a month does.
func editDocs(r *rand.Rand, docs []Doc, round int) []Doc {
	var out []Doc
	for _, d := range docs {
		if Expired(d, roundEnd(round)) {
			continue
		}
		switch r.IntN(40) {
		case 0: // withdrawn
			continue
		case 1: // corrected, in every third round (a correction compacts)
			if round%3 == 2 {
				d.Body += " 更正" + fmt.Sprint(round)
				d.Identifiers = slices.Clone(d.Identifiers)
			}
		}
		out = append(out, d)
	}
	for i, d := range SyntheticDocs(20+r.IntN(150), uint64(1000+round))[:] {
		if d.Type != TypeCase {
			continue
		}
		d.URL = fmt.Sprintf("/cases/r%d-%d/", round, i)
		if !Expired(d, roundEnd(round)) {
			out = append(out, d)
		}
	}
	SortDocs(out)
	return out
}

var segmentQueries = []string{"运输证", "餐饮", "烧", "G75", "有限公司", "青溪综执罚（2025）第12号", "青石 商贸", "91350100", "大气污染防治法",
	"未取得道路运输证从事经营", "運輸證", "違法 經營", "占道经营", "更正", "油烟", "青溪综执罚〔2026〕3号"}

// sameResults checks that two searchers give the same results for every
// query and filter: the same docs (by URL), the same facet counts, and
// newest first by date under sort=new.
func sameResults(t *testing.T, label string, got, want *Searcher) {
	t.Helper()
	for _, q := range segmentQueries {
		for _, f := range []url.Values{nil, {"sort": {SortNewest}}, {"type": {"case"}, "year": {"2025"}}, {"cat": {"警告"}}} {
			if q != "餐饮" && f != nil && f.Get("sort") == "" {
				continue
			}
			a, err := got.Search(q, f)
			if err != nil {
				t.Fatalf("%s: %q: %v", label, q, err)
			}
			b, err := want.Search(q, f)
			if err != nil {
				t.Fatal(err)
			}
			ua, ub := docURLs(t, got, a.Docs), docURLs(t, want, b.Docs)
			if !slices.Equal(sorted(ua), sorted(ub)) {
				t.Errorf("%s: %q %v: %d results, from scratch %d", label, q, f, len(ua), len(ub))
				continue
			}
			if fmt.Sprint(a.Counts) != fmt.Sprint(b.Counts) {
				t.Errorf("%s: %q %v: counts %v, from scratch %v", label, q, f, a.Counts, b.Counts)
			}
			if f.Get("sort") == SortNewest {
				for _, s := range []*Searcher{got, want} {
					res := a
					if s == want {
						res = b
					}
					for i := 1; i < len(res.Docs); i++ {
						if s.day[res.Docs[i-1]] < s.day[res.Docs[i]] {
							t.Errorf("%s: %q sort=new: result %d older than %d", label, q, i-1, i)
							break
						}
					}
				}
			}
		}
	}
	// Filters alone list every live doc that passes them.
	a, _ := got.Search("", url.Values{"type": {"case"}})
	b, _ := want.Search("", url.Values{"type": {"case"}})
	if len(a.Docs) != len(b.Docs) {
		t.Errorf("%s: type=case lists %d, from scratch %d", label, len(a.Docs), len(b.Docs))
	}
}

func docURLs(t *testing.T, s *Searcher, docs []int) []string {
	t.Helper()
	out := make([]string, len(docs))
	for i, d := range docs {
		cd, err := s.chunkDoc(d)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = cd.U
	}
	return out
}

// gone returns the docs of before whose URL after lacks.
func gone(before, after []Doc) []Doc {
	urls := map[string]bool{}
	for _, d := range after {
		urls[d.URL] = true
	}
	var out []Doc
	for _, d := range before {
		if !urls[d.URL] {
			out = append(out, d)
		}
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestExtendMatchesScratch edits a set of docs month by month at random:
// the index each build extends answers every query as an index built from
// scratch over the same docs does.
func TestExtendMatchesScratch(t *testing.T) {
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			o := Options{ShardBytes: 4 << 10, SeparatePos: 1 << 10, Synonyms: ThemeSynonyms(t)}
			docs := SyntheticDocs(1500, seed)
			prev := indexFS(t, build(t, docs, o), nil)
			layouts := map[string]int{}
			for round := range 7 {
				before := docs
				docs = editDocs(r, docs, round)
				o.Previous = prev
				ix := build(t, docs, o)
				layouts[strings.SplitN(ix.Layout, ":", 2)[0]]++
				t.Logf("round %d: %s, %d segments, %+v", round, ix.Layout, len(ix.Meta.Segs), ix.Stats)
				cur := indexFS(t, ix, prev)
				noDeadText(t, cur, gone(before, docs), docs)
				o.Previous = nil
				sameResults(t, fmt.Sprintf("round %d (%s, %d segments)", round, ix.Layout, len(ix.Meta.Segs)), fsSearcher(t, cur), searcherOf(t, build(t, docs, o)))
				prev = cur
			}
			if layouts["extended"] == 0 {
				t.Errorf("no build extended its index: %v", layouts)
			}
		})
	}
}

// TestExtendKeepsFiles adds docs, then withdraws two of them and adds
// another: the first build's files are kept as they were each time, the
// new docs go to a new segment, the two dead numbers are tombstones, and
// only the chunk files that held their text are rewritten, without it.
func TestExtendKeepsFiles(t *testing.T) {
	o := Options{Salt: "test"}
	docs := SyntheticDocs(2000, 3)
	first := build(t, docs, o)
	prev := indexFS(t, first, nil)
	next := slices.Clone(docs)
	for i, d := range SyntheticDocs(200, 4)[:120] {
		d.URL = fmt.Sprintf("/cases/new%d/", i)
		next = append(next, d)
	}
	SortDocs(next)
	o.Previous = prev
	second := build(t, next, o)
	if second.Layout != "extended" || len(second.Meta.Segs) != 2 || second.Stats.Added != 120 {
		t.Fatalf("second build: layout %q, %d segments, stats %+v", second.Layout, len(second.Meta.Segs), second.Stats)
	}
	prev = indexFS(t, second, prev)
	var withdrawn, withdrawn2, added Doc
	var third []Doc
	for _, d := range next {
		switch d.URL {
		case "/cases/new10/":
			withdrawn = d
			continue
		case "/cases/new20/":
			withdrawn2 = d
			continue
		}
		third = append(third, d)
	}
	added = SyntheticDocs(200, 4)[150]
	added.URL, added.Body = "/cases/added/", added.Body+" 更正"
	third = append(third, added)
	SortDocs(third)
	o.Previous = prev
	ix := build(t, third, o)
	if ix.Layout != "extended" || len(ix.Meta.Segs) != 3 || ix.Stats.Added != 1 || ix.Stats.Dead != 2 || ix.Stats.Rechunked > 2 {
		t.Fatalf("third build: layout %q, %d segments, stats %+v", ix.Layout, len(ix.Meta.Segs), ix.Stats)
	}
	for i := range 2 {
		if ix.Meta.Segs[i].Dir != second.Meta.Segs[i].Dir {
			t.Errorf("segment %d moved: %s, was %s", i, ix.Meta.Segs[i].Dir, second.Meta.Segs[i].Dir)
		}
	}
	if ix.Meta.Dead == "" {
		t.Error("no tombstones")
	}
	var prevFiles int
	for name := range prev {
		if name != "meta.json" && !slices.Contains(ix.Kept, name) && !strings.HasPrefix(path.Base(name), "c") {
			t.Errorf("%s is not kept", name)
		}
		prevFiles++
	}
	var rewritten []string
	for name := range ix.Files {
		if !strings.HasPrefix(name, ix.Meta.Segs[2].Dir) && !strings.HasPrefix(name, "dead-") && name != "meta.json" {
			rewritten = append(rewritten, name)
		}
	}
	if len(rewritten) > 2 {
		t.Errorf("%v written (of %d files before): want the new segment's, two chunks, tombstones and meta", rewritten, prevFiles)
	}
	for name := range first.Files {
		if name == "meta.json" {
			continue
		}
		if !slices.Contains(ix.Kept, name) {
			t.Errorf("%s is not kept", name)
		}
		if _, ok := ix.Files[name]; ok {
			t.Errorf("%s is written again", name)
		}
	}
	out := indexFS(t, ix, prev)
	noDeadText(t, out, []Doc{withdrawn, withdrawn2}, third)
	s := fsSearcher(t, out)
	for q, want := range map[string]int{withdrawn.Title: 0, "更正": 1} {
		res, err := s.Search(q, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := docURLs(t, s, res.Docs)
		if slices.Contains(got, withdrawn.URL) || want == 1 && !slices.Equal(got, []string{added.URL}) {
			t.Errorf("%q finds %q", q, got)
		}
	}
	res, _ := s.Search(third[0].Title, url.Values{"sort": {SortNewest}})
	if len(res.Docs) == 0 {
		t.Errorf("the newest doc %q is not found", third[0].Title)
	}
	// The same inputs and the same previous index give the same bytes.
	again := build(t, third, o)
	if !mapsEqual(again.Files, ix.Files) || !slices.Equal(again.Kept, ix.Kept) {
		t.Error("two extending builds differ")
	}
}

// noDeadText fails when a JSON file of fsys but meta.json holds the URL
// of a dead doc, or its title when no live doc has that title.
func noDeadText(t *testing.T, fsys fstest.MapFS, dead, live []Doc) {
	t.Helper()
	titles := map[string]bool{}
	for _, d := range live {
		titles[d.Title] = true
	}
	for name, f := range fsys {
		if !strings.HasSuffix(name, ".json") || name == "meta.json" {
			continue
		}
		for _, d := range dead {
			if strings.Contains(string(f.Data), `"`+d.URL+`"`) || !titles[d.Title] && strings.Contains(string(f.Data), `"`+d.Title+`"`) {
				t.Errorf("%s holds the dead doc %s (%s)", name, d.URL, d.Title)
			}
		}
	}
}

func mapsEqual(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(b[k], v) {
			return false
		}
	}
	return true
}

// TestUnusablePreviousCompacts damages the previous index in several
// ways: each build writes the layout a build from scratch writes.
func TestUnusablePreviousCompacts(t *testing.T) {
	o := Options{Salt: "a"}
	docs := SyntheticDocs(300, 5)
	first := build(t, docs, o)
	scratch := build(t, docs[1:], o)
	seg := first.Meta.Segs[0].Dir
	for _, tc := range []struct {
		name   string
		damage func(fstest.MapFS)
		o      Options
	}{
		{"no meta.json", func(m fstest.MapFS) { delete(m, "meta.json") }, o},
		{"meta.json cut short", func(m fstest.MapFS) { m["meta.json"].Data = m["meta.json"].Data[:40] }, o},
		{"another version", func(m fstest.MapFS) {
			m["meta.json"].Data = bytes.Replace(m["meta.json"].Data, []byte(fmt.Sprintf(`{"v":%d`, Version)), []byte(`{"v":1`), 1)
		}, o},
		{"another program", nil, Options{Salt: "b"}},
		{"another chunk size", nil, Options{Salt: "a", ChunkSize: 8}},
		{"a damaged state", func(m fstest.MapFS) {
			m[seg+"state.bin"].Data = bytes.Replace(m[seg+"state.bin"].Data, []byte(`"lo":0`), []byte(`"lo":1`), 1)
		}, o},
		{"a missing state", func(m fstest.MapFS) { delete(m, seg+"state.bin") }, o},
		{"a missing chunk", func(m fstest.MapFS) { delete(m, seg+"c3.json") }, o},
		{"compaction asked for", nil, Options{Salt: "a", Compact: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prev := indexFS(t, first, nil)
			if tc.damage != nil {
				tc.damage(prev)
			}
			o := tc.o
			o.Previous = prev
			ix := build(t, docs[1:], o)
			if !strings.HasPrefix(ix.Layout, "compacted: ") || len(ix.Kept) != 0 {
				t.Fatalf("layout %q, %d kept", ix.Layout, len(ix.Kept))
			}
			if o.ChunkSize == 0 && o.Salt == "a" && !mapsEqual(ix.Files, scratch.Files) {
				t.Error("the compacted index differs from one built from scratch")
			}
			t.Log(ix.Layout)
		})
	}
}

func FuzzDecodeState(f *testing.F) {
	ix := build(f, SyntheticDocs(40, 1), Options{})
	f.Add(ix.Files[ix.Meta.Segs[0].Dir+"state.bin"])
	f.Add(append([]byte("\x40"+`{"lo":0,"n":1,"facets":[[],[],["罚款"],[],[],[]],"sets":[[0]]}`), make([]byte, keyLen)...))
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := decodeState(b)
		if err != nil {
			return
		}
		if len(st.keys) != st.N {
			t.Fatalf("%d keys for %d docs", len(st.keys), st.N)
		}
		facetMap(st, make([]Facet, numFacets))
	})
}

func FuzzDecodeDead(f *testing.F) {
	f.Add(encodeDead([]uint32{1, 5, 9}, 10), 10)
	dense := make([]uint32, 0, 900)
	for i := range uint32(900) {
		dense = append(dense, i+50)
	}
	f.Add(encodeDead(dense, 1000), 1000)
	f.Fuzz(func(t *testing.T, b []byte, docs int) {
		if docs < 0 || docs > 1<<20 {
			return
		}
		dead, err := decodeDead(b, docs)
		if err != nil {
			return
		}
		if !slices.IsSorted(dead) || len(dead) == 0 || int(dead[len(dead)-1]) >= docs {
			t.Fatalf("decoded %v of %d", dead, docs)
		}
	})
}

// TestExtendNumbers: a kept doc keeps its number and a new doc takes the
// next one; a withdrawn or changed doc's number is a tombstone.
func TestExtendNumbers(t *testing.T) {
	doc := func(u, body string) Doc {
		return Doc{Type: TypePage, URL: "/notices/" + u + "/", Title: "通知" + u, Body: body}
	}
	base := []Doc{doc("a", "甲"), doc("b", "乙"), doc("c", "丙"), doc("d", "丁")}
	var filler []string
	for i := range 12 {
		u := fmt.Sprintf("x%02d", i)
		base = append(base, doc(u, "其他"))
		filler = append(filler, u)
	}
	rest := base[4:]
	for _, tc := range []struct {
		name       string
		docs       []Doc
		head, tail []string // URL per number before and after the filler, "" for a dead one
		layout     string
	}{
		{"unchanged", base, []string{"a", "b", "c", "d"}, nil, "extended"},
		{"one added", append(slices.Clone(base), doc("e", "戊")), []string{"a", "b", "c", "d"}, []string{"e"}, "extended"},
		{"one added first in index order", append([]Doc{doc("0", "零")}, base...), []string{"a", "b", "c", "d"}, []string{"0"}, "extended"},
		{"one withdrawn", slices.Concat([]Doc{base[0], base[2], base[3]}, rest), []string{"a", "", "c", "d"}, nil, "extended"},
		{"one changed", slices.Concat([]Doc{base[0], doc("b", "乙更正"), base[2], base[3]}, rest), []string{"a", "b", "c", "d"}, nil, "compacted: a published doc changed"},
		{"a duplicate added", append(slices.Clone(base), base[1]), []string{"a", "b", "c", "d"}, []string{"b"}, "extended"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{Previous: indexFS(t, build(t, base, Options{}), nil)}
			ix := build(t, tc.docs, o)
			s := fsSearcher(t, indexFS(t, ix, o.Previous))
			if err := s.loadDead(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for d := range ix.Meta.Docs {
				if s.dead[uint32(d)] {
					got = append(got, "")
					continue
				}
				cd, err := s.chunkDoc(d)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, strings.TrimSuffix(strings.TrimPrefix(cd.U, "/notices/"), "/"))
			}
			if want := slices.Concat(tc.head, filler, tc.tail); !slices.Equal(got, want) || !strings.HasPrefix(ix.Layout, tc.layout) {
				t.Errorf("numbers %q (%s), want %q", got, ix.Layout, want)
			}
		})
	}
}

// TestMonthKeepsMostFiles extends an index by a month in which the docs
// whose publication ends in it expire and a few are withdrawn: the
// expired docs share few chunks, most files keep their bytes, and no
// JSON file holds a dead doc's URL or name.
func TestMonthKeepsMostFiles(t *testing.T) {
	docs := SyntheticDocs(6000, 11)
	o := Options{Salt: "m"}
	first := build(t, docs, o)
	prev := indexFS(t, first, nil)
	next := MonthDocs(docs, 110, 4, 11)
	o.Previous = prev
	ix := build(t, next, o)
	dead := gone(docs, next)
	out := indexFS(t, ix, prev)
	t.Logf("%s: %d dead, %d of %d files written, %d chunks rewritten, %+v", ix.Layout, len(dead), len(ix.Files), len(out), ix.Stats.Rechunked, ix.Stats)
	if ix.Layout != "extended" || ix.Stats.Dead != len(dead) || len(dead) < 80 {
		t.Fatalf("layout %q, %d tombstones, %d dead", ix.Layout, ix.Stats.Dead, len(dead))
	}
	// The expired docs fill whole chunks, which have no file: the chunks
	// rewritten are about those of the withdrawn docs and of the ends of
	// the expired run.
	if ix.Stats.Rechunked > 4+4 || len(ix.Files)*10 > len(out) {
		t.Errorf("%d chunks rewritten, %d of %d files written", ix.Stats.Rechunked, len(ix.Files), len(out))
	}
	noDeadText(t, out, dead, next)
	for name := range prev {
		if _, ok := out[name]; !ok && !strings.HasPrefix(path.Base(name), "c") && name != "meta.json" {
			t.Errorf("%s is not kept", name)
		}
	}
	o.Previous = nil
	sameResults(t, "month", fsSearcher(t, out), searcherOf(t, build(t, next, o)))
}

// A record that stays published with other text (a name in it came to be
// masked) compacts the index: the kept postings would keep the earlier
// text, which the site no longer publishes.
func TestChangedDocCompacts(t *testing.T) {
	docs := SyntheticDocs(3000, 3)
	i := 100
	docs[i].Body = "当事人在店内与王五发生争执" + docs[i].Body
	o := Options{Salt: "test"}
	first := build(t, docs, o)
	prev := indexFS(t, first, nil)
	next := slices.Clone(docs)
	next[i].Body = strings.Replace(next[i].Body, "王五", "王某", 1)
	o.Previous = prev
	second := build(t, next, o)
	if !strings.HasPrefix(second.Layout, "compacted: a published doc changed") {
		t.Errorf("layout %q, want compacted for the changed doc", second.Layout)
	}
	for name, f := range indexFS(t, second, prev) {
		if bytes.Contains(f.Data, []byte("王五")) {
			t.Errorf("%s holds the changed doc's earlier text", name)
		}
	}
	// Withdrawing the same doc instead extends the index.
	gone := slices.Delete(slices.Clone(docs), i, i+1)
	if third := build(t, gone, o); third.Layout != "extended" {
		t.Errorf("withdrawn doc: layout %q, want extended", third.Layout)
	}
}
