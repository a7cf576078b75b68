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
	"gongshi/generator/internal/sitetest"
	"gongshi/generator/output"
)

func TestBuildStartRemovesKilledBuildsStages(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	// What killed builds leave: a stage, and a replaced output.
	left := []string{filepath.Join(root, ".public.building-1234"), filepath.Join(root, ".public.old-abcd")}
	for _, d := range left {
		if err := os.MkdirAll(filepath.Join(d, "cases", "x"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Even a build that fails on its data removes them.
	bad := strings.Replace(readArchive(t, "smalltown.txtar"), "2026/03/15", "2026/13/45", 1)
	if _, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(bad), Dest: dest, Now: sitetest.Date}); !errors.Is(err, build.ErrData) {
		t.Fatalf("err = %v, want ErrData", err)
	}
	for _, d := range left {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s left after the next build: %v", filepath.Base(d), err)
		}
	}
}

func TestBuildLeavesRunningBuildsStageAlone(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	// Another build into dest is running: it holds the lock and writes
	// into its stage.
	other, err := output.LockDest(context.Background(), dest, nil)
	if err != nil {
		t.Fatal(err)
	}
	stage := filepath.Join(root, ".public.building-5678")
	if err := os.Mkdir(stage, 0o755); err != nil {
		t.Fatal(err)
	}
	src := sitetest.Source(readArchive(t, "smalltown.txtar"))
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if _, err := build.Build(ctx, build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date}); !errors.Is(err, output.ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if _, err := os.Stat(stage); err != nil {
		t.Fatalf("the running build's stage was removed: %v", err)
	}
	// Once it ends (here: unlocks without committing, as a killed build
	// would), the next build waits no more and removes what it left.
	done := make(chan error, 1)
	go func() {
		_, err := build.Build(context.Background(), build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date})
		done <- err
	}()
	time.Sleep(200 * time.Millisecond)
	other.Unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stage); !os.IsNotExist(err) {
		t.Errorf("the ended build's stage is still there: %v", err)
	}
	sitetest.AssertFile(t, dest, "index.html", "青溪镇")
}
