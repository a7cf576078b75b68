package build

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"gongshi/generator/changelog"
	"gongshi/generator/config"
	"gongshi/generator/content"
	"gongshi/generator/diag"
	"gongshi/generator/disclose"
	"gongshi/generator/ingest"
	"gongshi/generator/internal/sitefs"
	dataload "gongshi/generator/load"
	"gongshi/generator/records"
	"gongshi/generator/search"
)

// Options controls a build.
type Options struct {
	// Source is the site folder; SourceFS, when set, is read instead (tests).
	Source   string
	SourceFS fs.FS
	// Dest is the output folder (default Source/public).
	Dest string
	// BaseURL overrides site.toml's base_url.
	BaseURL string
	// Now is the build date; zero means SOURCE_DATE_EPOCH or the clock.
	Now    time.Time
	Logger *slog.Logger
	// Workers bounds parallelism; zero means GOMAXPROCS.
	Workers int
	// Kinds are the kinds of record the site is read with; nil means
	// records.Kinds. A kind declared by its fields (records.NewKind) needs
	// nothing else to reach pages, search, /data/ and /changes/.
	Kinds []*records.Kind
	// Previous is a previous build's output to compare with (default Dest).
	Previous string
	// DryRun stops before writing anything; the Summary says what would
	// change.
	DryRun bool
	// Compact writes the search index in its compacted layout, where a
	// build otherwise extends the previous output's index
	// (search.Options.Compact).
	Compact bool
	// CacheDir, when set, holds the parse cache (see cache.go): exports
	// that did not change since a previous build are not parsed again.
	// It also keeps the rules the personal-data gate applied to each
	// output, so that files kept from it need not be scanned again when
	// the gate looks for nothing new.
	CacheDir string
	// AfterPhase, when set, is called as each phase of the build ends,
	// with the phase's name (as --verbose logs it): a place to take heap
	// profiles.
	AfterPhase func(name string)

	src *sitefs.FS // Source, opened by openSource
}

func (o *Options) dest() string { return Dest(o.Source, o.Dest) }

// Dest returns the output folder of a build of the site in source: dest
// when it is set, else source's public/ (source "" is the current folder).
func Dest(source, dest string) string {
	if dest != "" {
		return dest
	}
	if source == "" {
		source = "."
	}
	return filepath.Join(source, "public")
}

// DatasetSummary reports one input file.
type DatasetSummary struct {
	Kind     string
	File     string
	Format   string
	Encoding string
	Sheet    string
	Header   int
	Rows     int
}

// Summary reports a build.
type Summary struct {
	Files   []DatasetSummary
	Counts  map[string]int // records read per kind
	Diags   diag.List
	Pages   int
	Written int
	// Kept counts the files taken unchanged from the previous build.
	Kept int
	// SearchKept is true when the search index's input was unchanged and
	// the previous index was kept instead of built.
	SearchKept bool
	// SearchLayout says how the search index was made (search.Index.Layout);
	// "" when it was kept.
	SearchLayout string
	// KeptUnchecked is true when the files kept from the previous build
	// were not scanned for personal data again: the gate looked for
	// nothing the previous build's had not.
	KeptUnchecked bool
	// NewSecrets counts the secrets the gate looks for that the previous
	// build's did not, or excused by an excuse it has dropped, when they
	// are all that can fail a file the previous gate passed (see
	// disclose.Gate.NewSince). Then KeptProven counts the decision pages
	// and pointers at a list's earlier URLs kept unread because their
	// inputs hold none of them, KeptRescanned those read and scanned
	// again because their inputs hold one, and
	// KeptOther the other record pages kept (power, service, Markdown),
	// read and scanned again whatever they hold. Reread counts every file
	// a keep read from the previous build.
	NewSecrets, KeptProven, KeptRescanned, KeptOther, Reread int
	Bytes                                                    int64
	Duration                                                 time.Duration
	Result                                                   *disclose.Result
	// Gate is what the leak gate scanned and found.
	Gate disclose.GateStats
	// Ambiguities are the names of records found in other records' text
	// (gongshi check only).
	Ambiguities []disclose.Ambiguity
	// Update is what changed since the previous build; FirstBuild is true
	// when there was none to compare with.
	Update     changelog.Update
	FirstBuild bool
	// SearchDocs are the documents of the site's search index, shared
	// with the index and not to be changed: a county's search indexes
	// its towns' documents together.
	SearchDocs []search.Doc

	fresh freshness // for Staleness
}

