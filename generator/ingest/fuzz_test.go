package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"
	"unicode/utf8"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// fuzzSchema is a small penalty-decision schema (records cannot be imported
// here): enough names, aliases, a joined column and a month matcher to reach
// every path of the header finder.
var fuzzSchema = value.Schema{Kind: "测试", MinMatch: 2, Columns: []value.Column{
	{Name: "行政相对人名称", Required: true, Aliases: []string{"当事人名称", "企业名称", "当事人"}},
	{Name: "行政处罚决定书文号", Required: true, Aliases: []string{"决定书文号", "处罚决定书号", "文书号"}},
	{Name: "处罚类别", Join: ";", Aliases: []string{"处罚类别1", "处罚类别2", "处罚种类"}},
	{Name: "罚款金额(万元)", Aliases: []string{"罚款金额"}},
	{Name: "处罚决定日期", Required: true, Aliases: []string{"处罚日期", "决定日期"}},
	{Name: "处罚机关", Required: true, Aliases: []string{"执法机关", "决定机关"}},
	{Name: "月份", Aliases: []string{"统计月份"}},
	{Name: "法定代表人", Aliases: []string{"法定代表人(负责人)"}},
}, IsHeader: func(s string) bool { _, err := value.ParseMonth(s, 2000); return err == nil }}

// corpusFiles returns the fixture files of testdata/corpus (not goldens).
func corpusFiles(tb testing.TB, exts ...string) map[string][]byte {
	out := map[string][]byte{}
	filepath.WalkDir("testdata/corpus", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext == ".diag" || ext == ".json" && filepath.Ext(strings.TrimSuffix(p, ext)) != "" {
			return nil
		}
		for _, e := range exts {
			if ext == e {
				b, err := os.ReadFile(p)
				if err != nil {
					tb.Fatal(err)
				}
				out[p] = b
			}
		}
		return nil
	})
	return out
}

func checkDiags(t *testing.T, dl diag.List) {
	t.Helper()
	for _, d := range dl {
		if !d.Pos.Valid() {
			t.Fatalf("invalid position: %v", d)
		}
		if d.Msg == "" {
			t.Fatalf("empty message at %v", d.Pos)
		}
	}
}

func checkRow(t *testing.T, r value.Row) {
	t.Helper()
	if r.Line < 1 {
		t.Fatalf("row line %d", r.Line)
	}
	for _, c := range r.Table.Columns {
		if c.Name != "" {
			if p := r.Pos(c.Name); !p.Valid() || p.Row != r.Line {
				t.Fatalf("bad position %v for %s in row %d", p, c.Name, r.Line)
			}
			_ = r.Value(c.Name)
		}
	}
	for _, f := range r.Extra() {
		if !utf8.ValidString(f.Value) {
			t.Fatalf("extra value is not UTF-8: %q", f.Value)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, b := range corpusFiles(f, ".csv", ".tsv", ".txt") {
		f.Add(b, false)
		f.Add(b, true)
	}
	for _, b := range csvBombs(f) {
		f.Add(b, false)
	}
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		name := "data/cases/x.csv"
		if tsv {
			name = "data/cases/x.tsv"
		}
		fsys := fstest.MapFS{name: {Data: data}}
		last := 0
		tables, dl := Read(fsys, name, &fuzzSchema, nil, func(r value.Row) {
			checkRow(t, r)
			if r.Line <= last || r.Line <= r.Table.HeaderRow {
				t.Fatalf("row %d after row %d (header %d)", r.Line, last, r.Table.HeaderRow)
			}
			last = r.Line
		})
		checkDiags(t, dl)
		for _, tb := range tables {
			if tb.HeaderRow < 1 {
				t.Fatalf("header row %d", tb.HeaderRow)
			}
		}
	})
}

func FuzzDetectEncoding(f *testing.F) {
	for _, b := range corpusFiles(f, ".csv", ".tsv", ".txt", ".xls", ".xlsx") {
		f.Add(b[:min(len(b), 2048)])
	}
	for _, b := range csvBombs(f) {
		f.Add(b[:min(len(b), 2048)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, enc, err := decode(bytes.NewReader(data))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		out, err := io.ReadAll(r)
		if err != nil {
			return
		}
		switch enc {
		case "gb18030", "utf-16le", "utf-16be":
			if !utf8.Valid(out) {
				t.Fatalf("%s decoder produced invalid UTF-8", enc)
			}
		case "utf-8", "utf-8-bom":
			// Mostly: a UTF-8 file's lines in another encoding are errors
			// of their cells.
			if len(data) <= 64<<10 && !utf8.Valid(trimPartialRune(out)) && !mostlyUTF8(out) {
				t.Fatalf("detected %s but the text is not UTF-8", enc)
			}
		default:
			t.Fatalf("unknown encoding %q", enc)
		}
		_ = mojibakeHint(string(out[:min(len(out), 4096)]))
	})
}

// FuzzXLSX feeds bytes to the workbook reader: excelize must not take the
// build down however broken the file.
func FuzzXLSX(f *testing.F) {
	for _, b := range corpusFiles(f, ".xlsx") {
		f.Add(b)
	}
	for _, b := range xlsxBombs(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		name := "data/cases/x.xlsx"
		fsys := fstest.MapFS{name: {Data: data}}
		_, dl := Read(fsys, name, &fuzzSchema, nil, func(r value.Row) { checkRow(t, r) })
		checkDiags(t, dl)
	})
}

