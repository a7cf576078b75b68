package ingest

import (
	"bytes"
	"encoding/binary"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"
)

// maxXMLToken bounds one tag, text run or comment held in memory at once.
const maxXMLToken = 1 << 20

type tokKind int

const (
	tokEOF   tokKind = iota // end of input, or input ending inside a token
	tokText                 // character data, decoded into xmlScanner.text
	tokStart                // start tag: local, attrs, self
	tokEnd                  // end tag matching the innermost open element
	tokBad                  // outside what this scanner models
)

// xmlScanner is a pull tokenizer for the XML of worksheet and shared
// string parts. It accepts a subset of what encoding/xml (as excelize uses
// it) accepts, and returns tokBad for anything else: malformed input,
// DOCTYPE, non-ASCII names, a non-UTF-8 declaration. Text and attribute
// values are decoded exactly as encoding/xml decodes them.
type xmlScanner struct {
	r    io.Reader
	buf  []byte
	pos  int // next byte
	end  int // end of the bytes read
	eof  bool
	fail bool // read error, or a token longer than maxXMLToken

	names []byte // raw names of the open elements, back to back
	marks []int  // start of each name in names

	// The current token.
	local    []byte // local name of a start or end tag
	prefixed bool   // the tag's name has a namespace prefix
	self     bool   // start tag closed with />
	attrs    []xmlAttr
	text     []byte // decoded character data (may alias buf)

	vals []byte // attribute values that needed decoding
	tbuf []byte // decoded text that needed rewriting
}

type xmlAttr struct{ space, local, value []byte }

// newXMLScanner reads from r, whose length is about size (the declared
// size of a ZIP entry; 0 when unknown).
func newXMLScanner(r io.Reader, size uint64) *xmlScanner {
	n := scanBufSize
	if size > 0 && size < scanBufSize {
		n = max(int(size)+1, 512)
	}
	var buf []byte
	if n == scanBufSize {
		buf = *scanBufs.Get().(*[]byte)
	} else {
		buf = make([]byte, n)
	}
	return &xmlScanner{r: r, buf: buf}
}

const scanBufSize = 256 << 10

var scanBufs = sync.Pool{New: func() any { b := make([]byte, scanBufSize); return &b }}

// release returns the buffer for reuse; the scanner is not used after.
func (s *xmlScanner) release() {
	if len(s.buf) == scanBufSize {
		b := s.buf
		scanBufs.Put(&b)
	}
	s.buf = nil
}

// more reads more input, keeping the bytes from pos on. It returns false
// at the end of the input or on a failure.
func (s *xmlScanner) more() bool {
	if s.eof || s.fail {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxXMLToken {
			s.fail = true
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
		} else if err != nil {
			s.fail = true
		}
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// at returns the byte i bytes past pos, reading as needed.
func (s *xmlScanner) at(i int) (byte, bool) {
	for s.pos+i >= s.end {
		if !s.more() {
			return 0, false
		}
	}
	return s.buf[s.pos+i], true
}

// ended reports how the input ran out: tokEOF at its end, tokBad when
// reading failed.
func (s *xmlScanner) ended() tokKind {
	if s.fail {
		return tokBad
	}
	return tokEOF
}

// next returns the next token. Comments and processing instructions are
// checked and skipped.
func (s *xmlScanner) next() tokKind {
	for {
		if s.pos+1 >= s.end {
			if _, ok := s.at(1); !ok {
				if s.pos < s.end && s.buf[s.pos] != '<' {
					return s.charData()
				}
				return s.ended()
			}
		}
		if s.buf[s.pos] != '<' {
			return s.charData()
		}
		c := s.buf[s.pos+1]
		var k tokKind
		switch c {
		case '/':
			return s.endTag()
		case '?':
			k = s.procInst()
		case '!':
			k = s.bang()
		default:
			return s.startTag()
		}
		if k != tokText {
			return k
		}
		if s.text != nil {
			return tokText // CDATA
		}
	}
}

// charData reads text up to the next '<' or the end of the input.
func (s *xmlScanner) charData() tokKind {
	from := 0
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], '<'); i >= 0 {
			from += i
			break
		}
		from = s.end - s.pos
		if !s.more() {
			if s.fail {
				return tokBad
			}
			break // text at the end of the input is a token
		}
	}
	raw := s.buf[s.pos : s.pos+from]
	s.text = raw
	if !plainText(raw) {
		t, rewritten, ok := decodeXMLText(s.tbuf[:0], raw, -1)
		if !ok {
			return tokBad
		}
		if rewritten {
			s.tbuf, s.text = t, t
		}
	}
	s.pos += from
	return tokText
}

