package sample

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// inspectionHeader is the common inspection-results layout (the columns of
// ../shared/samples/行政检查-常见格式.csv); oldInspectionHeader is the same
// columns as an older 双随机 system names them.
var (
	inspectionHeader    = []string{"检查编号", "事项编码", "检查事项", "检查对象", "统一社会信用代码", "检查方式", "检查日期", "检查结果", "处理情况", "检查机关"}
	oldInspectionHeader = []string{"抽查编号", "事项编码", "抽查事项", "被检查对象", "统一社会信用代码", "检查类型", "检查时间", "抽查结果", "处理结果", "检查单位"}
)

// Column indexes of inspectionHeader.
const (
	icNo = iota
	icCode
	icItem
	icParty
	icCredit
	icMethod
	icDate
	icResult
	icAction
	icAuthority
	numInspectionCols
)

// inspectionsPerYear is the number of inspections of a full calendar year,
// for each of the five years from the oldest, as 双随机 and routine
// inspections grow; a year cut short by the end date gets its share by
// working days.
var inspectionsPerYear = [yearsCovered]int{340, 390, 430, 470, 520}

// inspectionMonthWeight is the seasonality of inspections: quiet at the
// Spring Festival, campaigns before holidays and in the burning season.
var inspectionMonthWeight = [13]float64{0, 1.1, 0.6, 1.0, 1.0, 1.1, 1.2, 0.9, 0.9, 1.2, 1.1, 1.0, 1.3}

// inspectionType is one kind of inspection, on an item of the power list.
type inspectionType struct {
	power   string // the 行政检查 item's name in the power list
	domain  string
	weight  int
	parties string // O, S, P, repeated as weights
	methods string // R 双随机, D 日常检查, Z 专项检查, repeated as weights
	ind     []string
	shops   []string
	problem []string // what an inspection finds, templates for expand
}

// inspectionTypes are the town's inspections, weighted by how often each
// is carried out. Natural persons are inspected on the ground (巡查), never
// drawn by 双随机, which draws market entities.
var inspectionTypes = []inspectionType{
	{"对食品经营者的日常监督检查", "市场监管", 30, "OSSS", "RRRDDZ", []string{"商贸", "食品", "超市"}, []string{"便利店", "食杂店", "超市", "小吃店"},
		[]string{"{食品未按规定分区存放|部分预包装食品标签不全|从业人员健康证明过期|未落实进货查验记录制度|冷藏柜温度记录缺失}"}},
	{"对食品小作坊、小餐饮的监督检查", "市场监管", 22, "S", "RRDZ", nil, []string{"小吃店", "面馆", "早餐店", "饭店"},
		[]string{"后厨{生熟食品未分开存放|防蝇防鼠设施缺失|餐具消毒记录缺失|垃圾桶未加盖}"}},
	{"对个体工商户经营行为的检查", "市场监管", 10, "S", "RRRD", nil, []string{"便利店", "五金店", "服装店", "水果店"},
		[]string{"{营业执照未在醒目位置悬挂|实际经营场所与登记住所不一致|未按规定明码标价}"}},
	{"对计量器具使用的检查", "市场监管", 6, "SSO", "RRD", []string{"商贸", "农资"}, []string{"水果店", "农资店", "食杂店"},
		[]string{"电子计价秤{未经检定|超过检定周期}仍在使用"}},
	{"对特种设备使用单位的检查", "市场监管", 5, "O", "RRZ", []string{"机械制造", "物流", "五金制品"}, nil,
		[]string{"{叉车|货运电梯|储气罐}未按期申报定期检验"}},
	{"对小微企业安全生产的检查", "安全生产", 14, "OOS", "RDDZ", []string{"五金制品", "家具制造", "木业", "纺织"}, []string{"五金加工厂", "木材加工厂"},
		[]string{"{灭火器压力不足|车间电气线路私拉乱接|安全出口堆放杂物|未建立安全生产责任制|机械防护罩缺失}"}},
	{"对“三小场所”消防安全的检查", "安全生产", 14, "S", "DDZZ", nil, []string{"小吃店", "便利店", "五金店", "理发店"},
		[]string{"{经营场所内住人且未采取防火分隔|灭火器失效|疏散通道堆放杂物}"}},
	{"对瓶装燃气使用的检查", "安全生产", 10, "S", "DZZ", nil, []string{"饭店", "小吃店", "面馆"},
		[]string{"{燃气软管老化|未安装可燃气体报警装置|液化气钢瓶存放在地下室|使用超期未检钢瓶}"}},
	{"对电动自行车停放充电的检查", "安全生产", 6, "PPS", "DZ", nil, []string{"便利店", "快递代收点"},
		[]string{"{在楼道内停放电动自行车充电|从楼上飞线为电动自行车充电}"}},
	{"对餐饮油烟排放的检查", "生态环境", 8, "S", "DDZ", nil, []string{"饭店", "小吃店", "烧烤店"},
		[]string{"油烟净化设施{未正常使用|长期未清洗}"}},
	{"对露天焚烧秸秆的巡查", "生态环境", 6, "P", "DZ", nil, nil,
		[]string{"在{village}{n:1-12}组承包地{准备焚烧|焚烧}{水稻|油菜|小麦}秸秆"}},
	{"对农村宅基地使用的检查", "农业农村", 6, "P", "D", nil, nil,
		[]string{"超出批准面积建设住宅约{n:5-30}平方米", "未经批准在宅基地旁搭建附属用房"}},
	{"对店招标牌设置的检查", "市容环境", 8, "S", "DZ", nil, []string{"便利店", "小吃店", "服装店", "五金店"},
		[]string{"店招{破损|未经设置审查擅自设置|超出规定尺寸}"}},
	{"对施工工地围挡和保洁的检查", "市容环境", 5, "O", "DZ", []string{"建筑工程"}, nil,
		[]string{"{施工围挡破损|出入口未设置车辆冲洗设施|裸土未覆盖}"}},
	{"对农药经营的检查", "农业农村", 6, "SO", "RRD", []string{"农资"}, []string{"农资店"},
		[]string{"{未建立农药经营台账|限制使用农药未实行定点经营}"}},
	{"对互联网上网服务营业场所的检查", "文化旅游", 3, "S", "RD", nil, []string{"网吧"},
		[]string{"未核对、登记上网消费者的有效身份证件"}},
	{"对林木采伐的检查", "自然资源", 3, "P", "DZ", nil, nil,
		[]string{"在{village}{自留山|承包山}采伐林木超出许可数量"}},
}

