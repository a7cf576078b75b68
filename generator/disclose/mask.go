package disclose

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongshi/generator/ident"
)

// compoundSurnames are two-character surnames kept whole when masking.
var compoundSurnames = []string{
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
	"宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "闻人", "万俟", "澹台", "公冶",
	"太史", "申屠", "端木", "独孤", "南宫", "西门", "百里", "呼延", "司空", "赫连",
	"第五", "拓跋", "公羊", "濮阳", "淳于", "单于", "仲孙", "羊舌", "微生", "梁丘",
	"左丘", "东郭", "南门", "乐正", "谷梁", "宰父", "巫马", "漆雕", "颛孙", "壤驷",
}

// Placeholders put in place of what Scrub removes.
const (
	PlaceholderID      = "[身份证号已隐去]"
	PlaceholderPhone   = "[电话已隐去]"
	PlaceholderAccount = "[账号已隐去]"
	PlaceholderAddress = "[地址已隐去]"
)

// nameSeparators join several names in one cell.
const nameSeparators = "、，,;；/／"

// splitNames splits a cell holding one or more names and removes the
// whitespace inside each (张 三 丰 → 张三丰).
func splitNames(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(nameSeparators, r) }) {
		p = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, p)
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// MaskName masks a natural person's name: 张三丰 → 张某某, 欧阳修 → 欧阳某某
// with mask "某某"; 张* with mask "*". Two or more names joined by 、 or ，
// are masked one by one; whitespace inside a name is ignored.
func MaskName(name, mask string) string {
	parts := splitNames(name)
	if len(parts) == 0 {
		return ""
	}
	if mask == "" {
		mask = "某某"
	}
	for i, p := range parts {
		parts[i] = surnameOf(p) + mask
	}
	return strings.Join(parts, "、")
}

// surnameOf returns what masking keeps of a name: a compound surname when
// the name is longer than it, else the first character.
func surnameOf(name string) string {
	for _, c := range compoundSurnames {
		if strings.HasPrefix(name, c) && utf8.RuneCountInString(name) > 2 {
			return c
		}
	}
	r, size := utf8.DecodeRuneInString(name)
	if r == utf8.RuneError {
		return ""
	}
	return name[:size]
}

// isMasked reports whether a name is already in masked form (张某某, 张*).
func isMasked(name string) bool {
	return strings.ContainsAny(name, "某*＊×")
}

// replaceName replaces every occurrence of name in text, allowing
// whitespace between its characters, by repl.
func replaceName(text, name, repl string) string {
	want := []rune(name)
	if len(want) == 0 {
		return text
	}
	first := string(want[0])
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], first)
		if j < 0 {
			break
		}
		start := i + j
		end, ok := matchSpaced(text, start, want)
		if !ok {
			i = start + len(first)
			continue
		}
		b.WriteString(text[last:start])
		b.WriteString(repl)
		last, i = end, end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// matchSpaced matches want at text[start:], skipping whitespace between
// runes, and returns the end offset.
func matchSpaced(text string, start int, want []rune) (int, bool) {
	i := start
	for k, w := range want {
		if k > 0 {
			for i < len(text) {
				r, sz := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += sz
			}
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		if i >= len(text) || r != w {
			return 0, false
		}
		i += sz
	}
	return i, true
}

// Scrub removes personal data from free text: ID numbers (18 and 15
// digits, a lower-case x accepted, groups split by spaces or dashes), mobile
// numbers (with or without +86, split or not), landlines, bank-card numbers,
// and each name in names (replaced by its mask, wherever it stands, even
// split by spaces). It reports whether it changed anything.
//
// Full-width digits are folded to ASCII first, so that ０１３８… is caught.
func Scrub(text string, names []string, mask string) (string, bool) {
	if text == "" {
		return text, false
	}
	orig := text
	text = scrubNumbers(foldDigits(text))
	var ns []string
	add := func(p string) {
		// A name whose first character the text lacks is not in it.
		if r, _ := utf8.DecodeRuneInString(p); strings.ContainsRune(text, r) && utf8.RuneCountInString(p) >= 2 && !isMasked(p) {
			ns = append(ns, p)
		}
	}
	for _, n := range names {
		if strings.ContainsFunc(n, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(nameSeparators, r) }) {
			for _, p := range splitNames(n) {
				add(p)
			}
		} else {
			add(n)
		}
	}
	// Longer names first, so 张三丰 is masked whole before 张三.
	sort.SliceStable(ns, func(i, j int) bool { return len(ns[i]) > len(ns[j]) })
	rescrub := false
	for _, n := range ns {
		if _, ok := findSpaced(text, n); ok {
			text = replaceName(text, n, MaskName(n, mask))
			// A mask keeps the name's first character: a digit there ends
			// the digits before it as a number once the rest of the name is
			// gone (1391234567 and the name 89 make 13912345678某某), so
			// numbers are scrubbed again.
			rescrub = rescrub || isDigit(n[0])
		}
	}
	if rescrub {
		text = scrubNumbers(text)
	}
	return text, text != orig
}

