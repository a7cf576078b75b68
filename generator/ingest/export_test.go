package ingest

// UseFastXLSX turns the fast worksheet reader on or off and returns a
// function restoring the previous setting (for benchmarks).
func UseFastXLSX(on bool) (restore func()) {
	old, min := fastXLSX, fastMinSheetBytes
	fastXLSX = on
	return func() { fastXLSX, fastMinSheetBytes = old, min }
}
