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
	_ "time/tzdata" // time_zone works on machines without a zoneinfo database
	"unicode"
	"unicode/utf8"

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
	// TimeZone is the IANA name of the zone in which dates without one
	// (front matter dates, the build date's calendar day) are read, default
	// "Asia/Shanghai". The machine's zone is never used.
	TimeZone string `toml:"time_zone"`

	Publisher  Publisher            `toml:"publisher"`
	Disclosure Disclosure           `toml:"disclosure"`
	OpenData   OpenData             `toml:"opendata"`
	Aliases    map[string]AliasList `toml:"aliases"`
	Stats      map[string]StatTable `toml:"stats"`
	// Sources names the agency behind each source of the statistics: a
	// folder ("data/cases"), a statistics dataset ("便民服务中心月度统计")
	// or the stem of datasets split by year ("综治中心信访统计" for
	// "综治中心信访统计-2025"). A source without one is the publisher's.
	Sources map[string]string `toml:"sources"`
	// Updates is the statistics' publication schedule.
	Updates Updates `toml:"updates"`
	// Staleness sets when gongshi check warns that a column is stale.
	Staleness Staleness `toml:"staleness"`
	// Review sets the usage review of the power list (/powers/review/).
	Review Review `toml:"review"`
	// Accessibility feeds the accessibility statement page (/accessibility/).
	Accessibility Accessibility `toml:"accessibility"`
	// Calendar adds public holidays and 调休 working days to the built-in
	// table, for counting working days.
	Calendar Calendar `toml:"calendar"`
	// Search tunes the site search.
	Search Search `toml:"search"`
	// County makes the folder a county site: its towns are the town site
	// folders under towns/SLUG/, and this file gives the portal's identity.
	County County `toml:"county"`

	loc *time.Location // TimeZone, loaded
}

// DefaultTimeZone is the time zone of a site whose site.toml sets none.
const DefaultTimeZone = "Asia/Shanghai"

