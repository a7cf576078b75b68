package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"gongshi/generator/changelog"
	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/internal/hashkey"
	"gongshi/generator/output"
	"gongshi/generator/records"
	"gongshi/generator/search"
	"gongshi/generator/site"
)

// incremental lists the layouts whose pages depend only on their own record
// or payload (and the theme and configuration), so an unchanged page can be
// kept from the previous build, not rendered: record pages, and the
// pointers at a dated list's earlier URLs (Moved). Listings and the home
// page read the whole site and are always rendered.
var incremental = map[string]bool{"case": true, "power": true, "service": true, "page": true, "moved": true}

// themeFingerprint hashes everything a record page's HTML depends on besides
// the page itself: the program (its template functions and page data), the
// theme's templates and strings, the asset names, and the configuration.
// A new gongshi therefore renders every page once; the pages whose bytes
// are the same are still kept as files.
func themeFingerprint(theme fs.FS, cfg *config.Config, assets map[string]string) (string, error) {
	h := sha256.New()
	h.Write([]byte("gongshi " + binaryHash() + "\x00"))
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

// pageKeys hashes everything a record page is rendered from. A decision's
// page holds its power item, shared by many decisions: each item is hashed
// once, not with every decision that names it.
type pageKeys struct {
	fingerprint string
	powers      sync.Map // *records.Power → its hash
}

func (k *pageKeys) key(p *site.Page) (string, error) {
	if cd, ok := p.Data.(site.CaseData); ok && cd.Case != nil {
		return k.caseKey(p, cd)
	}
	b, err := json.Marshal(struct {
		F, URL, Layout, Title, Section, Column, Description string
		Date, First, Updated                                time.Time
		Crumbs                                              []site.Crumb
		Data                                                any
		NoIndex, Steady                                     bool
	}{k.fingerprint, p.URL, p.Layout, p.Title, p.Section, p.Column, p.Description, p.Date, p.First, p.Updated, p.Crumbs, p.Data, p.NoIndex, p.Steady})
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12]), nil
}

// caseKey is key for a decision's page, written field by field: through
// encoding/json, the keys of 25k decisions cost more than rendering the
// pages that changed. TestCaseKeyCoversEveryField fails when a field is
// added to the page or the decision and not hashed here.
func (k *pageKeys) caseKey(p *site.Page, cd site.CaseData) (string, error) {
	ph, err := k.powerHash(cd.Power)
	if err != nil {
		return "", err
	}
	b := hashkey.Buf(make([]byte, 0, 2048))
	b.Str("case page v1")
	b.Str(k.fingerprint)
	b.Str(p.URL)
	b.Str(p.Layout)
	b.Str(p.Title)
	b.Str(p.Section)
	b.Str(p.Column)
	b.Str(p.Description)
	b.Time(p.Date)
	b.Time(p.First)
	b.Time(p.Updated)
	b.Bool(p.NoIndex)
	b.Bool(p.Steady)
	b.Len(len(p.Crumbs))
	for _, c := range p.Crumbs {
		b.Str(c.Title)
		b.Str(c.URL)
	}
	b.Str(ph)
	c := cd.Case
	b.Str(c.ID)
	b.Str(c.Src.File)
	b.Int(int64(c.Src.Row))
	b.Int(int64(c.Src.Col))
	b.Str(c.Src.Cell)
	b.Str(c.PartyName)
	b.Int(int64(c.PartyClass))
	b.Str(c.CreditCode)
	b.Len(len(c.OtherCodes))
	for _, o := range c.OtherCodes {
		b.Str(o.Name)
		b.Str(o.Value)
	}
	for _, s := range [...]string{c.LegalRep, c.DecisionNo, c.Violation, c.Facts, c.Basis} {
		b.Str(s)
	}
	b.Strs(c.Categories)
	b.Str(c.Content)
	b.Int(int64(c.Fine))
	b.Int(int64(c.Confiscated))
	b.Str(c.Licence)
	b.Time(c.DecisionDate)
	b.Time(c.ValidUntil)
	b.Time(c.PublishUntil)
	for _, s := range [...]string{c.Authority, c.AuthorityCode, c.Source, c.SourceCode, c.Remarks, c.PowerCode, c.Procedure, c.Severity} {
		b.Str(s)
	}
	b.Len(len(c.Extra))
	for _, e := range c.Extra {
		b.Str(e.Name)
		b.Str(e.Value)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12]), nil
}

func (k *pageKeys) powerHash(p *records.Power) (string, error) {
	if p == nil {
		return "", nil
	}
	if h, ok := k.powers.Load(p); ok {
		return h.(string), nil
	}
	b, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	h := hex.EncodeToString(sum[:12])
	k.powers.Store(p, h)
	return h, nil
}

