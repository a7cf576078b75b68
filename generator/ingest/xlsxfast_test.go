package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"
	"time"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/value"
)

// rawRow is one Next/Columns step of a sheet.
type rawRow struct {
	Cells []string
	Err   string
}

// rawSheets is what a workbook yields sheet by sheet, and how reading it
// ended.
type rawSheets struct {
	Sheets []string
	Rows   map[string][]rawRow
	Panic  string
	Open   string // error opening the workbook
}

// maxRawRows bounds a sheet in these tests (row numbers can jump to a
// million).
var maxRawRows = 1 << 21

// excelizeRaw reads a workbook the way readXLSX reads it without the fast
// reader.
func excelizeRaw(data []byte) (out rawSheets) {
	out.Rows = map[string][]rawRow{}
	defer func() {
		if e := recover(); e != nil {
			out.Panic = fmt.Sprint(e)
		}
	}()
	wb, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions)
	if err != nil {
		out.Open = err.Error()
		return out
	}
	defer wb.Close()
	out.Sheets = wb.GetSheetList()
	for _, sheet := range out.Sheets {
		out.Rows[sheet] = excelizeSheet(wb, sheet)
	}
	return out
}

// excelizeSheet reads a sheet's rows with excelize alone.
func excelizeSheet(wb *excelize.File, sheet string) []rawRow {
	rows, err := wb.Rows(sheet)
	if err != nil {
		return []rawRow{{Err: "rows: " + err.Error()}}
	}
	defer rows.Close()
	return drain(excelizeRows{rows: rows})
}

func drain(r sheetRows) []rawRow {
	var rows []rawRow
	for len(rows) < maxRawRows {
		cells, more, err := r.next()
		if !more {
			if err != nil {
				rows = append(rows, rawRow{Err: "end: " + err.Error()})
			}
			break
		}
		row := rawRow{Cells: cells}
		if err != nil {
			row.Err = err.Error()
		}
		rows = append(rows, row)
	}
	return rows
}

// fastStats says how the fast reader read a workbook.
type fastStats struct {
	used      bool     // openFastBook accepted the workbook
	handovers []string // sheets handed over to excelize mid-way
	excelize  []string // sheets read by excelize from the start
}

