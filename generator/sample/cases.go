package sample

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// partyHeader is the first 13 columns of the national 双公示 layouts of
// penalties and of licences alike: the party.
var partyHeader = []string{
	"行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "行政相对人代码_2（工商注册号）",
	"行政相对人代码_3（组织机构代码）", "行政相对人代码_4（税务登记号）", "行政相对人代码_5（事业单位证书号）",
	"行政相对人代码_6（社会组织登记证号）", "法定代表人", "法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码",
}

// caseHeader is the national 双公示 layout (30 columns, amounts in 万元) and
// two optional trailing columns.
var caseHeader = slices.Concat(partyHeader, []string{
	"行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
	"没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
	"处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
	"程序类型", "权力编码",
})

// Column indexes of caseHeader.
const (
	colName = iota
	colClass
	colCredit
	colRegNo
	colOrgCode
	colTaxNo
	colInstCode
	colSocialCode
	colLegalRep
	colRepIDType
	colRepID
	colIDType
	colIDNumber
	colDecisionNo
	colViolation
	colFacts
	colBasis
	colCategory
	colContent
	colFine
	colConfiscated
	colLicence
	colDecisionDate
	colValidUntil
	colPublishUntil
	colAuthority
	colAuthorityCode
	colSource
	colSourceCode
	colRemarks
	colProcedure
	colPowerCode
	numCaseCols
)

// yearsCovered is how many calendar years of decisions are written.
const yearsCovered = 5

// withdrawnRate is the share of decisions later withdrawn; at least
// minWithdrawn are, so the withdrawal rules always have something to do.
const (
	withdrawnRate = 0.003
	minWithdrawn  = 3
)

// Party classes, as letters of the penalty catalogue.
var classes = [3]byte{'O', 'S', 'P'}

var classNames = map[byte]string{'O': "法人及非法人组织", 'S': "个体工商户", 'P': "自然人"}

// wtable picks penalties by weight.
type wtable struct {
	items []*penalty
	cum   []float64
}

func (t *wtable) pick(r *rand.Rand) *penalty {
	x := r.Float64() * t.cum[len(t.cum)-1]
	i := sort.SearchFloat64s(t.cum, x)
	if i >= len(t.items) {
		i = len(t.items) - 1
	}
	return t.items[i]
}

// simpleCap is the largest fine of the 简易程序: 200 yuan for a person, 3000
// for an organisation.
func simpleCap(class byte) int {
	if class == 'P' {
		return 200
	}
	return 3000
}

// caseGen makes one decision at a time.
type caseGen struct {
	r      *rand.Rand
	tables [3][2]wtable // by class, then ordinary / simple procedure
	b      strings.Builder
}

func newCaseGen(cat *catalogue, r *rand.Rand) (*caseGen, error) {
	g := &caseGen{r: r}
	for ci, class := range classes {
		for simple := 0; simple < 2; simple++ {
			t := &g.tables[ci][simple]
			total := 0.0
			for _, p := range cat.penalties {
				if p.Weight == 0 || !p.allows(class) {
					continue
				}
				if simple == 1 {
					// The 简易程序 is for minor matters: a warning, or a
					// small fine the law allows.
					lo, hi := p.fineRange(class)
					if p.has('X') || p.SqmMax > 0 || !(p.has('W') || lo <= simpleCap(class) && hi <= 20000) {
						continue
					}
				}
				total += float64(p.Weight)
				t.items = append(t.items, p)
				t.cum = append(t.cum, total)
			}
			if len(t.items) == 0 {
				return nil, fmt.Errorf("sample: no penalty item for party class %c", class)
			}
		}
	}
	return g, nil
}

// caseInfo is what the file writers need besides the row.
type caseInfo struct {
	fine        int64 // yuan
	confiscated int64 // yuan
	decisionNo  string
	date        time.Time
}

