package config

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadDefaultsWithoutFile(t *testing.T) {
	c, err := Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != "zh-CN" || c.PageSize != 50 || c.BasePath() != "/" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title = \"x\"\ntitel = \"y\"\n", `site.toml:2:1: error: unknown key "titel" (did you mean "title"?)`},
		{"[publisher]\nsponsr = \"x\"\n", `site.toml:2:1: error: unknown key "publisher.sponsr" (did you mean "sponsor"?)`},
		{"title = \n", "site.toml:1:"},
		{"page_size = 3\n", "site.toml: error: page_size 3: want 10 to 500"},
		{"[review]\nwindow_months = 400\n", "site.toml: error: review.window_months 400: want 1 to 240"},
		{"[review]\nmost = 5\nmore = 5\n", "site.toml: error: review.most 5 and review.more 5: want most > more ≥ 1"},
		{"[review]\nmore = 30\n", "site.toml: error: review.most 20 and review.more 30: want most > more ≥ 1"},
		{"[review]\nwindow = 12\n", `site.toml:2:1: error: unknown key "review.window"`},
		{"[disclosure.small_fine]\nmontsh = 3\n", `site.toml:2:1: error: unknown key "disclosure.small_fine.montsh" (did you mean "months"?)`},
		{"[disclosure]\nmax_months = -1\n", "site.toml:2:1: error: disclosure.max_months = -1: want a number of months, 1 or more"},
		{"[disclosure.small_fine]\nmonths = 48\n", "site.toml:2:1: error: disclosure.small_fine.months = 48: want 0 (off) to max_months (36)"},
		{"[disclosure.small_fine]\nperson = -5\n", "site.toml:2:1: error: disclosure.small_fine.person = -5: want an amount in yuan"},
		{"[disclosure]\npublish_simple = true\nwithhold_possibly_simple = true\n", "site.toml:3:1: error: disclosure.withhold_possibly_simple = true with publish_simple = true"},
		{"[disclosure.severity]\n\"一般\" = [12, 3]\n", "site.toml:2:1: error: disclosure.severity.\"一般\" = [12, 3]: want [min, max] months"},
		{"[disclosure.periods]\nfine = -2\n", "site.toml:2:1: error: disclosure.periods.\"fine\" = -2"},
		{"[calendar]\nholidays = [\"2027/01/01\"]\n", "site.toml:2:1: error: calendar.holidays: \"2027/01/01\": want a date like 2027-10-01"},
		{"[calendar]\nworkdays = [\"2027-01-04\"]\n", "site.toml:2:1: error: calendar.workdays: 2027-01-04 is a Monday"},
		{"[calendar]\nholidays = [\"2027-01-09\"]\nworkdays = [\"2027-01-09\"]\n", "site.toml:3:1: error: calendar: 2027-01-09 is listed both"},
		{"[stats.\"刑事案件\"]\ntitle = \"社会治安\"\ntopic = \"Public Security\"\n", `site.toml: error: stats."刑事案件": topic "Public Security": want lower-case letters, digits and dashes`},
		{"[stats.\"刑事案件\"]\ntopic = \"public-security\"\n", `site.toml: error: stats."刑事案件": topic "public-security" needs a title`},
		{"[stats.\"刑事案件\"]\ntitle = \"x\"\ntopic = \"year\"\n", `site.toml: error: stats."刑事案件": topic "year" is a page of its own`},
		{"[stats.\"刑事案件\"]\ntitle = \"x\"\ntopic = \"public-security\"\nunits = \"件\"\n", `site.toml:4:1: error: unknown key "stats.\"刑事案件\".units"`},
		{"[search]\nsynonym = {}\n", `site.toml:2:1: error: unknown key "search.synonym" (did you mean "synonyms"?)`},
		{"title = \"x\"\n[search]\nsynonyms = { \"低保\" = [\"最低 生活保障\"] }\n", `site.toml:2:1: error: search.synonyms: "最低 生活保障" (for "低保"): want one word`},
		{"[search]\nsynonyms = { \"低保\" = [\"\"] }\n", `site.toml:1:1: error: search.synonyms: "" (for "低保")`},
		{"[updates]\nday = 32\n", `site.toml: error: updates.day 32: want a day of the month, 1 to 31, or 0 for no date`},
		{"[updates.topics]\nenforcement = -1\n", `site.toml: error: updates.topics."enforcement" -1: want a day of the month`},
		{"[sources]\n\"data/cases\" = \" \"\n", `site.toml: error: sources."data/cases": want the agency's name`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"site.toml": {Data: []byte(tt.src)}})
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v", err)
			}
			if got := err.Error(); len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
}

