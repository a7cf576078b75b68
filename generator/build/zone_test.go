package build_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

// TestHelperZoneBuild is not a test: the time-zone test runs the test binary
// again with GONGSHI_ZONE_DEST set and a TZ of its choosing, since the
// machine's zone is read once, when a process starts.
func TestHelperZoneBuild(t *testing.T) {
	dest := os.Getenv("GONGSHI_ZONE_DEST")
	if dest == "" {
		t.Skip("helper process only")
	}
	// A notice dated late in the evening, and one with a time: the day and
	// the hour differ between zones if either is read in the machine's.
	src := sitetest.Source(readArchive(t, "smalltown.txtar"))
	src["content/notices/late.md"] = src["content/notices/welcome.md"]
	late := *src["content/notices/late.md"]
	late.Data = []byte("+++\ntitle = \"晚间通知\"\ndate = 2026-05-20T23:30:00\n+++\n正文\n")
	src["content/notices/late.md"] = &late
	if _, err := build.Build(context.Background(), build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date.Add(20 * 3600e9)}); err != nil {
		t.Fatal(err)
	}
}

func TestOutputIndependentOfMachineZone(t *testing.T) {
	var outs []string
	for _, tz := range []string{"UTC", "Asia/Shanghai", "America/Los_Angeles"} {
		dest := filepath.Join(t.TempDir(), "public")
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperZoneBuild$")
		cmd.Env = append(os.Environ(), "TZ="+tz, "GONGSHI_ZONE_DEST="+dest)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build under TZ=%s: %v\n%s", tz, err, out)
		}
		outs = append(outs, dest)
	}
	for _, o := range outs[1:] {
		compareTrees(t, outs[0], o)
	}
	sitetest.AssertFile(t, outs[0], "notices/late/index.html", `content="2026-05-20 23:30"`)
}
