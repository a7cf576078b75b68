// Package config reads site.toml into a Config. Every key has a default, so
// a site with only data/ builds; an unknown key is an error naming the key and
// its line, with a suggestion when a known key is close.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// FileName is the configuration file at the root of a site.
const FileName = "site.toml"

// Config is the whole of site.toml.
type Config struct {
	// Title is the site's name, e.g. "青溪镇政务公开".
	Title string `toml:"title"`
	// Town is the town's name, e.g. "青溪镇".
	Town        string `toml:"town"`
	Description string `toml:"description"`
	// BaseURL is the absolute URL the site is served from, ending in "/"; it
	// may carry a path (a column of the county portal).
	BaseURL  string `toml:"base_url"`
	Language string `toml:"language"`
	Theme    string `toml:"theme"`
	// PageSize is the number of records on a listing page.
	PageSize int `toml:"page_size"`

	Publisher  Publisher            `toml:"publisher"`
	Disclosure Disclosure           `toml:"disclosure"`
	OpenData   OpenData             `toml:"opendata"`
	Aliases    map[string]AliasList `toml:"aliases"`
	Stats      map[string]StatTable `toml:"stats"`
	// Staleness sets when gongshi check warns that a column is stale.
	Staleness Staleness `toml:"staleness"`
	// Accessibility feeds the accessibility statement page (/accessibility/).
	Accessibility Accessibility `toml:"accessibility"`
}

// Staleness holds the ages after which gongshi check warns that a column has
// not been updated. Zero means the default; a negative value turns the
// warning off.
type Staleness struct {
	// StatsDays is the allowed age in days of the latest statistics month,
	// counted from the end of that month (default 45).
	StatsDays int `toml:"stats_days"`
	// NoticesMonths is the allowed age in months of the latest notice
	// (default 6).
	NoticesMonths int `toml:"notices_months"`
}

// Accessibility is the site's accessibility statement: what it conforms to,
// when it was last reviewed and whom to tell about a barrier. Every field
// has a default, so the page is always generated.
type Accessibility struct {
	// Standard names the target, default "WCAG 2.1 AA 级及 GB/T 37668-2019".
	Standard string `toml:"standard"`
	// Reviewed is the date of the last review, e.g. "2026-05-20"; empty
	// means the statement carries no review date.
	Reviewed string `toml:"reviewed"`
	// Contact is where to report barriers; empty means the publisher's
	// phone and email.
	Contact string `toml:"contact"`
	// Known lists known limitations, one per entry.
	Known []string `toml:"known"`
}

// Publisher is the identity of the publishing body and its parent portal.
type Publisher struct {
	Sponsor    string `toml:"sponsor"`    // 主办单位
	Organizer  string `toml:"organizer"`  // 承办单位
	SiteCode   string `toml:"site_code"`  // 网站标识码
	ICP        string `toml:"icp"`        // ICP备案号
	PublicSec  string `toml:"public_sec"` // 公安机关备案号
	Address    string `toml:"address"`
	Phone      string `toml:"phone"`
	Complaints string `toml:"complaints"` // 举报投诉电话
	Email      string `toml:"email"`
	// Portal is the parent portal's name and URL, for the breadcrumb.
	PortalName string `toml:"portal_name"`
	PortalURL  string `toml:"portal_url"`
	// Badge is the 党政机关网站 identification badge: a path below the site
	// root to an image the site supplies in themes/NAME/static/ (e.g.
	// "/img/dzjg.png"), shown in the footer; BadgeURL is where it links (the
	// certificate page issued with it).
	Badge    string `toml:"badge"`
	BadgeURL string `toml:"badge_url"`
}

// Disclosure holds the publication rules.
type Disclosure struct {
	// NameMask is "某某" (张某某, the default) or "*" (张*).
	NameMask string `toml:"name_mask"`
	// PublishSimple publishes 简易程序 decisions.
	PublishSimple bool `toml:"publish_simple"`
	// PublishWarningOnly publishes decisions whose only penalty is a warning.
	PublishWarningOnly bool `toml:"publish_warning_only"`
	// Periods maps a penalty category to its publication period in months;
	// "default" applies to categories not listed.
	Periods map[string]int `toml:"periods"`
	// Severity maps a 违法情节 value to the publication period it allows, in
	// months: [min, max]. The category period is clamped into it; [0, 0]
	// means not published (轻微). Values not listed leave the category
	// period alone.
	Severity map[string][2]int `toml:"severity"`
	// MaxMonths caps a computed publication period (default 36: publication
	// stops automatically at three years). A 公示截止期 in the data is not
	// capped.
	MaxMonths int `toml:"max_months"`
}