// decodeXMLText decodes character data (quote < 0) or an attribute value
// (quote is its delimiter) as encoding/xml does: entities, character
// references, \r\n and \r to \n, and the same rejections (invalid UTF-8,
// characters outside XML's range, ]]> in text, < in a value). The decoded
// text is appended to dst only when it differs from raw (rewritten).
func decodeXMLText(dst, raw []byte, quote int) (out []byte, rewritten, ok bool) {
	if !utf8.Valid(raw) {
		return dst, false, false
	}
	start := 0
	for i := 0; i < len(raw); i++ {
		k := specialIndex(raw[i:])
		if k < 0 {
			break
		}
		i += k
		switch c := raw[i]; {
		case c == '\t' || c == '\n':
		case c == '\r':
			dst = append(dst, raw[start:i]...)
			dst = append(dst, '\n')
			rewritten = true
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			start = i + 1
		case c < 0x20 || c == '<':
			return dst, false, false
		case c == ']':
			if quote < 0 && i+2 < len(raw) && raw[i+1] == ']' && raw[i+2] == '>' {
				return dst, false, false
			}
		case c == 0xEF:
			// U+FFFE and U+FFFF are outside XML's character range.
			if raw[i+1] == 0xBF && raw[i+2] >= 0xBE {
				return dst, false, false
			}
		case c == '&':
			r, n, ok := xmlEntity(raw[i:])
			if !ok {
				return dst, false, false
			}
			dst = append(dst, raw[start:i]...)
			dst = utf8.AppendRune(dst, r)
			rewritten = true
			i += n - 1
			start = i + 1
		}
	}
	if !rewritten {
		return dst, false, true
	}
	return append(dst, raw[start:]...), true, true
}

// plainText reports whether text needs no decoding and no check beyond
// this one: valid UTF-8 in XML's character range, without control
// characters other than tab and newline, entities, or ]. False means
// "look closer" (decodeXMLText decides), not "invalid".
func plainText(b []byte) bool {
	n, plain := textRun(b)
	return plain && n < 0
}

// textRun scans text up to the first '<'. It returns the index of that '<'
// (-1 if there is none) and whether the text before it is plain (see
// plainText).
func textRun(b []byte) (int, bool) {
	const highs = 0x8080808080808080
	n := len(b)
	for i := 0; i < n; {
		c := b[i]
		switch {
		case c-0xE1 <= 0xEC-0xE1 || c == 0xEE:
			if i+2 >= n || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 {
				return lt(b, i)
			}
			i += 3
		case c < 0x80:
			if textSpecial[c] != 0 && c != '\t' && c != '\n' {
				if c == '<' {
					return i, true
				}
				return lt(b, i)
			}
			i++
			for i+8 <= n {
				x := binary.LittleEndian.Uint64(b[i:])
				if x&highs != 0 || hasSpecialASCII(x) {
					break
				}
				i += 8
			}
		case c == 0xEF:
			if i+2 >= n || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 || b[i+1] == 0xBF && b[i+2] >= 0xBE {
				return lt(b, i)
			}
			i += 3
		case c-0xC2 <= 0xDF-0xC2:
			if i+1 >= n || b[i+1]&0xC0 != 0x80 {
				return lt(b, i)
			}
			i += 2
		default:
			return lt(b, i)
		}
	}
	return -1, true
}

// lt finishes textRun once the text is known not to be plain.
func lt(b []byte, i int) (int, bool) {
	if j := bytes.IndexByte(b[i:], '<'); j >= 0 {
		return i + j, false
	}
	return -1, false
}

