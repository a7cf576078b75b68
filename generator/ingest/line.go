package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Line ends and mixed encodings in text files.
//
// A line ends at LF, CRLF or a CR alone (the classic Mac line end, which
// some exports still write): crReader turns a lone CR into LF before
// encoding/csv, which knows only the other two. Lines longer than
// MaxLineBytes stop reading. In a GB18030 file, gbReader decodes line by
// line and remembers the lines that are UTF-8 instead, so that their cells
// become errors rather than garbled text.

// utf8Lines reads UTF-8 text from r with its line ends made LF or CRLF and
// its lines bounded.
func utf8Lines(r io.Reader) io.Reader {
	return &lineGuard{r: &crReader{r: r}}
}

// crReader makes every line end LF: a CR becomes LF, and an LF right after
// a CR is dropped. CR and LF are single bytes in UTF-8 and GB18030 and
// never part of another character.
type crReader struct {
	r       io.Reader
	afterCR bool // the last byte passed on was a CR
}

func (c *crReader) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		if bytes.IndexByte(p[:n], '\r') < 0 && !(c.afterCR && n > 0 && p[0] == '\n') {
			if n > 0 {
				c.afterCR = false
			}
			return n, err
		}
		w := 0
		for _, ch := range p[:n] {
			if ch == '\n' && c.afterCR {
				c.afterCR = false
				continue
			}
			c.afterCR = ch == '\r'
			if ch == '\r' {
				ch = '\n'
			}
			p[w] = ch
			w++
		}
		if w > 0 || err != nil {
			return w, err
		}
	}
}

// lineGuard fails once a line grows past MaxLineBytes.
type lineGuard struct {
	r    io.Reader
	run  int // bytes since the last LF
	line int // LFs passed
}

func (g *lineGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	b := p[:n]
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			g.run += len(b)
			break
		}
		if g.run+i > MaxLineBytes {
			g.run += i
			break
		}
		g.run, g.line = 0, g.line+1
		b = b[i+1:]
	}
	if g.run > MaxLineBytes {
		return n, longLine(g.line + 1)
	}
	return n, err
}

// recordGuard fails once encoding/csv holds more than MaxRecordBytes of a
// record it has not finished: the bytes read past start, the input offset
// where the record began (csvSource sets it after each record), less
// csv's own buffer.
type recordGuard struct {
	r     io.Reader
	start int64
	read  int64
}

// csvBuffer is how much encoding/csv reads ahead of its records (its
// bufio.Reader's default size).
const csvBuffer = 4096

func (g *recordGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.read += int64(n)
	if g.read-g.start > MaxRecordBytes+csvBuffer {
		return n, limitf(0, 0, "a record is longer than %s (MaxRecordBytes): a quoted cell is not closed, or holds a whole file", size(MaxRecordBytes))
	}
	return n, err
}

func longLine(line int) *LimitError {
	return limitf(line, 0, "line %d is longer than %s (MaxLineBytes), the longest line gongshi reads: the file is damaged, or its line ends are not LF, CRLF or CR", line, size(MaxLineBytes))
}

// gbReader decodes GB18030 text line by line. A line that is valid UTF-8
// and holds at least two characters of three UTF-8 bytes (Chinese text)
// is passed on as it is, and its number noted: GB18030 decodes almost any
// bytes, so such a line would otherwise come out as garbled text.
type gbReader struct {
	src  *bufio.Reader
	buf  []byte // the current line, raw
	dbuf []byte // its decoded text
	out  []byte // the part of dbuf not yet read
	dec  transform.Transformer
	line int // physical lines decoded
	err  error

	utf8 []int // numbers of the UTF-8 lines not yet claimed by a row
}

func newGBReader(r io.Reader) *gbReader {
	return &gbReader{src: bufio.NewReaderSize(&crReader{r: r}, 64<<10), dec: simplifiedchinese.GB18030.NewDecoder()}
}

