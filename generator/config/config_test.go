package config

import (
	"errors"
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
		{"[stats.\"刑事案件\"]\ntitle = \"社会治安\"\ntopic = \"Public Security\"\n", `site.toml: error: stats."刑事案件": topic "Public Security": want lower-case letters, digits and dashes`},
		{"[stats.\"刑事案件\"]\ntopic = \"public-security\"\n", `site.toml: error: stats."刑事案件": topic "public-security" needs a title`},
		{"[stats.\"刑事案件\"]\ntitle = \"x\"\ntopic = \"year\"\n", `site.toml: error: stats."刑事案件": topic "year" is a page of its own`},
		{"[stats.\"刑事案件\"]\ntitle = \"x\"\ntopic = \"public-security\"\nunits = \"件\"\n", `site.toml:4:1: error: unknown key "stats.\"刑事案件\".units"`},
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
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Load(fstest.MapFS{"site.toml": {Data: data}})
		var ce *Error
		if err != nil && (!errors.As(err, &ce) || ce.File != FileName) {
			t.Fatalf("error %v is not a *config.Error for site.toml", err)
		}
	})
}
