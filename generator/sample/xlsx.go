package sample

import (
	"archive/zip"
	"bufio"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// book is a workbook written row by row through excelize's StreamWriter, so
// that a sheet of a million rows never sits in memory.
type book struct {
	f   *excelize.File
	sw  *excelize.StreamWriter
	row int
	o   *output
}

// newBook starts a workbook of o's with one sheet of the given name.
func newBook(o *output, sheet string) (*book, error) {
	f := excelize.NewFile()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			f.Close()
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &book{f: f, sw: sw, o: o}, nil
}

// style registers a cell style.
func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	if err != nil {
		return 0
	}
	return id
}

// add writes the next row. Values may be strings, numbers, nil for an empty
// cell, or excelize.Cell for a styled cell or a formula.
func (b *book) add(values []any, opts ...excelize.RowOpts) error {
	if b.o.place != nil {
		loc := make([]any, len(values))
		for i, v := range values {
			switch v := v.(type) {
			case string:
				loc[i] = b.o.local(v)
			case excelize.Cell:
				if s, ok := v.Value.(string); ok {
					v.Value = b.o.local(s)
				}
				loc[i] = v
			default:
				loc[i] = v
			}
		}
		values = loc
	}
	b.row++
	cell, err := excelize.CoordinatesToCellName(1, b.row)
	if err != nil {
		return err
	}
	return b.sw.SetRow(cell, values, opts...)
}

// stamp is the time written into workbooks: the end date at 17:30 UTC, never
// the clock, so that the same options give the same bytes.
func (o *output) stamp() time.Time { return o.end.Add(17*time.Hour + 30*time.Minute) }

// stampedZip writes a workbook's parts straight to the file, each with the
// fixed modification time.
type stampedZip struct {
	*zip.Writer
	mod time.Time
}

func (z stampedZip) Create(name string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.mod})
}

// save finishes the sheet and writes the workbook at rel in its output.
// The document properties and the zip entries carry the fixed stamp.
func (b *book) save(rel, title string) error {
	o := b.o
	defer b.f.Close()
	if err := b.sw.Flush(); err != nil {
		return err
	}
	stamp := o.stamp().Format(time.RFC3339)
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Creator:        Government,
		LastModifiedBy: Government,
		Title:          o.local(title),
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	}); err != nil {
		return err
	}
	file, err := o.create(rel)
	if err != nil {
		return err
	}
	// excelize would build the whole archive in a buffer; a zip writer of
	// our own streams it to the file, and the buffer stays empty.
	// (The ZIP64 header fix-up excelize applies to that buffer concerns
	// parts over 4 GB, beyond the row limit of a sheet.)
	bw := bufio.NewWriterSize(file, 256<<10)
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		return stampedZip{zip.NewWriter(bw), o.stamp()}
	})
	err = b.f.Write(bw)
	if e := bw.Flush(); err == nil {
		err = e
	}
	if e := file.Close(); err == nil {
		err = e
	}
	return err
}

// Common styles.
var (
	titleStyle = &excelize.Style{
		Font:      &excelize.Font{Bold: true, Size: 16, Family: "宋体"},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
	}
	headerStyle = &excelize.Style{
		Font:      &excelize.Font{Bold: true, Size: 11, Family: "宋体"},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    thinBorder,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
	}
	wrapStyle = &excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    thinBorder,
	}
	thinBorder = []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
)

// styled returns the values as cells of one style.
func styled(style int, values ...string) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = excelize.Cell{StyleID: style, Value: v}
	}
	return out
}
