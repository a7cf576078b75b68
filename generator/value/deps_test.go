package value

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is the module path of go.mod.
const module = "gongshi"

// afterIngest are the stages that read records, never files: none of them
// may link ingest's readers or the workbook library behind them.
var afterIngest = []string{
	"generator/disclose", "generator/site", "generator/search", "generator/render",
	"generator/opendata", "generator/stats", "generator/changelog", "generator/charts",
	"generator/records", "generator/value",
}

// forbidden reports whether a stage after ingest must not import path.
func forbidden(path string) bool {
	return path == module+"/generator/ingest" || strings.HasPrefix(path+"/", module+"/generator/ingest/") ||
		path == "github.com/xuri/excelize" || strings.HasPrefix(path, "github.com/xuri/excelize/")
}

// moduleRoot returns the directory of go.mod above the test's directory.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = up
	}
}

// TestStagesAfterIngestDoNotImportIngest walks the non-test imports of
// each stage after ingest through the module's own packages (read with
// go/build from their directories, for this GOOS and GOARCH), and fails
// on any path that reaches ingest or excelize. Packages outside the module
// are not followed: only a gongshi package imports excelize.
func TestStagesAfterIngestDoNotImportIngest(t *testing.T) {
	root := moduleRoot(t)
	ctxt := build.Default
	// from maps every package reached to the package that first imported it.
	from := map[string]string{}
	var queue []string
	for _, rel := range afterIngest {
		p := module + "/" + rel
		from[p] = ""
		queue = append(queue, p)
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(p, module+"/")))
		pkg, err := ctxt.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, imp := range pkg.Imports {
			if _, seen := from[imp]; seen {
				continue
			}
			from[imp] = p
			if forbidden(imp) {
				chain := []string{imp}
				for q := p; q != ""; q = from[q] {
					chain = append(chain, q)
				}
				slices.Reverse(chain)
				t.Errorf("%s reaches %s: %s", chain[0], imp, strings.Join(chain, " → "))
				continue
			}
			if strings.HasPrefix(imp, module+"/") {
				queue = append(queue, imp)
			}
		}
	}
}