// fastRaw reads a workbook through the fast reader, as readXLSX does.
func fastRaw(data []byte) (out rawSheets, st fastStats) {
	out.Rows = map[string][]rawRow{}
	defer func() {
		if e := recover(); e != nil {
			out.Panic = fmt.Sprint(e)
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || checkZip(zr) != nil {
		return excelizeRaw(data), st
	}
	fb, err := openFastBook(zr, bytes.NewReader(data), int64(len(data)), sheetParts(zr), false)
	if fb == nil || err != nil {
		return excelizeRaw(data), st
	}
	defer fb.Close()
	st.used = true
	var wb *excelize.File
	defer func() {
		if wb != nil {
			wb.Close()
		}
	}()
	open := func() (*excelize.File, error) {
		if wb == nil {
			var err error
			if wb, err = excelize.OpenReader(bytes.NewReader(data), xlsxOptions); err != nil {
				return nil, err
			}
		}
		return wb, nil
	}
	out.Sheets = fb.sheets
	for _, sheet := range fb.sheets {
		if part := fb.entries[sheet]; part != nil {
			fs, err := fb.openSheet(part)
			if err != nil {
				panic(err)
			}
			r := &fastRows{s: fs, open: func() (*excelize.Rows, error) {
				wb, err := open()
				if err != nil {
					return nil, err
				}
				return wb.Rows(sheet)
			}}
			func() {
				// Recorded even when excelize panics after the handover.
				defer func() {
					if r.moved {
						st.handovers = append(st.handovers, sheet)
					}
				}()
				out.Rows[sheet] = drain(r)
			}()
			r.close()
			continue
		}
		st.excelize = append(st.excelize, sheet)
		wb, err := open()
		if err != nil {
			out.Open = err.Error()
			return out, st
		}
		out.Rows[sheet] = excelizeSheet(wb, sheet)
	}
	return out, st
}

// compareRaw checks that the fast reader yields what excelize yields.
func compareRaw(t testing.TB, name string, data []byte) fastStats {
	t.Helper()
	want := excelizeRaw(data)
	got, st := fastRaw(data)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: fast reader (used %v, %+v) differs from excelize:\n%s", name, st.used, st, diffRaw(got, want))
	}
	return st
}

func diffRaw(got, want rawSheets) string {
	var b strings.Builder
	if got.Panic != want.Panic || got.Open != want.Open {
		fmt.Fprintf(&b, "panic %q / %q, open %q / %q\n", got.Panic, want.Panic, got.Open, want.Open)
	}
	if !reflect.DeepEqual(got.Sheets, want.Sheets) {
		fmt.Fprintf(&b, "sheets %q / %q\n", got.Sheets, want.Sheets)
	}
	for _, s := range want.Sheets {
		g, w := got.Rows[s], want.Rows[s]
		for i := 0; i < max(len(g), len(w)); i++ {
			var gr, wr rawRow
			if i < len(g) {
				gr = g[i]
			}
			if i < len(w) {
				wr = w[i]
			}
			if !reflect.DeepEqual(gr, wr) {
				fmt.Fprintf(&b, "sheet %q row %d (of %d / %d):\n  fast     %q %q\n  excelize %q %q\n", s, i+1, len(g), len(w), gr.Cells, gr.Err, wr.Cells, wr.Err)
				break
			}
		}
	}
	return b.String()
}

// TestFastXLSXCorpus compares the fast reader with excelize on the
// workbooks of the fixture corpus; they are all read without excelize.
func TestFastXLSXCorpus(t *testing.T) {
	files := corpusFiles(t, ".xlsx")
	if len(files) == 0 {
		t.Fatal("no .xlsx fixtures")
	}
	for name, data := range files {
		st := compareRaw(t, name, data)
		if !st.used || len(st.handovers) > 0 || len(st.excelize) > 0 {
			t.Errorf("%s: not read by the fast reader alone: %+v", name, st)
		}
	}
}

// TestFastXLSXWritten compares the fast reader with excelize on workbooks
// written by excelize covering the cell kinds, and checks which of them the
// fast reader reads alone.
func TestFastXLSXWritten(t *testing.T) {
	for _, tc := range writtenWorkbooks(t) {
		t.Run(tc.name, func(t *testing.T) {
			st := compareRaw(t, tc.name, tc.data)
			if tc.fast && (!st.used || len(st.handovers) > 0 || len(st.excelize) > 0) {
				t.Errorf("not read by the fast reader alone: %+v", st)
			}
		})
	}
}

type workbookCase struct {
	name string
	data []byte
	fast bool // the fast reader should read it without excelize
}

func mustDo(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func bookBytes(t testing.TB, f *excelize.File) []byte {
	var b bytes.Buffer
	_, err := f.WriteTo(&b)
	mustDo(t, err)
	return b.Bytes()
}

func writtenWorkbooks(t testing.TB) []workbookCase {
	var out []workbookCase
	add := func(name string, fast bool, build func(f *excelize.File)) {
		f := excelize.NewFile()
		defer f.Close()
		build(f)
		out = append(out, workbookCase{name, bookBytes(t, f), fast})
	}
	numbers := []any{0, 1, -1, 42, 123456789012, 1234567890123456789, 0.1 + 0.2, 1.0 / 3, 1e20, 1e-7, -2.5e-12, math.MaxFloat64, 3.14159265358979, 100.5, math.Copysign(0, -1), 15976.19, 0.02, 1e15, 123456789.123456789, 2.5, float32(0.1)}
	add("shared strings", true, func(f *excelize.File) {
		setRowT(t, f, "Sheet1", 1, "当事人名称", "决定书文号", "  leading and trailing  ", "tab\there", "line\nbreak", "amp & <lt> \"q\" 'a'", "_x0041_ and _x005F_x0041_ and _xD800_", "")
		setRowT(t, f, "Sheet1", 2, "重复", "重复", "重复", "emoji 😀", "\u00a0nbsp", "全角（括号）：，。")
	})
	add("numbers", true, func(f *excelize.File) {
		setRowT(t, f, "Sheet1", 1, numbers...)
		for i, n := range numbers {
			setRowT(t, f, "Sheet1", i+2, n, fmt.Sprint(n))
		}
	})
	add("numbers styled General", true, func(f *excelize.File) {
		style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		mustDo(t, err)
		setRowT(t, f, "Sheet1", 1, numbers...)
		setRowT(t, f, "Sheet1", 2, "text", "123", true, false)
		mustDo(t, f.SetCellStyle("Sheet1", "A1", "Z2", style))
	})
	add("booleans errors formulas", true, func(f *excelize.File) {
		setRowT(t, f, "Sheet1", 1, true, false, "x")
		mustDo(t, f.SetCellFormula("Sheet1", "A2", "1/0"))
		mustDo(t, f.SetCellFormula("Sheet1", "B2", "SUM(A1:A1)"))
		mustDo(t, f.SetCellFormula("Sheet1", "C2", `"a"&"b"`))
		mustDo(t, f.SetCellFormula("Sheet1", "D3", "NA()"))
	})
	add("rich text", true, func(f *excelize.File) {
		mustDo(t, f.SetCellRichText("Sheet1", "B2", []excelize.RichTextRun{
			{Text: "粗体", Font: &excelize.Font{Bold: true, Color: "FF0000", Size: 14}},
			{Text: " plain "},
			{Text: "italic", Font: &excelize.Font{Italic: true, Family: "宋体", Underline: "single", VertAlign: "superscript"}},
		}))
		setRowT(t, f, "Sheet1", 3, "after")
	})
	add("gaps and merges", true, func(f *excelize.File) {
		setRowT(t, f, "Sheet1", 1, "a", nil, nil, "d")
		setRowT(t, f, "Sheet1", 5, nil, "b")
		setRowT(t, f, "Sheet1", 6, "x", nil, "z")
		setRowT(t, f, "Sheet1", 20, nil, nil, nil, nil, nil, nil, "g")
		mustDo(t, f.MergeCell("Sheet1", "A6", "A9"))
		mustDo(t, f.SetCellValue("Sheet1", "ZZ30", "far"))
	})
	add("several sheets", true, func(f *excelize.File) {
		for _, s := range []string{"第二页", "Data (3)", "empty"} {
			_, err := f.NewSheet(s)
			mustDo(t, err)
		}
		setRowT(t, f, "Sheet1", 1, "one")
		setRowT(t, f, "第二页", 2, "two", 2)
		setRowT(t, f, "Data (3)", 1, 3.5, "three")
	})
	add("dates and formats", true, func(f *excelize.File) {
		formats := []int{14, 22, 2, 4, 9, 10, 11, 20, 21, 45, 46, 47, 49, 27, 30, 31, 57, 58, 3, 37, 38}
		d := time.Date(2025, 4, 12, 10, 30, 0, 0, time.UTC)
		for i, id := range formats {
			style, err := f.NewStyle(&excelize.Style{NumFmt: id})
			mustDo(t, err)
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			mustDo(t, f.SetCellValue("Sheet1", cell, d))
			mustDo(t, f.SetCellStyle("Sheet1", cell, cell, style))
			for j, v := range []any{1234.5678, -42, 0.25, "text", true, 45759, nil} {
				cell, _ := excelize.CoordinatesToCellName(j+2, i+1)
				if v != nil {
					mustDo(t, f.SetCellValue("Sheet1", cell, v))
				}
				mustDo(t, f.SetCellStyle("Sheet1", cell, cell, style))
			}
		}
	})
	// Formats with a text section change strings: those cells are
	// excelize's.
	add("custom formats", false, func(f *excelize.File) {
		codes := []string{"yyyy/m/d", "0.00%", "#,##0.00", `"¥"#,##0`, `@"元"`, `0.0;[Red]-0.0;"zero";"text:"@`, "General", "yyyy年m月d日", "[$-804]yyyy\"年\"m\"月\"d\"日\"", "hh:mm:ss", "0.00E+00", "# ?/?"}
		for i, code := range codes {
			code := code
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			mustDo(t, err)
			for j, v := range []any{45759.5, -1234.5, 0, "abc", "", true} {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if v != "" {
					mustDo(t, f.SetCellValue("Sheet1", cell, v))
				}
				mustDo(t, f.SetCellStyle("Sheet1", cell, cell, style))
			}
		}
	})
	add("stream writer", true, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		mustDo(t, err)
		style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		mustDo(t, err)
		mustDo(t, sw.SetRow("A1", []any{excelize.Cell{StyleID: style, Value: "标题"}}))
		mustDo(t, sw.SetRow("A3", []any{"a", 1, 2.5, true, nil, "  spaced  ", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}))
		mustDo(t, sw.SetRow("B4", []any{excelize.Cell{Formula: "SUM(B3:C3)", Value: 3.5}, "x&y<z>"}))
		mustDo(t, sw.Flush())
	})
	return out
}

func setRowT(t testing.TB, f *excelize.File, sheet string, row int, cells ...any) {
	cell, _ := excelize.CoordinatesToCellName(1, row)
	mustDo(t, f.SetSheetRow(sheet, cell, &cells))
}

// Hand-written workbooks: the parts a workbook needs, around sheet XML.

const (
	mainNS    = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	fuzzSST   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<sst ` + mainNS + ` count="6" uniqueCount="6"><si><t>当事人名称</t></si><si><t xml:space="preserve"> 决定书文号 </t></si><si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><family val="2"/><charset val="134"/></rPr><t>rich</t></r><r><t xml:space="preserve"> text</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si><si><t/></si><si><t>_x000D_carriage</t></si></sst>`
	fuzzStyle = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<styleSheet ` + mainNS + `><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy/m/d"/><numFmt numFmtId="177" formatCode="&quot;¥&quot;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`
)

// handBook builds a workbook around the given parts (name → content);
// sheets are xl/worksheets/sheetN.xml in order.
func handBook(t testing.TB, sheets []string, extra map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, content string) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		mustDo(t, err)
		_, err = w.Write([]byte(content))
		mustDo(t, err)
	}
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`
	var wbSheets, rels strings.Builder
	for i := range sheets {
		n := i + 1
		ct += fmt.Sprintf(`<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&wbSheets, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, n, n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
	}
	rels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
	ct += `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	put("[Content_Types].xml", ct)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<workbook `+mainNS+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+wbSheets.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	parts := map[string]string{"xl/styles.xml": fuzzStyle, "xl/sharedStrings.xml": fuzzSST}
	for k, v := range extra {
		parts[k] = v
	}
	for i, s := range sheets {
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s)
	}
	for _, k := range []string{"xl/styles.xml", "xl/sharedStrings.xml"} {
		if parts[k] != "" {
			put(k, parts[k])
		}
	}
	for k, v := range extra {
		if k != "xl/styles.xml" && k != "xl/sharedStrings.xml" && v != "" {
			put(k, v)
		}
	}
	mustDo(t, zw.Close())
	return b.Bytes()
}