// hasSpecialASCII reports whether any of eight ASCII bytes is a control
// character, &, < or ].
func hasSpecialASCII(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	lt := (x - ones*0x20) &^ x
	amp := x ^ (ones * '&')
	lt2 := x ^ (ones * '<')
	br := x ^ (ones * ']')
	return (lt|(amp-ones)&^amp|(lt2-ones)&^lt2|(br-ones)&^br)&highs != 0
}

// specialIndex returns the index of the first byte of b that text
// decoding looks at (a control character, &, <, ], or 0xEF, which starts
// U+FFFE and U+FFFF), or -1. It tests eight bytes at a time.
func specialIndex(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		lt := (x - ones*0x20) &^ x // bytes below 0x20 (exact for ASCII bytes)
		amp := x ^ (ones * '&')
		lt2 := x ^ (ones * '<')
		br := x ^ (ones * ']')
		ef := x ^ (ones * 0xEF)
		z := lt | (amp-ones)&^amp | (lt2-ones)&^lt2 | (br-ones)&^br | (ef-ones)&^ef
		if z&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if textSpecial[b[i]] != 0 {
			return i
		}
	}
	return -1
}

// textSpecial marks the bytes specialIndex looks for.
var textSpecial = func() (t [256]byte) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	for _, c := range []byte{'&', '<', ']', 0xEF} {
		t[c] = 1
	}
	return t
}()

// xmlEntity decodes the entity or character reference at the start of b
// and returns the rune and the length of the reference. ok is false where
// encoding/xml (strict, with no custom entities) reports an error.
func xmlEntity(b []byte) (rune, int, bool) {
	if len(b) < 3 {
		return 0, 0, false
	}
	if b[1] == '#' {
		i, base := 2, 10
		if b[i] == 'x' {
			i, base = 3, 16
		}
		j := i
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || base == 16 && (b[j] >= 'a' && b[j] <= 'f' || b[j] >= 'A' && b[j] <= 'F')) {
			j++
		}
		if j >= len(b) || b[j] != ';' || j == i || j-i > 16 {
			return 0, 0, false
		}
		n, err := strconv.ParseUint(string(b[i:j]), base, 64)
		if err != nil || n > utf8.MaxRune {
			return 0, 0, false
		}
		r := rune(n)
		if r >= 0xD800 && r <= 0xDFFF {
			r = utf8.RuneError // string(rune(n)) of a surrogate
		}
		if !xmlChar(r) {
			return 0, 0, false
		}
		return r, j + 1, true
	}
	for _, e := range xmlEntities {
		if len(b) > 1+len(e.name) && string(b[1:1+len(e.name)]) == e.name && b[1+len(e.name)] == ';' {
			return e.r, len(e.name) + 2, true
		}
	}
	return 0, 0, false
}

var xmlEntities = []struct {
	name string
	r    rune
}{{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"apos", '\''}, {"quot", '"'}}

// xmlChar reports whether r is in XML's character range.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// nameClass classifies bytes in XML names as this scanner models them:
// ASCII only; non-ASCII names are left to encoding/xml.
var nameClass = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
			t[c] = nameStart
		case c >= '0' && c <= '9' || c == '.' || c == '-':
			t[c] = nameChar
		case c == ':':
			t[c] = nameColon
		case c >= 0x80:
			t[c] = nameOther
		}
	}
	return t
}()

const (
	nameStop = iota
	nameStart
	nameChar
	nameColon
	nameOther
)

// Results of parsing a tag in the bytes at hand.
const (
	parsed = iota
	needMore
	malformed
)

// scanName returns the end of the XML name starting at b[i] and the
// position of its colon (-1 if none). It fails (malformed) on names this
// scanner does not model: non-ASCII, a leading digit, dot, hyphen or colon,
// more than one colon, a colon at the end.
func scanName(b []byte, i int) (end, colon, res int) {
	if i >= len(b) {
		return 0, 0, needMore
	}
	if nameClass[b[i]] != nameStart {
		return 0, 0, malformed
	}
	colon = -1
	for i++; i < len(b); i++ {
		switch nameClass[b[i]] {
		case nameStart, nameChar:
		case nameColon:
			if colon >= 0 {
				return 0, 0, malformed
			}
			colon = i
		case nameOther:
			return 0, 0, malformed
		default:
			if colon == i-1 {
				return 0, 0, malformed
			}
			return i, colon, parsed
		}
	}
	return 0, 0, needMore
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isXMLSpace(b[i]) {
		i++
	}
	return i
}

