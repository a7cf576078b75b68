package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"gongshi/generator/diag"
)

// headerScanRows is how far down a sheet the header row is looked for.
const headerScanRows = 30

// Formats lists the file extensions ingest reads.
var Formats = []string{".csv", ".tsv", ".txt", ".xlsx", ".json"}

// Supported reports whether a file name has an extension ingest reads, or one
// it recognises well enough to reject with a hint (".xls").
func Supported(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, f := range Formats {
		if ext == f {
			return true
		}
	}
	return ext == ".xls" || ext == ".et"
}

// Read reads every table of the named file that matches the schema and calls
// fn for each data row. It returns the tables found and the diagnostics.
func Read(fsys fs.FS, name string, s *Schema, fn func(Row)) ([]*Table, diag.List) {
	var dl diag.List
	file := diag.Pos{File: name}
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".xls", ".et":
		dl.Errorf(file, "xls", "the old Excel .xls format cannot be read: open it in Excel or WPS and save as .xlsx or CSV (UTF-8)")
		return nil, dl
	case ".xlsx":
		return readXLSX(fsys, name, s, fn)
	case ".json":
		return readJSON(fsys, name, s, fn)
	}
	f, err := fsys.Open(name)
	if err != nil {
		dl.Errorf(file, "open", "%v", err)
		return nil, dl
	}
	defer f.Close()
	r, enc, err := decode(f)
	if err != nil {
		dl.Errorf(file, "encoding", "%v", err)
		return nil, dl
	}
	t := &Table{File: name, Format: "csv", Encoding: enc}
	cr := csv.NewReader(r)
	if ext == ".tsv" || ext == ".txt" || enc == "utf-16le" {
		cr.Comma = '\t'
		t.Format = "tsv"
	}
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	src := &csvSource{r: cr}
	ok := scan(t, src, s, fn, &dl)
	if !ok {
		return nil, dl
	}
	return []*Table{t}, dl
}

// rowSource yields raw rows with their spreadsheet row numbers.
type rowSource interface {
	next() (cells []string, line int, err error)
}

type csvSource struct {
	r       *csv.Reader
	lastEnd int
	row     int
}

func (c *csvSource) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.row++
			return nil, c.row, fmt.Errorf("%w", pe.Err)
		}
		return nil, 0, err
	}
	// csv skips blank lines; a spreadsheet shows them as rows, so count them.
	start, _ := c.r.FieldPos(0)
	if gap := start - c.lastEnd - 1; gap > 0 {
		c.row += gap
	}
	c.row++
	end, _ := c.r.FieldPos(len(rec) - 1)
	c.lastEnd = end + strings.Count(rec[len(rec)-1], "\n")
	return rec, c.row, nil
}

// scan finds the header in src and feeds the data rows to fn.
func scan(t *Table, src rowSource, s *Schema, fn func(Row), dl *diag.List) bool {
	min := s.MinMatch
	if min == 0 {
		min = 2
	}
	var title []string
	found := false
	for !found {
		cells, line, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if line == 0 {
				dl.Errorf(diag.Pos{File: t.File}, "read", "%v", err)
				return false
			}
			dl.Errorf(diag.Pos{File: t.File, Row: line}, "csv", "%v", err)
			continue
		}
		if line > headerScanRows {
			break
		}
		if n := t.setHeader(cells, line, s); n >= min {
			found = true
			break
		}
		for _, c := range cells {
			if c = trimCell(c); c != "" {
				title = append(title, c)
			}
		}
	}
	if !found {
		var want []string
		for _, c := range s.Columns {
			if c.Required {
				want = append(want, c.Name)
			}
			if len(want) == 4 {
				break
			}
		}
		dl.Errorf(diag.Pos{File: t.File}, "no-header", "no header row of a %s table in the first %d rows (expected columns such as %s)", s.Kind, headerScanRows, strings.Join(want, ", "))
		return false
	}
	t.Title = strings.Join(title, " ")
	for _, c := range s.Columns {
		if c.Required && !t.Has(c.Name) {
			dl.Errorf(diag.Pos{File: t.File, Row: t.HeaderRow}, "missing-column", "required column %s is missing from the header", c.Name)
		}
	}
	var unknown []string
	for _, h := range t.Columns {
		if h.Name == "" && h.Raw != "" {
			unknown = append(unknown, h.Raw)
		}
	}
	if len(unknown) > 0 {
		dl.Infof(diag.Pos{File: t.File, Row: t.HeaderRow}, "unknown-column", "columns not in the %s schema are kept as extra fields: %s", s.Kind, strings.Join(unknown, ", "))
	}
	for {
		cells, line, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if line == 0 {
				dl.Errorf(diag.Pos{File: t.File}, "read", "%v", err)
				break
			}
			dl.Errorf(diag.Pos{File: t.File, Row: line}, "csv", "%v", err)
			continue
		}
		switch classify(t, cells) {
		case rowBlank:
			continue
		case rowHeader:
			dl.Infof(diag.Pos{File: t.File, Row: line}, "repeated-header", "repeated header row skipped")
			continue
		case rowTotal:
			dl.Infof(diag.Pos{File: t.File, Row: line}, "total-row", "total row %q skipped", firstCell(cells))
			continue
		case rowNote:
			dl.Infof(diag.Pos{File: t.File, Row: line}, "note-row", "note row skipped: %s", clip(firstCell(cells), 30))
			continue
		}
		for i, c := range cells {
			if !utf8.ValidString(c) {
				dl.Errorf(t.Pos(line, i), "encoding", "cell is not valid text in %s", t.Encoding)
				cells[i] = strings.ToValidUTF8(c, "\uFFFD")
			}
		}
		fn(Row{Table: t, Line: line, Cells: cells})
	}
	return true
}