func (g *gbReader) Read(p []byte) (int, error) {
	for len(g.out) == 0 {
		if g.err != nil {
			return 0, g.err
		}
		g.fill()
	}
	n := copy(p, g.out)
	g.out = g.out[n:]
	return n, nil
}

// fill decodes the next line.
func (g *gbReader) fill() {
	g.buf = g.buf[:0]
	for {
		chunk, err := g.src.ReadSlice('\n')
		g.buf = append(g.buf, chunk...)
		if len(g.buf) > MaxLineBytes {
			g.err = longLine(g.line + 1)
			return
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			g.err = err
		}
		break
	}
	if len(g.buf) == 0 {
		return
	}
	g.line++
	if utf8Text(g.buf) {
		g.utf8 = append(g.utf8, g.line)
		g.out = g.buf
		return
	}
	// A GB18030 character of n bytes gives at most 3n bytes of UTF-8
	// (U+FFFD for a stray byte).
	if need := 3*len(g.buf) + 4; cap(g.dbuf) < need {
		g.dbuf = make([]byte, need)
	}
	g.dec.Reset()
	n, _, err := g.dec.Transform(g.dbuf[:cap(g.dbuf)], g.buf, true)
	if err != nil {
		g.err = err
		return
	}
	g.out = g.dbuf[:n]
}

// utf8Text reports whether b is valid UTF-8 holding at least two
// characters of three bytes or more: Chinese text in UTF-8, which GBK
// text almost never is.
func utf8Text(b []byte) bool {
	n := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 {
			return false
		}
		if w >= 3 {
			n++
		}
		i += w
	}
	return n >= 2
}

// utf8Cell reports the first cell of rec (just read by r) that lies on a
// line noted as UTF-8, and forgets the lines before the record's end.
func (g *gbReader) utf8Cell(r *csv.Reader, rec []string) (int, bool) {
	if len(g.utf8) == 0 {
		return 0, false
	}
	first, _ := r.FieldPos(0)
	last, _ := r.FieldPos(len(rec) - 1)
	last += bytes.Count([]byte(rec[len(rec)-1]), []byte{'\n'})
	for len(g.utf8) > 0 && g.utf8[0] < first {
		g.utf8 = g.utf8[1:]
	}
	col, found := 0, false
	if len(g.utf8) > 0 && g.utf8[0] <= last {
		line := g.utf8[0]
		for i := range rec {
			start, _ := r.FieldPos(i)
			end := start + bytes.Count([]byte(rec[i]), []byte{'\n'})
			if line >= start && line <= end && hasNonASCII(rec[i]) {
				col, found = i, true
				break
			}
			if start > line {
				break
			}
		}
		if !found {
			col, found = 0, true
		}
	}
	for len(g.utf8) > 0 && g.utf8[0] <= last {
		g.utf8 = g.utf8[1:]
	}
	return col, found
}

// mostlyUTF8 reports whether most of the lines of b that hold non-ASCII
// text are valid UTF-8. A line ends at LF or CR, as utf8Lines reads it, so
// the file is judged by the lines its cells come from.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for len(b) > 0 {
		i := lineEnd(b)
		line := b
		if i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			line, b = trimPartialRune(b), nil
		}
		if !hasNonASCII(string(line)) {
			continue
		}
		if utf8.Valid(line) {
			good++
		} else {
			bad++
		}
	}
	return good > bad
}

// looksGBLines reports whether the lines of b that are not UTF-8 Chinese
// text (see utf8Text) are plausibly GB18030: a GBK file with a few UTF-8
// lines is read as GBK, and those lines are errors.
func looksGBLines(b []byte) bool {
	for len(b) > 0 {
		i := lineEnd(b)
		line := b
		if i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if !utf8Text(line) && !looksGB(line) {
			return false
		}
	}
	return true
}

// lineEnd returns the index of b's first LF or CR, or -1.
func lineEnd(b []byte) int {
	return bytes.IndexAny(b, "\r\n")
}
