package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

// BrokenLink is an internal link or asset reference that does not resolve.
type BrokenLink struct {
	File   string // the page holding the link
	Target string
	Reason string
}

func (b BrokenLink) String() string { return fmt.Sprintf("%s: %s: %s", b.File, b.Target, b.Reason) }

var (
	refRe = regexp.MustCompile(`\s(?:href|src|action|data-option|data-index)="([^"]*)"`)
	idRe  = regexp.MustCompile(`\sid="([^"]+)"`)
)

// CheckLinks checks every href, src, action and data-option of every HTML
// file in fsys that points inside the site (paths under basePath and
// fragments): each must name an existing file, folder with index.html, or
// id in the target page.
func CheckLinks(fsys fs.FS, basePath string) ([]BrokenLink, error) {
	ids := map[string]map[string]bool{}
	var pages []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	idsOf := func(p string) map[string]bool {
		if m, ok := ids[p]; ok {
			return m
		}
		m := map[string]bool{}
		if data, err := fs.ReadFile(fsys, p); err == nil {
			for _, g := range idRe.FindAllSubmatch(data, -1) {
				m[string(g[1])] = true
			}
		}
		ids[p] = m
		return m
	}
	var broken []BrokenLink
	for _, p := range pages {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, g := range refRe.FindAllSubmatch(data, -1) {
			raw := string(bytes.ReplaceAll(g[1], []byte("&amp;"), []byte("&")))
			if seen[raw] {
				continue
			}
			seen[raw] = true
			u, err := url.Parse(raw)
			if err != nil {
				broken = append(broken, BrokenLink{p, raw, "not a URL"})
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // external hyperlinks are not ours to check
			}
			target := p
			if u.Path != "" {
				if !strings.HasPrefix(u.Path, basePath) {
					broken = append(broken, BrokenLink{p, raw, "outside the base path " + basePath})
					continue
				}
				rel := strings.TrimPrefix(u.Path, basePath)
				target = path.Clean("./" + rel)
				if strings.HasSuffix(u.Path, "/") || target == "." {
					target = path.Join(target, "index.html")
				}
				if _, err := fs.Stat(fsys, target); err != nil {
					broken = append(broken, BrokenLink{p, raw, "no such file"})
					continue
				}
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[u.Fragment] {
				broken = append(broken, BrokenLink{p, raw, "no element with id " + u.Fragment})
			}
		}
	}
	sort.Slice(broken, func(i, j int) bool {
		if broken[i].File != broken[j].File {
			return broken[i].File < broken[j].File
		}
		return broken[i].Target < broken[j].Target
	})
	return broken, nil
}
