package build_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

func TestStalenessWarnsPerColumn(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar")
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	at := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	tests := []struct {
		name, extra string
		now         time.Time
		want        []string
	}{
		{"fresh", "", day("2026-06-01"), nil},
		// The latest month is 2026-04, which ended on 2026-05-01.
		{"stats over 45 days", "", day("2026-06-16"), []string{"data/stats/便民服务中心月度统计.csv: warning: 统计数据: the latest month is 2026-04, 46 days old (more than 45"}},
		{"stats limit from config", "[staleness]\nstats_days = 60\n", day("2026-06-16"), nil},
		// 2026-06-16 01:00 in Asia/Shanghai, the site's zone, is 2026-06-15 in UTC.
		{"stats day in the site's zone", "", at("2026-06-15T17:00:00Z"), []string{"data/stats/便民服务中心月度统计.csv: warning: 统计数据: the latest month is 2026-04, 46 days old (more than 45"}},
		{"notices on the limit's day", "[staleness]\nstats_days = -1\n", at("2026-11-01T15:30:00Z"), nil},
		{"notices over 6 months", "[staleness]\nstats_days = -1\n", day("2026-11-02"), []string{"content/notices/welcome.md: warning: 通知公告: the latest notice is dated 2026-05-01, more than 6 months ago"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// [staleness] goes before the archive's [publisher] table.
			src := strings.Replace(archive, "[publisher]\n", tt.extra+"[publisher]\n", 1)
			sum, err := build.Check(context.Background(), build.Options{SourceFS: sitetest.Source(src), Now: tt.now})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range sum.Diags {
				if d.Code == "stale" {
					got = append(got, d.String())
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("stale warnings %q, want %d", got, len(tt.want))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got  %s\nwant %s…", got[i], tt.want[i])
				}
			}
		})
	}
}
