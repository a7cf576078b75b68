package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// CSP is the Content-Security-Policy the preview sends with every response:
// the one the published site is served with (netlify.toml), so that a page
// that would break there breaks in the preview too.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

// The preview's own URLs, under a prefix no site page uses.
const (
	scriptPath = "/__gongshi/reload.js"
	eventsPath = "/__gongshi/events"
)

// scriptTag is what the server adds before </head> of the HTML it serves.
const scriptTag = `<script src="` + scriptPath + `" defer></script>`

//go:embed reload.js
var reloadJS []byte

// handler serves the current build, the reload script and the event stream.
func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(scriptPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "reload.js", time.Time{}, bytes.NewReader(reloadJS))
	})
	mux.HandleFunc(eventsPath, s.serveEvents)
	mux.HandleFunc("/", s.serveSite)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		mux.ServeHTTP(w, r)
	})
}

// serveSite serves a file of the current build: a folder's index.html, and
// 404.html with status 404 for a path that does not exist. HTML gets the
// reload script.
func (s *server) serveSite(w http.ResponseWriter, r *http.Request) {
	snap := s.cur.Load()
	if snap == nil {
		s.serveNoBuild(w)
		return
	}
	fsys := os.DirFS(snap.dir)
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	st, err := fs.Stat(fsys, name)
	if err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			u := *r.URL
			u.Path += "/"
			http.Redirect(w, r, u.String(), http.StatusFound)
			return
		}
		name = path.Join(name, "index.html")
		st, err = fs.Stat(fsys, name)
	}
	if err != nil || st.IsDir() {
		s.serveNotFound(w, r, fsys)
		return
	}
	if strings.HasSuffix(name, ".html") {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(inject(data)))
		return
	}
	f, err := fsys.Open(name)
	if err != nil {
		s.serveNotFound(w, r, fsys)
		return
	}
	defer f.Close()
	rs, ok := f.(io.ReadSeeker)
	if !ok { // os.DirFS files are *os.File, which seeks
		http.Error(w, "cannot seek "+name, http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), rs)
}

// serveNotFound answers 404 with the site's 404.html.
func (s *server) serveNotFound(w http.ResponseWriter, r *http.Request, fsys fs.FS) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	data, err := fs.ReadFile(fsys, "404.html")
	if err != nil {
		data = []byte("<!doctype html><title>404</title><p>404 page not found</p>")
	}
	w.Write(inject(data))
}

// noBuild is the page served until a first build succeeds.
var noBuild = template.Must(template.New("").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>构建失败 · gongshi serve</title></head>
<body><h1>构建失败</h1>
<p>站点尚未成功构建。修改数据或页面并保存后会自动重新构建。</p>
{{with .}}<pre>{{range .Lines}}{{.}}
{{end}}</pre>{{end}}
</body></html>
`))

// serveNoBuild answers 503 with the diagnostics while no build has
// succeeded; the reload script loads the site once one does.
func (s *server) serveNoBuild(w http.ResponseWriter) {
	var b bytes.Buffer
	noBuild.Execute(&b, s.events.current())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write(inject(b.Bytes()))
}

// inject adds the reload script before </head>, else before </body>, else
// at the end.
func inject(page []byte) []byte {
	at := bytes.Index(page, []byte("</head>"))
	if at < 0 {
		at = bytes.LastIndex(page, []byte("</body>"))
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:at]...)
	out = append(out, scriptTag...)
	return append(out, page[at:]...)
}

// serveEvents streams the build state as server-sent events until the page
// goes away or the server stops: "reload" after a good build, "error" with
// the diagnostics after a failed one (at once, if the current state is a
// failure).
func (s *server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n") // reconnect quickly when the server restarts
	flusher.Flush()
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-ch:
			if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data); err != nil {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		}
		flusher.Flush()
	}
}