// FuzzFastXLSX mutates worksheet XML inside a small valid workbook (with
// shared strings and number formats) and checks that the fast reader never
// panics and yields exactly excelize's rows: reading alone, or handing a
// sheet over to excelize part way.
func FuzzFastXLSX(f *testing.F) {
	for _, tc := range handSheets {
		f.Add([]byte(tc.xml))
	}
	for _, data := range corpusFiles(f, ".xlsx") {
		for _, x := range sheetsOf(f, data) {
			f.Add(x)
		}
	}
	for _, tc := range writtenWorkbooks(f) {
		for _, x := range sheetsOf(f, tc.data) {
			f.Add(x)
		}
	}
	for _, name := range []string{"far column", "long cell", "entity", "junk rows", "huge row number"} {
		for _, x := range sheetsOf(f, xlsxBombs(f)[name]) {
			f.Add(x)
		}
	}
	maxRawRows = 20000
	f.Fuzz(func(t *testing.T, sheet []byte) {
		data := handBook(t, []string{string(sheet)}, nil)
		compareRaw(t, "fuzzed sheet", data)
	})
}

// FuzzXMLScanner compares the fast reader's XML tokenizer with
// encoding/xml: up to where the scanner gives up (tokBad), both must see
// the same elements, attributes and decoded text, and end at the same
// place.
func FuzzXMLScanner(f *testing.F) {
	for _, tc := range handSheets {
		f.Add([]byte(tc.xml))
	}
	f.Add([]byte(fuzzSST))
	f.Add([]byte(`<a x='1' y="&amp;&#65;&#x42;"><b/>t&lt;e&gt;xt<![CDATA[c<d]]><!-- c --><?p i?></a>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		want := xmlTokens(data)
		got, bad := scanTokens(data)
		if bad {
			if len(got) > len(want) || !slices.Equal(got, want[:len(got)]) {
				t.Fatalf("tokens before giving up differ:\n%q\nencoding/xml:\n%q", got, want)
			}
			return
		}
		if !slices.Equal(got, want) {
			t.Fatalf("tokens differ:\n%q\nencoding/xml:\n%q", got, want)
		}
	})
}

// xmlTokens lists the tokens encoding/xml reads, as excelize's decoder is
// set up, up to the end or the first error; adjacent text is joined.
func xmlTokens(data []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) { return nil, errors.New("charset") }
	var out []string
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			s := "S " + tk.Name.Local
			for _, a := range tk.Attr {
				s += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, s)
		case xml.EndElement:
			out = append(out, "E "+tk.Name.Local)
		case xml.CharData:
			out = append(out, "T "+string(tk))
		}
	}
}

func scanTokens(data []byte) (out []string, bad bool) {
	sc := newXMLScanner(iotest.HalfReader(bytes.NewReader(data)), 0)
	defer sc.release()
	for {
		switch sc.next() {
		case tokStart:
			s := "S " + string(sc.local)
			for _, a := range sc.attrs {
				s += fmt.Sprintf(" %s=%q", a.local, a.value)
			}
			out = append(out, s)
			if sc.self {
				out = append(out, "E "+string(sc.local))
			}
		case tokEnd:
			out = append(out, "E "+string(sc.local))
		case tokText:
			out = append(out, "T "+string(sc.text))
		case tokEOF:
			return out, false
		default:
			return out, true
		}
	}
}

// FuzzXMLText compares text and attribute decoding with encoding/xml.
func FuzzXMLText(f *testing.F) {
	for _, s := range []string{"plain", "a&amp;b", "&#20013;&#x6587;", "&lt", "x]]>y", "\r\n\r", "\x00", "\xef\xbf\xbe", "\xed\xa0\x80", "&#xD800;", "&#0;", "&#1114111;", "&#1114112;", "&apos;&quot;", "全角（）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "<\"") {
			return
		}
		for _, doc := range []struct {
			xml   string
			quote int
		}{{"<v>" + s + "</v>", -1}, {`<v a="` + s + `"/>`, '"'}} {
			want := xmlTokens([]byte(doc.xml))
			dec, rewritten, ok := decodeXMLText(nil, []byte(s), doc.quote)
			got := s
			if rewritten {
				got = string(dec)
			}
			wantOK := len(want) >= 2
			if ok != wantOK {
				t.Fatalf("%q in %q: ok %v, encoding/xml %q", s, doc.xml, ok, want)
			}
			if !ok {
				continue
			}
			w := want[1]
			if doc.quote < 0 {
				if s == "" {
					continue // no text token
				}
				if w != "T "+got {
					t.Fatalf("%q: decoded %q, encoding/xml %q", s, got, w)
				}
			} else if want[0] != fmt.Sprintf("S v a=%q", got) {
				t.Fatalf("%q: decoded %q, encoding/xml %q", s, got, want[0])
			}
			if p := plainText([]byte(s)); p && (rewritten || doc.quote < 0 && strings.Contains(s, "]")) {
				t.Fatalf("%q: plainText but needs decoding", s)
			}
		}
	})
}

// FuzzSharedStrings mutates the shared string part of a workbook
// whose sheet refers to its items.
func FuzzSharedStrings(f *testing.F) {
	f.Add([]byte(fuzzSST))
	f.Add([]byte(`<sst ` + mainNS + `><si><t>a</t></si><si><r><t>b</t></r><r><rPr><b val="1"/><color theme="1" tint="-0.5"/></rPr><t>c</t></r></si></sst>`))
	var refs strings.Builder
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&refs, `<c r="%c1" t="s"><v>%d</v></c>`, 'A'+i, i)
	}
	sheet := sheetXML(`<row r="1">` + refs.String() + `</row><row r="2"><c r="A2" s="3" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><r><rPr><sz val="9"/></rPr><t>inline</t></r></is></c></row>`)
	f.Fuzz(func(t *testing.T, sst []byte) {
		data := handBook(t, []string{sheet}, map[string]string{"xl/sharedStrings.xml": string(sst)})
		compareRaw(t, "fuzzed shared strings", data)
	})
}

// sheetsOf returns the worksheet parts of a workbook.
func sheetsOf(tb testing.TB, data []byte) [][]byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, b)
		}
	}
	return out
}

// sliceSource serves rows from memory with spreadsheet row numbers, as an
// XLSX sheet does (blank rows included).
type sliceSource struct {
	rows [][]string
	i    int
}

func (s *sliceSource) next() ([]string, int, error) {
	if s.i >= len(s.rows) {
		return nil, 0, io.EOF
	}
	s.i++
	return s.rows[s.i-1], s.i, nil
}

var cellSplit = regexp.MustCompile(`[\t|]`)

// FuzzXLSXTable fuzzes the table finder on sheet contents (rows split on
// newlines, cells on tabs or |): title rows, header detection, repeated
// headers, totals and notes, with XLSX cell names.
func FuzzXLSXTable(f *testing.F) {
	f.Add("清溪镇2025年行政处罚公示\n\n当事人名称\t决定书文号\t处罚日期\t执法机关\t罚款金额(元)\n甲\t1号\t2025-04-12\t镇政府\t100\n合计\t\t\t\t100\n制表人：张三")
	f.Add("|3月|4月|合计\n来访|1|2|3\n合计|1|2|3")
	f.Add("当事人名称|决定书文号|处罚类别1|处罚类别2|处罚类别1\n甲|1|警告|罚款|x\n当事人名称|决定书文号\n第1页，共2页\n小计|||\n")
	for _, b := range corpusFiles(f, ".csv", ".tsv") {
		if r, _, err := decode(bytes.NewReader(b)); err == nil {
			if s, err := io.ReadAll(r); err == nil {
				f.Add(strings.ReplaceAll(string(s), ",", "\t"))
			}
		}
	}
	f.Fuzz(func(t *testing.T, sheet string) {
		if !utf8.ValidString(sheet) {
			return // excelize returns UTF-8
		}
		var rows [][]string
		for _, line := range strings.Split(sheet, "\n") {
			rows = append(rows, cellSplit.Split(line, -1))
		}
		tb := &value.Table{File: "data/stats/x.xlsx", Format: "xlsx"}
		b := newBudget(tb.File, nil)
		ok := scan(tb, &sliceSource{rows: rows}, &fuzzSchema, func(r value.Row) {
			checkRow(t, r)
			for i := range r.Cells {
				if p := tb.Pos(r.Line, i); p.Cell == "" || !p.Valid() {
					t.Fatalf("bad cell position %v", p)
				}
			}
		}, b, false)
		checkDiags(t, b.finish())
		if ok && (tb.HeaderRow < 1 || tb.HeaderRow > len(rows)) {
			t.Fatalf("header row %d of %d", tb.HeaderRow, len(rows))
		}
		if ok && tb.Rows+tb.Skipped > len(rows)-tb.HeaderRow {
			t.Fatalf("%d rows + %d skipped after header %d of %d", tb.Rows, tb.Skipped, tb.HeaderRow, len(rows))
		}
	})
}
