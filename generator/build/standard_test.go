package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
	"gongshi/generator/output"
)

// TestStandardFilesDeterministic builds the town on one core and on
// several: the standard files are the same bytes.
func TestStandardFilesDeterministic(t *testing.T) {
	src := sitetest.Source(readArchive(t, "standard.txtar"))
	var outs [2][]byte
	for i, procs := range []int{1, runtime.NumCPU() * 2} {
		old := runtime.GOMAXPROCS(procs)
		dest := filepath.Join(t.TempDir(), "public")
		_, err := build.Build(context.Background(), build.Options{SourceFS: src, Dest: dest, Now: sitetest.Date})
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"xzcf.csv", "xzxk.csv"} {
			data, err := os.ReadFile(filepath.Join(dest, "data", "standard", name))
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = append(outs[i], data...)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("the standard files differ between GOMAXPROCS 1 and N")
	}
}

// TestStandardFiles builds a town with penalty decisions and licences of a
// natural person and of an organisation: the standard files hold them in
// the standard's layout, masked as the site shows them, without the
// withdrawn decision, the revoked licence or any never-published column;
// /data/ lists them; and the leak gate scans them as every output file.
// Refresh the golden files with go test ./generator/build -update and
// review the diff.
func TestStandardFiles(t *testing.T) {
	dest, sum := sitetest.Build(t, readArchive(t, "standard.txtar"))
	if len(sum.Result.Cases) != 2 || len(sum.Result.Items["licences"]) != 2 {
		t.Fatalf("published %d decisions and %d licences, want 2 and 2", len(sum.Result.Cases), len(sum.Result.Items["licences"]))
	}
	not := []string{"! 张三丰", "! 李四光", "! 王大锤", "! 11010519491231002X", "! 13912345678", "! 撤销有限公司", "! 吊销有限公司", "! ZJHM", "! ZJLX", "! 证件"}
	sitetest.AssertFile(t, dest, "data/standard/xzcf.csv", append(not,
		"\ufeffCF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_XDR_GSZC,CF_XDR_ZZJG,CF_XDR_SWDJ,CF_XDR_SYDW,CF_XDR_SHZZ,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_NR_WFFF,CF_NR_ZKDX,CF_JDRQ,CF_YXQ,CF_GSJZQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM,BZ\r\n",
		"张某某,自然人,,,,,,,,青溪综执罚〔2026〕4号,露天焚烧秸秆,张某某在青溪村露天焚烧秸秆",
		",罚款,罚款500元,0.05,,,2026/04/02,2026/10/02,",
		"示例市青石商贸有限公司,法人及非法人组织,91350100M000100Y43,,,,,,林示例,青溪综执罚〔2026〕3号",
		"警告;罚款,警告，罚款2000元,0.2,0.015,,2026/03/15,2099/12/31,2027/03/15,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,'=已缴清\r\n")...)
	sitetest.AssertFile(t, dest, "data/standard/xzxk.csv", append(not,
		"\ufeffXK_XDR_MC,XK_XDR_LB,XK_XDR_SHXYM,XK_XDR_GSZC,XK_XDR_ZZJG,XK_XDR_SWDJ,XK_XDR_SYDW,XK_XDR_SHZZ,XK_FRDB,XK_XKWS,XK_WSH,XK_XKLB,XK_XKZS,XK_XKBH,XK_NR,XK_JDRQ,XK_YXQZ,XK_YXQZI,XK_XKJG,XK_XKJGDM,XK_ZT,XK_LYDW,XK_LYDWDM,BZ\r\n",
		"李某某,自然人,,,,,,,,小餐饮登记决定书,青溪许〔2026〕19号,登记,小餐饮登记证,XC2026019,李某某在青溪村经营小餐饮,2026/04/20,2026/04/20,2099/12/31,",
		"示例县青溪镇老街面馆,个体工商户,92330000MA0000000X,,,,,,王某某,食品经营许可决定书,青溪许〔2026〕18号,普通,食品经营许可证,JY23300000000000,热食类食品制售,2026/03/12,2026/03/12,2031/03/11,")...)
	sitetest.AssertFile(t, dest, "data/index.html", "双公示标准格式", "报送省级信用平台",
		`href="/zfxxgk/qingxi/data/standard/xzcf.csv"`, "行政处罚决定（CSV，2 条）",
		`href="/zfxxgk/qingxi/data/standard/xzxk.csv"`, "行政许可决定（CSV，2 条）", "XK_YXQZI")
	for _, name := range []string{"xzcf.csv", "xzxk.csv"} {
		got, err := os.ReadFile(filepath.Join(dest, "data", "standard", name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "golden", "standard-"+name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		if string(got) != string(want) {
			t.Errorf("data/standard/%s differs from %s; run go test ./generator/build -update and review the diff", name, path)
		}
	}
	// Every file the build wrote went through the gate, the search
	// index's term shards (bigrams, never whole text) and the stage's own
	// list of files aside.
	n := 0
	for _, f := range sitetest.Files(t, dest) {
		if !(strings.HasPrefix(f, "search/index/") && strings.HasSuffix(f, ".bin")) && "/"+f != output.IndexPath {
			n++
		}
	}
	if int(sum.Gate.Files) != n {
		t.Errorf("the leak gate scanned %d files of the %d written", sum.Gate.Files, n)
	}
}
