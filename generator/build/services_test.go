package build_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

// TestServiceOnlineLink builds service items with a 网办地址: an https
// address becomes an 在线办理 link that opens no window of its own and
// passes no opener; a javascript: address and a text are shown as text and
// never as a link; check warns about both, and about the 不用跑 item whose
// materials must be shown at the window, at the cell.
func TestServiceOnlineLink(t *testing.T) {
	archive := readArchive(t, "services.txtar")
	dest, _ := sitetest.Build(t, archive)
	sitetest.AssertFile(t, dest, "services/qx-fw-0001/index.html",
		`<a href="https://zwfw.example.gov.cn/qingxi/item/QX-FW-0001" rel="external noopener noreferrer">在线办理</a>`,
		"网办地址", "! target=")
	sitetest.AssertFile(t, dest, "services/qx-fw-0002/index.html",
		"javascript:alert(document.cookie)", "! 在线办理</a>", `! href="javascript`, "! #ZgotmplZ")
	sitetest.AssertFile(t, dest, "services/qx-fw-0003/index.html",
		"请登录浙里办搜索事项名称", "! 在线办理</a>")

	check, err := build.Check(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	build.WriteCheckText(&out, check, 0)
	text := out.String()
	for _, want := range []string{
		`data/services/政务服务.csv:3:6: warning: 申请材料: "残疾人证申领" is marked 不用跑 (到办事现场次数 0), but "居民身份证（原件，核验后退回）" asks for 原件 (and 1 more materials)`,
		`data/services/政务服务.csv:3:8: warning: 网办地址: "javascript:alert(document.cookie)" is not a web address`,
		`data/services/政务服务.csv:4:8: warning: 网办地址: "请登录浙里办搜索事项名称" is not a web address`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("check output lacks %s", want)
		}
	}
	if strings.Contains(text, "城乡居民基本养老保险参保登记\" is marked 不用跑") {
		t.Errorf("check warns about the item whose documents go online:\n%s", text)
	}
}

// TestPowerAndServiceLinkEachOther builds the small town, whose service
// item 结婚登记 is also a power item: each page links to the other.
func TestPowerAndServiceLinkEachOther(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "smalltown.txtar"))
	sitetest.AssertFile(t, dest, "services/s3469b9d4a0ee433/index.html",
		`本服务事项对应权力清单事项：<a href="/zfxxgk/qingxi/powers/p56a1d3fe27b77d7/">结婚登记</a>`)
	sitetest.AssertFile(t, dest, "powers/p56a1d3fe27b77d7/index.html",
		"本事项对应的政务服务事项", `href="/zfxxgk/qingxi/services/s3469b9d4a0ee433/"`)
}
