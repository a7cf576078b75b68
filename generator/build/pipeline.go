package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"gongshi/generator/changelog"
	"gongshi/generator/charts"
	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/disclose"
	"gongshi/generator/internal/sitefs"
	"gongshi/generator/opendata"
	"gongshi/generator/output"
	"gongshi/generator/render"
	"gongshi/generator/search"
	"gongshi/generator/site"
	"gongshi/generator/stats"
	"gongshi/themes"
)

// Build builds the site into Options.Dest. On any error nothing is written
// to Dest: the previous output stays as it was.
func Build(ctx context.Context, o Options) (*Summary, error) {
	b := &builder{o: &o, dest: o.dest(), log: o.logger(), start: time.Now()}
	b.at = b.start
	closeSrc, err := o.openSource()
	if err != nil {
		return nil, err
	}
	defer closeSrc()
	unlock, err := b.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := b.load(ctx); err != nil {
		return nil, err
	}
	b.mark("load")
	if err := b.disclose(); err != nil {
		return nil, err
	}
	if b.sum.Diags.HasErrors() {
		return b.sum, ErrData
	}
	b.dropRecords()
	if err := b.assemble(ctx); err != nil {
		return b.sum, err
	}
	if o.DryRun {
		return b.report(), nil
	}
	defer b.abort()
	if err := b.render(ctx); err != nil {
		return b.sum, err
	}
	if err := b.gateErr(); err != nil {
		return b.sum, err
	}
	if err := b.swap(); err != nil {
		return b.sum, err
	}
	return b.report(), nil
}

// builder is one run of Build: each phase reads what the phases before it
// left here.
type builder struct {
	o     *Options
	dest  string
	log   *slog.Logger
	start time.Time
	at    time.Time // when the current phase started, for mark

	cleaned func() // removes the stages killed builds left beside dest

	// load and disclose
	l   *loaded
	now time.Time
	sum *Summary

	// assemble
	s         *site.Site
	theme     fs.FS
	r         *render.Renderer
	prevDir   string
	prev      *changelog.Manifest
	sj        *searchJob
	syn       map[string][]string // the search synonyms: the theme's and site.toml's
	datasets  []opendata.Dataset
	standard  []opendata.StandardFile
	statPages []site.StatPage
	date      string // the update's date, YYYY-MM-DD (updateDate)
	manifest  *changelog.Manifest
	archive   []site.ArchiveMonth

	// render, gate and swap
	st   *output.Stage
	gate *disclose.Gate
	// sieve holds what a file of the previous build must hold to fail
	// this build's gate (disclose.Gate.NewSince); nil when that is not
	// known.
	sieve     *disclose.Sieve
	committed bool
}

// mark logs the time the phase name took.
func (b *builder) mark(name string) {
	b.log.Info(name, "took", time.Since(b.at).Round(time.Millisecond))
	if b.o.AfterPhase != nil {
		b.o.AfterPhase(name)
	}
	b.at = time.Now()
}

// lock makes this build the one that writes beside dest, so the stages
// lying there when it takes the lock are killed builds': removed while
// this one works, and gone before it returns, whether it succeeds or not.
// The returned func releases the lock. A dry run writes nothing and takes
// no lock.
func (b *builder) lock(ctx context.Context) (unlock func(), err error) {
	b.cleaned = func() {}
	if b.o.DryRun {
		return func() {}, nil
	}
	lock, err := output.LockDest(ctx, b.dest, func() {
		b.log.Warn("another build into the destination is running; waiting for it to finish", "dest", b.dest)
	})
	if err != nil {
		return nil, err
	}
	b.cleaned = output.StartCleanup(b.dest)
	return func() {
		b.cleaned()
		lock.Unlock()
	}, nil
}

// load reads config, data and content (load).
func (b *builder) load(ctx context.Context) (err error) {
	b.l, err = load(ctx, b.o)
	return err
}

// disclose applies the publication rules as of the build date
// (discloseRecords); the Summary holds the result and the diagnostics.
func (b *builder) disclose() (err error) {
	b.now, err = discloseRecords(b.o, b.l)
	b.sum = b.l.sum
	return err
}