// Result shares by method, in percent: 未发现问题, then 责令限期整改 (a
// quarter of them 当场整改), the rest 立案查处.
var inspectionResultShares = map[byte][2]int{'R': {80, 97}, 'D': {65, 95}, 'Z': {55, 90}}

// inspectionGen makes one inspection at a time.
type inspectionGen struct {
	r     *rand.Rand
	cum   []int
	codes []string // 事项编码 by type; "" when the power list lacks the item
	seq   map[string]int
	b     strings.Builder
}

func newInspectionGen(cat *catalogue, r *rand.Rand) *inspectionGen {
	g := &inspectionGen{r: r, seq: map[string]int{}}
	g.cum, g.codes = typeTable(inspectionTypes, powerCodes(cat, "行政检查"), func(t inspectionType) (int, string) { return t.weight, t.power })
	return g
}

// powerCodes maps the names of the power list's items of a category to
// their codes.
func powerCodes(cat *catalogue, category string) map[string]string {
	m := map[string]string{}
	for _, p := range cat.powers {
		if p.Category == category && p.SubName == "" {
			m[p.Name] = p.Code
		}
	}
	return m
}

// pickType returns an index of cum drawn by weight.
func pickType(r *rand.Rand, cum []int) int {
	x := r.IntN(cum[len(cum)-1])
	i := 0
	for cum[i] <= x {
		i++
	}
	return i
}

