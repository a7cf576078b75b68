package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"sort"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/site"
)

// incremental lists the layouts whose pages depend only on their own record
// (and the theme and configuration), so an unchanged page can be kept from
// the previous build instead of rendered. Listings and the home page read
// the whole site and are always rendered; they are few.
var incremental = map[string]bool{"case": true, "power": true, "service": true, "page": true}

// themeFingerprint hashes everything a record page's HTML depends on besides
// the page itself: the theme's templates and strings, the asset names, and
// the configuration.
func themeFingerprint(theme fs.FS, cfg *config.Config, assets map[string]string) (string, error) {
	h := sha256.New()
	for _, dir := range []string{"layouts", "i18n"} {
		err := fs.WalkDir(theme, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(theme, p)
			if err != nil {
				return err
			}
			h.Write([]byte(p + "\x00"))
			h.Write(b)
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	keys := make([]string, 0, len(assets))
	for k := range assets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		h.Write([]byte(k + "\x00" + assets[k] + "\x00"))
	}
	c, err := json.Marshal(cfg)
	if err != nil {
		return "", err
	}
	h.Write(c)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// pageKey hashes everything a record page is rendered from.
func pageKey(fingerprint string, p *site.Page) (string, error) {
	b, err := json.Marshal(struct {
		F, URL, Layout, Title, Section, Column, Description string
		Date, First, Updated                                time.Time
		Crumbs                                              []site.Crumb
		Data                                                any
	}{fingerprint, p.URL, p.Layout, p.Title, p.Section, p.Column, p.Description, p.Date, p.First, p.Updated, p.Crumbs, p.Data})
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12]), nil
}
