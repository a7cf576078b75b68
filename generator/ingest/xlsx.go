package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// xlsxSource streams the rows of one sheet, from the fast reader or from
// excelize's Rows iterator (never GetRows): memory does not grow with the
// number of rows.
type xlsxSource struct {
	rows   sheetRows
	line   int
	merges []merge
}

// sheetRows yields the rows of a sheet as excelize's Rows.Next and
// Rows.Columns do.
type sheetRows interface {
	next() (cells []string, more bool, err error)
	close()
}

// excelizeRows reads a sheet with excelize. excelize ends a sheet at its
// first XML error without saying so: at the end, the part is decoded whole
// (validateSheet) and a damaged one is an error.
type excelizeRows struct {
	rows *excelize.Rows
	part *zip.File // the worksheet part, when known
}

func (r excelizeRows) next() ([]string, bool, error) {
	if !r.rows.Next() {
		return nil, false, sheetEnd(r.rows, r.part)
	}
	cells, err := r.rows.Columns()
	return cells, true, err
}

func (r excelizeRows) close() { r.rows.Close() }

// fastRows reads a sheet with the fast reader until it meets something it
// does not model, then opens the sheet with excelize, skips the rows
// already read and goes on from there.
type fastRows struct {
	s     *fastSheet
	part  *zip.File
	n     int // rows read so far
	ex    *excelize.Rows
	open  func() (*excelize.Rows, error)
	moved bool // handed over to excelize
}

func (r *fastRows) next() ([]string, bool, error) {
	if r.ex == nil && !r.moved {
		more, ok := r.s.Next()
		var cells []string
		if ok && more {
			cells, ok = r.s.Columns()
		}
		if ok {
			if more {
				r.n++
			}
			return cells, more, nil
		}
		r.s.Close()
		r.moved = true
		rows, err := r.open()
		if err != nil {
			return nil, false, err
		}
		r.ex = rows
		for i := 0; i < r.n && rows.Next(); i++ {
			rows.Columns()
		}
	}
	if r.ex == nil {
		return nil, false, nil
	}
	if !r.ex.Next() {
		return nil, false, sheetEnd(r.ex, r.part)
	}
	cells, err := r.ex.Columns()
	return cells, true, err
}

// sheetEnd returns the error that ends a sheet excelize read: its own, or
// the damage validateSheet finds in the part.
func sheetEnd(rows *excelize.Rows, part *zip.File) error {
	if err := rows.Error(); err != nil {
		return err
	}
	if part == nil {
		return nil
	}
	return validateSheet(part)
}

func (r *fastRows) close() {
	if r.ex != nil {
		r.ex.Close()
	} else if !r.moved {
		r.s.Close()
	}
}

// merge is a range of cells merged down over several rows: 1-based rows,
// 0-based column. value is taken from the top row as it streams past.
type merge struct {
	row1, row2, col int
	value           string
}

func (x *xlsxSource) next() ([]string, int, error) {
	cells, more, err := x.rows.next()
	if !more {
		if err != nil {
			return nil, 0, err
		}
		return nil, 0, io.EOF
	}
	x.line++
	// A cell merged down over several rows (one authority for a block of
	// decisions) holds its value in the top row only: repeat it down the
	// range's first column. Merges across one row (titles) are left alone.
	for i := range x.merges {
		m := &x.merges[i]
		switch {
		case x.line == m.row1 && m.col < len(cells):
			m.value = cells[m.col]
		case x.line > m.row1 && x.line <= m.row2 && m.value != "":
			for len(cells) <= m.col {
				cells = append(cells, "")
			}
			if value.TrimCell(cells[m.col]) == "" {
				cells[m.col] = m.value
			}
		}
	}
	return cells, x.line, err
}

// fastXLSX turns the fast worksheet reader on (tests compare it with
// excelize alone). It stays because the monthly update is faster with it
// by more than a fifth: on a 10,000-decision town whose exports are
// workbooks (BenchmarkMonthlyUpdateXLSX/cases=10000/…/monthly-cli,
// `gongshi build` as staff run it, parse cache on), medians of 4 runs on a
// quiet 2-core machine: 6.03 s with it, 8.70 s with excelize alone
// (1.44x), 9.48 against 13.02 CPU-seconds (1.37x). Reading the three
// workbooks the update re-reads takes 0.07 CPU-seconds with it and 1.0
// with excelize alone, whose path also decodes each worksheet a second
// time (validateSheet).
var fastXLSX = !excelizeOnly