// OpenData holds the open-data catalogue settings.
type OpenData struct {
	License    string `toml:"license"`
	LicenseURL string `toml:"license_url"`
}

// AliasList maps a canonical column name to extra header names for it.
type AliasList map[string][]string

// StatTable describes a statistics table in data/stats, keyed by its dataset
// name (file base name, "-SHEET" added for a sheet other than Sheet1).
type StatTable struct {
	// Title names the table's topic page ("社会治安").
	Title string `toml:"title"`
	// Topic is the page path below /stats/: a topic of the table's own
	// ("public-security" → /stats/public-security/), or a built-in topic
	// (BuiltinStatTopics) whose page then shows the table's indicators too.
	// Empty means the built-in topic its indicators belong to.
	Topic string `toml:"topic"`
	// Unit is the unit of the table's figures ("件", "起").
	Unit string `toml:"unit"`
}

// BuiltinStatTopics are the statistics pages a table can join by naming
// their path as its topic.
var BuiltinStatTopics = []string{"service-centre", "petitions", "enforcement"}

// reservedStatTopics are paths below /stats/ no table may take.
var reservedStatTopics = []string{"year", "powers", "powers/usage"}

var statTopicRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (c *Config) validateStats() error {
	for _, name := range slices.Sorted(maps.Keys(c.Stats)) {
		st := c.Stats[name]
		where := fmt.Sprintf("stats.%q", name)
		switch {
		case slices.Contains(BuiltinStatTopics, st.Topic):
		case slices.Contains(reservedStatTopics, st.Topic):
			return &Error{File: FileName, Msg: fmt.Sprintf("%s: topic %q is a page of its own; want another path, or one of %s", where, st.Topic, strings.Join(BuiltinStatTopics, ", "))}
		case st.Topic == "":
		case !statTopicRe.MatchString(st.Topic):
			return &Error{File: FileName, Msg: fmt.Sprintf("%s: topic %q: want lower-case letters, digits and dashes, such as \"public-security\" (it becomes /stats/TOPIC/)", where, st.Topic)}
		case st.Title == "":
			return &Error{File: FileName, Msg: fmt.Sprintf("%s: topic %q needs a title, the page's heading", where, st.Topic)}
		}
	}
	return nil
}

// Default returns the configuration of a site without site.toml.
func Default() Config {
	return Config{
		Title:    "政务公开",
		Town:     "本镇",
		BaseURL:  "/",
		Language: "zh-CN",
		Theme:    "default",
		PageSize: 50,
		Disclosure: Disclosure{
			NameMask:  "某某",
			Periods:   DefaultPeriods(),
			Severity:  DefaultSeverity(),
			MaxMonths: 36,
		},
		OpenData:      OpenData{License: "政府信息公开，可自由引用，请注明来源"},
		Staleness:     Staleness{StatsDays: 45, NoticesMonths: 6},
		Accessibility: Accessibility{Standard: "WCAG 2.1 AA 级及 GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》"},
	}
}

// DefaultPeriods returns the publication periods in months by penalty
// category: 通报批评 and warnings 3 months, fines 1 year, everything else
// 3 years (信用修复管理办法 and the market-regulation rules).
func DefaultPeriods() map[string]int {
	return map[string]int{
		"警告":      3,
		"通报批评":    3,
		"罚款":      12,
		"default": 36,
	}
}

// DefaultSeverity returns the publication periods by 违法情节 of the
// 信用修复管理办法: 轻微 not published, 一般 3 months to 1 year, 严重 1 to 3
// years.
func DefaultSeverity() map[string][2]int {
	return map[string][2]int{
		"轻微": {0, 0},
		"一般": {3, 12},
		"较重": {12, 36},
		"严重": {12, 36},
	}
}

// Error is a configuration error with its position in site.toml.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: error: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: error: %s", e.File, e.Msg)
}