// gen fills row with decision number seq of year, decided on day.
func (g *caseGen) gen(row []string, day time.Time, seq int, dateFmt func(time.Time) string) caseInfo {
	r := g.r
	for i := range row {
		row[i] = ""
	}
	var class byte
	switch x := r.IntN(100); {
	case x < 55:
		class = 'O'
	case x < 80:
		class = 'S'
	default:
		class = 'P'
	}
	ci := strings.IndexByte("OSP", class)
	simple := r.IntN(100) < 8
	si := 0
	if simple {
		si = 1
	}
	p := g.tables[ci][si].pick(r)

	// The party.
	var who, rep string
	row[colClass] = classNames[class]
	switch class {
	case 'O':
		name := companyName(r, p.Ind[r.IntN(len(p.Ind))])
		hr := hashRand(name)
		rep = personName(hr)
		row[colName], row[colCredit], row[colLegalRep] = name, partyCode("91", name), rep
		if r.IntN(10) < 3 {
			row[colRepIDType], row[colRepID] = "身份证", idNumber(hr, adultBirth(hr, time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)))
		}
		who = name
	case 'S':
		name, op := soleTrader(r, p.Biz[r.IntN(len(p.Biz))])
		rep = op
		row[colName], row[colCredit], row[colLegalRep] = name, partyCode("92", name), op
		if r.IntN(10) < 2 {
			hr := hashRand(name)
			row[colRepIDType], row[colRepID] = "身份证", idNumber(hr, adultBirth(hr, time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)))
		}
		who = name
	case 'P':
		name := personName(r)
		birth := adultBirth(r, day)
		if r.IntN(300) == 0 {
			birth = minorBirth(r, day)
		}
		row[colName], row[colIDType], row[colIDNumber] = name, "身份证", idNumber(r, birth)
		if r.IntN(2) == 0 {
			who = name
		}
	}

	// The facts, sometimes with a phone or ID number that must be masked.
	area := 15 + r.IntN(286)
	var rate int
	if p.SqmMax > 0 {
		rate = p.SqmMin + 50*r.IntN((p.SqmMax-p.SqmMin)/50+1)
		lo, hi := p.fineRange(class)
		minA, maxA := (lo+rate-1)/rate, hi/rate
		if maxA < minA {
			maxA = minA
		}
		area = minA + r.IntN(maxA-minA+1)
	}
	b := &g.b
	b.Reset()
	b.WriteString(dateCN(day.AddDate(0, 0, -(7 + r.IntN(50)))))
	b.WriteString("，")
	b.WriteString(discoveries[r.IntN(len(discoveries))])
	b.WriteString("，当事人")
	b.WriteString(who)
	if r.IntN(100) < 5 {
		switch {
		case class == 'P' && r.IntN(5) < 2:
			b.WriteString("（身份证号码：" + row[colIDNumber] + "）")
		case class == 'P':
			b.WriteString("（联系电话：" + mobile(r) + "）")
		default:
			b.WriteString("（负责人" + rep + "，联系电话：" + mobile(r) + "）")
		}
	}
	if tpls := acts[p.Short]; len(tpls) > 0 {
		g.expand(tpls[r.IntN(len(tpls))], area)
	} else {
		b.WriteString("存在")
		b.WriteString(p.Full)
		b.WriteString("的行为")
	}
	b.WriteString("。经调查，当事人的上述行为违反了")
	b.WriteString(p.Law + p.Violated)
	b.WriteString("的规定。")
	row[colFacts] = b.String()
	row[colViolation] = p.Short
	row[colBasis] = p.Law + p.Article

	// The penalty.
	var cats []string
	var content string
	info := caseInfo{date: day}
	lo, hi := p.fineRange(class)
	validUntil := dateFmt(time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC))
	heavy := false
	switch {
	case p.has('X'):
		cats = []string{"其他-责令限期拆除"}
		content = "责令停止建设，限期" + strconv.Itoa(10+5*r.IntN(5)) + "日内自行拆除违法建筑物、构筑物"
	case simple:
		if hi > simpleCap(class) {
			hi = simpleCap(class)
		}
		if lo == 0 {
			lo = 50
		}
		if p.has('W') && (lo > hi || r.IntN(2) == 0) {
			cats, content = []string{"警告"}, "警告"
		} else {
			info.fine = int64(lo + 50*r.IntN((hi-lo)/50+1))
			cats, content = []string{"罚款"}, "罚款"+yuan(info.fine)
		}
	default:
		if rate > 0 {
			info.fine = int64(area * rate)
		} else {
			info.fine = int64(pickFine(r, lo, hi))
		}
		u := r.Float64()
		switch {
		case p.has('W') && u < p.WarnP:
			info.fine = 0
			cats, content = []string{"警告"}, "警告"
		case p.has('W') && u < p.WarnP+0.1:
			cats, content = []string{"警告", "罚款"}, "警告，并处罚款"+yuan(info.fine)
		case p.has('C') && u < 0.4:
			// Illegal gains are usually small beside the fine.
			info.confiscated = int64(50 + 10*r.IntN(int(max(info.fine/20, 20))))
			cats = []string{"没收违法所得", "罚款"}
			content = "没收违法所得" + yuan(info.confiscated) + "，并处罚款" + yuan(info.fine)
		default:
			cats, content = []string{"罚款"}, "罚款"+yuan(info.fine)
		}
		if rate > 0 && info.fine > 0 {
			content += "（按非法占用土地每平方米" + strconv.Itoa(rate) + "元计）"
		}
		if info.fine > 0 && p.has('L') && r.IntN(100) < 10 {
			months := 1 + r.IntN(6)
			cats = append(cats, "暂扣或者吊销许可证")
			content += "，暂扣" + p.Licence + strconv.Itoa(months) + "个月"
			row[colLicence] = p.Licence + "（示县" + licenceTag(p.Licence) + "〔" + strconv.Itoa(day.Year()-1-r.IntN(3)) + "〕" + strconv.Itoa(1+r.IntN(300)) + "号）"
			validUntil = dateFmt(day.AddDate(0, months, 0))
			heavy = true
		}
		if info.fine > 0 && p.has('T') && r.IntN(100) < 6 {
			days := 5 * (1 + r.IntN(6))
			cats = append(cats, "责令停产停业")
			content += "，责令停产停业整顿" + strconv.Itoa(days) + "日"
			validUntil = dateFmt(day.AddDate(0, 0, days))
			heavy = true
		}
		if info.fine >= 10000 {
			heavy = true
		}
	}
	row[colCategory] = strings.Join(cats, ";")
	row[colContent] = content
	if info.fine > 0 {
		row[colFine] = wan(info.fine)
	}
	if info.confiscated > 0 {
		row[colConfiscated] = wan(info.confiscated)
	}

	info.decisionNo = fmt.Sprintf("青溪综执罚〔%d〕%d号", day.Year(), seq)
	row[colDecisionNo] = info.decisionNo
	row[colDecisionDate] = dateFmt(day)
	row[colValidUntil] = validUntil
	if !simple && r.IntN(100) < 33 {
		years := 1
		if heavy {
			years = 3
		}
		row[colPublishUntil] = dateFmt(day.AddDate(years, 0, 0))
	}
	row[colAuthority], row[colAuthorityCode] = Government, GovernmentCode
	row[colSource], row[colSourceCode] = Government, GovernmentCode
	if r.IntN(100) < 3 {
		row[colRemarks] = remarks[r.IntN(len(remarks))]
	}
	if simple {
		row[colProcedure] = "简易程序"
	} else {
		row[colProcedure] = "普通程序"
	}
	row[colPowerCode] = p.Code
	return info
}

