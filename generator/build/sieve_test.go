package build_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/disclose"
	"gongshi/generator/internal/sitetest"
	"gongshi/generator/output"
)

// newPersonRow is a decision about 王小二, a natural person no earlier
// build knew: his name becomes a secret.
const newPersonRow = "王小二,自然人,,,,,,,,,,身份证,11010519491231002X,青溪综执罚〔2026〕7号,露天焚烧垃圾,露天焚烧垃圾,《大气污染防治法》第一百一十九条,罚款,罚款200元,0.02,,,2026/05/02,2099/12/31,,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,\n"

// addMonth adds newPersonRow to a copy of smalltown.txtar.
func addMonth(archive string) string {
	return strings.Replace(archive, "-- data/withdrawals/", newPersonRow+"-- data/withdrawals/", 1)
}

// monthly builds archive twice into a fresh output with a build cache (a
// site built before), and returns a func that builds the next archive and
// counts the search index files it kept. Every file of that output but its
// index is dated an hour before the index, as a build's files are unless
// written within the index's clock tick: a keep reads only the files the
// gate must see again.
func monthly(t *testing.T, archive string) func(string) (*build.Summary, int, error) {
	t.Helper()
	dest, cache := filepath.Join(t.TempDir(), "public"), t.TempDir()
	run := func(a string) (*build.Summary, error) {
		return build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(a), Dest: dest, Now: sitetest.Date, CacheDir: cache})
	}
	for range 2 {
		if _, err := run(archive); err != nil {
			t.Fatal(err)
		}
	}
	root, err := filepath.EvalSymlinks(dest)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := os.Stat(filepath.Join(root, filepath.FromSlash(output.IndexPath)))
	if err != nil {
		t.Fatal(err)
	}
	before := idx.ModTime().Add(-time.Hour)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == filepath.Join(root, filepath.FromSlash(output.IndexPath)) {
			return err
		}
		return os.Chtimes(p, before, before)
	})
	if err != nil {
		t.Fatal(err)
	}
	return func(a string) (*build.Summary, int, error) {
		before := searchFiles(t, dest)
		sum, err := run(a)
		kept := 0
		for p, b := range searchFiles(t, dest) {
			if old, ok := before[p]; ok && old == b {
				kept++
			}
		}
		return sum, kept, err
	}
}

// searchFiles returns the files of the search index under dest.
func searchFiles(t *testing.T, dest string) map[string]string {
	t.Helper()
	out := map[string]string{}
	root := filepath.Join(dest, "search", "index")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNewSecretInKeptNoticeIsFound: a notice names 王小二, who is no secret
// while no record is about him. When a decision about him arrives, the
// notice's page is unchanged and kept; it is read and scanned again, and
// the build refused.
func TestNewSecretInKeptNoticeIsFound(t *testing.T) {
	first := readArchive(t, "smalltown.txtar")
	const notice = "本专栏**每月**更新。"
	if !strings.Contains(first, notice) {
		t.Fatal("smalltown.txtar changed: no notice to name 王小二 in")
	}
	first = strings.Replace(first, notice, notice+"感谢王小二提供照片。", 1)
	run := monthly(t, first)
	sum, _, err := run(addMonth(first))
	var le *disclose.LeakError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want a LeakError", err)
	}
	found := false
	for _, l := range le.Leaks {
		found = found || l.File == "notices/welcome/index.html"
	}
	if !found {
		t.Errorf("leaks %v, want one in the notice's page", le.Leaks)
	}
	if sum == nil || sum.KeptOther == 0 || sum.KeptProven == 0 {
		t.Errorf("summary %+v: want the notice kept and read, decision pages proven clean", sum)
	}
}

// TestNewSecretInKeptDecisionIsRescanned: an old decision's party, a
// company, has 王小二 in its name. When a decision about a person of that
// name arrives, the old decision's page is unchanged and kept; its inputs
// hold the new secret, so it is read and scanned again, and passes: the
// name stands inside a published organisation's name.
func TestNewSecretInKeptDecisionIsRescanned(t *testing.T) {
	const company = "青溪王小二餐饮有限公司,法人及非法人组织,,,,,,,,,,,,青溪综执罚〔2026〕2号,超标排放油烟,超标排放油烟,《大气污染防治法》第一百一十八条,罚款,罚款800元,0.08,,,2026/03/01,2099/12/31,,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,\n"
	first := strings.Replace(readArchive(t, "smalltown.txtar"), "-- data/withdrawals/", company+"-- data/withdrawals/", 1)
	run := monthly(t, first)
	sum, search, err := run(addMonth(first))
	if err != nil {
		t.Fatal(err)
	}
	if sum.NewSecrets == 0 || sum.KeptRescanned != 1 {
		t.Errorf("%d new secrets, %d kept decision pages rescanned; want some, and 1", sum.NewSecrets, sum.KeptRescanned)
	}
	if sum.Reread != sum.KeptRescanned+sum.KeptOther+search {
		t.Errorf("%d files read from the previous build, want %d+%d pages and %d search index files", sum.Reread, sum.KeptRescanned, sum.KeptOther, search)
	}
}

// TestHonestMonthRereadsNoDecisionPage: a month that adds a decision about
// a new person, whose name stands nowhere else, keeps every unchanged
// decision page without reading it; only the few other record pages
// (power, service, Markdown) and the search index files kept are read and
// scanned.
func TestHonestMonthRereadsNoDecisionPage(t *testing.T) {
	first := readArchive(t, "smalltown.txtar")
	run := monthly(t, first)
	sum, search, err := run(addMonth(first))
	if err != nil {
		t.Fatal(err)
	}
	if sum.KeptUnchecked || sum.NewSecrets == 0 {
		t.Fatalf("unchecked %v, %d new secrets: want the month's secrets looked for", sum.KeptUnchecked, sum.NewSecrets)
	}
	if sum.KeptProven == 0 || sum.KeptRescanned != 0 {
		t.Errorf("%d kept decision pages proven clean, %d rescanned; want some, and none", sum.KeptProven, sum.KeptRescanned)
	}
	if sum.Reread != sum.KeptOther+search {
		t.Errorf("%d files read from the previous build, want the %d other record pages and %d search index files", sum.Reread, sum.KeptOther, search)
	}
}
