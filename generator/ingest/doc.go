// Package ingest turns the files a town's systems export into rows of cells
// that remember where they came from.
//
// It knows file formats (CSV, TSV, XLSX, JSON), text encodings (UTF-8 with or
// without BOM, GBK/GB18030, UTF-16LE), sheet shapes (title rows above the
// header, blank rows, totals and footer notes) and header names (a
// value.Schema of canonical column names with their aliases). It knows
// nothing about what a record of a kind means: records.Kinds supplies the
// schemas and turns rows into typed records.
//
// Every value keeps its diag.Pos, and every problem becomes a diag.Diagnostic;
// ingest collects them, and stops early only at the limits below. Positions are the ones a spreadsheet
// shows: row 1 is the file's first line (title rows included), a quoted cell
// with line breaks is one row, and XLSX positions carry the cell name.
//
// What is not data is reported, never silently dropped: repeated header and
// title rows, page marks and footer notes (制表人, 注：) as info; total rows
// (合计, 总计, 小计) are checked against the sum of the rows above them and a
// mismatch is a warning; header cells no schema knows are kept as extra
// fields (value.Row.Extra) and listed once per table, with a "did you mean"
// hint when one almost names a known column.
//
// XLSX worksheets are streamed from the ZIP entry by a scanner of this
// package that yields exactly the cells excelize's Rows iterator yields,
// several times faster; excelize reads what the scanner does not model (see
// xlsxfast.go).
//
// A file that is not one of the supported encodings or formats gets an error
// that says what it looks like (an .xlsx or .xls under a .csv name, an HTML
// page, UTF-16 without a BOM, text that went through the wrong encoding
// before it was exported, a workbook saved with a password).
//
// # Damage
//
// A file either yields every row or fails with an error at the row where
// it is damaged; rows are never silently missing. A workbook part whose
// CRC does not match, a worksheet whose XML is malformed (an undefined
// entity, a cut) and a GB18030 file with UTF-8 lines (or a UTF-8 file
// with lines in another encoding) are errors at file:row:column. A line
// ends at LF, CRLF or a lone CR.
//
// # Limits
//
// Whatever the input, reading one file takes bounded memory and time: an
// export of up to 50 MB stays under 1 GiB. Each limit is a constant of
// limit.go, and a file past one gets an error naming it:
//
//   - MaxRows (1,048,576, Excel's own) rows per table; MaxColumns (1,024)
//     columns, a value further right being an error; MaxCellChars (32,767,
//     Excel's own) characters per cell; MaxLineBytes (16 MiB) per line of
//     a text file, and MaxRecordBytes (16 MiB) per record of one, however
//     many lines a quoted cell spans.
//   - Workbooks, decompressed: MaxSheetBytes (1 GiB) for all worksheets,
//     MaxSharedStringsBytes (256 MiB) and MaxSharedStrings (8,388,608
//     strings) for the shared strings, MaxOtherPartsBytes (64 MiB) for all
//     other parts together; a worksheet or shared-strings part above 16
//     MiB may expand at most MaxExpansion (200) times its compressed size,
//     and hold at most MaxXMLRun (1 MiB) between two tags. The declared
//     sizes are checked before anything is decompressed; archive/zip
//     stops any part at its declared size, and the guards count again as
//     they read. The fast reader never reads document properties
//     (docProps/); excelize reads every part, within MaxOtherPartsBytes.
//   - Diagnostics: a message quotes at most MaxQuoted (60) characters of a
//     cell; the first MaxDiagnostics (1,000) of a file are kept and the
//     rest counted in one line; after MaxErrors (200) errors, reading the
//     file stops and says so.
package ingest
