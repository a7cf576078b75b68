package build_test

import (
	"os"
	"os/exec"
	"testing"

	"gongshi/generator/internal/sitetest"
)

func TestDumpStatsTown(t *testing.T) {
	dir := os.Getenv("STATS_DUMP")
	if dir == "" {
		t.Skip()
	}
	dest, sum := sitetest.Build(t, readArchive(t, "statstown.txtar"))
	for _, d := range sum.Diags {
		t.Log(d)
	}
	os.RemoveAll(dir)
	if out, err := exec.Command("cp", "-r", dest, dir).CombinedOutput(); err != nil {
		t.Fatal(string(out))
	}
}
