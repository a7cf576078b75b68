package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// The bombs and damaged files of this file are made small enough to run
// in every go test: each stands for a larger one of the same shape, and
// the fuzz targets are seeded with them (bombSeeds).

const boundsHeader = "当事人名称,决定书文号,处罚日期,执法机关"

// boundsRow is data row i of a table with boundsHeader.
func boundsRow(i int) []string {
	return []string{fmt.Sprintf("甲%d", i), fmt.Sprintf("清溪综执罚〔2025〕%d号", i), "2025-04-12", "清溪镇人民政府"}
}

// rowXML writes a sheet row of inline strings.
func rowXML(r int, cells []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for i, c := range cells {
		fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, value.CellName(i, r), c)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// tableSheet is the sheet XML of a header and n data rows; between(r)
// is written after row r.
func tableSheet(n int, between func(r int) string) string {
	var b strings.Builder
	b.WriteString(rowXML(1, strings.Split(boundsHeader, ",")))
	for i := 1; i <= n; i++ {
		b.WriteString(rowXML(i+1, boundsRow(i)))
		if between != nil {
			b.WriteString(between(i + 1))
		}
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + mainNS + `><sheetData>` + b.String() + `</sheetData></worksheet>`
}

// deflated rewrites a workbook with its parts deflated, and extra parts
// (made by functions, so that large ones stream) added.
func deflated(t testing.TB, data []byte, extra map[string]func(io.Writer)) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	mustDo(t, err)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		mustDo(t, err)
		rc, err := f.Open()
		mustDo(t, err)
		_, err = io.Copy(w, rc)
		mustDo(t, err)
		rc.Close()
	}
	for _, name := range sortedKeys(extra) {
		w, err := zw.Create(name)
		mustDo(t, err)
		extra[name](w)
	}
	mustDo(t, zw.Close())
	return b.Bytes()
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// spaces writes n blanks.
func spaces(n int) func(io.Writer) {
	return func(w io.Writer) {
		buf := bytes.Repeat([]byte{' '}, 64<<10)
		for n > 0 {
			k := min(n, len(buf))
			w.Write(buf[:k])
			n -= k
		}
	}
}

// readResult is what reading a file gave.
type boundsResult struct {
	rows  []int // the rows passed, by spreadsheet row number
	diags diag.List
}

func (r boundsResult) errors() []string {
	var out []string
	for _, d := range r.diags {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// readBounds reads a file with fuzzSchema, with and without the fast
// XLSX reader (both are reachable), and returns the fast reader's result
// after checking that both agree.
func readBounds(t *testing.T, name string, data []byte, rowErr bool) boundsResult {
	t.Helper()
	run := func(fast bool) boundsResult {
		defer func(old bool, min uint64) { fastXLSX, fastMinSheetBytes = old, min }(fastXLSX, fastMinSheetBytes)
		fastXLSX, fastMinSheetBytes = fast, 0
		var res boundsResult
		var rows diag.List
		_, dl := Read(fstest.MapFS{name: {Data: data}}, name, &fuzzSchema, &rows, func(r value.Row) {
			res.rows = append(res.rows, r.Line)
			if rowErr {
				rows.Errorf(r.Table.Pos(r.Line, 0), "bad", "cell %q is not a party", r.Cells[0])
			}
		})
		res.diags = append(dl, rows...)
		res.diags.Sort()
		checkDiags(t, res.diags)
		return res
	}
	got := run(true)
	if strings.HasSuffix(name, ".xlsx") {
		if slow := run(false); fmt.Sprint(slow) != fmt.Sprint(got) {
			t.Errorf("the readers differ:\n--- fast\n%v\n--- excelize\n%v", got, slow)
		}
	}
	return got
}

// wantError fails unless an error names want: the file must not load
// with rows missing and no error.
func wantError(t *testing.T, res boundsResult, want string) {
	t.Helper()
	errs := res.errors()
	if len(errs) == 0 {
		t.Fatalf("%d rows read, and no error", len(res.rows))
	}
	if !strings.Contains(strings.Join(errs, "\n"), want) {
		t.Fatalf("errors %q, want one containing %q", errs, want)
	}
}

func TestDamagedWorkbookIsAnError(t *testing.T) {
	for _, tc := range []struct {
		name string
		data func(t *testing.T) []byte
		want string // in an error; "" when every row must be read
	}{
		{"checksum mismatch in the sheet", func(t *testing.T) []byte {
			data := handBook(t, []string{tableSheet(300, nil)}, nil)
			i := bytes.Index(data, []byte("甲150<"))
			data[i+len("甲150")-1] = '6' // 甲156: the stored CRC does not match
			return data
		}, "x.xlsx: error: not a readable .xlsx workbook: part xl/worksheets/sheet1.xml is damaged (its checksum does not match"},
		{"undefined entity in a cell", func(t *testing.T) []byte {
			sheet := strings.Replace(tableSheet(3, nil), "甲2<", "甲&nbsp;2<", 1)
			return handBook(t, []string{sheet}, nil)
		}, "x.xlsx:3:1: error: worksheet xl/worksheets/sheet1.xml is damaged here (XML error on line 2 of the part: invalid character entity &nbsp;)"},
		{"undefined entity in a large sheet", func(t *testing.T) []byte {
			sheet := strings.Replace(tableSheet(3000, nil), "甲2000<", "甲&nbsp;2000<", 1)
			return handBook(t, []string{sheet}, nil)
		}, "x.xlsx:2001:1: error: worksheet xl/worksheets/sheet1.xml is damaged here (XML error on line 2 of the part: invalid character entity &nbsp;)"},
		{"malformed XML in a row", func(t *testing.T) []byte {
			sheet := strings.Replace(tableSheet(3, nil), `<c r="B3"`, `<c r="B3" <`, 1)
			return handBook(t, []string{sheet}, nil)
		}, "x.xlsx:3:"},
		{"sheet cut short", func(t *testing.T) []byte {
			sheet := tableSheet(3, nil)
			return handBook(t, []string{sheet[:strings.Index(sheet, "<row r=\"4\"")+20]}, nil)
		}, "x.xlsx:4:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readBounds(t, "data/cases/x.xlsx", tc.data(t), false)
			wantError(t, res, tc.want)
		})
	}
}

func TestLimitsOfWorkbooks(t *testing.T) {
	for _, tc := range []struct {
		name string
		data func(t *testing.T) []byte
		want string
	}{
		{"document properties bomb", func(t *testing.T) []byte {
			return deflated(t, handBook(t, []string{tableSheet(3, nil)}, nil), map[string]func(io.Writer){"docProps/app.xml": spaces(MaxOtherPartsBytes + 1)})
		}, "MaxOtherPartsBytes; docProps/app.xml alone to 64.0 MiB"},
		{"blank space between rows", func(t *testing.T) []byte {
			pad := strings.Repeat(" ", MaxXMLRun+1)
			return deflated(t, handBook(t, []string{tableSheet(300, func(r int) string {
				if r == 3 {
					return pad
				}
				return ""
			})}, nil), nil)
		}, "between two tags from byte"},
		{"expanding sheet", func(t *testing.T) []byte {
			pad := strings.Repeat("<x/>", expansionFloor/4)
			return deflated(t, handBook(t, []string{tableSheet(3, func(int) string { return pad })}, nil), nil)
		}, "past MaxExpansion"},
		{"worksheets together", func(t *testing.T) []byte {
			// Two sheets declaring 600 MiB each from 4 MiB: within
			// MaxExpansion each, past MaxSheetBytes together. Their data
			// is never decompressed.
			data := handBook(t, []string{tableSheet(3, nil)}, nil)
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			mustDo(t, err)
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			for _, f := range zr.File {
				mustDo(t, zw.Copy(f))
			}
			junk := bytes.Repeat([]byte{0xA5}, 4<<20)
			for _, name := range []string{"xl/worksheets/sheet7.xml", "xl/worksheets/sheet8.xml"} {
				w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(len(junk)), UncompressedSize64: 600 << 20})
				mustDo(t, err)
				_, err = w.Write(junk)
				mustDo(t, err)
			}
			mustDo(t, zw.Close())
			return b.Bytes()
		}, "the worksheets decompress to more than 1 GiB (MaxSheetBytes; xl/worksheets/sheet8.xml alone to 600 MiB)"},
		{"cell past the last column", func(t *testing.T) []byte {
			return handBook(t, []string{tableSheet(300, func(r int) string {
				if r != 301 {
					return ""
				}
				var b strings.Builder
				for r := 400; r < 700; r++ {
					fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>乙</t></is></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r)
				}
				return b.String()
			})}, nil)
		}, "x.xlsx:400:16384: error: a value in column 16384, past the 1024 columns"},
		{"cell past Excel's length", func(t *testing.T) []byte {
			return handBook(t, []string{strings.Replace(tableSheet(3, nil), "甲2<", strings.Repeat("甲", MaxCellChars+1)+"<", 1)}, nil)
		}, "x.xlsx:3:1: error: cell holds 32768 characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readBounds(t, "data/cases/x.xlsx", tc.data(t), false)
			wantError(t, res, tc.want)
		})
	}
}

