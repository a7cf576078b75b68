package opendata

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/site"
)

// mapJSON is how the downloads were encoded before encodeJSON: a map per
// record, through json.Encoder. encodeJSON must write the same bytes.
func mapJSON(t testing.TB, slug, title string, fields []Field, recs [][]string, updated time.Time) []byte {
	t.Helper()
	objs := []map[string]any{}
	for _, r := range recs {
		m := make(map[string]any, len(fields))
		for i, f := range fields {
			m[f.Key] = r[i]
		}
		objs = append(objs, m)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(map[string]any{"dataset": slug, "title": title, "updated": updated.Format("2006-01-02"), "fields": fields, "records": objs}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var trickyStrings = []string{
	"", "plain", "罚款2000元", `<script>alert("x")</script>`, "a&b", "a>b", "\u2028\u2029", "x\u2028y",
	"\xff", "a\xc3", "\xe2\x80", "\xed\xa0\x80", "\ufffd", "\x00\x01\x1f\x7f", "\b\f\n\r\t", `back\slash "quote"`,
	"=HYPERLINK(\"http://x\")", "😀", "\U0010FFFF", "'single'", "/path/",
}

func TestEncodeJSONMatchesMapEncoding(t *testing.T) {
	day := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	fields := []Field{{"乙", "zeta", "z<", ""}, {"甲", "alpha", "a&", "元"}, {"丙", "Beta", "b", ""}, {"丁", "a_b", "", ""}, {"戊", "<k>", "", ""}}
	var recs [][]string
	for i, s := range trickyStrings {
		r := make([]string, len(fields))
		for j := range r {
			r[j] = trickyStrings[(i+j)%len(trickyStrings)]
		}
		r[0] = s
		recs = append(recs, r)
	}
	dup := []Field{{"一", "k", "", ""}, {"二", "a", "", ""}, {"三", "k", "", ""}}
	tests := []struct {
		name   string
		fields []Field
		recs   [][]string
	}{
		{"tricky strings", fields, recs},
		{"empty dataset", fields, nil},
		{"no fields", nil, [][]string{{}, {}}},
		{"repeated key keeps the last value", dup, [][]string{{"first", "x", "last"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, title := range trickyStrings[:6] {
				want := mapJSON(t, "s<&>", title, tt.fields, tt.recs, day)
				got, err := encodeJSON("s<&>", title, tt.fields, tt.recs, day)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("title %q:\n got %s\nwant %s", title, got, want)
				}
			}
		})
	}
}

// TestBuildJSONMatchesMapEncoding checks every dataset Build writes,
// including the empty ones, against the map encoding.
func TestBuildJSONMatchesMapEncoding(t *testing.T) {
	res := &disclose.Result{BuildDate: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
	for i, s := range trickyStrings {
		res.Cases = append(res.Cases, disclose.Case{ID: strings.Repeat("a", i+1), DecisionNo: s, PartyName: s + "公司", Facts: s, Content: s,
			Categories: []string{s, "罚款"}, PartyClass: records.PartyOrg})
	}
	res.Powers = []records.Power{{Code: "QX<1>", Name: "\u2028处罚", Category: "行政处罚"}}
	s := site.New(config.Default(), res, nil)
	ds := Build(s, func(p string) string { return "https://example.gov.cn" + p + "?a=1&b=<2>" })
	for _, d := range ds {
		var recs [][]string
		if d.Slug != "stats" {
			for _, r := range d.Rows {
				recs = append(recs, r.Values)
			}
		}
		want := mapJSON(t, d.Slug, d.Title, d.Fields, recs, d.Updated)
		if got := files(t, &d)[d.JSON]; !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", d.Slug, got, want)
		}
	}
}
