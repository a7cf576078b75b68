package disclose

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchSecrets returns n secrets: names, ID numbers, phones and addresses
// in the proportions of a town's records.
func benchSecrets(n int) []Secret {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]Secret, 0, n)
	for i := 0; len(out) < n; i++ {
		p := pos(i + 2)
		out = append(out,
			Secret{Value: randName(r), Kind: SecretName, Src: p},
			Secret{Value: randID(r), Kind: SecretID, Src: p},
			Secret{Value: randMobile(r), Kind: SecretPhone, Src: p},
			Secret{Value: fmt.Sprintf("青溪镇%s村%d组%d号", string(given[r.IntN(len(given))]), r.IntN(20), r.IntN(200)), Kind: SecretAddress, Src: p})
	}
	return out[:n]
}

// benchPage is a case page as render would write it: markup, masked names,
// Chinese text, numbers.
func benchPage(r *rand.Rand) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="SiteName" content="青溪镇政务公开"><link rel="stylesheet" href="/static/style.3fa9c1d2.css"></head><body><nav class="breadcrumb"><a href="/">首页</a> › <a href="/cases/">行政处罚</a></nav><main>`)
	for b.Len() < 16<<10 {
		fmt.Fprintf(&b, `<tr><td class="no">清溪综执罚〔2025〕%d号</td><td>%s某某</td><td>`, r.IntN(999), surnames[r.IntN(len(surnames))])
		for range 8 {
			b.WriteString(fillers[r.IntN(len(fillers))])
			b.WriteString("当事人未经许可在公共场所擅自占道经营，影响市容环境卫生，经责令改正拒不改正。")
		}
		fmt.Fprintf(&b, `</td><td>罚款%d元</td><td>2025-0%d-1%d</td></tr>`+"\n", 100*r.IntN(50), 1+r.IntN(9), r.IntN(10))
	}
	b.WriteString("</main></body></html>\n")
	return []byte(b.String())
}

func BenchmarkNewScanner50k(b *testing.B) {
	secrets := benchSecrets(50000)
	for b.Loop() {
		NewScanner(secrets)
	}
}

func BenchmarkScan50k(b *testing.B) {
	sc := NewScanner(benchSecrets(50000))
	pages := benchPages(b)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if l := sc.Scan("p.html", p); len(l) > 0 {
				b.Fatalf("false positive: %v", l)
			}
		}
	}
}

func BenchmarkScanFS50k(b *testing.B) {
	sc := NewScanner(benchSecrets(50000))
	r := rand.New(rand.NewPCG(3, 4))
	// On disk: fstest.MapFS synthesises directories by scanning the whole
	// map, which would dominate the measurement.
	dir := b.TempDir()
	size := 0
	for i := range 2000 {
		p := benchPage(r)
		size += len(p)
		d := filepath.Join(dir, "cases", fmt.Sprint(i))
		if err := os.MkdirAll(d, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "index.html"), p, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		if l, err := sc.ScanFS(fsys); err != nil || len(l) > 0 {
			b.Fatalf("%v %v", l, err)
		}
	}
}

// benchPages returns the 64 pages the scan benchmarks read, and sets the
// benchmark's bytes per operation to their size.
func benchPages(b *testing.B) [][]byte {
	r := rand.New(rand.NewPCG(3, 4))
	pages := make([][]byte, 64)
	size := 0
	for i := range pages {
		pages[i] = benchPage(r)
		size += len(pages[i])
	}
	b.SetBytes(int64(size))
	return pages
}
