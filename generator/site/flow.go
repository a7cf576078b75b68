package site

import (
	"strings"

	"gongshi/generator/records"
	"gongshi/generator/value"
)

// standardFlows are the usual steps of each power category, shown when an
// item lists no 责任事项.
var standardFlows = map[string][]string{
	"行政处罚":   {"立案", "调查取证", "告知", "听证", "决定", "送达", "执行"},
	"行政许可":   {"申请", "受理", "审查", "决定", "送达", "监管"},
	"行政强制":   {"催告", "陈述申辩", "决定", "送达", "实施", "解除"},
	"行政征收":   {"调查", "核定", "通知", "征收", "监管"},
	"行政给付":   {"申请", "受理", "审核", "公示", "给付", "监管"},
	"行政检查":   {"计划", "检查", "处置", "反馈", "归档"},
	"行政确认":   {"申请", "受理", "审查", "确认", "送达"},
	"行政奖励":   {"推荐", "审核", "公示", "决定", "奖励"},
	"行政裁决":   {"申请", "受理", "调查", "裁决", "送达", "执行"},
	"其他行政权力": {"受理", "审查", "决定", "送达", "监管"},
	"公共服务":   {"受理", "办理", "办结", "评价"},
}

// PowerFlow returns the steps of an item's flow diagram and whether they come
// from its own 责任事项.
func PowerFlow(p *records.Power) ([]string, bool) {
	var steps []string
	for _, d := range value.SplitList(p.Duties) {
		// "1.立案责任：对…" → "立案"
		name := d
		if i := strings.IndexAny(name, "：:"); i > 0 {
			name = name[:i]
		}
		name = strings.TrimSuffix(name, "责任")
		name = strings.TrimSuffix(name, "环节")
		if r := []rune(name); len(r) > 0 && len(r) <= 10 {
			steps = append(steps, name)
		}
	}
	if len(steps) >= 2 {
		return steps, true
	}
	if f, ok := standardFlows[p.Category]; ok {
		return f, false
	}
	return standardFlows["其他行政权力"], false
}