// fastMinSheetBytes is the size of worksheet XML below which excelize
// reads a workbook as fast as the fast reader sets it up.
var fastMinSheetBytes uint64 = 64 << 10

// worksheetBytes is the declared size of the worksheet parts.
func worksheetBytes(zr *zip.Reader) uint64 {
	var n uint64
	for _, f := range zr.File {
		if strings.HasPrefix(strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/")), "xl/worksheets/sheet") {
			n += f.UncompressedSize64
		}
	}
	return n
}

// maxDeflateRatio bounds how much a DEFLATE stream can expand (about 1032
// to 1); an entry that claims more is corrupt or hostile.
const maxDeflateRatio = 1100

// checkZip rejects a workbook whose ZIP directory declares sizes its data
// cannot hold: excelize allocates the declared size up front, so one corrupt
// header could take gigabytes.
func checkZip(zr *zip.Reader) error {
	for _, f := range zr.File {
		limit := f.CompressedSize64*maxDeflateRatio + 1<<16
		if f.Method == zip.Store {
			limit = f.CompressedSize64
		}
		if f.UncompressedSize64 > limit {
			return fmt.Errorf("part %q claims %d bytes but holds %d compressed: the file is damaged; open it in Excel or WPS and save it again", f.Name, f.UncompressedSize64, f.CompressedSize64)
		}
	}
	return nil
}

// sheetParts maps sheet names to their worksheet part in the ZIP, from
// xl/workbook.xml and its relationships.
func sheetParts(zr *zip.Reader) map[string]*zip.File {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodePart(files["xl/workbook.xml"], &wb) != nil || decodePart(files["xl/_rels/workbook.xml.rels"], &rels) != nil {
		return nil
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = t[1:]
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = strings.ToLower(t)
	}
	out := map[string]*zip.File{}
	for _, s := range wb.Sheets {
		if f := files[target[s.RID]]; f != nil {
			out[s.Name] = f
		}
	}
	return out
}

// decodePart unmarshals a small XML part.
func decodePart(f *zip.File, v any) error {
	if f == nil {
		return errors.New("missing part")
	}
	if f.UncompressedSize64 > 16<<20 {
		return errors.New("part too large")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
}

var mergeRef = regexp.MustCompile(`<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"`)

// sheetDataEnd returns the offset of the end of the sheetData element in
// b ("</sheetData>", "</x:sheetData>" or "<sheetData/>"), or -1.
func sheetDataEnd(b []byte) int {
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte("sheetData"))
		if i < 0 {
			return -1
		}
		i += off
		if bytes.HasPrefix(b[i+len("sheetData"):], []byte("/>")) {
			return i
		}
		lt := bytes.LastIndexByte(b[max(0, i-16):i], '<')
		if lt >= 0 && bytes.HasPrefix(b[max(0, i-16)+lt:], []byte("</")) {
			return i
		}
		off = i + 1
	}
}

// verticalMerges lists the ranges of a worksheet merged over more than one
// row. The part is scanned as a stream for the mergeCells list that follows
// the cell data, so memory stays flat however long the sheet is.
func verticalMerges(f *zip.File) []merge {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	return mergesFrom(rc)
}

// mergesFrom lists the vertical merges of the worksheet XML read from r.
func mergesFrom(r io.Reader) []merge {
	br := bufio.NewReaderSize(r, 64<<10)
	// Skip to the end of sheetData, carrying a short tail across chunks so
	// the marker is found when it straddles two.
	var rest []byte
	buf := make([]byte, 32+64<<10)
	tail := 0
	for {
		n, err := br.Read(buf[tail : tail+64<<10])
		chunk := buf[:tail+n]
		if i := sheetDataEnd(chunk); i >= 0 {
			rest = append([]byte(nil), chunk[i:]...)
			break
		}
		if err != nil {
			return nil
		}
		tail = copy(buf, chunk[max(0, len(chunk)-32):])
	}
	more, _ := io.ReadAll(io.LimitReader(br, 16<<20))
	rest = append(rest, more...)
	var out []merge
	for _, m := range mergeRef.FindAllSubmatch(rest, -1) {
		c1, r1, err1 := excelize.CellNameToCoordinates(string(m[1]))
		_, r2, err2 := excelize.CellNameToCoordinates(string(m[2]))
		if err1 != nil || err2 != nil || r2 <= r1 {
			continue
		}
		out = append(out, merge{row1: r1, row2: r2, col: c1 - 1})
	}
	return out
}