// sheetXML wraps sheetData content in a worksheet.
func sheetXML(data string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + mainNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="20" customWidth="1"/></cols><sheetData>` + data + `</sheetData><mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
}

// handSheets are sheet XML shapes writers produce, and shapes the fast
// reader must hand to excelize; fast says whether it should read them
// alone.
var handSheets = []struct {
	name, xml string
	fast      bool
}{
	{"shared", sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>99</v></c><c r="H1" t="s"><v> 1</v></c><c r="I1" t="s"><v>x</v></c><c r="J1" t="s"><v>99999999999999999999</v></c></row>`), true},
	{"no refs", sheetXML(`<row><c t="s"><v>0</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c><v>1</v></c></row><row r="5"><c><v>5</v></c></row><row><c><v>6</v></c></row>`), true},
	{"gaps and order", sheetXML(`<row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row><row r="2"><c r="A2"><v>back</v></c></row><row r="7" spans="1:3" ht="20" customHeight="1"><c r="B7" s="3"><v>7</v></c></row><row r="7"><c r="A7"><v>again</v></c></row><row r="0"><c r="A1"><v>zero</v></c></row>`), true},
	{"prefixed", `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="str"><x:f>A1</x:f><x:v>前缀</x:v></x:c></x:row></x:sheetData></x:worksheet>`, true},
	{"inline rich", sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>一</t></r><r><t xml:space="preserve"> 二 </t></r></is></c><c r="B1" t="inlineStr"><is><t>t</t><r><t>r</t></r><rPh sb="0" eb="1"><t>ph</t></rPh></is></c><c r="C1" t="inlineStr"><is/></c><c r="D1" t="inlineStr"><v>v only</v></c><c r="E1" t="inlineStr"><is><t>a</t><t>b</t></is></c></row>`), true},
	{"entities", sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>a&amp;b &lt;c&gt; &quot;&apos; &#20013;&#x6587; &#xD800; &#13;</t></is></c><c r="B1" t="str"><v>x&#10;y</v></c><c r="C1"><v>1&#46;5</v></c><c r="D&#49;"><v>4</v></c></row>`), true},
	{"whitespace and comments", sheetXML("\n  <row r=\"1\">\n    <c r=\"A1\" t=\"inlineStr\">\n      <is>\n        <t>spaced\r\nlines\r</t>\n      </is>\n    </c>\n    <!-- a comment -->\n    <c r=\"B1\">\n      <v> 12 </v>\n    </c>\n  </row>\n  <!-- between rows -->\n  <row r=\"2\"><c r=\"A2\"><v><![CDATA[3]]></v></c><c r=\"B2\" t=\"str\"><v><![CDATA[<raw> & ]]></v></c></row>\n"), true},
	{"booleans errors", sheetXML(`<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>yes</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="n"><v>1e3</v></c><c r="F1" t="weird"><v>0x10</v></c><c r="G1"><v>Inf</v></c><c r="H1"><v>-0</v></c><c r="I1"><v>007</v></c><c r="J1"><v>1_000</v></c><c r="K1"><v>+5</v></c><c r="L1"><v>.5</v></c></row>`), true},
	{"formulas", sheetXML(`<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>4</v></c><c r="C1"><f>NOW()</f></c><c r="D1" t="str"><f ca="1">""</f><v></v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>8</v></c></row>`), true},
	{"styles", sheetXML(`<row r="1"><c r="A1" s="1"><v>45759</v></c><c r="B1" s="2"><v>45759.25</v></c><c r="C1" s="3"><v>123456789012</v></c><c r="D1" s="4" t="s"><v>0</v></c><c r="E1" s="5" t="s"><v>1</v></c><c r="F1" s="6"><v>0.125</v></c><c r="G1" s="99"><v>5</v></c><c r="H1" s="3" t="s"><v>2</v></c><c r="I1" s="2"/><c r="J1" s="5"/><c r="K1" s="6"><v>abc</v></c></row>`), false},
	{"empty", sheetXML(``), true},
	{"self-closing sheetData", `<worksheet ` + mainNS + `><sheetData/></worksheet>`, true},
	{"empty rows", sheetXML(`<row r="2"/><row r="4"></row><row r="5"><c r="A5"/><c r="B5" s="3"/></row><row r="6"><c r="A6"><v></v></c></row>`), true},
	{"date type", sheetXML(`<row r="1"><c r="A1" t="d"><v>2025-04-12T00:00:00Z</v></c></row>`), false},
	{"bad row number", sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row><row r="x"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`), false},
	{"bad cell ref", sheetXML(`<row r="1"><c r="1A"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>`), false},
	{"bad style", sheetXML(`<row r="1"><c r="A1" s="x"><v>1</v></c><c r="B1"><v>2</v></c></row>`), false},
	{"negative index", sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>-1</v></c></row>`), false},
	{"syntax error mid-way", sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c><bad <</row>`), false},
	{"row outside sheetData", `<worksheet ` + mainNS + `><foo><row r="1"><c r="A1"><v>1</v></c></row></foo><sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`, false},
	{"truncated", strings.TrimSuffix(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`), `</sheetData><mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`), false},
	{"truncated in cell", `<worksheet ` + mainNS + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v>`, false},
	{"rows after sheetData", `<worksheet ` + mainNS + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><extLst><row r="5"><c r="A5"><v>5</v></c></row></extLst></worksheet>`, false},
	{"huge row number", sheetXML(`<row r="1048576"><c r="A1048576"><v>last</v></c></row>`), true},
	{"far column", sheetXML(`<row r="1"><c r="XFD1"><v>last</v></c></row><row r="2"><c r="XFD2"><v>last</v></c><c r="A2"><v>past the limit</v></c></row>`), false},
	{"non-ASCII name", sheetXML(`<row r="1"><c r="A1"><v>1</v></c><é/></row>`), false},
	{"xmlns on cell", sheetXML(`<row r="1"><c r="A1" xmlns:s="urn:x"><v>1</v></c></row>`), false},
	{"cut entities", sheetXML(`<row r="1"><c r="A1" t="str"><v>&lt</v></c></row><row r="2"><c r="A2"><v>&amp</v></c></row>`), false},
	{"bom", "\ufeff" + sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`), true},
	{"odd tag spacing", sheetXML("<row\tr='1'\n><c\tr='A1'\r\ns='3't=\"s\"><v\n>0</v\t></c\n><c r = \"B1\" ><v >2</v ></c ></row >"), true},
	{"processing instruction", sheetXML(`<?gongshi note?><row r="1"><?pi?><c r="A1"><v>1</v></c></row>`), true},
	{"xml declaration only", `<?xml version='1.0' encoding='utf-8'?><worksheet ` + mainNS + `><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`, true},
	{"other encoding", `<?xml version="1.0" encoding="GB2312"?><worksheet ` + mainNS + `><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`, false},
	{"doctype", `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet ` + mainNS + `><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`, false},
	{"bstr escapes", sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>_x0041__x005f__x005F_x0042_ _xdfff_ _x12_ _X0041_</t></is></c><c r="B1" t="str"><v>_x0041_</v></c></row>`), true},
}

