package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gongshi/generator/ident"
)

// The town and its authorities. Every name, code and number is invented: the
// province code 39 is assigned to no real province.
const (
	Town         = "青溪镇"
	County       = "示例县"
	Province     = "示例省"
	Government   = "青溪镇人民政府"
	Enforcement  = "青溪镇综合行政执法队"
	ServiceHall  = "青溪镇便民服务中心"
	GovernCentre = "青溪镇综治中心"

	// regionCode is the 行政区划代码 of 示例县.
	regionCode = "390521"
	// hotline is the prefix of the town's landline numbers.
	hotline = "0390-682"
	// address is the service centre's address.
	address = "示例县青溪镇青溪大道88号"
)

// Credit codes of the town's bodies (GB 32100, prefix 11: government body).
var (
	GovernmentCode  = creditCode("11", regionCode, "MB1539203")
	EnforcementCode = creditCode("12", regionCode, "MB1893721")
)

// creditAlphabet is the GB 32100 character set.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCode assembles a 统一社会信用代码 from its registration-authority
// prefix, region and 9-character organisation code, adding the check
// character.
func creditCode(prefix, region, org string) string {
	s := prefix + region + org
	return s + string(ident.CreditCodeCheck(s))
}

// orgCode returns a GB 11714 organisation code: 8 body characters and their
// check character.
func orgCode(body string) string {
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 8; i++ {
		c := body[i]
		v := int(c - '0')
		if c >= 'A' && c <= 'Z' {
			v = int(c-'A') + 10
		}
		sum += v * weights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return body + "X"
	case 11:
		return body + "0"
	default:
		return body + string(rune('0'+c))
	}
}

// hashRand returns a generator seeded by a name, so that one company always
// gets the same code and legal representative.
func hashRand(name string) *rand.Rand {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return rand.New(rand.NewPCG(h, 0x51ab1e))
}

// partyCode returns the credit code of a company (prefix 91) or sole trader
// (prefix 92), derived from its name.
func partyCode(prefix, name string) string {
	r := hashRand(name)
	var b strings.Builder
	b.WriteString("MA")
	for i := 0; i < 6; i++ {
		b.WriteByte(creditAlphabet[r.IntN(len(creditAlphabet))])
	}
	return creditCode(prefix, regionCode, orgCode(b.String()))
}

var surnames = []string{
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
	"郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
	"余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
	"石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
	"龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
}

// compoundSurnames are rarer, and test the masking of two-character surnames.
var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫"}

var givenChars = []string{
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
	"刚", "桂", "英", "华", "玉", "兰", "萍", "红", "建", "国", "志", "文", "斌", "海", "波", "宇", "浩", "鹏", "辉", "林",
	"峰", "飞", "俊", "鑫", "琴", "凤", "云", "梅", "莉", "婷", "雪", "慧", "燕", "亮", "晨", "阳", "欣", "佳", "怡", "子",
	"轩", "睿", "博", "思", "涵", "然", "晓", "春", "秋", "冬", "德", "福", "贵", "荣", "生", "根", "金", "水", "发", "财",
	"富", "才", "成", "永", "长", "庆", "喜", "荷", "莲", "菊", "翠", "珍", "宝", "凯", "健", "彬", "毅", "婉", "琳", "蕾",
	"薇", "雯", "颖", "宁", "新", "民", "利", "光", "忠", "良", "友", "红", "卫", "东", "小", "振", "兵", "家", "宏", "清",
}

// personName returns an invented Chinese name: a surname (about 1 in 100
// compound) and one or two given-name characters.
func personName(r *rand.Rand) string {
	return surname(r) + givenName(r)
}

func surname(r *rand.Rand) string {
	if r.IntN(100) == 0 {
		return compoundSurnames[r.IntN(len(compoundSurnames))]
	}
	return surnames[r.IntN(len(surnames))]
}

func givenName(r *rand.Rand) string {
	g := givenChars[r.IntN(len(givenChars))]
	if r.IntN(10) < 7 {
		g += givenChars[r.IntN(len(givenChars))]
	}
	return g
}

// idRegions are the 示例县 region code and its neighbours in 示例市.
var idRegions = []string{regionCode, regionCode, regionCode, "390502", "390522", "390523", "390581"}

// idNumber returns a valid 18-digit 居民身份证号码 for someone born on birth.
func idNumber(r *rand.Rand, birth time.Time) string {
	s := idRegions[r.IntN(len(idRegions))] + birth.Format("20060102") + fmt.Sprintf("%03d", 1+r.IntN(998))
	return s + string(ident.IDCheck(s))
}

var (
	adultBirthMin = time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	adultBirthMax = time.Date(2005, 12, 31, 0, 0, 0, 0, time.UTC)
)

// adultBirth returns a birth date from 1950 to 2005 of someone at least 18
// years old on day.
func adultBirth(r *rand.Rand, day time.Time) time.Time {
	hi := day.AddDate(-18, 0, -1)
	if hi.After(adultBirthMax) {
		hi = adultBirthMax
	}
	span := int(hi.Sub(adultBirthMin).Hours() / 24)
	if span <= 0 {
		return adultBirthMin
	}
	return adultBirthMin.AddDate(0, 0, r.IntN(span+1))
}

// minorBirth returns the birth date of someone aged 14 to 17 on day.
func minorBirth(r *rand.Rand, day time.Time) time.Time {
	return day.AddDate(-(14 + r.IntN(4)), 0, -r.IntN(360))
}

