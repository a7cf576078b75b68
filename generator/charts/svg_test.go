package charts

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gongshi/generator/stats"
)

const testCite = "引用：示例县青溪镇人民政府，《图》，https://example.gov.cn/stats/x/#x，数据截至2026年10月。"

// TestSVGGolden compares the static image of one chart of each kind with
// testdata/*.svg; refresh with go test ./generator/charts -update and look
// at the files.
func TestSVGGolden(t *testing.T) {
	want := map[string]bool{
		"service-centre-monthly-volume": true, // lines, three series
		"enforcement-monthly-decisions": true, // bars with value labels
		"enforcement-monthly-fines":     true, // grouped bars
		"service-centre-ratings":        true, // stacked bars
		"service-centre-by-category":    true, // horizontal bars, two series
	}
	for _, p := range pages(t) {
		for _, c := range p.Charts {
			if !want[c.ID] {
				continue
			}
			delete(want, c.ID)
			t.Run(c.ID, func(t *testing.T) {
				got := SVG(c.Table, testCite)
				path := filepath.Join("testdata", c.ID+".svg")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				wantB, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create)", err)
				}
				if !bytes.Equal(got, wantB) {
					t.Errorf("%s differs from %s; run go test ./generator/charts -update and review the diff", c.ID+".svg", path)
				}
			})
		}
	}
	for id := range want {
		t.Errorf("fixture has no chart %s", id)
	}
}

// TestSVGEveryChart checks each drawn chart's image: well-formed XML with
// a positive size, the title, unit and cite line in it, the same bytes on
// every call, and no image for a table without a chart.
func TestSVGEveryChart(t *testing.T) {
	for _, p := range pages(t) {
		for _, c := range p.Charts {
			t.Run(c.ID, func(t *testing.T) {
				got := SVG(c.Table, testCite)
				if !c.Table.Drawn() {
					if got != nil {
						t.Fatal("an image for a table without a chart")
					}
					return
				}
				if !bytes.Equal(got, SVG(c.Table, testCite)) {
					t.Fatal("two calls give different bytes")
				}
				var root struct {
					XMLName xml.Name
					Width   int `xml:"width,attr"`
					Height  int `xml:"height,attr"`
				}
				if err := xml.Unmarshal(got, &root); err != nil {
					t.Fatalf("not XML: %v", err)
				}
				if root.XMLName.Local != "svg" || root.Width <= 0 || root.Height <= 0 {
					t.Fatalf("root %s %dx%d", root.XMLName.Local, root.Width, root.Height)
				}
				text := svgText(t, got)
				for _, s := range []string{c.Table.Name, "单位：" + c.Table.Unit, "数据截至"} {
					if !strings.Contains(text, s) {
						t.Errorf("image lacks %q", s)
					}
				}
				if !strings.Contains(strings.ReplaceAll(text, "\n", ""), "https://example.gov.cn/stats/x/#x") {
					t.Error("image lacks the cite line's URL")
				}
				if bytes.Contains(got, []byte("NaN")) || bytes.Contains(got, []byte("Inf")) {
					t.Error("a coordinate is not a number")
				}
			})
		}
	}
}

// svgText is the text of every element of an SVG, one line per element.
func svgText(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var out strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			out.Write(cd)
			out.WriteByte('\n')
		}
	}
}

