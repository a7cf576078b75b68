package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/value"
)

var (
	synCities   = []string{"示例市", "青溪镇", "东湖区", "南岭县", "北关"}
	synNames    = []string{"青石", "宏达", "鑫源", "华兴", "永盛", "金丰", "恒泰", "瑞祥", "福满", "龙腾", "天成", "佳美", "新世纪", "顺发", "利民", "众诚", "博远", "嘉禾", "锦程", "安康", "德润", "汇通", "兴旺", "长青", "盛世", "万家", "和谐", "明珠", "东方", "银河"}
	synTrades   = []string{"商贸", "餐饮", "建材", "物流", "汽车维修", "烧烤", "食品", "五金", "装饰工程", "运输", "农业开发", "服装", "超市", "酒店管理", "废旧物资回收", "石材加工", "家具", "印刷", "网络科技", "水产"}
	synForms    = []string{"有限公司", "有限责任公司", "店", "经营部", "商行", "厂"}
	synStreets  = []string{"青石路", "人民路", "解放街", "滨江大道", "新华路", "工业园区", "溪口村", "东门街", "站前路", "文化巷"}
	synViolate  = []string{"擅自占用人行道堆放货物", "超标排放油烟", "无证运输建筑垃圾", "占道经营", "露天焚烧秸秆", "未按规定设置户外广告", "运输车辆未密闭造成遗撒", "擅自搭建临时建筑", "未取得道路运输证从事经营", "销售过期食品", "餐饮服务未办理许可", "违规倾倒生活垃圾", "噪声扰民", "未落实门前三包责任", "擅自砍伐树木"}
	synBasis    = []string{"《城市市容和环境卫生管理条例》第三十六条", "《大气污染防治法》第一百一十八条", "《城市建筑垃圾管理规定》第二十二条", "《道路运输条例》第六十三条", "《食品安全法》第一百二十四条", "《噪声污染防治法》第八十七条", "《城乡规划法》第六十四条"}
	synAuth     = []string{"青溪镇人民政府", "青溪镇综合行政执法队", "示例县市场监督管理局青溪所"}
	synBrackets = [][2]string{{"〔", "〕"}, {"[", "]"}, {"(", ")"}, {"（", "）"}, {"【", "】"}}
)

// creditCode returns a valid 统一社会信用代码 with the given prefix.
func creditCode(r *rand.Rand, prefix string) string {
	const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	w := []int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	b := []byte(prefix + "350100")
	for len(b) < 17 {
		b = append(b, chars[r.IntN(len(chars))])
	}
	sum := 0
	for i, c := range b {
		sum += strings.IndexByte(chars, c) * w[i]
	}
	return string(b) + string(chars[(31-sum%31)%31])
}

// SyntheticCases returns n realistic published decisions, deterministic per
// seed, newest first.
func SyntheticCases(n int, seed uint64) []disclose.Case {
	r := rand.New(rand.NewPCG(seed, 2))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	start := time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC)
	out := make([]disclose.Case, n)
	numByYear := map[int]int{}
	for i := range out {
		date := start.AddDate(0, 0, -i*5*365/max(n, 1))
		y := date.Year()
		numByYear[y]++
		br := synBrackets[r.IntN(len(synBrackets))]
		no := fmt.Sprintf("青溪综执罚%s%d%s%s%d号", br[0], y, br[1], []string{"", "第"}[r.IntN(2)], numByYear[y])
		trade := pick(synTrades)
		form := pick(synForms)
		name := pick(synCities) + pick(synNames) + trade + form
		code := creditCode(r, "91")
		rep := pick([]string{"林", "王", "陈", "赵", "周"}) + pick([]string{"建国", "海燕", "志强", "丽华", "文斌"})
		if form == "店" || form == "经营部" {
			code = creditCode(r, "92")
		}
		v := pick(synViolate)
		street := pick(synStreets)
		cats := []string{"罚款"}
		switch r.IntN(10) {
		case 0:
			cats = []string{"警告", "罚款"}
		case 1:
			cats = []string{"没收违法所得", "罚款"}
		case 2:
			cats = []string{"警告"}
		case 3:
			cats = []string{"责令停产停业", "罚款"}
		}
		var fine value.Money
		if cats[len(cats)-1] == "罚款" {
			fine = value.Money([]int{200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 200000}[r.IntN(9)] * 100)
		}
		c := disclose.Case{
			ID: fmt.Sprintf("%016x", uint64(i)*2654435761+seed), PartyName: name, CreditCode: code, LegalRep: rep, DecisionNo: no,
			Violation: v, Facts: fmt.Sprintf("经查，当事人于%d年%d月%d日在%s%d号%s，违反了%s的规定。", y, date.Month(), date.Day(), street, r.IntN(200)+1, v, pick(synBasis)),
			Basis: pick(synBasis), Categories: cats, Content: strings.Join(cats, "，") + fmt.Sprintf("，罚款%d元", fine/100),
			Fine: fine, DecisionDate: date, Authority: pick(synAuth),
			PublishUntil: synEnd(date, start, uint64(i)*2654435761+seed),
		}
		out[i] = c
	}
	return out
}

