package build_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/disclose"
	"gongshi/generator/internal/sitetest"
	"gongshi/generator/output"
)

var update = flag.Bool("update", false, "rewrite golden files")

func readArchive(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSmallTownPages(t *testing.T) {
	dest, sum := sitetest.Build(t, readArchive(t, "smalltown.txtar"))
	if got := len(sum.Result.Cases); got != 3 {
		t.Fatalf("published %d decisions, want 3", got)
	}
	b := "/zfxxgk/qingxi/"
	sitetest.AssertFile(t, dest, "index.html", `<html lang="zh-CN">`, `<meta name="SiteIDCode" content="3300000000">`, `href="`+b+`cases/"`, "作出的行政处罚决定（起，含不予公示的）", "2026年作出、现在公示的处罚决定（件）")
	sitetest.AssertFile(t, dest, "cases/index.html", "青溪综执罚〔2026〕3号", "张某某", "! 张三丰", "! 青溪综执罚〔2023〕9号", "! 青溪综执罚〔2026〕6号")
	sitetest.AssertFile(t, dest, "cases/withdrawn/index.html", "青溪综执罚〔2026〕6号", "行政复议撤销")
	sitetest.AssertFile(t, dest, "notices/welcome/index.html", "<strong>每月</strong>", "<table>", "! <script>alert", `<meta name="PubDate" content="2026-05-01 00:00">`)
	sitetest.AssertFile(t, dest, "stats/service-centre/index.html", `data-option="`+b+`stats/service-centre/monthly-volume.option.json"`, "<caption>", `scope="row"`)
	sitetest.AssertFile(t, dest, "stats/service-centre/monthly-volume.csv", "\ufeff月份,受理数,办结数,按期办结数,数据截至\r\n2026-03,200,198,196,2026-04\r\n2026-04,190,186,185,2026-04\r\n")
	sitetest.AssertFile(t, dest, "sitemap.xml", "https://www.example.gov.cn/zfxxgk/qingxi/cases/")
	sitetest.AssertFile(t, dest, "robots.txt", "Sitemap: https://www.example.gov.cn/zfxxgk/qingxi/sitemap.xml")
	// No script inline: every <script> has a src (the JSON-LD block of
	// /data/ is a data block of type application/ld+json, not a script).
	for _, f := range sitetest.Files(t, dest) {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dest, f))
		if regexp.MustCompile(`<script(?:\s+(?:defer|data-echarts))*>`).Match(data) {
			t.Errorf("%s has an inline script", f)
		}
	}
	// The natural person's ID and phone appear nowhere.
	for _, f := range sitetest.Files(t, dest) {
		data, _ := os.ReadFile(filepath.Join(dest, f))
		for _, secret := range []string{"11010519491231002X", "13912345678", "张三丰", "李明"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s leaks %s", f, secret)
			}
		}
	}
	broken, err := output.CheckLinks(os.DirFS(dest), b)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range broken {
		t.Errorf("broken link: %s", l)
	}
}

func TestDetailPageCountMatchesPublished(t *testing.T) {
	dest, sum := sitetest.Build(t, readArchive(t, "smalltown.txtar"))
	n := 0
	for _, f := range sitetest.Files(t, dest) {
		if regexp.MustCompile(`^cases/[0-9a-f]{16}/index\.html$`).MatchString(f) {
			n++
		}
	}
	if n != len(sum.Result.Cases) {
		t.Errorf("%d decision pages, %d published decisions", n, len(sum.Result.Cases))
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	good := readArchive(t, "smalltown.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(good), Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	bad := strings.Replace(good, "2026/03/15", "2026/13/45", 1)
	sum, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(bad), Dest: dest, Now: sitetest.Date})
	if !errors.Is(err, build.ErrData) {
		t.Fatalf("err = %v, want ErrData", err)
	}
	want := `data/cases/行政处罚.csv:2:23: error: 处罚决定日期: "2026/13/45" is not a date (expected e.g. 2025-04-12)`
	if len(sum.Diags) == 0 || sum.Diags[0].String() != want {
		t.Errorf("diagnostics %v\nwant %s", sum.Diags, want)
	}
	after, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the previous output")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.building-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	src := sitetest.Source(readArchive(t, "smalltown.txtar"))
	var outs [2]string
	for i, workers := range []int{1, 4} {
		outs[i] = filepath.Join(t.TempDir(), "public")
		if _, err := build.Build(context.Background(), build.Options{SourceFS: src, Dest: outs[i], Now: sitetest.Date, Workers: workers}); err != nil {
			t.Fatal(err)
		}
	}
	compareTrees(t, outs[0], outs[1])
}

