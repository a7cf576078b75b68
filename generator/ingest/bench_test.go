package ingest_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongshi/generator/ingest"
	"gongshi/generator/records"
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
// XLSX, excelize holds the compressed workbook and its shared-string table
// in memory; worksheet rows are streamed through its Rows iterator, and
// worksheet XML above 4 MB is unzipped to a temporary file.)
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
				schema := records.CaseKind.Schema
				b.ReportAllocs()
				b.ResetTimer()
				var peak uint64
				for i := 0; i < b.N; i++ {
					rows := 0
					p := peakHeap(func() {
						_, dl := ingest.Read(fsys, name, &schema, func(r ingest.Row) {
							rows++
							ingest.ParseDate(r.Value(records.ColDecisionDate))
							ingest.ParseAmount(r.Value(records.ColFine), r.Table.Unit(records.ColFine))
						})
						if dl.HasErrors() {
							b.Fatal(dl)
						}
					})
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