// TestFastXLSXHand compares the fast reader with excelize on hand-written
// sheet XML.
func TestFastXLSXHand(t *testing.T) {
	for _, tc := range handSheets {
		t.Run(tc.name, func(t *testing.T) {
			data := handBook(t, []string{tc.xml, sheetXML(`<row r="1"><c r="A1" t="s"><v>1</v></c></row>`)}, nil)
			st := compareRaw(t, tc.name, data)
			alone := st.used && len(st.handovers) == 0 && len(st.excelize) == 0
			if tc.fast && !alone {
				t.Errorf("not read by the fast reader alone: %+v", st)
			}
			if !tc.fast && alone {
				t.Errorf("read by the fast reader alone, expected a handover")
			}
		})
	}
}

// TestFastXLSXSharedStrings covers shared string parts: the large ones
// excelize reads from a temporary file, and broken ones.
func TestFastXLSXSharedStrings(t *testing.T) {
	var big strings.Builder
	big.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ` + mainNS + `>`)
	for i := 0; big.Len() < 4<<20+64<<10; i++ {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&big, `<si><t>第%d号 decision text that is long enough</t></si>`, i)
		case 1:
			big.WriteString(`<si><t/></si>`)
		case 2:
			fmt.Fprintf(&big, `<si><r><rPr><b/></rPr><t>rich %d</t></r><r><t> run</t></r></si>`, i)
		case 3:
			fmt.Fprintf(&big, `<si><t>%d</t><rPh sb="0" eb="1"><t>ph</t></rPh></si>`, i)
		default:
			big.WriteString(`<si><t xml:space="preserve"> _x0041_ </t></si>`)
		}
	}
	big.WriteString(`</sst>`)
	var refs strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&refs, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c></row>`, i+1, i+1, i, i+1, i*7919%30000)
	}
	refs.WriteString(`<row r="41"><c r="A41" t="s"><v>99999999</v></c><c r="B41" t="s"><v>1</v></c></row>`)
	cases := []struct {
		name, sst string
		fast      bool
	}{
		{"large", big.String(), true},
		{"none", "", true},
		{"empty", `<sst ` + mainNS + `/>`, true},
		{"wrong namespace", `<sst xmlns="urn:other"><si><t>x</t></si></sst>`, false},
		{"bad count", `<sst ` + mainNS + ` count="many"><si><t>x</t></si></sst>`, false},
		{"bad rPr", `<sst ` + mainNS + `><si><r><rPr><sz val="big"/></rPr><t>x</t></r></si></sst>`, false},
		{"bad rPh", `<sst ` + mainNS + `><si><t>x</t><rPh sb="-1"><t>y</t></rPh></si></sst>`, false},
		{"unknown elements", `<sst ` + mainNS + `><extLst><si><t>hidden</t></si></extLst><si><t>x</t><foo>bar<si/></foo></si></sst>`, true},
		{"truncated", `<sst ` + mainNS + `><si><t>x</t></si><si><t>y`, false},
		{"large truncated", big.String()[:big.Len()-1000], true},
		{"large broken", big.String()[:2<<20] + `<si><t>&bad;</t></si>` + big.String()[2<<20:], true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && len(tc.sst) > 1<<20 {
				t.Skip("large shared strings")
			}
			data := handBook(t, []string{sheetXML(refs.String())}, map[string]string{"xl/sharedStrings.xml": tc.sst})
			if tc.sst == "" {
				data = handBookNoSST(t, sheetXML(refs.String()))
			}
			st := compareRaw(t, tc.name, data)
			alone := st.used && len(st.handovers) == 0 && len(st.excelize) == 0
			if tc.fast && !alone {
				t.Errorf("not read by the fast reader alone: %+v", st)
			}
		})
	}
}

