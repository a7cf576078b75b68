package sitecheck

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
)

// WCAG21AA are the axe-core rule tags of WCAG 2.0 and 2.1, levels A and AA.
var WCAG21AA = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Violation is one failed axe rule with the elements that fail it.
type Violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target         []any  `json:"target"`
		FailureSummary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 5 {
			fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-5)
			break
		}
		fmt.Fprintf(&b, "\n    %v: %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", " "))
	}
	return b.String()
}

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// Axe runs axe-core (node_modules/axe-core/axe.min.js) with the given rule
// tags on the page the browser shows and returns the violations.
func Axe(t testing.TB, b *browsertest.Browser, tags []string) []Violation {
	t.Helper()
	path := NodeModule(t, "axe-core/axe.min.js")
	axeOnce.Do(func() {
		var data []byte
		data, axeErr = os.ReadFile(path)
		axeSrc = string(data)
	})
	if axeErr != nil {
		t.Fatal(axeErr)
	}
	tj, _ := json.Marshal(tags)
	var out string
	b.Run(t,
		chromedp.Evaluate(axeSrc+";0", nil),
		chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: `+string(tj)+`}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`,
			&out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	var vs []Violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe result: %v", err)
	}
	return vs
}
