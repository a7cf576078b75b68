// Package charts turns statistics tables into ECharts option JSON with
// go-echarts, which is used only to build option objects: no HTML, no inline
// script, no CDN. Every chart is one entry of Catalog; its stable ID
// (topic + slug) is the page anchor, and its option, CSV and JSON files are
// named from it. The table, the CSV, the JSON and the option all carry the
// same numbers: each is written from the one stats.Table.
//
// URLs (journalists cite them; they never change meaning once published):
//
//	/stats/                          index, with this year's enforcement sentence
//	/stats/service-centre/           便民服务中心 and 好差评
//	/stats/petitions/                综治中心 and 信访
//	/stats/enforcement/              行政处罚 decisions and fines
//	/stats/powers/                   权力清单 by category, source, domain
//	/stats/powers/usage/             power items used / never used, last 12 months
//	/stats/year/YYYY/                year in review, with the annual-report counts
//	/stats/TOPIC/                    a town's own tables (site.toml [stats."DATASET"])
//
// Every table runs to the date of its data (stats.Table.AsOf), never to
// the build date; its CSV carries that date in a 数据截至 column and its
// JSON in "as_of".
//
// Each chart is the anchor "#ID" on its page, ID being the page path with
// "/" as "-" plus the slug ("powers-usage-never-used"), and its files are
// PAGE/SLUG.option.json and PAGE/SLUG.svg (only for drawn charts; the SVG
// is the static image with its cite line, see SVG), PAGE/SLUG.csv and
// PAGE/SLUG.json.
package charts

import (
	"bytes"
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gongshi/generator/internal/csvsafe"
	"gongshi/generator/stats"
)

// Palette has colours with at least 4.5:1 contrast against white (checked
// by a test); series are told apart also by line style, symbol, decal
// pattern and direct labels.
var Palette = []string{"#a4161a", "#0b4f9c", "#2b6a0b", "#8a4b00", "#5b2c83", "#006d77"}

var (
	symbols = []string{"circle", "rect", "triangle", "diamond", "pin", "arrow"}
	dashes  = []string{"solid", "dashed", "dotted"}
)

// Chart is one chart with its files.
type Chart struct {
	// Topic is the page path below /stats/.
	Topic string
	Table stats.Table
	// ID is the stable DOM id and file stem: "topic-slug".
	ID string
	// Option is nil for a table without a chart.
	Option []byte
	CSV    []byte
	JSON   []byte
	// Agencies name who the figures come from, Cite is the citation
	// without its "引用：" and SVG the static image (nil for a table
	// without a chart); Publish sets them.
	Agencies []string
	Cite     string
	SVG      []byte
	// ImageWidth and ImageHeight are the SVG's size in px.
	ImageWidth, ImageHeight int
}

// Monthly reports whether the table's rows are months ("2026-10"), so a
// time range applies to it.
func (c *Chart) Monthly() bool {
	if c.Table.LabelName != "月份" || len(c.Table.Rows) == 0 {
		return false
	}
	for _, r := range c.Table.Rows {
		if len(r.Label) != 7 || r.Label[4] != '-' {
			return false
		}
	}
	return true
}

// Ranges are the time ranges offered for a monthly chart, as the number
// of latest months each keeps: 12 and 36 when the chart has more rows.
// "All" is always offered besides them.
func (c *Chart) Ranges() []int {
	if !c.Monthly() {
		return nil
	}
	var out []int
	for _, n := range []int{12, 36} {
		if len(c.Table.Rows) > n {
			out = append(out, n)
		}
	}
	return out
}

// Base returns the URL path of the chart's files without extension, e.g.
// "/stats/enforcement/by-category".
func (c *Chart) Base() string { return "/stats/" + c.Topic + "/" + c.Table.Slug }

// Anchor is the chart's permalink below the site root:
// "/stats/enforcement/#enforcement-by-category".
func (c *Chart) Anchor() string { return "/stats/" + c.Topic + "/#" + c.ID }

// New makes the chart of a table.
func New(t stats.Table) (Chart, error) {
	c := Chart{Topic: t.Topic, Table: t, ID: t.ID(), CSV: CSV(t)}
	var err error
	if t.Drawn() {
		if c.Option, err = Option(t); err != nil {
			return c, err
		}
	}
	c.JSON, err = DataJSON(t)
	return c, err
}

// value is a cell as ECharts data: the number, or "-" for a gap.
func value(c stats.Cell) any {
	if c.Blank {
		return "-"
	}
	return c.V
}

