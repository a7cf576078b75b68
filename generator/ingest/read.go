package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"
	gounicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// headerScanRows is how far down a sheet the header row is looked for.
const headerScanRows = 30

// Formats lists the file extensions ingest reads.
var Formats = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".json"}

// Supported reports whether a file name has an extension ingest reads, or one
// it recognises well enough to reject with a hint (".xls").
func Supported(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, f := range Formats {
		if ext == f {
			return true
		}
	}
	return ext == ".xls" || ext == ".et"
}

// Read reads every table of the named file that matches the schema and calls
// fn for each data row. It returns the tables found and the diagnostics.
//
// fn may add its own findings about a row to *rowDiags (nil when it has
// none): they count towards the file's limits (see limit.go), which clip
// their quoted values, keep the first MaxDiagnostics and stop reading the
// file after MaxErrors errors. The diagnostics kept in *rowDiags are not
// repeated in the list returned.
//
// The Row given to fn, and its Cells, are only valid during the call: rows
// stream through, and the cell slice is reused.
func Read(fsys fs.FS, name string, s *value.Schema, rowDiags *diag.List, fn func(value.Row)) ([]*value.Table, diag.List) {
	return read(fsys, name, s, rowDiags, fn, false)
}

// HeaderScore reports how well the file's header matches the schema: the
// largest number of header cells naming a column of s in any table of the
// file, zero when no table has a header of this kind. Only the first rows
// are read. Use it to say which kind a misfiled export looks like.
func HeaderScore(fsys fs.FS, name string, s *value.Schema) int {
	tables, _ := read(fsys, name, s, nil, func(value.Row) {}, true)
	best := 0
	for _, t := range tables {
		n := 0
		for _, h := range t.Columns {
			if h.Name != "" || s.IsHeader != nil && h.Raw != "" && s.IsHeader(h.Raw) {
				n++
			}
		}
		best = max(best, n)
	}
	return best
}

func read(fsys fs.FS, name string, s *value.Schema, rowDiags *diag.List, fn func(value.Row), headerOnly bool) ([]*value.Table, diag.List) {
	b := newBudget(name, rowDiags)
	call := func(r value.Row) {
		if !b.stopped {
			fn(r)
			b.take()
		}
	}
	tables := readTables(fsys, name, s, call, headerOnly, b)
	return tables, b.finish()
}

func readTables(fsys fs.FS, name string, s *value.Schema, fn func(value.Row), headerOnly bool, b *budget) []*value.Table {
	dl := &b.dl
	file := diag.Pos{File: name}
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".xls", ".et":
		dl.Errorf(file, "xls", "%s is in the old Excel %s format, which cannot be read: open it in Excel or WPS and save it as .xlsx or CSV (UTF-8)", path.Base(name), ext)
		return nil
	case ".xlsx", ".xlsm":
		return readXLSX(fsys, name, s, fn, headerOnly, b)
	case ".json":
		if headerOnly {
			return nil
		}
		tables, jl := readJSON(fsys, name, s, fn)
		*dl = append(*dl, jl...)
		return tables
	}
	f, err := fsys.Open(name)
	if err != nil {
		dl.Errorf(file, "open", "%v", err)
		return nil
	}
	defer f.Close()
	// decode reads through br, the buffer sized as it would size its own:
	// what br holds is read from the file but not yet decoded.
	in := &countingReader{r: f}
	br := bufio.NewReaderSize(in, decodeBuf)
	r, enc, err := decode(br)
	if err != nil {
		dl.Errorf(file, "encoding", "%v", err)
		return nil
	}
	t := &value.Table{File: name, Format: "csv", Encoding: enc}
	// The delimiter is sniffed, whatever the name says: Excel's "Unicode
	// text" is tab-separated, and some systems write TSV under .csv.
	out := &countingReader{r: r}
	dr := bufio.NewReaderSize(out, 16<<10)
	head, _ := dr.Peek(16 << 10)
	rg := &recordGuard{r: dr}
	cr := csv.NewReader(rg)
	if tabs, commas := bytes.Count(head, []byte{'\t'}), bytes.Count(head, []byte{','}); tabs > commas || tabs == commas && ext == ".tsv" {
		cr.Comma = '\t'
		t.Format = "tsv"
	}
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		t.Rest = rowsLeft(st.Size(), in, br, out, cr)
	}
	src := &csvSource{r: cr, guard: rg}
	if g, ok := r.(*gbReader); ok {
		src.gb = g
	}
	ok := scan(t, src, s, fn, b, headerOnly)
	t.Rest = nil // the table outlives the reader and its buffers
	if !ok {
		return nil
	}
	return []*value.Table{t}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// minEstimateText is how much of a table's text rowsLeft wants parsed