// xlsxOptions make date cells read as ISO dates whatever the workbook's
// locale: excelize otherwise formats Excel's built-in short date (format 14)
// as mm-dd-yy. Worksheets above 4 MB are unzipped to a temporary file and
// streamed from there (see unzipLimit for workbooks of many parts).
var xlsxOptions = excelize.Options{ShortDatePattern: "yyyy-mm-dd", LongTimePattern: "hh:mm:ss", UnzipXMLSizeLimit: 4 << 20}

// inMemoryPartsBytes bounds the worksheets and shared strings excelize
// holds in memory together; the rest it reads from temporary files.
const inMemoryPartsBytes = 64 << 20

// unzipLimit returns the UnzipXMLSizeLimit for a workbook: excelize holds
// each worksheet, and the shared strings, in memory up to that size, so a
// workbook of many parts gets a smaller one and never holds more than
// inMemoryPartsBytes of them. A ZIP of 1.2 MB declaring 290 worksheets of
// 3.5 MB each, within every other limit, kept more than 2 GB resident
// while excelize read it with the fixed 4 MB limit; with this one the
// peak was 43 MB (/usr/bin/time -v).
func unzipLimit(zr *zip.Reader) int64 {
	n := int64(0)
	for _, f := range zr.File {
		if partKind(f.Name) != "" {
			n++
		}
	}
	return max(1, min(xlsxOptions.UnzipXMLSizeLimit, inMemoryPartsBytes/max(n, 1)))
}