// Load reads site.toml from fsys. A missing file gives Default().
func Load(fsys fs.FS) (Config, error) {
	c := Default()
	data, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, &Error{File: FileName, Line: pe.Position.Line, Col: pe.Position.Col, Msg: pe.Message}
		}
		return c, &Error{File: FileName, Msg: err.Error()}
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0]
		e := &Error{File: FileName, Line: keyLine(string(data), key), Col: 1, Msg: fmt.Sprintf("unknown key %q", key.String())}
		if s := suggest(key); s != "" {
			e.Msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return c, e
	}
	if c.Disclosure.Periods == nil {
		c.Disclosure.Periods = DefaultPeriods()
	}
	if _, ok := c.Disclosure.Periods["default"]; !ok {
		c.Disclosure.Periods["default"] = DefaultPeriods()["default"]
	}
	if c.Disclosure.Severity == nil {
		c.Disclosure.Severity = DefaultSeverity()
	}
	if c.Disclosure.MaxMonths <= 0 {
		c.Disclosure.MaxMonths = 36
	}
	return c, c.validate()
}

func (c *Config) validate() error {
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return &Error{File: FileName, Msg: fmt.Sprintf("base_url %q is not an http(s) URL or a path", c.BaseURL)}
	}
	if c.PageSize < 10 || c.PageSize > 500 {
		return &Error{File: FileName, Msg: fmt.Sprintf("page_size %d: want 10 to 500", c.PageSize)}
	}
	if c.Staleness.StatsDays == 0 {
		c.Staleness.StatsDays = 45
	}
	if c.Staleness.NoticesMonths == 0 {
		c.Staleness.NoticesMonths = 6
	}
	if b := c.Publisher.Badge; b != "" && (!strings.HasPrefix(b, "/") || strings.Contains(b, "//") || strings.Contains(b, "..")) {
		return &Error{File: FileName, Msg: fmt.Sprintf("publisher.badge %q: want a path below the site root such as \"/img/dzjg.png\" (the file goes in themes/NAME/static/)", b)}
	}
	if r := c.Accessibility.Reviewed; r != "" {
		if _, err := time.Parse("2006-01-02", r); err != nil {
			return &Error{File: FileName, Msg: fmt.Sprintf("accessibility.reviewed %q: want a date like 2026-05-20", r)}
		}
	}
	if c.Accessibility.Standard == "" {
		c.Accessibility.Standard = Default().Accessibility.Standard
	}
	switch c.Disclosure.NameMask {
	case "某某", "*", "某":
	default:
		return &Error{File: FileName, Msg: fmt.Sprintf("disclosure.name_mask %q: want \"某某\", \"某\" or \"*\"", c.Disclosure.NameMask)}
	}
	return c.validateStats()
}

// BasePath returns the path part of BaseURL, always ending in "/".
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// keyLine finds the line where the last part of key is set.
func keyLine(src string, key toml.Key) int {
	last := key[len(key)-1]
	for i, l := range strings.Split(src, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, last) && strings.HasPrefix(strings.TrimSpace(l[len(last):]), "=") {
			return i + 1
		}
		if strings.HasPrefix(l, "["+last) || strings.HasPrefix(l, "[\""+last) {
			return i + 1
		}
	}
	return 0
}

var known = map[string][]string{
	"":              {"title", "town", "description", "base_url", "language", "theme", "page_size", "publisher", "disclosure", "opendata", "aliases", "stats", "staleness", "accessibility"},
	"publisher":     {"sponsor", "organizer", "site_code", "icp", "public_sec", "address", "phone", "complaints", "email", "portal_name", "portal_url", "badge", "badge_url"},
	"staleness":     {"stats_days", "notices_months"},
	"accessibility": {"standard", "reviewed", "contact", "known"},
	"disclosure":    {"name_mask", "publish_simple", "publish_warning_only", "periods"},
	"opendata":      {"license", "license_url"},
}

// suggest returns the known key nearest to an unknown one.
func suggest(key toml.Key) string {
	parent := ""
	if len(key) > 1 {
		parent = key[0]
	}
	cands := known[parent]
	sort.Strings(cands)
	best, bestD := "", 3
	for _, c := range cands {
		if d := distance(key[len(key)-1], c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