func TestSearchSynonyms(t *testing.T) {
	c, err := Load(fstest.MapFS{"site.toml": {Data: []byte("[search]\nsynonyms = { \"低保\" = [\"最低生活保障\", \"低保金\"], \"准生证\" = [\"生育登记\"] }\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Search.Synonyms["低保"]; len(got) != 2 || got[0] != "最低生活保障" || len(c.Search.Synonyms) != 2 {
		t.Errorf("synonyms %q", c.Search.Synonyms)
	}
}

func TestBasePathFromSubPath(t *testing.T) {
	c, err := Load(fstest.MapFS{"site.toml": {Data: []byte(`base_url = "https://www.example.gov.cn/zfxxgk/qingxi"`)}})
	if err != nil {
		t.Fatal(err)
	}
	if c.BasePath() != "/zfxxgk/qingxi/" {
		t.Errorf("BasePath = %q", c.BasePath())
	}
}

// FuzzLoad feeds arbitrary site.toml text: Load must not panic, and an
// error must be a *Error naming site.toml.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("title = \"x\"\n[publisher]\nsponsor = \"y\"\n"))
	f.Add([]byte("titel = 1\n"))
	f.Add([]byte("[disclosure.periods]\n\"罚款\" = 12\n"))
	f.Add([]byte("base_url = \"::\"\n"))
	f.Add([]byte("[disclosure.small_fine]\nmonths = 3\norg = 10000\n[calendar]\nholidays = [\"2027-01-01\"]\nworkdays = [\"2027-02-06\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Load(fstest.MapFS{"site.toml": {Data: data}})
		var ce *Error
		if err != nil && (!errors.As(err, &ce) || ce.File != FileName) {
			t.Fatalf("error %v is not a *config.Error for site.toml", err)
		}
	})
}

func TestURLSettingsAcceptOnlyHTTPAndPaths(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[publisher]\nbadge = \"/img/dzjg.png\"\nbadge_url = \"javascript:alert(1)\"\n", `site.toml:3:1: error: publisher.badge_url "javascript:alert(1)"`},
		{"[publisher]\nportal_url = \"data:text/html,<script>alert(1)</script>\"\n", `site.toml:2:1: error: publisher.portal_url "data:`},
		{"[publisher]\nportal_url = \" javascript:alert(1)\"\n", `site.toml:2:1: error: publisher.portal_url " javascript:alert(1)"`},
		{"[publisher]\nportal_url = \"java\\tscript:alert(1)\"\n", `site.toml:2:1: error: publisher.portal_url`},
		{"[opendata]\nlicense_url = \"file:///etc/passwd\"\n", `site.toml:2:1: error: opendata.license_url "file:///etc/passwd"`},
		{"title = \"x\"\nbase_url = \"javascript:alert(1)//\"\n", `site.toml:2:1: error: base_url "javascript:alert(1)//"`},
		{"base_url = \"https:/no-host\"\n", `site.toml:1:1: error: base_url "https:/no-host"`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"site.toml": {Data: []byte(tt.src)}})
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a config error", err)
			}
			if got := err.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
	for _, ok := range []string{"https://www.example.gov.cn/", "http://example.gov.cn/x?a=1#b", "/zfxxgk/", "../up/", "//www.example.gov.cn/", "#top", ""} {
		t.Run(ok, func(t *testing.T) {
			src := "[publisher]\nportal_url = \"" + ok + "\"\nbadge_url = \"" + ok + "\"\n[opendata]\nlicense_url = \"" + ok + "\"\n"
			if _, err := Load(fstest.MapFS{"site.toml": {Data: []byte(src)}}); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestTimeZone(t *testing.T) {
	c, err := Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if c.TimeZone != "Asia/Shanghai" || c.Location().String() != "Asia/Shanghai" {
		t.Errorf("default time zone %q, location %v", c.TimeZone, c.Location())
	}
	c, err = Load(fstest.MapFS{"site.toml": {Data: []byte("time_zone = \"Asia/Urumqi\"\n")}})
	if err != nil || c.Location().String() != "Asia/Urumqi" {
		t.Errorf("time_zone Asia/Urumqi: %v, %v", c.Location(), err)
	}
	for _, bad := range []string{"Mars/Olympus_Mons", "Local", "+08:00"} {
		_, err := Load(fstest.MapFS{"site.toml": {Data: []byte("title = \"x\"\ntime_zone = \"" + bad + "\"\n")}})
		want := `site.toml:2:1: error: time_zone "` + bad + `": want an IANA time zone name such as "Asia/Shanghai"`
		if err == nil || err.Error() != want {
			t.Errorf("time_zone %q: got %v, want %s", bad, err, want)
		}
	}
}

func TestReviewDefaults(t *testing.T) {
	for src, want := range map[string]Review{
		"":                                {WindowMonths: 36, Most: 20, More: 5},
		"[review]\nwindow_months = 12\n":  {WindowMonths: 12, Most: 20, More: 5},
		"[review]\nmost = 10\nmore = 2\n": {WindowMonths: 36, Most: 10, More: 2},
	} {
		c, err := Load(fstest.MapFS{FileName: {Data: []byte(src)}})
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if c.Review != want {
			t.Errorf("%q: %+v, want %+v", src, c.Review, want)
		}
	}
}

func TestDisclosureDefaults(t *testing.T) {
	c, err := Load(fstest.MapFS{"site.toml": {Data: []byte("[disclosure.small_fine]\nmonths = 3\n")}})
	if err != nil {
		t.Fatal(err)
	}
	d := c.Disclosure
	if d.MaxMonths != 36 || d.SmallFine != (SmallFine{Months: 3, Person: 5000, Org: 50000}) || d.WithholdPossiblySimple {
		t.Errorf("defaults: %+v", d)
	}
}
