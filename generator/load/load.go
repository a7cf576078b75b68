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
	kind = Choose(fsys, path, kind, aliases)
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

// Choose returns the table of the folder of kind that the file holds: kind
// itself, or one of kind.Also whose header the file matches at least as
// well (a power list and a power-change register share data/powers, and
// the register's own columns decide).
func Choose(fsys fs.FS, path string, kind *records.Kind, aliases map[string][]string) *records.Kind {
	if len(kind.Also) == 0 {
		return kind
	}
	own := kind.Schema.WithAliases(aliases)
	best, bestN := kind, ingest.HeaderScore(fsys, path, &own)
	for _, k := range kind.Also {
		s := k.Schema.WithAliases(aliases)
		if n := ingest.HeaderScore(fsys, path, &s); n >= max(s.MinMatch, 2) && n >= bestN {
			best, bestN = k, n
		}
	}
	return best
}
