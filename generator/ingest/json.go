package ingest

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sort"

	"gongshi/generator/diag"
)

// readJSON reads an array of objects. Keys become header cells in the order
// first seen; a row's Line is its 1-based index in the array plus one, as if
// the keys were a header row.
func readJSON(fsys fs.FS, name string, s *Schema, fn func(Row)) ([]*Table, diag.List) {
	var dl diag.List
	f, err := fsys.Open(name)
	if err != nil {
		dl.Errorf(diag.Pos{File: name}, "open", "%v", err)
		return nil, dl
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		dl.Errorf(diag.Pos{File: name}, "read", "%v", err)
		return nil, dl
	}
	var objs []map[string]any
	if err := json.Unmarshal(data, &objs); err != nil {
		dl.Errorf(diag.Pos{File: name}, "json", "expected a JSON array of objects: %v", err)
		return nil, dl
	}
	keyIdx := map[string]int{}
	var keys []string
	for _, o := range objs {
		var ks []string
		for k := range o {
			if _, ok := keyIdx[k]; !ok {
				ks = append(ks, k)
			}
		}
		sort.Strings(ks)
		for _, k := range ks {
			keyIdx[k] = len(keys)
			keys = append(keys, k)
		}
	}
	t := &Table{File: name, Format: "json", Encoding: "utf-8"}
	if n := t.setHeader(keys, 1, s); n == 0 {
		dl.Errorf(diag.Pos{File: name}, "no-header", "no key of a %s record found in the objects", s.Kind)
		return nil, dl
	}
	for i, o := range objs {
		cells := make([]string, len(keys))
		for k, v := range o {
			switch v := v.(type) {
			case nil:
			case string:
				cells[keyIdx[k]] = v
			case float64:
				cells[keyIdx[k]] = fmt.Sprint(v)
			case bool:
				if v {
					cells[keyIdx[k]] = "是"
				} else {
					cells[keyIdx[k]] = "否"
				}
			default:
				b, _ := json.Marshal(v)
				cells[keyIdx[k]] = string(b)
			}
		}
		fn(Row{Table: t, Line: i + 2, Cells: cells})
	}
	return []*Table{t}, dl
}
