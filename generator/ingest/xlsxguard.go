package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"
)

// The guards that a workbook passes before either reader sees it. Both
// readers go through archive/zip, which stops a part at its declared size
// (ErrFormat past it) and checks its CRC at its end: so the declared sizes
// are checked against the limits first (checkPartSizes), and every part a
// reader relies on is read through once, its CRC checked and its
// text bounded (xmlGuard), before any row is taken from it. excelize stops
// a sheet silently at its first XML error and ignores CRC errors, so a
// worksheet it has read to its end is decoded whole with encoding/xml as
// excelize decodes it (validateSheet): a damaged sheet is an error, never
// a sheet cut short.

// partKind sorts the parts of a workbook by the limit that applies.
func partKind(name string) string {
	lower := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(name, "/"), "\\", "/"))
	switch {
	case strings.HasPrefix(lower, "xl/worksheets/sheet"):
		return "worksheet"
	case lower == "xl/sharedstrings.xml":
		return "shared strings"
	}
	return ""
}

// checkPartSizes checks the declared sizes of the parts of a workbook
// against MaxSheetBytes (all worksheets together), MaxSharedStringsBytes, MaxExpansion and
// MaxOtherPartsBytes.
func checkPartSizes(zr *zip.Reader) error {
	var other, sheets uint64
	for _, f := range zr.File {
		n := f.UncompressedSize64
		kind := partKind(f.Name)
		switch kind {
		case "":
			other += n
			if other > MaxOtherPartsBytes {
				return limitf(0, 0, "the parts of the workbook besides worksheets and shared strings decompress to more than %s (MaxOtherPartsBytes; %s alone to %s): the file is damaged or not an export", size(MaxOtherPartsBytes), f.Name, size(n))
			}
			continue
		case "worksheet":
			sheets += n
			if sheets > MaxSheetBytes {
				return limitf(0, 0, "the worksheets decompress to more than %s (MaxSheetBytes; %s alone to %s): the file is damaged, or holds more than one export", size(MaxSheetBytes), f.Name, size(n))
			}
		case "shared strings":
			if n > MaxSharedStringsBytes {
				return limitf(0, 0, "shared strings part %s decompresses to %s, past the limit of %s (MaxSharedStringsBytes)", f.Name, size(n), size(MaxSharedStringsBytes))
			}
		}
		if n > expansionFloor && n/max(f.CompressedSize64, 1) > MaxExpansion {
			return limitf(0, 0, "%s part %s expands %d times (%s from %s), past MaxExpansion (%d): a ZIP bomb or a damaged file", kind, f.Name, n/max(f.CompressedSize64, 1), size(n), size(f.CompressedSize64), MaxExpansion)
		}
	}
	return nil
}

// xmlGuard passes a part's bytes through, failing once more than MaxXMLRun
// bytes come without a '<' or more than limit bytes come in all.
type xmlGuard struct {
	r     io.Reader
	part  string
	limit uint64
	n     uint64 // bytes passed
	run   int    // bytes since the last '<'
	from  uint64 // where that run started
	// items counts the <si> start tags of a shared-strings part, against
	// MaxSharedStrings; a tag split across two reads may go uncounted.
	countSI bool
	items   int
}

func (g *xmlGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.n += uint64(n)
	if g.n > g.limit {
		return n, limitf(0, 0, "part %s holds more than its declared %s: the file is damaged", g.part, size(g.limit))
	}
	b := p[:n]
	if !g.countSI && len(b) <= MaxXMLRun {
		// A read shorter than MaxXMLRun holds no whole run past it: only
		// the runs at its two ends need looking at. A call per '<' took
		// 3.5% of BenchmarkRead/xlsx/rows=100000 in pprof (70 of 2000
		// ms/op); two calls a read do not show.
		first := bytes.IndexByte(b, '<')
		if first < 0 {
			g.run += len(b)
		} else if g.run += first; g.run <= MaxXMLRun {
			last := bytes.LastIndexByte(b, '<')
			g.run, g.from = len(b)-last-1, g.n-uint64(len(b)-last-1)
		}
		b = nil
	}
	for len(b) > 0 {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			g.run += len(b)
			break
		}
		if g.run+i > MaxXMLRun {
			g.run += i
			break
		}
		g.run = 0
		b = b[i+1:]
		g.from = g.n - uint64(len(b))
		if g.countSI && siTag(b) {
			if g.items++; g.items > MaxSharedStrings {
				return n, limitf(0, 0, "shared strings part %s holds more than %d strings (MaxSharedStrings): the file is damaged or not an export", g.part, MaxSharedStrings)
			}
		}
	}
	if g.run > MaxXMLRun {
		return n, limitf(0, 0, "part %s holds more than %s between two tags from byte %d on (MaxXMLRun): a cell longer than Excel allows, or padding; the file is damaged or not an export", g.part, size(MaxXMLRun), g.from)
	}
	return n, err
}

