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
// ingest collects and never stops early.
package ingest