// startTag reads a start tag. Names and values point into the buffer, or
// into vals when a value had to be decoded: they hold until the next token.
func (s *xmlScanner) startTag() tokKind {
	for {
		switch s.parseStartTag() {
		case parsed:
			return tokStart
		case malformed:
			return tokBad
		}
		if !s.more() {
			return s.ended()
		}
	}
}

func (s *xmlScanner) parseStartTag() int {
	b := s.buf[s.pos:s.end]
	j, colon, res := scanName(b, 1)
	if res != parsed {
		return res
	}
	qname := b[1:j]
	s.local, s.prefixed = qname, colon >= 0
	if colon >= 0 {
		s.local = b[colon+1 : j]
	}
	s.attrs = s.attrs[:0]
	s.vals = s.vals[:0]
	s.self = false
	i := j
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return needMore
		}
		if b[i] == '>' {
			i++
			break
		}
		if b[i] == '/' {
			if i+1 >= len(b) {
				return needMore
			}
			if b[i+1] != '>' {
				return malformed
			}
			s.self = true
			i += 2
			break
		}
		e, c, res := scanName(b, i)
		if res != parsed {
			return res
		}
		a := xmlAttr{space: b[i:i], local: b[i:e]}
		if c >= 0 {
			a.space, a.local = b[i:c], b[c+1:e]
		}
		i = skipSpace(b, e)
		if i >= len(b) {
			return needMore
		}
		if b[i] != '=' {
			return malformed
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return needMore
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return malformed
		}
		ve := bytes.IndexByte(b[i+1:], q)
		if ve < 0 {
			return needMore
		}
		raw := b[i+1 : i+1+ve]
		i += ve + 2
		a.value = raw
		if !plainValue(raw) {
			start := len(s.vals)
			dec, rewritten, ok := decodeXMLText(s.vals, raw, int(q))
			if !ok {
				return malformed
			}
			if rewritten {
				s.vals = dec
				a.value = s.vals[start:len(s.vals):len(s.vals)]
			}
		}
		s.attrs = append(s.attrs, a)
	}
	if !s.self {
		s.marks = append(s.marks, len(s.names))
		s.names = append(s.names, qname...)
	}
	s.pos += i
	return parsed
}

// plainValue reports whether an attribute value is printable ASCII with no
// entity, so it needs no decoding or checking.
func plainValue(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x7F || c == '&' || c == '<' {
			return false
		}
	}
	return true
}

func (s *xmlScanner) endTag() tokKind {
	for {
		b := s.buf[s.pos:s.end]
		j, colon, res := scanName(b, 2)
		if res == malformed {
			return tokBad
		}
		if res == parsed {
			i := skipSpace(b, j)
			if i < len(b) {
				if b[i] != '>' || len(s.marks) == 0 {
					return tokBad
				}
				top := s.marks[len(s.marks)-1]
				if !bytes.Equal(s.names[top:], b[2:j]) {
					return tokBad
				}
				s.local = b[2:j]
				if colon >= 0 {
					s.local = b[colon+1 : j]
				}
				s.names = s.names[:top]
				s.marks = s.marks[:len(s.marks)-1]
				s.pos += i + 1
				return tokEnd
			}
		}
		if !s.more() {
			return s.ended()
		}
	}
}

// depth is the number of open elements.
func (s *xmlScanner) depth() int { return len(s.marks) }

// procInst skips a processing instruction. The XML declaration must say
// version 1.0 and UTF-8 (or nothing), in the plain form writers use.
func (s *xmlScanner) procInst() tokKind {
	for i := 2; ; i++ {
		for s.pos+i+1 >= s.end {
			if !s.more() {
				return s.ended()
			}
		}
		if i > maxXMLToken {
			return tokBad
		}
		if s.buf[s.pos+i] == '?' && s.buf[s.pos+i+1] == '>' {
			b := s.buf[s.pos : s.pos+i+2]
			j, colon, res := scanName(b, 2)
			if res != parsed || colon >= 0 {
				return tokBad
			}
			if string(b[2:j]) == "xml" && !plainXMLDecl(b[j:i]) {
				return tokBad
			}
			s.pos += i + 2
			s.text = nil
			return tokText
		}
	}
}

