package ingest_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongshi/generator/ingest"
	"gongshi/generator/records"
	"gongshi/generator/sample"
	"gongshi/generator/value"
)

var benchHeader = []string{"序号", "当事人名称", "当事人类别", "统一社会信用代码", "法定代表人（负责人）", "决定书文号", "违法行为", "主要违法事实", "处罚依据", "处罚种类", "处罚内容", "罚款金额(元)", "处罚日期", "公示期限至", "执法机关"}

func benchRow(i int) []string {
	return []string{fmt.Sprint(i + 1), fmt.Sprintf("清溪第%d号商贸有限公司", i), "法人", "91350100M000100Y43", "林示例", fmt.Sprintf("清溪综执罚〔2025〕%d号", i), "占道经营", "在青石路擅自占用人行道堆放货物，影响通行，经责令改正后仍未改正", "《城市市容和环境卫生管理条例》第三十七条", "罚款", "罚款2000元", fmt.Sprint(1000 + i%5000), fmt.Sprintf("2025/%d/%d", 1+i%12, 1+i%28), "2026/4/12", "清溪镇人民政府"}
}

func writeGBKCSV(b *testing.B, dir string, n int) string {
	p := filepath.Join(dir, "cases.csv")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(simplifiedchinese.GBK.NewEncoder().Writer(f))
	fmt.Fprintln(w, "清溪镇2025年行政处罚决定公示")
	write := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString(c)
		}
		w.WriteByte('\n')
	}
	write(benchHeader)
	for i := 0; i < n; i++ {
		write(benchRow(i))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return "cases.csv"
}

func writeXLSX(b *testing.B, dir string, n int) string {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := func(r int, cells []string) {
		vals := make([]any, len(cells))
		for i, c := range cells {
			vals[i] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, vals); err != nil {
			b.Fatal(err)
		}
	}
	row(1, []string{"清溪镇2025年行政处罚决定公示"})
	row(2, benchHeader)
	for i := 0; i < n; i++ {
		row(i+3, benchRow(i))
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(filepath.Join(dir, "cases.xlsx")); err != nil {
		b.Fatal(err)
	}
	return "cases.xlsx"
}

// peakHeap samples the live heap while fn runs and returns the largest
// value seen above the heap in use before it started.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base && ms.HeapAlloc-base > peak.Load() {
				peak.Store(ms.HeapAlloc - base)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak.Load()
}

// BenchmarkRead ingests a GBK CSV and an XLSX of 10k and 100k penalty
// decisions, parsing each row's date and amount but keeping nothing, and
// reports rows/s and the peak heap above the baseline. The peak must not
// grow with the number of rows: rows stream through the callback. (For
// XLSX, worksheet rows stream from the ZIP entry through the fast reader;
// the shared-string table is held in memory.)
func BenchmarkRead(b *testing.B) {
	for _, format := range []string{"gbk-csv", "xlsx"} {
		for _, n := range []int{10_000, 100_000} {
			b.Run(fmt.Sprintf("%s/rows=%d", format, n), func(b *testing.B) {
				dir := b.TempDir()
				var name string
				if format == "xlsx" {
					name = writeXLSX(b, dir, n)
				} else {
					name = writeGBKCSV(b, dir, n)
				}
				fsys := os.DirFS(dir)
				b.ReportAllocs()
				b.ResetTimer()
				var peak uint64
				for i := 0; i < b.N; i++ {
					var rows int
					p := peakHeap(func() { rows = readDecisions(b, fsys, name) })
					if rows != n {
						b.Fatalf("%d rows, want %d", rows, n)
					}
					peak = max(peak, p)
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				if st, err := os.Stat(filepath.Join(dir, name)); err == nil {
					b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
				}
			})
		}
	}
}

// BenchmarkReadCases ingests the largest decisions workbook of `gongshi
// sample --cases 100000`: one sheet of about 20,000 rows (31 MB of sheet
// XML, inline strings, a merged title, amounts as numbers), with the fast
// worksheet reader and with excelize alone. Reported: rows/s, the peak heap
// above the baseline, and the process's maximum resident set so far (run
// one reader per process to compare it).
func BenchmarkReadCases(b *testing.B) {
	dir := b.TempDir()
	o := sample.DefaultOptions()
	o.Cases = 100_000
	sum, err := sample.Write(dir, o)
	if err != nil {
		b.Fatal(err)
	}
	// The largest XLSX year.
	var name string
	var size int64
	for _, f := range sum.Files {
		if filepath.Ext(f) != ".xlsx" || filepath.Dir(f) != "data/cases" {
			continue
		}
		if st, err := os.Stat(filepath.Join(dir, f)); err == nil && st.Size() > size {
			name, size = f, st.Size()
		}
	}
	if name == "" {
		b.Fatal("no decisions workbook in the sample")
	}
	fsys := os.DirFS(dir)
	read := func(b *testing.B) int { return readDecisions(b, fsys, name) }
	for _, reader := range []string{"fast", "excelize"} {
		b.Run("reader="+reader, func(b *testing.B) {
			defer ingest.UseFastXLSX(reader == "fast")()
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			var peak uint64
			rows := 0
			for i := 0; i < b.N; i++ {
				p := peakHeap(func() { rows = read(b) })
				peak = max(peak, p)
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			var ru syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
				b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
			}
		})
	}
}

// TestFastXLSXSample checks that the fast reader gives Read's callers
// exactly what excelize gives on a sample year of decisions.
func TestFastXLSXSample(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a sample town")
	}
	dir := t.TempDir()
	o := sample.DefaultOptions()
	o.Cases = 20_000
	sum, err := sample.Write(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	n := 0
	for _, f := range sum.Files {
		if filepath.Ext(f) != ".xlsx" {
			continue
		}
		kind := records.KindByName(filepath.Base(filepath.Dir(f)))
		if kind == nil {
			continue
		}
		dump := func(fast bool) []string {
			defer ingest.UseFastXLSX(fast)()
			var out []string
			tables, dl := ingest.Read(fsys, f, &kind.Schema, nil, func(r value.Row) {
				out = append(out, fmt.Sprintf("%d %q", r.Line, r.Cells))
			})
			for _, t := range tables {
				out = append(out, fmt.Sprintf("table %+v", *t))
			}
			for _, d := range dl {
				out = append(out, d.String())
			}
			return out
		}
		got, want := dump(true), dump(false)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: Read differs with the fast reader", f)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no workbooks in the sample")
	}
}

// readDecisions reads a decisions export, parsing each row's date and
// amount but keeping nothing, and returns the number of rows.
func readDecisions(b *testing.B, fsys fs.FS, name string) int {
	schema := records.CaseKind.Schema
	rows := 0
	_, dl := ingest.Read(fsys, name, &schema, nil, func(r value.Row) {
		rows++
		value.ParseDate(r.Value(records.ColDecisionDate))
		value.ParseAmount(r.Value(records.ColFine), r.Table.Unit(records.ColFine))
	})
	if dl.HasErrors() {
		b.Fatal(dl)
	}
	return rows
}
