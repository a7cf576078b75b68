package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gongshi/generator/diag"
)

// Limits on what one file may hold. Each bounds the memory or time that a
// hostile or broken export can take; a file past one gets an error naming
// the limit, and no row of it is published. Real exports stay far below
// them: Excel itself stops at MaxRows rows and MaxCellChars characters a
// cell.
const (
	// MaxRows is the highest row number a table may reach (Excel's own
	// limit, 1,048,576). Reading stops there.
	MaxRows = 1 << 20
	// MaxColumns is how many columns are read. A value further right is an
	// error, and its row is not read.
	MaxColumns = 1024
	// MaxCellChars is the longest cell, in characters (Excel's own limit).
	// A longer cell is an error.
	MaxCellChars = 32767
	// MaxLineBytes is the longest line of a CSV or TSV file, in bytes.
	// Reading stops at a longer one.
	MaxLineBytes = 16 << 20
	// MaxRecordBytes is the longest record of a CSV or TSV file, in bytes:
	// its lines together, when a quoted cell spans several (an unclosed
	// quote makes the rest of the file one cell). Reading stops at a
	// longer one.
	MaxRecordBytes = 16 << 20
	// MaxSheetBytes is how large the worksheets of a workbook may be,
	// decompressed, together.
	MaxSheetBytes = 1 << 30
	// MaxSharedStringsBytes is the largest shared-strings part of a
	// workbook, decompressed, and MaxSharedStrings the most strings it may
	// hold.
	MaxSharedStringsBytes = 256 << 20
	MaxSharedStrings      = 1 << 23
	// MaxOtherPartsBytes is how large all the other parts of a workbook
	// (workbook, styles, relationships, document properties, images …)
	// may be together, decompressed.
	MaxOtherPartsBytes = 64 << 20
	// MaxXMLRun is the most bytes a worksheet or shared-strings part may
	// hold between two '<': one cell's text (at most MaxCellChars
	// characters, escaped) or one tag. Blank space padding a part between
	// its rows counts too.
	MaxXMLRun = 1 << 20
	// MaxExpansion is how many times its compressed size a worksheet or
	// shared-strings part above 16 MiB may expand to: real worksheets
	// compress about 5 to 30 times, ZIP bombs a thousand.
	MaxExpansion = 200
	// MaxErrors is how many errors one file may raise before reading it
	// stops.
	MaxErrors = 200
	// MaxDiagnostics is how many diagnostics of one file are kept; the
	// rest are counted in one closing line.
	MaxDiagnostics = 1000
	// MaxQuoted is how many characters of a quoted value a message shows,
	// and MaxMessage how many characters a message may have in all.
	MaxQuoted  = 60
	MaxMessage = 1000
)

// expansionFloor is the decompressed size below which MaxExpansion is not
// applied: small parts of repeated markup compress very well.
const expansionFloor = 16 << 20

// LimitError reports a file past one of the limits above.
type LimitError struct {
	// Row and Col locate it when known (1-based; 0 when not).
	Row, Col int
	// Msg says what exceeded which limit.
	Msg string
}

func (e *LimitError) Error() string { return e.Msg }