// siTag reports whether b, which follows a '<', starts an si element
// (with or without a namespace prefix).
func siTag(b []byte) bool {
	if j := bytes.IndexByte(b[:min(len(b), 16)], ':'); j >= 0 {
		b = b[j+1:]
	}
	return len(b) > 2 && b[0] == 's' && b[1] == 'i' && (b[2] == '>' || b[2] == '/' || isXMLSpace(b[2]))
}

// newXMLGuard bounds the part f read from r.
func newXMLGuard(r io.Reader, f *zip.File) *xmlGuard {
	return &xmlGuard{r: r, part: f.Name, limit: f.UncompressedSize64, countSI: partKind(f.Name) == "shared strings"}
}

// damageError says a part could not be read whole.
func damageError(part string, err error) error {
	var le *LimitError
	switch {
	case errors.As(err, &le):
		return err
	case errors.Is(err, zip.ErrChecksum):
		return fmt.Errorf("part %s is damaged (its checksum does not match its content): open the file in Excel or WPS and save it again, or export it again", part)
	}
	return fmt.Errorf("part %s cannot be read (%v): open the file in Excel or WPS and save it again", part, err)
}

// readPart reads a part through to its end, checking its CRC and bounding
// its text, and returns what read did with it.
func readPart(f *zip.File, read func(io.Reader) error) error {
	rc, err := f.Open()
	if err != nil {
		return damageError(f.Name, err)
	}
	defer rc.Close()
	g := newXMLGuard(rc, f)
	if err := read(g); err != nil {
		var xe *xmlError
		if errors.As(err, &xe) {
			// A failure to read the part comes back through the decoder.
			var se *xml.SyntaxError
			if !errors.As(xe.err, &se) {
				return damageError(f.Name, xe.err)
			}
			return err
		}
		return damageError(f.Name, err)
	}
	if _, err := io.Copy(io.Discard, g); err != nil {
		return damageError(f.Name, err)
	}
	return nil
}

// checkParts reads every part of a workbook through once, as excelize
// will: each must be whole (its CRC matching) and within the limits.
func checkParts(zr *zip.Reader) error {
	for _, f := range zr.File {
		if err := readPart(f, func(io.Reader) error { return nil }); err != nil {
			return err
		}
	}
	return nil
}

// sheetError is a worksheet that is damaged at a row.
type sheetError struct {
	row, col int // 1-based; col 0 when unknown
	msg      string
}

func (e *sheetError) Error() string { return e.msg }

// validateSheet decodes a worksheet part with encoding/xml as excelize does
// (strict, with its charset readers), and returns a sheetError at the row
// where the XML is damaged.
func validateSheet(f *zip.File) error {
	row, col, inRow := 0, 0, false
	err := readPart(f, func(r io.Reader) error {
		d := xml.NewDecoder(r)
		d.CharsetReader = charset.NewReaderLabel
		for {
			tok, err := d.Token()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return &xmlError{err}
			}
			switch t := tok.(type) {
			case xml.StartElement:
				switch t.Name.Local {
				case "row":
					row, col, inRow = row+1, 0, true
					for _, a := range t.Attr {
						if a.Name.Local == "r" {
							fmt.Sscan(a.Value, &row)
						}
					}
				case "c":
					col++
					for _, a := range t.Attr {
						if a.Name.Local == "r" {
							if c, _, err := excelize.CellNameToCoordinates(a.Value); err == nil {
								col = c
							}
						}
					}
				}
			case xml.EndElement:
				if t.Name.Local == "row" {
					inRow = false
				}
			}
		}
	})
	if err == nil {
		return nil
	}
	var xe *xmlError
	if !errors.As(err, &xe) {
		return err
	}
	at := row
	if !inRow {
		at, col = row+1, 0
	}
	return &sheetError{row: at, col: col, msg: fmt.Sprintf("worksheet %s is damaged here (%v), so the rows from here on cannot be read: open the file in Excel or WPS and save it again", f.Name, xe)}
}

// xmlError is an error of encoding/xml in a part.
type xmlError struct{ err error }

func (e *xmlError) Error() string {
	var se *xml.SyntaxError
	if errors.As(e.err, &se) {
		return fmt.Sprintf("XML error on line %d of the part: %s", se.Line, se.Msg)
	}
	return "XML error: " + e.err.Error()
}

// oleMagic starts an OLE compound file (CFB).
var oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// encryptedWorkbook reports whether an OLE compound file is an encrypted
// OOXML workbook: one holding EncryptionInfo and EncryptedPackage streams
// (MS-OFFCRYPTO), which is what Excel and WPS save with a password.
func encryptedWorkbook(r io.ReaderAt) (yes bool) {
	defer func() {
		if recover() != nil {
			yes = false
		}
	}()
	doc, err := mscfb.New(r)
	if err != nil {
		return false
	}
	info, pkg := false, false
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch e.Name {
		case "EncryptionInfo":
			info = true
		case "EncryptedPackage":
			pkg = true
		}
	}
	return info && pkg
}
