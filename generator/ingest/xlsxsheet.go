package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Worksheet rows, read as excelize's Rows iterator yields them.

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
				if sc.depth() > 0 {
					return evBad, 0, "", false // cut short: excelize's, then validateSheet's
				}
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
				return evBad, 0, "", false // cut short inside the rows
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
		if string(b[max(colon+1, 1):j]) != "c" {
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
