package build_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
	"gongshi/generator/sample"
)

// TestHelperChildBuild is not a test: the killed-build test runs the test
// binary again with GONGSHI_CHILD_BUILD set, to build in a process it can
// kill.
func TestHelperChildBuild(t *testing.T) {
	src, dest := os.Getenv("GONGSHI_CHILD_SRC"), os.Getenv("GONGSHI_CHILD_DEST")
	if src == "" {
		t.Skip("helper process only")
	}
	if _, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
}

func TestKilledBuildLeavesPreviousOutput(t *testing.T) {
	// A bigger site whose build takes long enough to be killed mid-write.
	big := filepath.Join(t.TempDir(), "big")
	o := sample.DefaultOptions()
	o.Cases = 20000
	if _, err := sample.Write(big, o); err != nil {
		t.Fatal(err)
	}
	// After one build the killed one writes into a new staging folder;
	// after two, into the spare (the build before last), which it reuses.
	for _, c := range []struct {
		name   string
		builds int
		stage  string
	}{{"new stage", 1, ".public.building-*"}, {"reused spare", 2, ".public.spare"}} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			small := build.Options{SourceFS: sitetest.Source(readArchive(t, "smalltown.txtar")), Dest: dest, Now: sitetest.Date}
			for range c.builds {
				if _, err := build.Build(context.Background(), small); err != nil {
					t.Fatal(err)
				}
			}
			before, _ := os.ReadFile(filepath.Join(dest, "index.html"))
			files := sitetest.Files(t, dest)
			written, _ := filepath.Glob(filepath.Join(root, c.stage, "cases", "*"))

			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperChildBuild$")
			cmd.Env = append(os.Environ(), "GONGSHI_CHILD_SRC="+big, "GONGSHI_CHILD_DEST="+dest)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Kill it once it has written pages into its stage.
			deadline := time.Now().Add(60 * time.Second)
			for {
				stages, _ := filepath.Glob(filepath.Join(root, c.stage, "cases", "*"))
				if len(stages) > len(written)+50 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("the child build never started writing")
				}
				time.Sleep(5 * time.Millisecond)
			}
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()

			after, err := os.ReadFile(filepath.Join(dest, "index.html"))
			if err != nil || !bytes.Equal(before, after) {
				t.Fatalf("the previous output changed after a killed build (%v)", err)
			}
			if got := sitetest.Files(t, dest); len(got) != len(files) {
				t.Errorf("previous output has %d files, had %d", len(got), len(files))
			}
			// The next builds clean up what the killed one left, and give
			// the same output as a build from scratch.
			for range 2 {
				if _, err := build.Build(context.Background(), small); err != nil {
					t.Fatal(err)
				}
			}
			if left, _ := filepath.Glob(filepath.Join(root, ".public.building-*")); len(left) > 0 {
				t.Errorf("staging folders left after the next build: %v", left)
			}
			fresh := filepath.Join(t.TempDir(), "public")
			small.Dest = fresh
			if _, err := build.Build(context.Background(), small); err != nil {
				t.Fatal(err)
			}
			compareTrees(t, fresh, dest)
		})
	}
}

func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	src := sitetest.Source(readArchive(t, "smalltown.txtar"))
	var outs [2]string
	for i, procs := range []int{1, runtime.NumCPU() * 2} {
		old := runtime.GOMAXPROCS(procs)
		outs[i] = filepath.Join(t.TempDir(), "public")
		_, err := build.Build(context.Background(), build.Options{SourceFS: src, Dest: outs[i], Now: sitetest.Date})
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
	}
	compareTrees(t, outs[0], outs[1])
}