var discoveries = []string{
	"青溪镇综合行政执法队执法人员在日常巡查中发现",
	"执法人员接群众举报后到现场检查发现",
	"执法人员在专项整治行动中发现",
	"执法人员在检查中发现",
	"执法人员根据12345热线转办线索到现场核查发现",
}

var remarks = []string{"当事人已履行完毕", "已缴纳罚款", "经申请，准予分期缴纳罚款", "当事人已整改到位"}

// licenceTag abbreviates a licence for its number.
func licenceTag(lic string) string {
	switch {
	case strings.Contains(lic, "建筑垃圾"):
		return "建垃运"
	case strings.Contains(lic, "网络文化"):
		return "网文"
	}
	return "许"
}

// pickFine draws a fine in [lo, hi], weighted towards the low end and
// rounded as decisions round them; a quarter of decisions impose the
// minimum.
func pickFine(r *rand.Rand, lo, hi int) int {
	if hi <= lo || r.IntN(4) == 0 {
		return lo
	}
	u := r.Float64()
	x := float64(lo) + u*u*float64(hi-lo)
	step := 50.0
	switch {
	case x >= 20000:
		step = 1000
	case x >= 5000:
		step = 500
	case x >= 1000:
		step = 100
	}
	v := int(math.Round(x/step) * step)
	if v < lo {
		v = lo
	}
	if v > hi {
		v = hi
	}
	return v
}

