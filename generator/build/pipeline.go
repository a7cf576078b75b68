package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
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
	start := time.Now()
	log := o.logger()
	closeSrc, err := o.openSource()
	if err != nil {
		return nil, err
	}
	defer closeSrc()
	dest := o.dest()
	// One build at a time writes beside dest, so the stages lying there
	// when it takes the lock are killed builds': removed while this one
	// loads, and gone before it returns, whether it succeeds or not.
	cleaned := func() {}
	if !o.DryRun {
		lock, err := output.LockDest(ctx, dest, func() {
			log.Warn("another build into the destination is running; waiting for it to finish", "dest", dest)
		})
		if err != nil {
			return nil, err
		}
		cleaned = output.StartCleanup(dest)
		defer func() {
			cleaned()
			lock.Unlock()
		}()
	}
	l, now, err := prepare(ctx, &o)
	if err != nil {
		return nil, err
	}
	sum, res := l.sum, l.sum.Result
	if sum.Diags.HasErrors() {
		return sum, ErrData
	}
	phase := start
	mark := func(name string) {
		log.Info(name, "took", time.Since(phase).Round(time.Millisecond))
		phase = time.Now()
	}
	log.Info("loaded", "cases", len(l.set.Cases), "published", len(res.Cases))
	// The records as exported are not read again: the disclose result
	// holds what is published. Dropped, their memory serves the rest of
	// the build instead of new pages from the system.
	l.set = nil
	mark("load+disclose")

	// Assemble.
	s := site.New(l.cfg, res, l.pages)
	s.BuildPages()

	// The previous build's manifest, and the search index, which depends on
	// the records alone: under way while the statistics and the downloads
	// are computed, where a core would otherwise wait.
	prevDir := o.Previous
	if prevDir == "" {
		prevDir = dest
	}
	var (
		prev    *changelog.Manifest
		prevErr error
	)
	prevRead := make(chan struct{})
	go func() {
		defer close(prevRead)
		prev, prevErr = readPrevious(prevDir)
	}()
	var sj *searchJob
	if !o.DryRun {
		sj = startSearch(search.Docs(s), func() *changelog.Manifest {
			<-prevRead
			return prev
		})
	}

	// Theme: the site's themes/NAME over the embedded default.
	var top fs.FS
	if sub, err := fs.Sub(o.fsys(), path.Join("themes", l.cfg.Theme)); err == nil {
		if _, err := fs.Stat(sub, "."); err == nil {
			top = sub
		}
	}
	theme := render.Overlay(top, themes.Default())
	if b := l.cfg.Publisher.Badge; b != "" {
		if _, err := fs.Stat(theme, "static"+b); err != nil {
			return sum, fmt.Errorf("site.toml: publisher.badge %q: put the image at themes/%s/static%s", b, l.cfg.Theme, b)
		}
	}
	r, err := render.New(theme, &s.Config)
	if err != nil {
		return sum, err
	}
	r.Use(s)

	// The statistics, the open-data downloads and the standard files are
	// independent of each other: at once.
	var (
		statData  *stats.Data
		chartSets []charts.Page
		datasets  []opendata.Dataset
		standard  []opendata.StandardFile
	)
	ag, _ := errgroup.WithContext(ctx)
	ag.Go(func() (err error) {
		statData, chartSets, err = statCharts(res, &l.cfg)
		return err
	})
	ag.Go(func() (err error) {
		datasets, err = opendata.Build(s, r.AbsURL)
		return err
	})
	ag.Go(func() (err error) {
		standard, err = opendata.Standard(s)
		return err
	})
	if err := ag.Wait(); err != nil {
		return sum, err
	}
	<-prevRead
	if prevErr != nil {
		return sum, prevErr
	}
	sum.Diags = append(sum.Diags, timeliness(res, prev, l.cfg.Calendar, now)...)
	sum.Diags = append(sum.Diags, statData.Unshown()...)
	sum.Diags.Sort()
	statPages, idx := addStatPages(s, statData, chartSets)
	for _, p := range s.HTML {
		if p.URL == "/" && p.Data == nil {
			p.Data = idx // the home page links only to topics that exist
		}
	}
	dp, err := dataPage(&l.cfg, datasets, standard, r.AbsURL)
	if err != nil {
		return sum, err
	}
	s.Add(&site.Page{URL: "/data/", Layout: "data", Title: "开放数据", Section: "/data/", Column: "开放数据", InSitemap: true,
		Crumbs: []site.Crumb{{Title: "首页", URL: "/"}}, Data: dp})

	// What changed since the previous build.
	var allCharts []charts.Chart
	for _, sp := range statPages {
		allCharts = append(allCharts, sp.Charts...)
	}
	date := updateDate(now, prev, prevDir)
	if d := now.Format("2006-01-02"); d != date {
		sum.Diags.Warnf(diag.Pos{File: config.FileName}, "build-date", "the build date %s is before the previous build's %s: this update is recorded under %s in /changes/ and in the monthly archive, which never go back in time", d, date, date)
		sum.Diags.Sort()
	}
	manifest, update := changelog.Next(prev, manifestInput(s, datasets, allCharts, date))
	sum.Update, sum.FirstBuild = update, prev == nil
	if o.DryRun {
		sum.Duration = time.Since(start)
		return sum, nil
	}
	stampPages(s, manifest)
	changesPages(s, manifest)
	archive := addArchive(s, prevDir, date[:7], statPages)
	s.Add(&site.Page{URL: "/sitemap/", Layout: "sitemap", Title: "网站地图", Column: "网站地图", InSitemap: true,
		Crumbs: []site.Crumb{{Title: "首页", URL: "/"}}, Data: idx})
	s.Seal()
	sum.Pages = len(s.HTML)

	mark("assemble")

	// Output.
	st, err := output.NewStage(dest)
	if err != nil {
		return sum, err
	}
	gate := newLeakGate(res.Scanner())
	st.Check = gate.check
	if prev != nil {
		st.SetPrev(prevDir)
		st.KeepUnchecked = gate.passedBefore(o.CacheDir, st.PrevIndexSum())
		sum.KeptUnchecked = st.KeepUnchecked
	}
	pageFiles := make(map[string]bool, len(s.HTML))
	for _, p := range s.HTML {
		pageFiles[pageFile(p.URL)] = true
	}
	st.Forget(func(p string) bool { return strings.HasSuffix(p, ".html") && !pageFiles[p] })
	ok := false
	defer func() {
		if !ok {
			st.Abort()
		}
	}()
	if err := writeStatic(st, theme, r); err != nil {
		return sum, err
	}
	fingerprint, err := themeFingerprint(theme, &s.Config, r.Assets)
	if err != nil {
		return sum, err
	}
	var prevKeys map[string]string
	if prev != nil {
		prevKeys = prev.Pages
	}
	// The downloads leave the datasets (the /data/ page renders without
	// them) and are dropped once written: they need not stay in memory
	// through rendering and the search index, the peak of a large build.
	var downloads []map[string][]byte
	for i := range datasets {
		downloads = append(downloads, datasets[i].Files)
		datasets[i].Files, datasets[i].Rows = nil, nil
	}
	for i := range standard {
		downloads = append(downloads, map[string][]byte{standard[i].Path: standard[i].Data})
		standard[i].Data = nil
	}
	downloads = append(downloads, s.TableFiles())
	mark("stage")
	// The statistics, the downloads, the pages and the search index, at the
	// same time: each has phases that leave a core idle (writes, joining
	// the index's parts).
	updates := manifest.Updates
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		if err := writeStats(st, statPages); err != nil {
			return err
		}
		if err := writeArchive(st, archive, date[:7], statPages); err != nil {
			return err
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
		return writeFeeds(st, s, r, updates)
	})
	g.Go(func() (err error) {
		manifest.Pages, err = renderPages(gctx, &o, st, r, s, fingerprint, prevKeys)
		return err
	})
	g.Go(func() (err error) {
		manifest.Search, sum.SearchKept, err = writeSearch(st, sj, prev)
		return err
	})
	if err := g.Wait(); err != nil {
		return sum, err
	}
	mark("render+search+data")
	mdata, err := manifest.Encode()
	if err != nil {
		return sum, err
	}
	if err := st.WriteRaw(changelog.Path, mdata); err != nil {
		return sum, err
	}
	mark("manifest")
	sum.Gate = gate.stats()
	log.Info("leak gate", "files", sum.Gate.Files, "MB", sum.Gate.Bytes/1e6, "busy", sum.Gate.Busy.Round(time.Millisecond), "findings", sum.Gate.Findings)
	if err := gate.err(); err != nil {
		return sum, err
	}
	sum.Written = len(st.Files())
	sum.Kept = st.Unchanged()
	sum.Bytes = st.Bytes()
	cleaned() // the previous build's leftovers, removed while this one worked
	if err := st.Commit(); err != nil {
		return sum, err
	}
	ok = true
	gate.remember(o.CacheDir, st.IndexSum())
	mark("swap")
	sum.Duration = time.Since(start)
	return sum, nil
}

