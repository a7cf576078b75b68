package sample

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Options says how much to write and from which seed.
type Options struct {
	// Cases is the number of penalty decisions over the five years.
	Cases int
	// Seed selects the town's history; the same seed writes the same bytes.
	Seed uint64
	// End is the date of the last decision; the zero time means 2026-10-31.
	End time.Time
	// OmitPowers is the share of the power list's items, chosen by the
	// seed, that the town does not hold (0 holds them all), so that towns
	// of one county hold different lists.
	OmitPowers float64
	// Name is the town's name written into its exports where the sample's
	// wording names 青溪镇 (its authorities, decision numbers, addresses,
	// file names), and its stem where it names 青溪 (青溪河); empty keeps
	// 青溪镇. A sample county gives each town its own.
	Name string
}

// DefaultOptions returns the options of `gongshi sample` without flags.
func DefaultOptions() Options { return Options{Cases: 2400, Seed: 1} }

// DefaultEnd is the last decision date when Options.End is zero.
var DefaultEnd = time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)

// Summary says what Write wrote.
type Summary struct {
	Cases       int
	Powers      int
	Services    int
	StatMonths  int
	Withdrawals int
	Licences    int
	Inspections int
	Coercion    int
	// PowerChanges counts the rows of the power-change register.
	PowerChanges int
	// Files are the paths written, relative to the site folder, with
	// slashes, sorted.
	Files []string
}

// streamBase is the stream constant of the PCG generators; each dataset uses
// its own stream so that, for example, the number of cases does not change
// the power list.
const streamBase = 0x6a09e667f3bcc908

const (
	streamCases = iota + 1
	streamPowers
	streamStats
	streamLicences
	streamInspections
	streamCoercion
	streamRegister
	streamOmit
)

func newRand(seed uint64, stream int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, streamBase+uint64(stream)))
}

// Write writes the sample town's exports under dir/data, replacing files of
// the same names, and returns what it wrote.
func Write(dir string, o Options) (Summary, error) {
	if o.Cases < 0 {
		return Summary{}, errors.New("sample: the number of cases cannot be negative")
	}
	end := o.End
	if end.IsZero() {
		end = DefaultEnd
	}
	end = time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	if end.Year() < 1990 || end.Year() > 2090 {
		return Summary{}, fmt.Errorf("sample: end date %s is out of range", end.Format("2006-01-02"))
	}
	cat, err := loadCatalogue()
	if err != nil {
		return Summary{}, err
	}
	out := &output{dir: dir, end: end}
	if o.Name != "" && o.Name != Town {
		stem := strings.TrimSuffix(strings.TrimSuffix(o.Name, "镇"), "街道")
		out.place = strings.NewReplacer(Town, o.Name, strings.TrimSuffix(Town, "镇"), stem)
	}
	var sum Summary
	if sum.Powers, err = writePowers(out, cat, newRand(o.Seed, streamPowers), omitted(cat, o)); err != nil {
		return Summary{}, err
	}
	if sum.Cases, sum.Withdrawals, err = writeCases(out, cat, o.Cases, newRand(o.Seed, streamCases)); err != nil {
		return Summary{}, err
	}
	if sum.Services, err = writeServices(out); err != nil {
		return Summary{}, err
	}
	if sum.StatMonths, err = writeStats(out, newRand(o.Seed, streamStats)); err != nil {
		return Summary{}, err
	}
	if sum.Licences, err = writeLicences(out, cat, newRand(o.Seed, streamLicences)); err != nil {
		return Summary{}, err
	}
	if sum.Inspections, err = writeInspections(out, cat, newRand(o.Seed, streamInspections)); err != nil {
		return Summary{}, err
	}
	if sum.Coercion, err = writeCoercion(out, cat, newRand(o.Seed, streamCoercion)); err != nil {
		return Summary{}, err
	}
	if sum.PowerChanges, err = writeRegister(out, cat, newRand(o.Seed, streamRegister)); err != nil {
		return Summary{}, err
	}
	sort.Strings(out.files)
	sum.Files = out.files
	return sum, nil
}

// output creates the files under the site folder and remembers them.
type output struct {
	dir   string
	end   time.Time
	files []string
	place *strings.Replacer // 青溪镇 to the town's name, or nil
}

// local gives s with the town's own name for the sample's 青溪镇.
func (o *output) local(s string) string {
	if o.place == nil {
		return s
	}
	return o.place.Replace(s)
}

// create creates the file at the slash-separated path rel.
func (o *output) create(rel string) (*os.File, error) {
	rel = o.local(rel)
	path := filepath.Join(o.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	o.files = append(o.files, rel)
	return f, nil
}

// csvFile is a CSV file being written, optionally through an encoder.
type csvFile struct {
	f  *os.File
	bw *bufio.Writer
	cw *csv.Writer
	tw io.WriteCloser // the encoder, or nil
	o  *output
}

// createCSV creates a CSV file. bom writes a UTF-8 byte-order mark; enc, when
// not nil, wraps the file in an encoder (GBK) and the lines end in CRLF as
// Windows programs write them.
func (o *output) createCSV(rel string, bom bool, enc func(io.Writer) io.WriteCloser) (*csvFile, error) {
	f, err := o.create(rel)
	if err != nil {
		return nil, err
	}
	c := &csvFile{f: f, bw: bufio.NewWriterSize(f, 256<<10), o: o}
	var w io.Writer = c.bw
	if bom {
		c.bw.WriteString("\ufeff")
	}
	if enc != nil {
		c.tw = enc(c.bw)
		w = c.tw
	}
	c.cw = csv.NewWriter(w)
	c.cw.UseCRLF = enc != nil
	return c, nil
}

func (c *csvFile) write(rec []string) error {
	if c.o.place != nil {
		loc := make([]string, len(rec))
		for i, v := range rec {
			loc[i] = c.o.local(v)
		}
		rec = loc
	}
	return c.cw.Write(rec)
}

func (c *csvFile) close() error {
	c.cw.Flush()
	err := c.cw.Error()
	if c.tw != nil {
		if e := c.tw.Close(); err == nil {
			err = e
		}
	}
	if e := c.bw.Flush(); err == nil {
		err = e
	}
	if e := c.f.Close(); err == nil {
		err = e
	}
	return err
}

// dateSlash formats a date as the 双公示 standard writes it.
func dateSlash(t time.Time) string { return t.Format("2006/01/02") }

// dateCN formats a date in running text: 2024年3月5日.
func dateCN(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