// gen fills row with an inspection on day; a re-inspection it records
// falls on end at the latest.
func (g *inspectionGen) gen(row []string, day, end time.Time) {
	r := g.r
	clear(row)
	ti := pickType(r, g.cum)
	t := &inspectionTypes[ti]
	class := t.parties[r.IntN(len(t.parties))]
	var person string
	switch class {
	case 'O':
		name := companyName(r, t.ind[r.IntN(len(t.ind))])
		row[icParty], row[icCredit] = name, partyCode("91", name)
	case 'S':
		name, _ := soleTrader(r, t.shops[r.IntN(len(t.shops))])
		row[icParty], row[icCredit] = name, partyCode("92", name)
	case 'P':
		person = personName(r)
		row[icParty] = person
	}
	method := t.methods[r.IntN(len(t.methods))]
	if class == 'P' && method == 'R' {
		method = 'D'
	}
	row[icMethod] = map[byte]string{'R': "双随机", 'D': "日常检查", 'Z': "专项检查"}[method]
	row[icItem], row[icCode] = t.power, g.codes[ti]
	row[icDate] = day.Format("2006-01-02")

	authority, prefix := Enforcement, "青溪综执检"
	switch t.domain {
	case "安全生产", "农业农村", "自然资源", "文化旅游":
		authority, prefix = Government, "青溪镇检"
	}
	row[icAuthority] = authority
	key := prefix + strconv.Itoa(day.Year())
	g.seq[key]++
	row[icNo] = fmt.Sprintf("%s〔%d〕%d号", prefix, day.Year(), g.seq[key])

	b := &g.b
	b.Reset()
	if class == 'P' && r.IntN(100) < 30 {
		b.WriteString(person)
		if r.IntN(2) == 0 {
			b.WriteString("（联系电话" + mobile(r) + "）")
		}
	}
	shares := inspectionResultShares[method]
	switch x := r.IntN(100); {
	case x < shares[0]:
		row[icResult] = "未发现问题"
		b.Reset() // nothing found: nothing about the party either
		if r.IntN(10) < 3 {
			b.WriteString("检查结果已当场告知")
		}
	case x < shares[1] && r.IntN(4) == 0:
		row[icResult] = "当场整改"
		expand(b, r, t.problem[r.IntN(len(t.problem))], 0)
		b.WriteString("，已当场整改")
	case x < shares[1]:
		row[icResult] = "责令限期整改"
		due := day.AddDate(0, 0, 7+r.IntN(24))
		expand(b, r, t.problem[r.IntN(len(t.problem))], 0)
		b.WriteString("，责令于" + dateCN(due) + "前整改完毕")
		if back := due.AddDate(0, 0, r.IntN(5)); !back.After(end) {
			b.WriteString("；" + dateCN(back) + "复查，已整改到位")
		}
	default:
		row[icResult] = "立案查处"
		expand(b, r, t.problem[r.IntN(len(t.problem))], 0)
		b.WriteString("，已立案调查")
	}
	row[icAction] = b.String()
}

// coercionHeader is the layout of the town's 行政强制 register.
var coercionHeader = []string{"文书号", "事项编码", "当事人", "当事人类别", "统一社会信用代码", "证件类型", "证件号码", "强制措施", "涉及财物",
	"决定日期", "期限", "解除日期", "实施机关", "当前状态", "备注"}

// Column indexes of coercionHeader.
const (
	ccNo = iota
	ccCode
	ccParty
	ccClass
	ccCredit
	ccIDType
	ccIDNumber
	ccMeasure
	ccProperty
	ccDate
	ccTerm
	ccReleased
	ccAuthority
	ccStatus
	ccRemarks
	numCoercionCols
)

// coercionPerYear is the number of coercive measures of a full calendar
// year, for each of the five years from the oldest.
var coercionPerYear = [yearsCovered]int{26, 31, 35, 40, 44}

// permilleRevokedMeasure is the share, in thousandths, of measures revoked
// on review (撤销): withdrawn from publication.
const permilleRevokedMeasure = 15

// coercionType is one kind of coercive measure, on an item of the power
// list.
type coercionType struct {
	power    string // the 行政强制 item's name in the power list
	measure  string
	weight   int
	parties  string
	ind      []string
	shops    []string
	property []string // templates for expand
}