func handBookNoSST(t testing.TB, sheet string) []byte {
	data := handBook(t, []string{sheet}, nil)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	mustDo(t, err)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" {
			continue
		}
		mustDo(t, zw.Copy(f))
	}
	mustDo(t, zw.Close())
	return b.Bytes()
}

// TestFastXLSXRead compares what Read gives (rows, tables, diagnostics)
// with and without the fast reader.
func TestFastXLSXRead(t *testing.T) {
	books := map[string][]byte{}
	for name, data := range corpusFiles(t, ".xlsx") {
		books[name] = data
	}
	for _, tc := range writtenWorkbooks(t) {
		books[tc.name] = tc.data
	}
	for _, tc := range handSheets {
		books["hand "+tc.name] = handBook(t, []string{tc.xml}, nil)
	}
	for name, data := range books {
		compareRead(t, name, data)
	}
}

type readResult struct {
	Rows   []string
	Tables []string
	Diags  string
}

func readWith(data []byte, fast bool, headerOnly bool) readResult {
	defer func(old bool, min uint64) { fastXLSX, fastMinSheetBytes = old, min }(fastXLSX, fastMinSheetBytes)
	fastXLSX, fastMinSheetBytes = fast, 0
	fsys := fstest.MapFS{"data/cases/x.xlsx": {Data: data}}
	var res readResult
	tables, dl := read(fsys, "data/cases/x.xlsx", &fuzzSchema, nil, func(r value.Row) {
		res.Rows = append(res.Rows, fmt.Sprintf("%d %q", r.Line, r.Cells))
	}, headerOnly)
	for _, t := range tables {
		res.Tables = append(res.Tables, fmt.Sprintf("%+v", *t))
	}
	var b bytes.Buffer
	for _, d := range dl {
		fmt.Fprintln(&b, d)
	}
	res.Diags = b.String()
	return res
}

