package value

import (
	"errors"
	"fmt"
	"gongshi/generator/internal/numfmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// ErrEmpty is returned by the value parsers for an empty cell.
var ErrEmpty = errors.New("empty")

// excelEpoch is day 0 of Excel's 1900 date system (with its 1900 leap-year bug).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// FoldWidth folds full-width forms to half-width (and half-width katakana
// to full-width), as width.Fold does. ASCII is its own fold, and most cells
// of dates, amounts and codes are ASCII: they are returned as they are, where
// width.Fold would allocate.
func FoldWidth(s string) string {
	if !hasNonASCII(s) {
		return s
	}
	return width.Fold.String(s)
}

// ParseDate reads a date as exports write it: 2025-04-12, 2025/4/12,
// 2025.04.12, 2025年4月12日, 20250412, an Excel serial number, with or
// without a time of day. The result is a UTC midnight. The error quotes the
// cell as written.
func ParseDate(s string) (time.Time, error) {
	orig := strings.TrimSpace(s)
	s = strings.TrimSpace(FoldWidth(s))
	if s == "" {
		return time.Time{}, ErrEmpty
	}
	bad := fmt.Errorf("%q is not a date (expected e.g. 2025-04-12)", orig)
	if strings.Contains(s, "年") {
		s = strings.Join(strings.Fields(s), "")
		if i := strings.IndexAny(s, "日号"); i > 0 {
			s = s[:i] // a time of day may follow
		}
	} else if i := strings.IndexAny(s, " T"); i > 0 {
		// Drop a time of day.
		s = s[:i]
	}
	var parts []string
	switch {
	case strings.ContainsAny(s, "年月"):
		s = strings.NewReplacer("年", "-", "月", "-").Replace(s)
		parts = strings.Split(s, "-")
	case strings.ContainsAny(s, "-/."):
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
		if len(parts) == 2 && !strings.Contains(s, "-") && !strings.Contains(s, "/") {
			// "45123.5": an Excel serial with a fraction.
			return parseSerial(s, bad)
		}
	case len(s) == 8 && isDigits(s):
		parts = []string{s[:4], s[4:6], s[6:]}
	case isDigits(s) && len(s) == 5:
		return parseSerial(s, bad)
	default:
		return time.Time{}, bad
	}
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return time.Time{}, bad
	}
	y, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	d, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return time.Time{}, bad
	}
	return makeDate(orig, y, m, d)
}

func makeDate(s string, y, m, d int) (time.Time, error) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, fmt.Errorf("%q is not a date (expected e.g. 2025-04-12)", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, fmt.Errorf("%q is not a date: %d-%02d has no day %d", s, y, m, d)
	}
	return t, nil
}

// parseSerial reads an Excel serial date (days since 1899-12-30), accepting
// only 1954 to 2118 so that other numbers are not taken for dates.
func parseSerial(s string, bad error) (time.Time, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 20000 || f >= 80000 {
		return time.Time{}, bad
	}
	return excelEpoch.AddDate(0, 0, int(f)), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseMonth reads a month: 2025-03, 2025/3, 2025年3月, 202503, 3月 with
// the year taken from defaultYear (0 when unknown), or a whole date (a date
// cell in a month column) whose day is ignored. It returns "YYYY-MM".
func ParseMonth(s string, defaultYear int) (string, error) {
	orig := strings.TrimSpace(s)
	s = strings.Join(strings.Fields(FoldWidth(s)), "")
	if s == "" {
		return "", ErrEmpty
	}
	bad := fmt.Errorf("%q is not a month (expected e.g. 2025-03 or 2025年3月)", orig)
	s = strings.TrimSuffix(s, "份")
	var y, m int
	var err error
	switch {
	case strings.HasSuffix(s, "月") && !strings.Contains(s, "年"):
		if defaultYear == 0 {
			return "", fmt.Errorf("%q has no year, and none was found in the title or file name", orig)
		}
		y = defaultYear
		m, err = strconv.Atoi(strings.TrimSuffix(s, "月"))
	case strings.Contains(s, "年"):
		if t, derr := ParseDate(s); derr == nil {
			return t.Format("2006-01"), nil
		}
		s = strings.TrimSuffix(s, "月")
		a, b, _ := strings.Cut(s, "年")
		y, err = strconv.Atoi(a)
		if err == nil {
			m, err = strconv.Atoi(b)
		}
	case len(s) == 6 && isDigits(s):
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:])
	case len(s) == 5 && isDigits(s), len(s) == 8 && isDigits(s):
		t, derr := ParseDate(s)
		if derr != nil {
			return "", bad
		}
		return t.Format("2006-01"), nil
	default:
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
		if len(parts) == 3 {
			if t, derr := ParseDate(s); derr == nil {
				return t.Format("2006-01"), nil
			}
			return "", bad
		}
		if len(parts) != 2 || len(parts[0]) != 4 || len(parts[1]) > 2 {
			return "", bad
		}
		y, err = strconv.Atoi(parts[0])
		if err == nil {
			m, err = strconv.Atoi(parts[1])
		}
	}
	if err != nil || y < 1900 || y > 2200 || m < 1 || m > 12 {
		return "", bad
	}
	return fmt.Sprintf("%04d-%02d", y, m), nil
}

// Money is an amount in fen (分, 1/100 yuan), exact.
type Money int64

// Yuan returns the amount in yuan.
func (m Money) Yuan() float64 { return float64(m) / 100 }