// wan formats yuan as 万元, the unit of the standard: 2000 → "0.2".
func wan(y int64) string {
	return strconv.FormatFloat(float64(y)/10000, 'f', -1, 64)
}

// yuan formats an amount in running text: 2000 → "2000元".
func yuan(y int64) string { return strconv.FormatInt(y, 10) + "元" }

// expand writes a fact template: {road}, {village}, {plate}, {area},
// {n:A-B} and {a|b|c} (one of the alternatives).
func (g *caseGen) expand(tpl string, area int) { expand(&g.b, g.r, tpl, area) }

// expand writes tpl to b, drawing its choices from r: {road}, {village},
// {plate}, {area}, {n:A-B} and {a|b|c} (one of the alternatives).
func expand(b *strings.Builder, r *rand.Rand, tpl string, area int) {
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return
		}
		b.WriteString(tpl[:i])
		j := strings.IndexByte(tpl[i:], '}') + i
		key := tpl[i+1 : j]
		tpl = tpl[j+1:]
		switch {
		case key == "road":
			b.WriteString(roads[r.IntN(len(roads))])
		case key == "village":
			b.WriteString(villages[r.IntN(len(villages))])
		case key == "plate":
			b.WriteString(plate(r))
		case key == "area":
			b.WriteString(strconv.Itoa(area))
		case strings.HasPrefix(key, "n:"):
			lo, hi, _ := parseRange(key[2:])
			b.WriteString(strconv.Itoa(lo + r.IntN(hi-lo+1)))
		default:
			alts := strings.Split(key, "|")
			b.WriteString(alts[r.IntN(len(alts))])
		}
	}
}

