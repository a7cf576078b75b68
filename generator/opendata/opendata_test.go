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
	"gongshi/generator/value"
)

func TestDownloadsHoldOnlyPublishableFieldsSafely(t *testing.T) {
	res := &disclose.Result{
		BuildDate: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		Cases: []disclose.Case{{ID: "abc", DecisionNo: "罚〔2026〕1号", PartyName: "张某某", PartyClass: records.PartyPerson,
			Facts: "=HYPERLINK(\"http://x\")", Categories: []string{"罚款"}, Fine: value.Money(200000),
			DecisionDate: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Authority: "镇政府"}},
		Powers: []records.Power{{Code: "QX-CF-0001", Name: "处罚事项", Category: "行政处罚"}},
	}
	s := site.New(config.Default(), res, nil)
	ds := Build(s, func(p string) string { return "https://example.gov.cn" + p })
	var cases Dataset
	for _, d := range ds {
		if d.Slug == "cases" {
			cases = d
		}
	}
	csv := files(t, &cases)["/data/cases.csv"]
	if !bytes.HasPrefix(csv, []byte("\ufeff")) {
		t.Error("CSV has no BOM")
	}
	for _, banned := range []string{"证件号码", "证件类型", "身份证"} {
		if bytes.Contains(csv, []byte(banned)) {
			t.Errorf("CSV has a %s column", banned)
		}
	}
	if !bytes.Contains(csv, []byte(`'=HYPERLINK`)) {
		t.Errorf("formula not neutralised:\n%s", csv)
	}
	if !bytes.Contains(csv, []byte(",2000,")) || !bytes.Contains(csv, []byte("https://example.gov.cn/cases/abc/")) {
		t.Errorf("fine in yuan or page URL missing:\n%s", csv)
	}
	var doc struct {
		Records []map[string]string `json:"records"`
		Fields  []Field             `json:"fields"`
	}
	if err := json.Unmarshal(files(t, &cases)["/data/cases.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Records) != 1 || doc.Records[0]["party"] != "张某某" || doc.Records[0]["fine"] != "2000" {
		t.Errorf("JSON records: %+v", doc.Records)
	}
	if cases.Count != 1 || len(doc.Fields) != len(caseFields) || !strings.Contains(cases.Description, "自然人") {
		t.Errorf("catalogue entry: %+v", cases)
	}
}

// files returns the downloads d writes, by URL path.
func files(t *testing.T, d *Dataset) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if err := d.WriteFiles(func(p string, data []byte) error {
		out[p] = data
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}