// plainXMLDecl reports whether the pseudo-attributes of an XML declaration
// are version="1.0", encoding="utf-8" (any case) and standalone, each at
// most once, in double or single quotes.
func plainXMLDecl(b []byte) bool {
	seen := map[string]bool{}
	for {
		i := 0
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		b = b[i:]
		if len(b) == 0 {
			return true
		}
		if i == 0 && len(seen) > 0 {
			return false
		}
		eq := bytes.IndexByte(b, '=')
		if eq < 0 || eq+1 >= len(b) {
			return false
		}
		name := string(b[:eq])
		q := b[eq+1]
		if q != '"' && q != '\'' {
			return false
		}
		e := bytes.IndexByte(b[eq+2:], q)
		if e < 0 {
			return false
		}
		val := string(b[eq+2 : eq+2+e])
		if seen[name] || bytes.ContainsAny([]byte(val), "\"'=") {
			return false
		}
		seen[name] = true
		switch name {
		case "version":
			if val != "1.0" {
				return false
			}
		case "encoding":
			if !bytes.EqualFold([]byte(val), []byte("utf-8")) {
				return false
			}
		case "standalone":
			if val != "yes" && val != "no" {
				return false
			}
		default:
			return false
		}
		b = b[eq+3+e:]
	}
}

// bang handles <!-- comments --> and <![CDATA[ sections ]]>; directives
// (<!DOCTYPE) are not modelled.
func (s *xmlScanner) bang() tokKind {
	c, ok := s.at(2)
	if !ok {
		return s.ended()
	}
	switch c {
	case '-':
		if c, ok = s.at(3); !ok {
			return s.ended()
		}
		if c != '-' {
			return tokBad
		}
		var b0, b1 byte
		for i := 4; ; i++ {
			if i > maxXMLToken {
				return tokBad
			}
			c, ok := s.at(i)
			if !ok {
				return s.ended()
			}
			if b0 == '-' && b1 == '-' {
				if c != '>' {
					return tokBad
				}
				s.pos += i + 1
				s.text = nil
				return tokText
			}
			b0, b1 = b1, c
		}
	case '[':
		for i := 0; i < 6; i++ {
			c, ok := s.at(3 + i)
			if !ok {
				return s.ended()
			}
			if c != "CDATA["[i] {
				return tokBad
			}
		}
		from := 9
		for {
			if i := bytes.Index(s.buf[s.pos+from:s.end], []byte("]]>")); i >= 0 {
				from += i
				break
			}
			from = max(9, s.end-s.pos-2)
			if !s.more() {
				return s.ended()
			}
		}
		raw := s.buf[s.pos+9 : s.pos+from]
		t, ok := decodeCDATA(s.tbuf[:0], raw)
		if !ok {
			return tokBad
		}
		s.tbuf = t
		s.text = t
		s.pos += from + 3
		return tokText
	}
	return tokBad
}

// decodeCDATA checks a CDATA section and rewrites its line ends as
// encoding/xml does; entities are not decoded there.
func decodeCDATA(dst, raw []byte) ([]byte, bool) {
	if !utf8.Valid(raw) {
		return nil, false
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\r':
			dst = append(dst, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		case c < 0x20 && c != '\t' && c != '\n':
			return nil, false
		case c == 0xEF && i+2 < len(raw) && raw[i+1] == 0xBF && raw[i+2] >= 0xBE:
			return nil, false
		}
		dst = append(dst, c)
	}
	return dst, true
}

// skipElement skips the content of the start tag just read, up to and
// including its end tag, checking it as it goes.
func (s *xmlScanner) skipElement() bool {
	if s.self {
		return true
	}
	d := s.depth()
	for {
		switch s.next() {
		case tokText:
		case tokStart:
		case tokEnd:
			if s.depth() < d {
				return true
			}
		default:
			return false
		}
	}
}
