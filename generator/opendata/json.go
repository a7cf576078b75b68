package opendata

import (
	"encoding/json"
	"slices"
	"time"

	"gongshi/generator/internal/jsonstr"
)

// encodeJSON returns the JSON download of a dataset: the bytes a
// json.Encoder with HTML escaping writes for
//
//	map[string]any{"dataset": slug, "title": title, "updated": date,
//		"fields": fields, "records": []map[string]any{{key: value, …}, …}}
//
// written by hand, because building a map per record and letting
// encoding/json sort its keys cost more than the rest of the catalogue.
func encodeJSON(slug, title string, fields []Field, recs [][]string, updated time.Time) ([]byte, error) {
	fs, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	// The record keys as encoding/json orders a map's: sorted bytewise, a
	// repeated key once, holding the last value.
	last := make(map[string]int, len(fields))
	for i, f := range fields {
		last[f.Key] = i
	}
	keys := make([]string, 0, len(last))
	for k := range last {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	cols := make([]int, len(keys))
	var prefix [][]byte // `{"key":` for the first key, `,"key":` for the rest
	per := 2            // braces, and the comma before the next record
	for i, k := range keys {
		cols[i] = last[k]
		sep := byte(',')
		if i == 0 {
			sep = '{'
		}
		p := jsonstr.Append([]byte{sep}, k)
		p = append(p, ':')
		prefix = append(prefix, p)
		per += len(p) + 2
	}
	n := 128 + len(slug) + len(title) + len(fs) + len(recs)*per
	for _, r := range recs {
		for _, c := range cols {
			n += len(r[c])
		}
	}
	b := make([]byte, 0, n+n/32) // a little room for escapes
	b = append(b, `{"dataset":`...)
	b = jsonstr.Append(b, slug)
	b = append(b, `,"fields":`...)
	b = append(b, fs...)
	b = append(b, `,"records":[`...)
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		if len(keys) == 0 {
			b = append(b, '{')
		}
		for j, c := range cols {
			b = append(b, prefix[j]...)
			b = jsonstr.Append(b, r[c])
		}
		b = append(b, '}')
	}
	b = append(b, `],"title":`...)
	b = jsonstr.Append(b, title)
	b = append(b, `,"updated":`...)
	b = jsonstr.Append(b, updated.Format("2006-01-02"))
	b = append(b, "}\n"...)
	return b, nil
}