// searchKey identifies the search index docs and o give: their
// fingerprint, the synonyms and the program, whose indexing may change
// without the index format's version, so a new gongshi builds the index
// again.
func searchKey(docs []search.Doc, o search.Options) string {
	syn, _ := json.Marshal(o.Synonyms) // map keys sorted: deterministic
	sum := sha256.Sum256([]byte(search.Fingerprint(docs) + "\x00" + string(syn) + "\x00" + binaryHash()))
	return hex.EncodeToString(sum[:16])
}

// keepSearch takes the previous build's search index unchanged when its key
// matches. It reports false, having written nothing, when there is no such
// index to keep (or the previous output does not list its files).
func keepSearch(st *output.Stage, prev *changelog.Manifest, key string) (bool, error) {
	if prev == nil || prev.Search != key {
		return false, nil
	}
	files := st.PrevFiles("/search/index/")
	if !slices.Contains(files, "/search/index/meta.json") {
		return false, nil
	}
	for _, f := range files {
		if ok, err := st.Keep(f); err != nil || !ok {
			return false, fmt.Errorf("keep search index file %s: %v", f, err)
		}
	}
	return true, nil
}

// provenSieve returns the sieve of the secrets new since the previous
// build (or excused there by an excuse dropped since), for renderPages to
// prove kept pages clean from their inputs; nil (every kept page read and
// scanned) when there is none, or when one of them occurs in what every
// page shares: the theme's templates and strings, or the configuration.
func (b *builder) provenSieve() *disclose.Sieve {
	v := b.sieve
	if v == nil {
		return nil
	}
	b.sum.NewSecrets = v.Len()
	if v.Len() == 0 {
		return v
	}
	c, err := json.Marshal(&b.s.Config)
	if err != nil || v.In(c) {
		return nil
	}
	shared := false
	for _, dir := range []string{"layouts", "i18n"} {
		err := fs.WalkDir(b.theme, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			t, err := fs.ReadFile(b.theme, p)
			if err == nil && v.In(t) {
				shared = true
			}
			return err
		})
		if err != nil || shared {
			return nil
		}
	}
	return v
}

// pageText appends to b the text of everything the page p is rendered
// from besides the theme and the configuration, for the layouts whose
// pages are proven clean from their inputs: a decision's page (caseText)
// and a pointer at a list's earlier URL. It reports false for the others:
// a Markdown page's text is transformed on its way to the page (entities,
// emphasis), and power and service pages are few.
func pageText(b []byte, p *site.Page) ([]byte, bool) {
	switch d := p.Data.(type) {
	case site.CaseData:
		if d.Case != nil {
			return caseText(b, p, d), true
		}
	case site.Moved:
		b = headText(b, p)
		return appendTexts(b, d.Heading, strconv.Itoa(d.Number), strconv.Itoa(d.From), strconv.Itoa(d.To), d.List, d.Index), true
	}
	return b, false
}

// headText appends the page's URL, title, description and breadcrumbs,
// as appendTexts does.
func headText(b []byte, p *site.Page) []byte {
	b = appendTexts(b, p.URL, p.Title, p.Description)
	for _, c := range p.Crumbs {
		b = appendTexts(b, c.Title, c.URL)
	}
	return b
}

// appendTexts appends the strings ss to b, each followed by '<'.
func appendTexts(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = append(b, s...)
		b = append(b, '<')
	}
	return b
}

// caseText appends to b the text of everything a decision's page is
// rendered from besides the theme and the configuration: its URL, title,
// description and breadcrumbs, its decision and the power item it names,
// the strings one after another with '<' between them (no secret's match
// continues across it: see disclose.Scanner.Separates). Numbers and dates
// are written as digits as well as the pages write them.
func caseText(b []byte, p *site.Page, cd site.CaseData) []byte {
	b = headText(b, p)
	add := func(ss ...string) { b = appendTexts(b, ss...) }
	c := cd.Case
	add(c.ID, c.PartyName, c.CreditCode, c.LegalRep, c.DecisionNo, c.Violation, c.Facts, c.Basis, c.Content, c.Licence,
		c.Authority, c.AuthorityCode, c.Source, c.SourceCode, c.Remarks, c.PowerCode, c.Procedure, c.Severity)
	add(c.Categories...)
	for _, o := range c.OtherCodes {
		add(o.Name, o.Value)
	}
	for _, e := range c.Extra {
		add(e.Name, e.Value)
	}
	add(strconv.FormatInt(int64(c.Fine), 10), c.Fine.String(), strconv.FormatInt(int64(c.Confiscated), 10), c.Confiscated.String())
	for _, t := range []time.Time{c.DecisionDate, c.ValidUntil, c.PublishUntil, p.Date, p.First, p.Updated} {
		add(t.Format(time.DateOnly), t.Format("2006年1月2日"), t.Format("20060102"))
	}
	if cd.Power != nil {
		// Its strings, with '"' and '\\' escaped: neither is in a secret.
		j, _ := json.Marshal(cd.Power)
		b = append(b, j...)
	}
	return b
}
