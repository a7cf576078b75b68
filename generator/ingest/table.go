package ingest

import (
	"gongshi/generator/diag"
)

// Table is one table found in a file: a CSV file, or one sheet of a workbook.
type Table struct {
	// File is the slash-separated path relative to the site root.
	File string
	// Format is "csv", "tsv", "xlsx" or "json".
	Format string
	// Encoding is the detected text encoding ("utf-8", "utf-8-bom",
	// "gb18030", "utf-16le"); empty for XLSX.
	Encoding string
	// Sheet is the worksheet name for XLSX.
	Sheet string
	// HeaderRow is the 1-based row of the header.
	HeaderRow int
	// Title holds the text of the rows above the header, joined by spaces.
	Title string
	// Columns has one entry per physical column of the header.
	Columns []Header
	// Rows counts the data rows passed to the callback.
	Rows int
	// Skipped counts the rows after the header that were not data: repeated
	// headers, totals, notes (each reported as info). Blank rows are not
	// counted.
	Skipped int

	xlsx bool
	// rest estimates the rows after spreadsheet row line, while the rows
	// are read; nil when the source cannot tell.
	rest  func(line int) (int, bool)
	index map[string]int
	// more holds the further columns of a canonical name whose schema
	// column has Join set, with the separator.
	more map[string]joined
}

type joined struct {
	sep  string
	cols []int
}

// Header is one header cell.
type Header struct {
	Raw string
	// Name is the canonical column name, empty for a column no schema knows.
	Name string
	// Unit is the money unit given in the header, if any.
	Unit string
	Pos  diag.Pos
}

// Has reports whether the table has the canonical column.
func (t *Table) Has(name string) bool { _, ok := t.index[name]; return ok }

// Unit returns the unit written in the header of the canonical column.
func (t *Table) Unit(name string) string {
	if i, ok := t.index[name]; ok {
		return t.Columns[i].Unit
	}
	return ""
}

// Pos returns the position of a cell of the table.
func (t *Table) Pos(row, col int) diag.Pos {
	p := diag.Pos{File: t.File, Row: row, Col: col + 1}
	if t.xlsx {
		p.Cell = CellName(col, row)
	}
	return p
}

// Row is one data row of a table.
type Row struct {
	Table *Table
	// Line is the 1-based row number as a spreadsheet shows it.
	Line  int
	Cells []string
}

// Remaining estimates how many rows of the table follow this one, from how
// far into the file it is: a hint for sizing what the rows are read into.
// ok is false when the source cannot tell.
func (r Row) Remaining() (n int, ok bool) {
	if r.Table.rest == nil {
		return 0, false
	}
	return r.Table.rest(r.Line)
}

// Value returns the trimmed text of the canonical column, or "".
func (r Row) Value(name string) string {
	i, ok := r.Table.index[name]
	if !ok {
		return ""
	}
	v := ""
	if i < len(r.Cells) {
		v = trimCell(r.Cells[i])
	}
	if j, ok := r.Table.more[name]; ok {
		for _, k := range j.cols {
			if k >= len(r.Cells) {
				continue
			}
			if w := trimCell(r.Cells[k]); w != "" {
				if v != "" {
					v += j.sep
				}
				v += w
			}
		}
	}
	return v
}

// Pos returns the position of the canonical column's cell in this row; when
// the table lacks the column, the position of the row.
func (r Row) Pos(name string) diag.Pos {
	if i, ok := r.Table.index[name]; ok {
		return r.Table.Pos(r.Line, i)
	}
	return diag.Pos{File: r.Table.File, Row: r.Line}
}

// RowPos returns the position of the row itself.
func (r Row) RowPos() diag.Pos { return diag.Pos{File: r.Table.File, Row: r.Line} }

// Field is a cell of a column that no schema knows.
type Field struct {
	Name  string
	Value string
}

// Extra returns the non-empty cells of columns no schema knows, in column
// order, so that nothing a town exported is silently dropped. A column of
// running row numbers (序号) is not data and is left out.
func (r Row) Extra() []Field {
	var out []Field
	for i, h := range r.Table.Columns {
		if h.Name != "" || i >= len(r.Cells) || rowNumberHeaders[NormalizeHeader(h.Raw)] {
			continue
		}
		if v := trimCell(r.Cells[i]); v != "" && h.Raw != "" {
			out = append(out, Field{Name: h.Raw, Value: v})
		}
	}
	return out
}

// CellName returns the spreadsheet name of a cell: 0-based column, 1-based row.
func CellName(col, row int) string {
	name := ""
	for c := col + 1; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name + itoa(row)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