// now returns the build instant for opts: Options.Now, else
// SOURCE_DATE_EPOCH, else the clock. discloseRecords puts it in the
// site's time zone, whose calendar day every stage counts.
func (o *Options) now() (time.Time, error) { return Clock(o.Now) }

// Clock returns the build time in UTC: now when it is set, else the time
// SOURCE_DATE_EPOCH gives (a reproducible build), else the clock.
func Clock(now time.Time) (time.Time, error) {
	if !now.IsZero() {
		return now.UTC(), nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a Unix time", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// openSource opens the site folder: reads through it never leave the
// folder (see sitefs). The caller closes it when the build is done.
func (o *Options) openSource() (close func(), err error) {
	if o.SourceFS != nil {
		return func() {}, nil
	}
	src := o.Source
	if src == "" {
		src = "."
	}
	f, err := sitefs.Open(src)
	if err != nil {
		return nil, err
	}
	o.src = f
	return func() {
		f.Close()
		o.src = nil
	}, nil
}

// fsys is the site folder: SourceFS, or the folder openSource opened.
func (o *Options) fsys() fs.FS {
	if o.SourceFS != nil {
		return o.SourceFS
	}
	return o.src
}

func (o *Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o *Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// ErrData is returned when the input has errors; the diagnostics are in the
// Summary.
var ErrData = errors.New("the data has errors")

// loaded is the output of the load phase.
type loaded struct {
	cfg   config.Config
	set   *records.Set
	pages []content.Page
	sum   *Summary
}

// load reads config, every data file (in parallel, one file per task) and
// the content pages.
func load(ctx context.Context, o *Options) (*loaded, error) {
	cfg, sum, err := loadConfig(o)
	if err != nil {
		return nil, err
	}
	kinds := o.Kinds
	if kinds == nil {
		kinds = records.Kinds
	}
	files, err := dataFiles(o.fsys(), kinds, sum)
	if err != nil {
		return nil, err
	}
	results, err := readData(ctx, o, &cfg, files)
	if err != nil {
		return nil, err
	}
	set := joinRecords(results, kinds, sum)
	pages := loadContent(o.fsys(), &cfg, sum)
	return &loaded{cfg: cfg, set: set, pages: pages, sum: sum}, nil
}

// loadConfig reads site.toml, with --base-url over its base_url, and
// starts the Summary.
func loadConfig(o *Options) (config.Config, *Summary, error) {
	cfg, err := config.Load(o.fsys())
	if err != nil {
		return cfg, nil, err
	}
	if o.BaseURL != "" {
		if err := config.CheckURL(o.BaseURL); err != nil {
			return cfg, nil, fmt.Errorf("--base-url %q: want an http(s) URL or a path (%v)", o.BaseURL, err)
		}
		cfg.BaseURL = o.BaseURL
		if !strings.HasSuffix(cfg.BaseURL, "/") {
			cfg.BaseURL += "/"
		}
	}
	sum := &Summary{Counts: map[string]int{}}
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Host == "" {
		sum.Diags.Warnf(diag.Pos{File: config.FileName}, "base-url", "base_url %q has no site address: sitemap.xml, index.xml, the open-data downloads and the citation lines will carry bare paths; before publishing, set base_url to the full address (or pass --base-url)", cfg.BaseURL)
	}
	return cfg, sum, nil
}

// dataFile is one export to read, as a kind of record.
type dataFile struct {
	kind *records.Kind
	file string
}

// dataFiles lists the exports under data/KIND/ of each kind, in order. A
// file gongshi does not read, a link out of the site and a folder no kind
// reads are diagnostics in sum.
func dataFiles(fsys fs.FS, kinds []*records.Kind, sum *Summary) ([]dataFile, error) {
	var files []dataFile
	sum.Diags = append(sum.Diags, unknownFolders(fsys, kinds)...)
	for _, k := range kinds {
		dir := path.Join("data", k.Name)
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				var le *sitefs.LinkError
				if errors.As(err, &le) {
					sum.Diags.Errorf(diag.Pos{File: le.Link}, "symlink", "%s", le.Msg())
					return fs.SkipDir
				}
				return err
			}
			name := d.Name()
			if d.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				var le *sitefs.LinkError
				if err := sitefs.CheckLink(fsys, p); errors.As(err, &le) {
					sum.Diags.Errorf(diag.Pos{File: p}, "symlink", "%s", le.Msg())
					return nil
				}
			}
			if !ingest.Supported(name) {
				sum.Diags.Warnf(diag.Pos{File: p}, "skipped", "not a data file gongshi reads (.csv, .tsv, .xlsx, .json); skipped")
				return nil
			}
			files = append(files, dataFile{k, p})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// readResult is what reading one export produced.
type readResult struct {
	set    records.Set
	tables []DatasetSummary
	diags  diag.List
}

// readData reads the files on a bounded pool of workers, each from the
// parse cache when it holds the file; the results are in the files' order.
func readData(ctx context.Context, o *Options, cfg *config.Config, files []dataFile) ([]readResult, error) {
	fsys := o.fsys()
	results := make([]readResult, len(files))
	// Each file's cache key, and an estimate of its work for jobOrder.
	keys, ests := make([]string, len(files)), make([]jobEstimate, len(files))
	kg := errgroup.Group{}
	kg.SetLimit(o.workers())
	for i, j := range files {
		kg.Go(func() error {
			if st, err := fs.Stat(fsys, j.file); err == nil {
				ests[i].size = st.Size()
			}
			if o.CacheDir != "" {
				keys[i] = cacheKey(fsys, j.file, j.kind.Name, cfg.Aliases[j.kind.Name])
			}
			ests[i].parse = keys[i] == "" || !cacheHas(o.CacheDir, keys[i])
			return nil
		})
	}
	kg.Wait()
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(o.workers())
	for _, i := range jobOrder(ests) {
		j, key := files[i], keys[i]
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := &results[i]
			aliases := cfg.Aliases[j.kind.Name]
			if key != "" {
				if e, ok := cacheLoad(o.CacheDir, key); ok {
					r.set, r.tables, r.diags = e.Set, e.Tables, e.Diags
					return nil
				}
			}
			set, tables, dl := dataload.ReadFile(fsys, j.file, j.kind, aliases)
			r.set, r.diags = *set, dl
			for _, t := range tables {
				r.tables = append(r.tables, DatasetSummary{Kind: j.kind.Name, File: t.File, Format: t.Format, Encoding: t.Encoding, Sheet: t.Sheet, Header: t.HeaderRow, Rows: t.Rows})
			}
			cacheStore(o.CacheDir, key, &cacheEntry{Set: r.set, Tables: r.tables, Diags: r.diags})
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if o.CacheDir != "" {
		cachePrune(o.CacheDir)
	}
	return results, nil
}

// joinRecords joins the files' records into one set of the kinds, and
// their tables and diagnostics into sum, with the counts per kind. It
// clears results: the records then live in the set alone.
func joinRecords(results []readResult, kinds []*records.Kind, sum *Summary) *records.Set {
	sets := make([]*records.Set, len(results))
	for i := range results {
		r := &results[i]
		sets[i] = &r.set
		sum.Diags = append(sum.Diags, r.diags...)
		sum.Files = append(sum.Files, r.tables...)
	}
	set := records.Join(sets)
	set.Use(kinds)
	clear(results)
	// The same decision exported twice: merged when identical, an error
	// naming both rows when not.
	sum.Diags = append(sum.Diags, records.Dedupe(set)...)
	sum.Diags = append(sum.Diags, records.DedupeItems(set)...)
	sum.Counts["cases"] = len(set.Cases)
	sum.Counts["powers"] = len(set.Powers)
	sum.Counts["services"] = len(set.Services)
	sum.Counts["stats"] = len(set.Stats)
	sum.Counts["withdrawals"] = len(set.Withdrawals)
	for _, it := range set.Items {
		sum.Counts[it.Kind]++
	}
	return set
}

// loadContent reads the Markdown pages; drafts are left out.
func loadContent(fsys fs.FS, cfg *config.Config, sum *Summary) []content.Page {
	pages, cdl := content.Load(fsys, cfg.Location())
	sum.Diags = append(sum.Diags, cdl...)
	var kept []content.Page
	for _, p := range pages {
		if !p.Draft {
			kept = append(kept, p)
		}
	}
	sum.Counts["pages"] = len(kept)
	sum.fresh = newFreshness(*cfg, kept)
	return kept
}

// unknownFolders warns about each folder under data/ that no kind reads:
// its files would otherwise be dropped without a word.
func unknownFolders(fsys fs.FS, kinds []*records.Kind) diag.List {
	var dl diag.List
	entries, err := fs.ReadDir(fsys, "data")
	if err != nil {
		return nil
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Name
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || slices.Contains(names, e.Name()) {
			continue
		}
		dl.Warnf(diag.Pos{File: path.Join("data", e.Name())}, "unknown-folder", "no kind of record is read from data/%s, so its files are not published; the folders gongshi reads are %s", e.Name(), strings.Join(names, ", "))
	}
	return dl
}

// jobEstimate is what a file to read is expected to cost: parsing (the
// cache does not hold it) or not, and its size.
type jobEstimate struct {
	parse bool
	size  int64
}

// jobOrder orders the files to read so that the longest jobs start first
// and no worker is left with one at the end: files to parse before those
// the cache holds, larger before smaller.
func jobOrder(ests []jobEstimate) []int {
	order := make([]int, len(ests))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if ests[a].parse != ests[b].parse {
			if ests[a].parse {
				return -1
			}
			return 1
		}
		return cmp.Compare(ests[b].size, ests[a].size)
	})
	return order
}

// Check validates config and data without writing anything. Its phases
// are Build's first two, load and disclose, and then the checks of what
// the build would publish.
func Check(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	closeSrc, err := o.openSource()
	if err != nil {
		return nil, err
	}
	defer closeSrc()
	l, err := load(ctx, &o)
	if err != nil {
		return nil, err
	}
	now, err := discloseRecords(&o, l)
	if err != nil {
		return nil, err
	}
	checkPublication(&o, l, now)
	l.sum.Ambiguities = disclose.Ambiguities(l.set, l.sum.Result)
	l.sum.Duration = time.Since(start)
	if l.sum.Diags.HasErrors() {
		return l.sum, ErrData
	}
	return l.sum, nil
}

// checkPublication adds the diagnostics of what the build would publish
// as of now: stale data, rules stated in the rules page's introduction,
// decisions published or withdrawn late (against the previous build) and
// statistics that reach no page. It leaves them sorted.
func checkPublication(o *Options, l *loaded, now time.Time) {
	l.sum.Diags = append(l.sum.Diags, Staleness(l.sum, now)...)
	l.sum.Diags = append(l.sum.Diags, rulesIntro(l.pages)...)
	prevDir := o.Previous
	if prevDir == "" {
		prevDir = o.dest()
	}
	if prev, err := readPrevious(prevDir); err != nil {
		l.sum.Diags.Warnf(diag.Pos{File: prevDir}, "previous-build", "%v; the publication and withdrawal dates are not checked", err)
	} else {
		l.sum.Diags = append(l.sum.Diags, timeliness(l.sum.Result, prev, l.cfg.Calendar, now)...)
	}
	l.sum.Diags = append(l.sum.Diags, unshownStats(l.sum.Result, &l.cfg)...)
	l.sum.Diags.Sort()
}

// discloseRecords is the disclose phase, which check and build share: it
// applies the publication rules to the loaded records as of the build
// date, which it returns in the site's time zone. The diagnostics come
// back sorted, in l.sum; the caller decides what errors mean.
func discloseRecords(o *Options, l *loaded) (time.Time, error) {
	now, err := o.now()
	if err != nil {
		return time.Time{}, err
	}
	// The build date's calendar day is the site's (/changes/DATE/, the
	// archive month, 数据截至), whatever the machine's zone.
	now = now.In(l.cfg.Location())
	l.sum.Diags = append(l.sum.Diags, records.CheckPowerChanges(l.set, now)...)
	res, dl := disclose.Apply(l.set, l.cfg.Disclosure, now, publisherStrings(&l.cfg)...)
	l.sum.Diags = append(l.sum.Diags, dl...)
	l.sum.Result = res
	l.sum.Diags.Sort()
	return now, nil
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