// Location returns the site's time zone (TimeZone). A Config that did not
// come from Load or Default, or whose TimeZone does not load, gets
// DefaultTimeZone.
func (c *Config) Location() *time.Location {
	if c.loc != nil && c.loc.String() == c.TimeZone {
		return c.loc
	}
	name := c.TimeZone
	if name == "" {
		name = DefaultTimeZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc, _ = time.LoadLocation(DefaultTimeZone)
	}
	return loc
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

// Review sets the usage review of the power list: the window counted and
// the thresholds of its bands (最多, 较多, 很少, 未行使). Zero means the
// default.
type Review struct {
	// WindowMonths is the length of the window, ending on the latest
	// record (default 36, the three years of a delegated-power review).
	WindowMonths int `toml:"window_months"`
	// Most is the number of uses from which an item is among the most used
	// (default 20); More the number from which it is used often (default
	// 5). An item used fewer times is rarely used, and one never used is
	// 未行使.
	Most int `toml:"most"`
	More int `toml:"more"`
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

// County is the [county] table of a county site's site.toml.
type County struct {
	// Name is the county's name, e.g. "示例县"; a site.toml that sets it
	// is a county site's.
	Name string `toml:"name"`
}

// IsCounty reports whether the config is a county site's.
func (c *Config) IsCounty() bool { return c.County.Name != "" }

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

// Disclosure holds the publication rules. The page /notices/disclosure-rules/
// states them as the build applies them.
type Disclosure struct {
	// NameMask is "某某" (张某某, the default), "某" (张某) or "*" (张*).
	NameMask string `toml:"name_mask"`
	// PublishSimple publishes 简易程序 decisions (default false: a decision
	// whose 程序类型 says 简易 or 当场 is withheld).
	PublishSimple bool `toml:"publish_simple"`
	// WithholdPossiblySimple withholds a decision whose export gives no
	// procedure when it is within the limits of the 简易程序 (行政处罚法
	// 2021 art. 51: a warning, or a fine of at most 200 yuan for a person, at
	// most 3,000 yuan for an organisation). Default false: such decisions
	// are published, and gongshi check lists them as possibly 简易程序.
	WithholdPossiblySimple bool `toml:"withhold_possibly_simple"`
	// PublishWarningOnly publishes decisions whose only penalty is a warning.
	PublishWarningOnly bool `toml:"publish_warning_only"`
	// Periods maps a penalty category to its publication period in months;
	// "default" applies to categories not listed. 0 means up to MaxMonths.
	Periods map[string]int `toml:"periods"`
	// Severity maps a 违法情节 value to the publication period it allows, in
	// months: [min, max]. The category period is clamped into it; [0, 0]
	// means not published (轻微). Values not listed leave the category
	// period alone. When several keys occur in a 违法情节, the longest key
	// applies, then the first in alphabetical order.
	Severity map[string][2]int `toml:"severity"`
	// MaxMonths is the rule maximum (default 36: publication stops
	// automatically at three years). It caps a computed period and a
	// 公示截止期 in the data alike, unless the severity rule's maximum is
	// lower; only a 限制从业 or 限制开展生产经营活动 that lasts longer is
	// published for its own length (its 处罚有效期).
	MaxMonths int `toml:"max_months"`
	// SmallFine gives small fines a publication period of their own.
	SmallFine SmallFine `toml:"small_fine"`
	// Reviewed lists names that staff have reviewed where gongshi check
	// showed them in other text: each is not looked for outside its
	// own record. It names one record and one string; there is no way to
	// review a name for every record, or to turn the check off.
	Reviewed []Reviewed `toml:"reviewed"`
}

// Reviewed is one reviewed name: in the output, Value of the record whose
// 行政处罚决定书文号 is Record is not personal data outside that record (it
// stands in a place name, a legal basis, an official's title …). The
// record's own page masks it all the same.
type Reviewed struct {
	Record string `toml:"record"`
	Value  string `toml:"value"`
	// Note says why, for the next reviewer.
	Note string `toml:"note"`
}

// SmallFine is the 较低数额罚款 rule of the market regulators
// (市场监督管理行政处罚信息公示规定, 总局令第45号, art. 13: a decision of
// 通报批评 or a 较低数额罚款 only is published 3 months; each province sets
// the amounts). A fine at or below the amount for the party's class has the
// period Months in place of the period of 罚款; a decision with other
// penalties keeps the longest period of them all.
type SmallFine struct {
	// Months is the period of a small fine; 0, the default, turns the rule
	// off and fines keep the period of 罚款.
	Months int `toml:"months"`
	// Person is the largest small fine, in yuan, for a natural person or a
	// sole trader (default 5,000: 上海市市场监督管理局 沪市监规范〔2022〕8号
	// sets 5,000 yuan and less, 贵州省市场监督管理局 (2023) less than 5,000).
	Person int64 `toml:"person"`
	// Org is the largest small fine, in yuan, for an organisation (default
	// 50,000, from the same two provincial rules).
	Org int64 `toml:"org"`
}

// Calendar lists the days that differ from a Monday-to-Friday week, for
// counting working days (the 7 working days within which a decision is
// published). gongshi knows the State Council's holiday schedules for 2024
// to 2026; a site adds later years here as each is announced.
type Calendar struct {
	// Holidays are public holidays that fall on weekdays, "YYYY-MM-DD".
	Holidays []string `toml:"holidays"`
	// Workdays are weekend days worked in exchange (调休), "YYYY-MM-DD".
	Workdays []string `toml:"workdays"`
}

// Search holds the site search settings.
type Search struct {
	// Synonyms adds to the theme's list (themes/NAME/data/synonyms.toml):
	// a query word and the words it also finds, e.g.
	// synonyms = { "低保" = ["最低生活保障"] }. Each is one word: letters
	// and digits, no spaces or punctuation.
	Synonyms map[string][]string `toml:"synonyms"`
}

// validate reports the first synonym, in key order, that is not one word.
func (s *Search) validate() error {
	keys := make([]string, 0, len(s.Synonyms))
	for k := range s.Synonyms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, w := range append([]string{k}, s.Synonyms[k]...) {
			if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) >= 0 {
				return fmt.Errorf("search.synonyms: %q (for %q): want one word of letters and digits, no spaces or punctuation", w, k)
			}
		}
	}
	return nil
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

// Updates is when the statistics pages are updated, shown on each topic as
// its next update date.
type Updates struct {
	// Day is the day of the month (1–31; the month's last day when it has
	// fewer) by which the previous month's figures are published; 0 shows
	// no date.
	Day int `toml:"day"`
	// Topics overrides Day for a topic path ("enforcement" = 5); 0 shows
	// no date for that topic.
	Topics map[string]int `toml:"topics"`
}

// UpdateDay returns the update day of a statistics topic, 0 for none.
func (u Updates) UpdateDay(topic string) int {
	if d, ok := u.Topics[topic]; ok {
		return d
	}
	return u.Day
}

// BuiltinStatTopics are the statistics pages a table can join by naming
// their path as its topic.
var BuiltinStatTopics = []string{"service-centre", "petitions", "enforcement"}

// reservedStatTopics are paths below /stats/ no table may take.
var reservedStatTopics = []string{"year", "powers", "powers/usage"}

var statTopicRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (c *Config) validateStats() error {
	if d := c.Updates.Day; d < 0 || d > 31 {
		return &Error{File: FileName, Msg: fmt.Sprintf("updates.day %d: want a day of the month, 1 to 31, or 0 for no date", d)}
	}
	for _, topic := range slices.Sorted(maps.Keys(c.Updates.Topics)) {
		if d := c.Updates.Topics[topic]; d < 0 || d > 31 {
			return &Error{File: FileName, Msg: fmt.Sprintf("updates.topics.%q %d: want a day of the month, 1 to 31, or 0 for no date", topic, d)}
		}
	}
	for _, src := range slices.Sorted(maps.Keys(c.Sources)) {
		if strings.TrimSpace(c.Sources[src]) == "" {
			return &Error{File: FileName, Msg: fmt.Sprintf("sources.%q: want the agency's name, such as \"青溪镇综合行政执法队\"", src)}
		}
	}
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
		TimeZone: DefaultTimeZone,
		Disclosure: Disclosure{
			NameMask:  "某某",
			Periods:   DefaultPeriods(),
			Severity:  DefaultSeverity(),
			MaxMonths: 36,
			SmallFine: DefaultSmallFine(),
		},
		OpenData:      OpenData{License: "政府信息公开，可自由引用，请注明来源"},
		Staleness:     Staleness{StatsDays: 45, NoticesMonths: 6},
		Review:        Review{WindowMonths: 36, Most: 20, More: 5},
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

// DefaultSmallFine returns the small-fine rule, off: the amounts of the
// Shanghai and Guizhou market regulators (5,000 yuan for a person, 50,000
// for an organisation), and no period of its own until a site sets Months
// (3 in the market-regulation rules).
func DefaultSmallFine() SmallFine { return SmallFine{Person: 5000, Org: 50000} }

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

	key toml.Key // the key at fault, for its line
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
	if c.Disclosure.MaxMonths == 0 {
		c.Disclosure.MaxMonths = 36
	}
	if c.Disclosure.SmallFine.Person == 0 {
		c.Disclosure.SmallFine.Person = DefaultSmallFine().Person
	}
	if c.Disclosure.SmallFine.Org == 0 {
		c.Disclosure.SmallFine.Org = DefaultSmallFine().Org
	}
	if err := c.validate(string(data)); err != nil {
		return c, err
	}
	if err := c.Disclosure.validate(); err != nil {
		err.File = FileName
		err.Line, err.Col = keyLine(string(data), err.key), 1
		return c, err
	}
	if err := c.Search.validate(); err != nil {
		return c, &Error{File: FileName, Line: keyLine(string(data), toml.Key{"search"}), Col: 1, Msg: err.Error()}
	}
	if err := c.Calendar.validate(); err != nil {
		err.File = FileName
		err.Line, err.Col = keyLine(string(data), err.key), 1
		return c, err
	}
	return c, nil
}

// urlKeys are the settings that hold a URL, by their key in site.toml.
func (c *Config) urlKeys() []struct {
	key toml.Key
	val string
} {
	return []struct {
		key toml.Key
		val string
	}{
		{toml.Key{"base_url"}, c.BaseURL},
		{toml.Key{"publisher", "portal_url"}, c.Publisher.PortalURL},
		{toml.Key{"publisher", "badge_url"}, c.Publisher.BadgeURL},
		{toml.Key{"opendata", "license_url"}, c.OpenData.LicenseURL},
	}
}

// CheckURL reports why s is not a URL a page may link to: an absolute
// http(s) URL or a relative one (a path, "//host/…", "?q", "#frag"). Any
// other scheme (javascript:, data:, file: …), and the spaces and control
// characters a browser strips before it reads the scheme, are refused.
func CheckURL(s string) error {
	for _, r := range s {
		if r <= ' ' || r == 0x7f || r == '\\' {
			return fmt.Errorf("contains %q", r)
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return errors.Unwrap(err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("the scheme %s: is not http or https", u.Scheme)
	}
	if u.Scheme != "" && u.Host == "" {
		return fmt.Errorf("has no host")
	}
	return nil
}

func (c *Config) validate(src string) error {
	for _, k := range c.urlKeys() {
		if err := CheckURL(k.val); err != nil {
			return &Error{File: FileName, Line: keyLine(src, k.key), Col: 1, Msg: fmt.Sprintf("%s %q: want an http(s) URL or a path (%v)", k.key, k.val, err)}
		}
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if c.TimeZone == "" {
		c.TimeZone = DefaultTimeZone
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil || c.TimeZone == "Local" {
		return &Error{File: FileName, Line: keyLine(src, toml.Key{"time_zone"}), Col: 1, Msg: fmt.Sprintf("time_zone %q: want an IANA time zone name such as %q", c.TimeZone, DefaultTimeZone)}
	}
	c.loc = loc
	if c.PageSize < 10 || c.PageSize > 500 {
		return &Error{File: FileName, Msg: fmt.Sprintf("page_size %d: want 10 to 500", c.PageSize)}
	}
	if c.Staleness.StatsDays == 0 {
		c.Staleness.StatsDays = 45
	}
	if c.Staleness.NoticesMonths == 0 {
		c.Staleness.NoticesMonths = 6
	}
	if err := c.Review.complete(); err != nil {
		return err
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
	for i, r := range c.Disclosure.Reviewed {
		if strings.TrimSpace(r.Record) == "" || utf8.RuneCountInString(strings.TrimSpace(r.Value)) < 2 || strings.TrimSpace(r.Note) == "" {
			return &Error{File: FileName, Msg: fmt.Sprintf("disclosure.reviewed[%d]: want record (a decision number), value (the name, two characters or more) and note (why it is no personal data)", i)}
		}
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
		for _, k := range []string{last, `"` + last + `"`} {
			if strings.HasPrefix(l, k) && strings.HasPrefix(strings.TrimSpace(l[len(k):]), "=") {
				return i + 1
			}
		}
		if strings.HasPrefix(l, "["+last) || strings.HasPrefix(l, "[\""+last) {
			return i + 1
		}
	}
	return 0
}

var known = map[string][]string{
	"":              {"title", "town", "description", "base_url", "language", "theme", "page_size", "time_zone", "publisher", "disclosure", "opendata", "aliases", "stats", "staleness", "accessibility", "calendar", "search"},
	"publisher":     {"sponsor", "organizer", "site_code", "icp", "public_sec", "address", "phone", "complaints", "email", "portal_name", "portal_url", "badge", "badge_url"},
	"staleness":     {"stats_days", "notices_months"},
	"accessibility": {"standard", "reviewed", "contact", "known"},
	"disclosure":    {"name_mask", "publish_simple", "withhold_possibly_simple", "publish_warning_only", "periods", "severity", "max_months", "small_fine", "reviewed"},
	"small_fine":    {"months", "person", "org"},
	"reviewed":      {"record", "value", "note"},
	"calendar":      {"holidays", "workdays"},
	"opendata":      {"license", "license_url"},
	"search":        {"synonyms"},
}

// suggest returns the known key nearest to an unknown one.
func suggest(key toml.Key) string {
	parent := ""
	if len(key) > 1 {
		parent = key[len(key)-2]
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

// complete fills the review's defaults and checks its settings.
func (r *Review) complete() error {
	d := Default().Review
	if r.WindowMonths == 0 {
		r.WindowMonths = d.WindowMonths
	}
	if r.Most == 0 {
		r.Most = d.Most
	}
	if r.More == 0 {
		r.More = d.More
	}
	switch {
	case r.WindowMonths < 1 || r.WindowMonths > 240:
		return &Error{File: FileName, Msg: fmt.Sprintf("review.window_months %d: want 1 to 240", r.WindowMonths)}
	case r.More < 1 || r.Most <= r.More:
		return &Error{File: FileName, Msg: fmt.Sprintf("review.most %d and review.more %d: want most > more ≥ 1", r.Most, r.More)}
	}
	return nil
}