// dropRecords lets the records as exported go: the disclose result holds
// what is published, and the rest of the build reuses their memory, which
// it need not ask the system for.
func (b *builder) dropRecords() {
	b.log.Info("loaded", "cases", len(b.l.set.Cases), "published", len(b.sum.Result.Cases))
	b.l.set = nil
	b.mark("disclose")
}

// assemble builds the site model: the record and content pages, the
// statistics, the open data and what changed since the previous build.
// A dry run stops after it: the Summary says what would change.
func (b *builder) assemble(ctx context.Context) error {
	b.s = site.New(b.l.cfg, b.sum.Result, b.l.pages)
	b.s.BuildPages()
	if err := b.loadTheme(); err != nil {
		return err
	}
	prevRead := b.startBackground()
	statData, chartSets, err := b.figures(ctx)
	if err != nil {
		return err
	}
	if err := prevRead(); err != nil {
		return err
	}
	b.checkDates(statData)
	idx, err := b.addFigurePages(statData, chartSets)
	if err != nil {
		return err
	}
	b.changes()
	if b.o.DryRun {
		return nil
	}
	b.addUpdatePages(idx)
	b.mark("assemble")
	return nil
}

// checkDates adds the diagnostics that need the previous build and the
// statistics: decisions published or withdrawn late, indicators that
// reach no page.
func (b *builder) checkDates(statData *stats.Data) {
	b.sum.Diags = append(b.sum.Diags, timeliness(b.sum.Result, b.prev, b.l.cfg.Calendar, b.now)...)
	b.sum.Diags = append(b.sum.Diags, statData.Unshown()...)
	b.sum.Diags.Sort()
}

// addFigurePages adds the statistics pages and /data/, and returns the
// statistics index.
func (b *builder) addFigurePages(statData *stats.Data, chartSets []charts.Page) (site.StatIndex, error) {
	statPages, idx := b.s.AddStatPages(statData, chartSets)
	b.statPages = statPages
	dp, err := dataPage(&b.l.cfg, b.datasets, b.standard, b.r.AbsURL)
	if err != nil {
		return idx, err
	}
	b.s.AddDataPage(dp)
	return idx, nil
}

// addUpdatePages dates the record pages from the manifest, adds /changes/,
// the monthly archive and /sitemap/, and seals the model.
func (b *builder) addUpdatePages(idx site.StatIndex) {
	b.s.StampPages(b.manifest)
	b.s.AddChangesPages(b.manifest, powerLinks(b.s))
	b.archive = b.s.AddArchive(archiveMonths(b.prevDir), b.date[:7], b.statPages)
	b.s.AddSitemap(idx)
	b.s.Seal()
	b.sum.Pages = len(b.s.HTML)
}

// startBackground starts reading the previous build's manifest and
// building the search index, which depends on the records alone: under
// way while the statistics and the downloads are computed, where a core
// would otherwise wait. The returned func waits for the manifest.
func (b *builder) startBackground() (prevRead func() error) {
	b.prevDir = b.o.Previous
	if b.prevDir == "" {
		b.prevDir = b.dest
	}
	var prevErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.prev, prevErr = readPrevious(b.prevDir)
	}()
	if !b.o.DryRun {
		o := search.Options{Synonyms: b.syn, Compact: b.o.Compact, Salt: binaryHash()}
		if dir := filepath.Join(b.prevDir, "search", "index"); !o.Compact {
			o.Previous = os.DirFS(dir)
		}
		docs := search.Docs(b.s)
		b.sum.SearchDocs = docs
		b.sj = startSearch(docs, o, func() *changelog.Manifest {
			<-done
			return b.prev
		})
	}
	return func() error {
		<-done
		return prevErr
	}
}

// loadTheme lays the site's themes/NAME over the embedded default theme,
// reads its search synonyms and makes the renderer.
func (b *builder) loadTheme() error {
	var top fs.FS
	if sub, err := fs.Sub(b.o.fsys(), path.Join("themes", b.l.cfg.Theme)); err == nil {
		if _, err := fs.Stat(sub, "."); err == nil {
			top = sub
		}
	}
	b.theme = render.Overlay(top, themes.Default())
	if badge := b.l.cfg.Publisher.Badge; badge != "" {
		if _, err := fs.Stat(b.theme, "static"+badge); err != nil {
			return fmt.Errorf("site.toml: publisher.badge %q: put the image at themes/%s/static%s", badge, b.l.cfg.Theme, badge)
		}
	}
	syn, err := searchSynonyms(b.theme, b.l.cfg.Theme, b.l.cfg.Search.Synonyms)
	if err != nil {
		return err
	}
	b.syn = syn
	r, err := render.New(b.theme, &b.s.Config)
	if err != nil {
		return err
	}
	r.Use(b.s)
	b.r = r
	return nil
}