func TestSharedStringsAreCounted(t *testing.T) {
	// More than MaxSharedStrings items, streamed: a workbook holding them
	// is past MaxExpansion too, so the guard is tested alone.
	item := []byte("<si/>")
	n := 0
	r := iotestReader(func(p []byte) int {
		if n > MaxSharedStrings+1 {
			return 0
		}
		k := 0
		for ; k+len(item) <= len(p) && n <= MaxSharedStrings+1; k += len(item) {
			copy(p[k:], item)
			n++
		}
		return k
	})
	g := &xmlGuard{r: r, part: "xl/sharedStrings.xml", limit: 1 << 40, countSI: true}
	_, err := io.Copy(io.Discard, g)
	if err == nil || !strings.Contains(err.Error(), "(MaxSharedStrings)") {
		t.Errorf("err = %v, want the MaxSharedStrings limit", err)
	}
	if g.items != MaxSharedStrings+1 {
		t.Errorf("counted %d items", g.items)
	}
}

// iotestReader reads what fill writes, until it writes nothing.
type iotestReader func(p []byte) int

func (f iotestReader) Read(p []byte) (int, error) {
	if n := f(p); n > 0 {
		return n, nil
	}
	return 0, io.EOF
}

func TestTooManyErrorsStopsReading(t *testing.T) {
	var b strings.Builder
	b.WriteString(boundsHeader + "\n")
	for i := 0; i < 100000; i++ {
		b.WriteString("1\n")
	}
	res := readBounds(t, "data/cases/x.csv", []byte(b.String()), true)
	if len(res.rows) != MaxErrors {
		t.Errorf("%d rows read, want reading to stop after %d", len(res.rows), MaxErrors)
	}
	first := res.diags[0]
	if first.Code != "too-many-errors" || first.Pos.Row != 0 || !strings.Contains(first.Msg, fmt.Sprintf("at row %d after %d errors", MaxErrors+2, MaxErrors)) {
		t.Errorf("first diagnostic %v, want the stop at row %d, listed first", first, MaxErrors+2)
	}
}

