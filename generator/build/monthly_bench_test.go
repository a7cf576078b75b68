package build_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/sample"
)

// BenchmarkMonthlyUpdate measures the staff's monthly run: a 100k-case town
// built on 1 November from exports ending in October, then rebuilt on
// 1 December after November's exports were added (the decisions and
// withdrawals of the month appended to the year's files, a month more of
// service-centre statistics). Only the update is timed; it has the earlier
// builds' output, spare and build cache, as a site built before has.
// The "unchanged" runs time a third build of the same exports. The "-cli"
// runs time the same as `gongshi build` in a process of its own, as staff
// run it; in the benchmark's process the heap also holds what the earlier
// builds left, and the collector runs with the test's settings; they also
// report cpu-s, the user and system time of the timed process. The others
// report files-rewritten, the files of the new output that the previous
// one did not hold with the same bytes, and rewritten-%, their share of
// the output's files. Run with -bench MonthlyUpdate -benchtime 1x (or
// -count for more samples).
func BenchmarkMonthlyUpdate(b *testing.B) {
	top := b // its folders outlive the sub-benchmarks that share the towns
	var bin string
	for _, n := range []int{10_000, 100_000} {
		after, before := "", ""
		for _, run := range []string{"monthly", "unchanged", "monthly-cli", "unchanged-cli"} {
			b.Run(fmt.Sprintf("cases=%d/%s", n, run), func(b *testing.B) {
				if after == "" {
					after, before = top.TempDir(), top.TempDir()
					monthlyTowns(b, n, before, after)
				}
				if strings.HasSuffix(run, "-cli") {
					if bin == "" {
						bin = gongshiBinary(top)
					}
					benchCLIUpdate(b, bin, before, after, strings.TrimSuffix(run, "-cli") == "unchanged")
					return
				}
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					dest := filepath.Join(b.TempDir(), "public")
					o := build.Options{Source: before, Dest: dest, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), CacheDir: b.TempDir()}
					// Built twice, as a site that has been built before is:
					// the second build leaves the first as the spare that
					// the next one reuses.
					for range 2 {
						if _, err := build.Build(context.Background(), o); err != nil {
							b.Fatal(err)
						}
					}
					o.Source, o.Now = after, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
					if run == "unchanged" {
						if _, err := build.Build(context.Background(), o); err != nil {
							b.Fatal(err)
						}
					}
					// The previous build was a month ago: its files are on
					// the disk, not still being written back during this one.
					syscall.Sync()
					b.StartTimer()
					sum, err := build.Build(context.Background(), o)
					if err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					b.ReportMetric(float64(sum.Written-sum.Kept), "files-rewritten")
					b.ReportMetric(100*float64(sum.Written-sum.Kept)/float64(sum.Written), "rewritten-%")
					b.ReportMetric(float64(len(sum.Update.Added)), "added")
				}
			})
		}
	}
}

// gongshiBinary builds the gongshi command, with the given build tags,
// into a folder of tb's.
func gongshiBinary(tb testing.TB, tags ...string) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "gongshi")
	cmd := exec.Command("go", "build", "-tags", strings.Join(tags, ","), "-o", bin, "gongshi/cmd/gongshi")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// benchCLIUpdate times the update as staff run it: the gongshi command in
// a process of its own, with its own garbage-collector settings, and a
// build cache of its own (in XDG_CACHE_HOME) that earlier runs of the
// same binary filled.
func benchCLIUpdate(b *testing.B, bin, before, after string, unchanged bool) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dest, cache := filepath.Join(b.TempDir(), "public"), b.TempDir()
		gongshi := func(src string, day time.Time) *exec.Cmd {
			cmd := exec.Command(bin, "build", "--source", src, "--dest", dest)
			cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache, "SOURCE_DATE_EPOCH="+strconv.FormatInt(day.Unix(), 10))
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("gongshi build --source %s: %v\n%s", src, err, out)
			}
			return cmd
		}
		nov, dec := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
		gongshi(before, nov)
		gongshi(before, nov)
		if unchanged {
			gongshi(after, dec)
		}
		syscall.Sync()
		b.StartTimer()
		cmd := gongshi(after, dec)
		b.StopTimer()
		b.ReportMetric(cpuSeconds(cmd), "cpu-s")
	}
}

// monthlyTowns writes a sample town whose exports end on 30 November into
// after, and the same town as it stood a month earlier into before.
func monthlyTowns(tb testing.TB, n int, before, after string) {
	tb.Helper()
	o := sample.DefaultOptions()
	o.Cases = n
	o.End = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	files := sampleTown(tb, after, o)
	// Column of the date that places a row in November, by file.
	month := map[string]string{
		"data/cases/行政处罚-2026.csv":  "处罚决定日期",
		"data/withdrawals/撤回公示.csv": "撤回日期",
		"data/stats/便民服务中心月度统计.csv": "月份",
	}
	for _, f := range files {
		src, dst := filepath.Join(after, f), filepath.Join(before, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			tb.Fatal(err)
		}
		b, err := os.ReadFile(src)
		if err != nil {
			tb.Fatal(err)
		}
		if col, ok := month[f]; ok {
			if b, err = dropNovember(b, col); err != nil {
				tb.Fatalf("%s: %v", f, err)
			}
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// dropNovember removes the rows of a UTF-8 CSV whose column col holds a
// date in November 2026.
func dropNovember(b []byte, col string) ([]byte, error) {
	bom := strings.HasPrefix(string(b), "\ufeff")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	if err != nil {
		return nil, err
	}
	c := -1
	for i, h := range rows[0] {
		if h == col {
			c = i
		}
	}
	if c < 0 {
		return nil, fmt.Errorf("no column %s", col)
	}
	kept := rows[:1]
	for _, r := range rows[1:] {
		if d := strings.NewReplacer("/", "-").Replace(r[c]); !strings.HasPrefix(d, "2026-11") {
			kept = append(kept, r)
		}
	}
	if len(kept) == len(rows) {
		return nil, fmt.Errorf("no row of November 2026 in column %s", col)
	}
	var out strings.Builder
	if bom {
		out.WriteString("\ufeff")
	}
	w := csv.NewWriter(&out)
	w.WriteAll(kept)
	return []byte(out.String()), w.Error()
}

// TestWriteMonthlyTowns writes the towns of BenchmarkMonthlyUpdate into
// $GONGSHI_MONTHLY_DIR/{before,after}, to time `gongshi build` on them.
func TestWriteMonthlyTowns(t *testing.T) {
	dir, n := townEnv(t, "GONGSHI_MONTHLY_DIR", "GONGSHI_MONTHLY_CASES")
	monthlyTowns(t, n, filepath.Join(dir, "before"), filepath.Join(dir, "after"))
}

// townEnv reads the folder a town-writing helper writes into, from dirVar
// (the test is skipped when unset), and its number of decisions, from
// casesVar (default 100000).
func townEnv(t *testing.T, dirVar, casesVar string) (string, int) {
	t.Helper()
	dir := os.Getenv(dirVar)
	if dir == "" {
		t.Skipf("set %s (and %s) to write the town", dirVar, casesVar)
	}
	n := 100_000
	if s := os.Getenv(casesVar); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", casesVar, s)
		}
	}
	return dir, n
}
