package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"sort"
	"strconv"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// readJSON reads an array of objects. Keys become header cells in the order
// first seen; a row's Line is its 1-based index in the array plus one, as if
// the keys were a header row.
func readJSON(fsys fs.FS, name string, s *value.Schema, fn func(value.Row)) ([]*value.Table, diag.List) {
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
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), &objs); err != nil {
		pos := diag.Pos{File: name}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			pos.Row = 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		case errors.As(err, &te):
			pos.Row = 1 + bytes.Count(data[:min(int(te.Offset), len(data))], []byte("\n"))
		}
		dl.Errorf(pos, "json", "expected a JSON array of objects: %v", err)
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
	t := &value.Table{File: name, Format: "json", Encoding: "utf-8"}
	if n := t.SetHeader(keys, 1, s); n == 0 {
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
				cells[keyIdx[k]] = strconv.FormatFloat(v, 'f', -1, 64)
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
		t.Rows++
		fn(value.Row{Table: t, Line: i + 2, Cells: cells})
	}
	return []*value.Table{t}, dl
}
