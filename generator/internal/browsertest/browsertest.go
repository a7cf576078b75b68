// Package browsertest runs pages of a built site in headless Chromium
// (Debian's chromium, driven by chromedp) served from a loopback HTTP server,
// and records every request the page makes, so tests can assert that no
// request leaves the site.
package browsertest

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is a headless Chromium, with a server for one site folder when
// made by New.
type Browser struct {
	// Base is the server's URL, "http://127.0.0.1:PORT".
	Base string
	ctx  context.Context

	mu       sync.Mutex
	requests []string
	console  []string
	logs     []string
}

// ExecPath finds Chromium: $CHROMIUM, else Debian's /usr/bin/chromium.
func ExecPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// New serves dir under prefix (e.g. "/zfxxgk/qingxi/") and starts Chromium.
// Without Chromium the test is skipped locally and fails in CI (CI=true),
// where .ci/run installs it.
func New(t testing.TB, dir, prefix string) *Browser {
	t.Helper()
	b := NewBrowser(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	fsrv := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir)))
	mux.Handle("/", fsrv)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	b.Base = "http://" + ln.Addr().String()
	return b
}

// NewBrowser starts Chromium without a server, for tests that serve the
// site themselves; set Base to their server's URL for
// AssertNoExternalRequests. Without Chromium the test is skipped locally and
// fails in CI, as with New.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	exe := ExecPath()
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed (apt-get install chromium)")
		}
		t.Skip("chromium not installed; CI installs it")
	}

	// Chromium's helper processes can still be writing to the profile when
	// the browser is closed, so t.TempDir's strict cleanup would fail the
	// test; the profile is removed after the browser has exited, below.
	profile, err := os.MkdirTemp("", "browsertest-profile-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		chromedp.Cancel(ctx) // closes the browser and waits for it to exit
		cancel()
		cancelA()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	b := &Browser{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				b.console = append(b.console, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			b.console = append(b.console, e.ExceptionDetails.Error())
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.LevelError {
				b.logs = append(b.logs, string(e.Entry.Source)+": "+e.Entry.Text+" ("+e.Entry.URL+")")
			}
		}
	})
	if err := chromedp.Run(ctx, network.Enable(), cdplog.Enable()); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

// Run runs chromedp actions with a time limit.
func (b *Browser) Run(t testing.TB, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// RunPage runs actions that start by navigating to a page, as Run does,
// but runs them once more when Chromium answers with the execution context
// of the page being replaced ("Cannot find context with specified id"): a
// known race of the DevTools protocol right after a navigation, not a fault
// of the page. Only for actions that can safely run twice.
func (b *Browser) RunPage(t testing.TB, actions ...chromedp.Action) {
	t.Helper()
	for try := 0; ; try++ {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		err := chromedp.Run(ctx, actions...)
		cancel()
		if err == nil {
			return
		}
		if try == 0 && strings.Contains(err.Error(), "Cannot find context with specified id") {
			t.Logf("browser: %v; running the page's actions again", err)
			b.Reset()
			continue
		}
		t.Fatalf("browser: %v", err)
	}
}

// Try runs chromedp actions with a time limit and returns their error
// instead of failing the test, for polling across page loads, when an
// evaluation can fail because the page is being replaced.
func (b *Browser) Try(timeout time.Duration, actions ...chromedp.Action) error {
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// Reset forgets the requests and console errors seen so far.
func (b *Browser) Reset() {
	b.mu.Lock()
	b.requests, b.console, b.logs = nil, nil, nil
	b.mu.Unlock()
}

// Requests returns the URLs requested since the last Reset.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// ConsoleErrors returns console errors and uncaught exceptions.
func (b *Browser) ConsoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.console...)
}

// LogErrors returns the errors the browser itself logged since the last
// Reset, as "source: text (url)": Content-Security-Policy violations
// ("security: Refused to …"), failed loads ("network: …") and the like.
func (b *Browser) LogErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.logs...)
}

// AssertNoExternalRequests fails for any request not to the site's server
// (data: and blob: URLs are local).
func (b *Browser) AssertNoExternalRequests(t testing.TB) {
	t.Helper()
	for _, u := range b.Requests() {
		if strings.HasPrefix(u, b.Base) || strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") || strings.HasPrefix(u, "about:") {
			continue
		}
		t.Errorf("request left the site: %s", u)
	}
}

// SearchIndexKB is a script that gives the KB (decoded) of search index
// files the page fetched since its resource timings were last cleared: in
// all, and up to the moment search.js showed its first results
// (#search-form's data-first), before the facet table it reads for the
// counts.
const SearchIndexKB = `(() => {
	const first = +document.getElementById("search-form").dataset.first;
	const es = performance.getEntriesByType("resource").filter(e => e.name.includes("/search/index/"));
	const kb = l => l.reduce((s, e) => s + e.decodedBodySize, 0) / 1024;
	return [kb(es.filter(e => e.responseEnd <= first)), kb(es)];
})()`
