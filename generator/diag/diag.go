// Package diag holds positioned diagnostics: the one format in which gongshi
// tells staff what is wrong with a file, and where.
//
// A position is 1-based, as a spreadsheet shows it: row 1 is the file's first
// line (title rows included), column 1 its first column. XLSX positions also
// carry the cell name ("T14") so staff can jump to it.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity orders diagnostics by how much they matter.
type Severity int

// Severities, from least to most serious. Only Error fails a build.
const (
	Info Severity = iota
	Warning
	Error
)

// String returns the lower-case word printed in a diagnostic line.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	default:
		return "error"
	}
}

// MarshalText writes the severity as its word, for JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a place in an input file. Row and Col are 1-based; zero means
// unknown, and is left out when printed.
type Pos struct {
	File string `json:"file"`
	Row  int    `json:"row,omitempty"`
	Col  int    `json:"col,omitempty"`
	// Cell is the spreadsheet name of the cell ("T14") for XLSX input.
	Cell string `json:"cell,omitempty"`
}

// String formats the position as file:row:col, omitting unknown parts.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Row > 0 {
		fmt.Fprintf(&b, ":%d", p.Row)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	return b.String()
}

// Valid reports whether the position names a file and has no negative parts.
func (p Pos) Valid() bool { return p.File != "" && p.Row >= 0 && p.Col >= 0 }

// Diagnostic is one finding about the input.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	// Code is a short stable identifier ("bad-date", "missing-column") for tooling.
	Code string `json:"code,omitempty"`
	Msg  string `json:"message"`
}

// String formats the diagnostic as "file:row:col: severity: message", with
// the XLSX cell name appended in brackets when known.
func (d Diagnostic) String() string {
	s := d.Pos.String() + ": " + d.Severity.String() + ": " + d.Msg
	if d.Pos.Cell != "" {
		s += " [" + d.Pos.Cell + "]"
	}
	return s
}

// List is a list of diagnostics. Sort it before printing so that output is the
// same however the work that produced it was scheduled.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(pos Pos, sev Severity, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// Errorf appends an error.
func (l *List) Errorf(pos Pos, code, format string, args ...any) {
	l.Add(pos, Error, code, format, args...)
}

// Warnf appends a warning.
func (l *List) Warnf(pos Pos, code, format string, args ...any) {
	l.Add(pos, Warning, code, format, args...)
}

// Infof appends an informational note.
func (l *List) Infof(pos Pos, code, format string, args ...any) {
	l.Add(pos, Info, code, format, args...)
}

// Len, Less and Swap implement sort.Interface: by file, row, column, then
// severity (errors first) and message.
func (l List) Len() int      { return len(l) }
func (l List) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l List) Less(i, j int) bool {
	a, b := l[i], l[j]
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Row != b.Pos.Row {
		return a.Pos.Row < b.Pos.Row
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	return a.Msg < b.Msg
}

// Sort sorts the list in place, stably.
func (l List) Sort() { sort.Stable(l) }

// Count returns how many diagnostics have the given severity.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Err returns an *Errors holding the list's errors, or nil when there are none.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	var errs List
	for _, d := range l {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	errs.Sort()
	return &Errors{List: errs}
}

// Errors is the error returned when input has errors. Callers that print
// diagnostics themselves unwrap it with errors.As.
type Errors struct{ List List }

// Error summarises the first error and how many follow.
func (e *Errors) Error() string {
	if len(e.List) == 1 {
		return e.List[0].String()
	}
	return fmt.Sprintf("%s (and %d more errors)", e.List[0], len(e.List)-1)
}

// Print writes the list, sorted, with at most perFile lines per file and a
// count of the rest. perFile <= 0 prints everything.
func (l List) Print(w interface{ Write([]byte) (int, error) }, perFile int, minSev Severity) {
	l.Sort()
	shown := map[string]int{}
	hidden := map[string]int{}
	var files []string
	for _, d := range l {
		if d.Severity < minSev {
			continue
		}
		f := d.Pos.File
		if _, ok := shown[f]; !ok {
			files = append(files, f)
			shown[f] = 0
		}
		if perFile > 0 && shown[f] >= perFile {
			hidden[f]++
			continue
		}
		shown[f]++
		fmt.Fprintln(w, d.String())
	}
	for _, f := range files {
		if n := hidden[f]; n > 0 {
			fmt.Fprintf(w, "%s: … and %d more (gongshi check --all shows every line)\n", f, n)
		}
	}
}