// before it estimates: the header and the first rows can be much shorter or
// longer than the rest.
const minEstimateText = 32 << 10

// rowsLeft returns an estimate of the rows after a line of a CSV file of
// size bytes: the rows so far, scaled by the text not yet parsed. The text
// is what the file's bytes decode to, which is longer or shorter than they
// are (GBK, UTF-16), by the ratio seen so far: the bytes the decoder took
// (read from the file through in, less what br still holds) to those it
// gave (out).
func rowsLeft(size int64, in *countingReader, br *bufio.Reader, out *countingReader, cr *csv.Reader) func(line int) (int, bool) {
	return func(line int) (int, bool) {
		taken, done := in.n-int64(br.Buffered()), cr.InputOffset()
		if taken <= 0 || done < minEstimateText {
			return 0, false // a few rows say little of the rest
		}
		text := float64(out.n) * float64(size) / float64(taken)
		return max(0, int(float64(line)*(text-float64(done))/float64(done))), true
	}
}

// rowSource yields raw rows with their spreadsheet row numbers.
type rowSource interface {
	next() (cells []string, line int, err error)
}

type csvSource struct {
	r       *csv.Reader
	guard   *recordGuard
	gb      *gbReader // the decoder of a GB18030 file, or nil
	lastEnd int
	row     int
}

func (c *csvSource) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if c.guard != nil {
		c.guard.start = c.r.InputOffset()
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.row++
			return nil, c.row, fmt.Errorf("%w", pe.Err)
		}
		var le *LimitError
		if errors.As(err, &le) && le.Row == 0 {
			le.Row = c.row + 1
		}
		return nil, 0, err
	}
	// csv skips blank lines; a spreadsheet shows them as rows, so count them.
	start, _ := c.r.FieldPos(0)
	if gap := start - c.lastEnd - 1; gap > 0 {
		c.row += gap
	}
	c.row++
	end, _ := c.r.FieldPos(len(rec) - 1)
	c.lastEnd = end + strings.Count(rec[len(rec)-1], "\n")
	if c.gb != nil {
		if col, ok := c.gb.utf8Cell(c.r, rec); ok {
			return nil, c.row, &cellError{col: col, msg: "this row is UTF-8 text inside a GB18030 (GBK) file, so its text would come out garbled: save the whole file in one encoding, preferably CSV (UTF-8)"}
		}
	}
	return rec, c.row, nil
}

// cellError is a row a source cannot read, located at one of its cells.
type cellError struct {
	col int // 0-based
	msg string
}

func (e *cellError) Error() string { return e.msg }

// sourceError reports an error of a row source, and whether reading must
// stop: a limit or a failure to read stops it, a row that does not parse
// does not.
func sourceError(t *value.Table, b *budget, line int, err error) (stop bool) {
	var le *LimitError
	var ce *cellError
	var se *sheetError
	switch {
	case errors.As(err, &se):
		xlsxError(&b.dl, t.File, err)
		return true
	case errors.As(err, &le):
		b.dl.Errorf(diag.Pos{File: t.File, Row: le.Row, Col: le.Col}, "limit", "%s", le.Msg)
		return true
	case line == 0:
		b.dl.Errorf(diag.Pos{File: t.File}, "read", "%v", err)
		return true
	case errors.As(err, &ce):
		b.dl.Errorf(t.Pos(line, ce.col), "encoding", "%s", ce.msg)
	case t.Format == "xlsx":
		b.dl.Errorf(diag.Pos{File: t.File, Row: line}, "xlsx", "%v", err)
	default:
		b.dl.Errorf(diag.Pos{File: t.File, Row: line}, "csv", "%v", err)
	}
	return false
}

