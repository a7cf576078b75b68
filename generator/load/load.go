package load

import (
	"fmt"
	"io/fs"

	"gongshi/generator/diag"
	"gongshi/generator/ingest"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// ReadFile reads one export of the given kind into a new Set. aliases are
// the extra header names site.toml gives for the kind's dataset (canonical
// name → aliases), nil for none. It returns the tables found (for per-file
// summaries) and every diagnostic, sorted.
//
// When the file holds no table of kind but looks like another kind's table,
// the error says which, and where the file belongs.
func ReadFile(fsys fs.FS, path string, kind *records.Kind, aliases map[string][]string) (*records.Set, []*value.Table, diag.List) {
	schema := kind.Schema.WithAliases(aliases)
	set := &records.Set{}
	var rows diag.List
	tables, dl := ingest.Read(fsys, path, &schema, &rows, func(r value.Row) { kind.Add(set, r, &rows) })
	dl = append(dl, rows...)
	// A file in the wrong folder: no header of this kind, or one so thin
	// that required columns are missing while another kind fits better.
	for i, d := range dl {
		if d.Code != "no-header" && d.Code != "missing-column" {
			continue
		}
		if other := Detect(fsys, path); other != nil && other != kind &&
			(d.Code == "no-header" || ingest.HeaderScore(fsys, path, &other.Schema) > ingest.HeaderScore(fsys, path, &schema)) {
			dl[i].Msg += fmt.Sprintf("; it looks like a %s (%s) table: move it to data/%s/", other.Title, other.Schema.Kind, other.Name)
		}
		break
	}
	dl.Sort()
	return set, tables, dl
}

// Detect returns the kind whose header the file matches best, or nil when
// no kind's header is found in it. Only the first rows are read.
func Detect(fsys fs.FS, path string) *records.Kind {
	var best *records.Kind
	bestN := 0
	for _, k := range records.Kinds {
		n := ingest.HeaderScore(fsys, path, &k.Schema)
		if n < max(k.Schema.MinMatch, 2) {
			continue
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	return best
}
