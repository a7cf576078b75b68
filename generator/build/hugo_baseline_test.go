package build_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/load"
	"gongshi/generator/records"
	"gongshi/generator/sample"
)

// TestWriteHugoBaseline writes the yardstick the speed target of the full
// build is set against: a Hugo site of one simple one-table page per
// decision of the sample town, read from one JSON file. It only runs when
// GONGSHI_HUGO_DIR names the folder to write (GONGSHI_HUGO_CASES sets the
// number of decisions, default 100000), and writes the sample town itself
// beside it, so both builds can be timed back to back on the same machine:
//
//	GONGSHI_HUGO_DIR=/tmp/yard go test -run WriteHugoBaseline ./generator/build
//	cd /tmp/yard/hugo && hugo --quiet -d /tmp/yard/hugo-out
//	gongshi build --no-cache --source /tmp/yard/town --dest /tmp/yard/out
func TestWriteHugoBaseline(t *testing.T) {
	dir, n := townEnv(t, "GONGSHI_HUGO_DIR", "GONGSHI_HUGO_CASES")
	town := filepath.Join(dir, "town")
	o := sample.DefaultOptions()
	o.Cases = n
	files := sampleTown(t, town, o)
	var rows []map[string]string
	for _, f := range files {
		if !strings.HasPrefix(f, "data/cases/") {
			continue
		}
		set, _, dl := load.ReadFile(os.DirFS(town), f, records.KindByName("cases"), nil)
		if dl.HasErrors() {
			t.Fatalf("%s: %v", f, dl)
		}
		for i := range set.Cases {
			c := &set.Cases[i]
			rows = append(rows, map[string]string{
				"id": c.ID(), "number": c.DecisionNo, "party": c.PartyName,
				"credit": c.CreditCode, "violation": c.Violation, "facts": c.Facts,
				"basis": c.Basis, "content": c.Content, "fine": c.Fine.String(),
				"authority": c.Authority, "date": c.DecisionDate.Format("2006-01-02"),
			})
		}
	}
	if len(rows) != n {
		t.Fatalf("read %d decisions from the sample town, want %d", len(rows), n)
	}
	data, err := json.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "hugo")
	write := func(name, text string) {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("data/cases.json", string(data))
	for name, text := range hugoBaseline {
		write(name, text)
	}
}

// hugoBaseline is the Hugo site around data/cases.json: a content adapter
// makes a page per decision, each a table of its fields; the section page
// lists them 50 to a page.
var hugoBaseline = map[string]string{
	"hugo.toml": `baseURL = "https://www.example.gov.cn/"
languageCode = "zh-CN"
title = "青溪镇政务公开"
disableKinds = ["taxonomy", "term"]
[pagination]
pagerSize = 50
`,
	"content/cases/_content.gotmpl": `{{ range hugo.Data.cases }}
{{ $.AddPage (dict "kind" "page" "path" .id "title" .number "date" .date "params" .) }}
{{ end }}
`,
	"layouts/baseof.html": `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"layouts/page.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<table><caption>{{ .Title }}</caption>
<tr><th scope="row">当事人</th><td>{{ .Params.party }}</td></tr>
<tr><th scope="row">统一社会信用代码</th><td>{{ .Params.credit }}</td></tr>
<tr><th scope="row">违法行为类型</th><td>{{ .Params.violation }}</td></tr>
<tr><th scope="row">违法事实</th><td>{{ .Params.facts }}</td></tr>
<tr><th scope="row">处罚依据</th><td>{{ .Params.basis }}</td></tr>
<tr><th scope="row">处罚内容</th><td>{{ .Params.content }}</td></tr>
<tr><th scope="row">罚款金额</th><td>{{ .Params.fine }}</td></tr>
<tr><th scope="row">处罚机关</th><td>{{ .Params.authority }}</td></tr>
<tr><th scope="row">决定日期</th><td>{{ .Date.Format "2006-01-02" }}</td></tr>
</table>{{ end }}
`,
	"layouts/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
	"layouts/home.html": `{{ define "main" }}<h1>{{ site.Title }}</h1><p><a href="{{ "cases/" | relURL }}">行政处罚</a></p>{{ end }}
`,
}