func TestDiagnosticsAreCappedAndClipped(t *testing.T) {
	// Repeated header rows are notes, not errors: they do not stop
	// reading, and only the first MaxDiagnostics are kept.
	var b strings.Builder
	b.WriteString(boundsHeader + "\n")
	for i := 0; i < 3*MaxDiagnostics; i++ {
		b.WriteString(boundsHeader + "\n")
	}
	b.WriteString(strings.Join(boundsRow(1), ",") + "\n")
	res := readBounds(t, "data/cases/x.csv", []byte(b.String()), false)
	if len(res.rows) != 1 || len(res.diags) != MaxDiagnostics+1 {
		t.Fatalf("%d rows, %d diagnostics; want 1 and %d", len(res.rows), len(res.diags), MaxDiagnostics+1)
	}
	if d := res.diags[0]; d.Code != "more-diagnostics" || !strings.HasPrefix(d.Msg, "2000 more diagnostics") || d.Severity != diag.Info {
		t.Errorf("summary %v", d)
	}
	// A long cell quoted by a row's message is clipped.
	long := strings.Repeat("长", 100000)
	res = readBounds(t, "data/cases/x.csv", []byte(boundsHeader+"\n"+long+",1号,2025-04-12,镇\n"), true)
	msg := strings.Join(res.errors(), "\n")
	if want := `cell "` + strings.Repeat("长", MaxQuoted) + `…" is not a party`; !strings.Contains(msg, want) {
		t.Errorf("message %q, want it clipped to %q", msg, want)
	}
}