// acts describe what the party did, for the penalties used most.
var acts = map[string][]string{
	"占道经营":               {"在{road}{人行道|路口|桥头|农贸市场外侧}擅自摆摊销售{水果|蔬菜|小吃|服装|日用百货|早点}，占用道路面积约{n:2-12}平方米", "驾驶三轮车在{road}沿街流动销售{水果|蔬菜|小吃}，经劝导后仍占道经营"},
	"店外经营":               {"超出店面门窗在{road}人行道上{摆放商品|摆放桌椅经营|从事车辆维修作业|堆放货物}，占道面积约{n:3-20}平方米"},
	"擅自堆放物料":             {"未经批准在{road}道路两侧堆放{砂石|砖块|木材|建筑材料}约{n:5-40}立方米"},
	"未按规定分类投放生活垃圾":       {"将{厨余垃圾与其他垃圾混合|可回收物与厨余垃圾混合|装修垃圾与生活垃圾混合}投放至{road}{其他垃圾|厨余垃圾|可回收物}收集容器内，经现场劝导后拒不改正"},
	"无证运输建筑垃圾":           {"使用{plate}重型自卸货车，在未取得建筑垃圾处置核准（运输证）的情况下，将{village}一处{拆迁|装修|建设}工地产生的建筑垃圾约{n:8-40}立方米运往{village}"},
	"运输建筑垃圾沿途遗撒":         {"所属{plate}渣土运输车辆在{road}运输建筑垃圾过程中沿途遗撒，污染路面约{n:20-300}平方米"},
	"超标排放油烟":             {"在{road}经营餐饮服务，{未安装油烟净化设施|油烟净化设施未正常使用|经检测油烟排放浓度超过国家标准}，油烟直接排放，影响周边居民正常生活"},
	"露天焚烧秸秆":             {"在{village}{n:1-12}组{承包地|田间|田埂}露天焚烧{水稻|小麦|油菜|玉米}秸秆，过火面积约{n:1-8}亩"},
	"露天烧烤":               {"在{road}{门店外|夜市|广场}露天烧烤食品，产生的油烟影响周边环境"},
	"露天焚烧垃圾":             {"在{village}{空地|河滩|厂区内}露天焚烧{废旧轮胎|塑料薄膜|电缆外皮|生活垃圾}"},
	"违法占用耕地":             {"未经批准擅自占用{village}{n:1-12}组耕地{area}平方米{硬化后作为停车场|堆放建材|建设厂房|搭建养殖棚}"},
	"非法占用土地":             {"未经批准擅自占用{village}集体土地{area}平方米建设{仓库|厂房|简易房|围墙}"},
	"擅自搭建建筑物":            {"未经批准在{village}{自家宅基地旁|房屋顶部|院内|道路旁}擅自搭建{彩钢棚|砖混结构房屋|简易仓库|钢架大棚}，面积约{area}平方米"},
	"未经规划许可建设":           {"未取得建设工程规划许可证在{village}擅自建设{厂房|仓库|办公用房|住宅}，建筑面积约{area}平方米"},
	"乡村规划区内违法建设":         {"未取得乡村建设规划许可证在{village}{n:1-12}组擅自建设{住宅|附属用房|厂房}，占地面积约{area}平方米"},
	"农村村民未经批准非法占用土地建住宅":  {"未经批准占用{village}{n:1-12}组集体土地{area}平方米建设住宅"},
	"经营超过保质期食品":          {"在其经营场所内销售{n:2-30}{盒|袋|瓶}已超过保质期的{饼干|牛奶|方便面|饮料|面包|调味品}，货值{n:20-600}元"},
	"小餐饮未办理登记":           {"在{road}开设餐馆，未取得小餐饮登记证从事餐饮经营活动"},
	"从业人员未取得健康证明":        {"安排{n:1-4}名未取得健康证明的人员从事{厨房加工|凉菜制作|餐饮服务}工作"},
	"非法营运":               {"驾驶{plate}小型轿车在{road}从事出租客运经营，向乘客收取车费{n:10-80}元"},
	"使用高音广播喇叭招揽顾客":       {"在{road}门店门口使用高音广播喇叭招揽顾客，噪声影响周边居民"},
	"未对从业人员进行安全生产教育和培训":  {"未按照规定对{n:2-30}名从业人员进行安全生产教育和培训"},
	"未及时消除事故隐患":          {"对执法人员检查中发现的{电气线路私拉乱接|消防设施损坏|危险物品混存|机械防护装置缺失}等事故隐患未采取措施消除"},
	"占用堵塞疏散通道":           {"在其经营场所{堆放货物|停放车辆|锁闭安全出口}，占用、堵塞疏散通道"},
	"违规停放电动自行车或者充电":      {"在{village}一处居民楼楼梯间停放电动自行车并私拉电线充电"},
	"非法采砂":               {"未经许可在青溪河{village}段河道管理范围内使用{挖掘机|采砂船}采砂约{n:20-300}立方米"},
	"无证采矿":               {"未取得采矿许可证在{village}{后山|山坡|河滩}擅自开采{石料|砂石|黏土}约{n:50-800}立方米"},
	"滥伐林木":               {"未取得林木采伐许可证，在{village}{后山|自留山|承包山}采伐{杉木|松木|杂木}{n:5-80}株"},
	"经营假劣农药":             {"销售{n:5-60}{瓶|袋}经检验为{假农药|劣质农药}的{杀虫剂|除草剂|杀菌剂}，货值{n:200-3000}元"},
	"互联网上网服务营业场所接纳未成年人":  {"经营的网吧接纳{n:1-4}名未成年人进入营业场所上网"},
	"未经定点从事生猪屠宰活动":       {"未经定点在{village}自家院内从事生猪屠宰活动，屠宰生猪{n:1-6}头"},
	"占用堵塞消防车通道":          {"在{village}{小区|道路}消防车通道内{停放车辆|堆放杂物|设置障碍物}，妨碍消防车通行"},
	"在河道管理范围内弃置堆放阻碍行洪物体": {"在青溪河{village}段河道管理范围内堆放{建筑垃圾|砂石|杂物}约{n:10-200}立方米"},
}