// searchJob builds the search index in the background.
type searchJob struct {
	docs []search.Doc
	done chan struct{}
	key  string
	ix   *search.Index // nil when the previous build's index may be kept
	err  error
}

// startSearch works out the index's key and, unless the previous build
// (from prev, which may wait for it) has an index of the same key, builds
// the index. docs are the job's own.
func startSearch(docs []search.Doc, prev func() *changelog.Manifest) *searchJob {
	j := &searchJob{docs: docs, done: make(chan struct{})}
	go func() {
		defer close(j.done)
		j.key = searchKey(docs)
		if p := prev(); p != nil && p.Search == j.key {
			return // keepSearch decides once the stage knows its files
		}
		j.ix, j.err = search.Build(docs, search.Options{})
	}()
	return j
}

// writeSearch writes the index of every publishable record below
// /search/index/, or keeps the previous build's when the documents are the
// same. It returns the index's key and whether it was kept.
func writeSearch(st *output.Stage, j *searchJob, prev *changelog.Manifest) (key string, kept bool, err error) {
	<-j.done
	if j.err != nil {
		return "", false, j.err
	}
	ix := j.ix
	if ix == nil {
		if kept, err = keepSearch(st, prev, j.key); err != nil || kept {
			return j.key, kept, err
		}
		if ix, err = search.Build(j.docs, search.Options{}); err != nil {
			return "", false, err
		}
	}
	for _, p := range sortedKeys(ix.Files) {
		if err := st.WriteRaw("/search/index/"+p, ix.Files[p]); err != nil {
			return "", false, err
		}
	}
	return j.key, false, nil
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
// It returns the keys of the record pages, by URL.
func renderPages(ctx context.Context, o *Options, st *output.Stage, r *render.Renderer, s *site.Site, fingerprint string, prev map[string]string) (map[string]string, error) {
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
						if kept, err := st.Keep(name); err != nil {
							return err
						} else if kept {
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
		return nil, err
	}
	out := map[string]string{}
	for i, k := range keys {
		if k != "" {
			out[s.HTML[i].URL] = k
		}
	}
	return out, nil
}

// writeStatic copies the theme's static/ folder to the site root. CSS and
// JavaScript get a content hash in their names (site.css →
// site.3f2a9c1e.css), so they can be cached forever; the renderer's url
// function maps the plain paths onto them.
func writeStatic(st *output.Stage, theme fs.FS, r *render.Renderer) error {
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
		hashed := strings.TrimSuffix(name, ext) + "." + changelog.Hash(data)[:10] + ext
		r.Assets[name] = hashed
		return st.WriteRaw(hashed, data)
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

// leakGate scans every file as the stage writes it for personal data that
// got past the disclose step, and collects what it finds.
type leakGate struct {
	scanner *disclose.Scanner
	mu      sync.Mutex
	leaks   []disclose.Leak

	// What the gate scanned, and the time its scans took, summed over the
	// workers.
	files, bytes, nanos atomic.Int64

	rulesOnce sync.Once
	rs        *disclose.Rules

	// Parts of pages found clean, by their content (not a hash of it: a
	// collision would pass a part unscanned): the site header and footer
	// that every page repeats are scanned once. A part is kept only once
	// its hash has been seen before (a collision there merely keeps one
	// more): the header of a record page carries its title in the
	// breadcrumbs, and keeping every such header held 37 MB in a monthly
	// update for no page scanned less. split says pages may be scanned in
	// parts at all.
	split   bool
	cleanMu sync.RWMutex
	clean   map[string]bool
	seen    map[uint64]bool
	seed    maphash.Seed
}

func newLeakGate(sc *disclose.Scanner) *leakGate {
	return &leakGate{scanner: sc, split: sc.Separates('<'), clean: map[string]bool{}, seen: map[uint64]bool{}, seed: maphash.MakeSeed()}
}

// The rules the gate applied to an output are kept in the build cache,
// named by the output's index, so that the next build can tell whether the
// files it keeps from that output need scanning again: not when its own
// rules find no more than those did (nothing new to look for, nothing
// excused before that is not now). A monthly update, whose new records
// bring new secrets, scans them; a rebuild of unchanged data does not.

func rulesFile(cacheDir, indexSum string) string {
	bin := binaryHash()
	if cacheDir == "" || indexSum == "" || bin == "" {
		return ""
	}
	h := sha256.Sum256([]byte("scan rules\x00" + bin + "\x00" + indexSum))
	return filepath.Join(cacheDir, "scan-"+hex.EncodeToString(h[:20])+".rules")
}

func (g *leakGate) rules() *disclose.Rules {
	g.rulesOnce.Do(func() { g.rs = g.scanner.Rules() })
	return g.rs
}

// passedBefore reports whether every file of the output whose index has
// the hash indexSum passes this gate: it passed a gate whose rules find no
// more than this one's.
func (g *leakGate) passedBefore(cacheDir, indexSum string) bool {
	name := rulesFile(cacheDir, indexSum)
	if name == "" {
		return false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	var old disclose.Rules
	if old.UnmarshalBinary(data) != nil {
		return false
	}
	now := time.Now()
	os.Chtimes(name, now, now) // used: keep it
	return g.rules().FindsNoMoreThan(&old)
}

// remember records the gate's rules as those the output whose index has
// the hash indexSum passed.
func (g *leakGate) remember(cacheDir, indexSum string) {
	name := rulesFile(cacheDir, indexSum)
	if name == "" {
		return
	}
	data, _ := g.rules().MarshalBinary()
	writeCacheFile(cacheDir, name, data)
}

// publisherStrings are what site.toml makes every page publish: never a
// secret, even when a record holds the same value.
func publisherStrings(cfg *config.Config) []string {
	p := cfg.Publisher
	return []string{p.Phone, p.Complaints, p.Address, p.Sponsor, p.Organizer, p.Email}
}

// check is an output.Stage Check. The search index's binary term shards
// are passed over: they hold the bigrams of documents whose full text is
// scanned in the index's JSON chunks and in the pages, and two bigrams side
// by side can spell a name that no document contains.
//
// A page is scanned in four parts, split before its <body, <main and
// </main> tags (where no match can continue: see Scanner.Separates); the
// second and the fourth, the header and the footer, are the same on most
// pages and are scanned once per content.
func (g *leakGate) check(p string, data []byte) error {
	if strings.HasPrefix(p, "/search/index/") && strings.HasSuffix(p, ".bin") {
		return nil
	}
	t := time.Now()
	defer func() {
		g.files.Add(1)
		g.bytes.Add(int64(len(data)))
		g.nanos.Add(int64(time.Since(t)))
	}()
	name := strings.TrimPrefix(p, "/")
	var cuts []int
	if g.split && strings.HasSuffix(p, ".html") {
		cuts = pageCuts(data)
	}
	if cuts == nil {
		g.found(g.scanner.Scan(name, data), data, 0)
		return nil
	}
	for i, lo := range cuts {
		hi := len(data)
		if i+1 < len(cuts) {
			hi = cuts[i+1]
		}
		part := data[lo:hi]
		shared := i%2 == 1
		if shared && g.isClean(part) {
			continue
		}
		leaks := g.scanner.Scan(name, part)
		if len(leaks) == 0 && shared {
			g.cleanAgain(part)
		}
		g.found(leaks, data, lo)
	}
	return nil
}

func (g *leakGate) isClean(part []byte) bool {
	g.cleanMu.RLock()
	defer g.cleanMu.RUnlock()
	return g.clean[string(part)]
}

// cleanAgain notes a shared part found clean, and keeps it once it has
// been found before.
func (g *leakGate) cleanAgain(part []byte) {
	h := maphash.Bytes(g.seed, part)
	g.cleanMu.Lock()
	if g.seen[h] {
		g.clean[string(part)] = true
	}
	g.seen[h] = true
	g.cleanMu.Unlock()
}

// pageCuts returns where a page's parts start: 0 and its <body, <main and
// </main> tags, in order; nil when it lacks one.
func pageCuts(data []byte) []int {
	cuts := []int{0}
	at := 0
	for _, tag := range []string{"<body", "<main", "</main>"} {
		i := bytes.Index(data[at:], []byte(tag))
		if i < 0 {
			return nil
		}
		at += i
		cuts = append(cuts, at)
	}
	return cuts
}

// found records leaks found in the part of data starting at off.
func (g *leakGate) found(leaks []disclose.Leak, data []byte, off int) {
	if len(leaks) == 0 {
		return
	}
	lines := bytes.Count(data[:off], []byte("\n"))
	for i := range leaks {
		leaks[i].Line += lines
	}
	g.mu.Lock()
	g.leaks = append(g.leaks, leaks...)
	g.mu.Unlock()
}

// GateStats is what the leak gate did in one build.
type GateStats struct {
	// Files and Bytes are what it scanned (files kept from the previous
	// build unscanned are not counted).
	Files int
	Bytes int64
	// Busy is the time its scans took, summed over the workers: wall
	// time, which counts a scan's waits for a core too (a CPU profile
	// gives the gate's CPU time).
	Busy time.Duration
	// Findings counts the leaks it found.
	Findings int
}

func (g *leakGate) stats() GateStats {
	g.mu.Lock()
	n := len(g.leaks)
	g.mu.Unlock()
	return GateStats{Files: int(g.files.Load()), Bytes: g.bytes.Load(), Busy: time.Duration(g.nanos.Load()), Findings: n}
}

// err returns a LeakError for what was found, sorted, or nil.
func (g *leakGate) err() error {
	if len(g.leaks) == 0 {
		return nil
	}
	sort.SliceStable(g.leaks, func(i, j int) bool {
		if g.leaks[i].File != g.leaks[j].File {
			return g.leaks[i].File < g.leaks[j].File
		}
		return g.leaks[i].Line < g.leaks[j].Line
	})
	return &LeakError{Leaks: g.leaks}
}

// LeakError is returned when the built output holds personal data; it
// names files, kinds and source records, never the data.
type LeakError struct{ Leaks []disclose.Leak }

func (e *LeakError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the output would publish personal data (%d findings); nothing was written:", len(e.Leaks))
	for _, l := range e.Leaks[:min(10, len(e.Leaks))] {
		b.WriteString("\n  " + l.String())
	}
	if len(e.Leaks) > 10 {
		fmt.Fprintf(&b, "\n  … and %d more", len(e.Leaks)-10)
	}
	b.WriteString("\n`gongshi check` shows where each name of a record stands in other text; a name that is no person there can be marked reviewed in site.toml ([[disclosure.reviewed]]).")
	return b.String()
}
