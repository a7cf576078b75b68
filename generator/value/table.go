package value

import (
	"strings"
	"unicode"

	"gongshi/generator/diag"
)

// Table is one table found in a file: a CSV file, or one sheet of a workbook.
type Table struct {
	// File is the slash-separated path relative to the site root.
	File string
	// Format is "csv", "tsv", "xlsx" or "json". The positions of an "xlsx"
	// table carry the cell name.
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

	// Rest estimates the rows after spreadsheet row line, while the rows
	// are read; nil when the source cannot tell. It is not data of the
	// table, and is left out of its JSON.
	Rest func(line int) (int, bool) `json:"-"`

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
	if t.Format == "xlsx" {
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
	if r.Table.Rest == nil {
		return 0, false
	}
	return r.Table.Rest(r.Line)
}

// Value returns the trimmed text of the canonical column, or "".
func (r Row) Value(name string) string {
	i, ok := r.Table.index[name]
	if !ok {
		return ""
	}
	v := ""
	if i < len(r.Cells) {
		v = TrimCell(r.Cells[i])
	}
	if j, ok := r.Table.more[name]; ok {
		for _, k := range j.cols {
			if k >= len(r.Cells) {
				continue
			}
			if w := TrimCell(r.Cells[k]); w != "" {
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
		if h.Name != "" || i >= len(r.Cells) || IsRowNumberHeader(h.Raw) {
			continue
		}
		if v := TrimCell(r.Cells[i]); v != "" && h.Raw != "" {
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

// SetHeader takes cells, row line of the table, as the header if any of
// them names a column of s (or is a header by s.IsHeader), and returns how
// many did. A cell naming a column a second time joins it when the column
// has Join set, and is an extra field otherwise.
func (t *Table) SetHeader(cells []string, line int, s *Schema) int {
	cols := make([]Header, len(cells))
	index := map[string]int{}
	var more map[string]joined
	n, known := 0, 0
	for i, c := range cells {
		h := Header{Raw: TrimCell(Squash(c)), Pos: t.Pos(line, i)}
		if name, unit, ok := s.Match(c); ok {
			if first, dup := index[name]; !dup {
				h.Name, h.Unit = name, unit
				index[name] = i
				n++
				known++
			} else if sep := s.join(name); sep != "" {
				if more == nil {
					more = map[string]joined{}
				}
				j := more[name]
				j.sep, j.cols = sep, append(j.cols, i)
				more[name] = j
				h.Name, h.Unit = name, cols[first].Unit
			}
		} else if s.IsHeader != nil && h.Raw != "" && s.IsHeader(h.Raw) {
			n++
		}
		cols[i] = h
	}
	if n > 0 {
		t.Columns, t.index, t.more, t.HeaderRow = cols, index, more, line
	}
	return n
}

// ClearHeader drops the columns SetHeader took, for a table whose header
// was not found.
func (t *Table) ClearHeader() {
	t.Columns, t.index, t.more = nil, nil, nil
}

// join returns the Join separator of the named column.
func (s *Schema) join(name string) string {
	for _, c := range s.Columns {
		if c.Name == name {
			return c.Join
		}
	}
	return ""
}

// rowNumberHeaders name a column of running row numbers: not data, so not
// kept as an extra field (see Row.Extra) nor reported as unknown.
var rowNumberHeaders = map[string]bool{"序号": true, "行号": true, "No.": true, "NO.": true, "No": true, "NO": true}

// IsRowNumberHeader reports whether a header cell names a column of running
// row numbers (序号), which is not data.
func IsRowNumberHeader(h string) bool { return rowNumberHeaders[NormalizeHeader(h)] }

// Squash removes the white space inside a cell (header cells often carry
// line breaks), without allocating when there is none. A Header's Raw is
// TrimCell(Squash(cell)).
func Squash(c string) string {
	if strings.IndexFunc(c, unicode.IsSpace) < 0 {
		return c
	}
	return strings.Join(strings.Fields(c), "")
}

// TrimCell returns a cell without the blanks exports leave around it:
// spaces, tabs, line breaks, ideographic and no-break spaces, a stray BOM.
func TrimCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
	})
}
