package build_test

import (
	"context"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

func TestPortalIdentityInHeaderAndFooter(t *testing.T) {
	archive := strings.Replace(readArchive(t, "smalltown.txtar"), "[publisher]\n", "[publisher]\nbadge = \"/img/dzjg.png\"\nbadge_url = \"https://bszs.conac.cn/sitename?method=show&id=1\"\nicp = \"示ICP备00000000号\"\npublic_sec = \"示公网安备 00000000000000号\"\ncomplaints = \"0000-12345\"\nportal_name = \"示例县人民政府门户网站\"\nportal_url = \"https://www.example.gov.cn/\"\n", 1)
	withBadge := archive + "-- themes/default/static/img/dzjg.png --\nPNG\n"
	dest, _ := sitetest.Build(t, withBadge)
	b := prefix
	sitetest.AssertFile(t, dest, "index.html",
		`<a href="https://www.example.gov.cn/">示例县人民政府门户网站</a>`,
		`<img src="`+b+`img/dzjg.png" alt="党政机关网站标识"`,
		`<a href="https://bszs.conac.cn/sitename?method=show&amp;id=1" rel="noopener">`,
		`<a href="https://beian.miit.gov.cn/" rel="noopener">示ICP备00000000号</a>`,
		"示公网安备 00000000000000号", `<a href="tel:0000-12345">0000-12345</a>`,
		`href="`+b+`sitemap/">网站地图`, `href="`+b+`privacy/">隐私声明`, `href="`+b+`accessibility/">无障碍声明`,
		`<button type="button" class="elder-toggle" aria-pressed="false"`,
		`<script src="`+b+`js/elder.`, `.js"></script>`)
	sitetest.AssertFile(t, dest, "accessibility/index.html", "WCAG 2.1 AA", "?elder=1", `<meta name="ColumnName" content="无障碍声明">`)
	sitetest.AssertFile(t, dest, "privacy/index.html", "不设置 Cookie", "青溪镇人民政府")
	sitetest.AssertFile(t, dest, "sitemap/index.html", `href="`+b+`cases/2026/"`, `href="`+b+`stats/service-centre/"`, `href="`+b+`notices/welcome/"`)

	// A badge named in site.toml but not supplied is an error, not a dead image.
	_, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Dest: t.TempDir() + "/public", Now: sitetest.Date})
	if err == nil || !strings.Contains(err.Error(), "publisher.badge") {
		t.Errorf("build without the badge file: err = %v, want a publisher.badge error", err)
	}
}
