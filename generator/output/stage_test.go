package output

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// build writes files (URL path → content) as one build into dest and
// returns how many were unchanged since the previous one. With abort the
// build fails after its writes instead of committing.
func build(t *testing.T, dest string, files map[string]string, abort bool) int {
	t.Helper()
	st, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	st.SetPrev(dest)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := st.WriteRaw(p, []byte(files[p])); err != nil {
			t.Fatal(err)
		}
	}
	if abort {
		if err := st.Abort(); err != nil {
			t.Fatal(err)
		}
	} else if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	return st.Unchanged()
}

// tree reads every file under dir but the index.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = "/" + filepath.ToSlash(rel)
		if rel == IndexPath {
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func same(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files %v, want %d %v", what, len(got), got, len(want), want)
		return
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: %s = %q, want %q", what, p, got[p], w)
		}
	}
}

func inode(t *testing.T, name string) uint64 {
	t.Helper()
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

func TestStageReusesTheSpare(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	spare := sibling(dest, ".spare")
	b1 := map[string]string{"/a.txt": "a", "/b.txt": "b1", "/c/index.html": "<p>c</p>", "/x": "a file"}
	b2 := map[string]string{"/a.txt": "a", "/b.txt": "b2", "/d/index.html": "<p>d</p>", "/x": "a file"}
	b3 := map[string]string{"/a.txt": "a", "/b.txt": "b1", "/c/index.html": "<p>c</p>", "/x/index.html": "now a folder", "/e.txt": "e"}

	if n := build(t, dest, b1, false); n != 0 {
		t.Errorf("first build: %d unchanged", n)
	}
	if n := build(t, dest, b2, false); n != 2 {
		t.Errorf("second build: %d unchanged, want 2 (a.txt, x)", n)
	}
	same(t, "after the second build, dest", tree(t, dest), b2)
	same(t, "after the second build, the spare", tree(t, spare), b1)

	// The third build reuses the spare (the first build's output).
	if n := build(t, dest, b3, false); n != 1 {
		t.Errorf("third build: %d unchanged, want 1 (a.txt)", n)
	}
	same(t, "after the third build, dest", tree(t, dest), b3)
	same(t, "after the third build, the spare", tree(t, spare), b2)
	if _, err := os.Stat(filepath.Join(dest, "d")); err == nil {
		t.Error("the folder of a removed page is left")
	}
	if inode(t, filepath.Join(dest, "a.txt")) != inode(t, filepath.Join(spare, "a.txt")) {
		t.Error("an unchanged file is not shared with the previous output")
	}
	if left, _ := filepath.Glob(sibling(dest, ".*-*")); len(left) != 0 {
		t.Errorf("left beside dest: %v", left)
	}
	idx, err := ReadIndex(dest)
	if err != nil || len(idx) != len(b3) || idx["/e.txt"] != hashOf([]byte("e")) {
		t.Errorf("index %v (%v)", idx, err)
	}
}

func TestStageAfterFailedBuilds(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	spare := sibling(dest, ".spare")
	b1 := map[string]string{"/a.txt": "a1", "/b.txt": "b1"}
	b2 := map[string]string{"/a.txt": "a2", "/b.txt": "b2"}
	b3 := map[string]string{"/a.txt": "a3", "/c.txt": "c3"}
	build(t, dest, b1, false)
	build(t, dest, b2, false)

	// A failed build leaves dest as it was and the spare usable.
	build(t, dest, b3, true)
	same(t, "dest after a failed build", tree(t, dest), b2)
	if _, err := ReadIndex(spare); err != nil {
		t.Fatalf("the spare has no index after a failed build: %v", err)
	}
	build(t, dest, b3, false)
	same(t, "dest after the next build", tree(t, dest), b3)

	// A killed build (no Commit, no Abort) leaves the spare without
	// index: the next build sets it aside and starts anew.
	st, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	if st.Dir() != spare {
		t.Fatalf("stage %s, want the spare", st.Dir())
	}
	if err := st.WriteRaw("/a.txt", []byte("half")); err != nil {
		t.Fatal(err)
	}
	same(t, "dest after a killed build", tree(t, dest), b3)
	st, err = NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(st.Dir(), ".building-") {
		t.Errorf("stage %s after a killed build, want a new one", st.Dir())
	}
	st.Abort()
	StartCleanup(dest)()
	build(t, dest, b1, false)
	same(t, "dest after the build after a killed one", tree(t, dest), b1)
	same(t, "the spare", tree(t, spare), b3)
}

func TestStageForget(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	spare := sibling(dest, ".spare")
	b1 := map[string]string{"/a/index.html": "a", "/b/index.html": "b", "/c/index.html": "c", "/d.json": "d"}
	build(t, dest, b1, false)
	build(t, dest, b1, false)

	st, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	st.SetPrev(dest)
	// b's page is gone; c's is said to be but is written after all: the
	// write waits for its removal and puts the new content in place.
	st.Forget(func(p string) bool { return p == "/b/index.html" || p == "/c/index.html" })
	for p, data := range map[string]string{"/a/index.html": "a", "/c/index.html": "c2", "/d.json": "d"} {
		if err := st.WriteRaw(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"/a/index.html": "a", "/c/index.html": "c2", "/d.json": "d"}
	same(t, "dest", tree(t, dest), want)
	same(t, "spare", tree(t, spare), b1)
	if _, err := os.Stat(filepath.Join(dest, "b")); err == nil {
		t.Error("the folder of the forgotten page is left")
	}
	if idx, _ := ReadIndex(dest); len(idx) != len(want) {
		t.Errorf("index %v", idx)
	}
}

// nextStage starts the build after the one in dest.
func nextStage(t *testing.T, dest string, keepUnchecked bool) *Stage {
	t.Helper()
	st, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	st.SetPrev(dest)
	st.KeepUnchecked = keepUnchecked
	return st
}

func TestKeepChecksAFileChangedByHand(t *testing.T) {
	for _, unchecked := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		build(t, dest, map[string]string{"/a/index.html": "<p>a</p>"}, false)
		if err := os.WriteFile(filepath.Join(dest, "a", "index.html"), []byte(`<script src="https://cdn.example.com/x.js"></script>`), 0o644); err != nil {
			t.Fatal(err)
		}
		st := nextStage(t, dest, unchecked)
		if _, err := st.Keep("/a/index.html"); err == nil {
			t.Errorf("KeepUnchecked=%v: a file changed by hand since the previous build was kept unchecked", unchecked)
		}
		st.Abort()
	}
}

func TestFilesPutByHandAreNotPublishedAgain(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	spare := sibling(dest, ".spare")
	b := map[string]string{"/a/index.html": "a"}
	build(t, dest, b, false)
	build(t, dest, b, false)
	// By hand, into the live output: a new file, and one the next build
	// writes too.
	for _, p := range []string{"hand.txt", "a/extra.html"} {
		if err := os.WriteFile(filepath.Join(dest, filepath.FromSlash(p)), []byte("by hand"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b2 := map[string]string{"/a/index.html": "a", "/a/extra.html": "built"}
	build(t, dest, b2, false) // the hand-edited output becomes the spare
	build(t, dest, b2, false) // which this build reuses
	same(t, "dest", tree(t, dest), b2)
	build(t, dest, b2, false)
	same(t, "spare", tree(t, spare), b2)
	same(t, "dest", tree(t, dest), b2)
}

func TestKeepUncheckedTrustsTheIndex(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"/a/index.html": "<p>a</p>", "/b/c.json": "{}"}
	build(t, dest, files, false)
	build(t, dest, files, false) // the first output becomes the spare
	for _, unchecked := range []bool{false, true} {
		// Written well before the index, not within its clock tick.
		hourAgo := time.Now().Add(-time.Hour)
		for p := range files {
			if err := os.Chtimes(filepath.Join(dest, filepath.FromSlash(p)), hourAgo, hourAgo); err != nil {
				t.Fatal(err)
			}
		}
		st := nextStage(t, dest, unchecked)
		var checked []string
		st.Check = func(p string, _ []byte) error { checked = append(checked, p); return nil }
		for p := range files {
			if ok, err := st.Keep(p); !ok || err != nil {
				t.Fatalf("Keep(%s) = %v, %v", p, ok, err)
			}
		}
		if ok, _ := st.Keep("/missing.html"); ok {
			t.Error("kept a file the previous build does not have")
		}
		if unchecked && len(checked) > 0 {
			t.Errorf("unchecked keep checked %v", checked)
		}
		if !unchecked && len(checked) != len(files) {
			t.Errorf("keep checked %v, want every file", checked)
		}
		if st.Unchanged() != len(files) || st.Bytes() != int64(len("<p>a</p>{}")) {
			t.Errorf("unchecked=%v: %d unchanged, %d bytes", unchecked, st.Unchanged(), st.Bytes())
		}
		ino := inode(t, filepath.Join(dest, "a", "index.html"))
		if err := st.Commit(); err != nil {
			t.Fatal(err)
		}
		same(t, "dest", tree(t, dest), files)
		if got := inode(t, filepath.Join(dest, "a", "index.html")); got != ino {
			t.Errorf("unchecked=%v: the kept file was copied, not linked", unchecked)
		}
	}
}

func TestIndexSumNamesTheOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	st, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.WriteRaw("/a.txt", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	next, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer next.Abort()
	next.SetPrev(dest)
	if st.IndexSum() == "" || next.PrevIndexSum() != st.IndexSum() {
		t.Errorf("index sums %q then %q", st.IndexSum(), next.PrevIndexSum())
	}
}

func TestLockDestOneBuildAtATime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := LockDest(context.Background(), dest, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A stage of the build holding the lock survives CleanStale.
	stage := filepath.Join(filepath.Dir(dest), ".public.building-running")
	if err := os.Mkdir(stage, 0o755); err != nil {
		t.Fatal(err)
	}
	CleanStale(dest)
	if _, err := os.Stat(stage); err != nil {
		t.Fatalf("CleanStale removed the stage of a running build: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	waited := false
	if _, err := LockDest(ctx, dest, func() { waited = true }); !errors.Is(err, ErrLocked) || !waited {
		t.Fatalf("second lock while the first is held: %v (waited %v), want ErrLocked after waiting", err, waited)
	}
	got := make(chan error, 1)
	go func() {
		l, err := LockDest(context.Background(), dest, nil)
		if err == nil {
			l.Unlock()
		}
		got <- err
	}()
	time.Sleep(150 * time.Millisecond)
	first.Unlock()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting build never got the lock")
	}
	CleanStale(dest)
	if _, err := os.Stat(stage); !os.IsNotExist(err) {
		t.Errorf("the stage of a build that ended is still there: %v", err)
	}
}
