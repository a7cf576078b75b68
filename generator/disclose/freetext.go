package disclose

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Other natural persons in free text. A decision's facts name people
// besides the party: witnesses, neighbours, victims, guardians. They are
// found by the words that introduce them, their home addresses by the words
// that introduce an address, and bank accounts and vehicle plates by their
// shape; all are masked, and what was found becomes a secret the leak gate
// looks for in every output.

// commonSurnames are about 400 common single-character surnames; a name
// found in free text starts with one of them or with a compound surname.
// Characters that are surnames but mostly function words (和, 都, 由 …) are
// left out.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝区郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平计索宣晋云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅呼居揭干尉冶斯元束檀衣展阴昝智幸奉植衡富尧闭"

// personWords introduce a natural person other than the party.
var personWords = []string{
	"被侵害人", "法定代理人", "委托代理人", "监护人", "代理人", "见证人", "证人", "律师",
	"邻居", "联系人", "户主", "受害人", "被害人", "陪同人", "报案人", "举报人",
	"投诉人", "申请人", "知情人", "在场人", "目击者", "驾驶员", "驾驶人", "司机",
	"车主", "房东", "承租人", "租户", "户名", "账户名称", "账户名", "家属", "亲属",
	"配偶", "妻子", "丈夫", "父亲", "母亲", "儿子", "女儿", "之子", "之女", "之妻",
	"表弟", "表哥", "表姐", "表妹", "哥哥", "弟弟", "姐姐", "妹妹",
}

// addressWords introduce a home address. 住所 is a person's home only when
// the party is one (an organisation's 住所 is its registered seat, and
// published); a bare 住 counts after punctuation (李某某，男，住…).
var addressWords = []string{
	"家庭住址", "现住址", "户籍所在地", "户籍地址", "现居住地", "居住地址", "家住", "住址",
	"现住", "现居", "居住地", "居住于", "户籍地", "住所地", "住所",
}

// nameAfter are characters that often follow a name in a sentence (称, 说,
// 在, 男 …); one of them, a non-Han character or the end of the text must
// follow a name found after a person word.
const nameAfter = "称说讲证陈反向在于到从对与和及跟同等系是为的因被把将已也均都并供签确作提指现住家年男女身户电手联驾骑开持携带拒未不曾即经当看听发报告所诉表承知亲目出来去受遭认之"

// strongAfter are the characters of nameAfter that end a name rather than
// belong to it: 王明说 is 王明 who says.
const strongAfter = "称说讲等与和及的是系为在于向对被把将已也均都并"

// nameBefore are characters that may stand before a name followed by an
// ID number (陪同人员李大华（身份证号…）).
const nameBefore = "人员者主属为系是即叫名与和及同对将经把被让民妻夫子女母父兄弟姐妹"

// notNames are words that start with a surname and follow a person word
// without being a name.
var notNames = map[string]bool{
	"权益": true, "权利": true, "姓名": true, "信息": true, "身份": true, "签名": true,
	"签字": true, "证言": true, "陈述": true, "电话": true, "住址": true, "地址": true,
	"人员": true, "单位": true, "本人": true, "家属": true, "亲属": true, "车辆": true,
	"申请": true, "方面": true, "明确": true, "明知": true, "要求": true, "同意": true,
	"未能": true, "年龄": true, "安全": true, "高度": true, "强烈": true, "平时": true,
	"时间": true, "时任": true, "于是": true, "江边": true, "程序": true, "应当": true,
	"金额": true, "成年": true, "康复": true, "华侨": true, "石头": true, "文明": true,
	"居民": true, "公民": true, "农民": true, "申请人": true, "司机": true,
	"宿舍": true, "花名": true, "关系": true,
}

// notNameEnds end words that name a role, not a person (申请人, 管理员).
const notNameEnds = "人者员方"

// freeTextFound is what maskFreeText found in a text.
type freeTextFound struct {
	names, addresses, accounts, plates []string
}

// freeTextOptions says how maskFreeText treats a text.
type freeTextOptions struct {
	mask string
	// person: the party is a natural person (or a sole trader), so 住所 is
	// a home and every vehicle plate is theirs.
	person bool
	// keep are names published on purpose (an organisation's legal
	// representative), never masked.
	keep []string
	// known are the record's natural persons' names: a plate in a sentence
	// naming one of them is masked even in an organisation's decision.
	known []string
}

type edit struct {
	start, end int
	repl       string
}