// yearPlan is one year's decision days and how many decisions it gets.
type yearPlan struct {
	year int
	days []time.Time
	cum  []float64 // cumulative day weights
	n    int
}

// monthWeight is the seasonality of enforcement: quiet around the Spring
// Festival, busy in the harvest months when straw is burnt.
var monthWeight = [13]float64{0, 0.8, 0.55, 1.0, 1.05, 1.15, 1.2, 1.0, 0.9, 1.0, 1.1, 1.1, 0.95}

// planYears spreads total decisions over the five calendar years ending at
// end, by working days and a rising trend.
func planYears(end time.Time, total int) []yearPlan {
	first := end.Year() - yearsCovered + 1
	plans := make([]yearPlan, yearsCovered)
	weights := make([]float64, yearsCovered)
	sum := 0.0
	for i := range plans {
		y := first + i
		p := &plans[i]
		p.year = y
		p.days, p.cum = workingDays(y, end, &monthWeight)
		acc := 0.0
		if len(p.cum) > 0 {
			acc = p.cum[len(p.cum)-1]
		}
		weights[i] = acc * (1 + 0.08*float64(i))
		sum += weights[i]
	}
	// Largest remainders, so the counts add up to total exactly.
	type rem struct {
		i int
		f float64
	}
	var rems []rem
	given := 0
	for i := range plans {
		if sum == 0 {
			break
		}
		exact := float64(total) * weights[i] / sum
		plans[i].n = int(exact)
		given += plans[i].n
		rems = append(rems, rem{i, exact - float64(plans[i].n)})
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].f > rems[b].f })
	for k := 0; given < total && k < len(rems); k++ {
		plans[rems[k].i].n++
		given++
	}
	return plans
}

// workingDays returns the working days of year y up to end, and their
// cumulative weights by month.
func workingDays(y int, end time.Time, weight *[13]float64) (days []time.Time, cum []float64) {
	acc := 0.0
	for d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == y && !d.After(end); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || holiday(d) {
			continue
		}
		acc += weight[d.Month()]
		days = append(days, d)
		cum = append(cum, acc)
	}
	return days, cum
}

// holiday reports the fixed public holidays on which no decision is made.
func holiday(d time.Time) bool {
	m, day := d.Month(), d.Day()
	return m == time.January && day == 1 || m == time.May && day <= 3 || m == time.October && day <= 7
}

// dates yields the plan's n decision days in ascending order without
// holding them: sorted uniform variates are generated from the largest down
// (Bentley and Saxe) and mapped through the day weights.
type dateStream struct {
	p   *yearPlan
	r   *rand.Rand
	cur float64
	k   int
}

