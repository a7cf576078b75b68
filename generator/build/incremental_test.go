package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongshi/generator/build"
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
