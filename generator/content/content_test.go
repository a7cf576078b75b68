package content

import (
	"testing"
	"testing/fstest"
	"time"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

func TestDatesReadInSiteZone(t *testing.T) {
	tests := []struct{ date, want string }{
		{"2026-05-01", "2026-05-01T00:00:00+08:00"},
		{"2026-05-01T23:30:00", "2026-05-01T23:30:00+08:00"},
		{"2026-05-01 23:30:00", "2026-05-01T23:30:00+08:00"},
		{"2026-05-01T23:30:00Z", "2026-05-02T07:30:00+08:00"},
		{"2026-05-01T10:00:00-05:00", "2026-05-01T23:00:00+08:00"},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			p, dl := Parse("content/notices/a.md", []byte("+++\ntitle = \"x\"\ndate = "+tt.date+"\n+++\n"), shanghai)
			if dl.HasErrors() {
				t.Fatal(dl)
			}
			if got := p.Date.Format(time.RFC3339); got != tt.want || p.Date.Location() != shanghai {
				t.Errorf("date %s read as %s in %v, want %s in Asia/Shanghai", tt.date, got, p.Date.Location(), tt.want)
			}
		})
	}
	_, dl := Parse("content/notices/a.md", []byte("+++\ntitle = \"x\"\ndate = 10:00:00\n+++\n"), shanghai)
	if want := "content/notices/a.md:1:1: error: date: want a date such as 2026-05-01, got a time of day"; len(dl) != 1 || dl[0].String() != want {
		t.Errorf("a time of day as date: %v, want %s", dl, want)
	}
}

func TestParseFrontMatter(t *testing.T) {
	src := "+++\ntitle = \"关于公示的说明\"\ndate = 2025-03-01\nsummary = \"摘要\"\n+++\n正文\n"
	p, dl := Parse("content/notices/about-disclosure.md", []byte(src), shanghai)
	if dl.HasErrors() {
		t.Fatal(dl)
	}
	if p.Title != "关于公示的说明" || p.URL != "/notices/about-disclosure/" || string(p.Body) != "正文\n" || p.Date.Year() != 2025 {
		t.Errorf("%+v", p)
	}
}

func TestParseErrorsPointIntoFile(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"content/notices/a.md", "+++\ntitle = \"x\"\ndate = \n+++\n", "content/notices/a.md:3:"},
		{"content/notices/b.md", "+++\ntitle = \"x\"\n", "content/notices/b.md:1:1: error: front matter opened with +++ is never closed"},
		{"content/notices/中文.md", "+++\ntitle = \"x\"\n+++\n", "content/notices/中文.md:1:1: error: slug"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, dl := Parse(tt.name, []byte(tt.src), shanghai)
			if len(dl) == 0 {
				t.Fatal("no diagnostic")
			}
			if got := dl[0].String(); len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
				t.Errorf("got %q want prefix %q", got, tt.want)
			}
		})
	}
}

func TestLoadSortsNewestFirst(t *testing.T) {
	fsys := fstest.MapFS{
		"content/notices/a.md": {Data: []byte("+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\n")},
		"content/notices/b.md": {Data: []byte("+++\ntitle = \"B\"\ndate = 2025-02-01\n+++\n")},
		"content/about.md":     {Data: []byte("+++\ntitle = \"About\"\n+++\n")},
	}
	pages, dl := Load(fsys, shanghai)
	if dl.HasErrors() || len(pages) != 3 || pages[0].Title != "B" || pages[2].URL != "/about/" {
		t.Fatalf("%v %+v", dl, pages)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\n+++\nbody"))
	f.Add([]byte("+++\ntitle = \n+++\n"))
	f.Add([]byte("no front matter"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, dl := Parse("content/notices/x.md", data, shanghai)
		for _, d := range dl {
			if !d.Pos.Valid() {
				t.Fatalf("invalid position %v", d.Pos)
			}
		}
	})
}