func readXLSX(fsys fs.FS, name string, s *value.Schema, fn func(value.Row), headerOnly bool, b *budget) (tables []*value.Table) {
	dl := &b.dl
	// excelize is third-party code reading untrusted bytes: a panic on a
	// malformed workbook becomes a diagnostic instead of ending the build.
	// Panics raised by fn are the caller's and pass through.
	inFn := false
	defer func() {
		if e := recover(); e != nil {
			if inFn {
				panic(e)
			}
			tables = nil
			dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook (%v): open it in Excel or WPS and save it again", e)
		}
	}()
	call := func(r value.Row) {
		inFn = true
		fn(r)
		inFn = false
	}
	f, err := fsys.Open(name)
	if err != nil {
		dl.Errorf(diag.Pos{File: name}, "open", "%v", err)
		return nil
	}
	defer f.Close()
	// Look at the ZIP directory first, through ReaderAt when the file has
	// one (os and fstest files do), else from memory.
	var src io.Reader = f
	ra, isRA := f.(io.ReaderAt)
	var size int64
	if st, err := f.Stat(); err == nil && isRA {
		size = st.Size()
	} else {
		b, err := io.ReadAll(f)
		if err != nil {
			dl.Errorf(diag.Pos{File: name}, "read", "%v", err)
			return nil
		}
		r := bytes.NewReader(b)
		ra, src, size = r, r, int64(len(b))
	}
	var head [8]byte
	if n, _ := ra.ReadAt(head[:], 0); n == len(head) && bytes.Equal(head[:], oleMagic) && encryptedWorkbook(io.NewSectionReader(ra, 0, size)) {
		dl.Errorf(diag.Pos{File: name}, "encrypted", "encrypted/password-protected workbook: save it without a password (in Excel: File › Info › Protect Workbook › Encrypt with Password, and clear the password; in WPS: File › Document Encryption)")
		return nil
	}
	var parts map[string]*zip.File
	var fast *fastBook
	opts := xlsxOptions
	if zr, err := zip.NewReader(ra, size); err == nil {
		if err := checkZip(zr); err != nil {
			dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook: %v", err)
			return nil
		}
		if err := checkPartSizes(zr); err != nil {
			dl.Errorf(diag.Pos{File: name}, "limit", "%v", err)
			return nil
		}
		parts = sheetParts(zr)
		opts.UnzipXMLSizeLimit = unzipLimit(zr)
		if fastXLSX && worksheetBytes(zr) >= fastMinSheetBytes {
			if fast, err = openFastBook(zr, ra, size, parts, headerOnly); err != nil {
				xlsxError(dl, name, err)
				return nil
			}
		}
		if fast == nil {
			// excelize reads the whole workbook: every part is checked
			// before it does (the XML of worksheets as they end).
			if err := checkParts(zr); err != nil {
				xlsxError(dl, name, err)
				return nil
			}
		}
	}
	// excelize opens the whole workbook (unzipping large worksheets to
	// temporary files); with the fast reader it is only opened for a sheet
	// the fast reader hands over.
	var wb *excelize.File
	var wbErr error
	openWB := func() (*excelize.File, error) {
		if wb == nil && wbErr == nil {
			if wb, wbErr = excelize.OpenReader(src, opts); wbErr != nil {
				wb = nil
			}
		}
		return wb, wbErr
	}
	defer func() {
		if wb != nil {
			wb.Close()
		}
	}()
	var sheets []string
	if fast != nil {
		defer fast.Close()
		sheets = fast.sheets
	} else {
		if _, err := openWB(); err != nil {
			dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook: %s", openError(err, ra))
			return nil
		}
		sheets = wb.GetSheetList()
	}
	for _, sheet := range sheets {
		var rows sheetRows
		if fast != nil && fast.entries[sheet] != nil {
			part := fast.entries[sheet]
			if sh, err := fast.openSheet(part); err == nil {
				rows = &fastRows{s: sh, part: part, open: func() (*excelize.Rows, error) {
					wb, err := openWB()
					if err != nil {
						return nil, err
					}
					return wb.Rows(sheet)
				}}
			}
		}
		if rows == nil {
			if _, err := openWB(); err != nil {
				dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook: %s", openError(err, ra))
				return nil
			}
			r, err := wb.Rows(sheet)
			if err != nil {
				dl.Errorf(diag.Pos{File: name}, "xlsx", "sheet %q: %v", sheet, err)
				continue
			}
			rows = excelizeRows{r, parts[sheet]}
		}
		t := &value.Table{File: name, Format: "xlsx", Sheet: sheet}
		src := &xlsxSource{rows: rows}
		if !headerOnly {
			if m, ok := fast.mergesOf(parts[sheet]); ok {
				src.merges = m
			} else {
				src.merges = verticalMerges(parts[sheet])
			}
		}
		b.take()
		first := len(b.dl)
		ok := scan(t, src, s, call, b, headerOnly)
		rows.close()
		b.take()
		sub := b.dl[min(first, len(b.dl)):]
		if !ok {
			// A sheet with no table of this kind is reported, not fatal,
			// when another sheet of the workbook has one.
			for i := range sub {
				if sub[i].Code == "no-header" && len(sheets) > 1 {
					sub[i].Severity = diag.Info
					sub[i].Code = "sheet-skipped"
					sub[i].Msg = fmt.Sprintf("sheet %q skipped: %s", sheet, sub[i].Msg)
				} else {
					sub[i].Msg = fmt.Sprintf("sheet %q: %s", sheet, sub[i].Msg)
				}
			}
			continue
		}
		tables = append(tables, t)
		if b.stopped {
			break
		}
	}
	if len(tables) == 0 && !dl.HasErrors() {
		var hint string
		for _, d := range *dl {
			if i := strings.Index(d.Msg, "; the text"); i >= 0 {
				hint = d.Msg[i:]
				break
			}
		}
		dl.Errorf(diag.Pos{File: name}, "no-header", "no sheet holds a %s table%s", s.Kind, hint)
	}
	return tables
}

// xlsxError reports a damaged or oversized workbook.
func xlsxError(dl *diag.List, name string, err error) {
	var le *LimitError
	var se *sheetError
	switch {
	case errors.As(err, &le):
		dl.Errorf(diag.Pos{File: name, Row: le.Row, Col: le.Col}, "limit", "%v", err)
	case errors.As(err, &se):
		pos := diag.Pos{File: name, Row: se.row, Col: se.col}
		if se.col > 0 {
			pos.Cell = value.CellName(se.col-1, se.row)
		}
		dl.Errorf(pos, "xlsx", "%s", se.msg)
	default:
		dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook: %v", err)
	}
}

// openError says why excelize could not open a workbook.
func openError(err error, ra io.ReaderAt) string {
	msg := err.Error()
	if errors.Is(err, zip.ErrFormat) || strings.Contains(msg, "zip") {
		var head [8]byte
		n, _ := ra.ReadAt(head[:], 0)
		if what := sniffBinary(head[:n]); what != "" && !bytes.HasPrefix(head[:n], []byte("PK")) {
			msg = strings.Replace(what, "the file is", "it is", 1)
		} else if n > 0 && !bytes.HasPrefix(head[:n], []byte("PK")) {
			msg = "it is not a ZIP archive, so not an .xlsx workbook (is it a CSV file with an .xlsx name?)"
		}
	}
	return msg
}
