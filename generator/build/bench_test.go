package build_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/sample"
)

// BenchmarkBuildSample builds a `gongshi sample --cases N` town, every page
// kind included. Run with -bench BuildSample -benchtime 1x; the 100k case
// takes a while, and the 1M case (-bench 'BuildSample/cases=1000000') runs
// only when asked for by name. Reported: published decisions, pages, pages
// written per second of the whole build, files, MB written, and the peak
// Go heap sampled during the build.
func BenchmarkBuildSample(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		if n > 100_000 && !strings.Contains(flag.Lookup("test.bench").Value.String(), fmt.Sprint(n)) {
			continue
		}
		b.Run(fmt.Sprintf("cases=%d", n), func(b *testing.B) {
			src, now := benchTown(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				dest := filepath.Join(b.TempDir(), "public")
				runtime.GC()
				peak, stop := samplePeakHeap()
				start := time.Now()
				sum, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest, Now: now})
				took := time.Since(start)
				stop()
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(sum.Result.Cases)), "published")
				b.ReportMetric(float64(sum.Pages), "pages")
				b.ReportMetric(float64(sum.Pages)/took.Seconds(), "pages/s")
				b.ReportMetric(float64(sum.Written), "files")
				b.ReportMetric(float64(sum.Bytes)/1e6, "MB-written")
				b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
			}
		})
	}
}

// benchTown writes a `gongshi sample --cases n` town for a benchmark and
// returns its folder and the date it is built as of.
func benchTown(b *testing.B, n int) (string, time.Time) {
	src := b.TempDir()
	o := sample.DefaultOptions()
	o.Cases = n
	sampleTown(b, src, o)
	return src, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
}

// sampleTown writes a sample town's exports into dir, with the repository's
// site.toml, and returns the paths written (site.toml included).
func sampleTown(tb testing.TB, dir string, o sample.Options) []string {
	tb.Helper()
	sum, err := sample.Write(dir, o)
	if err != nil {
		tb.Fatal(err)
	}
	site, err := os.ReadFile(filepath.Join("..", "..", "site.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), site, 0o644); err != nil {
		tb.Fatal(err)
	}
	return append(sum.Files, "site.toml")
}

// samplePeakHeap polls the heap size until stop is called.
func samplePeakHeap() (*atomic.Uint64, func()) {
	var peak atomic.Uint64
	done := make(chan struct{})
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				metrics.Read(s)
				if v := s[0].Value.Uint64(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	return &peak, func() { close(done) }
}

// BenchmarkLeakGate builds `gongshi sample --cases N` towns and reports
// what the leak gate costs (time in scans summed over workers, MB
// scanned) and what it finds. A sample town holds no leak, so every
// finding is a false alarm: the benchmark fails on any. Run with -bench LeakGate -benchtime
// 1x; the 1M case needs about 4 GiB and several minutes.
func BenchmarkLeakGate(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("cases=%d", n), func(b *testing.B) {
			src, now := benchTown(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				dest := filepath.Join(b.TempDir(), "public")
				sum, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest, Now: now})
				if sum == nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(sum.Gate.Busy.Milliseconds()), "gate-busy-ms")
				b.ReportMetric(float64(sum.Gate.Bytes)/1e6, "gate-MB")
				b.ReportMetric(float64(sum.Gate.Files), "gate-files")
				b.ReportMetric(float64(sum.Gate.Findings), "findings")
				b.ReportMetric(float64(sum.Duration.Milliseconds()), "build-ms")
				if err != nil {
					b.Error(err)
				}
			}
		})
	}
}