func compareTrees(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := sitetest.Files(t, a), sitetest.Files(t, b)
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") {
		t.Fatalf("file lists differ:\n%v\n%v", fa, fb)
	}
	for _, f := range fa {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between builds", f)
		}
	}
}

// TestGoldenPages compares one page of each kind with testdata/golden;
// refresh with go test ./generator/build -update and review the diff.
func TestGoldenPages(t *testing.T) {
	dest, sum := sitetest.Build(t, readArchive(t, "smalltown.txtar"))
	pages := map[string]string{
		"home.html":        "index.html",
		"cases.html":       "cases/index.html",
		"case.html":        "cases/" + sum.Result.Cases[0].ID + "/index.html",
		"withdrawn.html":   "cases/withdrawn/index.html",
		"powers.html":      "powers/index.html",
		"services.html":    "services/index.html",
		"stat.html":        "stats/service-centre/index.html",
		"notice.html":      "notices/welcome/index.html",
		"search.html":      "search/index.html",
		"data.html":        "data/index.html",
		"404.html":         "404.html",
		"records.html":     "licences/index.html",
		"cases-year.html":  "cases/2026/index.html",
		"cases-month.html": "cases/2026/03/index.html",
		"record.html":      strings.TrimPrefix(sum.Result.Items["licences"][0].URL(), "/") + "index.html",
	}
	for _, f := range sitetest.Files(t, dest) {
		if strings.HasPrefix(f, "powers/p") || strings.HasPrefix(f, "services/s") {
			pages[strings.Split(f, "/")[0][:len(strings.Split(f, "/")[0])-1]+".html"] = f
		}
	}
	for golden, page := range pages {
		t.Run(golden, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(dest, page))
			if err != nil {
				t.Fatal(err)
			}
			// One tag per line keeps golden diffs reviewable.
			got = bytes.ReplaceAll(got, []byte("><"), []byte(">\n<"))
			path := filepath.Join("testdata", "golden", golden)
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test ./generator/build -update and review the diff", page, path)
			}
		})
	}
}

func TestLeakGateStopsBuild(t *testing.T) {
	// Staff wrote a penalised person's name and ID into a notice: masking
	// never saw it, the gate must.
	archive := readArchive(t, "smalltown.txtar") + "-- content/notices/leak.md --\n+++\ntitle = \"说明\"\n+++\n经查，张三丰（身份证11010519491231002X）已缴纳罚款。\n"
	dest := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Dest: dest, Now: sitetest.Date})
	var le *disclose.LeakError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want a LeakError", err)
	}
	msg := err.Error()
	for _, want := range []string{"notices/leak/index.html", "data/cases/行政处罚.csv:3"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not name %s:\n%s", want, msg)
		}
	}
	for _, secret := range []string{"张三丰", "11010519491231002X"} {
		if strings.Contains(msg, secret) {
			t.Errorf("error prints the secret %s", secret)
		}
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("dest exists after a leaking build")
	}
}

func TestSiteThemeOverridesEmbeddedTheme(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar") +
		"-- themes/default/layouts/404.html --\n{{define \"main\"}}<h1>找不到这个页面（本镇定制）</h1>{{end}}\n" +
		"-- themes/default/static/img/logo.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
	dest, _ := sitetest.Build(t, archive)
	sitetest.AssertFile(t, dest, "404.html", "找不到这个页面（本镇定制）", "! 您访问的页面不存在")
	sitetest.AssertFile(t, dest, "img/logo.svg", "<svg")
	// Everything not overridden still comes from the embedded theme.
	sitetest.AssertFile(t, dest, "index.html", `class="skip"`)
}
