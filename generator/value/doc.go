// Package value holds the typed values every stage shares — money in fen,
// dates in the site's days, lists, header spellings — and the column schema
// a kind is read from.
//
// The value parsers (ParseDate, ParseMonth, ParseAmount, ParseBool) read a
// cell as exports write it and return ErrEmpty for an empty one; their
// errors quote the cell. A Schema names a kind's columns with their aliases,
// and a Table and its Rows are what a reader hands to a kind: the cells of
// one data row, looked up by canonical column name, each with its diag.Pos.
//
// value imports nothing of gongshi but diag and internal helpers, so every
// stage after ingest can use it without linking the readers of file formats.
package value
