package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"gongshi/generator/value"
)

func readString(t *testing.T, name, data string) ([]*value.Table, []value.Row, string) {
	t.Helper()
	fsys := fstest.MapFS{name: {Data: []byte(data)}}
	var rows []value.Row
	tables, dl := Read(fsys, name, &fuzzSchema, nil, func(r value.Row) {
		r.Cells = append([]string(nil), r.Cells...)
		rows = append(rows, r)
	})
	var b strings.Builder
	dl.Print(&b, 0, 0)
	return tables, rows, b.String()
}

// TestMultiLineCellIsOneSpreadsheetRow checks that row numbers are the ones
// Excel shows: a quoted cell with line breaks is one row, and blank lines
// are rows.
func TestMultiLineCellIsOneSpreadsheetRow(t *testing.T) {
	data := "当事人名称,决定书文号,处罚日期,执法机关\n" +
		"甲,\"1号\n（补正）\",2025-04-12,镇政府\n" +
		"\n" +
		"乙,2号,\"2025-04-13\",\"镇\r\n政府\"\n" +
		"丙,3号,2025-13-01,镇政府\n"
	_, rows, _ := readString(t, "data/cases/x.csv", data)
	var lines []int
	for _, r := range rows {
		lines = append(lines, r.Line)
	}
	if want := []int{2, 4, 5}; len(lines) != 3 || lines[0] != want[0] || lines[1] != want[1] || lines[2] != want[2] {
		t.Fatalf("rows at %v, want %v", lines, want)
	}
	if p := rows[2].Pos("处罚决定日期"); p.String() != "data/cases/x.csv:5:3" {
		t.Errorf("position %s", p)
	}
}

func TestRowCountersAndTotals(t *testing.T) {
	data := "清溪镇2025年公示\n当事人名称,决定书文号,处罚日期,执法机关,罚款金额(元)\n甲,1号,2025-04-12,镇政府,\"1,000\"\n乙,2号,2025-04-12,镇政府,500\n当事人名称,决定书文号,处罚日期,执法机关,罚款金额(元)\n合计,,,,1600\n制表人：张三\n"
	tables, rows, diags := readString(t, "data/cases/x.csv", data)
	if len(tables) != 1 || tables[0].Rows != 2 || tables[0].Skipped != 3 || len(rows) != 2 {
		t.Fatalf("tables %+v rows %d", tables, len(rows))
	}
	if tables[0].Title != "清溪镇2025年公示" || tables[0].HeaderRow != 2 || tables[0].Unit("罚款金额(万元)") != "元" {
		t.Errorf("table %+v", tables[0])
	}
	want := "data/cases/x.csv:6:5: warning: 合计 row: 罚款金额(元) is 1600 but the rows above add up to 1500"
	if !strings.Contains(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant a line\n%s", diags, want)
	}
}

func TestJoinedColumns(t *testing.T) {
	_, rows, _ := readString(t, "data/cases/x.csv", "当事人名称,决定书文号,处罚类别1,处罚类别2,处罚日期,执法机关\n甲,1号,警告,罚款,2025-04-12,镇政府\n乙,2号,,罚款,2025-04-12,镇政府\n")
	if got := rows[0].Value("处罚类别"); got != "警告;罚款" {
		t.Errorf("row 1: %q", got)
	}
	if got := rows[1].Value("处罚类别"); got != "罚款" {
		t.Errorf("row 2: %q", got)
	}
	if len(rows[0].Extra()) != 0 {
		t.Errorf("joined column kept as extra: %v", rows[0].Extra())
	}
}

func TestRejectionsSayWhatTheFileIs(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"data/cases/a.xls", "\xd0\xcf\x11\xe0", "a.xls is in the old Excel .xls format"},
		{"data/cases/a.csv", "PK\x03\x04rest", "ZIP archive"},
		{"data/cases/a.csv", "<html><table>", "HTML or XML page"},
		{"data/cases/a.csv", "a\x00b\x00c\x00d\x00e\x00f\x00", "UTF-16 text without a byte-order mark"},
		{"data/cases/a.xlsx", "当事人名称,决定书文号\n", "not a ZIP archive"},
		{"data/cases/a.json", "{\"a\": 1}", "expected a JSON array of objects"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, _, diags := readString(t, tt.name, tt.data)
			if !strings.Contains(diags, tt.want) || !strings.Contains(diags, ": error: ") {
				t.Errorf("got %q, want it to say %q", diags, tt.want)
			}
		})
	}
}

