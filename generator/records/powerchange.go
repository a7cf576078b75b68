package records

import (
	"slices"
	"strings"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// Types of a power change (三单动态管理, DESIGN.md §3.10).
const (
	ChangeAdd     = "新增"
	ChangeTake    = "收回"
	ChangeAbolish = "取消"
	ChangeAdjust  = "调整"
	ChangePause   = "暂停"
)

// PowerChangeTypes are the types of a power change, in the order pages
// explain them.
var PowerChangeTypes = []string{ChangeAdd, ChangeTake, ChangeAbolish, ChangeAdjust, ChangePause}

// changeSpellings maps the words exports use onto PowerChangeTypes.
var changeSpellings = map[string]string{
	"新增": ChangeAdd, "增加": ChangeAdd, "下放": ChangeAdd, "承接": ChangeAdd, "新增事项": ChangeAdd,
	"收回": ChangeTake, "上收": ChangeTake, "收回事项": ChangeTake, "已收回": ChangeTake,
	"取消": ChangeAbolish, "废止": ChangeAbolish, "删除": ChangeAbolish, "已取消": ChangeAbolish, "取消事项": ChangeAbolish,
	"调整": ChangeAdjust, "变更": ChangeAdjust, "修改": ChangeAdjust, "调整事项": ChangeAdjust,
	"暂停": ChangePause, "暂停实施": ChangePause, "暂缓": ChangePause, "暂停行使": ChangePause,
}

// NormalizeChangeType maps a 调整类型 or 事项状态 cell onto
// PowerChangeTypes, "" when it is not one.
func NormalizeChangeType(s string) string {
	return changeSpellings[strings.TrimSpace(value.FoldWidth(s))]
}

// PowerChange is one change of a power item: a row of the register in
// data/powers, or the status columns of the list itself.
type PowerChange struct {
	Pos     diag.Pos
	Code    string
	Name    string
	SubName string
	// Type is one of PowerChangeTypes.
	Type string
	// Date is the day the change took effect; zero when not given.
	Date time.Time
	// Doc is the document that made the change (某县府发〔2025〕12号).
	Doc    string
	Reason string
	// Successor is who exercises the power after it was taken back.
	Successor string
}

// Ends reports whether the change ends the town's exercise of the power.
func (c *PowerChange) Ends() bool { return c.Type == ChangeTake || c.Type == ChangeAbolish }

// ID is the ID of the power item the change concerns, as Power.ID.
func (c *PowerChange) ID() string { return (&Power{Code: c.Code, SubName: c.SubName}).ID() }

// Title is the item's name with its sub-item.
func (c *PowerChange) Title() string {
	return (&Power{Name: c.Name, SubName: c.SubName}).Title()
}

// PowerChangeKind reads the power-change register (权力事项调整记录) that
// may sit in data/powers beside the list: a file is read as the register
// when its header matches the register's columns better than the list's
// (Kind.Also).
var PowerChangeKind = Kind{
	Name:  "powers",
	Title: "权力事项调整记录",
	Schema: value.Schema{Kind: "权力事项调整记录", MinMatch: 3, Columns: []value.Column{
		{Name: "事项编码", Required: true, Aliases: []string{"权力编码", "权力事项编码", "编码", "基本编码", "事项代码", "职权编码"}},
		{Name: "事项名称", Required: true, Aliases: []string{"权力名称", "权力事项名称", "职权名称", "权责事项名称"}},
		{Name: "子项名称", Aliases: []string{"子项"}},
		{Name: "调整类型", Required: true, Aliases: []string{"变更类型", "调整方式", "调整情况", "动态调整类型"}},
		{Name: "调整日期", Aliases: []string{"变更日期", "调整时间", "生效日期", "调整生效日期"}},
		{Name: "调整文件", Aliases: []string{"调整依据", "调整文件文号", "依据文件", "文件文号", "批准文件"}},
		{Name: "调整理由", Aliases: []string{"调整原因", "理由", "原因", "调整说明"}},
		{Name: "承接单位", Aliases: []string{"现行使主体", "收回后行使主体", "承接主体", "行使主体"}},
	}},
	add: addPowerChange,
}

func addPowerChange(s *Set, r value.Row, dl *diag.List) {
	c, ok := readChange(r, "调整类型", dl)
	if c.Code == "" {
		dl.Errorf(r.Pos("事项编码"), "required", "事项编码: required value is empty")
	}
	if c.Name == "" {
		dl.Errorf(r.Pos("事项名称"), "required", "事项名称: required value is empty")
	}
	if ok {
		s.PowerChanges = append(s.PowerChanges, c)
	}
}

// readChange reads the change columns of a register row or of a list row
// whose status column is col. ok is false when the row records no change.
func readChange(r value.Row, col string, dl *diag.List) (c PowerChange, ok bool) {
	c = PowerChange{
		Pos:       r.RowPos(),
		Code:      strings.TrimSpace(r.Value("事项编码")),
		Name:      strings.TrimSpace(r.Value("事项名称")),
		SubName:   strings.TrimSpace(r.Value("子项名称")),
		Doc:       strings.TrimSpace(r.Value("调整文件")),
		Reason:    strings.TrimSpace(r.Value("调整理由")),
		Successor: strings.TrimSpace(r.Value("承接单位")),
	}
	raw := strings.TrimSpace(r.Value(col))
	if raw == "" || raw == "正常" || raw == "有效" || raw == "在用" || raw == "现行" {
		if col == "调整类型" {
			dl.Errorf(r.Pos(col), "required", "%s: required value is empty; want %s", col, strings.Join(PowerChangeTypes, "、"))
		}
		return c, false
	}
	c.Type = NormalizeChangeType(raw)
	if c.Type == "" {
		dl.Errorf(r.Pos(col), "change-type", "%s: want %s (or 正常), got %q", col, strings.Join(PowerChangeTypes, "、"), raw)
		return c, false
	}
	if d := strings.TrimSpace(r.Value("调整日期")); d != "" {
		t, err := value.ParseDate(d)
		if err != nil {
			dl.Errorf(r.Pos("调整日期"), "bad-date", "调整日期: %v", err)
		} else {
			c.Date = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	if c.Date.IsZero() {
		dl.Warnf(r.Pos("调整日期"), "change-undated", "%s %s: no 调整日期, so the page cannot say when it happened", c.Code, c.Type)
	}
	return c, true
}

// PowerHistory is what the register and the list say about one power item.
type PowerHistory struct {
	// Changes are the item's changes, oldest first (undated ones first).
	Changes []PowerChange
	// Ended is the change that ended the town's exercise of the item (the
	// latest change, when it is 收回 or 取消 and took effect on or before
	// the build date); nil while the town exercises it.
	Ended *PowerChange
}

// Histories groups changes by power ID, oldest first in each; a change
// dated after today is kept in the history but ends nothing yet.
func Histories(changes []PowerChange, today time.Time) map[string]*PowerHistory {
	out := map[string]*PowerHistory{}
	for _, c := range changes {
		h := out[c.ID()]
		if h == nil {
			h = &PowerHistory{}
			out[c.ID()] = h
		}
		h.Changes = append(h.Changes, c)
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	for _, h := range out {
		slices.SortStableFunc(h.Changes, func(a, b PowerChange) int { return a.Date.Compare(b.Date) })
		for i := len(h.Changes) - 1; i >= 0; i-- {
			c := &h.Changes[i]
			if c.Date.After(day) {
				continue
			}
			if c.Ends() {
				h.Ended = c
			}
			break
		}
	}
	return out
}

// CheckPowerChanges warns about register rows the power list contradicts:
// an item added, adjusted or paused that the list does not hold, and
// decisions that used an item after the town stopped exercising it (by
// 权力编码; a typo in the date or the code is likely). today is the build
// date.
func CheckPowerChanges(s *Set, today time.Time) diag.List {
	var dl diag.List
	if len(s.PowerChanges) == 0 {
		return dl
	}
	listed := map[string]bool{}
	for i := range s.Powers {
		listed[s.Powers[i].ID()] = true
	}
	for _, c := range s.PowerChanges {
		if !c.Ends() && !listed[c.ID()] && c.Code != "" {
			dl.Warnf(c.Pos, "change-unlisted", "%s %s: the power list has no item %s%s, so its page cannot show the change", c.Code, c.Type, c.Code, subText(c.SubName))
		}
	}
	ended := map[string]*PowerChange{}
	for id, h := range Histories(s.PowerChanges, today) {
		if h.Ended != nil && !h.Ended.Date.IsZero() {
			ended[id] = h.Ended
		}
	}
	if len(ended) == 0 {
		return dl
	}
	type late struct {
		n     int
		first Case
	}
	lates := map[string]*late{}
	for _, c := range s.Cases {
		e := ended[(&Power{Code: strings.TrimSpace(c.PowerCode)}).ID()]
		// Days compared as written: decision dates are in the site's zone.
		if c.PowerCode == "" || e == nil || c.DecisionDate.Format(time.DateOnly) <= e.Date.Format(time.DateOnly) {
			continue
		}
		l := lates[e.ID()]
		if l == nil {
			l = &late{first: c}
			lates[e.ID()] = l
		}
		l.n++
	}
	for _, c := range s.PowerChanges {
		if l := lates[c.ID()]; l != nil && ended[c.ID()] != nil && ended[c.ID()].Pos == c.Pos {
			dl.Warnf(c.Pos, "used-after-change", "%s was %s on %s, but %d decisions name it after that date (the first: %s %s at %s)", c.Code, c.Type, c.Date.Format("2006-01-02"), l.n, ColDecisionNo, l.first.DecisionNo, l.first.Pos)
		}
	}
	dl.Sort()
	return dl
}

func subText(sub string) string {
	if sub == "" {
		return ""
	}
	return "（" + sub + "）"
}