// figures computes the statistics, the open-data downloads and the
// standard files, which are independent of each other: at once.
func (b *builder) figures(ctx context.Context) (*stats.Data, []charts.Page, error) {
	var (
		statData  *stats.Data
		chartSets []charts.Page
	)
	ag, _ := errgroup.WithContext(ctx)
	ag.Go(func() (err error) {
		statData, chartSets, err = statCharts(b.sum.Result, &b.l.cfg, b.r.AbsURL)
		return err
	})
	ag.Go(func() error {
		b.datasets = opendata.Build(b.s, b.r.AbsURL)
		return nil
	})
	ag.Go(func() (err error) {
		b.standard, err = opendata.Standard(b.s)
		return err
	})
	err := ag.Wait()
	return statData, chartSets, err
}

// changes works out what changed since the previous build, and the date
// it is recorded under.
func (b *builder) changes() {
	var allCharts []charts.Chart
	for _, sp := range b.statPages {
		allCharts = append(allCharts, sp.Charts...)
	}
	b.date = updateDate(b.now, b.prev, b.prevDir)
	if d := b.now.Format("2006-01-02"); d != b.date {
		b.sum.Diags.Warnf(diag.Pos{File: config.FileName}, "build-date", "the build date %s is before the previous build's %s: this update is recorded under %s in /changes/ and in the monthly archive, which never go back in time", d, b.date, b.date)
		b.sum.Diags.Sort()
	}
	manifest, update := changelog.Next(b.prev, manifestInput(b.s, b.datasets, allCharts, b.date))
	b.manifest = manifest
	b.sum.Update, b.sum.FirstBuild = update, b.prev == nil
}

// render writes every file of the site into a stage beside dest, each
// scanned by the leak gate as it is written, and the manifest last.
func (b *builder) render(ctx context.Context) error {
	if err := b.openStage(); err != nil {
		return err
	}
	if err := WriteStatic(b.st, b.theme, b.r); err != nil {
		return err
	}
	fingerprint, err := themeFingerprint(b.theme, &b.s.Config, b.r.Assets)
	if err != nil {
		return err
	}
	b.mark("stage")
	if err := b.writeAll(ctx, fingerprint); err != nil {
		return err
	}
	b.mark("render+search+data")
	mdata, err := b.manifest.Encode()
	if err != nil {
		return err
	}
	if err := b.st.WriteRaw(changelog.Path, mdata); err != nil {
		return err
	}
	b.mark("manifest")
	return nil
}

// openStage makes the stage and its leak gate. Files kept from the
// previous build skip the gate when it passed them with no fewer rules;
// its pages that are no page of this build are not kept.
func (b *builder) openStage() error {
	st, err := output.NewStage(b.dest)
	if err != nil {
		return err
	}
	b.st = st
	b.gate = disclose.NewGate(b.sum.Result.Scanner())
	st.Check = b.gate.Check
	if b.prev != nil {
		st.SetPrev(b.prevDir)
		st.KeepUnchecked = b.gate.PassedBefore(b.o.CacheDir, st.PrevIndexSum())
		b.sum.KeptUnchecked = st.KeepUnchecked
		if !st.KeepUnchecked {
			b.sieve = b.gate.NewSince(b.o.CacheDir, st.PrevIndexSum())
		}
	}
	pageFiles := make(map[string]bool, len(b.s.HTML))
	for _, p := range b.s.HTML {
		pageFiles[pageFile(p.URL)] = true
	}
	st.Forget(func(p string) bool { return strings.HasSuffix(p, ".html") && !pageFiles[p] })
	return nil
}

