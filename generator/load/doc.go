// Package load reads one export into records of a kind: ingest's decoding
// plus records' kinds.
//
// It joins the two so that records, and every stage after it, build
// without the readers of file formats.
package load
