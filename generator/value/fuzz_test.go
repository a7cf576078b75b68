package value

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// fuzzSchema is a small penalty-decision schema (records cannot be imported
// here): enough names, aliases, a joined column and a month matcher to reach
// every path of the header matcher.
var fuzzSchema = Schema{Kind: "测试", MinMatch: 2, Columns: []Column{
	{Name: "行政相对人名称", Required: true, Aliases: []string{"当事人名称", "企业名称", "当事人"}},
	{Name: "行政处罚决定书文号", Required: true, Aliases: []string{"决定书文号", "处罚决定书号", "文书号"}},
	{Name: "处罚类别", Join: ";", Aliases: []string{"处罚类别1", "处罚类别2", "处罚种类"}},
	{Name: "罚款金额(万元)", Aliases: []string{"罚款金额"}},
	{Name: "处罚决定日期", Required: true, Aliases: []string{"处罚日期", "决定日期"}},
	{Name: "处罚机关", Required: true, Aliases: []string{"执法机关", "决定机关"}},
	{Name: "月份", Aliases: []string{"统计月份"}},
	{Name: "法定代表人", Aliases: []string{"法定代表人(负责人)"}},
}, IsHeader: func(s string) bool { _, err := ParseMonth(s, 2000); return err == nil }}

// corpusDir holds the exports ingest is tested on; their cells seed the
// value parsers.
const corpusDir = "../ingest/testdata/corpus"

// corpusCells returns distinct cells of the text fixtures of corpusDir
// (UTF-8 with or without BOM, UTF-16LE with BOM, GB18030), as seeds for
// the value parsers, plus extra spellings.
func corpusCells(tb testing.TB, extra ...string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] && len(out) < 400 {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range extra {
		add(s)
	}
	filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".csv", ".tsv", ".txt":
		default:
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		text, ok := decodeText(b)
		if !ok {
			return nil
		}
		cr := csv.NewReader(strings.NewReader(text))
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		if strings.Count(text, "\t") > strings.Count(text, ",") {
			cr.Comma = '\t'
		}
		for {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			for _, c := range rec {
				add(c)
			}
		}
		return nil
	})
	return out
}

// decodeText reads a fixture as text, or reports that it is none.
func decodeText(b []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		return string(s), err == nil
	case utf8.Valid(b):
		return strings.TrimPrefix(string(b), "\ufeff"), true
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	return string(s), err == nil && utf8.Valid(s)
}

func FuzzParseDate(f *testing.F) {
	for _, s := range corpusCells(f, "2025-04-12", "2025/4/12", "2025.04.12", "2025年4月12日", "20250412", "45759", "45759.5", "2025-04-12 10:30:00", "2025 年 4 月 12 日 10时", "2099/12/31", "２０２５－０４－１２") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.Year() < 1900 || d.Year() > 2200 || d.Hour() != 0 || d.Location().String() != "UTC" {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
	})
}

var monthRe = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

func FuzzParseMonth(f *testing.F) {
	for _, s := range corpusCells(f, "2025-03", "2025年3月", "202503", "3月", "2025/3", "2025.03", "2025年03月份", "45717") {
		f.Add(s, 2025)
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		m, err := ParseMonth(s, year)
		if err != nil {
			return
		}
		if !monthRe.MatchString(m) {
			t.Fatalf("ParseMonth(%q, %d) = %q", s, year, m)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range corpusCells(f, "1.2", "12,000.00", "1.2万元", "人民币12000元", "壹万贰仟元整", "２０００", "¥300", "十二元", "一亿零五万元") {
		f.Add(s, "万元")
		f.Add(s, "元")
	}
	f.Fuzz(func(t *testing.T, s, unit string) {
		m, err := ParseAmount(s, unit)
		if err != nil {
			return
		}
		if m < 0 || m > 1e15 {
			t.Fatalf("ParseAmount(%q, %q) = %d", s, unit, m)
		}
		_ = m.String()
	})
}

func FuzzMatchHeader(f *testing.F) {
	for _, s := range corpusCells(f, "罚款金额（万元）", "罚款金额(元)", "罚款金额/元", "法定代表人（负责人）", "行政相对人代码＿1（统一社会信用代码）", "处罚决定日其", "行政相对人\n名称", "罚款金额(单位：元)") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		s := fuzzSchema
		col, unit, ok := s.Match(h)
		if ok != (col != "") {
			t.Fatalf("Match(%q) = %q, %v", h, col, ok)
		}
		if unit != "" && unit != "元" && unit != "万元" {
			t.Fatalf("Match(%q) unit %q", h, unit)
		}
		if sug := s.Suggest(h); sug != "" {
			if _, _, ok := s.Match(sug); !ok {
				t.Fatalf("Suggest(%q) = %q, which does not match", h, sug)
			}
		}
		n := NormalizeHeader(h)
		if strings.ContainsAny(n, " \t\n\u3000") {
			t.Fatalf("NormalizeHeader(%q) = %q keeps white space", h, n)
		}
	})
}
