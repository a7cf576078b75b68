package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"maps"
	"runtime"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// htmlPerCase estimates the HTML of one decision page (the smalltown
// fixture's minified decision page is about this size plus the decision's
// own text).
const htmlPerCase = 9000

func benchIndex(b *testing.B, n int) {
	docs := SyntheticDocs(n, 42)
	var text int64
	for i := range docs {
		text += int64(len(docs[i].Title) + len(docs[i].Body))
	}
	syn := ThemeSynonyms(b)
	b.ReportAllocs()
	b.ResetTimer()
	var ix *Index
	for b.Loop() {
		var err error
		if ix, err = Build(docs, Options{Synonyms: syn}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	html := int64(n)*htmlPerCase + text
	st := ix.Stats
	b.ReportMetric(float64(st.TotalBytes)/1e6, "index-MB")
	b.ReportMetric(float64(st.TotalBytes)/float64(html)*100, "%-of-html")
	b.ReportMetric(float64(st.Shards), "shards")
	b.Logf("docs %d terms %d shards %d: postings %.1f MB, positions %.1f MB, chunks %d (%.1f MB), facets %d B, meta %d B; html est %.0f MB",
		st.Docs, st.Terms, st.Shards, mb(st.PostingBytes), mb(st.PosBytes), st.Chunks, mb(st.ChunkBytes), st.FacetBytes, st.MetaSize, mb(html))
	reportQueries(b, ix)
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// reportQueries logs what a cold query fetches: meta, shards, positions,
// the facet table and the chunks of the first result page.
func reportQueries(b *testing.B, ix *Index) {
	for _, q := range []string{"餐饮", "烧烤", "运输证", "有限公司", "青石路", "青溪综执罚(2025)12号", "91350100", "青石 商贸", "占道经营", "違法 經營"} {
		s := searcherOf(b, ix)
		t0 := time.Now()
		res, err := s.Search(q, nil)
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(t0)
		for _, d := range res.Docs[:min(20, len(res.Docs))] {
			name := s.ChunkName(d)
			s.Fetched[name] = len(ix.Files[name])
		}
		var raw, zipped, facets, facetsZ int
		var names []string
		for name, n := range s.Fetched {
			if strings.HasSuffix(name, "facets.bin") {
				facets += n
				facetsZ += gz(ix.Files[name])
				continue
			}
			raw += n
			zipped += gz(ix.Files[name])
			names = append(names, name)
		}
		sort.Strings(names)
		b.Logf("%-22s %6d results: %3d files %7.1f KB raw, %6.1f KB gzip (+ facet table once %.1f KB, %.1f KB gzip); Go query %v",
			q, len(res.Docs), len(names), float64(raw)/1024, float64(zipped)/1024, float64(facets)/1024, float64(facetsZ)/1024, el.Round(time.Microsecond))
	}
}

func BenchmarkIndex10k(b *testing.B) { benchIndex(b, 10_000) }

// BenchmarkIndexMonth extends the index of 100k decisions by a month of
// 1,800 added decisions, the decisions whose publication ends in the month
// expired, and none or 36 of the earlier ones withdrawn: the time of the
// build, the files it writes against those it keeps, and what cold
// queries fetch from the result; then the same docs compacted, for
// comparison.
func BenchmarkIndexMonth(b *testing.B) {
	docs := SyntheticDocs(100_000, 42)
	o := Options{Synonyms: ThemeSynonyms(b), Salt: "bench"}
	t0 := time.Now()
	first, err := Build(docs, o)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("first build: %d docs, %d files, %.1f MB in %v", len(docs), len(first.Files), mb(first.Stats.TotalBytes), time.Since(t0).Round(time.Millisecond))
	prev := fstest.MapFS{}
	for name, data := range first.Files {
		prev[name] = &fstest.MapFile{Data: data}
	}
	for _, withdrawn := range []int{0, 36} {
		b.Run(fmt.Sprintf("withdrawn=%d", withdrawn), func(b *testing.B) {
			next := MonthDocs(docs, 1800, withdrawn, 7)
			o := o
			o.Previous = prev
			var ix *Index
			for b.Loop() {
				if ix, err = Build(next, o); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			var newBytes int64
			all := maps.Clone(ix.Files)
			for name, data := range ix.Files {
				if f, ok := prev[name]; !ok || !bytes.Equal(f.Data, data) {
					newBytes += int64(len(data))
				}
			}
			for _, name := range ix.Kept {
				all[name] = prev[name].Data
			}
			b.ReportMetric(float64(len(ix.Files)), "files-written")
			b.ReportMetric(float64(newBytes)/1e6, "MB-written")
			b.Logf("%s: %d segments, %d files written (%.2f MB), %d kept of %d; stats %+v",
				ix.Layout, len(ix.Meta.Segs), len(ix.Files), mb(newBytes), len(ix.Kept), len(all), ix.Stats)
			reportQueries(b, &Index{Files: all, Meta: ix.Meta})
		})
	}
}

func BenchmarkIndex100k(b *testing.B) { benchIndex(b, 100_000) }

var _ = runtime.GOMAXPROCS

// BenchmarkNormalize compares Normalize with the reference it is tested
// against, over the text of 2,000 synthetic decisions.
func BenchmarkNormalize(b *testing.B) {
	docs := SyntheticDocs(2000, 1)
	for _, fn := range []struct {
		name string
		f    func(string) string
	}{{"fast", Normalize}, {"reference", normalizeRef}} {
		b.Run(fn.name, func(b *testing.B) {
			for b.Loop() {
				for i := range docs {
					fn.f(docs[i].Title)
					fn.f(docs[i].Body)
				}
			}
		})
	}
}

// foldSimpleMap is foldSimple looking the fold table up in its map.
func foldSimpleMap(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	m := foldTable()
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		case 0x4E00 <= r && r <= 0x9FFF, 0x3400 <= r && r <= 0x4DBF:
			if t, ok := m[r]; ok {
				r = t
			}
			b = utf8.AppendRune(b, r)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b), true
}

// BenchmarkFoldLookup compares foldSimple, which folds CJK characters
// through the cjkFold array, with the same loop looking them up in
// foldTable's map, over the text of 2,000 synthetic decisions.
func BenchmarkFoldLookup(b *testing.B) {
	docs := SyntheticDocs(2000, 1)
	for _, fn := range []struct {
		name string
		f    func(string) (string, bool)
	}{{"array", foldSimple}, {"map", foldSimpleMap}} {
		b.Run(fn.name, func(b *testing.B) {
			for b.Loop() {
				for i := range docs {
					fn.f(docs[i].Title)
					fn.f(docs[i].Body)
				}
			}
		})
	}
}
