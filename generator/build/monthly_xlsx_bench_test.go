package build_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// BenchmarkMonthlyUpdateXLSX is BenchmarkMonthlyUpdate's "monthly-cli" run
// with every export of the town saved as an XLSX workbook, as town systems
// export them: the update reads the year's decisions, the withdrawals and
// the statistics again as workbooks and takes the rest from the parse
// cache. The "cold-cli" runs time a first build of the same town, with an
// empty parse cache and no earlier output. reader=fast is gongshi as
// shipped; reader=excelize is gongshi built with -tags
// gongshi_excelize_xlsx, which reads workbooks with excelize alone. Besides
// the wall time, cpu-s is the user and system time of the timed process,
// which other work on the machine disturbs less. Run with -bench
// MonthlyUpdateXLSX -benchtime 1x, and compare medians of several runs.
func BenchmarkMonthlyUpdateXLSX(b *testing.B) {
	top := b
	bins := map[string]string{}
	for _, n := range []int{10_000, 100_000} {
		after, before := "", ""
		for _, reader := range []string{"fast", "excelize"} {
			for _, run := range []string{"monthly-cli", "cold-cli"} {
				b.Run(fmt.Sprintf("cases=%d/reader=%s/%s", n, reader, run), func(b *testing.B) {
					if after == "" {
						after, before = top.TempDir(), top.TempDir()
						monthlyTowns(b, n, before, after)
						xlsxTowns(b, before, after)
					}
					if bins[reader] == "" {
						var tags []string
						if reader == "excelize" {
							tags = []string{"gongshi_excelize_xlsx"}
						}
						bins[reader] = gongshiBinary(top, tags...)
					}
					if run == "cold-cli" {
						benchCLICold(b, bins[reader], after)
						return
					}
					benchCLIUpdate(b, bins[reader], before, after, false)
				})
			}
		}
	}
}

// benchCLICold times `gongshi build` of src with an empty parse cache and
// no earlier output.
func benchCLICold(b *testing.B, bin, src string) {
	dec := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dest, cache := filepath.Join(b.TempDir(), "public"), b.TempDir()
		cmd := exec.Command(bin, "build", "--source", src, "--dest", dest)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache, "SOURCE_DATE_EPOCH="+strconv.FormatInt(dec.Unix(), 10))
		syscall.Sync()
		b.StartTimer()
		out, err := cmd.CombinedOutput()
		b.StopTimer()
		if err != nil {
			b.Fatalf("gongshi build --source %s: %v\n%s", src, err, out)
		}
		b.ReportMetric(cpuSeconds(cmd), "cpu-s")
	}
}

// cpuSeconds is the user and system time a finished command took.
func cpuSeconds(cmd *exec.Cmd) float64 {
	return (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
}

// xlsxTowns replaces every CSV export of the two towns by a workbook of the
// same rows. A file the same in both towns becomes the same workbook, so
// the parse cache knows it.
func xlsxTowns(tb testing.TB, before, after string) {
	tb.Helper()
	err := filepath.WalkDir(filepath.Join(after, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".csv" {
			return err
		}
		rel, err := filepath.Rel(after, p)
		if err != nil {
			return err
		}
		a, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(filepath.Join(before, rel))
		if err != nil {
			return err
		}
		xa, err := csvWorkbook(a)
		if err != nil {
			return fmt.Errorf("%s: %v", rel, err)
		}
		xb := xa
		if !bytes.Equal(a, b) {
			if xb, err = csvWorkbook(b); err != nil {
				return fmt.Errorf("%s: %v", rel, err)
			}
		}
		x := strings.TrimSuffix(rel, ".csv") + ".xlsx"
		for dir, data := range map[string][]byte{after: xa, before: xb} {
			if err := os.Remove(filepath.Join(dir, rel)); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, x), data, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// csvWorkbook returns a workbook of one sheet holding the rows of a CSV
// export (UTF-8, with or without a byte-order mark, or GBK). Amounts (the
// columns whose header names an amount) are numbers, the rest text. The
// same CSV gives the same bytes.
func csvWorkbook(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		d, err := simplifiedchinese.GBK.NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		data = d
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	var amount []bool
	for i, row := range rows {
		if i == 0 {
			for _, h := range row {
				amount = append(amount, strings.Contains(h, "金额"))
			}
		}
		vals := make([]any, len(row))
		for j, v := range row {
			vals[j] = v
			if i > 0 && j < len(amount) && amount[j] {
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					vals[j] = x
				}
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return nil, err
		}
		if err := sw.SetRow(cell, vals); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// TestWriteMonthlyXLSXTowns writes the towns of BenchmarkMonthlyUpdateXLSX
// into $GONGSHI_MONTHLY_DIR/{before,after}, to time `gongshi build` on them.
func TestWriteMonthlyXLSXTowns(t *testing.T) {
	dir, n := townEnv(t, "GONGSHI_MONTHLY_DIR", "GONGSHI_MONTHLY_CASES")
	before, after := filepath.Join(dir, "before"), filepath.Join(dir, "after")
	monthlyTowns(t, n, before, after)
	xlsxTowns(t, before, after)
}