// bound applies the row, column and cell limits to a row, reporting what
// is past them. It returns the cells to read (those within MaxColumns),
// whether to read the row, and whether reading must stop.
func bound(t *value.Table, cells []string, line int, b *budget) (out []string, use, stop bool) {
	if line > MaxRows {
		b.dl.Errorf(diag.Pos{File: t.File, Row: line}, "limit", "row %d is past the last row gongshi reads (MaxRows, %d, Excel's own limit): the file is damaged or not one export", line, MaxRows)
		return nil, false, true
	}
	use = true
	if len(cells) > MaxColumns {
		for i := MaxColumns; i < len(cells); i++ {
			if value.TrimCell(cells[i]) != "" {
				b.dl.Errorf(t.Pos(line, i), "limit", "a value in column %d, past the %d columns gongshi reads (MaxColumns); the row is not read: move it left or delete it", i+1, MaxColumns)
				use = false
				break
			}
		}
		cells = cells[:MaxColumns]
	}
	for i, c := range cells {
		if len(c) > MaxCellChars && utf8.RuneCountInString(c) > MaxCellChars {
			msg := fmt.Sprintf("cell holds %d characters, more than the %d a cell may hold (MaxCellChars, Excel's own limit)", utf8.RuneCountInString(c), MaxCellChars)
			if n := strings.Count(c, "\n"); n >= 100 && (t.Format == "csv" || t.Format == "tsv") {
				// encoding/csv reads on to the next quote, lines and all.
				msg += fmt.Sprintf("; it runs over %d lines: a quote (\") opened in this cell is probably never closed", n+1)
			}
			b.dl.Errorf(t.Pos(line, i), "limit", "%s", msg)
			cells[i] = string([]rune(c)[:MaxCellChars])
		}
	}
	return cells, use, false
}

