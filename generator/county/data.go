package county

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// townColumn is the column the county's downloads add in front of each
// town's: the town's name.
const townColumn = "镇（街道）"

// CountyDataset is one download of the county's /data/: a dataset of
// every town that publishes it, with a town column.
type CountyDataset struct {
	Slug, Title string
	// Count is the number of records, Towns the number of towns that
	// publish the dataset.
	Count, Towns int
	// CSV and JSON are the files' URL paths; CSVSum and JSONSum their
	// SHA-256 checksums.
	CSV, JSON       string
	CSVSum, JSONSum string
}

// SumsFile lists the SHA-256 checksum of every download of the county's
// /data/, in the format sha256sum -c reads.
const SumsFile = "/data/SHA256SUMS"

// writeData writes the county's downloads from the towns' own (under
// dir/SLUG/data/): for each dataset, one CSV and one JSON with the rows of
// every town, town by town in the county's order, each led by the town's
// name.
func writeData(w *writer, dir string, m *model) ([]CountyDataset, error) {
	var slugs []string
	titles := map[string]string{}
	for _, t := range m.towns {
		for _, d := range t.Datasets {
			if _, ok := titles[d.Slug]; !ok {
				slugs = append(slugs, d.Slug)
				titles[d.Slug] = d.Title
			}
		}
	}
	slices.Sort(slugs)
	var out []CountyDataset
	var sums bytes.Buffer
	for _, slug := range slugs {
		cd, csvData, jsonData, err := joinDataset(dir, m, slug, titles[slug])
		if err != nil {
			return nil, err
		}
		for _, f := range []struct {
			path string
			data []byte
			sum  *string
		}{{cd.CSV, csvData, &cd.CSVSum}, {cd.JSON, jsonData, &cd.JSONSum}} {
			h := sha256.Sum256(f.data)
			*f.sum = hex.EncodeToString(h[:])
			sums.WriteString(*f.sum + "  " + strings.TrimPrefix(f.path, "/data/") + "\n")
			if err := w.write(f.path, f.data); err != nil {
				return nil, err
			}
		}
		out = append(out, cd)
	}
	if err := w.write(SumsFile, sums.Bytes()); err != nil {
		return nil, err
	}
	return out, nil
}

// joinDataset joins the towns' downloads of one dataset.
func joinDataset(dir string, m *model, slug, title string) (CountyDataset, []byte, []byte, error) {
	cd := CountyDataset{Slug: slug, Title: title, CSV: "/data/" + slug + ".csv", JSON: "/data/" + slug + ".json"}
	header := []string{townColumn}
	type townRows struct {
		name string
		rows [][]string
	}
	var all []townRows
	fields := []json.RawMessage{json.RawMessage(`{"name":"` + townColumn + `","key":"town","description":"公开这条记录的镇（街道）"}`)}
	seenKey := map[string]bool{"town": true}
	var records bytes.Buffer
	records.WriteByte('[')
	first := true
	for _, t := range m.towns {
		townDir := os.DirFS(filepath.Join(dir, t.Slug))
		rows, err := readCSV(townDir, "data/"+slug+".csv")
		if err != nil {
			return cd, nil, nil, err
		}
		if len(rows) == 0 {
			continue
		}
		ds, err := readDataset(townDir, "data/"+slug+".json")
		if err != nil {
			return cd, nil, nil, err
		}
		cd.Towns++
		for _, h := range rows[0] {
			if !slices.Contains(header, h) {
				header = append(header, h)
			}
		}
		all = append(all, townRows{t.Name, rows})
		var tf []struct {
			Key string `json:"key"`
		}
		var raw []json.RawMessage
		json.Unmarshal(ds.Fields, &tf)
		json.Unmarshal(ds.Fields, &raw)
		for i, f := range tf {
			if !seenKey[f.Key] {
				seenKey[f.Key] = true
				fields = append(fields, raw[i])
			}
		}
		name, _ := json.Marshal(t.Name)
		for _, rec := range ds.Records {
			if !first {
				records.WriteByte(',')
			}
			first = false
			records.WriteString(`{"town":`)
			records.Write(name)
			if rest := bytes.TrimSpace(rec)[1:]; len(rest) > 1 {
				records.WriteByte(',')
				records.Write(rest)
			} else {
				records.WriteByte('}')
			}
			cd.Count++
		}
	}
	records.WriteByte(']')
	var cb bytes.Buffer
	cb.WriteString("\ufeff")
	cw := csv.NewWriter(&cb)
	cw.UseCRLF = true
	cw.Write(header)
	for _, tr := range all {
		idx := make([]int, len(tr.rows[0]))
		for i, h := range tr.rows[0] {
			idx[i] = slices.Index(header, h)
		}
		for _, r := range tr.rows[1:] {
			line := make([]string, len(header))
			line[0] = tr.name
			for i, v := range r {
				if i < len(idx) {
					line[idx[i]] = v
				}
			}
			cw.Write(line)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return cd, nil, nil, err
	}
	fieldsJSON, _ := json.Marshal(fields)
	head, _ := json.Marshal(map[string]string{"dataset": slug, "title": title, "updated": m.day.Format("2006-01-02")})
	var jb bytes.Buffer
	jb.Write(head[:len(head)-1])
	jb.WriteString(`,"fields":`)
	jb.Write(fieldsJSON)
	jb.WriteString(`,"records":`)
	jb.Write(records.Bytes())
	jb.WriteString("}")
	return cd, cb.Bytes(), jb.Bytes(), nil
}