func TestClipQuoted(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`short "abc" stays`, `short "abc" stays`},
		{`x "` + strings.Repeat("a", 70) + `" y "b"`, `x "` + strings.Repeat("a", 60) + `…" y "b"`},
		{`escapes "` + strings.Repeat("a", 59) + `\"bc` + `" end`, `escapes "` + strings.Repeat("a", 59) + `…" end`},
		{`unclosed "` + strings.Repeat("a", 70), `unclosed "` + strings.Repeat("a", 60) + `…`},
	} {
		if got := clipQuoted(tc.in, 60); got != tc.want {
			t.Errorf("clipQuoted(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLineEnds(t *testing.T) {
	rows := []string{boundsHeader, strings.Join(boundsRow(1), ","), strings.Join(boundsRow(2), ","), strings.Join(boundsRow(3), ",")}
	for _, tc := range []struct{ name, sep string }{
		{"LF", "\n"}, {"CRLF", "\r\n"}, {"CR alone", "\r"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readBounds(t, "data/cases/x.csv", []byte(strings.Join(rows, tc.sep)+tc.sep), false)
			if fmt.Sprint(res.rows) != "[2 3 4]" || len(res.errors()) > 0 {
				t.Errorf("rows %v, errors %q; want rows 2 to 4", res.rows, res.errors())
			}
		})
		t.Run(tc.name+" in GBK", func(t *testing.T) {
			gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Join(rows, tc.sep) + tc.sep)
			mustDo(t, err)
			res := readBounds(t, "data/cases/x.csv", []byte(gbk), false)
			if fmt.Sprint(res.rows) != "[2 3 4]" || len(res.errors()) > 0 {
				t.Errorf("rows %v, errors %q; want rows 2 to 4", res.rows, res.errors())
			}
		})
	}
	// A quoted cell's line break is kept inside the cell.
	res := readBounds(t, "data/cases/x.csv", []byte(boundsHeader+"\r\"甲\r乙\",1号,2025-04-12,镇\r丙,2号,2025-04-12,镇\r"), false)
	if fmt.Sprint(res.rows) != "[2 3]" {
		t.Errorf("rows %v, want 2 and 3", res.rows)
	}
}

func TestLongLineStopsReading(t *testing.T) {
	data := boundsHeader + "\n" + strings.Join(boundsRow(1), ",") + "\n" + strings.Repeat("x", MaxLineBytes+1) + "\n"
	res := readBounds(t, "data/cases/x.csv", []byte(data), false)
	wantError(t, res, "x.csv:3: error: line 3 is longer than 16 MiB (MaxLineBytes)")
}

