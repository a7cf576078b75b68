package diag

import "flag"

// update is accepted so that "go test ./generator/... -update" (which
// refreshes golden files elsewhere) runs here too.
var _ = flag.Bool("update", false, "rewrite golden files")
