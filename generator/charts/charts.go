// Package charts turns statistics tables into ECharts option JSON with
// go-echarts, which is used only to build option objects: no HTML, no inline
// script, no CDN. Each chart has a stable ID (topic + slug) and its option,
// CSV and JSON files are named from it.
package charts

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gongshi/generator/internal/csvsafe"
	"gongshi/generator/stats"
)

// Palette has colours with at least 3:1 contrast against white, told apart
// also by line style and symbol.
var Palette = []string{"#a4161a", "#0b4f9c", "#2b7a0b", "#8a4b00", "#5b2c83", "#006d77"}

var symbols = []string{"circle", "rect", "triangle", "diamond", "pin", "arrow"}

// Chart is one chart with its files.
type Chart struct {
	Topic string
	Table stats.Table
	// ID is the stable DOM id and file stem: "topic-slug".
	ID string
	// Option, CSV and JSON are the file contents.
	Option []byte
	CSV    []byte
	JSON   []byte
}

// Base returns the URL path of the chart's files without extension, e.g.
// "/stats/enforcement/by-category".
func (c *Chart) Base() string { return "/stats/" + c.Topic + "/" + c.Table.Slug }

// Build makes the charts of a topic.
func Build(topic string, tables []stats.Table) ([]Chart, error) {
	out := make([]Chart, 0, len(tables))
	for _, t := range tables {
		opt, err := Option(t)
		if err != nil {
			return nil, err
		}
		data, err := DataJSON(topic, t)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Topic: topic, Table: t, ID: topic + "-" + t.Slug, Option: opt, CSV: CSV(t), JSON: data})
	}
	return out, nil
}

// Option returns the ECharts option for a table, as JSON with HTML escaped
// and keys sorted (encoding/json), so output is deterministic.
func Option(t stats.Table) ([]byte, error) {
	labels := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		labels[i] = r.Label
	}
	global := []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(t.Series) > 1), Top: "0"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "10", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "保存为图片", Name: t.Slug},
		}}),
		charts.WithColorsOpts(opts.Colors(Palette)),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	}
	var obj map[string]any
	switch t.Kind {
	case "line":
		c := charts.NewLine()
		c.SetGlobalOptions(global...)
		c.SetXAxis(labels)
		for i, s := range t.Series {
			data := make([]opts.LineData, len(t.Rows))
			for j, r := range t.Rows {
				data[j] = opts.LineData{Value: r.Values[i]}
			}
			c.AddSeries(s, data, charts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], ShowSymbol: opts.Bool(true)}),
				charts.WithLineStyleOpts(opts.LineStyle{Type: []string{"solid", "dashed", "dotted"}[i%3], Width: 2}))
		}
		c.Validate()
		obj = c.JSON()
	default:
		c := charts.NewBar()
		c.SetGlobalOptions(global...)
		c.SetXAxis(labels)
		for i, s := range t.Series {
			if i > 0 && t.Kind == "bar" {
				break // a bar chart draws its first series; the table holds the rest
			}
			data := make([]opts.BarData, len(t.Rows))
			for j, r := range t.Rows {
				data[j] = opts.BarData{Value: r.Values[i]}
			}
			c.AddSeries(s, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(t.Kind == "hbar"), Position: "right"}))
		}
		if t.Kind == "hbar" {
			c.XYReversal()
		}
		c.Validate()
		obj = c.JSON()
	}
	delete(obj, "title") // the page's heading carries the title
	return marshal(obj)
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// CSV returns the table as CSV (UTF-8 with BOM, formula-safe).
func CSV(t stats.Table) []byte {
	rows := [][]string{append([]string{t.LabelName}, t.Series...)}
	for _, r := range t.Rows {
		rec := []string{r.Label}
		for _, v := range r.Values {
			rec = append(rec, strconv.FormatFloat(v, 'f', -1, 64))
		}
		rows = append(rows, rec)
	}
	return csvsafe.Encode(rows)
}

// DataJSON returns the table's exact numbers as JSON.
func DataJSON(topic string, t stats.Table) ([]byte, error) {
	type row struct {
		Label  string    `json:"label"`
		Values []float64 `json:"values"`
	}
	doc := struct {
		ID       string   `json:"id"`
		Title    string   `json:"title"`
		Subtitle string   `json:"subtitle"`
		Note     string   `json:"note"`
		Unit     string   `json:"unit"`
		Label    string   `json:"label"`
		Series   []string `json:"series"`
		Rows     []row    `json:"rows"`
	}{ID: topic + "-" + t.Slug, Title: t.Title, Subtitle: t.Subtitle, Note: t.Note, Unit: t.Unit, Label: t.LabelName, Series: t.Series}
	for _, r := range t.Rows {
		doc.Rows = append(doc.Rows, row{r.Label, r.Values})
	}
	return marshal(doc)
}
