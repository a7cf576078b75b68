package ingest

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io"
	"math/big"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The fast reader reads worksheet rows straight from the ZIP entry with the
// scanner of xmlscan.go, and yields exactly what excelize's Rows and
// Columns would: the same cells, the same row numbering (gaps, rows out of
// order, cells without references), the same text decoding. Excelize stays
// the reference: whatever the fast reader does not model with certainty it
// hands back to excelize, for a whole workbook before any row is read, or
// for the rest of a sheet (excelize re-reads it and skips the rows already
// delivered, which were the same).
//
// Cell formatting is excelize's own: number formats other than General
// are applied by calling excelize on a small workbook that holds the
// original styles (the "meta" workbook, see openFastBook).
//
// What it buys on the monthly update, measured by BenchmarkMonthlyUpdateXLSX,
// is on fastXLSX.

// Limits of the fast reader, beyond which it hands over to excelize.
const (
	fastMaxCols      = excelize.MaxColumns
	fastMaxRow       = excelize.TotalRows
	fastMaxSST       = MaxSharedStringsBytes // bytes of shared strings held in memory, as many as the part may hold
	fastMaxNumberLen = 400                   // longer numbers are left to excelize
	fastCacheSize    = 8192
)

// oleIdentifier starts an OLE compound file: excelize tries to decrypt a
// workbook that contains it anywhere.
var oleIdentifier = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// fastBook is a workbook opened for the fast reader.
type fastBook struct {
	zr      *zip.Reader
	meta    *excelize.File
	oracle  string // sheet of meta whose A1 the formatting oracle rewrites
	sheets  []string
	entries map[string]*zip.File // sheet → the part excelize reads for it
	merges  map[*zip.File][]merge
	sst     []string
	sstTemp bool // excelize keeps the shared strings in a temporary file

	hasXfs bool
	xfs    []int        // numFmtId of each cellXfs entry
	custom map[int]bool // numFmtIds with a custom format code

	textSame map[int]bool // per style: whether strings are left unchanged
	numFmt   lru[fmtKey, string]
	nums     lru[string, numVal]
}

// lru is a bounded cache that keeps what was used recently: entries move
// from the current generation to the old one when it fills up, and back
// when used.
type lru[K comparable, V any] struct {
	cur, old map[K]V
}

func (c *lru[K, V]) get(k K) (V, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.put(k, v)
	}
	return v, ok
}

func (c *lru[K, V]) put(k K, v V) {
	if c.cur == nil || len(c.cur) >= fastCacheSize {
		c.old, c.cur = c.cur, make(map[K]V, fastCacheSize/4)
	}
	c.cur[k] = v
}

type fmtKey struct {
	style int
	v     string
}

type numVal struct {
	s   string
	num bool
}

// mergesOf returns the vertical merges of a worksheet part found while
// opening the workbook (a copy: their values change as rows stream).
func (b *fastBook) mergesOf(f *zip.File) ([]merge, bool) {
	if b == nil || f == nil {
		return nil, false
	}
	m, ok := b.merges[f]
	return append([]merge(nil), m...), ok
}

func (b *fastBook) Close() {
	if b.meta != nil {
		b.meta.Close()
	}
}

// excelizePartName is the name excelize files a ZIP entry under.
func excelizePartName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	switch strings.ToLower(name) {
	case "[content_types].xml":
		return "[Content_Types].xml"
	case "xl/sharedstrings.xml":
		return "xl/sharedStrings.xml"
	}
	return name
}

// hasOLE reports whether the file contains the OLE identifier (or cannot be
// read).
func hasOLE(ra io.ReaderAt, size int64) bool {
	buf := make([]byte, min(size, 256<<10)+8)
	keep := len(oleIdentifier) - 1
	for off := int64(0); off < size; {
		n, err := ra.ReadAt(buf, off)
		if n == 0 && err != nil {
			return true
		}
		if bytes.Contains(buf[:n], oleIdentifier) {
			return true
		}
		if off+int64(n) >= size {
			break
		}
		off += int64(max(n-keep, 1))
	}
	return false
}