func TestMixedEncodingsAreErrors(t *testing.T) {
	rows := []string{boundsHeader, strings.Join(boundsRow(1), ","), strings.Join(boundsRow(2), ","), strings.Join(boundsRow(3), ",")}
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		mustDo(t, err)
		return b
	}
	for _, tc := range []struct {
		name, data, want string
	}{
		{"GBK file with a UTF-8 row", gbk(rows[0]+"\n"+rows[1]+"\n") + rows[2] + "\n" + gbk(rows[3]+"\n"), "x.csv:3:1: error: this row is UTF-8 text inside a GB18030 (GBK) file"},
		{"UTF-8 file with a GBK row", rows[0] + "\n" + rows[1] + "\n" + gbk(rows[2]+"\n") + rows[3] + "\n", "x.csv:3:1: error: cell is not valid text in utf-8"},
		{"GBK file with a UTF-8 row far down", gbk(rows[0]+"\n"+strings.Repeat(rows[1]+"\n", 3000)) + rows[2] + "\n", "x.csv:3002:1: error: this row is UTF-8 text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readBounds(t, "data/cases/x.csv", []byte(tc.data), false)
			wantError(t, res, tc.want)
		})
	}
}

func TestEncryptedWorkbook(t *testing.T) {
	res := readBounds(t, "data/cases/x.xlsx", encryptedCFB(), false)
	wantError(t, res, "x.xlsx: error: encrypted/password-protected workbook: save it without a password")
	// An OLE file without those streams is an old .xls.
	res = readBounds(t, "data/cases/x.xlsx", cfb("Workbook"), false)
	if errs := res.errors(); len(errs) != 1 || !strings.Contains(errs[0], ".xls") {
		t.Errorf("errors %q, want the old-.xls message", errs)
	}
}

// encryptedCFB is the smallest OLE compound file that Excel's password
// protection gives the shape of: a root storage holding the streams
// EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO), here empty.
func encryptedCFB() []byte { return cfb("EncryptionInfo", "EncryptedPackage") }

// cfb writes a version 3 compound file (512-byte sectors) whose root
// storage holds empty streams with the given names: a header, one FAT
// sector and one directory sector.
func cfb(streams ...string) []byte {
	const (
		free       = 0xFFFFFFFF
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
	)
	le := binary.LittleEndian
	head := make([]byte, 512)
	copy(head, oleMagic)
	le.PutUint16(head[0x18:], 0x3E)   // minor version
	le.PutUint16(head[0x1A:], 3)      // major version
	le.PutUint16(head[0x1C:], 0xFFFE) // byte order
	le.PutUint16(head[0x1E:], 9)      // 512-byte sectors
	le.PutUint16(head[0x20:], 6)      // 64-byte mini sectors
	le.PutUint32(head[0x2C:], 1)      // FAT sectors
	le.PutUint32(head[0x30:], 1)      // first directory sector
	le.PutUint32(head[0x38:], 4096)   // mini stream cutoff
	le.PutUint32(head[0x3C:], endOfChain)
	le.PutUint32(head[0x44:], endOfChain)
	for i := 0; i < 109; i++ {
		le.PutUint32(head[0x4C+4*i:], free)
	}
	le.PutUint32(head[0x4C:], 0) // the FAT is sector 0
	fat := make([]byte, 512)
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain)
	dir := make([]byte, 512)
	entry := func(i int, name string, typ byte, child, right uint32) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*(len(u)+1)))
		e[0x42] = typ
		e[0x43] = 1 // black
		le.PutUint32(e[0x44:], noStream)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], endOfChain)
	}
	entry(0, "Root Entry", 5, 1, noStream)
	for i, s := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		entry(i+1, s, 2, noStream, right)
	}
	for i := len(streams) + 1; i < 4; i++ {
		le.PutUint32(dir[128*i+0x44:], noStream)
		le.PutUint32(dir[128*i+0x48:], noStream)
		le.PutUint32(dir[128*i+0x4C:], noStream)
	}
	return append(append(head, fat...), dir...)
}

// xlsxBombs are small workbooks of each hostile or damaged shape: past a
// limit, damaged, or encrypted. They seed the fuzz targets. Made once: the
// compressed bombs take a second to deflate.
func xlsxBombs(tb testing.TB) map[string][]byte {
	bombsOnce.Do(func() { bombs = makeXLSXBombs(tb) })
	return bombs
}