// Option returns the ECharts option for a table, as JSON with HTML escaped
// and keys sorted (encoding/json), so output is deterministic.
func Option(t stats.Table) ([]byte, error) {
	labels := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		labels[i] = r.Label
	}
	multi := len(t.Series) > 1
	// Lines are labelled at their ends and single series need no key, so a
	// legend is shown only for grouped and stacked bars and busy lines.
	legend := multi && (t.Kind != stats.KindLine || len(t.Series) > 3)
	global := []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: t.ID()}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "10", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "保存为图片", Name: t.ID()},
		}}),
		charts.WithColorsOpts(opts.Colors(Palette)),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Decal: &opts.AriaDecal{Show: opts.Bool(t.Kind != stats.KindLine && multi)}}),
		charts.WithGridOpts(opts.Grid{ContainLabel: opts.Bool(true), Left: "10", Right: gridRight(t, legend), Top: "40", Bottom: "10"}),
	}
	var obj map[string]any
	switch t.Kind {
	case stats.KindLine:
		c := charts.NewLine()
		c.SetGlobalOptions(append(global, charts.WithYAxisOpts(opts.YAxis{Name: t.Unit}))...)
		c.SetXAxis(labels)
		for i, s := range t.Series {
			data := make([]opts.LineData, len(t.Rows))
			for j, r := range t.Rows {
				data[j] = opts.LineData{Value: value(r.Cells[i])}
			}
			c.AddSeries(s, data,
				charts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], SymbolSize: 8, ShowSymbol: opts.Bool(true), ConnectNulls: opts.Bool(false)}),
				charts.WithLineStyleOpts(opts.LineStyle{Type: dashes[i%len(dashes)], Width: 2}))
		}
		c.Validate()
		obj = c.JSON()
	default:
		c := charts.NewBar()
		c.SetGlobalOptions(append(global, charts.WithYAxisOpts(opts.YAxis{Name: t.Unit}))...)
		c.SetXAxis(labels)
		for i, s := range t.Series {
			data := make([]opts.BarData, len(t.Rows))
			for j, r := range t.Rows {
				data[j] = opts.BarData{Value: value(r.Cells[i])}
			}
			bo := opts.BarChart{}
			pos := "top"
			if t.Kind == stats.KindHBar {
				pos = "right"
			}
			if t.Kind == stats.KindStack {
				bo.Stack = "total"
				pos = "inside"
			}
			c.AddSeries(s, data, charts.WithBarChartOpts(bo),
				charts.WithLabelOpts(opts.Label{Show: opts.Bool(!multi || t.Kind == stats.KindHBar || t.Kind == stats.KindStack), Position: pos}))
		}
		if t.Kind == stats.KindHBar {
			c.XYReversal()
		}
		c.Validate()
		obj = c.JSON()
	}
	delete(obj, "title") // the page's heading carries the title
	return finish(obj, t, legend)
}

func gridRight(t stats.Table, legend bool) string {
	if t.Kind == stats.KindLine && len(t.Series) > 1 && !legend {
		return "110" // room for the end labels
	}
	if t.Kind == stats.KindHBar {
		return "60" // room for the value labels
	}
	return "20"
}

// finish makes what go-echarts has no option for: end labels naming each
// line, the first category on top of a horizontal bar chart, and exact
// numbers in labels (no rounding by ECharts).
func finish(obj map[string]any, t stats.Table, legend bool) ([]byte, error) {
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	if series, ok := m["series"].([]any); ok && t.Kind == stats.KindLine && len(t.Series) > 1 && !legend {
		for _, s := range series {
			if sm, ok := s.(map[string]any); ok {
				sm["endLabel"] = map[string]any{"show": true, "formatter": "{a}", "color": "#1a1a1a"}
			}
		}
	}
	if t.Kind == stats.KindHBar {
		if ys, ok := m["yAxis"].([]any); ok {
			for _, y := range ys {
				if ym, ok := y.(map[string]any); ok {
					ym["inverse"] = true
				}
			}
		}
	}
	return marshal(m)
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

// CSV returns the table as CSV (UTF-8 with BOM, formula-safe): the label,
// the text columns, the figures (blank cells empty), 备注 when a row has a
// note, and 数据截至 (the table's AsOf, the same on every row) when the
// table is dated, so that a copied row still says how current it is.
func CSV(t stats.Table) []byte {
	notes := t.HasNotes()
	head := append(append([]string{t.LabelName}, t.Attrs...), t.Series...)
	if notes {
		head = append(head, "备注")
	}
	if t.AsOf != "" {
		head = append(head, "数据截至")
	}
	rows := [][]string{head}
	for _, r := range t.Rows {
		rec := append([]string{r.Label}, r.Attrs...)
		for _, c := range r.Cells {
			rec = append(rec, c.String())
		}
		if notes {
			rec = append(rec, r.Note)
		}
		if t.AsOf != "" {
			rec = append(rec, t.AsOf)
		}
		rows = append(rows, rec)
	}
	return csvsafe.Encode(rows)
}

// Doc is the JSON download of a chart's numbers.
type Doc struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Name     string   `json:"name"`
	Subtitle string   `json:"subtitle"`
	Note     string   `json:"note"`
	Unit     string   `json:"unit"`
	Label    string   `json:"label"`
	Attrs    []string `json:"attrs,omitempty"`
	Series   []string `json:"series"`
	Rows     []DocRow `json:"rows"`
	Sources  []string `json:"sources,omitempty"`
	// Agencies name who the sources come from (site.toml [sources]).
	Agencies []string `json:"agencies,omitempty"`
	// AsOf is the date of the latest data counted: "2026-10-30" or
	// "2026-10".
	AsOf string `json:"as_of,omitempty"`
	// Stale is true when the build is more than a month past AsOf.
	Stale bool `json:"stale,omitempty"`
}

// DocRow is one row of a Doc; a blank figure is null.
type DocRow struct {
	Label  string       `json:"label"`
	Link   string       `json:"link,omitempty"`
	Attrs  []string     `json:"attrs,omitempty"`
	Values []stats.Cell `json:"values"`
	Note   string       `json:"note,omitempty"`
}

// DataJSON returns the table's exact numbers as JSON.
func DataJSON(t stats.Table) ([]byte, error) { return dataJSON(t, nil) }

func dataJSON(t stats.Table, agencies []string) ([]byte, error) {
	doc := Doc{ID: t.ID(), Title: t.Title, Name: t.Name, Subtitle: t.Subtitle, Note: t.Note, Unit: t.Unit, Label: t.LabelName,
		Attrs: t.Attrs, Series: t.Series, Rows: []DocRow{}, Sources: t.Sources, Agencies: agencies, AsOf: t.AsOf, Stale: t.Stale}
	for _, r := range t.Rows {
		doc.Rows = append(doc.Rows, DocRow{Label: r.Label, Link: r.Link, Attrs: r.Attrs, Values: r.Cells, Note: r.Note})
	}
	return marshal(doc)
}