// mobilePrefixes are the first three digits of invented mobile numbers.
var mobilePrefixes = []string{"133", "135", "137", "138", "139", "150", "151", "153", "158", "159", "176", "177", "180", "186", "187", "189", "199"}

// mobile returns an invented 11-digit mobile number.
func mobile(r *rand.Rand) string {
	return mobilePrefixes[r.IntN(len(mobilePrefixes))] + fmt.Sprintf("%08d", r.IntN(100000000))
}

// brands are invented 字号 for companies and shops.
var brands = []string{
	"鑫源", "恒达", "瑞丰", "宏运", "金盛", "华泰", "永兴", "顺通", "兴旺", "隆昌", "嘉禾", "佳美", "万通", "天润", "福源",
	"祥和", "创盛", "博远", "汇德", "宏图", "新洲", "锦程", "盛达", "益农", "绿野", "青禾", "德盛", "聚福", "和顺", "利民",
	"众兴", "宝丰", "润泽", "海川", "远航", "安泰", "银溪", "金桥", "鼎盛", "富华", "明辉", "长青", "康顺", "旭日", "诚润",
	"通达", "春晖", "溪畔", "清源", "石桥", "柳湾", "丰穗", "禾润", "秀溪", "恒隆", "合力", "伟业", "景程", "晟达", "协力",
	"泰丰", "永盛", "鸿发", "启航", "耀华", "信达", "乐源", "晨光", "东升", "朝阳", "盈丰", "同创", "俊达", "弘毅", "尚品",
	"优品", "嘉佳", "达顺", "吉祥", "千禧", "百川", "万家", "开元", "翠竹", "桃源", "杏林", "梓溪", "如意", "好运", "恒信",
}

// domainIndustries are the default industries of companies by domain, and
// domainShops the default kinds of shop of sole traders.
var (
	domainIndustries = map[string][]string{
		"市容环境": {"商贸", "餐饮管理", "物业管理", "建筑工程"},
		"城乡规划": {"建筑工程", "房地产开发", "建材"},
		"市场监管": {"商贸", "食品", "超市", "餐饮管理"},
		"生态环境": {"机械制造", "塑料制品", "建材", "餐饮管理"},
		"安全生产": {"机械制造", "五金制品", "家具制造", "纺织", "木业"},
		"交通运输": {"物流", "运输", "建材"},
		"农业农村": {"农业开发", "农资", "生态养殖", "种植专业合作社"},
		"水利":   {"砂石", "建材", "生态养殖"},
		"自然资源": {"建材", "砂石", "石材", "农业开发"},
		"文化旅游": {"文化传媒", "旅游开发", "网络科技", "娱乐"},
	}
	domainShops = map[string][]string{
		"市容环境": {"便利店", "水果店", "小吃店", "五金店"},
		"城乡规划": {"建材店", "五金店"},
		"市场监管": {"便利店", "食杂店", "小吃店", "超市"},
		"生态环境": {"饭店", "汽车修理部"},
		"安全生产": {"五金加工厂", "木材加工厂", "家具厂"},
		"交通运输": {"货运部", "物流配送站"},
		"农业农村": {"农资店", "养殖场"},
		"水利":   {"养殖场", "砂石场", "农家乐"},
		"自然资源": {"木材加工厂", "砂石场", "家庭农场", "养殖场"},
		"文化旅游": {"文具店", "图文广告店"},
	}
)

// companyName returns an invented company name in the industry: mostly
// 青溪镇+字号+行业+有限公司, sometimes registered at county level; a
// cooperative has no 有限公司.
func companyName(r *rand.Rand, industry string) string {
	place := Town
	if r.IntN(100) < 15 {
		place = County
	}
	name := place + brands[r.IntN(len(brands))] + industry
	if !strings.HasSuffix(industry, "合作社") {
		name += "有限公司"
	}
	return name
}

// soleTrader returns an invented sole trader (个体工商户) name of the kind of
// shop, and its operator.
func soleTrader(r *rand.Rand, shop string) (name, operator string) {
	switch r.IntN(3) {
	case 0:
		sn := surname(r)
		name = Town + sn + "记" + shop
		operator = sn + givenName(hashRand(name))
	case 1:
		name = Town + brands[r.IntN(len(brands))] + shop
		operator = personName(hashRand(name))
	default:
		op := personName(r)
		given := []rune(op)[len([]rune(op))-1:]
		name = Town + villages[r.IntN(len(villages))] + "阿" + string(given) + shop
		operator = op
	}
	return name, operator
}

var roads = []string{"青溪大道", "临河路", "新华街", "文昌路", "迎宾路", "工业大道", "老街", "溪东路", "溪西路", "站前路", "菜市街", "学府路", "纬二路", "建设路", "镇前街", "枫林路"}

var villages = []string{"青溪社区", "溪东社区", "上塘村", "下坞村", "石桥村", "柳湾村", "枫林村", "杏花村", "河口村", "龙潭村", "桃源村", "白沙村", "新庄村", "后山村", "竹园村", "南岗村", "东岭村", "西坞村"}

// plate returns an invented licence plate of 示例省 (abbreviation 示).
func plate(r *rand.Rand) string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	const chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := []byte{letters[r.IntN(5)]}
	for i := 0; i < 5; i++ {
		if i < 2 {
			b = append(b, chars[r.IntN(len(chars))])
		} else {
			b = append(b, chars[r.IntN(10)])
		}
	}
	return "示" + string(b[:1]) + "·" + string(b[1:])
}
