// Package serve previews a site while it is being edited: it builds the
// site, serves it on 127.0.0.1, watches data/, content/, themes/ and
// site.toml, and rebuilds after every change.
//
// The contract:
//
//   - Each build goes into a fresh folder (build-1, build-2, … in a
//     temporary folder). Only a build that succeeded is switched in, with
//     one atomic pointer swap; the folder it replaces is removed. A failed
//     build leaves the last good one online.
//   - Builds run one at a time in the background. Changes that arrive
//     during a build are coalesced into one more build, and bursts of
//     events (editors' temporary files and renames, Excel's ~$ lock files)
//     are debounced.
//   - Open pages reload after a good build and show the diagnostics in an
//     overlay after a failed one. The server adds one external script,
//     /__gongshi/reload.js, to the HTML it serves (never to the built
//     files), so pages keep working under script-src 'self'; the script
//     listens to server-sent events at /__gongshi/events.
//   - Responses carry the production Content-Security-Policy, so the preview
//     breaks where the published site would, and Cache-Control: no-store.
//   - The terminal gets the same report: "rebuilt N pages in X ms", or the
//     diagnostics (10 per file, as gongshi build prints them) and "rebuild
//     failed; still serving the build from HH:MM:SS".
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/diag"
	"gongshi/generator/output"
)

// Options configures Run. The zero value, with Source set, serves on a free
// port.
type Options struct {
	// Source is the site folder (default ".").
	Source string
	// Port is the port on 127.0.0.1; zero picks a free one (see Ready).
	Port int
	// Out receives progress ("rebuilt 212 pages in 480 ms"), Err the
	// diagnostics and failures. Nil discards.
	Out, Err io.Writer
	// Ready, when set, receives the listening address ("127.0.0.1:1313")
	// once the first build is done and the server accepts requests.
	Ready chan<- string
	// Now is the build date; zero means build's default (SOURCE_DATE_EPOCH
	// or the clock).
	Now time.Time
	// Previous is the build the changelog compares with, so that /changes/
	// in the preview shows what publishing would announce (default
	// Source/public, where gongshi build writes).
	Previous string
	// Debounce is how long the sources must be quiet before a rebuild
	// starts (default 200 ms).
	Debounce time.Duration
	// Logger receives the build's phase log; nil discards it.
	Logger *slog.Logger
	// CacheDir is the build's parse cache (build.Options.CacheDir); empty
	// for none.
	CacheDir string
}

// snapshot is one good build being served.
type snapshot struct {
	dir   string
	pages int
	at    time.Time
}

// server is the state of one Run.
type server struct {
	opts Options
	tmp  string
	n    int // builds started, for folder names

	cur    atomic.Pointer[snapshot] // the build being served; nil until one succeeds
	events hub

	outMu sync.Mutex // Out and Err may be the same writer

	removals sync.WaitGroup // old builds being removed

	kick    chan struct{} // a pending rebuild; capacity 1 coalesces requests
	mu      sync.Mutex
	changed map[string]bool // sources changed since the last build started
	warned  string          // the last warnings printed, to print them once
}

// Run builds the site, serves it and rebuilds on change until ctx is
// cancelled. It returns ctx's error then, or an error that prevents serving
// at all (the port is taken, the source folder is missing). A failing build
// does not stop it: the failure is reported and the last good build, if
// any, stays online.
func Run(ctx context.Context, o Options) error {
	if o.Source == "" {
		o.Source = "."
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.Err == nil {
		o.Err = io.Discard
	}
	if o.Debounce <= 0 {
		o.Debounce = 200 * time.Millisecond
	}
	if o.Previous == "" {
		o.Previous = filepath.Join(o.Source, "public")
	}
	if st, err := os.Stat(o.Source); err != nil {
		return err
	} else if !st.IsDir() {
		return fmt.Errorf("%s is not a folder", o.Source)
	}
	tmp, err := os.MkdirTemp("", "gongshi-serve-")
	if err != nil {
		return err
	}
	s := &server{opts: o, tmp: tmp, kick: make(chan struct{}, 1), changed: map[string]bool{}}
	defer func() {
		s.removals.Wait()
		os.RemoveAll(tmp)
	}()

	// Listen before the first build so that a taken port fails at once.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(o.Port)))
	if err != nil {
		return err
	}
	defer ln.Close()

	// Watch before the first build so that edits made during it are seen.
	changes, stopWatch := s.watch(ctx)
	defer stopWatch()

	s.rebuild(ctx)
	if err := ctx.Err(); err != nil {
		return err
	}

	srv := &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end with Run: the event streams watch their context.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	addr := ln.Addr().String()
	s.printf(s.opts.Out, "serving on http://%s/ (Ctrl+C to stop)\n", addr)
	if o.Ready != nil {
		select {
		case o.Ready <- addr:
		case <-ctx.Done():
		}
	}

	var builds sync.WaitGroup
	builds.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-s.kick:
				s.rebuild(ctx)
			}
		}
	})

	var runErr error
	for loop := true; loop; {
		select {
		case <-ctx.Done():
			runErr = ctx.Err()
			loop = false
		case batch := <-changes:
			s.mu.Lock()
			for _, rel := range batch {
				s.changed[rel] = true
			}
			s.mu.Unlock()
			select {
			case s.kick <- struct{}{}:
			default: // a rebuild is already pending; it will see this change
			}
		case err := <-served:
			runErr = err
			loop = false
		}
	}
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	builds.Wait()
	return runErr
}