// applyEdits returns text with each edit's span replaced. Edits starting
// at the same place apply the longest; one that overlaps an applied edit
// replaces the part past it, so no part of any span stays.
func applyEdits(text string, edits []edit) string {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end > edits[j].end
	})
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.start < last {
			if e.end > last {
				b.WriteString(e.repl)
				last = e.end
			}
			continue
		}
		b.WriteString(text[last:e.start])
		b.WriteString(e.repl)
		last = e.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// maskFreeText masks the other natural persons a text names: names after
// person words (证人李大华、王小明 → 证人李某某、王某某) or before an ID
// number, home addresses below the village or community (家住青溪镇柳湾村5组3号
// → 家住青溪镇柳湾村…; with no village, below the town), account numbers
// after an account word, and vehicle plates (浙A12345 → 浙A*****) of a
// natural person. It returns the masked text and what it masked.
func maskFreeText(text string, o freeTextOptions) (string, freeTextFound) {
	var f freeTextFound
	if text == "" {
		return text, f
	}
	if o.mask == "" {
		o.mask = "某某"
	}
	var edits []edit
	var plates [][3]int // start, serial start, end
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		next := i + sz
		if r < 0x10000 && cueFirst[r>>6]&(1<<(r&63)) != 0 {
			for _, c := range cues[r] {
				if !strings.HasPrefix(text[i:], c.word) {
					continue
				}
				e := i + len(c.word)
				switch c.kind {
				case cuePerson:
					for _, n := range namesAt(text, e) {
						edits = addName(edits, &f, text, n[0], n[1], o)
					}
				case cueID:
					if s, e, ok := nameBeforeID(text, i); ok {
						edits = addName(edits, &f, text, s, e, o)
					}
				case cueAddress, cueBareAddress:
					if strings.HasPrefix(c.word, "住所") && !o.person {
						break
					}
					if c.kind == cueBareAddress {
						if r, _ := utf8.DecodeLastRuneInString(text[:i]); i == 0 || !strings.ContainsRune("，,、；;：:", r) {
							break
						}
					}
					if ed, run, ok := addressAt(text, e, c.kind == cueBareAddress); ok {
						edits = append(edits, ed)
						f.addresses = append(f.addresses, run)
					}
				case cueAccount:
					if ed, ok := accountAt(text, e); ok {
						edits = append(edits, ed)
						f.accounts = append(f.accounts, text[ed.start:ed.end])
					}
				case cuePlate:
					if end, serial, ok := plateAt(text, e); ok {
						plates = append(plates, [3]int{i, serial, end})
						e = end
					}
				}
				next = e
				break
			}
		}
		i = next
	}
	// A plate is a natural person's when the party is one or its sentence
	// names one.
	for _, p := range plates {
		if !o.person && !sentenceNames(text, p[0], f.names) && !sentenceNames(text, p[0], o.known) {
			continue
		}
		edits = append(edits, edit{p[1], p[2], strings.Repeat("*", utf8.RuneCountInString(text[p[1]:p[2]]))})
		f.plates = append(f.plates, text[p[0]:p[2]])
	}
	if len(edits) == 0 {
		return text, f
	}
	f.names = dedup(f.names)
	return applyEdits(text, edits), f
}

// addName adds the edit that masks the name text[s:e], unless it is kept.
func addName(edits []edit, f *freeTextFound, text string, s, e int, o freeTextOptions) []edit {
	n := text[s:e]
	for _, k := range o.keep {
		if n == k {
			return edits
		}
	}
	f.names = append(f.names, n)
	return append(edits, edit{s, e, MaskName(n, o.mask)})
}

type cueKind int

// Kinds of cue: what a cue word introduces.
const (
	cuePerson      cueKind = iota // a name after it
	cueID                         // a name before it
	cueAddress                    // a home address after it
	cueBareAddress                // 住: an address after it, after punctuation
	cueAccount                    // an account number after it
	cuePlate                      // a plate's province
)

type cue struct {
	word string
	kind cueKind
}

// cues lists the cue words by their first character, longer words first;
// cueFirst has a bit set for each first character, so that maskFreeText
// passes over other characters with one test.
var cues, cueFirst = func() (map[rune][]cue, *[0x10000 / 64]uint64) {
	m := map[rune][]cue{}
	add := func(kind cueKind, words ...string) {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			m[r] = append(m[r], cue{w, kind})
		}
	}
	add(cuePerson, personWords...)
	add(cueID, "身份证", "身份号码")
	add(cueAddress, addressWords...)
	add(cueBareAddress, "住")
	add(cueAccount, accountWords...)
	for _, r := range plateProvinces {
		add(cuePlate, string(r))
	}
	var bits [0x10000 / 64]uint64
	for r, cs := range m {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].word) > len(cs[j].word) })
		bits[r>>6] |= 1 << (r & 63)
	}
	return m, &bits
}()