// errReader remembers the first error other than io.EOF.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// openFastBook prepares the workbook for the fast reader, or returns nil
// when excelize should read it, or an error when a part is damaged (its CRC
// does not match) or past a limit (see xlsxguard.go). Every part but the
// document properties is decompressed once here: a part excelize could not
// read makes the workbook excelize's. Worksheets are scanned for their
// merged cells on the way.
//
// The meta workbook is the original with each worksheet replaced by a stub
// whose only cell names the ZIP entry it stands for, and without shared
// strings. Opened with excelize, it gives the sheet list, which part
// excelize reads for each sheet (the stub it returns), the errors excelize
// raises on opening the workbook or on its first Columns call, and it
// formats values with the original styles.
func openFastBook(zr *zip.Reader, ra io.ReaderAt, size int64, parts map[string]*zip.File, headerOnly bool) (b *fastBook, failed error) {
	defer func() {
		if recover() != nil {
			if b != nil {
				b.Close()
			}
			b = nil
		}
	}()
	if hasOLE(ra, size) {
		return nil, nil
	}
	seen := map[string]bool{}
	var total int64
	for _, f := range zr.File {
		name := excelizePartName(f.Name)
		if seen[name] {
			return nil, nil
		}
		seen[name] = true
		total += f.FileInfo().Size()
		if total > excelize.UnzipSizeLimit {
			return nil, nil
		}
	}
	var nb [8]byte
	if _, err := rand.Read(nb[:]); err != nil {
		return nil, nil
	}
	nonce := "gongshi-stub-" + hex.EncodeToString(nb[:]) + ":"
	b = &fastBook{zr: zr, entries: map[string]*zip.File{}, merges: map[*zip.File][]merge{}}
	mergeParts := map[*zip.File]bool{}
	if !headerOnly {
		for _, f := range parts {
			mergeParts[f] = true
		}
	}
	var meta bytes.Buffer
	zw := zip.NewWriter(&meta)
	var styles []byte
	sstOK := true
	for i, f := range zr.File {
		name := excelizePartName(f.Name)
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "docprops/") || strings.HasPrefix(lower, "customxml/") {
			continue // document properties: never read
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil
		}
		// Worksheets and shared strings are bounded as they stream; the
		// other parts, read whole, are within MaxOtherPartsBytes together.
		var src io.Reader = rc
		if partKind(f.Name) != "" {
			src = newXMLGuard(rc, f)
		}
		er := &errReader{r: src}
		var content []byte
		switch {
		case strings.HasPrefix(lower, "xl/worksheets/sheet"):
			if mergeParts[f] {
				b.merges[f] = mergesFrom(er)
			}
			_, err = io.Copy(io.Discard, er)
			content = stubSheet(nonce, i)
		case name == "xl/sharedStrings.xml":
			b.sstTemp = f.FileInfo().Size() > xlsxOptions.UnzipXMLSizeLimit
			sstOK = b.readSST(er, f)
			_, err = io.Copy(io.Discard, er)
		case strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".rels"):
			content, err = io.ReadAll(er)
			if name == "xl/styles.xml" {
				styles = content
			}
		default:
			_, err = io.Copy(io.Discard, er)
		}
		if er.err != nil {
			return nil, damageError(f.Name, er.err)
		}
		if err != nil || rc.Close() != nil {
			return nil, nil
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			return nil, nil
		}
		if _, err := w.Write(content); err != nil {
			return nil, nil
		}
	}
	if !sstOK || zw.Close() != nil {
		return nil, nil
	}
	if !b.readStyles(styles) {
		return nil, nil
	}
	wb, err := excelize.OpenReader(&meta, xlsxOptions)
	if err != nil {
		if wb != nil {
			wb.Close()
		}
		return nil, nil
	}
	b.meta = wb
	b.sheets = wb.GetSheetList()
	if len(b.sheets) == 0 {
		b.Close()
		return nil, nil
	}
	for i, s := range b.sheets {
		for _, t := range b.sheets[:i] {
			if strings.EqualFold(s, t) {
				b.Close()
				return nil, nil
			}
		}
	}
	for _, sheet := range b.sheets {
		rows, err := wb.Rows(sheet)
		if err != nil {
			continue // excelize reports it
		}
		if rows.Next() {
			cols, err := rows.Columns()
			if err != nil {
				// The first Columns call of a workbook fails when its content
				// types or relationships do not parse; excelize reports it.
				rows.Close()
				b.Close()
				return nil, nil
			}
			if len(cols) == 1 && strings.HasPrefix(cols[0], nonce) {
				if i, err := strconv.Atoi(cols[0][len(nonce):]); err == nil && i >= 0 && i < len(zr.File) {
					b.entries[sheet] = zr.File[i]
					if b.oracle == "" {
						b.oracle = sheet
					}
				}
			}
		}
		rows.Close()
	}
	b.textSame = map[int]bool{}
	return b, nil
}

// stubSheet is the worksheet standing for ZIP entry i in the meta workbook.
func stubSheet(nonce string, i int) []byte {
	return []byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="str"><v>` + nonce + strconv.Itoa(i) + `</v></c></row></sheetData></worksheet>`)
}

// readStyles takes from styles.xml what decides how a cell is formatted:
// the number format of each cell style, and which formats are custom. The
// types mirror the fields excelize decodes them into.
func (b *fastBook) readStyles(data []byte) bool {
	if data == nil {
		return true
	}
	if bytes.Contains(data, []byte("http://purl.oclc.org/ooxml/")) {
		return false // strict OOXML: excelize rewrites namespaces first
	}
	var ss struct {
		XMLName xml.Name `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main styleSheet"`
		NumFmts *struct {
			NumFmt []*struct {
				NumFmtID int `xml:"numFmtId,attr"`
			} `xml:"numFmt"`
		} `xml:"numFmts"`
		CellXfs *struct {
			Xf []struct {
				NumFmtID *int `xml:"numFmtId,attr"`
			} `xml:"xf"`
		} `xml:"cellXfs"`
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	charset := false
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		charset = true
		return nil, errors.New("charset")
	}
	if err := d.Decode(&ss); err != nil && err != io.EOF || charset {
		return false
	}
	b.custom = map[int]bool{}
	if ss.NumFmts != nil {
		for _, f := range ss.NumFmts.NumFmt {
			b.custom[f.NumFmtID] = true
		}
	}
	if ss.CellXfs != nil {
		b.hasXfs = true
		for _, x := range ss.CellXfs.Xf {
			id := 0
			if x.NumFmtID != nil {
				id = *x.NumFmtID
			}
			b.xfs = append(b.xfs, id)
		}
	}
	return true
}

