package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

func checkText(t *testing.T, o build.Options) string {
	t.Helper()
	sum, err := build.Check(context.Background(), o)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	var out bytes.Buffer
	build.WriteCheckText(&out, sum, 0)
	return out.String()
}

// TestRulesFromSiteSettings builds a site whose site.toml changes the
// publication rules: the decisions follow them, gongshi check names the
// capped 公示截止期, the possibly-simple decision and the late one, and
// the rules page states the settings, not the defaults.
func TestRulesFromSiteSettings(t *testing.T) {
	archive := readArchive(t, "rules.txtar")
	dest, sum := sitetest.Build(t, archive)
	until := map[string]string{}
	for _, c := range sum.Result.Cases {
		until[c.DecisionNo] = c.PublishUntil.Format("2006-01-02")
	}
	want := map[string]string{
		"青溪综执罚〔2026〕201号": "2026-08-25", // small fine: 3 months
		"青溪综执罚〔2026〕202号": "2028-11-27", // 公示截止期 capped at 30 months
		"青溪综执罚〔2026〕203号": "2031-05-28", // 限制从业 for its own length
		"青溪综执罚〔2026〕205号": "2026-10-01", // 罚款: 6 months
	}
	if len(until) != len(want) {
		t.Errorf("published %v, want %v", until, want)
	}
	for no, w := range want {
		if until[no] != w {
			t.Errorf("%s published until %q, want %s", no, until[no], w)
		}
	}

	text := checkText(t, build.Options{SourceFS: sitetest.Source(archive), Now: sitetest.Date, Dest: filepath.Join(t.TempDir(), "none")})
	for _, w := range []string{
		"data/cases/处罚.csv:3: warning: 青溪综执罚〔2026〕202号: 公示截止期 2031-12-31 is past the rule maximum; publication stops on 2028-11-27",
		"可能适用简易程序: 1\n    青溪综执罚〔2026〕204号  (data/cases/无程序.csv:2)",
		"withheld (disclosure.withhold_possibly_simple): 1\n  青溪综执罚〔2026〕204号  (data/cases/无程序.csv:2)",
		"data/cases/无程序.csv:3: warning: 1 decisions are first published by this build more than 7 working days after their decision date",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("check output lacks %q", w)
		}
	}
	intro := sitetest.Source(archive)
	intro["content/notices/disclosure-rules.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"公示规则\"\n+++\n罚款公示期限为1年。\n")}
	if text := checkText(t, build.Options{SourceFS: intro, Now: sitetest.Date, Dest: filepath.Join(t.TempDir(), "none")}); !strings.Contains(text, "content/notices/disclosure-rules.md: warning: the text mentions \"公示期限\"") {
		t.Errorf("check does not warn about rules in the introduction:\n%s", text)
	}
	if strings.Contains(text, "刘德明") || strings.Contains(text, "11010519491231002X") {
		t.Error("check output prints personal data")
	}

	sitetest.AssertFile(t, dest, "notices/disclosure-rules/index.html",
		"罚款：6个月", "警告：3个月", "其他处罚类别：2年", "自处罚决定作出之日起2年6个月",
		"较低数额罚款", "10,000元", "5,000元", "数据未注明适用程序", "“张*”", "“欧阳*”", "7个工作日", "3日内",
		"! 罚款：1年", "! 张某某", "! 适用简易程序的决定同样公示")
	sitetest.AssertFile(t, dest, "cases/index.html", "/notices/disclosure-rules/")
	sitetest.AssertFile(t, dest, "cases/"+caseID(t, sum, "青溪综执罚〔2026〕203号")+"/index.html", "刘*", "! 刘德明", "首次公开", "2031年5月28日")
}

