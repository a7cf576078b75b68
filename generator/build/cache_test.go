package build_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

func TestParseCacheGivesTheSameBuild(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar")
	cache := t.TempDir()
	ctx := context.Background()
	run := func(arch string) (string, *build.Summary) {
		dest := filepath.Join(t.TempDir(), "public")
		sum, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(arch), Dest: dest, Now: sitetest.Date, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return dest, sum
	}
	cold, s1 := run(archive)
	entries, _ := filepath.Glob(filepath.Join(cache, "*.gob"))
	if len(entries) != 9 { // one per data file
		t.Fatalf("%d cache entries, want 9", len(entries))
	}
	warm, s2 := run(archive)
	compareTrees(t, cold, warm)
	if !reflect.DeepEqual(s1.Diags, s2.Diags) || !reflect.DeepEqual(s1.Files, s2.Files) || !reflect.DeepEqual(s1.Counts, s2.Counts) {
		t.Errorf("a cached build reports differently:\n%v\n%v", s1.Diags, s2.Diags)
	}
	// A changed export is parsed again; the others come from the cache.
	_, s3 := run(strings.Replace(archive, "罚款2000元,0.2", "罚款3000元,0.3", 1))
	entries, _ = filepath.Glob(filepath.Join(cache, "*.gob"))
	if len(entries) != 10 {
		t.Errorf("%d cache entries after one file changed, want 10", len(entries))
	}
	for _, c := range s3.Result.Cases {
		if c.DecisionNo == "青溪综执罚〔2026〕3号" && c.Fine != 300000 {
			t.Errorf("the changed export came from the cache: fine %d", c.Fine)
		}
	}
}

// TestDamagedCacheEntriesAreParsedAgain: an entry cut short, zeroed past
// its middle, with one byte changed, or emptied is a miss, never an error
// or a wrong site. Zeros past the middle would still decode: the checksum
// is what catches them.
func TestDamagedCacheEntriesAreParsedAgain(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar")
	cache := t.TempDir()
	run := func() string {
		t.Helper()
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Dest: dest, Now: sitetest.Date, CacheDir: cache}); err != nil {
			t.Fatal(err)
		}
		return dest
	}
	cold := run()
	for _, damage := range []struct {
		name string
		fn   func([]byte) []byte
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)*2/3] }},
		{"zeroed past its middle", func(b []byte) []byte { clear(b[len(b)/2:]); return b }},
		{"one byte changed", func(b []byte) []byte { b[len(b)*3/4] ^= 1; return b }},
		{"emptied", func([]byte) []byte { return nil }},
	} {
		entries, _ := filepath.Glob(filepath.Join(cache, "*.gob"))
		if len(entries) != 9 {
			t.Fatalf("%s: %d cache entries, want 9", damage.name, len(entries))
		}
		for _, e := range entries {
			b, err := os.ReadFile(e)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(e, damage.fn(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Run(damage.name, func(t *testing.T) { compareTrees(t, cold, run()) })
	}
}

// TestFailedParseLeavesNoCacheEntry: an export whose reading raised an
// error fails the build and leaves no entry; the clean files keep theirs.
func TestFailedParseLeavesNoCacheEntry(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar")
	// The decisions lose their date column: every row is an error.
	broken := strings.Replace(archive, ",处罚决定日期,", ",决定日子,", 1)
	if broken == archive {
		t.Fatal("the archive has no 处罚决定日期 column to break")
	}
	cache := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(broken), Dest: dest, Now: sitetest.Date, CacheDir: cache})
	if err == nil {
		t.Fatal("the build of a site with a broken export succeeded")
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "*.gob"))
	if len(entries) != 8 { // the nine data files less the broken one
		t.Errorf("%d cache entries after a failed parse, want 8", len(entries))
	}
}