func (s *dateStream) next() time.Time {
	s.cur *= math.Pow(s.r.Float64(), 1/float64(s.k))
	s.k--
	x := (1 - s.cur) * s.p.cum[len(s.p.cum)-1]
	i := sort.SearchFloat64s(s.p.cum, x)
	if i >= len(s.p.days) {
		i = len(s.p.days) - 1
	}
	return s.p.days[i]
}

// caseSink receives the rows of one year's file.
type caseSink interface {
	write(row []string, info caseInfo) error
	close() error
}

type csvSink struct{ c *csvFile }

func (s csvSink) write(row []string, _ caseInfo) error { return s.c.write(row) }
func (s csvSink) close() error                         { return s.c.close() }

// xlsxSink writes the XLSX year: a merged title row, the header, the rows
// with amounts as numbers, and a 合计 row.
type xlsxSink struct {
	b        *book
	o        *output
	rel      string
	title    string
	fineSum  int64
	confSum  int64
	firstRow int
	vals     []any
}

func newXLSXSink(o *output, rel string, year int) (*xlsxSink, error) {
	b, err := newBook(o, "行政处罚")
	if err != nil {
		return nil, err
	}
	s := &xlsxSink{b: b, o: o, rel: rel, title: fmt.Sprintf("%s%d年行政处罚决定公示", Town, year), vals: make([]any, numCaseCols)}
	widths := map[int]float64{colName: 30, colClass: 16, colCredit: 22, colDecisionNo: 24, colViolation: 24, colFacts: 60, colBasis: 36, colContent: 30, colDecisionDate: 12, colAuthority: 16}
	for c := 0; c < numCaseCols; c++ {
		w, ok := widths[c]
		if !ok {
			w = 12
		}
		if err := b.sw.SetColWidth(c+1, c+1, w); err != nil {
			return nil, err
		}
	}
	title := b.style(titleStyle)
	if err := b.add([]any{excelize.Cell{StyleID: title, Value: s.title}}, excelize.RowOpts{Height: 32}); err != nil {
		return nil, err
	}
	last, _ := excelize.CoordinatesToCellName(numCaseCols, 1)
	if err := b.sw.MergeCell("A1", last); err != nil {
		return nil, err
	}
	if err := b.add(styled(b.style(headerStyle), caseHeader...), excelize.RowOpts{Height: 42}); err != nil {
		return nil, err
	}
	s.firstRow = b.row + 1
	return s, nil
}

func (s *xlsxSink) write(row []string, info caseInfo) error {
	for i, v := range row {
		switch {
		case v == "":
			s.vals[i] = nil
		case i == colFine:
			s.vals[i] = float64(info.fine) / 10000
		case i == colConfiscated:
			s.vals[i] = float64(info.confiscated) / 10000
		default:
			s.vals[i] = v
		}
	}
	s.fineSum += info.fine
	s.confSum += info.confiscated
	return s.b.add(s.vals)
}

func (s *xlsxSink) close() error {
	total := make([]any, numCaseCols)
	total[colName] = "合计"
	last := s.b.row
	sum := func(col int, v int64) excelize.Cell {
		c := excelize.Cell{Value: float64(v) / 10000}
		if last >= s.firstRow {
			a, _ := excelize.CoordinatesToCellName(col+1, s.firstRow)
			z, _ := excelize.CoordinatesToCellName(col+1, last)
			c.Formula = "SUM(" + a + ":" + z + ")"
		}
		return c
	}
	total[colFine] = sum(colFine, s.fineSum)
	total[colConfiscated] = sum(colConfiscated, s.confSum)
	if err := s.b.add(total); err != nil {
		return err
	}
	return s.b.save(s.rel, s.title)
}

