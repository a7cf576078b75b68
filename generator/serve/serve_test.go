package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gongshi/generator/internal/sitetest"
	"gongshi/generator/serve"
)

// site is a running preview of a copy of the small test town.
type site struct {
	dir  string // the sources
	base string // "http://127.0.0.1:PORT"
	out  *syncBuffer
	stop func() error
}

// startSite copies generator/build/testdata/smalltown.txtar into a temporary
// folder and serves it on a free port. prepare, when given, changes the
// sources before the first build.
func startSite(t *testing.T, prepare ...func(dir string)) *site {
	t.Helper()
	archive, err := os.ReadFile(filepath.Join("..", "build", "testdata", "smalltown.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, f := range sitetest.Source(string(archive)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range prepare {
		f(dir)
	}
	out := &syncBuffer{}
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{Source: dir, Out: out, Err: out, Ready: ready, Now: sitetest.Date})
	}()
	s := &site{dir: dir, out: out}
	var once sync.Once
	var stopErr error
	s.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(5 * time.Second):
				stopErr = context.DeadlineExceeded
				t.Errorf("Run did not return within 5 s of cancellation")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { s.stop() })
	select {
	case addr := <-ready:
		s.base = "http://" + addr
	case err := <-done:
		t.Fatalf("Run: %v\n%s", err, out)
	case <-time.After(20 * time.Second):
		t.Fatalf("not serving after 20 s\n%s", out)
	}
	return s
}

