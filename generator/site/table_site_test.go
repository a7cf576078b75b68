package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
)

// TestTablePublishesOnlyPublishedDecisions builds the small town: the
// table page and its row files hold the published decisions as published
// (a natural person masked), and neither the expired decision, nor the
// withdrawn one, nor any personal data.
func TestTablePublishesOnlyPublishedDecisions(t *testing.T) {
	archive, err := os.ReadFile(filepath.Join("..", "build", "testdata", "smalltown.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dest, _ := sitetest.Build(t, string(archive))
	sitetest.AssertFile(t, dest, "cases/table/index.html",
		`<h1>行政处罚决定数据表</h1>`, `data-meta="/zfxxgk/qingxi/cases/table/meta.`, `href="/zfxxgk/qingxi/data/cases.csv"`,
		`<option>罚款</option>`, `<option>青溪镇人民政府</option>`, "青溪综执罚〔2026〕5号", "张某某",
		"! 张三丰", "! 青溪综执罚〔2023〕9号", "! 青溪综执罚〔2026〕6号", "! <script>")
	sitetest.AssertFile(t, dest, "cases/index.html", `href="/zfxxgk/qingxi/cases/table/"`)
	files, _ := filepath.Glob(filepath.Join(dest, "cases", "table", "*.json"))
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	got := all.String()
	for _, want := range []string{"青溪综执罚〔2026〕3号", "青溪综执罚〔2026〕4号", "青溪综执罚〔2026〕5号", "张某某"} {
		if !strings.Contains(got, want) {
			t.Errorf("the row files lack %s", want)
		}
	}
	for _, absent := range []string{"张三丰", "李明", "11010519491231002X", "13912345678", "青溪综执罚〔2023〕9号", "青溪综执罚〔2026〕6号"} {
		if strings.Contains(got, absent) {
			t.Errorf("the row files hold %s", absent)
		}
	}
}
