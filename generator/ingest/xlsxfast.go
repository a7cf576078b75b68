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

// Limits of the fast reader, beyond which it hands over to excelize.
const (
	fastMaxCols      = excelize.MaxColumns
	fastMaxRow       = excelize.TotalRows
	fastMaxSST       = 1 << 28 // bytes of shared strings held in memory
	fastMaxNumberLen = 400     // longer numbers are left to excelize
	fastCacheSize    = 4096
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
	numFmt   map[fmtKey]string
	nums     map[string]numVal
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
// when excelize should read it as before. Every part is decompressed once
// here: a part excelize could not read makes the workbook excelize's.
// Worksheets are scanned for their merged cells on the way.
//
// The meta workbook is the original with each worksheet replaced by a stub
// whose only cell names the ZIP entry it stands for, and without shared
// strings. Opened with excelize, it gives the sheet list, which part
// excelize reads for each sheet (the stub it returns), the errors excelize
// raises on opening the workbook or on its first Columns call, and it
// formats values with the original styles.
func openFastBook(zr *zip.Reader, ra io.ReaderAt, size int64, parts map[string]*zip.File, headerOnly bool) (b *fastBook) {
	defer func() {
		if recover() != nil {
			if b != nil {
				b.Close()
			}
			b = nil
		}
	}()
	if hasOLE(ra, size) {
		return nil
	}
	seen := map[string]bool{}
	var total int64
	for _, f := range zr.File {
		name := excelizePartName(f.Name)
		if seen[name] {
			return nil
		}
		seen[name] = true
		total += f.FileInfo().Size()
		if total > excelize.UnzipSizeLimit {
			return nil
		}
	}
	var nb [8]byte
	if _, err := rand.Read(nb[:]); err != nil {
		return nil
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
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		er := &errReader{r: rc}
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
		if err != nil || er.err != nil || rc.Close() != nil {
			return nil
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			return nil
		}
		if _, err := w.Write(content); err != nil {
			return nil
		}
	}
	if !sstOK || zw.Close() != nil {
		return nil
	}
	if !b.readStyles(styles) {
		return nil
	}
	wb, err := excelize.OpenReader(&meta, xlsxOptions)
	if err != nil {
		if wb != nil {
			wb.Close()
		}
		return nil
	}
	b.meta = wb
	b.sheets = wb.GetSheetList()
	if len(b.sheets) == 0 {
		b.Close()
		return nil
	}
	for i, s := range b.sheets {
		for _, t := range b.sheets[:i] {
			if strings.EqualFold(s, t) {
				b.Close()
				return nil
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
				return nil
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
	b.numFmt = map[fmtKey]string{}
	b.nums = map[string]numVal{}
	return b
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

// readSST reads the shared strings as excelize does: parsed whole when the
// part is small, or item by item from a temporary file when it is larger
// than UnzipXMLSizeLimit, which differ on broken input. It returns false
// when excelize would fail on them (every row then reports the error).
func (b *fastBook) readSST(r io.Reader, f *zip.File) bool {
	if !b.sstTemp {
		data, err := io.ReadAll(r)
		if err != nil {
			return false
		}
		if bytes.Contains(data, []byte("http://purl.oclc.org/ooxml/")) {
			return false
		}
		if items, ok := scanSST(bytes.NewReader(data), uint64(len(data)), false); ok {
			b.sst = items
			return true
		}
		items, ok := decodeSST(data)
		b.sst = items
		return ok
	}
	if items, ok := scanSST(r, f.UncompressedSize64, true); ok {
		b.sst = items
		return true
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	items, ok := decodeSSTItems(rc)
	b.sst = items
	return ok
}

// scanSST reads shared strings with the fast scanner. ok is false when the
// part has anything it does not model; the caller then decodes it as
// excelize does.
func scanSST(r io.Reader, size uint64, temp bool) (items []string, ok bool) {
	sc := newXMLScanner(r, size)
	defer sc.release()
	var it siBuf
	total := 0
	add := func() bool {
		s := it.String()
		total += len(s) + 16
		if total > fastMaxSST {
			return false
		}
		items = append(items, s)
		return true
	}
	if temp {
		// Every <si> element anywhere, to the end or the first error.
		for {
			switch sc.next() {
			case tokText, tokEnd:
			case tokStart:
				if string(sc.local) == "si" {
					if !readSI(sc, &it) || !add() {
						return nil, false
					}
				}
			case tokEOF:
				return items, true
			default:
				return nil, false
			}
		}
	}
	// Decode into excelize's xlsxSST: the root must be <sst> in the main
	// namespace; its <si> children are the items.
	for {
		switch sc.next() {
		case tokText:
			continue
		case tokStart:
		default:
			return nil, false
		}
		break
	}
	if string(sc.local) != "sst" || sc.prefixed || sc.self {
		return nil, false
	}
	mainNS := false
	for _, a := range sc.attrs {
		switch {
		case len(a.space) == 0 && string(a.local) == "xmlns":
			mainNS = string(a.value) == "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
		case string(a.local) == "count" || string(a.local) == "uniqueCount":
			if !typedAttrOK('i', a.value) {
				return nil, false
			}
		}
	}
	if !mainNS {
		return nil, false
	}
	for {
		switch sc.next() {
		case tokText:
		case tokStart:
			if string(sc.local) == "si" {
				if !readSI(sc, &it) || !add() {
					return nil, false
				}
			} else if !sc.skipElement() {
				return nil, false
			}
		case tokEnd:
			return items, true
		default:
			return nil, false
		}
	}
}

// Shared string types decoded as excelize decodes them (xlsxSST, xlsxSI and
// what they hold): the field types decide which input fails to decode.
type (
	mSST struct {
		XMLName     xml.Name `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main sst"`
		Count       int      `xml:"count,attr"`
		UniqueCount int      `xml:"uniqueCount,attr"`
		SI          []mSI    `xml:"si"`
	}
	mSI struct {
		T          *mT       `xml:"t,omitempty"`
		R          []mR      `xml:"r"`
		RPh        []*mPhRun `xml:"rPh"`
		PhoneticPr *mPhPr    `xml:"phoneticPr"`
	}
	mT struct {
		XMLName xml.Name `xml:"t"`
		Val     string   `xml:",chardata"`
	}
	mR struct {
		XMLName xml.Name `xml:"r"`
		RPr     *mRPr    `xml:"rPr"`
		T       *mT      `xml:"t"`
	}
	mRPr struct {
		Charset  *mInt   `xml:"charset"`
		Family   *mInt   `xml:"family"`
		B        *mBool  `xml:"b"`
		I        *mBool  `xml:"i"`
		Strike   *mBool  `xml:"strike"`
		Outline  *mBool  `xml:"outline"`
		Shadow   *mBool  `xml:"shadow"`
		Condense *mBool  `xml:"condense"`
		Extend   *mBool  `xml:"extend"`
		Color    *mColor `xml:"color"`
		Sz       *mFloat `xml:"sz"`
	}
	mInt struct {
		Val *int `xml:"val,attr"`
	}
	mBool struct {
		Val *bool `xml:"val,attr"`
	}
	mFloat struct {
		Val *float64 `xml:"val,attr"`
	}
	mColor struct {
		Auto    bool    `xml:"auto,attr"`
		Indexed int     `xml:"indexed,attr"`
		Theme   *int    `xml:"theme,attr"`
		Tint    float64 `xml:"tint,attr"`
	}
	mPhRun struct {
		Sb uint32 `xml:"sb,attr"`
		Eb uint32 `xml:"eb,attr"`
	}
	mPhPr struct {
		XMLName xml.Name `xml:"phoneticPr"`
		FontID  *int     `xml:"fontId,attr"`
	}
)

func (x *mSI) String() string {
	var it siBuf
	if x.T != nil {
		it.tSet = true
		it.t = []byte(x.T.Val)
	}
	for _, r := range x.R {
		if r.T != nil {
			it.runs = append(it.runs, r.T.Val...)
		}
	}
	return it.String()
}

func decodeSST(data []byte) ([]string, bool) {
	var sst mSST
	d := xml.NewDecoder(bytes.NewReader(data))
	charset := false
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		charset = true
		return nil, errors.New("charset")
	}
	if err := d.Decode(&sst); err != nil && err != io.EOF || charset {
		return nil, false
	}
	items := make([]string, len(sst.SI))
	for i := range sst.SI {
		items[i] = sst.SI[i].String()
	}
	return items, true
}

// decodeSSTItems reads a large shared string part as excelize does from
// its temporary file: each <si> decoded on its own, errors ignored, up to
// the first token error.
func decodeSSTItems(r io.Reader) ([]string, bool) {
	d := xml.NewDecoder(r)
	charset := false
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		charset = true
		return nil, errors.New("charset")
	}
	var items []string
	total := 0
	for {
		tok, _ := d.Token()
		if tok == nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			var si mSI
			_ = d.DecodeElement(&si, &se)
			s := si.String()
			total += len(s) + 16
			if total > fastMaxSST {
				return nil, false
			}
			items = append(items, s)
		}
	}
	return items, !charset
}

// siBuf collects a string item (<si>, or a cell's <is>) as excelize's
// xlsxSI.String gives it: the last <t>, then the text of each run.
type siBuf struct {
	t    []byte
	tSet bool
	runs []byte
	rt   []byte
}

func (it *siBuf) reset() {
	it.t, it.tSet, it.runs = it.t[:0], false, it.runs[:0]
}

func (it *siBuf) String() string {
	n := len(it.runs)
	if it.tSet {
		n += len(it.t)
	}
	if n == 0 {
		return ""
	}
	switch {
	case !it.tSet || len(it.t) == 0:
		return bstrUnmarshal(it.runs)
	case len(it.runs) == 0:
		return bstrUnmarshal(it.t)
	}
	return bstrUnmarshal(append(append(make([]byte, 0, n), it.t...), it.runs...))
}

// readSI reads the content of a string item whose start tag was just read.
func readSI(sc *xmlScanner, it *siBuf) bool {
	it.reset()
	if sc.self {
		return true
	}
	for {
		switch sc.next() {
		case tokText:
		case tokEnd:
			return true
		case tokStart:
			switch string(sc.local) {
			case "t":
				it.tSet = true
				it.t = it.t[:0]
				if !readTextContent(sc, &it.t) {
					return false
				}
			case "r":
				if !readRun(sc, it) {
					return false
				}
			case "rPh":
				if !checkAttrs(sc.attrs, phRunAttr) || !sc.skipElement() {
					return false
				}
			case "phoneticPr":
				if !checkAttrs(sc.attrs, phPrAttr) || !sc.skipElement() {
					return false
				}
			default:
				if !sc.skipElement() {
					return false
				}
			}
		default:
			return false
		}
	}
}

// readTextContent appends the text of the element whose start tag was just
// read; nested elements are not modelled.
func readTextContent(sc *xmlScanner, dst *[]byte) bool {
	if sc.self {
		return true
	}
	for {
		switch sc.next() {
		case tokText:
			*dst = append(*dst, sc.text...)
			if len(*dst) > maxXMLToken {
				return false
			}
		case tokEnd:
			return true
		default:
			return false
		}
	}
}

func readRun(sc *xmlScanner, it *siBuf) bool {
	if sc.self {
		return true
	}
	tSet := false
	it.rt = it.rt[:0]
	for {
		switch sc.next() {
		case tokText:
		case tokEnd:
			if tSet {
				it.runs = append(it.runs, it.rt...)
			}
			return true
		case tokStart:
			switch string(sc.local) {
			case "t":
				tSet = true
				it.rt = it.rt[:0]
				if !readTextContent(sc, &it.rt) {
					return false
				}
			case "rPr":
				if !readRPr(sc) {
					return false
				}
			default:
				if !sc.skipElement() {
					return false
				}
			}
		default:
			return false
		}
	}
}

// readRPr checks run properties: excelize decodes some of their attributes
// as numbers or booleans, and fails on the whole item when one does not
// parse.
func readRPr(sc *xmlScanner) bool {
	if sc.self {
		return true
	}
	for {
		switch sc.next() {
		case tokText:
		case tokEnd:
			return true
		case tokStart:
			var kinds func([]byte) byte
			switch string(sc.local) {
			case "charset", "family":
				kinds = valInt
			case "b", "i", "strike", "outline", "shadow", "condense", "extend":
				kinds = valBool
			case "sz":
				kinds = valFloat
			case "color":
				kinds = colorAttr
			}
			if kinds != nil && !checkAttrs(sc.attrs, kinds) || !sc.skipElement() {
				return false
			}
		default:
			return false
		}
	}
}

func valKind(k byte) func([]byte) byte {
	return func(a []byte) byte {
		if string(a) == "val" {
			return k
		}
		return 0
	}
}

var (
	valInt   = valKind('i')
	valBool  = valKind('b')
	valFloat = valKind('f')
)

func colorAttr(a []byte) byte {
	switch string(a) {
	case "auto":
		return 'b'
	case "indexed", "theme":
		return 'i'
	case "tint":
		return 'f'
	}
	return 0
}

func phRunAttr(a []byte) byte {
	if string(a) == "sb" || string(a) == "eb" {
		return 'u'
	}
	return 0
}

func phPrAttr(a []byte) byte {
	if string(a) == "fontId" {
		return 'i'
	}
	return 0
}

func formulaAttr(a []byte) byte {
	switch string(a) {
	case "si":
		return 'i'
	case "aca", "dt2D", "dtr", "del1", "del2", "ca", "bx":
		return 'b'
	}
	return 0
}

// checkAttrs checks the attributes encoding/xml would parse as numbers or
// booleans (matched by local name, in any namespace).
func checkAttrs(attrs []xmlAttr, kind func([]byte) byte) bool {
	for _, a := range attrs {
		if k := kind(a.local); k != 0 && !typedAttrOK(k, a.value) {
			return false
		}
	}
	return true
}

// typedAttrOK reports whether encoding/xml parses v into a field of kind
// i (int), u (uint32), f (float64) or b (bool).
func typedAttrOK(kind byte, v []byte) bool {
	if len(v) == 0 {
		return true
	}
	s := strings.TrimSpace(string(v))
	var err error
	switch kind {
	case 'i':
		_, err = strconv.ParseInt(s, 10, 64)
	case 'u':
		_, err = strconv.ParseUint(s, 10, 32)
	case 'f':
		_, err = strconv.ParseFloat(s, 64)
	case 'b':
		_, err = strconv.ParseBool(s)
	}
	return err == nil
}

// bstrUnmarshal decodes the _xHHHH_ escapes of Office strings as excelize
// does: _x005F_ is an underscore, a surrogate decodes to nothing.
func bstrUnmarshal(b []byte) string {
	i := bytes.Index(b, []byte("_x"))
	if i < 0 {
		return string(b)
	}
	var out []byte
	start := 0
	for i < len(b) {
		j := bytes.IndexByte(b[i:], '_')
		if j < 0 {
			break
		}
		i += j
		if i+7 <= len(b) && b[i+1] == 'x' && isHex4(b[i+2:i+6]) && b[i+6] == '_' {
			v, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			out = append(out, b[start:i]...)
			if r := rune(v); r < 0xD800 || r > 0xDFFF {
				out = append(out, string(r)...)
			}
			i += 7
			start = i
			continue
		}
		i++
	}
	if out == nil {
		return string(b)
	}
	return string(append(out, b[start:]...))
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
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
	if r, ok := b.nums[string(v)]; ok {
		return r.s, r.num
	}
	s := string(v)
	if plainInt(s) {
		return s, true
	}
	n, num := excelNumber(s)
	if len(b.nums) >= fastCacheSize {
		clear(b.nums)
	}
	b.nums[s] = numVal{n, num}
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
	if r, ok := b.numFmt[key]; ok {
		return r, true
	}
	r, ok := b.oracleNumber(s, key.v)
	if !ok {
		return "", false
	}
	if len(b.numFmt) >= fastCacheSize {
		clear(b.numFmt)
	}
	b.numFmt[key] = r
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

// Cell types, from the t attribute.
const (
	cellNumber = iota // no t, "n", "e" and anything unknown
	cellBool
	cellDate
	cellShared
	cellStr
	cellInline
)

func cellType(t []byte) int {
	switch string(t) {
	case "b":
		return cellBool
	case "d":
		return cellDate
	case "s":
		return cellShared
	case "str":
		return cellStr
	case "inlineStr":
		return cellInline
	}
	return cellNumber
}

// fastSheet reads one worksheet. Next and Columns follow excelize's Rows
// iterator step by step; ok=false means "not sure", never an error.
type fastSheet struct {
	b  *fastBook
	sc *xmlScanner
	rc io.ReadCloser

	phase           int
	inRow           bool
	curRow, seekRow int

	cells []string
	col   int

	ref []byte
	v   []byte
	is  siBuf
}

const (
	phasePrefix = iota // before <sheetData>
	phaseData          // in <sheetData>
	phaseTail          // after </sheetData>
	phaseDone          // at the end of the input
)

type sheetEvent int

const (
	evRow sheetEvent = iota
	evCell
	evEnd
	evBad
)

func (b *fastBook) openSheet(f *zip.File) (*fastSheet, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &fastSheet{b: b, sc: newXMLScanner(rc, f.UncompressedSize64), rc: rc}, nil
}

func (s *fastSheet) Close() error {
	s.sc.release()
	return s.rc.Close()
}

// event reads up to the next row start, cell or end of the rows. For
// evRow, r is the row's r attribute (0 when absent).
func (s *fastSheet) event() (ev sheetEvent, r int, val string, keep bool) {
	sc := s.sc
	for {
		switch s.phase {
		case phaseDone:
			return evEnd, 0, "", false
		case phasePrefix, phaseTail:
			switch sc.next() {
			case tokText, tokEnd:
			case tokStart:
				switch string(sc.local) {
				case "row":
					return evBad, 0, "", false
				case "sheetData":
					if s.phase == phasePrefix {
						if sc.self {
							s.phase = phaseTail
							return evEnd, 0, "", false
						}
						s.phase = phaseData
					}
				}
			case tokEOF:
				s.phase = phaseDone
				return evEnd, 0, "", false
			default:
				return evBad, 0, "", false
			}
		case phaseData:
			if s.inRow {
				val, keep, res := s.quickCell()
				switch res {
				case parsed:
					return evCell, 0, val, keep
				case cellUnsure:
					return evBad, 0, "", false
				}
			}
			switch sc.next() {
			case tokText:
			case tokStart:
				switch {
				case !s.inRow && string(sc.local) == "row":
					r, ok := rowNumber(sc.attrs)
					if !ok {
						return evBad, 0, "", false
					}
					s.inRow = !sc.self
					return evRow, r, "", false
				case s.inRow && string(sc.local) == "c":
					val, keep, ok := s.cell()
					if !ok {
						return evBad, 0, "", false
					}
					return evCell, 0, val, keep
				}
				return evBad, 0, "", false
			case tokEnd:
				if s.inRow {
					s.inRow = false
					continue
				}
				s.phase = phaseTail
				return evEnd, 0, "", false
			case tokEOF:
				s.phase = phaseDone
				return evEnd, 0, "", false
			default:
				return evBad, 0, "", false
			}
		}
	}
}

// rowNumber reads a row's r attribute as excelize does (attrValToInt).
func rowNumber(attrs []xmlAttr) (int, bool) {
	r := 0
	for _, a := range attrs {
		if string(a.local) != "r" {
			continue
		}
		n, ok := smallInt(a.value)
		if !ok {
			var err error
			if n, err = strconv.Atoi(string(a.value)); err != nil {
				return 0, false
			}
		}
		r = n
	}
	if r < 0 || r > fastMaxRow {
		return 0, false
	}
	return r, true
}

// smallInt parses up to 9 decimal digits.
func smallInt(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Next is excelize's Rows.Next.
func (s *fastSheet) Next() (more, ok bool) {
	s.seekRow++
	if s.curRow >= s.seekRow {
		return true, true
	}
	ev, r, _, _ := s.event()
	switch ev {
	case evRow:
		s.curRow++
		if r != 0 {
			s.curRow = r
		}
		return true, true
	case evEnd:
		return false, true
	}
	return false, false
}

// Columns is excelize's Rows.Columns: the cells of the row, up to the next
// row start whose number is past the current one.
func (s *fastSheet) Columns() (cells []string, ok bool) {
	if s.curRow > s.seekRow {
		return nil, true
	}
	s.cells, s.col = s.cells[:0], 0
	for {
		ev, r, val, keep := s.event()
		switch ev {
		case evRow:
			if r != 0 {
				s.curRow = r
			} else {
				s.curRow++
			}
			if s.curRow > s.seekRow {
				return s.row(), true
			}
		case evCell:
			if keep {
				for i := len(s.cells) + 1; i < s.col; i++ {
					s.cells = append(s.cells, "")
				}
				s.cells = append(s.cells, val)
				if len(s.cells) > fastMaxCols {
					return nil, false
				}
			}
		case evEnd:
			return s.row(), true
		default:
			return nil, false
		}
	}
}

func (s *fastSheet) row() []string {
	if len(s.cells) == 0 {
		return nil
	}
	return append([]string(nil), s.cells...)
}

// cellUnsure is a quickCell result: a cell excelize reads in a way the fast
// reader does not model.
const cellUnsure = malformed + 1

// quickCell reads a whole <c> element, in the shapes writers give it, from
// the bytes at hand: <c .../>, or <c ...> with <f>, <v> or <is><t> children
// and no text or comments between them. On any other shape it reads
// nothing and returns malformed, and cell (through the generic scanner)
// reads the element instead.
func (s *fastSheet) quickCell() (val string, keep bool, res int) {
	sc := s.sc
	for {
		if sc.pos+1 >= sc.end || sc.buf[sc.pos] != '<' || nameClass[sc.buf[sc.pos+1]] != nameStart {
			if sc.pos+1 >= sc.end && sc.more() {
				continue
			}
			return "", false, malformed
		}
		val, keep, res = s.quickCellAt(sc.buf[sc.pos:sc.end])
		if res != needMore {
			return val, keep, res
		}
		if !sc.more() {
			return "", false, malformed
		}
	}
}

func (s *fastSheet) quickCellAt(b []byte) (val string, keep bool, res int) {
	var qname []byte
	i := 0
	if len(b) > 2 && b[1] == 'c' && (b[2] == ' ' || b[2] == '>' || b[2] == '/') {
		qname, i = b[1:2], 2
	} else {
		j, colon, res := scanName(b, 1)
		if res != parsed {
			return "", false, res
		}
		if string(b[colon+1:j]) != "c" {
			return "", false, malformed
		}
		qname, i = b[1:j], j
	}
	style, typ := 0, cellNumber
	var ref []byte
	self := false
attrs:
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return "", false, needMore
		}
		switch b[i] {
		case '>':
			i++
			break attrs
		case '/':
			if i+1 >= len(b) {
				return "", false, needMore
			}
			if b[i+1] != '>' {
				return "", false, malformed
			}
			i += 2
			self = true
			break attrs
		}
		e, c, res := scanName(b, i)
		if res != parsed {
			return "", false, res
		}
		name := b[i:e]
		if c >= 0 {
			name = b[c+1 : e]
		}
		i = e
		if i+1 < len(b) && b[i] == '=' && b[i+1] == '"' {
			i++
		} else {
			i = skipSpace(b, i)
			if i >= len(b) {
				return "", false, needMore
			}
			if b[i] != '=' {
				return "", false, malformed
			}
			i = skipSpace(b, i+1)
			if i >= len(b) {
				return "", false, needMore
			}
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return "", false, malformed
		}
		ve := bytes.IndexByte(b[i+1:], q)
		if ve < 0 {
			return "", false, needMore
		}
		v := b[i+1 : i+1+ve]
		i += ve + 2
		if !plainValue(v) {
			return "", false, malformed
		}
		switch string(name) {
		case "r":
			ref = v
		case "s":
			n, ok := smallInt(v)
			if !ok {
				return "", false, malformed
			}
			style = n
		case "t":
			typ = cellType(v)
		}
	}
	var v, ist []byte
	hasF, hasIS, tSet := false, false, false
	for !self {
		if i+3 >= len(b) {
			return "", false, needMore
		}
		if b[i] != '<' {
			return "", false, malformed
		}
		if b[i+1] == '/' {
			if len(qname) == 1 && b[i+2] == 'c' && b[i+3] == '>' {
				i += 4
			} else if i, res = quickEnd(b, i, qname); res != parsed {
				return "", false, res
			}
			break
		}
		// <v>text</v> and <is><t>text</t></is>, as writers write them.
		if b[i+1] == 'v' && b[i+2] == '>' {
			t, plain := textRun(b[i+3:])
			if t < 0 {
				return "", false, needMore
			}
			k := i + 3 + t
			if k+3 >= len(b) {
				return "", false, needMore
			}
			if plain && b[k+1] == '/' && b[k+2] == 'v' && b[k+3] == '>' {
				v = b[i+3 : k]
				i = k + 4
				continue
			}
		}
		if hasPrefix(b[i:], "<is><t>") && !hasIS {
			t, plain := textRun(b[i+7:])
			if t < 0 {
				return "", false, needMore
			}
			k := i + 7 + t
			if k+9 > len(b) {
				return "", false, needMore
			}
			if plain && hasPrefix(b[k:], "</t></is>") {
				ist, hasIS, tSet = b[i+7:k], true, true
				i = k + 9
				continue
			}
		}
		e, colon, res := scanName(b, i+1)
		if res != parsed {
			return "", false, res
		}
		cq, cl := b[i+1:e], b[i+1:e]
		if colon >= 0 {
			cl = b[colon+1 : e]
		}
		switch string(cl) {
		case "v":
			if i, v, res = s.quickText(b, e, cq, nil); res != parsed {
				return "", false, res
			}
		case "f":
			hasF = true
			if i, _, res = s.quickText(b, e, cq, formulaAttr); res != parsed {
				return "", false, res
			}
		case "is":
			if hasIS {
				return "", false, malformed
			}
			hasIS, tSet, ist = true, false, nil
			var isSelf bool
			if i, isSelf, res = quickAttrs(b, e, nil); res != parsed {
				return "", false, res
			}
			if isSelf {
				continue
			}
			// <t ...>text</t> then </is>
			if i+1 >= len(b) {
				return "", false, needMore
			}
			if b[i] != '<' || b[i+1] == '/' {
				return "", false, malformed
			}
			te, tcolon, res := scanName(b, i+1)
			if res != parsed {
				return "", false, res
			}
			tq, tl := b[i+1:te], b[i+1:te]
			if tcolon >= 0 {
				tl = b[tcolon+1 : te]
			}
			if string(tl) != "t" {
				return "", false, malformed
			}
			tSet = true
			if i, ist, res = s.quickText(b, te, tq, nil); res != parsed {
				return "", false, res
			}
			if i+1 >= len(b) {
				return "", false, needMore
			}
			if b[i] != '<' || b[i+1] != '/' {
				return "", false, malformed
			}
			if i, res = quickEnd(b, i, cq); res != parsed {
				return "", false, res
			}
		default:
			return "", false, malformed
		}
	}
	col := s.col + 1
	if len(ref) > 0 {
		c, ok := cellColumn(ref)
		if !ok {
			return "", false, cellUnsure
		}
		col = c
	}
	is := ""
	if typ == cellInline && hasIS && tSet && len(ist) > 0 {
		is = bstrUnmarshal(ist)
	}
	val, ok := s.value(typ, style, v, hasIS, is)
	if !ok {
		return "", false, cellUnsure
	}
	s.col = col
	s.sc.pos += i
	return val, val != "" || hasF, parsed
}

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// quickAttrs reads the attributes of a start tag from b[i] through its
// closing > or />. Values must be plain (see plainValue); each goes to
// attr, which returns false to reject it. typed attributes are checked as
// checkAttrs does.
func quickAttrs(b []byte, i int, attr func(name, v []byte) bool) (end int, self bool, res int) {
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return 0, false, needMore
		}
		switch b[i] {
		case '>':
			return i + 1, false, parsed
		case '/':
			if i+1 >= len(b) {
				return 0, false, needMore
			}
			if b[i+1] != '>' {
				return 0, false, malformed
			}
			return i + 2, true, parsed
		}
		e, c, res := scanName(b, i)
		if res != parsed {
			return 0, false, res
		}
		name := b[i:e]
		if c >= 0 {
			name = b[c+1 : e]
		}
		i = skipSpace(b, e)
		if i >= len(b) {
			return 0, false, needMore
		}
		if b[i] != '=' {
			return 0, false, malformed
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return 0, false, needMore
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return 0, false, malformed
		}
		ve := bytes.IndexByte(b[i+1:], q)
		if ve < 0 {
			return 0, false, needMore
		}
		v := b[i+1 : i+1+ve]
		i += ve + 2
		if !plainValue(v) || attr != nil && !attr(name, v) {
			return 0, false, malformed
		}
	}
}

// quickEnd reads the end tag </qname> at b[i].
func quickEnd(b []byte, i int, qname []byte) (int, int) {
	k := i + 2 + len(qname)
	if k > len(b) {
		return 0, needMore
	}
	if !bytes.Equal(b[i+2:k], qname) {
		return 0, malformed
	}
	k = skipSpace(b, k)
	if k >= len(b) {
		return 0, needMore
	}
	if b[k] != '>' {
		return 0, malformed
	}
	return k + 1, parsed
}

// quickText reads the rest of the start tag of element qname from b[i],
// its text and its end tag. The text points into b, or into the scanner's
// text buffer when it needed decoding.
func (s *fastSheet) quickText(b []byte, i int, qname []byte, typed func([]byte) byte) (int, []byte, int) {
	var check func(name, v []byte) bool
	if typed != nil {
		check = func(name, v []byte) bool {
			k := typed(name)
			return k == 0 || typedAttrOK(k, v)
		}
	}
	i, self, res := quickAttrs(b, i, check)
	if res != parsed || self {
		return i, nil, res
	}
	t, plain := textRun(b[i:])
	if t < 0 {
		return 0, nil, needMore
	}
	raw := b[i : i+t]
	if !plain {
		dec, rewritten, ok := decodeXMLText(s.sc.tbuf[:0], raw, -1)
		if !ok {
			return 0, nil, malformed
		}
		if rewritten {
			s.sc.tbuf = dec
			raw = dec
		}
	}
	i += t
	if i+1 >= len(b) {
		return 0, nil, needMore
	}
	if b[i+1] != '/' {
		return 0, nil, malformed
	}
	i, res = quickEnd(b, i, qname)
	return i, raw, res
}

// cell reads a <c> element whose start tag was just read, and returns its
// value and whether excelize keeps it (a value, or a formula).
func (s *fastSheet) cell() (val string, keep, ok bool) {
	sc := s.sc
	style, typ := 0, cellNumber
	s.ref = s.ref[:0]
	for _, a := range sc.attrs {
		switch string(a.local) {
		case "r":
			s.ref = append(s.ref[:0], a.value...)
		case "s":
			n, ok := smallInt(a.value)
			if !ok {
				return "", false, false
			}
			style = n
		case "t":
			typ = cellType(a.value)
		}
	}
	s.col++
	if len(s.ref) > 0 {
		col, ok := cellColumn(s.ref)
		if !ok {
			return "", false, false
		}
		s.col = col
	}
	s.v = s.v[:0]
	hasF, hasIS := false, false
	if !sc.self {
	children:
		for {
			switch sc.next() {
			case tokText:
			case tokEnd:
				break children
			case tokStart:
				switch string(sc.local) {
				case "v":
					s.v = s.v[:0]
					if !readTextContent(sc, &s.v) {
						return "", false, false
					}
				case "f":
					hasF = true
					if !checkAttrs(sc.attrs, formulaAttr) {
						return "", false, false
					}
					var f []byte
					if !readTextContent(sc, &f) {
						return "", false, false
					}
				case "is":
					if hasIS {
						return "", false, false // excelize merges them
					}
					hasIS = true
					if !readSI(sc, &s.is) {
						return "", false, false
					}
				default:
					return "", false, false
				}
			default:
				return "", false, false
			}
		}
	}
	is := ""
	if typ == cellInline && hasIS {
		is = s.is.String()
	}
	val, ok = s.value(typ, style, s.v, hasIS, is)
	return val, ok && (val != "" || hasF), ok
}

// value is excelize's getValueFrom, for a cell of type typ and style
// style whose <v> holds v; is is the text of its <is>, if it has one.
func (s *fastSheet) value(typ, style int, v []byte, hasIS bool, is string) (string, bool) {
	b := s.b
	switch typ {
	case cellBool:
		switch string(v) {
		case "1":
			return "TRUE", true
		case "0":
			return "FALSE", true
		}
		return b.textStyle(style, string(v))
	case cellDate:
		return "", false
	case cellShared:
		if len(v) > 0 {
			i, ok := smallInt(v)
			if !ok {
				var err error
				i, err = strconv.Atoi(strings.TrimSpace(string(v)))
				if err != nil && !errors.Is(err, strconv.ErrRange) {
					i = 0
				}
			}
			if i < 0 {
				return "", false // excelize panics
			}
			if b.sstTemp {
				str := ""
				if i < len(b.sst) {
					str = b.sst[i]
				}
				if str == "" {
					str = strconv.Itoa(i)
				}
				return b.textStyle(style, str)
			}
			if i < len(b.sst) {
				return b.textStyle(style, b.sst[i])
			}
		}
		return b.textStyle(style, string(v))
	case cellStr:
		return string(v), true
	case cellInline:
		if hasIS {
			return b.textStyle(style, is)
		}
		return b.textStyle(style, string(v))
	}
	if len(v) > fastMaxNumberLen {
		return "", false
	}
	return b.numberStyle(style, v)
}

// cellColumn is the column of excelize's CellNameToCoordinates; ok is
// false where it returns an error.
func cellColumn(ref []byte) (int, bool) {
	i, col := 0, 0
	for i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i > 0 && i < len(ref) && ref[i] >= '1' && ref[i] <= '9' && len(ref)-i <= 7 {
		row, ok := smallInt(ref[i:])
		if ok && row <= fastMaxRow && col <= fastMaxCols {
			return col, true
		}
	}
	col, _, err := excelize.CellNameToCoordinates(string(ref))
	return col, err == nil
}
