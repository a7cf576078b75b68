package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the source folders watched recursively; site.toml is watched
// through the site folder itself.
var watched = []string{"data", "content", "themes"}

// watch reports batches of changed sources (slash paths relative to the
// site folder), each sent once the sources have been quiet for
// Options.Debounce. It watches with fsnotify and falls back to polling
// modification times every second when the system cannot watch (too many
// folders for the inotify limit, a file system without notifications).
func (s *server) watch(ctx context.Context) (<-chan []string, func()) {
	out := make(chan []string)
	ctx, cancel := context.WithCancel(ctx)
	w, err := s.newWatcher()
	if err != nil {
		s.printf(s.opts.Err, "cannot watch %s (%v); checking for changes every second instead\n", s.opts.Source, err)
		go s.poll(ctx, out)
		return out, cancel
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.loop(ctx, w, out)
	}()
	return out, func() {
		cancel()
		w.Close()
		<-done
	}
}

// newWatcher watches the site folder (for site.toml and for data/,
// content/ and themes/ appearing) and every folder under the watched ones.
func (s *server) newWatcher() (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(s.opts.Source); err != nil {
		w.Close()
		return nil, err
	}
	for _, d := range watched {
		if err := addTree(w, filepath.Join(s.opts.Source, d)); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder under it, skipping hidden ones. A
// missing dir is not an error: it is watched when it appears.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone since it was listed, or never there
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignored(d.Name()) {
			return fs.SkipDir
		}
		return w.Add(p)
	})
}

// loop turns fsnotify events into debounced batches of relevant changes.
func (s *server) loop(ctx context.Context, w *fsnotify.Watcher, out chan<- []string) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	pending := map[string]bool{}
	var ready []string // a batch waiting to be taken by Run
	var send chan<- []string
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			rel, ok := s.relevant(ev.Name)
			if !ok || ev.Op == fsnotify.Chmod {
				continue // permission and timestamp changes do not change the site
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					// A new folder: watch it and what was created in it
					// before the watch began.
					if err := addTree(w, ev.Name); err != nil {
						s.printf(s.opts.Err, "watch %s: %v\n", rel, err)
					}
				}
			}
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				w.Remove(ev.Name) // a folder moved away; its new name arrives as Create
			}
			pending[rel] = true
			timer.Reset(s.opts.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			// Usually an overflow of the event queue: changes were missed,
			// so rebuild everything.
			s.printf(s.opts.Err, "watch: %v\n", err)
			pending["(missed changes)"] = true
			timer.Reset(s.opts.Debounce)
		case <-timer.C:
			ready = append(ready, sortedKeys(pending)...)
			clear(pending)
			send = out
		case send <- ready:
			ready, send = nil, nil
		}
	}
}

// relevant reports whether a change at name (a path under the site folder)
// can change the site, and returns it relative to the site folder.
func (s *server) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(s.opts.Source, name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == "site.toml" {
		return rel, true
	}
	parts := strings.Split(rel, "/")
	top := false
	for _, d := range watched {
		top = top || parts[0] == d
	}
	if !top {
		return "", false
	}
	for _, p := range parts[1:] {
		if ignored(p) {
			return "", false
		}
	}
	return rel, true
}

// ignored reports whether a file or folder name is one that editors and
// office programs leave beside the real files: dotfiles (.x.swp, .DS_Store,
// .git), Excel's and Word's ~$ lock files, *.tmp, *.swp and backup files
// ending in ~.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasPrefix(name, "~$") ||
		strings.HasSuffix(name, "~") ||
		strings.HasSuffix(strings.ToLower(name), ".tmp") ||
		strings.HasSuffix(name, ".swp") ||
		name == "4913" // vim's probe that the folder is writable
}

// poll checks the sources' modification times every second, for systems
// where fsnotify cannot watch.
func (s *server) poll(ctx context.Context, out chan<- []string) {
	last := stamp(s.opts.Source)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if now := stamp(s.opts.Source); now != last {
				last = now
				select {
				case out <- []string{"a source file"}:
				case <-ctx.Done():
					return
				}
			}
		}
	}
}

// stamp summarises the sizes and modification times of the sources.
func stamp(src string) string {
	var n, latest int64
	for _, d := range append([]string{"site.toml"}, watched...) {
		filepath.WalkDir(filepath.Join(src, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if ignored(e.Name()) && p != filepath.Join(src, d) {
				if e.IsDir() {
					return fs.SkipDir
				}
				return nil
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