// openCaseSink creates the file of the i-th year, in that year's shape, and
// returns how its dates are written.
func openCaseSink(o *output, rel string, i, year int) (caseSink, func(time.Time) string, error) {
	switch i {
	case 0: // an old system's export: GBK, CRLF line ends, dashed dates
		c, err := o.createCSV(rel+".csv", false, func(w io.Writer) io.WriteCloser {
			return transform.NewWriter(w, simplifiedchinese.GBK.NewEncoder())
		})
		if err != nil {
			return nil, nil, err
		}
		return csvSink{c}, func(t time.Time) string { return t.Format("2006-01-02") }, nil
	case 1:
		s, err := newXLSXSink(o, rel+".xlsx", year)
		if err != nil {
			return nil, nil, err
		}
		return s, dateSlash, nil
	}
	c, err := o.createCSV(rel+".csv", i == 2, nil)
	if err != nil {
		return nil, nil, err
	}
	return csvSink{c}, dateSlash, nil
}

// writeCases writes one file per year and the withdrawals, and returns the
// number of decisions and of withdrawals.
func writeCases(o *output, cat *catalogue, total int, r *rand.Rand) (int, int, error) {
	g, err := newCaseGen(cat, r)
	if err != nil {
		return 0, 0, err
	}
	plans := planYears(o.end, total)
	if rows := plans[1].n + 3; rows > excelize.TotalRows {
		return 0, 0, fmt.Errorf("sample: %d decisions in %d do not fit in one worksheet (at most %d rows): ask for fewer cases", plans[1].n, plans[1].year, excelize.TotalRows-3)
	}
	written := 0
	for _, p := range plans {
		written += p.n
	}
	// Selection sampling: exactly want of the written decisions are
	// withdrawn, chosen as they stream past.
	want := int(math.Round(float64(written) * withdrawnRate))
	if want < minWithdrawn {
		want = minWithdrawn
	}
	if want > written {
		want = written
	}
	type withdrawal struct {
		no, reason string
		date       time.Time
	}
	var withdrawn []withdrawal
	seen := 0
	row := make([]string, numCaseCols)
	for i := range plans {
		p := &plans[i]
		rel := fmt.Sprintf("data/cases/行政处罚-%d", p.year)
		sink, dateFmt, err := openCaseSink(o, rel, i, p.year)
		if err != nil {
			return 0, 0, err
		}
		if cs, ok := sink.(csvSink); ok {
			cs.c.write(caseHeader) // errors surface when the file is closed
		}
		ds := dateStream{p: p, r: r, cur: 1, k: p.n}
		for seq := 1; seq <= p.n; seq++ {
			day := ds.next()
			info := g.gen(row, day, seq, dateFmt)
			if err := sink.write(row, info); err != nil {
				sink.close()
				return 0, 0, err
			}
			if r.IntN(written-seen) < want-len(withdrawn) {
				w := withdrawal{no: info.decisionNo, date: day.AddDate(0, 0, 20+r.IntN(130))}
				if w.date.After(o.end) {
					w.date = o.end
				}
				switch x := r.IntN(100); {
				case x < 40:
					w.reason = "行政复议撤销"
				case x < 65:
					w.reason = "法院判决撤销"
				default:
					w.reason = "决定变更"
				}
				withdrawn = append(withdrawn, w)
			}
			seen++
		}
		if err := sink.close(); err != nil {
			return 0, 0, fmt.Errorf("sample: %s: %w", rel, err)
		}
	}
	c, err := o.createCSV("data/withdrawals/撤回公示.csv", false, nil)
	if err != nil {
		return 0, 0, err
	}
	c.write([]string{"行政处罚决定书文号", "处罚机关", "撤回原因", "撤回日期"})
	for _, w := range withdrawn {
		c.write([]string{w.no, Government, w.reason, dateSlash(w.date)})
	}
	if err := c.close(); err != nil {
		return 0, 0, err
	}
	return written, len(withdrawn), nil
}