// synEnd is the end of publication of a decision of date, published on
// now: 3 months, 1 year, 3 or 5 years after it (picked by h among the
// periods that end after now), as the publication rules give them.
func synEnd(date, now time.Time, h uint64) time.Time {
	var ends []time.Time
	for _, m := range []int{3, 12, 12, 36, 36, 60} {
		if e := date.AddDate(0, m, 0); e.After(now) {
			ends = append(ends, e)
		}
	}
	return ends[h%uint64(len(ends))]
}

// SyntheticDocs returns the docs of n synthetic decisions plus a few
// power items, service items and pages, in index order.
func SyntheticDocs(n int, seed uint64) []Doc {
	cases := SyntheticCases(n, seed)
	docs := make([]Doc, 0, n+60)
	for i := range cases {
		docs = append(docs, CaseDoc(&cases[i]))
	}
	for i := range 20 {
		code := fmt.Sprintf("33010%04d", i+1)
		docs = append(docs, Doc{Type: TypePower, URL: "/powers/" + code + "/", Title: "对" + synViolate[i%len(synViolate)] + "的处罚", Sub: code,
			Body: joinText(code, "行政处罚", "上级委托", synBasis[i%len(synBasis)]), Identifiers: []string{code},
			Facets: Facets{Domain: []string{"城市综合执法", "市场监管", "生态环境"}[i%3], PowerCat: "行政处罚"}})
	}
	for i := range 20 {
		code := fmt.Sprintf("S%06d", i+1)
		docs = append(docs, Doc{Type: TypeService, URL: "/services/" + strings.ToLower(code) + "/", Title: []string{"结婚登记", "餐饮服务许可", "道路运输证办理", "户外广告设置审批", "临时占道审批"}[i%5] + fmt.Sprint(i), Sub: code,
			Body: joinText(code, "行政确认", "居民身份证 户口簿", "公共服务中心3号窗口"), Identifiers: []string{code},
			Facets: Facets{Domain: []string{"民政", "市场监管", "交通运输"}[i%3], PowerCat: "行政确认"}})
	}
	for i := range 10 {
		d := time.Date(2026, time.Month(i%12+1), 1, 0, 0, 0, 0, time.UTC)
		docs = append(docs, Doc{Type: TypePage, URL: fmt.Sprintf("/notices/n%d/", i), Title: fmt.Sprintf("关于%s专项整治的通知", synTrades[i]),
			Date: d, Body: "为加强" + synTrades[i] + "行业管理，开展专项整治。咨询电话 0000-0000000。", Facets: Facets{Year: d.Year()}})
	}
	SortDocs(docs)
	return docs
}

// MonthEnd is the day after the month of MonthDocs.
var MonthEnd = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)

// Expired reports whether d's publication has ended before day.
func Expired(d Doc, day time.Time) bool {
	return !d.End.IsZero() && d.End.Before(day)
}

// MonthDocs is docs after a month: added decisions dated in June 2026 (the
// synthetic decisions end in May), the docs whose publication ends in June
// expired, and withdrawn ones taken from docs at random, deterministic per
// seed.
func MonthDocs(docs []Doc, added, withdrawn int, seed uint64) []Doc {
	r := rand.New(rand.NewPCG(seed, 3))
	gone := map[int]bool{}
	for len(gone) < withdrawn {
		gone[r.IntN(len(docs))] = true
	}
	var out []Doc
	for i, d := range docs {
		if !gone[i] && !Expired(d, MonthEnd) {
			out = append(out, d)
		}
	}
	cases := SyntheticCases(added, seed)
	for i := range cases {
		c := &cases[i]
		c.ID = fmt.Sprintf("m%d-%d", seed, i)
		c.DecisionDate = time.Date(2026, 6, 1+i%30, 0, 0, 0, 0, time.UTC)
		c.PublishUntil = synEnd(c.DecisionDate, MonthEnd, uint64(i)*2654435761+seed)
		out = append(out, CaseDoc(c))
	}
	SortDocs(out)
	return out
}
