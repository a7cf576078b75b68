package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/disclose"
	"gongshi/generator/internal/sitetest"
)

func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	for _, f := range sitetest.Files(t, dir) {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		out[f] = st.ModTime()
	}
	return out
}

func TestSecondBuildRewritesNothing(t *testing.T) {
	src := sitetest.Source(readArchive(t, "smalltown.txtar"))
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := build.Build(ctx, build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	before := modTimes(t, dest)
	time.Sleep(20 * time.Millisecond) // so a rewrite would show in the times
	sum, err := build.Build(ctx, build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Kept != sum.Written || !sum.SearchKept {
		t.Errorf("kept %d of %d files (search index kept: %v)", sum.Kept, sum.Written, sum.SearchKept)
	}
	after := modTimes(t, dest)
	for f, m := range before {
		if !after[f].Equal(m) {
			t.Errorf("%s was rewritten", f)
		}
	}
}

func TestChangedRecordRewritesOnlyItsPages(t *testing.T) {
	first := readArchive(t, "smalltown.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	s1, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(first), Dest: dest, Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, c := range s1.Result.Cases {
		ids[c.DecisionNo] = c.ID
	}
	before := modTimes(t, dest)
	time.Sleep(20 * time.Millisecond)
	second := strings.Replace(first, "罚款2000元,0.2", "罚款3000元,0.3", 1)
	s2, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(second), Dest: dest, Now: sitetest.Date.AddDate(0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if s2.SearchKept {
		t.Error("the search index was kept although a record changed")
	}
	after := modTimes(t, dest)
	changed := "cases/" + ids["青溪综执罚〔2026〕3号"] + "/index.html"
	kept := "cases/" + ids["青溪综执罚〔2026〕4号"] + "/index.html"
	if after[changed].Equal(before[changed]) {
		t.Errorf("%s (its fine changed) was not rewritten", changed)
	}
	if !after[kept].Equal(before[kept]) {
		t.Errorf("%s (unchanged) was rewritten", kept)
	}
	sitetest.AssertFile(t, dest, changed, "3,000元", "最后更新 <time datetime=\"2026-06-02\">")
	for _, f := range []string{"css", "js"} {
		entries, _ := os.ReadDir(filepath.Join(dest, f))
		for _, e := range entries {
			p := f + "/" + e.Name()
			if !after[p].Equal(before[p]) {
				t.Errorf("%s (unchanged asset) was rewritten", p)
			}
		}
	}
}

// An earlier output whose manifest names the same search index but whose
// file list does not (written before outputs listed their files) gets the
// index built again, the same as before.
func TestSearchIndexRebuiltWhenPreviousFilesUnlisted(t *testing.T) {
	src := sitetest.Source(readArchive(t, "smalltown.txtar"))
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := build.Build(ctx, build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(filepath.Join(dest, "search", "index", "meta.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dest, ".gongshi-files")); err != nil {
		t.Fatal(err)
	}
	sum, err := build.Build(ctx, build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	if sum.SearchKept {
		t.Error("search index kept from an output that does not list its files")
	}
	again, err := os.ReadFile(filepath.Join(dest, "search", "index", "meta.json"))
	if err != nil {
		t.Fatalf("search index not written: %v", err)
	}
	if string(again) != string(meta) {
		t.Error("the rebuilt search index differs from the first")
	}
}

// TestKeptPagesScannedWhenTheGateLearnsMore: a page kept from the previous
// build is taken on that build's word only while the personal-data gate
// looks for nothing new; a new secret (here a newly penalised person named
// in an unchanged notice) is looked for in every kept page.
func TestKeptPagesScannedWhenTheGateLearnsMore(t *testing.T) {
	notice := "-- content/notices/thanks.md --\n+++\ntitle = \"致谢\"\n+++\n感谢王小二等村民协助清理河道。\n"
	first := readArchive(t, "smalltown.txtar") + notice
	dest, cache := filepath.Join(t.TempDir(), "public"), t.TempDir()
	ctx := context.Background()
	run := func(archive string) (*build.Summary, error) {
		return build.Build(ctx, build.Options{SourceFS: sitetest.Source(archive), Dest: dest, Now: sitetest.Date, CacheDir: cache})
	}
	if _, err := run(first); err != nil {
		t.Fatal(err)
	}
	sum, err := run(first)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.KeptUnchecked || sum.Kept != sum.Written {
		t.Errorf("unchanged rebuild: kept %d of %d files, unchecked %v; want all, unchecked", sum.Kept, sum.Written, sum.KeptUnchecked)
	}
	// The rules (hashes of personal data) stay in the cache, out of the site.
	if rules, _ := filepath.Glob(filepath.Join(cache, "*.rules")); len(rules) == 0 {
		t.Error("no rules in the build cache")
	}
	for _, f := range sitetest.Files(t, dest) {
		if strings.HasSuffix(f, ".rules") {
			t.Errorf("%s published", f)
		}
	}

	// 王小二 is penalised: his name becomes a secret, found in the notice
	// page, which is otherwise kept as it was.
	row := "王小二,自然人,,,,,,,,,,,,青溪综执罚〔2026〕7号,露天焚烧垃圾,露天焚烧垃圾,《大气污染防治法》第一百一十九条,罚款,罚款200元,0.02,,,2026/05/02,2099/12/31,,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,\n"
	second := strings.Replace(first, "-- data/withdrawals/", row+"-- data/withdrawals/", 1)
	before := sitetest.Files(t, dest)
	_, err = run(second)
	var le *disclose.LeakError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "notices/thanks/index.html") {
		t.Fatalf("err = %v, want a LeakError naming the kept notice", err)
	}
	if got := sitetest.Files(t, dest); len(got) != len(before) {
		t.Errorf("the failed build changed the output: %d files, was %d", len(got), len(before))
	}
}

// TestPageEditedByHandIsScanned: a kept file edited in public/ after the
// build is read and checked again, not taken on the index's word.
func TestPageEditedByHandIsScanned(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar")
	dest, cache := filepath.Join(t.TempDir(), "public"), t.TempDir()
	ctx := context.Background()
	o := build.Options{SourceFS: sitetest.Source(archive), Dest: dest, Now: sitetest.Date, CacheDir: cache}
	for range 2 {
		if _, err := build.Build(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	page := filepath.Join(dest, "notices", "welcome", "index.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), "</main>", "<p>11010519491231002X</p></main>", 1))
	if err := os.WriteFile(page, b, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second) // past any coarse file-time tick
	if err := os.Chtimes(page, later, later); err != nil {
		t.Fatal(err)
	}
	_, err = build.Build(ctx, o)
	var le *disclose.LeakError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "notices/welcome/index.html") {
		t.Fatalf("err = %v, want a LeakError naming the edited page", err)
	}
}
