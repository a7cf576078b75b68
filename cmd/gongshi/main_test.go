package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"build", "--nope"}, {"new"}, {"sample"}, {"check", "--format", "xml"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if code, _, _ := runArgs(t, args...); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
		})
	}
}

func TestHelpAndVersionExitZero(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"help"}, {"build", "--help"}, {"serve", "-h"}} {
		if code, _, _ := runArgs(t, args...); code != 0 {
			t.Errorf("%v: exit %d, want 0", args, code)
		}
	}
}

func TestNewSiteBuildsAndBadDataExitsOne(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "town")
	if code, out, errs := runArgs(t, "new", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := runArgs(t, "build", "--source", dir); code != 0 {
		t.Fatalf("build of a new site: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Fatal(err)
	}
	bad := "行政相对人名称,行政处罚决定书文号,处罚决定日期,处罚机关\n某公司,罚〔2026〕1号,2026-13-01,镇政府\n"
	if err := os.WriteFile(filepath.Join(dir, "data", "cases", "a.csv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runArgs(t, "build", "--source", dir)
	if code != 1 || !strings.Contains(errs, "data/cases/a.csv:2:3: error: 处罚决定日期") {
		t.Errorf("bad data: exit %d, stderr:\n%s", code, errs)
	}
	code, out, _ := runArgs(t, "check", "--source", dir, "--format", "json")
	var doc struct {
		Errors      int `json:"errors"`
		Diagnostics []struct {
			Pos struct {
				File string `json:"file"`
				Row  int    `json:"row"`
			} `json:"pos"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 1 || doc.Errors == 0 {
		t.Errorf("check --format json: exit %d, %v\n%s", code, err, out)
	}
}

func TestSampleWritesATown(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runArgs(t, "sample", "--cases", "50", "--seed", "7", dir)
	if code != 0 || !strings.Contains(out, "wrote 50 decisions") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
}

func TestCountyBuildPartsAndMerge(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "county")
	for _, slug := range []string{"east", "west"} {
		if code, out, errs := runArgs(t, "new", filepath.Join(dir, "towns", slug)); code != 0 {
			t.Fatalf("new: exit %d\n%s%s", code, out, errs)
		}
	}
	county := "title = \"示例县乡镇政务公开\"\nbase_url = \"https://www.example.gov.cn/\"\n[county]\nname = \"示例县\"\n"
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(county), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runArgs(t, "build", "--source", dir); code != 0 {
		t.Fatalf("county build: exit %d\n%s", code, errs)
	}
	for _, f := range []string{"index.html", "compare/index.html", "east/index.html", "west/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", f)); err != nil {
			t.Error(err)
		}
	}
	part := filepath.Join(t.TempDir(), "east")
	if code, _, errs := runArgs(t, "build", "--source", dir, "--only", "east", "--dest", part); code != 0 {
		t.Fatalf("part: exit %d\n%s", code, errs)
	}
	code, _, errs := runArgs(t, "merge", "--source", dir, "--dest", filepath.Join(t.TempDir(), "out"), part)
	if code != 1 || !strings.Contains(errs, `no part of town "west"`) {
		t.Errorf("merge without west: exit %d, stderr:\n%s", code, errs)
	}
	if code, _, _ := runArgs(t, "merge", "--source", dir); code != 2 {
		t.Errorf("merge without parts: exit %d, want 2", code)
	}
	if code, _, errs := runArgs(t, "build", "--source", filepath.Join(dir, "towns", "east"), "--only", "east"); code != 2 {
		t.Errorf("--only on a town site: exit %d, want 2\n%s", code, errs)
	}
}

func TestSampleWritesACounty(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runArgs(t, "sample", "--cases", "20", "--county", "2", dir)
	if code != 0 || !strings.Contains(out, "wrote a county of 2 towns") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, f := range []string{"site.toml", "towns/qingxi/site.toml", "towns/fenglin/site.toml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}