// writeAll writes the statistics, the downloads, the pages and the search
// index at the same time: each has phases that leave a core idle (writes,
// joining the index's parts).
func (b *builder) writeAll(ctx context.Context, fingerprint string) error {
	var prevKeys map[string]string
	if b.prev != nil {
		prevKeys = b.prev.Pages
	}
	// The downloads are encoded one at a time as they are written, and
	// each dataset's rows dropped once its downloads are: they need not
	// stay in memory through rendering and the search index, the peak of a
	// large build.
	downloads := []map[string][]byte{b.s.TableFiles()}
	st, manifest := b.st, b.manifest
	updates := manifest.Updates
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		if err := writeStats(st, b.statPages); err != nil {
			return err
		}
		if err := writeArchive(st, b.archive, b.date[:7], b.statPages); err != nil {
			return err
		}
		for i := range b.datasets {
			if err := b.datasets[i].WriteFiles(st.WriteRaw); err != nil {
				return err
			}
			b.datasets[i].Drop()
		}
		for i := range b.standard {
			if err := b.standard[i].WriteFile(st.WriteRaw); err != nil {
				return err
			}
		}
		for i, files := range downloads {
			for _, p := range sortedKeys(files) {
				if err := st.WriteRaw(p, files[p]); err != nil {
					return err
				}
			}
			downloads[i] = nil
		}
		// The sitemap and the feed read the assembled site alone.
		return writeFeeds(st, b.s, b.r, updates)
	})
	g.Go(func() (err error) {
		var n keptCounts
		manifest.Pages, n, err = renderPages(gctx, b.o, st, b.r, b.s, fingerprint, prevKeys, b.provenSieve())
		b.sum.KeptProven, b.sum.KeptRescanned, b.sum.KeptOther = n.proven, n.rescanned, n.other
		return err
	})
	g.Go(func() (err error) {
		manifest.Search, b.sum.SearchKept, b.sum.SearchLayout, err = writeSearch(st, b.sj, b.prev)
		return err
	})
	return g.Wait()
}

// gateErr reports what the leak gate did, and fails the build when it
// found personal data.
func (b *builder) gateErr() error {
	b.sum.Gate = b.gate.Stats()
	g := b.sum.Gate
	b.log.Info("leak gate", "files", g.Files, "MB", g.Bytes/1e6, "busy", g.Busy.Round(time.Millisecond), "findings", g.Findings)
	b.sum.Reread = b.st.Reread()
	b.log.Info("kept files", "unchecked", b.sum.KeptUnchecked, "sieve", b.sieve != nil, "new secrets", b.sum.NewSecrets,
		"proven", b.sum.KeptProven, "rescanned", b.sum.KeptRescanned, "other", b.sum.KeptOther, "reread", b.sum.Reread)
	return b.gate.Err()
}

// swap puts the stage in place of dest, and records the rules the gate
// passed it with.
func (b *builder) swap() error {
	b.sum.Written = len(b.st.Files())
	b.sum.Kept = b.st.Unchanged()
	b.sum.Bytes = b.st.Bytes()
	b.cleaned() // the previous build's leftovers, removed while this one worked
	if err := b.st.Commit(); err != nil {
		return err
	}
	b.committed = true
	b.gate.Remember(b.o.CacheDir, b.st.IndexSum())
	b.mark("swap")
	return nil
}

// abort removes the stage of a build that failed.
func (b *builder) abort() {
	if b.st != nil && !b.committed {
		b.st.Abort()
	}
}

// report completes the Summary.
func (b *builder) report() *Summary {
	b.sum.Duration = time.Since(b.start)
	return b.sum
}

// searchJob builds the search index in the background.
type searchJob struct {
	docs []search.Doc
	opts search.Options
	done chan struct{}
	key  string
	ix   *search.Index // nil when the previous build's index may be kept
	err  error
}

// startSearch works out the index's key and, unless the previous build
// (from prev, which may wait for it) has an index of the same key, builds
// the index, extending o.Previous when it can. docs are the job's own.
func startSearch(docs []search.Doc, o search.Options, prev func() *changelog.Manifest) *searchJob {
	j := &searchJob{docs: docs, opts: o, done: make(chan struct{})}
	go func() {
		defer close(j.done)
		j.key = searchKey(docs, o)
		if p := prev(); p != nil && p.Search == j.key && !o.Compact {
			return // keepSearch decides once the stage knows its files
		}
		j.ix, j.err = search.Build(docs, o)
	}()
	return j
}