// scan finds the header in src and feeds the data rows to fn. It returns
// false when the source holds no table of the schema's kind.
func scan(t *value.Table, src rowSource, s *value.Schema, fn func(value.Row), b *budget, headerOnly bool) bool {
	dl := &b.dl
	minMatch := s.MinMatch
	if minMatch == 0 {
		minMatch = 2
	}
	var title []string
	var seen strings.Builder // text of the rows looked at, for a mojibake hint
	found := false
	for !found {
		cells, line, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if sourceError(t, b, line, err) {
				return false
			}
			continue
		}
		if line > headerScanRows {
			break
		}
		cells, _, _ = bound(t, cells, line, b)
		if n := t.SetHeader(cells, line, s); n >= minMatch {
			found = true
			break
		}
		for _, c := range cells {
			if c = value.TrimCell(c); c != "" {
				title = append(title, c)
				if seen.Len() < 4096 {
					seen.WriteString(c)
					seen.WriteByte(' ')
				}
			}
		}
	}
	if !found {
		var want []string
		for _, c := range s.Columns {
			if c.Required {
				want = append(want, c.Name)
			}
			if len(want) == 4 {
				break
			}
		}
		if len(want) == 0 {
			for _, c := range s.Columns[:min(4, len(s.Columns))] {
				want = append(want, c.Name)
			}
		}
		msg := fmt.Sprintf("no header row of a %s table in the first %d rows (expected columns such as %s)", s.Kind, headerScanRows, strings.Join(want, ", "))
		if h := mojibakeHint(seen.String()); h != "" {
			msg += "; " + h
		}
		t.ClearHeader()
		dl.Errorf(diag.Pos{File: t.File}, "no-header", "%s", msg)
		return false
	}
	if headerOnly {
		return true
	}
	t.Title = strings.Join(title, " ")
	titles := map[string]bool{}
	for _, c := range title {
		titles[c] = true
	}
	var unknown []string
	near := map[string]string{} // canonical name → header cell that almost names it
	for _, h := range t.Columns {
		if h.Name != "" || h.Raw == "" || value.IsRowNumberHeader(h.Raw) || totalWords[value.NormalizeHeader(h.Raw)] {
			continue
		}
		if s.IsHeader != nil && s.IsHeader(h.Raw) {
			continue
		}
		if canon, _, ok := s.Match(h.Raw); ok {
			dl.Infof(h.Pos, "duplicate-column", "a second %s column (%q) is kept as an extra field; the first one is read", canon, h.Raw)
			continue
		}
		if sug := s.Suggest(h.Raw); sug != "" {
			canon, _, _ := s.Match(sug)
			dl.Warnf(h.Pos, "near-header", "header %q is not a known %s column and is kept as an extra field; did you mean %s?", h.Raw, s.Kind, sug)
			if _, ok := near[canon]; !ok {
				near[canon] = h.Raw
			}
			continue
		}
		unknown = append(unknown, h.Raw)
	}
	for _, c := range s.Columns {
		if c.Required && !t.Has(c.Name) {
			msg := fmt.Sprintf("required column %s is missing from the header", c.Name)
			if h, ok := near[c.Name]; ok {
				msg += fmt.Sprintf(" (is %q meant to be it?)", h)
			}
			dl.Errorf(diag.Pos{File: t.File, Row: t.HeaderRow}, "missing-column", "%s", msg)
		}
	}
	if len(unknown) > 0 && !s.OpenColumns {
		dl.Infof(diag.Pos{File: t.File, Row: t.HeaderRow}, "unknown-column", "columns not in the %s schema are kept as extra fields: %s", s.Kind, strings.Join(unknown, ", "))
	}
	sums := newColumnSums(len(t.Columns))
	overflow, overflowPos := 0, diag.Pos{}
	defer func() {
		if overflow > 0 {
			dl.Warnf(overflowPos, "no-header-cell", "%d row(s) have values in columns after the last header cell (first here); they are not read: give the column a header", overflow)
		}
	}()
	for {
		cells, line, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if sourceError(t, b, line, err) || b.stop(line) {
				break
			}
			continue
		}
		if b.stop(line) {
			break
		}
		cells, use, stop := bound(t, cells, line, b)
		if stop {
			break
		}
		if !use {
			continue
		}
		switch classify(t, cells, titles) {
		case rowBlank:
			continue
		case rowHeader:
			t.Skipped++
			dl.Infof(diag.Pos{File: t.File, Row: line}, "repeated-header", "repeated header row skipped")
			continue
		case rowTitle:
			t.Skipped++
			dl.Infof(diag.Pos{File: t.File, Row: line}, "repeated-title", "repeated title row skipped: %s", clip(firstCell(cells), 30))
			continue
		case rowTotal:
			t.Skipped++
			sums.check(t, cells, line, dl)
			continue
		case rowNote:
			t.Skipped++
			dl.Infof(diag.Pos{File: t.File, Row: line}, "note-row", "note row skipped: %s", clip(firstCell(cells), 30))
			continue
		}
		for i, c := range cells {
			if !utf8.ValidString(c) {
				dl.Errorf(t.Pos(line, i), "encoding", "cell is not valid text in %s (is the file a mix of encodings?)", t.Encoding)
				cells[i] = strings.ToValidUTF8(c, "\uFFFD")
			}
		}
		if c, ok := unclosedQuote(t, cells); ok {
			dl.Warnf(t.Pos(line, c), "unclosed-quote", "the row has %d of the header's %d cells and this one holds the rest of the line: a quote (\") opened in this cell is probably never closed", len(cells), len(t.Columns))
		}
		for i := len(t.Columns); i < len(cells); i++ {
			if value.TrimCell(cells[i]) != "" {
				if overflow == 0 {
					overflowPos = t.Pos(line, i)
				}
				overflow++
				break
			}
		}
		sums.add(cells)
		t.Rows++
		fn(value.Row{Table: t, Line: line, Cells: cells})
	}
	return true
}

// unclosedQuote reports the cell of a CSV row that a quote left open: the
// row is short of the header's cells and its last cell holds the
// delimiter or a line break, which only a quoted cell can.
func unclosedQuote(t *value.Table, cells []string) (int, bool) {
	if t.Format != "csv" && t.Format != "tsv" || len(cells) == 0 || len(cells) >= len(t.Columns) {
		return 0, false
	}
	sep := ","
	if t.Format == "tsv" {
		sep = "\t"
	}
	last := len(cells) - 1
	return last, strings.Contains(cells[last], sep) || strings.Contains(cells[last], "\n")
}

