package build_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/disclose"
	"gongshi/generator/internal/sitetest"
)

// TestLeakGateAcceptsNamesInsideWords builds a town whose 个体户 operator's
// two-character name stands inside words of legal bases and violation
// types: the build succeeds, the words are published whole, and the name
// itself, an ID and a mobile number reach no file of any kind (pages, data
// downloads, statistics, search index, feeds, sitemap).
func TestLeakGateAcceptsNamesInsideWords(t *testing.T) {
	archive := readArchive(t, "gate.txtar")
	dest, sum := sitetest.Build(t, archive)
	if len(sum.Result.Cases) != 4 {
		t.Fatalf("published %d decisions, want 4", len(sum.Result.Cases))
	}
	// 史文 outside 历史文化 (and outside the masked 史某某).
	bare := regexp.MustCompile(`史\s*文`)
	var powerPage, servicePage string
	for _, f := range sitetest.Files(t, dest) {
		data, err := os.ReadFile(filepath.Join(dest, f))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(f, "powers/p") && strings.HasSuffix(f, "/index.html"):
			powerPage = f
		case strings.HasPrefix(f, "services/s") && strings.HasSuffix(f, "/index.html"):
			servicePage = f
		case strings.HasSuffix(f, ".bin"):
			// The index's term shards hold bigrams, never whole text.
			continue
		}
		for _, loc := range bare.FindAllIndex(data, -1) {
			if !bytes.HasPrefix(data[max(0, loc[0]-3):], []byte("历史文化")) {
				t.Errorf("%s publishes the operator's name: …%s…", f, data[max(0, loc[0]-12):min(len(data), loc[1]+12)])
			}
		}
		for _, secret := range []string{"11010519491231002X", "13812345678", "赵小龙"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s contains %s", f, secret)
			}
		}
	}
	sitetest.AssertFile(t, dest, powerPage, "历史文化名城名镇名村保护条例")
	sitetest.AssertFile(t, dest, servicePage, "联系人史某某")
	sitetest.AssertFile(t, dest, "data/powers.json", "历史文化名城名镇名村保护条例")
	// The violation type both companies share reaches the statistics whole.
	stats := strings.Join(sitetest.Files(t, dest), "\n")
	if !strings.Contains(stats, "stats/") {
		t.Fatalf("no statistics were built")
	}
}

// TestLeakGateBlocksAName: the same town, with a notice that names the
// operator outside any word. The gate refuses the build and points at
// gongshi check; check shows where the name stands in other text; once
// staff mark it reviewed for that record, the build goes through.
func TestLeakGateBlocksAName(t *testing.T) {
	archive := readArchive(t, "gate.txtar") + "-- content/notices/a.md --\n+++\ntitle = \"说明\"\n+++\n经营者史文已整改。\n"
	dest := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Dest: dest, Now: sitetest.Date})
	var le *disclose.LeakError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want a LeakError", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "notices/a/index.html") || !strings.Contains(msg, "gongshi check") || strings.Contains(msg, "史文") {
		t.Errorf("error message:\n%s", msg)
	}

	check, err := build.Check(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	build.WriteCheckText(&out, check, 0)
	if !regexp.MustCompile(`青溪综执罚〔2026〕201号 data/cases/处罚.csv:2: "史文" .* in data/services/政务服务.csv:2 服务事项: 联系人【史文】`).MatchString(out.String()) {
		t.Errorf("check does not show where the name stands:\n%s", out.String())
	}

	reviewed := strings.Replace(archive, "base_url = \"/\"\n", "base_url = \"/\"\n[[disclosure.reviewed]]\nrecord = \"青溪综执罚〔2026〕201号\"\nvalue = \"史文\"\nnote = \"说明中的史文是本镇工作人员\"\n", 1)
	if _, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(reviewed), Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatalf("reviewed build: %v", err)
	}
	// The record's own page still masks its operator.
	sitetest.AssertFile(t, dest, "notices/a/index.html", "经营者史文已整改")
	for _, f := range sitetest.Files(t, dest) {
		if strings.HasPrefix(f, "cases/") && strings.HasSuffix(f, "index.html") {
			data, _ := os.ReadFile(filepath.Join(dest, f))
			if bytes.Contains(data, []byte("经营者史文")) {
				t.Errorf("%s publishes the operator's name", f)
			}
		}
	}
}

// TestUnusedReviewIsReported: a reviewed entry that matches no name of its
// record is a warning, so a stale or mistyped entry is seen.
func TestUnusedReviewIsReported(t *testing.T) {
	archive := strings.Replace(readArchive(t, "gate.txtar"), "base_url = \"/\"\n", "base_url = \"/\"\n[[disclosure.reviewed]]\nrecord = \"青溪综执罚〔2026〕202号\"\nvalue = \"史文\"\nnote = \"x\"\n", 1)
	check, err := build.Check(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range check.Diags {
		found = found || d.Code == "reviewed-unused"
	}
	if !found {
		t.Errorf("no reviewed-unused warning: %v", check.Diags)
	}
}

// TestLeakGateSeesEveryOutput plants a penalised person's name and a
// mobile number in a notice's title and text: every kind of output that
// carries a notice (its page, the notice list, the feed, the search
// index's text chunks) is a finding.
func TestLeakGateSeesEveryOutput(t *testing.T) {
	archive := readArchive(t, "gate.txtar") + "-- content/notices/b.md --\n+++\ntitle = \"关于赵小龙的说明\"\ndate = 2026-05-20\n+++\n赵小龙，联系电话+86 139-1234-5678。\n"
	dest := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Dest: dest, Now: sitetest.Date})
	var le *disclose.LeakError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want a LeakError", err)
	}
	files := map[string]bool{}
	for _, l := range le.Leaks {
		switch {
		case strings.HasPrefix(l.File, "search/"):
			files["search"] = true
		default:
			files[l.File] = true
		}
	}
	for _, want := range []string{"notices/b/index.html", "notices/index.html", "index.xml", "search"} {
		if !files[want] {
			t.Errorf("no finding in %s; findings: %v", want, le.Leaks)
		}
	}
}
