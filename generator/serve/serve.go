// Package serve builds a site, serves it on localhost and rebuilds it when
// its sources change, keeping the last good build online when a rebuild
// fails.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/diag"
)

// Options configures Run.
type Options struct {
	Source string
	Port   int
	Out    io.Writer
	Err    io.Writer
	// Poll is how often sources are checked for changes (default 1 s).
	Poll time.Duration
	// Ready, when set, receives the listening address once serving.
	Ready chan<- string
}

// Run serves until ctx is cancelled.
func Run(ctx context.Context, o Options) error {
	if o.Poll == 0 {
		o.Poll = time.Second
	}
	tmp, err := os.MkdirTemp("", "gongshi-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dest := filepath.Join(tmp, "public")
	rebuild := func() {
		sum, err := build.Build(ctx, build.Options{Source: o.Source, Dest: dest, BaseURL: "/"})
		if sum != nil {
			sum.Diags.Print(o.Err, 10, diag.Warning)
		}
		if err != nil {
			fmt.Fprintf(o.Err, "rebuild failed, still serving the last good build: %v\n", err)
			return
		}
		fmt.Fprintf(o.Out, "built %d pages in %s\n", sum.Pages, sum.Duration.Round(time.Millisecond))
	}
	rebuild()
	ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(o.Port))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler(dest), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	fmt.Fprintf(o.Out, "serving on http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	if o.Ready != nil {
		o.Ready <- ln.Addr().String()
	}
	last := stamp(o.Source)
	t := time.NewTicker(o.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			srv.Shutdown(shut)
			return ctx.Err()
		case <-t.C:
			if s := stamp(o.Source); s != last {
				last = s
				fmt.Fprintln(o.Out, "change detected, rebuilding…")
				rebuild()
			}
		}
	}
}

// handler serves dest, with /404.html for missing pages. It reopens dest
// on every request, so a swapped-in build is served at once.
func handler(dest string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fsys := os.DirFS(dest)
		p := filepath.Clean("/" + r.URL.Path)[1:]
		if p == "" {
			p = "."
		}
		if st, err := fs.Stat(fsys, p); err == nil && (!st.IsDir() || exists(fsys, filepath.Join(p, "index.html"))) {
			http.FileServerFS(fsys).ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if b, err := fs.ReadFile(fsys, "404.html"); err == nil {
			w.Write(b)
		}
	})
}

func exists(fsys fs.FS, p string) bool { _, err := fs.Stat(fsys, p); return err == nil }

// stamp summarises the modification times and sizes of the sources.
func stamp(src string) string {
	var n, latest int64
	for _, d := range []string{"site.toml", "data", "content", "themes"} {
		filepath.WalkDir(filepath.Join(src, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if info, err := e.Info(); err == nil {
				n += info.Size() + 1
				latest = max(latest, info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return strconv.FormatInt(n, 10) + "/" + strconv.FormatInt(latest, 10)
}