// rebuild builds into a fresh folder and, when the build succeeds, switches
// the server to it and tells open pages to reload; when it fails, it reports
// the failure to the terminal and to open pages.
func (s *server) rebuild(ctx context.Context) {
	s.mu.Lock()
	changed := sortedKeys(s.changed)
	clear(s.changed)
	s.mu.Unlock()
	prev := s.cur.Load()
	if len(changed) > 0 {
		s.printf(s.opts.Out, "%s changed; rebuilding…\n", summarise(changed))
	}

	s.n++
	dest := filepath.Join(s.tmp, "build-"+strconv.Itoa(s.n))
	sum, err := build.Build(ctx, build.Options{
		Source:   s.opts.Source,
		Dest:     dest,
		BaseURL:  "/",
		Now:      s.opts.Now,
		Logger:   s.opts.Logger,
		Previous: s.opts.Previous,
		CacheDir: s.opts.CacheDir,
	})
	if err != nil || ctx.Err() != nil {
		os.RemoveAll(dest)
		output.CleanStale(dest) // a stage the failed build may have left
	}
	if ctx.Err() != nil {
		return // shutting down: nothing to report
	}
	if err != nil {
		lines := report(sum, err)
		s.outMu.Lock()
		for _, l := range lines {
			fmt.Fprintln(s.opts.Err, l)
		}
		if prev != nil {
			fmt.Fprintf(s.opts.Err, "rebuild failed; still serving the build from %s\n", prev.at.Format(time.TimeOnly))
		} else {
			fmt.Fprintln(s.opts.Err, "build failed; fix the sources and save, and the site will be built again")
		}
		s.outMu.Unlock()
		f := failure{Lines: lines}
		if prev != nil {
			f.Serving = prev.at.Format(time.TimeOnly)
		}
		s.events.fail(f)
		return
	}

	s.cur.Store(&snapshot{dir: dest, pages: sum.Pages, at: time.Now()})
	// The terminal's report first, then the pages reload: whoever sees the
	// reload can read the report.
	s.printWarnings(sum.Diags)
	verb := "rebuilt"
	if s.n == 1 {
		verb = "built"
	}
	s.printf(s.opts.Out, "%s %d pages in %d ms\n", verb, sum.Pages, sum.Duration.Milliseconds())
	s.events.reload()
	if prev != nil {
		// Removing thousands of files takes a while on some disks: not
		// before the pages reload.
		s.removals.Go(func() { os.RemoveAll(prev.dir) })
	}
}

// printWarnings prints the build's warnings when they differ from the last
// ones printed, so that every save does not repeat the same list.
func (s *server) printWarnings(l diag.List) {
	var b strings.Builder
	l.Print(&b, 10, diag.Warning)
	s.mu.Lock()
	same := b.String() == s.warned
	s.warned = b.String()
	s.mu.Unlock()
	if !same {
		s.printf(s.opts.Err, "%s", b.String())
	}
}

func (s *server) printf(w io.Writer, format string, args ...any) {
	s.outMu.Lock()
	defer s.outMu.Unlock()
	fmt.Fprintf(w, format, args...)
}

// report returns the lines that explain a failed build, as gongshi build
// prints them: the diagnostics, capped at 10 per file, or the error.
func report(sum *build.Summary, err error) []string {
	var b strings.Builder
	if sum != nil {
		sum.Diags.Print(&b, 10, diag.Warning)
	}
	if !errors.Is(err, build.ErrData) {
		b.WriteString(err.Error())
	}
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
}

func sortedKeys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// summarise names the changed sources: "data/cases/a.csv" or
// "data/cases/a.csv and 2 more".
func summarise(files []string) string {
	if len(files) == 1 {
		return files[0]
	}
	return fmt.Sprintf("%s and %d more", files[0], len(files)-1)
}
