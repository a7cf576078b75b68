package build_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
	"gongshi/generator/internal/sitetest"
)

func TestChartsRenderInBrowser(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "smalltown.txtar"))
	b := browsertest.New(t, dest, "/zfxxgk/qingxi/")
	for _, page := range []string{"stats/service-centre/", "stats/enforcement/", "stats/powers/"} {
		t.Run(page, func(t *testing.T) {
			b.Reset()
			var svgs int
			b.Run(t,
				chromedp.Navigate(b.Base+"/zfxxgk/qingxi/"+page),
				chromedp.WaitVisible(".chart svg", chromedp.ByQuery),
				chromedp.Evaluate(`document.querySelectorAll(".chart svg").length`, &svgs),
			)
			if svgs == 0 {
				t.Error("no chart drawn")
			}
			b.AssertNoExternalRequests(t)
			for _, e := range b.ConsoleErrors() {
				t.Errorf("console: %s", e)
			}
		})
	}
}
