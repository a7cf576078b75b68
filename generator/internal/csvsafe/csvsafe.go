// Package csvsafe writes CSV that spreadsheet programs open correctly and
// safely: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it)
// and cells that would start a formula neutralised.
package csvsafe

import (
	"bytes"
	"encoding/csv"
)

// Cell neutralises a value that a spreadsheet would take as a formula: one
// starting with = + - @, a tab or a carriage return gets a leading
// apostrophe. Plain negative numbers are left alone.
func Cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if isNumber(s[1:]) {
			return s
		}
		return "'" + s
	}
	return s
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return true
}

// Encode returns the rows as CSV with a UTF-8 BOM and CRLF line ends.
func Encode(rows [][]string) []byte {
	// Sized for the cells, separators and line ends, so the buffer is not
	// copied as it grows; quoting adds little.
	n := 3
	for _, r := range rows {
		n += len(r) + 1
		for _, c := range r {
			n += len(c)
		}
	}
	var buf bytes.Buffer
	buf.Grow(n + n/32)
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	rec := make([]string, 0, 32)
	for _, r := range rows {
		rec = rec[:0]
		for _, c := range r {
			rec = append(rec, Cell(c))
		}
		w.Write(rec) // writes to a bytes.Buffer cannot fail
	}
	w.Flush()
	return buf.Bytes()
}
