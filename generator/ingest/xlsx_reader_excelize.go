//go:build gongshi_excelize_xlsx

package ingest

// excelizeOnly is set by the build tag gongshi_excelize_xlsx, which builds a
// gongshi that reads every workbook with excelize alone (for
// BenchmarkMonthlyUpdateXLSX, which compares the two readers).
const excelizeOnly = true