// writeSearch writes the index of every publishable record below
// /search/index/: the files of an index that extends the previous one's
// are kept from it, and the whole previous index is kept when the
// documents are the same. It returns the index's key, whether it was
// kept and its layout.
func writeSearch(st *output.Stage, j *searchJob, prev *changelog.Manifest) (key string, kept bool, layout string, err error) {
	<-j.done
	if j.err != nil {
		return "", false, "", j.err
	}
	ix := j.ix
	if ix == nil {
		if kept, err = keepSearch(st, prev, j.key); err != nil || kept {
			return j.key, kept, "", err
		}
		if ix, err = search.Build(j.docs, j.opts); err != nil {
			return "", false, "", err
		}
	}
	if len(ix.Kept) > 0 {
		// The stage keeps a file its previous output's index lists; when one
		// is not listed, the index is built afresh without the previous one.
		listed := st.PrevFiles("/search/index/")
		for _, p := range ix.Kept {
			if _, ok := slices.BinarySearch(listed, "/search/index/"+p); !ok {
				o := j.opts
				o.Previous = nil
				if ix, err = search.Build(j.docs, o); err != nil {
					return "", false, "", err
				}
				break
			}
		}
	}
	for _, p := range ix.Kept {
		ok, err := st.Keep("/search/index/" + p)
		if err != nil {
			return "", false, "", fmt.Errorf("keep search index file %s: %v", p, err)
		}
		if !ok {
			return "", false, "", fmt.Errorf("keep search index file %s: it is not in the previous output", p)
		}
	}
	for _, p := range sortedKeys(ix.Files) {
		if err := st.WriteRaw("/search/index/"+p, ix.Files[p]); err != nil {
			return "", false, "", err
		}
	}
	return j.key, false, ix.Layout, nil
}

