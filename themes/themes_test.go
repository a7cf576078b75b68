package themes

import (
	"testing"
	"testing/fstest"
)

func TestDefaultThemeFS(t *testing.T) {
	if err := fstest.TestFS(Default(), "layouts/baseof.html", "static/css/site.css", "static/js/site.js", "i18n/zh-CN.toml", "static/vendor/echarts/echarts.common.min.js"); err != nil {
		t.Fatal(err)
	}
}
