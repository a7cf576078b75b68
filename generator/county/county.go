package county

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/config"
	"gongshi/generator/diag"
)

// Options controls a county build or merge.
type Options struct {
	// Source is the county folder (site.toml with [county], towns/SLUG/).
	Source string
	// Dest is the output folder (default Source/public). With Only it is
	// the part's folder.
	Dest string
	// BaseURL overrides the county site.toml's base_url; each town is
	// built under BaseURL + SLUG + "/".
	BaseURL string
	// Only, when set, builds the part of the town of that slug into Dest
	// instead of the whole county.
	Only string
	// Previous is the county's previous output, whose /SLUG/ folders the
	// towns compare with (default Dest).
	Previous string
	// Now is the build date; zero means SOURCE_DATE_EPOCH or the clock.
	Now time.Time
	// Program identifies the program that builds, such as its version and
	// a hash of its binary: Merge refuses parts another program built.
	Program  string
	Logger   *slog.Logger
	CacheDir string
	// Workers bounds each town build's parallelism; zero means GOMAXPROCS.
	Workers int
	// Compact writes each town's search index in its compacted layout
	// (build.Options.Compact); the county's own index is always compacted.
	Compact bool
}

// Summary reports a county build, a part or a merge.
type Summary struct {
	// Towns are the towns built, in the county's order, with their build
	// summaries (nil for a merge, whose towns were built elsewhere).
	Towns []TownReport
	// Diags are the county's diagnostics and every town's, each town's
	// under towns/SLUG/.
	Diags diag.List
	// Pages counts the county's own pages; Files every file written.
	Pages, Files int
	Duration     time.Duration
}

// TownReport is one town's part of a county build. Its Summary has no
// Result and no SearchDocs: the county lets them go once it has the town's
// summary.
type TownReport struct {
	Slug     string
	Summary  *build.Summary
	Duration time.Duration
}

// ErrData is returned when a town's data has errors; the diagnostics are
// in the Summary.
var ErrData = build.ErrData

// TownsDir is the folder of a county's towns.
const TownsDir = "towns"

// PartFile is the part manifest in a part's folder.
const PartFile = "gongshi-part.json"

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// IsCounty reports whether the folder dir holds a county site: its
// site.toml has a [county] table.
func IsCounty(dir string) (bool, error) {
	cfg, err := config.Load(os.DirFS(dir))
	if err != nil {
		return false, err
	}
	return cfg.IsCounty(), nil
}

// county is a county folder, read.
type county struct {
	src   string
	cfg   config.Config
	towns []string // slugs, sorted
	// ident is a hash of the county's own config and its list of towns.
	ident string
	now   time.Time
	log   *slog.Logger
}

// open reads the county's site.toml and lists its towns.
func open(o *Options) (*county, error) {
	src := o.Source
	if src == "" {
		src = "."
	}
	fsys := os.DirFS(src)
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, err
	}
	if !cfg.IsCounty() {
		return nil, fmt.Errorf("%s: no [county] table: not a county site", filepath.Join(src, config.FileName))
	}
	if o.BaseURL != "" {
		if err := config.CheckURL(o.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url %q: want an http(s) URL or a path (%v)", o.BaseURL, err)
		}
		cfg.BaseURL = o.BaseURL
	}
	if !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	entries, err := os.ReadDir(filepath.Join(src, TownsDir))
	if err != nil {
		return nil, fmt.Errorf("%s: a county site keeps its towns in %s/SLUG/: %w", src, TownsDir, err)
	}
	c := &county{src: src, cfg: cfg, log: o.logger()}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if !e.IsDir() {
			return nil, fmt.Errorf("%s: not a town folder: %s/ holds only town folders", path.Join(TownsDir, e.Name()), TownsDir)
		}
		if !slugRE.MatchString(e.Name()) {
			return nil, fmt.Errorf("%s: a town's folder name is its URL: want lower-case letters, digits and dashes, such as qingxi", path.Join(TownsDir, e.Name()))
		}
		c.towns = append(c.towns, e.Name())
	}
	if len(c.towns) == 0 {
		return nil, fmt.Errorf("%s: no towns: put each town's site folder in %s/SLUG/", filepath.Join(src, TownsDir), TownsDir)
	}
	slices.Sort(c.towns)
	raw, err := os.ReadFile(filepath.Join(src, config.FileName))
	if err != nil {
		return nil, err
	}
	c.ident = identHash(raw, cfg.BaseURL, c.towns)
	if c.now, err = build.Clock(o.Now); err != nil {
		return nil, err
	}
	c.now = c.now.In(cfg.Location())
	return c, nil
}