// foldDigits turns full-width digits and Ｘ into ASCII.
func foldDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xFF10 && r <= 0xFF19 || r == 'Ｘ' || r == 'ｘ' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF10 && r <= 0xFF19:
			return r - 0xFF10 + '0'
		case r == 'Ｘ':
			return 'X'
		case r == 'ｘ':
			return 'x'
		}
		return r
	}, s)
}

type digitGroup struct {
	start, end int // byte offsets in the text
	digits     string
}

// phoneWords announce a number as a phone number.
var phoneWords = []string{"电话", "手机", "联系", "座机", "号码", "致电", "tel", "Tel", "TEL", "微信"}

// accountWords announce a number as a bank account.
var accountWords = []string{"账号", "帐号", "卡号", "账户", "帐户", "银行卡", "开户"}

// scrubNumbers replaces ID, phone and account numbers. Digits are grouped
// into runs (number.go); within a run the longest chain of whole groups
// that classifies as a number to remove is replaced, then the rest of the
// run is tried. A phone number takes its country code (+86, 0086, (+86))
// and an extension (转 123) with it.
func scrubNumbers(text string) string {
	var b strings.Builder
	last := 0
	i := 0
	var r numRun
	for i < len(text) {
		if _, w := digitAt(text, i); w == 0 {
			i++
			continue
		}
		end := parseRun(text, i, &r, sepsText)
		groups := r.digitGroups(text)
		for gi := 0; gi < len(groups); {
			matched := false
			for gj := len(groups); gj > gi; gj-- {
				var d strings.Builder
				for _, g := range groups[gi:gj] {
					d.WriteString(g.digits)
				}
				repl := classifyNumber(d.String(), gj-gi, groups[gi:gj], text[:groups[gi].start])
				if repl == "" {
					continue
				}
				s, e := groups[gi].start, groups[gj-1].end
				if repl == PlaceholderPhone {
					s = phonePrefix(text, last, s)
					e = phoneExtension(text, e)
				}
				b.WriteString(text[last:s])
				b.WriteString(repl)
				last = e
				gi, matched = gj, true
				break
			}
			if !matched {
				gi++
			}
		}
		i = max(end, last)
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// phonePrefix returns where a phone number starting at s begins with its
// country code: a "+86", "＋86" or "0086" before it, in brackets or not,
// separated by spaces or a dash, goes with it. It never goes before last.
func phonePrefix(text string, last, s int) int {
	p := strings.TrimRight(text[last:s], " -\u3000")
	// A code counts when no digit stands right before it.
	code := func(q string) bool {
		return strings.HasSuffix(p, q) && (len(p) == len(q) || !isDigit(p[len(p)-len(q)-1]))
	}
	for _, cc := range []string{"+86", "＋86", "0086"} {
		if code(cc) {
			return last + len(p) - len(cc)
		}
		for _, br := range [][2]string{{"(", ")"}, {"（", "）"}} {
			if q := br[0] + cc + br[1]; code(q) {
				return last + len(p) - len(q)
			}
		}
	}
	if s > last && text[s-1] == '+' {
		s--
		if (strings.HasPrefix(text[s:], "+86)") || strings.HasPrefix(text[s:], "+86）")) && s > last {
			if _, w := utf8.DecodeLastRuneInString(text[last:s]); strings.HasSuffix(text[:s], "(") || strings.HasSuffix(text[:s], "（") {
				s -= w
			}
		}
	}
	return s
}

// phoneExtension returns the end of an extension (转 123, -转123) after a
// phone number ending at e, or e.
func phoneExtension(text string, e int) int {
	j := e
	for j < len(text) && (text[j] == ' ' || text[j] == '-') {
		j++
	}
	if !strings.HasPrefix(text[j:], "转") {
		return e
	}
	j += len("转")
	k := j
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	if k == j {
		return e
	}
	return k
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitGroups returns the groups of a parsed run with their digits.
func (r *numRun) digitGroups(text string) []digitGroup {
	out := make([]digitGroup, len(r.groups))
	for k, g := range r.groups {
		out[k] = digitGroup{start: g.start, end: g.end, digits: string(r.digits[g.ds:g.de])}
	}
	return out
}

// digitRun collects the digit groups of the run starting at i.
func digitRun(text string, i int) ([]digitGroup, int) {
	var r numRun
	end := parseRun(text, i, &r, sepsText)
	return r.digitGroups(text), end
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// classifyNumber returns the placeholder for a number to remove, or "".
// before is the text preceding it, for context words.
func classifyNumber(d string, ngroups int, groups []digitGroup, before string) string {
	n := len(d)
	x := strings.HasSuffix(d, "X")
	if x && n != 18 {
		return ""
	}
	switch {
	case n == 18:
		if _, ok := ident.IDBirth(d); ok {
			return PlaceholderID
		}
		if x {
			return ""
		}
	case n == 15:
		if _, ok := ident.IDBirth(d); ok {
			return PlaceholderID
		}
		if strings.HasPrefix(d, "00861") && d[5] >= '3' && d[5] <= '9' {
			return PlaceholderPhone
		}
	case n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9':
		return PlaceholderPhone
	case n == 13 && strings.HasPrefix(d, "861") && d[3] >= '3' && d[3] <= '9':
		return PlaceholderPhone
	case n >= 10 && n <= 12 && d[0] == '0' && (ngroups == 1 || len(groups[0].digits) <= 4):
		return PlaceholderPhone
	}
	if n >= 16 && n <= 19 && !x {
		// One unbroken run; or groups of four or more, then the rest, that
		// are grouped by four as cards are, pass the Luhn check or follow
		// an account word.
		card := ngroups == 1
		if !card {
			fours := true
			for _, g := range groups[:ngroups-1] {
				if len(g.digits) < 4 {
					card = false
					break
				}
				fours = fours && len(g.digits) == 4
				card = true
			}
			card = card && (fours || luhn(d) || nearWord(before, accountWords))
		}
		if card {
			return PlaceholderAccount
		}
	}
	if n >= 7 && n <= 8 && nearWord(before, phoneWords) {
		return PlaceholderPhone
	}
	return ""
}

// luhn reports whether the digits d pass the Luhn check of card numbers.
func luhn(d string) bool {
	sum := 0
	for i := range len(d) {
		v := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// nearWord reports whether one of words ends within the last few
// characters of before.
func nearWord(before string, words []string) bool {
	k := 0
	i := len(before)
	for i > 0 && k < 8 {
		_, sz := utf8.DecodeLastRuneInString(before[:i])
		i -= sz
		k++
	}
	tail := before[i:]
	for _, w := range words {
		if strings.Contains(tail, w) {
			return true
		}
	}
	return false
}

// ContainsID reports whether s holds a valid-checksum 18-digit ID number,
// its digits contiguous.
func ContainsID(s string) bool {
	found := false
	eachDigitRun([]byte(s), func(start, end int) bool {
		if _, ok := idAt([]byte(s), start, end); ok {
			found = true
			return false
		}
		return true
	})
	return found
}

// orgSuffixes mark a party name as an organisation or a sole trader.
var orgSuffixes = []string{"公司", "厂", "店", "合作社", "中心", "部", "行", "馆", "社", "场", "站", "所", "院", "室", "坊", "铺", "园", "会", "局", "队", "处", "学校", "医院", "集团", "商行", "超市", "餐厅", "酒店", "宾馆", "农庄", "工作室", "门市", "经营部", "加工点", "诊所", "药房", "车行", "工地", "项目部", "委员会", "协会", "办事处"}

// orgWords anywhere in a name mark an organisation.
var orgWords = []string{"有限", "公司", "集团", "股份", "合作社", "委员会", "个体", "（普通合伙）", "(普通合伙)"}

// looksLikeOrg reports whether a party name reads as an organisation or a
// shop. A name that does not is taken for a person's.
func looksLikeOrg(name string) bool {
	name = strings.TrimSpace(name)
	for _, s := range orgSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	for _, w := range orgWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// looksLikePersonName reports whether s reads as a personal name: two to
// four Han characters (a minority name may be longer and joined by ·) and
// no organisation suffix.
func looksLikePersonName(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	if looksLikeOrg(s) {
		return false
	}
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			n++
		case r == '·' || r == '•' || r == '.':
		default:
			return false
		}
	}
	if strings.ContainsAny(s, "·•.") {
		return n >= 2
	}
	return n >= 2 && n <= 4
}
