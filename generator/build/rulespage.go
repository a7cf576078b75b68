package build

import (
	"bytes"

	"gongshi/generator/content"
	"gongshi/generator/diag"
	"gongshi/generator/disclose"
)

// ruleWords are phrases of a statement of publication rules. The page
// /notices/disclosure-rules/ states the rules the build applies; an
// introduction in content/ that states rules of its own can contradict
// them as soon as site.toml changes.
var ruleWords = []string{"公示期限", "个月", "不予公示", "简易程序", "某某", "公示截止"}

// rulesIntro warns when the introduction of the rules page states rules.
func rulesIntro(pages []content.Page) diag.List {
	var dl diag.List
	for _, p := range pages {
		if p.URL != disclose.RulesURL {
			continue
		}
		for _, w := range ruleWords {
			if bytes.Contains(p.Body, []byte(w)) {
				dl.Warnf(p.Src, "rules-intro", "the text mentions %q: %s shows this text above the rules the build applies (from site.toml), so rules written here can contradict them; keep an introduction only", w, disclose.RulesURL)
				break
			}
		}
	}
	return dl
}