func dedup(s []string) []string {
	if len(s) < 2 {
		return s
	}
	seen := map[string]bool{}
	out := s[:0]
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// namesAt returns the names that follow a person word ending at s: one, or
// a list joined by 、，和 及 与.
func namesAt(text string, s int) [][2]int {
	// An optional 员 (陪同人员), 姓名 or 签名, a count (有三名，), and a
	// colon, space or copula (分别为).
	s = skipPrefix(text, s, "员", "们")
	s = skipPrefix(text, s, "姓名", "签名", "签字")
	s = skipCount(text, s)
	for {
		t := skipPrefix(text, s, "：", ":", " ", "\u3000", "分别为", "分别是", "为", "是", "系", "即")
		if t == s {
			break
		}
		s = t
	}
	var out [][2]int
	for {
		e, ok := nameAt(text, s)
		if !ok {
			return out
		}
		out = append(out, [2]int{s, e})
		t := skipPrefix(text, e, "、", "，", ",", "和", "及", "与")
		if t == e {
			return out
		}
		s = t
	}
}

// skipCount returns s past a count of people (有三名，, 共2人：), or s.
func skipCount(text string, s int) int {
	i := skipPrefix(text, s, "有", "共")
	if i == s {
		return s
	}
	j := i
	for j < len(text) {
		r, sz := utf8.DecodeRuneInString(text[j:])
		if !strings.ContainsRune("一二两三四五六七八九十0123456789", r) {
			break
		}
		j += sz
	}
	if j == i {
		return s
	}
	k := skipPrefix(text, j, "名", "人", "位")
	if k == j {
		return s
	}
	return skipPrefix(text, k, "，", ",", "：", ":")
}

// skipPrefix returns s past the first of words that text[s:] starts with.
func skipPrefix(text string, s int, words ...string) int {
	for _, w := range words {
		if strings.HasPrefix(text[s:], w) {
			return s + len(w)
		}
	}
	return s
}

// nameAt returns the end of a personal name at text[s:]: a surname and one
// or two characters, followed by a character of nameAfter, a non-Han
// character or the end of the text, or else a surname and two characters
// of which none is in notGiven. Masked names (张某某) are skipped.
func nameAt(text string, s int) (int, bool) {
	sur := surnameAt(text, s)
	if sur == 0 {
		return 0, false
	}
	// Candidate ends: the surname and two given characters, then one.
	var ends []int
	i := s + sur
	for k := 0; k < 2; k++ {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if sz == 0 || !unicode.Is(unicode.Han, r) {
			break
		}
		i += sz
		ends = append(ends, i)
	}
	for k := len(ends) - 1; k >= 0; k-- {
		e := ends[k]
		n := text[s:e]
		if isMasked(n) || notNames[n] || notNames[text[s:ends[0]]] || isTitle(text[s+sur:e]) || roleWord(n) || strings.ContainsAny(text[s+sur:e], notGiven) || !endsName(text, e) {
			continue
		}
		// 王明说 is 王明 who says, when 王明 is a name as well.
		if k == 1 {
			last, _ := utf8.DecodeLastRuneInString(n)
			if strings.ContainsRune(strongAfter, last) && endsName(text, ends[0]) {
				continue
			}
		}
		return e, true
	}
	// No end reads as one: after a person word a name stands here, most
	// often of three characters, unless they read as words (曾多次).
	if len(ends) == 2 {
		n := text[s:ends[1]]
		if !isMasked(n) && !notNames[n] && !notNames[text[s:ends[0]]] && !isTitle(text[s+sur:ends[1]]) && !roleWord(n) && !strings.ContainsAny(text[s+sur:ends[1]], notGiven) {
			return ends[1], true
		}
	}
	return 0, false
}

// notGiven are characters hardly ever part of a given name.
const notGiven = "多次已经将被在于对把的了是不没未也都并曾向从到等与和及称说其该此这那个们所因为时后前内外上下中处人者员当年号"

// roleWord reports whether n ends as a word for a role does.
func roleWord(n string) bool {
	r, _ := utf8.DecodeLastRuneInString(n)
	return strings.ContainsRune(notNameEnds, r)
}

// titles follow a surname in place of a given name (刘先生, 王科长): no
// name is given.
var titles = []string{"先生", "女士", "小姐", "师傅", "老板", "老师", "科长", "队长", "所长", "站长", "主任", "书记", "经理", "局长", "镇长", "村长", "警官", "某", "姓"}

func isTitle(given string) bool {
	for _, t := range titles {
		if strings.HasPrefix(given, t) {
			return true
		}
	}
	return false
}

// surnameAt returns the length of the surname at text[s:], or 0.
func surnameAt(text string, s int) int {
	for _, c := range compoundSurnames {
		if strings.HasPrefix(text[s:], c) {
			return len(c)
		}
	}
	r, sz := utf8.DecodeRuneInString(text[s:])
	if sz > 0 && r >= 0x80 && strings.ContainsRune(commonSurnames, r) {
		return sz
	}
	return 0
}

// endsName reports whether a name may end at text[e:].
func endsName(text string, e int) bool {
	r, sz := utf8.DecodeRuneInString(text[e:])
	return sz == 0 || !unicode.Is(unicode.Han, r) || strings.ContainsRune(nameAfter, r)
}

// nameBeforeID finds a name right before an ID-number word at text[id:]
// (李大华（身份证号…, 李大华，身份证号…, 李大华的身份证…).
func nameBeforeID(text string, id int) (int, int, bool) {
	e := id
	for _, p := range []string{"（", "(", "，", ",", " ", "：", ":", "的", "持"} {
		if strings.HasSuffix(text[:e], p) {
			e -= len(p)
			break
		}
	}
	// Try three, two and four characters back.
	starts := []int{}
	i := e
	for k := 0; k < 4 && i > 0; k++ {
		r, sz := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		i -= sz
		starts = append(starts, i)
	}
	// Three characters, unless they follow a character that does not end a
	// word and two of them read as a name; then two; then four with a
	// compound surname.
	for _, k := range []int{2, 1, 3} {
		if k >= len(starts) {
			continue
		}
		s := starts[k]
		n := text[s:e]
		sur := surnameAt(text, s)
		if sur == 0 || k == 3 && sur <= 3 || k == 1 && sur > 3 || isMasked(n) || notNames[n] || roleWord(n) {
			continue
		}
		if k == 2 && surnameAt(text, starts[1]) > 0 {
			r, sz := utf8.DecodeLastRuneInString(text[:s])
			if sz > 0 && unicode.Is(unicode.Han, r) && !strings.ContainsRune(nameBefore, r) {
				continue
			}
		}
		return s, e, true
	}
	return 0, 0, false
}

// Address levels: what masking keeps of a home address.
var (
	villageLevel = []string{"村民委员会", "居民委员会", "村委会", "居委会", "社区", "小区", "村"}
	townLevel    = []string{"街道办事处", "街道", "镇", "乡"}
	// addressUnits make a run of text read as an address.
	addressUnits = "省市县区镇乡街道村社区组号栋幢室路巷弄单元楼"
)

// vaguePlace are what may follow a village without placing a home.
var vaguePlace = map[string]bool{"附近": true, "一带": true, "周边": true, "周围": true, "境内": true, "辖区": true}

// addressAt reads the home address after an address word ending at s and
// returns the edit that masks it below the village or the town, and the
// address. After a bare 住 the text must read as a place.
func addressAt(text string, s int, bare bool) (edit, string, bool) {
	for {
		t := skipPrefix(text, s, "：", ":", " ", "在", "于")
		if t == s {
			break
		}
		s = t
	}
	e := addressEnd(text, s)
	run := text[s:e]
	if utf8.RuneCountInString(run) < 3 || !strings.ContainsAny(run, addressUnits) {
		return edit{}, "", false
	}
	if bare && !strings.ContainsAny(run, "镇乡村社区组号栋幢室路街") || strings.Contains(run, "局") || strings.Contains(run, "政府") || strings.Contains(run, "公司") {
		return edit{}, "", false
	}
	keep := addressKeep(run)
	if keep == len(run) || vaguePlace[run[keep:]] {
		return edit{}, "", false
	}
	return edit{s + keep, e, "…"}, run, true
}

// addressEnd returns the end of the address starting at text[s:]: the
// first punctuation, space or 的, at most 40 characters on.
func addressEnd(text string, s int) int {
	i := s
	for n := 0; i < len(text) && n < 40; n++ {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if r == '的' || r == '，' || r == '。' || r == '；' || r == '、' || r == '（' || r == '）' || r == '：' || r == '！' || r == '？' {
			break
		}
		if r < 0x80 && !isAlnum(byte(r)) && r != '-' && r != '#' {
			break
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) && r != '－' && r != '＃' {
			break
		}
		i += sz
	}
	return i
}

// addressKeep returns how much of an address masking keeps: up to the
// last town (镇, 乡, 街道) before any number, then up to the first village or
// community after it (村, 社区, 居委会, 小区); nothing when there is neither.
func addressKeep(run string) int {
	limit := len(run)
	if k := strings.IndexFunc(run, func(r rune) bool { return r < 0x80 && isDigit(byte(r)) || r >= 0xFF10 && r <= 0xFF19 }); k >= 0 {
		limit = k
	}
	town := 0
	for _, t := range townLevel {
		if k := strings.LastIndex(run[:limit], t); k >= 0 && k+len(t) > town {
			town = k + len(t)
		}
	}
	// The earliest village after the town; the longest word where two
	// start there (村委会 before 村).
	at, end := -1, 0
	for _, v := range villageLevel {
		k := strings.Index(run[town:], v)
		if k < 0 {
			continue
		}
		if k += town; at < 0 || k < at || k == at && k+len(v) > end {
			at, end = k, k+len(v)
		}
	}
	if at >= 0 {
		return end
	}
	return town
}

// accountAt returns the edit that removes the account number after an
// account word ending at i, whatever its number of digits (the card
// shapes Scrub knows are 16 to 19 digits long).
func accountAt(text string, i int) (edit, bool) {
	s := i
	// Up to eight characters of label and punctuation (账号：, 卡号为).
	for n := 0; n < 8 && s < len(text); n++ {
		if _, w := digitAt(text, s); w > 0 {
			break
		}
		_, sz := utf8.DecodeRuneInString(text[s:])
		s += sz
	}
	if s >= len(text) {
		return edit{}, false
	}
	if _, w := digitAt(text, s); w == 0 {
		return edit{}, false
	}
	var r numRun
	e := parseRun(text, s, &r, sepsText)
	if len(r.digits) < 8 {
		return edit{}, false
	}
	return edit{s, e, PlaceholderAccount}, true
}

// plateProvinces are the first characters of vehicle plates.
const plateProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

// plateAt reads the part of a plate after its province character: an
// upper-case letter, an optional separator, and five serial characters (six
// for new-energy plates starting or ending in D or F; four and 学, 挂, 警
// or 领). It returns the plate's end and where its serial starts.
func plateAt(text string, i int) (end, serial int, ok bool) {
	if i >= len(text) || text[i] < 'A' || text[i] > 'Z' {
		return 0, 0, false
	}
	i++
	if t := skipPrefix(text, i, "·", "•", ".", " ", "-", "・"); t != i {
		i = t
	}
	serial = i
	n := 0
	for i < len(text) && n < 7 && (isDigit(text[i]) || text[i] >= 'A' && text[i] <= 'Z') {
		i++
		n++
	}
	ser := text[serial:i]
	switch {
	case n == 5:
	case n == 6 && (ser[0] == 'D' || ser[0] == 'F' || ser[5] == 'D' || ser[5] == 'F'):
	case n == 4 && (strings.HasPrefix(text[i:], "学") || strings.HasPrefix(text[i:], "挂") || strings.HasPrefix(text[i:], "警") || strings.HasPrefix(text[i:], "领")):
		i += len("学")
	default:
		return 0, 0, false
	}
	if i < len(text) && isAlnum(text[i]) {
		return 0, 0, false
	}
	// A plate has digits: 浙ABCDE is a word.
	if !strings.ContainsAny(ser, "0123456789") {
		return 0, 0, false
	}
	return i, serial, true
}

// sentenceNames reports whether the sentence around text[at] contains one
// of names.
func sentenceNames(text string, at int, names []string) bool {
	s := strings.LastIndexAny(text[:at], "。；;\n！？")
	if s < 0 {
		s = 0
	}
	e := strings.IndexAny(text[at:], "。；;\n！？")
	if e < 0 {
		e = len(text)
	} else {
		e += at
	}
	for _, n := range names {
		if n != "" && strings.Contains(text[s:e], n) {
			return true
		}
	}
	return false
}