// edit replaces old with new in the source file rel.
func (s *site) edit(t *testing.T, rel, old, new string) {
	t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// get fetches a path and returns the response and its body.
func (s *site) get(t *testing.T, p string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(s.base + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// sse is one server-sent event.
type sse struct{ name, data string }

// listen connects to the event stream and returns its events.
func (s *site) listen(t *testing.T) <-chan sse {
	t.Helper()
	resp, err := http.Get(s.base + "/__gongshi/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan sse, 16)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					ch <- e
				}
				e = sse{}
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return ch
}

// next waits for the next event.
func (s *site) next(t *testing.T, ch <-chan sse) sse {
	t.Helper()
	select {
	case e, ok := <-ch:
		if !ok {
			t.Fatalf("event stream closed\n%s", s.out)
		}
		return e
	case <-time.After(10 * time.Second):
		t.Fatalf("no event within 10 s\n%s", s.out)
	}
	return sse{}
}

const (
	page    = "/notices/welcome/"
	cases   = "data/cases/行政处罚.csv"
	badDate = cases + ":2:23: error:"
)

// TestReloadAfterEditsAndErrors edits a page, breaks a data file and fixes
// it, and checks what the server sends open pages each time: "reload" after
// a good build, "error" with the diagnostic after a failed one, and the last
// good build served meanwhile.
func TestReloadAfterEditsAndErrors(t *testing.T) {
	s := startSite(t)

	resp, body := s.get(t, page)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", page, resp.Status)
	}
	for _, want := range []string{"每月", `<script src="/__gongshi/reload.js" defer></script></head>`} {
		if !strings.Contains(body, want) {
			t.Errorf("GET %s: no %q", page, want)
		}
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", cc)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}

	events := s.listen(t)
	s.edit(t, "content/notices/welcome.md", "每月", "每周")
	if e := s.next(t, events); e.name != "reload" {
		t.Fatalf("after an edit: event %q %s, want reload", e.name, e.data)
	}
	if _, body := s.get(t, page); !strings.Contains(body, "每周") || strings.Contains(body, "每月") {
		t.Errorf("after the reload event the page does not show the edit")
	}

	s.edit(t, cases, "2026/03/15", "2026/13/45")
	e := s.next(t, events)
	if e.name != "error" {
		t.Fatalf("after breaking %s: event %q %s, want error", cases, e.name, e.data)
	}
	var f struct {
		Lines   []string `json:"lines"`
		Serving string   `json:"serving"`
	}
	if err := json.Unmarshal([]byte(e.data), &f); err != nil {
		t.Fatalf("error event data %s: %v", e.data, err)
	}
	if !hasPrefix(f.Lines, badDate) {
		t.Errorf("error event lines %q: none starts with %q", f.Lines, badDate)
	}
	if _, err := time.Parse(time.TimeOnly, f.Serving); err != nil {
		t.Errorf("error event: serving %q, want HH:MM:SS", f.Serving)
	}
	if _, body := s.get(t, page); !strings.Contains(body, "每周") {
		t.Errorf("after a failed build the last good build is not served")
	}
	// A page opened while the build is broken learns it at once.
	if e := s.next(t, s.listen(t)); e.name != "error" || !strings.Contains(e.data, badDate) {
		t.Errorf("new connection during a failure: event %q %s, want the error", e.name, e.data)
	}

	s.edit(t, cases, "2026/13/45", "2026/03/15")
	if e := s.next(t, events); e.name != "reload" {
		t.Fatalf("after the fix: event %q %s, want reload", e.name, e.data)
	}

	if err := s.stop(); err != context.Canceled {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	out := s.out.String()
	for _, want := range []string{
		"built ", "serving on http://",
		"content/notices/welcome.md changed; rebuilding…", "rebuilt ",
		badDate, "rebuild failed; still serving the build from " + f.Serving,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal output lacks %q:\n%s", want, out)
		}
	}
}

// quiet checks that no event arrives for a while.
func (s *site) quiet(t *testing.T, ch <-chan sse, what string) {
	t.Helper()
	select {
	case e := <-ch:
		t.Errorf("%s: unexpected event %q %s\n%s", what, e.name, e.data, s.out)
	case <-time.After(600 * time.Millisecond):
	}
}

// write creates or replaces the source file rel.
func (s *site) write(t *testing.T, rel, data string) {
	t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWatchesNewFoldersAndIgnoresLockFiles checks that a folder created
// under data/ is watched, that editors' and Excel's side files do not start
// builds, and that a burst of saves makes one build.
func TestWatchesNewFoldersAndIgnoresLockFiles(t *testing.T) {
	s := startSite(t)
	events := s.listen(t)

	for _, name := range []string{"~$行政处罚.xlsx", ".行政处罚.csv.swp", "~WRL0001.tmp", ".DS_Store"} {
		s.write(t, "data/cases/"+name, "scratch")
	}
	s.write(t, "README.txt", "not a source")
	s.quiet(t, events, "side files")

	// A new folder, then a broken file in it: the error proves the folder
	// got a watch.
	if err := os.Mkdir(filepath.Join(s.dir, "data", "cases", "2026"), 0o755); err != nil {
		t.Fatal(err)
	}
	if e := s.next(t, events); e.name != "reload" {
		t.Fatalf("after a new folder: event %q %s, want reload", e.name, e.data)
	}
	s.write(t, "data/cases/2026/五月.csv", "行政处罚决定书文号,处罚决定日期\n青溪综执罚〔2026〕7号,2026/05/99\n")
	if e := s.next(t, events); e.name != "error" || !strings.Contains(e.data, "data/cases/2026/五月.csv:") {
		t.Fatalf("after a broken file in the new folder: event %q %s, want its error", e.name, e.data)
	}
	if err := os.RemoveAll(filepath.Join(s.dir, "data", "cases", "2026")); err != nil {
		t.Fatal(err)
	}
	if e := s.next(t, events); e.name != "reload" {
		t.Fatalf("after removing the folder: event %q %s, want reload", e.name, e.data)
	}

	// A burst of saves, as an editor's save-all makes: one build.
	for i := range 5 {
		s.edit(t, "content/notices/welcome.md", "更新", "更新"+string(rune('甲'+i)))
	}
	if e := s.next(t, events); e.name != "reload" {
		t.Fatalf("after a burst of saves: event %q %s, want reload", e.name, e.data)
	}
	s.quiet(t, events, "after the burst's build")
	if strings.Contains(s.out.String(), "~$") || strings.Contains(s.out.String(), "README") {
		t.Errorf("side files reported as changes:\n%s", s.out)
	}
}

// TestFirstBuildFails checks that serve starts even when the site does not
// build, shows the diagnostics on every page, and serves the site once the
// sources are fixed.
func TestFirstBuildFails(t *testing.T) {
	s := startSite(t, func(dir string) {
		p := filepath.Join(dir, filepath.FromSlash(cases))
		data, _ := os.ReadFile(p)
		os.WriteFile(p, bytes.Replace(data, []byte("2026/03/15"), []byte("2026/13/45"), 1), 0o644)
	})
	resp, body := s.get(t, page)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, badDate) || !strings.Contains(body, "/__gongshi/reload.js") {
		t.Fatalf("GET %s before any good build: %s\n%s", page, resp.Status, body)
	}
	events := s.listen(t)
	if e := s.next(t, events); e.name != "error" || strings.Contains(e.data, `"serving"`) {
		t.Errorf("first event: %q %s, want the error without a build served", e.name, e.data)
	}
	s.edit(t, cases, "2026/13/45", "2026/03/15")
	if e := s.next(t, events); e.name != "reload" {
		t.Fatalf("after the fix: event %q %s, want reload", e.name, e.data)
	}
	if resp, body := s.get(t, page); resp.StatusCode != http.StatusOK || !strings.Contains(body, "每月") {
		t.Errorf("after the fix: %s", resp.Status)
	}
	if out := s.out.String(); !strings.Contains(out, "build failed; fix the sources") || !strings.Contains(out, "rebuilt ") {
		t.Errorf("terminal output:\n%s", out)
	}
}

// TestServesFoldersAnd404 checks the file server: a folder's index.html, a
// redirect to the folder's slash URL, the site's 404 page with status 404,
// and assets untouched by the script injection.
func TestServesFoldersAnd404(t *testing.T) {
	s := startSite(t)
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/", 200, "</html>"},
		{"/notices/welcome", 200, "每月"}, // after the redirect
		{"/no/such/page/", 404, `<script src="/__gongshi/reload.js" defer></script>`},
		{"/robots.txt", 200, "Sitemap:"},
		{"/__gongshi/reload.js", 200, `new EventSource("/__gongshi/events")`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := s.get(t, tt.path)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body lacks %q", tt.want)
			}
			if tt.path == "/robots.txt" && strings.Contains(body, "<script") {
				t.Errorf("script injected into a non-HTML file")
			}
		})
	}
	resp, body := s.get(t, "/no/such/page/")
	if !strings.Contains(body, "404") || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("404 page: %s %q", resp.Header.Get("Content-Type"), body[:min(200, len(body))])
	}
}

// TestCSPMatchesProduction keeps the preview's Content-Security-Policy the
// one netlify.toml publishes the site with.
func TestCSPMatchesProduction(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "netlify.toml"))
	if err != nil {
		t.Skip(err)
	}
	if !strings.Contains(string(data), `Content-Security-Policy = "`+serve.CSP+`"`) {
		t.Errorf("serve.CSP differs from netlify.toml's Content-Security-Policy:\n%s", serve.CSP)
	}
}

func hasPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
