package county_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"gongshi/generator/build"
	"gongshi/generator/county"
	"gongshi/generator/internal/sitetest"
)

const base = "https://www.example.gov.cn/zfxxgk/"

// writeCounty writes the fixture into a new folder and returns it.
func writeCounty(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range txtar.Parse(data).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func opts(src, dest string) county.Options {
	return county.Options{Source: src, Dest: dest, Now: sitetest.Date, Program: "test"}
}

// buildCounty builds the county in src into a new folder and returns it.
func buildCounty(t testing.TB, src string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	sum, err := county.Build(context.Background(), opts(src, dest))
	if err != nil {
		if sum != nil {
			for _, d := range sum.Diags {
				t.Log(d)
			}
		}
		t.Fatalf("county build: %v", err)
	}
	return dest
}

// files lists every file under dir with its content's hash.
func files(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h := sha256.Sum256(data)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(h[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameFiles fails unless a and b hold the same files, byte for byte.
func sameFiles(t testing.TB, a, b string) {
	t.Helper()
	fa, fb := files(t, a), files(t, b)
	for p, h := range fa {
		if hb, ok := fb[p]; !ok {
			t.Errorf("%s: only in %s", p, a)
		} else if hb != h {
			t.Errorf("%s: differs", p)
		}
	}
	for p := range fb {
		if _, ok := fa[p]; !ok {
			t.Errorf("%s: only in %s", p, b)
		}
	}
	if len(fa) < 50 {
		t.Errorf("only %d files", len(fa))
	}
}

func TestCountyBuildWritesCountyPagesAndTowns(t *testing.T) {
	dest := buildCounty(t, writeCounty(t, "smallcounty.txtar"))
	sitetest.AssertFile(t, dest, "index.html", "示例县乡镇政务公开", `href="/zfxxgk/qingxi/"`, `href="/zfxxgk/shimen/"`, "青溪镇", "石门镇",
		`<meta name="SiteName" content="示例县乡镇政务公开">`, "示例县人民政府办公室", "! 张三丰")
	sitetest.AssertFile(t, dest, "compare/index.html", "行政处罚决定和罚款", "便民服务中心办件", "信访和矛盾纠纷", "94.7%", "! 张三丰")
	sitetest.AssertFile(t, dest, "compare/powers/index.html", "结婚登记", "对农村集体经济组织财务的监督检查", "有", "无")
	sitetest.AssertFile(t, dest, "data/cases.csv", "镇（街道）,决定书文号", "青溪镇,青溪综执罚〔2026〕5号", "石门镇,石门综执罚〔2026〕1号", "! 11010519491231002X", "! 13912345678")
	sitetest.AssertFile(t, dest, "data/cases.json", `"town":"石门镇"`, `"key":"town"`)
	sitetest.AssertFile(t, dest, "data/index.html", "SHA256SUMS", "行政处罚决定")
	sitetest.AssertFile(t, dest, "changes/index.html", `href="/zfxxgk/qingxi/changes/2026-06-01/"`)
	sitetest.AssertFile(t, dest, "search/index.html", "搜索全县各镇（街道）", "search-form")
	sitetest.AssertFile(t, dest, "search/index/meta.json", `"key":"site"`, `"v":"石门镇"`)
	sitetest.AssertFile(t, dest, "robots.txt", "Sitemap: "+base+"sitemap.xml", "Sitemap: "+base+"shimen/sitemap.xml")
	sitetest.AssertFile(t, dest, "sitemap.xml", base+"compare/", "! 404")
	sitetest.AssertFile(t, dest, "404.html", "页面不存在")
	sitetest.AssertFile(t, dest, "qingxi/index.html", "青溪镇政务公开")
	sitetest.AssertFile(t, dest, "shimen/cases/index.html", "石门综执罚〔2026〕1号")

	// The checksums listed are those of the files.
	sums, err := os.ReadFile(filepath.Join(dest, "data", "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		want, name, _ := strings.Cut(line, "  ")
		data, err := os.ReadFile(filepath.Join(dest, "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if h := sha256.Sum256(data); hex.EncodeToString(h[:]) != want {
			t.Errorf("%s: checksum differs", name)
		}
		n++
	}
	if n < 4 {
		t.Errorf("only %d checksums", n)
	}
	// No stage, lock or spare is left inside the output.
	for p := range files(t, dest) {
		if strings.HasPrefix(p, ".") && p != ".gongshi-files" || strings.Contains(p, "/.") && !strings.HasSuffix(p, "/.gongshi-files") {
			t.Errorf("left in the output: %s", p)
		}
	}
}

func TestTownInCountyIsTheTownBuiltAlone(t *testing.T) {
	src := writeCounty(t, "smallcounty.txtar")
	dest := buildCounty(t, src)
	for _, slug := range []string{"qingxi", "shimen"} {
		t.Run(slug, func(t *testing.T) {
			alone := filepath.Join(t.TempDir(), "public")
			_, err := build.Build(context.Background(), build.Options{Source: filepath.Join(src, "towns", slug), Dest: alone, BaseURL: base + slug + "/", Now: sitetest.Date})
			if err != nil {
				t.Fatal(err)
			}
			sameFiles(t, alone, filepath.Join(dest, slug))
		})
	}
}

// buildParts builds each town's part into its own folder.
func buildParts(t testing.TB, src string, slugs ...string) []string {
	t.Helper()
	var parts []string
	for _, slug := range slugs {
		o := opts(src, filepath.Join(t.TempDir(), "part-"+slug))
		o.Only = slug
		if _, err := county.Build(context.Background(), o); err != nil {
			t.Fatalf("part %s: %v", slug, err)
		}
		parts = append(parts, o.Dest)
	}
	return parts
}

func TestMergedPartsAreTheWholeBuild(t *testing.T) {
	src := writeCounty(t, "smallcounty.txtar")
	whole := buildCounty(t, src)
	parts := buildParts(t, src, "shimen", "qingxi")
	merged := filepath.Join(t.TempDir(), "public")
	if _, err := county.Merge(context.Background(), opts(src, merged), parts); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, whole, merged)
}

func TestMergeRefusesPartsThatDoNotMakeTheCounty(t *testing.T) {
	src := writeCounty(t, "smallcounty.txtar")
	parts := buildParts(t, src, "qingxi", "shimen")
	// A part of a town another county has.
	other := writeCounty(t, "smallcounty.txtar")
	if err := os.Rename(filepath.Join(other, "towns", "shimen"), filepath.Join(other, "towns", "baisha")); err != nil {
		t.Fatal(err)
	}
	foreign := buildParts(t, other, "baisha")[0]
	// A part of another county config.
	changed := writeCounty(t, "smallcounty.txtar")
	cfg := filepath.Join(changed, "site.toml")
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, bytes.Replace(data, []byte("示例县乡镇政务公开"), []byte("示例县政务公开"), 1), 0o644)
	otherConfig := buildParts(t, changed, "shimen")[0]
	// A part another program built.
	oldProgram := copyPart(t, parts[1], func(p map[string]any) { p["program"] = "0.0.9+abc" })
	// A part of another day.
	otherDay := copyPart(t, parts[1], func(p map[string]any) { p["date"] = "2026-05-31" })
	// A part whose town files were changed.
	tampered := copyPart(t, parts[1], nil)
	os.WriteFile(filepath.Join(tampered, "shimen", "index.html"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(tampered, "shimen", ".gongshi-files"), []byte("gongshi-files 1\n"), 0o644)

	for _, tc := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"missing town", parts[:1], `no part of town "shimen"`},
		{"town not in county", []string{parts[0], parts[1], foreign}, `town "baisha" is not a town of this county`},
		{"two parts of one town", []string{parts[0], parts[1], parts[1]}, `a second part of town "shimen"`},
		{"other county config", []string{parts[0], otherConfig}, "built from a different county config"},
		{"other program", []string{parts[0], oldProgram}, "built by another program (0.0.9+abc); this is test"},
		{"other day", []string{parts[0], otherDay}, "built on 2026-05-31"},
		{"files changed", []string{parts[0], tampered}, "are not the ones this part was built with"},
		{"not a part", []string{parts[0], t.TempDir()}, "not a part"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			_, err := county.Merge(context.Background(), opts(src, dest), tc.parts)
			if !errors.Is(err, county.ErrRefused) {
				t.Fatalf("err = %v, want a refusal", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %q, want it to say %q", err, tc.want)
			}
			if _, err := os.Stat(dest); err == nil {
				t.Errorf("a refused merge wrote %s", dest)
			}
		})
	}
}

// copyPart copies a part, editing its manifest with edit.
func copyPart(t testing.TB, part string, edit func(map[string]any)) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "part")
	err := filepath.WalkDir(part, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(part, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		mf := filepath.Join(dst, county.PartFile)
		data, _ := os.ReadFile(mf)
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		data, _ = json.Marshal(m)
		os.WriteFile(mf, data, 0o644)
	}
	return dst
}

func TestFailedTownFailsCountyWithItsDiagnostics(t *testing.T) {
	src := writeCounty(t, "smallcounty.txtar")
	dest := buildCounty(t, src)
	before := files(t, dest)
	bad := filepath.Join(src, "towns", "shimen", "data", "cases", "行政处罚.csv")
	data, _ := os.ReadFile(bad)
	os.WriteFile(bad, bytes.Replace(data, []byte("2026/04/10"), []byte("2026/13/45"), 1), 0o644)
	sum, err := county.Build(context.Background(), opts(src, dest))
	if !errors.Is(err, county.ErrData) {
		t.Fatalf("err = %v, want ErrData", err)
	}
	if !strings.Contains(err.Error(), "town shimen") {
		t.Errorf("err = %q does not name the town", err)
	}
	found := false
	for _, d := range sum.Diags {
		if strings.HasPrefix(d.String(), "towns/shimen/data/cases/行政处罚.csv:2:") && strings.Contains(d.String(), "error") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error at towns/shimen/data/cases/行政处罚.csv:2: in %v", sum.Diags)
	}
	if after := files(t, dest); len(after) != len(before) {
		t.Errorf("the failed build changed the output: %d files, %d before", len(after), len(before))
	}
	for p, h := range before {
		if files(t, dest)[p] != h {
			t.Errorf("%s changed", p)
			break
		}
	}
}

func TestCountyBuildIsDeterministic(t *testing.T) {
	src := writeCounty(t, "smallcounty.txtar")
	prev := runtime.GOMAXPROCS(1)
	one := buildCounty(t, src)
	runtime.GOMAXPROCS(max(prev, 4))
	many := buildCounty(t, src)
	runtime.GOMAXPROCS(prev)
	sameFiles(t, one, many)
}
