// Package ingest turns the files a town's systems export into rows of cells
// that remember where they came from.
//
// It knows file formats (CSV, TSV, XLSX, JSON), text encodings (UTF-8 with or
// without BOM, GBK/GB18030, UTF-16LE), sheet shapes (title rows above the
// header, blank rows, totals and footer notes) and header names (a Schema of
// canonical column names with their aliases). It knows nothing about what a
// record of a kind means: records.Kinds supplies the schemas and turns rows
// into typed records.
//
// Every value keeps its diag.Pos, and every problem becomes a diag.Diagnostic;
// ingest collects and never stops early. Positions are the ones a spreadsheet
// shows: row 1 is the file's first line (title rows included), a quoted cell
// with line breaks is one row, and XLSX positions carry the cell name.
//
// What is not data is reported, never silently dropped: repeated header and
// title rows, page marks and footer notes (制表人, 注：) as info; total rows
// (合计, 总计, 小计) are checked against the sum of the rows above them and a
// mismatch is a warning; header cells no schema knows are kept as extra fields
// (Row.Extra) and listed once per table, with a "did you mean" hint when one
// almost names a known column.
//
// XLSX worksheets are streamed from the ZIP entry by a scanner of this
// package that yields exactly the cells excelize's Rows iterator yields,
// several times faster; excelize reads what the scanner does not model (see
// xlsxfast.go).
//
// A file that is not one of the supported encodings or formats gets an error
// that says what it looks like (an .xlsx or .xls under a .csv name, an HTML
// page, UTF-16 without a BOM, text that went through the wrong encoding
// before it was exported).
package ingest