// coercionTypes are the town's coercive measures, weighted by frequency.
var coercionTypes = []coercionType{
	{"扣押占道经营的物品和工具", "扣押", 30, "PPS", nil, []string{"水果店", "小吃店", "便利店"},
		[]string{"占道经营的三轮车1辆及所载水果", "占道经营的货架{n:2-5}个", "占道经营的桌椅{n:3-8}套、遮阳伞{n:1-3}把", "占道经营的电子秤1台及蔬菜{n:2-6}筐"}},
	{"暂扣非法营运车辆", "暂扣", 20, "P", nil, nil,
		[]string{"无牌三轮摩托车1辆", "从事非法营运的{plate}小型轿车1辆", "无营运资质的电动三轮车1辆"}},
	{"扣押露天烧烤的工具", "扣押", 12, "PS", nil, []string{"烧烤店", "小吃店"},
		[]string{"烧烤炉{n:1-3}台、烤串架{n:1-2}个"}},
	{"扣押擅自设置的户外广告设施", "扣押", 8, "SO", []string{"商贸", "文化传媒"}, []string{"便利店", "服装店"},
		[]string{"擅自设置的落地广告牌{n:1-4}块"}},
	{"查封、扣押不符合食品安全标准的食品", "扣押", 6, "SO", []string{"食品", "商贸"}, []string{"食杂店", "超市"},
		[]string{"超过保质期的{饼干|牛奶|方便面|饮料}{n:5-40}{盒|袋|瓶}", "来源不明的冻品{n:10-80}千克"}},
	{"查封违法建设施工现场", "查封", 6, "PO", []string{"建筑工程"}, nil,
		[]string{"{village}{n:1-12}组违法建设施工现场"}},
	{"查封、扣押不符合保障安全生产标准的设施、设备、器材", "查封", 5, "O", []string{"五金制品", "木业", "家具制造"}, nil,
		[]string{"未设置防护装置的冲床{n:1-3}台", "不符合安全标准的电焊机{n:1-2}台", "存在重大事故隐患的喷漆房1间"}},
	{"扣押禁用渔具", "扣押", 5, "P", nil, nil,
		[]string{"电鱼器具1套", "地笼网{n:2-10}条", "密眼拖网1张"}},
	{"扣押违法运输散装物料的车辆", "扣押", 4, "O", []string{"运输", "物流", "建材"}, nil,
		[]string{"未密闭运输渣土的{plate}自卸货车1辆"}},
	{"扣押非法运输的木材", "扣押", 3, "P", nil, nil,
		[]string{"无运输证明的{杉木|松木|杂木}约{n:2-8}立方米"}},
}

// coercionGen makes one coercive measure at a time.
type coercionGen struct {
	r     *rand.Rand
	cum   []int
	codes []string
	seq   map[int]int
	b     strings.Builder
}

func newCoercionGen(cat *catalogue, r *rand.Rand) *coercionGen {
	g := &coercionGen{r: r, seq: map[int]int{}}
	g.cum, g.codes = typeTable(coercionTypes, powerCodes(cat, "行政强制"), func(t coercionType) (int, string) { return t.weight, t.power })
	return g
}

// typeTable gives the cumulative weights of a list of record types, for
// pickType, and the power code of each type's item (codes by item name).
func typeTable[T any](types []T, codes map[string]string, of func(T) (weight int, power string)) (cum []int, out []string) {
	total := 0
	for _, t := range types {
		w, p := of(t)
		total += w
		cum = append(cum, total)
		out = append(out, codes[p])
	}
	return cum, out
}

// gen fills row with a measure decided on day; a release it records falls
// on end at the latest, and a measure decided within its term of end may
// still stand.
func (g *coercionGen) gen(row []string, day, end time.Time) {
	r := g.r
	clear(row)
	ti := pickType(r, g.cum)
	t := &coercionTypes[ti]
	class := t.parties[r.IntN(len(t.parties))]
	var person string
	row[ccClass] = classNames[class]
	switch class {
	case 'O':
		name := companyName(r, t.ind[r.IntN(len(t.ind))])
		row[ccParty], row[ccCredit] = name, partyCode("91", name)
	case 'S':
		name, _ := soleTrader(r, t.shops[r.IntN(len(t.shops))])
		row[ccParty], row[ccCredit] = name, partyCode("92", name)
	case 'P':
		person = personName(r)
		row[ccParty], row[ccIDType], row[ccIDNumber] = person, "身份证", idNumber(r, adultBirth(r, day))
	}
	g.seq[day.Year()]++
	row[ccNo] = fmt.Sprintf("青溪综执强〔%d〕%d号", day.Year(), g.seq[day.Year()])
	row[ccCode], row[ccMeasure] = g.codes[ti], t.measure
	b := &g.b
	b.Reset()
	expand(b, r, t.property[r.IntN(len(t.property))], 0)
	if class == 'P' && r.IntN(100) < 25 {
		b.WriteString("（" + person + "所有）")
	}
	row[ccProperty] = b.String()
	row[ccDate] = day.Format("2006-01-02")
	row[ccAuthority], row[ccStatus] = Enforcement, "正常"

	// 行政强制法 art. 25: 30 days, or a date; released mostly within it.
	days := 30
	if r.IntN(4) == 0 {
		row[ccTerm] = day.AddDate(0, 0, days-1).Format("2006-01-02")
	} else {
		row[ccTerm] = strconv.Itoa(days) + "日"
	}
	switch x := r.IntN(100); {
	case x < 8:
		row[ccRemarks] = "已转入行政处罚程序，强制措施尚未解除"
	default:
		if rel := day.AddDate(0, 0, 2+r.IntN(days)); !rel.After(end) {
			row[ccReleased] = rel.Format("2006-01-02")
		}
	}
	if r.IntN(1000) < permilleRevokedMeasure {
		row[ccStatus] = "撤销"
		row[ccRemarks] = "经行政复议决定撤销"
	}
}