func TestNothingDroppedSilently(t *testing.T) {
	_, rows, diags := readString(t, "data/cases/x.csv", "当事人名称,决定书文号,处罚日期,执法机关,执法机关\n甲,1号,2025-04-12,镇政府,县局,多出来的\n")
	for _, want := range []string{
		"x.csv:1:5: info: a second 处罚机关 column (\"执法机关\") is kept as an extra field",
		"x.csv:2:6: warning: 1 row(s) have values in columns after the last header cell",
	} {
		if !strings.Contains(diags, want) {
			t.Errorf("diagnostics:\n%s\nwant a line with %q", diags, want)
		}
	}
	if ex := rows[0].Extra(); len(ex) != 1 || ex[0].Value != "县局" {
		t.Errorf("extra %v", ex)
	}
}

func TestDelimiterIsSniffed(t *testing.T) {
	for name, data := range map[string]string{
		"data/cases/a.csv": "当事人名称\t决定书文号\t处罚日期\t执法机关\n甲\t1号\t2025-04-12\t镇政府\n",
		"data/cases/b.txt": "当事人名称,决定书文号,处罚日期,执法机关\n甲,1号,2025-04-12,镇政府\n",
		"data/cases/c.tsv": "当事人名称\t决定书文号\t处罚日期\t执法机关\n甲\t1号\t2025-04-12\t镇政府\n",
	} {
		_, rows, diags := readString(t, name, data)
		if len(rows) != 1 || rows[0].Value("处罚机关") != "镇政府" {
			t.Errorf("%s: rows %v, diagnostics %s", name, rows, diags)
		}
	}
}

// TestBOMOnGBKText covers a fuzz finding: a UTF-8 byte-order mark in front
// of text that is not UTF-8 was taken at its word.
func TestBOMOnGBKText(t *testing.T) {
	gbk := "\xef\xbb\xbf\xb5\xb1\xca\xc2\xc8\xcb\xc3\xfb\xb3\xc6,\xbe\xf6\xb6\xa8\xca\xe9\xce\xc4\xba\xc5,\xb4\xa6\xb7\xa3\xc8\xd5\xc6\xda,\xd6\xb4\xb7\xa8\xbb\xfa\xb9\xd8\n\xbc\xd7,1,2025-04-12,x\n" // 当事人名称,决定书文号,处罚日期,执法机关
	tables, rows, diags := readString(t, "data/cases/a.csv", gbk)
	if len(tables) != 1 || tables[0].Encoding != "gb18030" || len(rows) != 1 || rows[0].Value("行政相对人名称") != "甲" {
		t.Errorf("tables %v rows %v diagnostics %s", tables, rows, diags)
	}
}

// TestDamagedZipSizesAreRejected covers a fuzz finding: an 18 KB workbook
// whose ZIP directory claimed gigabytes made excelize allocate them.
func TestDamagedZipSizesAreRejected(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/workbook.xml", Method: zip.Deflate})
	w.Write([]byte("<workbook/>"))
	zw.Close()
	b := buf.Bytes()
	// Patch the central directory's uncompressed size to 3 GB.
	i := bytes.LastIndex(b, []byte("PK\x01\x02"))
	binary.LittleEndian.PutUint32(b[i+24:], 3<<30)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	_, _, diags := readString(t, "data/cases/a.xlsx", string(b))
	runtime.ReadMemStats(&ms)
	if !strings.Contains(diags, "claims 3221225472 bytes") {
		t.Errorf("diagnostics: %s", diags)
	}
	if got := ms.TotalAlloc - before; got > 64<<20 {
		t.Errorf("allocated %d MB reading a damaged workbook", got>>20)
	}
}

func TestSheetDataEnd(t *testing.T) {
	for _, in := range []string{
		`<sheetData><row r="1"/></sheetData><mergeCells>`,
		`<x:sheetData><x:row/></x:sheetData><x:mergeCells>`,
		`<dimension/><sheetData/><mergeCells>`,
		`<sheetData><row r="1"/>`,
	} {
		want := strings.LastIndex(in, "sheetData") // the closing tag
		if !strings.Contains(in, "mergeCells") {
			want = -1
		}
		if got := sheetDataEnd([]byte(in)); got != want {
			t.Errorf("sheetDataEnd(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestShortUnclosedQuoteIsNamed checks that a quote left open near the end
// of a file, which swallows the rest of its row, is named at its cell, and
// that a complete row with a quoted line break is not.
func TestShortUnclosedQuoteIsNamed(t *testing.T) {
	data := "当事人名称,决定书文号,处罚日期,执法机关\n" +
		"甲,\"1号\n（补正）\",2025-04-12,镇政府\n" +
		"乙,\"2号,2025-04-13,镇政府\n"
	_, _, diags := readString(t, "data/cases/x.csv", data)
	if !strings.Contains(diags, "x.csv:3:2: warning: the row has 2 of the header's 4 cells") {
		t.Errorf("no warning at the open quote:\n%s", diags)
	}
	if n := strings.Count(diags, "probably never closed"); n != 1 {
		t.Errorf("%d warnings about quotes, want 1:\n%s", n, diags)
	}
}