type rowClass int

const (
	rowData rowClass = iota
	rowBlank
	rowHeader
	rowTitle
	rowTotal
	rowNote
)

var noteWords = []string{"制表人", "制表单位", "填报说明", "注：", "注:", "说明：", "备注：", "审核人", "填表人", "制表日期", "填报人", "填报单位", "负责人：", "单位负责人", "数据来源："}

var totalWords = map[string]bool{"合计": true, "总计": true, "小计": true, "总合计": true, "累计": true, "合计:": true, "总计:": true}

var pageMark = regexp.MustCompile(`^(第\d+页)?[,，]?(共\d+页)?$`)

func classify(t *value.Table, cells []string, titles map[string]bool) rowClass {
	nonEmpty, same := 0, 0
	for i, c := range cells {
		c = value.TrimCell(c)
		if c == "" {
			continue
		}
		nonEmpty++
		if i < len(t.Columns) && t.Columns[i].Raw != "" && len(c) >= len(t.Columns[i].Raw) && value.Squash(c) == t.Columns[i].Raw {
			same++
		}
	}
	if nonEmpty == 0 {
		return rowBlank
	}
	if same >= 2 && same*2 >= nonEmpty || same == 1 && nonEmpty == 1 && len(t.Columns) == 1 {
		return rowHeader
	}
	first := firstCell(cells)
	if len(first) > 64 {
		// Only the start matters (a note's lead word); a label this long is
		// never a total or a page mark.
		first = strings.ToValidUTF8(first[:64], "")
	}
	first = value.NormalizeHeader(first)
	if totalWords[first] {
		return rowTotal
	}
	if nonEmpty == 1 && titles[firstCell(cells)] {
		return rowTitle
	}
	if nonEmpty <= 2 {
		for _, w := range noteWords {
			if strings.HasPrefix(first, value.NormalizeHeader(w)) {
				return rowNote
			}
		}
		if first != "" && pageMark.MatchString(first) {
			return rowNote
		}
	}
	return rowData
}

// columnSums keeps running sums of the numeric columns, to check a total
// row against.
type columnSums struct {
	all, sub []float64
	numeric  []bool // false once a non-numeric cell is seen
	seen     []bool
}

func newColumnSums(n int) *columnSums {
	c := &columnSums{all: make([]float64, n), sub: make([]float64, n), numeric: make([]bool, n), seen: make([]bool, n)}
	for i := range c.numeric {
		c.numeric[i] = true
	}
	return c
}

func (c *columnSums) add(cells []string) {
	for i, v := range cells {
		if i >= len(c.all) {
			break
		}
		v = value.TrimCell(v)
		if v == "" || !c.numeric[i] {
			continue
		}
		f, ok := plainNumber(v)
		if !ok {
			c.numeric[i] = false
			continue
		}
		c.all[i] += f
		c.sub[i] += f
		c.seen[i] = true
	}
}

// check compares a total row with the sums of the rows above it: a 小计
// with the rows since the previous 小计, any other total with all rows.
func (c *columnSums) check(t *value.Table, cells []string, line int, dl *diag.List) {
	label := firstCell(cells)
	sums := c.all
	if value.NormalizeHeader(label) == "小计" {
		sums = c.sub
	}
	checked, bad := 0, 0
	labelSeen := false
	for i, v := range cells {
		v = value.TrimCell(v)
		if v == "" {
			continue
		}
		if !labelSeen && v == label {
			labelSeen = true
			continue
		}
		if i >= len(sums) || !c.numeric[i] || !c.seen[i] {
			continue
		}
		f, ok := plainNumber(v)
		if !ok {
			continue
		}
		checked++
		if math.Abs(f-sums[i]) > 0.005+1e-9*math.Abs(f) {
			bad++
			name := t.Columns[i].Raw
			if name == "" {
				name = "column " + value.CellName(i, 0)[:len(value.CellName(i, 0))-1]
			}
			dl.Warnf(t.Pos(line, i), "total-mismatch", "%s row: %s is %s but the rows above add up to %s", label, name, formatNumber(f), formatNumber(sums[i]))
		}
	}
	if value.NormalizeHeader(label) == "小计" {
		for i := range c.sub {
			c.sub[i] = 0
		}
	}
	switch {
	case checked == 0:
		dl.Infof(diag.Pos{File: t.File, Row: line}, "total-row", "total row %q skipped", label)
	case bad == 0:
		dl.Infof(diag.Pos{File: t.File, Row: line}, "total-row", "total row %q skipped (it matches the sum of the rows above)", label)
	}
}