// recordPlans returns each year's working days and its number of records,
// perYear being the numbers of full years.
func recordPlans(end time.Time, perYear *[yearsCovered]int, weight *[13]float64) []yearPlan {
	first := end.Year() - yearsCovered + 1
	plans := make([]yearPlan, yearsCovered)
	for i := range plans {
		y := first + i
		p := &plans[i]
		p.year = y
		p.days, p.cum = workingDays(y, end, weight)
		_, full := workingDays(y, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), weight)
		if len(p.cum) > 0 {
			p.n = int(math.Round(float64(perYear[i]) * p.cum[len(p.cum)-1] / full[len(full)-1]))
		}
	}
	return plans
}

// writeInspections writes one file of inspections per year, and returns how
// many it wrote. The oldest year is an older 双随机 system's export: GBK,
// CRLF, its own headers, and 双随机 spelled 双随机一公开.
func writeInspections(o *output, cat *catalogue, r *rand.Rand) (int, error) {
	g := newInspectionGen(cat, r)
	written := 0
	row := make([]string, numInspectionCols)
	plans := recordPlans(o.end, &inspectionsPerYear, &inspectionMonthWeight)
	for i := range plans {
		p := &plans[i]
		rel := fmt.Sprintf("data/inspections/行政检查-%d.csv", p.year)
		var enc func(io.Writer) io.WriteCloser
		header := inspectionHeader
		if i == 0 {
			header = oldInspectionHeader
			enc = func(w io.Writer) io.WriteCloser { return transform.NewWriter(w, simplifiedchinese.GBK.NewEncoder()) }
		}
		c, err := o.createCSV(rel, false, enc)
		if err != nil {
			return 0, err
		}
		c.write(header) // errors surface when the file is closed
		ds := dateStream{p: p, r: r, cur: 1, k: p.n}
		for k := 0; k < p.n; k++ {
			g.gen(row, ds.next(), o.end)
			if i == 0 && row[icMethod] == "双随机" {
				row[icMethod] = "双随机一公开"
			}
			c.write(row)
		}
		if err := c.close(); err != nil {
			return 0, fmt.Errorf("sample: %s: %w", rel, err)
		}
		written += p.n
	}
	return written, nil
}

// writeCoercion writes the register of coercive measures of the five years
// in one file, and returns how many it wrote.
func writeCoercion(o *output, cat *catalogue, r *rand.Rand) (int, error) {
	g := newCoercionGen(cat, r)
	rel := "data/coercion/行政强制措施.csv"
	c, err := o.createCSV(rel, true, nil)
	if err != nil {
		return 0, err
	}
	c.write(coercionHeader)
	written := 0
	row := make([]string, numCoercionCols)
	plans := recordPlans(o.end, &coercionPerYear, &monthWeight)
	for i := range plans {
		p := &plans[i]
		ds := dateStream{p: p, r: r, cur: 1, k: p.n}
		for k := 0; k < p.n; k++ {
			g.gen(row, ds.next(), o.end)
			c.write(row)
		}
		written += p.n
	}
	if err := c.close(); err != nil {
		return 0, fmt.Errorf("sample: %s: %w", rel, err)
	}
	return written, nil
}
