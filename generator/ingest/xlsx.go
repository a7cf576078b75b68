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
)

// xlsxSource streams the rows of one sheet through excelize's Rows
// iterator (never GetRows): memory does not grow with the number of rows.
type xlsxSource struct {
	rows   *excelize.Rows
	line   int
	merges []merge
}

// merge is a range of cells merged down over several rows: 1-based rows,
// 0-based column. value is taken from the top row as it streams past.
type merge struct {
	row1, row2, col int
	value           string
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
			if trimCell(cells[m.col]) == "" {
				cells[m.col] = m.value
			}
		}
	}
	return cells, x.line, err
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
	br := bufio.NewReaderSize(rc, 64<<10)
	// Skip to the end of sheetData, carrying a short tail across chunks so
	// the marker is found when it straddles two.
	var tail []byte
	var rest []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := br.Read(buf)
		chunk := append(tail, buf[:n]...)
		if i := sheetDataEnd(chunk); i >= 0 {
			rest = append([]byte(nil), chunk[i:]...)
			break
		}
		if err != nil {
			return nil
		}
		tail = append([]byte(nil), chunk[max(0, len(chunk)-32):]...)
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
// streamed from there.
var xlsxOptions = excelize.Options{ShortDatePattern: "yyyy-mm-dd", LongTimePattern: "hh:mm:ss", UnzipXMLSizeLimit: 4 << 20}

func readXLSX(fsys fs.FS, name string, s *Schema, fn func(Row), headerOnly bool) (tables []*Table, dl diag.List) {
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
	call := func(r Row) {
		inFn = true
		fn(r)
		inFn = false
	}
	f, err := fsys.Open(name)
	if err != nil {
		dl.Errorf(diag.Pos{File: name}, "open", "%v", err)
		return nil, dl
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
			return nil, dl
		}
		r := bytes.NewReader(b)
		ra, src, size = r, r, int64(len(b))
	}
	var parts map[string]*zip.File
	if zr, err := zip.NewReader(ra, size); err == nil {
		if err := checkZip(zr); err != nil {
			dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook: %v", err)
			return nil, dl
		}
		parts = sheetParts(zr)
	}
	wb, err := excelize.OpenReader(src, xlsxOptions)
	if err != nil {
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
		dl.Errorf(diag.Pos{File: name}, "xlsx", "not a readable .xlsx workbook: %s", msg)
		return nil, dl
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	for _, sheet := range sheets {
		rows, err := wb.Rows(sheet)
		if err != nil {
			dl.Errorf(diag.Pos{File: name}, "xlsx", "sheet %q: %v", sheet, err)
			continue
		}
		t := &Table{File: name, Format: "xlsx", Sheet: sheet, xlsx: true}
		src := &xlsxSource{rows: rows}
		if !headerOnly {
			src.merges = verticalMerges(parts[sheet])
		}
		var sub diag.List
		ok := scan(t, src, s, call, &sub, headerOnly)
		rows.Close()
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
			dl = append(dl, sub...)
			continue
		}
		dl = append(dl, sub...)
		tables = append(tables, t)
	}
	if len(tables) == 0 && !dl.HasErrors() {
		var hint string
		for _, d := range dl {
			if i := strings.Index(d.Msg, "; the text"); i >= 0 {
				hint = d.Msg[i:]
				break
			}
		}
		dl.Errorf(diag.Pos{File: name}, "no-header", "no sheet holds a %s table%s", s.Kind, hint)
	}
	return tables, dl
}