func TestSVGEscapesText(t *testing.T) {
	tb := stats.Table{Topic: "x", Slug: "y", Name: `<b>&"名"`, Title: "a<script>", Kind: stats.KindBar, LabelName: "类别", Unit: "件",
		Series: []string{"数"}, Rows: []stats.Row{{Label: "</text>", Cells: []stats.Cell{stats.Num(3)}}, {Label: "b", Cells: []stats.Cell{stats.Gap}}}}
	got := SVG(tb, "引用：<x>")
	if bytes.Contains(got, []byte("<script>")) || bytes.Contains(got, []byte("<b>")) || bytes.Contains(got, []byte("<x>")) {
		t.Fatalf("unescaped text:\n%s", got)
	}
	if err := xml.Unmarshal(got, new(struct{})); err != nil {
		t.Fatalf("not XML: %v", err)
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   scale
	}{
		{0, 0, scale{0, 1, 0.2}},
		{0, 97, scale{0, 100, 20}},
		{0, 1234, scale{0, 1250, 250}},
		{-12, 30, scale{-20, 30, 10}},
		{0, 99.5, scale{0, 100, 20}},
	}
	for _, tt := range tests {
		if got := niceScale(tt.lo, tt.hi); got != tt.want {
			t.Errorf("niceScale(%v, %v) = %+v, want %+v", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestWrapText(t *testing.T) {
	lines := wrapText("引用：示例县青溪镇人民政府，https://example.gov.cn/stats/enforcement/#enforcement-by-category", 12, 200)
	for _, l := range lines {
		if w := textWidth(l, 12); w > 200 && !strings.HasPrefix(l, "https") {
			t.Errorf("line %q is %.0f px wide", l, w)
		}
	}
	if got := strings.Join(lines, ""); !strings.Contains(got, "https://example.gov.cn/") {
		t.Errorf("lines lose text: %q", got)
	}
	for _, l := range lines {
		if strings.HasSuffix(l, "htt") || strings.HasSuffix(l, "exampl") {
			t.Errorf("a word is broken: %q", l)
		}
	}
}

func TestNextDay(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 15, 4, 0, 0, loc) }
	tests := []struct {
		now  time.Time
		day  int
		want string
	}{
		{d(2026, 12, 7), 10, "2026-12-10"},
		{d(2026, 12, 10), 10, "2027-01-10"}, // the day itself is not next
		{d(2026, 12, 11), 10, "2027-01-10"},
		{d(2027, 1, 31), 31, "2027-02-28"}, // a shorter month's last day
		{d(2028, 1, 30), 31, "2028-01-31"},
		{d(2026, 12, 31), 1, "2027-01-01"},
	}
	for _, tt := range tests {
		if got := NextDay(tt.now, tt.day).Format("2006-01-02"); got != tt.want {
			t.Errorf("NextDay(%s, %d) = %s, want %s", tt.now.Format("2006-01-02"), tt.day, got, tt.want)
		}
	}
}

func TestPublishNamesAgencies(t *testing.T) {
	m := Meta{Publisher: "示例县青溪镇人民政府", Agencies: map[string]string{
		"data/cases": "青溪镇综合行政执法队",
		"综治中心信访统计":   "青溪镇综治中心",
		"data/stats": "青溪镇便民服务中心",
		"便民服务中心月度统计": "青溪镇便民服务中心（窗口）",
	}}
	tests := []struct {
		sources []string
		want    string
	}{
		{[]string{"data/cases"}, "青溪镇综合行政执法队"},
		{[]string{"综治中心信访统计-2024", "综治中心信访统计-2025"}, "青溪镇综治中心"},
		{[]string{"便民服务中心月度统计"}, "青溪镇便民服务中心（窗口）"},
		{[]string{"其他统计"}, "青溪镇便民服务中心"},
		{[]string{"data/powers", "data/cases"}, "示例县青溪镇人民政府、青溪镇综合行政执法队"},
		{nil, "示例县青溪镇人民政府"},
	}
	for _, tt := range tests {
		if got := strings.Join(m.agencies(tt.sources), "、"); got != tt.want {
			t.Errorf("agencies(%q) = %q, want %q", tt.sources, got, tt.want)
		}
	}
}

func TestPublish(t *testing.T) {
	ps := pages(t)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	err := Publish(ps, Meta{Publisher: "示例县青溪镇人民政府", Agencies: map[string]string{"data/cases": "青溪镇综合行政执法队"},
		UpdateDay: func(topic string) int {
			if topic == stats.TopicEnforcement {
				return 5
			}
			return 10
		},
		AbsURL: func(p string) string { return "https://example.gov.cn/qx" + p }, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	next := map[string]string{}
	for _, p := range ps {
		next[p.Topic.Path] = ""
		if !p.NextUpdate.IsZero() {
			next[p.Topic.Path] = p.NextUpdate.Format("2006-01-02")
		}
		for _, c := range p.Charts {
			if c.Table.Drawn() != (c.SVG != nil) {
				t.Errorf("%s: drawn %v, image %d bytes", c.ID, c.Table.Drawn(), len(c.SVG))
			}
			if c.ID == "enforcement-by-category" {
				want := "示例县青溪镇人民政府，《本年处罚决定按处罚类别》（数据来源：青溪镇综合行政执法队），https://example.gov.cn/qx/stats/enforcement/#enforcement-by-category，数据截至"
				if !strings.HasPrefix(c.Cite, want) {
					t.Errorf("cite = %q, want prefix %q", c.Cite, want)
				}
				if !bytes.Contains(c.JSON, []byte(`"agencies":["青溪镇综合行政执法队"]`)) {
					t.Errorf("JSON lacks the agency: %s", c.JSON)
				}
			}
		}
	}
	for topic, want := range map[string]string{
		stats.TopicService:     "2026-12-10",
		stats.TopicEnforcement: "2027-01-05",
		stats.TopicPowers:      "", // undated: updated with the list
		"year/2026":            "2026-12-10",
		"year/2025":            "", // ended
	} {
		if got, ok := next[topic]; !ok || got != want {
			t.Errorf("next update of %s = %q (page %v), want %q", topic, got, ok, want)
		}
	}
}

// FuzzSVG draws tables with labels and figures from the fuzzer: the image
// is always well-formed XML with finite coordinates.
func FuzzSVG(f *testing.F) {
	f.Add("2026-01", "受理数", 12.5, -3.0, "line")
	f.Add("<&\"'>", "</text>", 0.0, 1e9, "hbar")
	f.Add("不动产登记", "\x00\uFFFD", 1e-9, 7.0, "stack")
	f.Fuzz(func(t *testing.T, label, series string, a, b float64, kind string) {
		if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) || math.Abs(a) > 1e15 || math.Abs(b) > 1e15 {
			t.Skip() // figures are finite sums of export values
		}
		if !utf8.ValidString(label) || !utf8.ValidString(series) || strings.ContainsFunc(label+series, notXMLChar) {
			t.Skip() // ingest passes only valid UTF-8 text
		}
		tb := stats.Table{Topic: "t", Slug: "s", Name: label, Title: label, Kind: kind, LabelName: "月份", Unit: "件",
			Series: []string{series, "b"},
			Rows:   []stats.Row{{Label: label, Cells: []stats.Cell{stats.Num(a), stats.Gap}}, {Label: "x", Cells: []stats.Cell{stats.Num(b), stats.Num(a)}}}}
		got := SVG(tb, "引用："+label)
		if kind == stats.KindTable {
			return
		}
		if err := xml.Unmarshal(got, new(struct{})); err != nil {
			t.Fatalf("not XML: %v\n%s", err, got)
		}
		if bytes.Contains(got, []byte("NaN")) || bytes.Contains(got, []byte("Inf")) {
			t.Fatalf("a coordinate is not a number:\n%s", got)
		}
	})
}

// notXMLChar reports runes XML 1.0 does not allow in text.
func notXMLChar(r rune) bool {
	return !(r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF))
}
