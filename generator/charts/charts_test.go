package charts

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/internal/statsfixture"
	"gongshi/generator/stats"
)

var update = flag.Bool("update", false, "rewrite golden files")

func pages(t *testing.T) []Page {
	t.Helper()
	ps, err := Pages(stats.New(statsfixture.Result()))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestCatalogSlugsAreStableASCII(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Catalog {
		if !slugRe.MatchString(e.Slug) {
			t.Errorf("%s/%s: slug must be lower-case ASCII words joined by -", e.Topic, e.Slug)
		}
		k := e.Topic + "/" + e.Slug
		if seen[k] {
			t.Errorf("%s: listed twice", k)
		}
		seen[k] = true
	}
	d := stats.New(statsfixture.Result())
	for _, e := range Catalog {
		s := Scope{Topic: e.Topic}
		if e.Topic == stats.TopicYear {
			s = Scope{Topic: stats.YearTopic(2026), Year: 2026}
		}
		if e.Topic == stats.TopicOwn {
			continue // built once per own topic: TestOwnStatsTopic in generator/build
		}
		topic := s.Topic
		tb := e.Build(d, s)
		if tb.Topic != topic || tb.Slug != e.Slug {
			t.Errorf("catalogue says %s/%s, the figure says %s/%s", topic, e.Slug, tb.Topic, tb.Slug)
		}
	}
}

// TestChartsMatchGolden keeps the option and the data JSON of every chart
// in testdata/; refresh with go test ./generator/charts -update and review
// the diff.
func TestChartsMatchGolden(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range pages(t) {
		for _, c := range p.Charts {
			if ids[c.ID] {
				t.Errorf("duplicate chart id %s", c.ID)
			}
			ids[c.ID] = true
			for ext, got := range map[string][]byte{".option.json": c.Option, ".json": c.JSON} {
				if got == nil {
					continue
				}
				var pretty bytes.Buffer
				if err := json.Indent(&pretty, got, "", "  "); err != nil {
					t.Fatalf("%s%s: %v", c.ID, ext, err)
				}
				pretty.WriteByte('\n')
				path := filepath.Join("testdata", c.ID+ext)
				if *update {
					os.MkdirAll("testdata", 0o755)
					if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create)", err)
				}
				if !bytes.Equal(pretty.Bytes(), want) {
					t.Errorf("%s differs from %s; run go test ./generator/charts -update and review the diff", c.ID+ext, path)
				}
			}
		}
	}
	if len(ids) < 30 {
		t.Errorf("only %d charts", len(ids))
	}
}

// numbers are a table's figures as strings, "" for a blank, row by row.
type numbers [][]string

func fromTable(tb stats.Table) numbers {
	var out numbers
	for _, r := range tb.Rows {
		var row []string
		for _, c := range r.Cells {
			row = append(row, c.String())
		}
		out = append(out, row)
	}
	return out
}

func fromCSV(t *testing.T, b []byte, tb stats.Table) numbers {
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Error("CSV without BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	first := 1 + len(tb.Attrs)
	var out numbers
	for _, rec := range recs[1:] {
		out = append(out, rec[first:first+len(tb.Series)])
	}
	return out
}

func fromJSON(t *testing.T, b []byte) numbers {
	var doc struct {
		Rows []struct{ Values []*float64 }
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var out numbers
	for _, r := range doc.Rows {
		var row []string
		for _, v := range r.Values {
			if v == nil {
				row = append(row, "")
			} else {
				row = append(row, strconv.FormatFloat(*v, 'f', -1, 64))
			}
		}
		out = append(out, row)
	}
	return out
}

// fromOption reads the series data back, transposed to rows; ECharts' "-"
// is a blank.
func fromOption(t *testing.T, b []byte) numbers {
	var opt struct {
		Series []struct {
			Data []struct{ Value any }
		}
	}
	if err := json.Unmarshal(b, &opt); err != nil {
		t.Fatal(err)
	}
	var out numbers
	for i, s := range opt.Series {
		for j, d := range s.Data {
			if i == 0 {
				out = append(out, nil)
			}
			switch v := d.Value.(type) {
			case float64:
				out[j] = append(out[j], strconv.FormatFloat(v, 'f', -1, 64))
			case string:
				if v != "-" {
					t.Errorf("value %q", v)
				}
				out[j] = append(out[j], "")
			default:
				t.Errorf("value %v", v)
			}
		}
	}
	return out
}

func TestTableCSVJSONAndOptionCarryTheSameNumbers(t *testing.T) {
	for _, p := range pages(t) {
		for _, c := range p.Charts {
			t.Run(c.ID, func(t *testing.T) {
				want := fromTable(c.Table)
				if len(want) == 0 {
					t.Skip("empty")
				}
				check := func(what string, got numbers) {
					t.Helper()
					if a, b := strings.TrimSpace(strings.Join(flat(got), "|")), strings.Join(flat(want), "|"); a != b {
						t.Errorf("%s carries %s\nthe table carries %s", what, a, b)
					}
				}
				check("CSV", fromCSV(t, c.CSV, c.Table))
				check("JSON", fromJSON(t, c.JSON))
				if c.Option != nil {
					check("option", fromOption(t, c.Option))
				} else if c.Table.Kind != stats.KindTable {
					t.Error("a chart without an option")
				}
			})
		}
	}
}

func flat(n numbers) []string {
	var out []string
	for _, r := range n {
		out = append(out, strings.Join(r, ","))
	}
	return out
}

func TestOptionHasNoScriptAndStableID(t *testing.T) {
	for _, p := range pages(t) {
		for _, c := range p.Charts {
			if c.Option == nil {
				continue
			}
			if bytes.Contains(c.Option, []byte("<")) || bytes.Contains(c.Option, []byte("function")) {
				t.Errorf("%s: option holds markup or code", c.ID)
			}
			var opt map[string]any
			json.Unmarshal(c.Option, &opt)
			tb, _ := opt["toolbox"].(map[string]any)
			feat, _ := tb["feature"].(map[string]any)
			save, _ := feat["saveAsImage"].(map[string]any)
			if save["name"] != c.ID {
				t.Errorf("%s: save-as-image name %v", c.ID, save["name"])
			}
		}
	}
}

func luminance(hex string) float64 {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	ch := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(v>>16&0xff) + 0.7152*ch(v>>8&0xff) + 0.0722*ch(v&0xff)
}

func TestPaletteContrastAgainstWhite(t *testing.T) {
	for _, c := range Palette {
		if r := 1.05 / (luminance(c) + 0.05); r < 4.5 {
			t.Errorf("%s: contrast %.2f:1 against white, want at least 4.5:1", c, r)
		}
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	tb := stats.Table{LabelName: "违法行为类型", Series: []string{"决定数"}, Rows: []stats.Row{{Label: "=HYPERLINK(\"x\")", Cells: []stats.Cell{stats.Num(1)}}, {Label: "-1+1", Cells: []stats.Cell{stats.Num(-2)}}}}
	got := string(CSV(tb))
	if strings.Contains(got, "\n=HYPERLINK") || strings.Contains(got, "\n-1+1") {
		t.Errorf("formula not neutralised:\n%s", got)
	}
}