// excelNumber returns a numeric cell's value as excelize's getValueFrom
// does before formatting: a number rewritten in its shortest form (15
// significant digits past 15), anything else unchanged.
func excelNumber(v string) (string, bool) {
	if plainInt(v) {
		return v, true
	}
	ok, prec, f := excelIsNumeric(v)
	if !ok {
		return v, false
	}
	if prec > 15 {
		return strconv.FormatFloat(f, 'G', 15, 64), true
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

// plainInt reports whether v is an integer of at most 15 characters
// written without leading zeros: excelize leaves those as they are.
func plainInt(v string) bool {
	if len(v) == 0 || len(v) > 15 {
		return false
	}
	s := v
	if s[0] == '-' {
		s = s[1:]
	}
	if len(s) == 0 || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// excelIsNumeric is excelize's test for a numeric string: what big.Float
// parses, and the number of digits of the value written out in full.
func excelIsNumeric(s string) (bool, int, float64) {
	if strings.Contains(s, "_") {
		return false, 0, 0
	}
	var d big.Float
	if _, ok := d.SetString(s); !ok {
		return false, 0, 0
	}
	f, _ := d.Float64()
	t := strconv.FormatFloat(f, 'f', -1, 64)
	return true, len(t) - strings.Count(t, "."), f
}

// generalNumber formats a number with the General format as excelize does:
// past 11 digits, 10 significant digits.
func generalNumber(v string) string {
	prec := len(v)
	if !plainInt(v) {
		ok, p, _ := excelIsNumeric(v)
		if !ok {
			return v
		}
		prec = p
	}
	if prec > 11 {
		f, _ := strconv.ParseFloat(v, 64)
		return strconv.FormatFloat(f, 'G', 10, 64)
	}
	return v
}

// number is excelNumber with a cache.
func (b *fastBook) number(v []byte) (string, bool) {
	if r, ok := b.nums.get(string(v)); ok {
		return r.s, r.num
	}
	s := string(v)
	if plainInt(s) {
		return s, true
	}
	n, num := excelNumber(s)
	b.nums.put(s, numVal{n, num})
	return n, num
}

// styleRange reports whether a style index is one excelize formats with:
// otherwise the value is left as it is.
func (b *fastBook) styleRange(s int) bool {
	return s != 0 && b.hasXfs && s > 0 && s < len(b.xfs)
}

// textStyle formats a string value (shared, inline, or a boolean or number
// cell holding text) with style s. ok is false when the style's format
// changes text, which the fast reader leaves to excelize.
func (b *fastBook) textStyle(s int, v string) (string, bool) {
	if !b.styleRange(s) {
		return v, true
	}
	same, ok := b.textSame[s]
	if !ok {
		// Formats apply to text as literal+text+literal...; two probes
		// tell whether that is the text alone.
		a, ok1 := b.oracleText(s, "a")
		ab, ok2 := b.oracleText(s, "ab")
		same = ok1 && ok2 && a == "a" && ab == "ab"
		b.textSame[s] = same
	}
	return v, same
}

// numberStyle formats the value of a numeric cell (raw as written) with
// style s.
func (b *fastBook) numberStyle(s int, raw []byte) (string, bool) {
	v, num := b.number(raw)
	if !b.styleRange(s) {
		return v, true
	}
	if !num {
		return b.textStyle(s, v)
	}
	if id := b.xfs[s]; id == 0 && !b.custom[0] {
		return generalNumber(v), true
	}
	key := fmtKey{s, string(raw)}
	if r, ok := b.numFmt.get(key); ok {
		return r, true
	}
	r, ok := b.oracleNumber(s, key.v)
	if !ok {
		return "", false
	}
	b.numFmt.put(key, r)
	return r, true
}

// oracleNumber has excelize format a number with style s, through a cell
// of the meta workbook.
func (b *fastBook) oracleNumber(s int, v string) (string, bool) {
	if b.oracle == "" {
		return "", false
	}
	if b.meta.SetCellDefault(b.oracle, "A1", v) != nil || b.meta.SetCellStyle(b.oracle, "A1", "A1", s) != nil {
		return "", false
	}
	r, err := b.meta.GetCellValue(b.oracle, "A1")
	return r, err == nil
}

// oracleText has excelize format a shared string with style s.
func (b *fastBook) oracleText(s int, v string) (string, bool) {
	if b.oracle == "" {
		return "", false
	}
	if b.meta.SetCellStr(b.oracle, "A1", v) != nil || b.meta.SetCellStyle(b.oracle, "A1", "A1", s) != nil {
		return "", false
	}
	r, err := b.meta.GetCellValue(b.oracle, "A1")
	return r, err == nil
}