var (
	bombsOnce sync.Once
	bombs     map[string][]byte
)

func makeXLSXBombs(tb testing.TB) map[string][]byte {
	farColumn := tableSheet(3, func(r int) string {
		if r != 4 {
			return ""
		}
		var b strings.Builder
		for r := 10; r < 30; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
		}
		return b.String()
	})
	crc := handBook(tb, []string{tableSheet(300, nil)}, nil)
	i := bytes.Index(crc, []byte("甲150<"))
	crc[i+len("甲150")-1] = '6'
	return map[string][]byte{
		"document properties": deflated(tb, handBook(tb, []string{tableSheet(3, nil)}, nil), map[string]func(io.Writer){"docProps/app.xml": spaces(MaxOtherPartsBytes + 1)}),
		"blank space": deflated(tb, handBook(tb, []string{tableSheet(30, func(r int) string {
			if r == 3 {
				return strings.Repeat(" ", MaxXMLRun+1)
			}
			return ""
		})}, nil), nil),
		"expansion":  deflated(tb, handBook(tb, []string{tableSheet(3, func(int) string { return strings.Repeat("<x/>", expansionFloor/8) })}, nil), nil),
		"far column": handBook(tb, []string{farColumn}, nil),
		"long cell":  handBook(tb, []string{strings.Replace(tableSheet(3, nil), "甲2<", strings.Repeat("甲", MaxCellChars+1)+"<", 1)}, nil),
		"checksum":   crc,
		"entity":     handBook(tb, []string{strings.Replace(tableSheet(3, nil), "甲2<", "甲&nbsp;2<", 1)}, nil),
		"encrypted":  encryptedCFB(),
		"junk rows": handBook(tb, []string{tableSheet(3, func(r int) string {
			return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r+5000, r+5000, r)
		})}, nil),
		"huge row number": handBook(tb, []string{tableSheet(3, func(r int) string {
			return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>1</v></c></row>`, r+MaxRows, r+MaxRows)
		})}, nil),
	}
}

// csvBombs are small text files of each hostile or damaged shape.
func csvBombs(tb testing.TB) map[string][]byte {
	rows := []string{boundsHeader, strings.Join(boundsRow(1), ","), strings.Join(boundsRow(2), ","), strings.Join(boundsRow(3), ",")}
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		mustDo(tb, err)
		return b
	}
	return map[string][]byte{
		"ones":      []byte(boundsHeader + "\n" + strings.Repeat("1\n", 20000)),
		"CR alone":  []byte(strings.Join(rows, "\r") + "\r"),
		"GBK+UTF-8": []byte(gbk(rows[0]+"\n"+rows[1]+"\n") + rows[2] + "\n" + gbk(rows[3]+"\n")),
		"UTF-8+GBK": []byte(rows[0] + "\n" + rows[1] + "\n" + gbk(rows[2]+"\n") + rows[3] + "\n"),
		"wide":      []byte(boundsHeader + strings.Repeat(",", MaxColumns+10) + "x\n" + strings.Join(boundsRow(1), ",") + strings.Repeat(",", MaxColumns+10) + "x\n"),
		"long cell": []byte(boundsHeader + "\n" + strings.Repeat("长", MaxCellChars+1) + ",1号,2025-04-12,镇\n"),
		"repeats":   []byte(strings.Repeat(boundsHeader+"\n", 3*MaxDiagnostics)),
	}
}

// TestBombsFailFast reads each bomb once: each is an error, found without
// reading the file through.
func TestBombsFailFast(t *testing.T) {
	for name, data := range xlsxBombs(t) {
		t.Run(name, func(t *testing.T) {
			res := readBounds(t, "data/cases/x.xlsx", data, name == "junk rows")
			if len(res.errors()) == 0 {
				t.Errorf("no error; %d rows", len(res.rows))
			}
		})
	}
	for name, data := range csvBombs(t) {
		t.Run(name, func(t *testing.T) {
			res := readBounds(t, "data/cases/x.csv", data, name == "ones")
			if name == "CR alone" || name == "repeats" {
				if len(res.errors()) > 0 {
					t.Errorf("errors %q", res.errors())
				}
				return
			}
			if len(res.errors()) == 0 {
				t.Errorf("no error; %d rows", len(res.rows))
			}
		})
	}
}

// TestXMLGuardWhateverTheReads: MaxXMLRun bytes between two '<' pass and
// one more fails, at the run's start, however the input is cut into reads.
func TestXMLGuardWhateverTheReads(t *testing.T) {
	for _, run := range []int{MaxXMLRun, MaxXMLRun + 1} {
		// The run is "b>" and the blanks after it: it starts at byte 5004.
		data := []byte("<a>" + strings.Repeat("x", 5000) + "<b>" + strings.Repeat(" ", run-2) + "<c/>")
		for _, chunk := range []int{1, 4096, 64 << 10, 2 << 20} {
			g := &xmlGuard{r: &chunkReader{data: data, n: chunk}, part: "p", limit: uint64(len(data))}
			_, err := io.Copy(io.Discard, struct{ io.Reader }{g})
			if (err != nil) != (run > MaxXMLRun) {
				t.Errorf("run %d, reads of %d: err %v", run, chunk, err)
			}
			if err != nil && !strings.Contains(err.Error(), "from byte 5004 on") {
				t.Errorf("run %d, reads of %d: %v, want the run's start, byte 5004", run, chunk, err)
			}
		}
	}
}

// chunkReader reads data n bytes at a time.
type chunkReader struct {
	data []byte
	n    int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.data)
	c.data = c.data[k:]
	return k, nil
}

// TestUnclosedQuoteStopsReading: a quoted cell that is never closed makes
// the rest of the file one record, line after line; reading stops past
// MaxRecordBytes, whatever the lines' lengths.
func TestUnclosedQuoteStopsReading(t *testing.T) {
	line := strings.Repeat("x", 1000) + "\n"
	data := boundsHeader + "\n" + strings.Join(boundsRow(1), ",") + "\n\"" + strings.Repeat(line, MaxRecordBytes/len(line)+10)
	res := readBounds(t, "data/cases/x.csv", []byte(data), false)
	wantError(t, res, "a record is longer than 16 MiB (MaxRecordBytes)")
}

// TestUnclosedQuoteIsNamed: a quote left open in a small file swallows the
// rows after it into one cell; the error says so.
func TestUnclosedQuoteIsNamed(t *testing.T) {
	row := strings.Join(boundsRow(2), ",") + "\n"
	data := boundsHeader + "\n" + strings.Join(boundsRow(1), ",") + "\n\"" + strings.Repeat(row, 1000)
	res := readBounds(t, "data/cases/x.csv", []byte(data), false)
	wantError(t, res, "a quote (\") opened in this cell is probably never closed")
}

// TestManySheetsStayOutOfMemory: excelize holds a worksheet in memory up
// to UnzipXMLSizeLimit, so a workbook of many sheets gets a limit that
// keeps them all within inMemoryPartsBytes, and its sheets still read.
func TestManySheetsStayOutOfMemory(t *testing.T) {
	for _, n := range []int{1, 3, 300} {
		sheets := make([]string, n)
		for i := range sheets {
			sheets[i] = tableSheet(3, nil)
		}
		data := handBook(t, sheets, nil)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		mustDo(t, err)
		limit := unzipLimit(zr)
		parts := int64(n + 1) // the worksheets and the shared strings
		if limit*parts > inMemoryPartsBytes || n < 10 && limit != xlsxOptions.UnzipXMLSizeLimit {
			t.Errorf("%d sheets: UnzipXMLSizeLimit %d", n, limit)
		}
		res := readBounds(t, "data/cases/x.xlsx", data, false)
		if len(res.errors()) > 0 || len(res.rows) != 3*n {
			t.Errorf("%d sheets: %d rows, errors %q", n, len(res.rows), res.errors())
		}
	}
}
