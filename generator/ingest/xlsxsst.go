package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Shared strings, and the string items of shared strings and inline cells,
// read as excelize reads them.

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