// setHeader takes cells as the header if enough of them are known columns,
// and returns how many were.
func (t *Table) setHeader(cells []string, line int, s *Schema) int {
	cols := make([]Header, len(cells))
	index := map[string]int{}
	n := 0
	for i, c := range cells {
		h := Header{Raw: trimCell(strings.Join(strings.Fields(c), "")), Pos: t.Pos(line, i)}
		if name, unit, ok := s.Match(c); ok {
			if _, dup := index[name]; !dup {
				h.Name, h.Unit = name, unit
				index[name] = i
				n++
			}
		}
		cols[i] = h
	}
	if n > 0 {
		t.Columns, t.index, t.HeaderRow = cols, index, line
	}
	return n
}

type rowClass int

const (
	rowData rowClass = iota
	rowBlank
	rowHeader
	rowTotal
	rowNote
)

var noteWords = []string{"制表人", "制表单位", "填报说明", "注：", "注:", "说明：", "备注：", "审核人", "填表人", "制表日期"}

func classify(t *Table, cells []string) rowClass {
	nonEmpty, same := 0, 0
	for i, c := range cells {
		c = trimCell(c)
		if c == "" {
			continue
		}
		nonEmpty++
		if i < len(t.Columns) && c == t.Columns[i].Raw {
			same++
		}
	}
	if nonEmpty == 0 {
		return rowBlank
	}
	if same >= 2 && same*2 >= nonEmpty {
		return rowHeader
	}
	first := NormalizeHeader(firstCell(cells))
	switch first {
	case "合计", "总计", "小计", "总合计":
		return rowTotal
	}
	for _, w := range noteWords {
		if strings.HasPrefix(first, NormalizeHeader(w)) && nonEmpty <= 2 {
			return rowNote
		}
	}
	return rowData
}

func firstCell(cells []string) string {
	for _, c := range cells {
		if c = trimCell(c); c != "" {
			return c
		}
	}
	return ""
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func trimCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
	})
}

// decode detects the text encoding from the first bytes and returns a UTF-8
// reader. GBK is read as GB18030, its superset.
func decode(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(64 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, "utf-8-bom", nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		return transform.NewReader(br, dec), "utf-16le", nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
		return transform.NewReader(br, dec), "utf-16be", nil
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, "", errors.New("the file contains NUL bytes: it looks like UTF-16 without a byte-order mark, or not a text file; save it as CSV (UTF-8) from Excel or WPS")
	}
	if utf8.Valid(trimPartialRune(head)) {
		return br, "utf-8", nil
	}
	if looksGB(head) {
		return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), "gb18030", nil
	}
	return nil, "", errors.New("the file is neither UTF-8 nor GBK/GB18030 text (is it a spreadsheet saved with a .csv name?); save it as CSV (UTF-8) or .xlsx")
}

// trimPartialRune drops an incomplete UTF-8 sequence cut off at the end of a
// peeked buffer.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// looksGB reports whether b is plausibly GB18030: every high byte starts a
// well-formed two- or four-byte sequence.
func looksGB(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0x81 && c <= 0xFE:
			if i+1 >= len(b) {
				return true // cut off by the peek
			}
			d := b[i+1]
			if (d >= 0x40 && d <= 0x7E) || (d >= 0x80 && d <= 0xFE) {
				i += 2
			} else if d >= 0x30 && d <= 0x39 {
				if i+3 >= len(b) {
					return true
				}
				i += 4
			} else {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// xlsxSource streams the rows of one sheet.
type xlsxSource struct {
	rows *excelize.Rows
	line int
}

func (x *xlsxSource) next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, err
		}
		return nil, 0, io.EOF
	}
	x.line++
	cells, err := x.rows.Columns()
	return cells, x.line, err
}

func readXLSX(fsys fs.FS, name string, s *Schema, fn func(Row)) ([]*Table, diag.List) {
	var dl diag.List
	f, err := fsys.Open(name)
	if err != nil {
		dl.Errorf(diag.Pos{File: name}, "open", "%v", err)
		return nil, dl
	}
	defer f.Close()
	wb, err := excelize.OpenReader(f)
	if err != nil {
		dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook: %v", err)
		return nil, dl
	}
	defer wb.Close()
	var tables []*Table
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.Rows(sheet)
		if err != nil {
			dl.Errorf(diag.Pos{File: name}, "xlsx", "sheet %q: %v", sheet, err)
			continue
		}
		t := &Table{File: name, Format: "xlsx", Sheet: sheet, xlsx: true}
		var sub diag.List
		ok := scan(t, &xlsxSource{rows: rows}, s, fn, &sub)
		rows.Close()
		if !ok {
			// A sheet with no table of this kind is reported, not fatal,
			// when another sheet of the workbook has one.
			for i := range sub {
				sub[i].Msg = fmt.Sprintf("sheet %q: %s", sheet, sub[i].Msg)
			}
			if len(wb.GetSheetList()) > 1 {
				for i := range sub {
					sub[i].Severity = diag.Info
				}
			}
			dl = append(dl, sub...)
			continue
		}
		dl = append(dl, sub...)
		tables = append(tables, t)
	}
	if len(tables) == 0 && !dl.HasErrors() {
		dl.Errorf(diag.Pos{File: name}, "no-header", "no sheet holds a %s table", s.Kind)
	}
	return tables, dl
}