func compareRead(t testing.TB, name string, data []byte) {
	t.Helper()
	for _, headerOnly := range []bool{false, true} {
		want := readWith(data, false, headerOnly)
		got := readWith(data, true, headerOnly)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s (header only %v): Read differs with the fast reader:\n--- fast\n%+v\n--- excelize\n%+v", name, headerOnly, got, want)
		}
	}
}

// TestFastXLSXChunks reads sheets through readers that return one byte, or
// half of what is asked, at a time: tokens cut anywhere must read the same.
func TestFastXLSXChunks(t *testing.T) {
	var books [][]byte
	for _, tc := range handSheets {
		books = append(books, handBook(t, []string{tc.xml}, nil))
	}
	for _, tc := range writtenWorkbooks(t) {
		books = append(books, tc.data)
	}
	for _, data := range corpusFiles(t, ".xlsx") {
		books = append(books, data)
	}
	for _, data := range books {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		mustDo(t, err)
		fb, err := openFastBook(zr, bytes.NewReader(data), int64(len(data)), sheetParts(zr), false)
		if fb == nil || err != nil {
			continue
		}
		for _, sheet := range fb.sheets {
			part := fb.entries[sheet]
			if part == nil {
				continue
			}
			want := fastSheetRows(t, fb, part, func(r io.Reader) io.Reader { return r })
			for _, wrap := range []func(io.Reader) io.Reader{iotest.OneByteReader, iotest.HalfReader} {
				if got := fastSheetRows(t, fb, part, wrap); !reflect.DeepEqual(got, want) {
					t.Fatalf("sheet %q read in small pieces:\n%q\nwant\n%q", sheet, got, want)
				}
			}
		}
		fb.Close()
	}
}

// fastSheetRows reads a sheet with the fast reader alone, up to where it
// would hand over.
func fastSheetRows(t *testing.T, fb *fastBook, part *zip.File, wrap func(io.Reader) io.Reader) []string {
	rc, err := part.Open()
	mustDo(t, err)
	defer rc.Close()
	s := &fastSheet{b: fb, sc: newXMLScanner(wrap(rc), 0), rc: rc}
	var out []string
	for {
		more, ok := s.Next()
		if ok && more {
			var cells []string
			cells, ok = s.Columns()
			out = append(out, fmt.Sprintf("%q", cells))
		}
		if !ok {
			return append(out, "hand over")
		}
		if !more {
			return out
		}
	}
}