// TestRulesPageFollowsSettings builds one site twice, with the default
// rules and with changed periods: the rules page changes with them.
func TestRulesPageFollowsSettings(t *testing.T) {
	src := sitetest.Source(readArchive(t, "disclosure.txtar"))
	build1 := func(fsys fstest.MapFS) string {
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := build.Build(context.Background(), build.Options{SourceFS: fsys, Dest: dest, Now: sitetest.Date}); err != nil {
			t.Fatal(err)
		}
		return dest
	}
	dest := build1(src)
	sitetest.AssertFile(t, dest, "notices/disclosure-rules/index.html", "罚款：1年", "通报批评：3个月", "其他处罚类别：3年", "违法情节为“轻微”的决定", "“张某某”",
		"适用简易程序（当场作出）的决定", "仅给予警告的决定", "数据未注明适用程序的决定，按适用普通程序的决定公示", "! 较低数额罚款", "! 数据未注明适用程序、")
	changed := fstest.MapFS{}
	for k, v := range src {
		changed[k] = v
	}
	toml := string(src["site.toml"].Data) + "\n[disclosure]\npublish_simple = true\npublish_warning_only = true\n[disclosure.periods]\n\"罚款\" = 18\ndefault = 30\n[disclosure.severity]\n\"一般\" = [6, 18]\n"
	changed["site.toml"] = &fstest.MapFile{Data: []byte(toml)}
	dest = build1(changed)
	sitetest.AssertFile(t, dest, "notices/disclosure-rules/index.html", "罚款：1年6个月", "其他处罚类别：2年6个月", "违法情节为“一般”的：公示期限不少于6个月、不超过1年6个月",
		"适用简易程序的决定同样公示", "仅给予警告的决定同样公示", "! 罚款：1年<", "! 适用简易程序（当场作出）的决定")
}

// TestFirstPublishedKeptAcrossBuilds builds a site, then builds it again
// twelve days later with two decisions added and one withdrawn: the
// decisions of the first build keep its date as their first-published
// date, the new ones get the second's, and the second build warns about
// the late new decision and the late withdrawal.
func TestFirstPublishedKeptAcrossBuilds(t *testing.T) {
	archive := readArchive(t, "rules.txtar")
	dest, _ := sitetest.Build(t, archive)
	src := sitetest.Source(archive)
	later := sitetest.Date.AddDate(0, 0, 14) // 2026-06-15
	csv := string(src["data/cases/处罚.csv"].Data) +
		"青溪镇新增商贸有限公司,法人及非法人组织,,,,青溪综执罚〔2026〕206号,占道经营,占道经营,《城市市容和环境卫生管理条例》第三十六条,罚款,罚款20000元,2,2026/06/10,,,青溪镇人民政府,普通程序\n" +
		"青溪镇补录商贸有限公司,法人及非法人组织,,,,青溪综执罚〔2026〕207号,占道经营,占道经营,《城市市容和环境卫生管理条例》第三十六条,罚款,罚款20000元,2,2026/05/04,,,青溪镇人民政府,普通程序\n"
	src["data/cases/处罚.csv"] = &fstest.MapFile{Data: []byte(csv)}
	src["data/withdrawals/撤回.csv"] = &fstest.MapFile{Data: []byte("行政处罚决定书文号,撤回原因,撤回日期\n青溪综执罚〔2026〕205号,行政复议撤销,2026/06/05\n")}
	o := build.Options{SourceFS: src, Dest: dest, Now: later}
	text := checkText(t, o)
	for _, w := range []string{
		"data/cases/处罚.csv:6: warning: 青溪综执罚〔2026〕207号: decided 2026-05-04, first published 2026-06-15, 30 working days later: want at most 7",
		"data/withdrawals/撤回.csv:2: warning: 青溪综执罚〔2026〕205号: 撤回日期 2026-06-05, withdrawn by this build on 2026-06-15, 10 days later: want at most 3",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("check output lacks %q in\n%s", w, text)
		}
	}
	if strings.Contains(text, "206号: decided") || strings.Contains(text, "201号: decided") {
		t.Errorf("check warns about a decision published in time or before:\n%s", text)
	}
	sum, err := build.Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	first := func(no string) string {
		data, err := os.ReadFile(filepath.Join(dest, "cases", caseID(t, sum, no), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		i := strings.Index(s, "首次公开")
		if i < 0 {
			t.Fatalf("%s: no first-published date", no)
		}
		return s[i:min(len(s), i+80)]
	}
	for no, want := range map[string]string{"青溪综执罚〔2026〕201号": "2026年6月1日", "青溪综执罚〔2026〕203号": "2026年6月1日", "青溪综执罚〔2026〕206号": "2026年6月15日"} {
		if got := first(no); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want first published %s", no, got, want)
		}
	}
}

func caseID(t *testing.T, sum *build.Summary, no string) string {
	t.Helper()
	for _, c := range sum.Result.Cases {
		if c.DecisionNo == no {
			return c.ID
		}
	}
	t.Fatalf("%s is not published", no)
	return ""
}