// pageFile is the output file of the page at url.
func pageFile(url string) string {
	if strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// renderPages renders every page on a bounded pool of workers; each writes
// only its own file. A record page whose key (everything it is rendered
// from) matches the previous build's is kept from that build instead.
// With a sieve of the secrets new since that build, a kept decision page
// whose inputs hold none of them is kept unread (see the package
// documentation); the others are read and scanned again. It returns the
// keys of the record pages, by URL, and how the kept pages were checked.
func renderPages(ctx context.Context, o *Options, st *output.Stage, r *render.Renderer, s *site.Site, fingerprint string, prev map[string]string, sieve *disclose.Sieve) (map[string]string, keptCounts, error) {
	var proven, rescanned, other atomic.Int64
	keys := make([]string, len(s.HTML))
	pk := &pageKeys{fingerprint: fingerprint}
	g, ctx := errgroup.WithContext(ctx)
	// More workers than cores: a page's write blocks in the file system.
	// Each worker takes the next page until none is left, and keeps its
	// buffer and its stack (grown deep by the templates) from page to page.
	var next atomic.Int64
	for range 2 * o.workers() {
		g.Go(func() error {
			var buf bytes.Buffer
			buf.Grow(16 << 10)
			var text []byte // pageText's, reused
			for {
				i := int(next.Add(1)) - 1
				if i >= len(s.HTML) {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				p := s.HTML[i]
				name := pageFile(p.URL)
				if incremental[p.Layout] {
					key, err := pk.key(p)
					if err != nil {
						return fmt.Errorf("render %s: %w", p.URL, err)
					}
					keys[i] = key
					if prev[p.URL] == key {
						keep, count := st.Keep, (*atomic.Int64)(nil)
						if sieve != nil {
							var ok bool
							count = &other
							if text, ok = pageText(text[:0], p); ok {
								count = &rescanned
								if !sieve.In(text) {
									keep, count = st.KeepTrusted, &proven
								}
							}
						}
						if kept, err := keep(name); err != nil {
							return err
						} else if kept {
							if count != nil {
								count.Add(1)
							}
							continue
						}
					}
				}
				buf.Reset()
				if err := r.Page(&buf, s, p); err != nil {
					return err
				}
				// The stage neither keeps nor hands on the bytes: the buffer
				// can be reused.
				if err := st.WriteRaw(name, buf.Bytes()); err != nil { // the templates are minified at load
					return err
				}
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, keptCounts{}, err
	}
	out := map[string]string{}
	for i, k := range keys {
		if k != "" {
			out[s.HTML[i].URL] = k
		}
	}
	return out, keptCounts{proven: int(proven.Load()), rescanned: int(rescanned.Load()), other: int(other.Load())}, nil
}

// keptCounts says how renderPages checked the pages it kept, when secrets
// were new: decision pages and pointers proven clean from their inputs,
// those whose inputs hold a new secret, and other record pages (power,
// service, Markdown), read and scanned whatever their inputs hold.
type keptCounts struct{ proven, rescanned, other int }

// StaticWriter is where WriteStatic puts a theme's static files: a town's
// output stage, or a county's folder.
type StaticWriter interface {
	WriteFile(p string, data []byte) error        // as the output writes a file of its kind
	WriteRaw(p string, data []byte) error         // the bytes as given
	Minify(p string, data []byte) ([]byte, error) // CSS and JavaScript minified
}

// WriteStatic copies the theme's static/ folder to the site root. CSS and
// JavaScript get a content hash in their names (site.css →
// site.3f2a9c1e.css), so they can be cached forever and a town and its
// county share them by name; the renderer's url function maps the plain
// paths onto them. A symbolic link that leaves the theme fails.
func WriteStatic(st StaticWriter, theme fs.FS, r *render.Renderer) error {
	r.Assets = map[string]string{}
	return fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if err := sitefs.CheckLink(theme, p); err != nil {
				return err
			}
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static")
		ext := path.Ext(name)
		if ext != ".css" && ext != ".js" {
			return st.WriteFile(name, data)
		}
		if data, err = st.Minify(name, data); err != nil {
			return err
		}
		return st.WriteRaw(r.AddAsset(name, data), data)
	})
}

func writeFeeds(st *output.Stage, s *site.Site, r *render.Renderer, updates []changelog.Update) error {
	var entries []output.SitemapEntry
	for _, p := range s.HTML {
		if p.InSitemap {
			entries = append(entries, output.SitemapEntry{Loc: p.URL, LastMod: p.Date})
		}
	}
	for name, data := range output.Sitemaps(entries, r.AbsURL) {
		if err := st.WriteFile(name, data); err != nil {
			return err
		}
	}
	// Every date in the site's zone: a record's date is a calendar day.
	loc := s.Config.Location()
	day := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	}
	var items []output.FeedItem
	for _, n := range s.Notices {
		items = append(items, output.FeedItem{Title: n.Title, Link: r.AbsURL(n.URL), Summary: n.Summary, Date: n.Date.In(loc)})
	}
	// Each update of the data, with its counts, links to its /changes/ page.
	for _, u := range updates[:min(12, len(updates))] {
		d, _ := time.ParseInLocation("2006-01-02", u.Date, loc)
		desc := fmt.Sprintf("新增%d条，变更%d条，撤回%d条，公示期满%d条，统计图表%d个有变化", len(u.Added), len(u.Changed), len(u.Withdrawn), u.ExpiredN, len(u.Figures))
		if n := u.InitialTotal(); n > 0 {
			desc = fmt.Sprintf("首次发布%d条，", n) + desc
		}
		items = append(items, output.FeedItem{Title: u.Date + "数据更新", Link: r.AbsURL("/changes/" + u.Date + "/"), Summary: desc, Date: d})
	}
	for i := range s.Cases[:min(20, len(s.Cases))] {
		c := &s.Cases[i]
		items = append(items, output.FeedItem{Title: "行政处罚决定 " + c.DecisionNo, Link: r.AbsURL("/cases/" + c.ID + "/"), Summary: c.PartyName + "：" + c.Violation, Date: day(c.DecisionDate)})
	}
	author := s.Config.Publisher.Sponsor
	if author == "" {
		author = s.Config.Title
	}
	feed := output.Atom(output.Feed{Title: s.Config.Title, Subtitle: s.Config.Description, Link: r.AbsURL("/"), Self: r.AbsURL("/index.xml"),
		Author: author, Lang: s.Config.Language, Updated: s.BuildDate.In(loc), Items: items})
	if err := st.WriteFile("/index.xml", feed); err != nil {
		return err
	}
	return st.WriteRaw("/robots.txt", output.Robots(r.AbsURL("/sitemap.xml")))
}

// publisherStrings are what site.toml makes every page publish: never a
// secret, even when a record holds the same value.
func publisherStrings(cfg *config.Config) []string {
	p := cfg.Publisher
	return []string{p.Phone, p.Complaints, p.Address, p.Sponsor, p.Organizer, p.Email}
}