// townBase is the base URL the town slug is built under.
func (c *county) townBase(slug string) string { return c.cfg.BaseURL + slug + "/" }

func (o *Options) dest() string { return build.Dest(o.Source, o.Dest) }

func (o *Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// Build builds the whole county into Dest, or with Only the part of one
// town. On any error nothing is written to Dest.
func Build(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	c, err := open(&o)
	if err != nil {
		return nil, err
	}
	towns := c.towns
	if o.Only != "" {
		if !slices.Contains(c.towns, o.Only) {
			return nil, fmt.Errorf("--only %q: not a town of this county (%s/ holds %s)", o.Only, TownsDir, strings.Join(c.towns, ", "))
		}
		towns = []string{o.Only}
	}
	sum := &Summary{}
	err = staged(ctx, o.dest(), func(dir string) error {
		prev := o.Previous
		if prev == "" {
			prev = o.dest()
		}
		var summaries []*Town
		for _, slug := range towns {
			t, err := buildTown(ctx, &o, c, slug, dir, prev, sum)
			if err != nil {
				return err
			}
			summaries = append(summaries, t)
		}
		if o.Only != "" {
			return writePart(dir, &Part{Program: o.Program, County: c.ident, Date: c.date(), Town: summaries[0]})
		}
		n, err := writeCounty(c, dir, summaries, c.date())
		sum.Pages = n
		return err
	})
	sum.Diags.Sort()
	sum.Duration = time.Since(start)
	if err != nil {
		return sum, err
	}
	sum.Files = countFiles(o.dest())
	return sum, nil
}

// date is the build's calendar day in the county's zone.
func (c *county) date() string { return c.now.Format("2006-01-02") }

// Merge reads the parts (folders written by Build with Only) and writes
// the county into Dest, as Build would. It refuses parts that do not make
// up this county as this program would build it.
func Merge(ctx context.Context, o Options, parts []string) (*Summary, error) {
	start := time.Now()
	c, err := open(&o)
	if err != nil {
		return nil, err
	}
	byTown, err := readParts(c, o.Program, parts)
	if err != nil {
		return nil, err
	}
	sum := &Summary{}
	err = staged(ctx, o.dest(), func(dir string) error {
		var summaries []*Town
		date := byTown[c.towns[0]].Date
		for _, slug := range c.towns {
			p := byTown[slug]
			if err := copyTree(filepath.Join(p.dir, slug), filepath.Join(dir, slug)); err != nil {
				return fmt.Errorf("%s: %w", p.dir, err)
			}
			summaries = append(summaries, p.Town)
			sum.Towns = append(sum.Towns, TownReport{Slug: slug})
		}
		n, err := writeCounty(c, dir, summaries, date)
		sum.Pages = n
		return err
	})
	sum.Duration = time.Since(start)
	if err != nil {
		return sum, err
	}
	sum.Files = countFiles(o.dest())
	return sum, nil
}

// countFiles counts the files under dir.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// prefixDiags puts the town's folder before each diagnostic's file.
func prefixDiags(slug string, dl diag.List) diag.List {
	out := make(diag.List, len(dl))
	for i, d := range dl {
		d.Pos.File = path.Join(TownsDir, slug, d.Pos.File)
		out[i] = d
	}
	return out
}

// townError is a town's build failing for a reason other than its data.
func townError(slug string, err error) error {
	var ce *config.Error
	if errors.As(err, &ce) {
		e := *ce
		e.File = path.Join(TownsDir, slug, e.File)
		return &e
	}
	return fmt.Errorf("town %s: %w", slug, err)
}