// plainNumber reads a numeric cell as totals are written: "1,234.50",
// "¥300", "98.5%", "2000元".
func plainNumber(v string) (float64, bool) {
	if v == "" || len(v) > 40 {
		return 0, false
	}
	v = value.FoldWidth(v)
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(v, "¥")
	v = strings.TrimPrefix(v, "￥")
	v = strings.TrimSuffix(v, "元")
	v = strings.TrimSuffix(v, "%")
	v = strings.ReplaceAll(v, ",", "")
	if v == "" || len(v) > 30 {
		return 0, false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !(c >= '0' && c <= '9' || c == '.' || c == '-') {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func formatNumber(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
}

func firstCell(cells []string) string {
	for _, c := range cells {
		if c = value.TrimCell(c); c != "" {
			return c
		}
	}
	return ""
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// decode detects the text encoding from the first bytes and returns a UTF-8
// reader. GBK is read as GB18030, its superset.
// decodeBuf is how much decode reads ahead to tell the encoding.
const decodeBuf = 64 << 10

func decode(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, decodeBuf)
	head, err := br.Peek(decodeBuf)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		rest := head[3:]
		if utf8.Valid(trimPartialRune(rest)) || mostlyUTF8(rest) {
			return utf8Lines(br), "utf-8-bom", nil
		}
		// A UTF-8 mark on GBK text: a tool added the mark without
		// converting. Trust the text, not the mark.
		if looksGBLines(rest) {
			return newGBReader(br), "gb18030", nil
		}
		return nil, "", errors.New("the file starts with a UTF-8 byte-order mark but its text is neither UTF-8 nor GBK: save it again from Excel or WPS as CSV (UTF-8)")
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		return utf8Lines(transform.NewReader(br, dec)), "utf-16le", nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
		return utf8Lines(transform.NewReader(br, dec)), "utf-16be", nil
	}
	if what := sniffBinary(head); what != "" {
		return nil, "", errors.New(what)
	}
	// A UTF-8 file with a few lines in another encoding stays UTF-8: the
	// cells of those lines are errors (see scan).
	if utf8.Valid(trimPartialRune(head)) || mostlyUTF8(head) {
		return utf8Lines(br), "utf-8", nil
	}
	if looksGBLines(head) {
		return newGBReader(br), "gb18030", nil
	}
	return nil, "", fmt.Errorf("the file is neither UTF-8 nor GBK/GB18030 text nor UTF-16 with a byte-order mark (it starts with bytes % x); save it from Excel or WPS as CSV (UTF-8) or .xlsx", head[:min(8, len(head))])
}

// sniffBinary says what a file that is not text looks like, or "".
func sniffBinary(head []byte) string {
	lower := bytes.ToLower(bytes.TrimSpace(head[:min(512, len(head))]))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "the file is a ZIP archive, most likely an .xlsx workbook saved under a text name: rename it to .xlsx, or save it from Excel or WPS as CSV (UTF-8)"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "the file is an old Excel .xls (or WPS .et) workbook under a text name: open it in Excel or WPS and save it as .xlsx or CSV (UTF-8)"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "the file is a PDF document, not a table: export the data from the source system as CSV or .xlsx"
	case bytes.HasPrefix(lower, []byte("<html")), bytes.HasPrefix(lower, []byte("<!doctype")), bytes.HasPrefix(lower, []byte("<table")), bytes.HasPrefix(lower, []byte("<?xml")):
		return "the file is an HTML or XML page (some systems' \"Excel export\" writes one): open it in Excel or WPS and save it as .xlsx or CSV (UTF-8)"
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		if looksUTF16(head) {
			return "the file looks like UTF-16 text without a byte-order mark: save it from Excel as \"Unicode text\" or as CSV (UTF-8)"
		}
		return fmt.Sprintf("the file contains NUL bytes (at byte %d), so it is not a text table: save it from Excel or WPS as CSV (UTF-8) or .xlsx", i)
	}
	return ""
}

// looksUTF16 reports whether every other byte is mostly NUL, as in UTF-16
// text that is mostly ASCII.
func looksUTF16(b []byte) bool {
	b = b[:min(len(b), 1024)]
	zeros := [2]int{}
	for i, c := range b {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(b) / 2
	return half > 0 && (zeros[0]*3 > half*2 && zeros[1] == 0 || zeros[1]*3 > half*2 && zeros[0] == 0)
}

// mojibakeHint says, when text looks like Chinese that went through the
// wrong encoding before it reached us, what happened; otherwise "".
func mojibakeHint(text string) string {
	if strings.Contains(text, "锟斤拷") || strings.Contains(text, "\uFFFD") {
		return "the text contains 锟斤拷 or \uFFFD: it was converted from the wrong encoding before and the characters are lost; export the file again from the source system"
	}
	// Look at the first cells holding non-ASCII text, one at a time: a
	// file can mix damaged title rows with intact ones.
	var fields []string
	for _, f := range strings.Fields(text) {
		if hasNonASCII(f) {
			fields = append(fields, clip(f, 40))
		}
		if len(fields) == 10 {
			break
		}
	}
	if len(fields) == 0 {
		return ""
	}
	gbkOf, latinOf := "", ""
	var gbkFrom, latinFrom string
	gbkN, latinN := 0, 0
	for _, f := range fields {
		// UTF-8 read as GBK and saved again: encoding back to GBK gives UTF-8.
		if b, err := simplifiedchinese.GB18030.NewEncoder().String(f); err == nil && b != f && utf8.ValidString(b) && hanCount(b) > 0 {
			gbkN++
			if gbkOf == "" {
				gbkOf, gbkFrom = b, f
			}
			continue
		}
		// GBK read as Latin-1 (or Windows-1252) and saved again.
		if hanCount(f) > 0 {
			continue
		}
		for _, cm := range []*charmap.Charmap{charmap.ISO8859_1, charmap.Windows1252} {
			b, err := cm.NewEncoder().String(f)
			if err != nil {
				continue
			}
			if d, err := simplifiedchinese.GB18030.NewDecoder().String(b); err == nil && !strings.ContainsRune(d, '\uFFFD') && hanCount(d) > 0 {
				latinN++
				if latinOf == "" {
					latinOf, latinFrom = d, f
				}
				break
			}
		}
	}
	switch {
	case gbkN > 0 && gbkN*2 >= len(fields):
		return fmt.Sprintf("the text looks like UTF-8 that was opened as GBK and saved again (%q should read %q): export the file again, or open it as UTF-8 and save it as CSV (UTF-8)", clip(gbkFrom, 8), clip(gbkOf, 8))
	case latinN > 0 && latinN*2 >= len(fields):
		return fmt.Sprintf("the text looks like GBK that was opened as Latin-1 and saved again (%q should read %q): export the file again from the source system", clip(latinFrom, 8), clip(latinOf, 8))
	}
	return ""
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if gounicode.Is(gounicode.Han, r) {
			n++
		}
	}
	return n
}

// trimPartialRune drops an incomplete UTF-8 sequence cut off at the end of a
// peeked buffer.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// looksGB reports whether b is plausibly GB18030: every high byte starts a
// well-formed two- or four-byte sequence.
func looksGB(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0x81 && c <= 0xFE:
			if i+1 >= len(b) {
				return true // cut off by the peek
			}
			d := b[i+1]
			if (d >= 0x40 && d <= 0x7E) || (d >= 0x80 && d <= 0xFE) {
				i += 2
			} else if d >= 0x30 && d <= 0x39 {
				if i+3 >= len(b) {
					return true
				}
				i += 4
			} else {
				return false
			}
		default:
			return false
		}
	}
	return true
}
