package disclose

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gongshi/generator/ident"
)

// compoundSurnames are two-character surnames kept whole when masking.
var compoundSurnames = []string{
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
	"宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "闻人", "万俟", "澹台", "公冶",
	"太史", "申屠", "端木", "独孤", "南宫", "西门", "百里", "呼延", "司空", "赫连",
}

// MaskName masks a natural person's name: 张三丰 → 张某某, 欧阳修 → 欧阳某某
// with mask "某某"; 张* with mask "*". Two or more names joined by 、 or ，
// are masked one by one.
func MaskName(name, mask string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if strings.ContainsAny(name, "、，,;；") {
		parts := strings.FieldsFunc(name, func(r rune) bool { return strings.ContainsRune("、，,;；", r) })
		for i, p := range parts {
			parts[i] = MaskName(p, mask)
		}
		return strings.Join(parts, "、")
	}
	surname := firstRunes(name, 1)
	for _, c := range compoundSurnames {
		if strings.HasPrefix(name, c) && utf8.RuneCountInString(name) > 2 {
			surname = c
			break
		}
	}
	if mask == "" {
		mask = "某某"
	}
	return surname + mask
}

func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

var (
	// 18-digit IDs (last may be X/x) and 15-digit IDs, allowing spaces or
	// dashes between groups as people type them.
	idRe = regexp.MustCompile(`\d{6}[\s-]?(?:19|20)\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{3}[\dXx]|\b\d{15}\b`)
	// Mobile numbers, optionally split 3-4-4.
	mobileRe = regexp.MustCompile(`(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}`)
	// Landlines: area code and number.
	landRe = regexp.MustCompile(`0\d{2,3}[\s-]\d{7,8}|\(0\d{2,3}\)\d{7,8}|（0\d{2,3}）\d{7,8}`)
	// Bank card numbers: 16–19 digits, possibly in groups of four.
	cardRe = regexp.MustCompile(`\b(?:\d{4}[\s-]?){3}\d{4}(?:[\s-]?\d{1,3})?\b|\b\d{16,19}\b`)
)

// Scrub removes personal data from free text: ID numbers, mobile and landline
// numbers, bank-card numbers, and each name in names (replaced by its mask).
// It reports whether it changed anything.
func Scrub(text string, names []string, mask string) (string, bool) {
	if text == "" {
		return text, false
	}
	orig := text
	text = idRe.ReplaceAllString(text, "[身份证号已隐去]")
	text = cardRe.ReplaceAllStringFunc(text, func(s string) string { return "[账号已隐去]" })
	text = mobileRe.ReplaceAllString(text, "[电话已隐去]")
	text = landRe.ReplaceAllString(text, "[电话已隐去]")
	for _, n := range names {
		if utf8.RuneCountInString(n) < 2 {
			continue
		}
		text = strings.ReplaceAll(text, n, MaskName(n, mask))
	}
	return text, text != orig
}

// ContainsID reports whether s holds a valid-checksum 18-digit ID number.
func ContainsID(s string) bool {
	for _, m := range idRe.FindAllString(s, -1) {
		m = strings.NewReplacer(" ", "", "-", "").Replace(m)
		if len(m) == 18 && ident.ValidID(m) {
			return true
		}
	}
	return false
}

// orgSuffixes mark a party name as an organisation or a sole trader.
var orgSuffixes = []string{"公司", "厂", "店", "合作社", "中心", "部", "行", "馆", "社", "场", "站", "所", "院", "室", "坊", "铺", "园", "会", "局", "队", "处", "学校", "医院", "集团", "商行", "超市", "餐厅", "酒店", "宾馆", "农庄", "工作室", "门市", "经营部", "加工点"}

// looksLikeOrg reports whether a party name reads as an organisation.
func looksLikeOrg(name string) bool {
	for _, s := range orgSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return utf8.RuneCountInString(name) > 5
}