// Plain writes the amount in yuan as a number a spreadsheet reads: no
// separators, no unit, no trailing zeros ("2000", "12.5").
func (m Money) Plain() string { return strconv.FormatFloat(m.Yuan(), 'f', -1, 64) }

// String formats the amount in yuan with thousands separators: "12,000元",
// "1,234.50元".
func (m Money) String() string {
	neg := m < 0
	if neg {
		m = -m
	}
	y, f := int64(m)/100, int64(m)%100
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(numfmt.Group(strconv.FormatInt(y, 10)))
	if f != 0 {
		fmt.Fprintf(&b, ".%02d", f)
	}
	b.WriteString("元")
	return b.String()
}

// ParseAmount reads a money amount. unit is the header's unit ("万元" or
// "元"; "" means defaultUnit). The cell may carry its own unit ("1.2万元",
// "人民币12000元"), thousands separators, full-width digits, or Chinese
// capital numerals ("壹万贰仟元整").
func ParseAmount(s, unit string) (Money, error) {
	s = strings.TrimSpace(FoldWidth(s))
	if s == "" {
		return 0, ErrEmpty
	}
	orig := s
	s = strings.TrimPrefix(s, "人民币")
	s = strings.TrimPrefix(s, "¥")
	s = strings.TrimPrefix(s, "￥")
	s = strings.TrimSuffix(s, "整")
	s = strings.TrimSuffix(s, "正")
	mult := 1.0
	switch {
	case strings.HasSuffix(s, "万元"):
		mult, s = 10000, strings.TrimSuffix(s, "万元")
	case strings.HasSuffix(s, "元"):
		s = strings.TrimSuffix(s, "元")
	case unit == "万元":
		mult = 10000
	}
	s = strings.ReplaceAll(s, ",", "")
	s = strings.ReplaceAll(s, " ", "")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		n, ok := parseChineseNumber(s)
		if !ok {
			return 0, fmt.Errorf("%q is not an amount (expected e.g. 2000 or 0.2)", orig)
		}
		v = n
	}
	if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) || v*mult > 1e13 {
		return 0, fmt.Errorf("%q is not an amount (expected e.g. 2000 or 0.2)", orig)
	}
	return Money(math.Round(v * mult * 100)), nil
}

var cnDigits = map[rune]float64{
	'零': 0, '〇': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3,
	'四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7,
	'八': 8, '捌': 8, '九': 9, '玖': 9,
}

var cnUnits = map[rune]float64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '角': 0.1, '分': 0.01}

// parseChineseNumber reads numerals like 壹万贰仟伍佰元 (the 元 already cut).
func parseChineseNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	var total, section, digit float64
	seen := false
	for _, r := range s {
		if d, ok := cnDigits[r]; ok {
			digit = d
			seen = true
			continue
		}
		switch r {
		case '元', '圆':
			section += digit
			digit = 0
			continue
		case '万', '萬':
			total += (section + digit) * 1e4
			section, digit = 0, 0
			continue
		case '亿':
			total = (total + section + digit) * 1e8
			section, digit = 0, 0
			continue
		}
		u, ok := cnUnits[r]
		if !ok {
			return 0, false
		}
		if digit == 0 && u == 10 {
			digit = 1 // 十二 = 12
		}
		section += digit * u
		digit = 0
		seen = true
	}
	return total + section + digit, seen
}

// ParseBool reads yes/no cells: 是/否, √/×, Y/N, true/false, 1/0, 有/无.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(FoldWidth(s))) {
	case "是", "√", "y", "yes", "true", "1", "有", "✓", "可以", "支持":
		return true, nil
	case "否", "×", "x", "n", "no", "false", "0", "无", "不支持", "不可以":
		return false, nil
	case "":
		return false, ErrEmpty
	}
	return false, fmt.Errorf("%q is not yes or no (expected 是 or 否)", s)
}

// SplitList splits a numbered multi-line cell ("1.…\n2.…", "（1）…") into
// its items, without their numbers. A cell without numbering or line breaks is
// one item.
func SplitList(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		l = stripNumber(l)
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func stripNumber(l string) string {
	r := []rune(l)
	f := []rune(FoldWidth(l))
	if len(f) != len(r) {
		return l
	}
	// (1) or （1）
	if f[0] == '(' {
		for j := 2; j < len(f) && j < 6; j++ {
			if f[j] == ')' {
				if isNumeral(string(f[1:j])) {
					return strings.TrimSpace(string(r[j+1:]))
				}
				break
			}
		}
		return l
	}
	i := 0
	for i < len(f) && f[i] >= '0' && f[i] <= '9' {
		i++
	}
	if i == 0 {
		// 一、 二、
		if len(r) > 2 && strings.ContainsRune("一二三四五六七八九十", r[0]) && (r[1] == '、' || r[1] == '.') {
			return strings.TrimSpace(string(r[2:]))
		}
		return l
	}
	if i < len(f) && strings.ContainsRune("、.)．。", f[i]) {
		return strings.TrimSpace(string(r[i+1:]))
	}
	return l
}

func isNumeral(s string) bool {
	if isDigits(s) {
		return true
	}
	for _, r := range s {
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			return false
		}
	}
	return s != ""
}

// SplitCategories splits a penalty-category cell on ; ； 、 , and ，.
func SplitCategories(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == '；' || r == '、' || r == ',' || r == '，' || r == '\n'
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
