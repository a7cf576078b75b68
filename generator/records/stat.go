package records

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// StatRow is one number of a statistics table: the value of an indicator in
// a month, for an optional category and window.
type StatRow struct {
	Pos diag.Pos
	// Dataset is the file's base name without extension; each is a table.
	Dataset   string
	Month     string // YYYY-MM
	Category  string
	Window    string
	Indicator string
	Value     float64
}

// Stat dimension columns. Every other column of a long table is an indicator.
const (
	ColMonth     = "月份"
	ColStatCat   = "类别"
	ColWindow    = "窗口"
	ColIndicator = "指标"
)

// StatKind reads data/stats, in long (one row per month) or wide (one row per
// indicator, one column per month) layout.
var StatKind = Kind{
	Name:  "stats",
	Title: "统计数据",
	Schema: value.Schema{Kind: "统计", MinMatch: 1, OpenColumns: true, Columns: []value.Column{
		{Name: ColMonth, Aliases: []string{"月度", "统计月份", "年月", "时间", "统计期"}},
		{Name: ColStatCat, Aliases: []string{"分类", "事项类别", "业务类别", "类型"}},
		{Name: ColWindow, Aliases: []string{"窗口名称", "办理窗口", "部门窗口"}},
		{Name: ColIndicator, Aliases: []string{"项目", "统计指标", "指标名称", "统计项目"}},
	}, IsHeader: isMonthHeader},
	add: addStat,
}

var yearRe = regexp.MustCompile(`(20\d\d|19\d\d)\s*年?`)

// TableYear finds the year a table is about, from its title rows or file
// name, for month headers written as "3月". Zero when none.
func TableYear(t *value.Table) int {
	for _, s := range []string{t.Title, path.Base(t.File)} {
		if m := yearRe.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	return 0
}

func addStat(s *Set, r value.Row, dl *diag.List) {
	t := r.Table
	ds := strings.TrimSuffix(path.Base(t.File), path.Ext(t.File))
	if t.Sheet != "" && t.Sheet != "Sheet1" {
		ds += "-" + t.Sheet
	}
	year := TableYear(t)
	if t.Has(ColMonth) {
		month, err := value.ParseMonth(r.Value(ColMonth), year)
		if err != nil {
			dl.Errorf(r.Pos(ColMonth), "bad-month", "%s: %v", ColMonth, err)
			return
		}
		cat, win := r.Value(ColStatCat), r.Value(ColWindow)
		for i, h := range t.Columns {
			if h.Name != "" || h.Raw == "" || i >= len(r.Cells) {
				continue
			}
			v := strings.TrimSpace(r.Cells[i])
			if v == "" {
				continue
			}
			f, ok := parseNumber(v)
			if !ok {
				dl.Errorf(t.Pos(r.Line, i), "bad-number", "%s: %q is not a number", h.Raw, v)
				continue
			}
			s.Stats = append(s.Stats, StatRow{Pos: t.Pos(r.Line, i), Dataset: ds, Month: month, Category: cat, Window: win, Indicator: h.Raw, Value: f})
		}
		return
	}
	ind := r.Value(ColIndicator)
	if !t.Has(ColIndicator) {
		// A wide table whose indicator column has no header: the first
		// column that is not a month.
		for i, h := range t.Columns {
			if h.Name == "" && !isMonthHeader(h.Raw) && i < len(r.Cells) {
				ind = strings.TrimSpace(r.Cells[i])
				break
			}
		}
	}
	if ind == "" {
		dl.Warnf(r.RowPos(), "no-indicator", "%s: empty; row skipped", ColIndicator)
		return
	}
	cat, win := r.Value(ColStatCat), r.Value(ColWindow)
	for i, h := range t.Columns {
		if h.Name != "" || h.Raw == "" || i >= len(r.Cells) {
			continue
		}
		if n := value.NormalizeHeader(h.Raw); n == "合计" || n == "总计" || n == "累计" {
			continue
		}
		month, err := value.ParseMonth(h.Raw, year)
		if err != nil {
			continue // a note or unit column; reported once as unknown by ingest
		}
		v := strings.TrimSpace(r.Cells[i])
		if v == "" || v == "-" || v == "/" {
			continue
		}
		f, ok := parseNumber(v)
		if !ok {
			dl.Errorf(t.Pos(r.Line, i), "bad-number", "%s %s: %q is not a number", ind, h.Raw, v)
			continue
		}
		s.Stats = append(s.Stats, StatRow{Pos: t.Pos(r.Line, i), Dataset: ds, Month: month, Category: cat, Window: win, Indicator: ind, Value: f})
	}
}

// isMonthHeader reports whether a header cell names a month, as the columns
// of a wide table do.
func isMonthHeader(s string) bool {
	_, err := value.ParseMonth(s, 2000)
	return err == nil
}

// parseNumber reads counts and rates: "1,234", "98.5%", "98.5".
func parseNumber(v string) (float64, bool) {
	v = strings.ReplaceAll(strings.TrimSpace(v), ",", "")
	v = strings.TrimSuffix(v, "%")
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}