// limitf returns a LimitError at row and col.
func limitf(row, col int, format string, args ...any) *LimitError {
	return &LimitError{Row: row, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// size formats a byte count for a message.
func size(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// budget holds the diagnostics of one file and bounds them: it counts the
// errors, clips the quoted values of messages to MaxQuoted characters,
// keeps the first MaxDiagnostics and counts the rest. Besides its own list
// (dl, which the reader writes) it watches the caller's row diagnostics.
type budget struct {
	file    string
	dl      diag.List
	dlSeen  int
	rows    *diag.List
	rowSeen int

	kept, errs int
	dropped    [diag.Error + 1]int
	stopped    bool
}

func newBudget(file string, rows *diag.List) *budget {
	b := &budget{file: file, rows: rows}
	if rows != nil {
		b.rowSeen = len(*rows)
	}
	return b
}

// take accounts for the diagnostics added since the last call, and reports
// whether the file is still under MaxErrors.
func (b *budget) take() bool {
	b.takeFrom(&b.dl, &b.dlSeen)
	b.takeFrom(b.rows, &b.rowSeen)
	return b.errs < MaxErrors
}

// stop reports whether reading must stop before row, saying so once.
func (b *budget) stop(row int) bool {
	if b.stopped {
		return true
	}
	if b.take() {
		return false
	}
	b.stopped = true
	// Added past the count, so always kept, and placed at the file (the
	// row is in the message) so that it is printed before the rows.
	b.dl.Errorf(diag.Pos{File: b.file}, "too-many-errors", "stopped reading the file at row %d after %d errors (MaxErrors, the limit for one file): correct these and check it again", row, b.errs)
	b.dlSeen = len(b.dl)
	return true
}

func (b *budget) takeFrom(l *diag.List, seen *int) {
	if l == nil {
		return
	}
	keep := *seen
	for i := *seen; i < len(*l); i++ {
		d := (*l)[i]
		if d.Severity == diag.Error {
			b.errs++
		}
		if b.kept >= MaxDiagnostics {
			b.dropped[min(max(d.Severity, 0), diag.Error)]++
			continue
		}
		b.kept++
		d.Msg = clipMessage(clipQuoted(d.Msg, MaxQuoted))
		(*l)[keep] = d
		keep++
	}
	clear((*l)[keep:])
	*l = (*l)[:keep]
	*seen = keep
}

// finish adds the line that counts the diagnostics not kept, with the
// severity of the most serious of them (a file with errors still fails),
// and returns the file's own diagnostics.
func (b *budget) finish() diag.List {
	b.take()
	n := b.dropped[diag.Info] + b.dropped[diag.Warning] + b.dropped[diag.Error]
	if n > 0 {
		sev := diag.Info
		for s := diag.Info; s <= diag.Error; s++ {
			if b.dropped[s] > 0 {
				sev = s
			}
		}
		b.dl.Add(diag.Pos{File: b.file}, sev, "more-diagnostics", "%d more diagnostics not listed (%d errors, %d warnings, %d notes): only the first %d of a file are kept (MaxDiagnostics)", n, b.dropped[diag.Error], b.dropped[diag.Warning], b.dropped[diag.Info], MaxDiagnostics)
	}
	b.dlSeen = len(b.dl)
	return b.dl
}

// clipMessage cuts msg to MaxMessage characters, marking the cut with "…".
func clipMessage(msg string) string {
	if len(msg) <= MaxMessage {
		return msg
	}
	n := 0
	for i := range msg {
		if n == MaxMessage {
			return msg[:i] + "…"
		}
		n++
	}
	return msg
}

// clipQuoted shortens each double-quoted string in msg (as %q writes it)
// to at most n characters, marking the cut with "…".
func clipQuoted(msg string, n int) string {
	if len(msg) <= n+2 || strings.IndexByte(msg, '"') < 0 {
		return msg
	}
	var out strings.Builder
	changed := false
	for i := 0; i < len(msg); {
		q := strings.IndexByte(msg[i:], '"')
		if q < 0 {
			out.WriteString(msg[i:])
			break
		}
		start := i + q + 1
		out.WriteString(msg[i:start])
		end := start
		for end < len(msg) && msg[end] != '"' {
			if msg[end] == '\\' {
				end++
			}
			end++
		}
		end = min(end, len(msg))
		body := msg[start:end]
		if utf8.RuneCountInString(body) > n {
			cut, k := 0, 0
			for cut < len(body) && k < n {
				_, w := utf8.DecodeRuneInString(body[cut:])
				cut += w
				k++
			}
			// Never end inside an escape: drop a trailing odd backslash.
			if trail := len(body[:cut]) - len(strings.TrimRight(body[:cut], `\`)); trail%2 == 1 {
				cut--
			}
			body = body[:cut] + "…"
			changed = true
		}
		out.WriteString(body)
		if end < len(msg) {
			out.WriteByte('"')
		}
		i = end + 1
	}
	if !changed {
		return msg
	}
	return out.String()
}
