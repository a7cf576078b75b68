package sample

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// licenceHeader is the national 双公示 licensing layout (28 columns) and the
// optional trailing 权力编码.
var licenceHeader = slices.Concat(partyHeader, []string{
	"行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容", "许可决定日期",
	"有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态", "数据来源单位", "数据来源单位统一社会信用代码",
	"备注", "权力编码",
})

// Column indexes of licenceHeader.
const (
	lcName = iota
	lcClass
	lcCredit
	lcRegNo
	lcOrgCode
	lcTaxNo
	lcInstCode
	lcSocialCode
	lcLegalRep
	lcRepIDType
	lcRepID
	lcIDType
	lcIDNumber
	lcDocName
	lcDocNo
	lcCategory
	lcCert
	lcCertNo
	lcContent
	lcDecisionDate
	lcValidFrom
	lcValidUntil
	lcAuthority
	lcAuthorityCode
	lcStatus
	lcSource
	lcSourceCode
	lcRemarks
	lcPowerCode
	numLicenceCols
)

// numStandardLicenceCols is the width of the standard layout, without
// 权力编码.
const numStandardLicenceCols = lcPowerCode

// licencesPerYear is the number of licences of a full calendar year, for
// each of the five years from the oldest; a year cut short by the end date
// gets its share by working days.
var licencesPerYear = [yearsCovered]int{900, 950, 1000, 1050, 1100}

// licenceMonthWeight is the seasonality of licensing: quiet at the Spring
// Festival, busy in spring when shops open and villagers start building.
var licenceMonthWeight = [13]float64{0, 0.75, 0.6, 1.25, 1.2, 1.05, 1.0, 0.9, 0.9, 1.0, 0.95, 1.05, 1.1}

// Further bodies of the town and the county that grant or report licences.
const (
	TobaccoBureau   = "示例县烟草专卖局"
	TransportBureau = "示例县交通运输局"
)

var (
	serviceHallCode     = creditCode("12", regionCode, "MB1946217")
	tobaccoBureauCode   = creditCode("11", regionCode, "MB1522648")
	transportBureauCode = creditCode("11", regionCode, "MB1570934")
)

// Status shares in thousandths: withdrawn licences (撤销, 注销, 吊销) are
// 2.5%, and 其他 is rare.
const (
	permilleCancelled = 12 // 注销
	permilleRevoked   = 8  // 撤销
	permilleRescinded = 5  // 吊销
	permilleOther     = 3  // 其他
)

// permilleNoPowerCode is the share, in thousandths, of the town's licences
// whose row leaves 权力编码 empty although the power list has the item.
const permilleNoPowerCode = 70

// licenceType is one kind of licence granted at the town's service centre.
type licenceType struct {
	power, sub string // the item of the power list; "" for a county licence
	weight     int
	parties    string // the party classes O, S, P, repeated as weights
	category   string // 许可类别
	doc        string // 行政许可决定文书名称
	cert       string // 许可证书名称, "" when no certificate is issued
	prefix     string // of the decision number, before 〔year〕
	number     string // the 许可编号 template; "" when there is none
	years      int    // validity in years; 0 with days 0 means 长期
	days       string // validity in days, "A-B", when short
	ind, shops []string
	content    []string
	county     string // the county body that grants it, when not the town
}

// licenceTypes are the town's licences, weighted by how often each is
// granted. Templates take {road}, {village}, {n:A-B}, {a|b}, and for the
// number {year}, {seq} and {region}.
var licenceTypes = []licenceType{
	{power: "个体工商户登记", weight: 260, parties: "S", category: "登记", doc: "个体工商户准予设立登记通知书", cert: "营业执照",
		prefix: "青溪个登", shops: []string{"便利店", "食杂店", "小吃店", "早餐店", "面馆", "水果店", "五金店", "理发店", "服装店", "建材店", "汽车修理部", "农资店", "图文广告店", "手机维修店", "茶叶店"},
		content: []string{"准予个体工商户设立登记。组成形式：个人经营；经营场所：示例县青溪镇{road}{n:1-260}号；经营范围：{scope}"}},
	{power: "食品经营许可", sub: "受理转报", weight: 130, parties: "SSSSO", category: "普通", doc: "食品经营许可决定书", cert: "食品经营许可证",
		prefix: "青溪食许", number: "JY{1|2|2|3}{region}{n:100000-999999}{n:0-9}", years: 5,
		ind: []string{"餐饮管理", "超市", "食品", "商贸"}, shops: []string{"小吃店", "面馆", "饭店", "早餐店", "便利店", "食杂店", "超市", "烧烤店", "奶茶店"},
		content: []string{"经营项目：{热食类食品制售|热食类食品制售；冷食类食品制售|预包装食品（含冷藏冷冻食品）销售；散装食品（不含冷藏冷冻食品）销售|预包装食品（不含冷藏冷冻食品）销售|热食类食品制售；自制饮品制售}；经营场所：示例县青溪镇{road}{n:1-260}号"}},
	{power: "小餐饮登记", weight: 50, parties: "S", category: "登记", doc: "小餐饮登记决定书", cert: "小餐饮登记证",
		prefix: "青溪小餐登", number: "示小餐登字{region}{n:10000-99999}", years: 3, shops: []string{"小吃店", "面馆", "早餐店", "馄饨店", "烧烤店"},
		content: []string{"经营场所：示例县青溪镇{road}{n:1-260}号，经营面积{n:15-60}平方米；经营项目：{热食类食品制售|热食类食品制售；冷食类食品制售}"}},
	{power: "食品小作坊登记", weight: 15, parties: "SSO", category: "登记", doc: "食品小作坊登记决定书", cert: "食品小作坊登记证",
		prefix: "青溪坊登", number: "示食坊登字{region}{n:10000-99999}", years: 3, ind: []string{"食品", "农业开发"}, shops: []string{"豆腐坊", "糕点坊", "米粉加工坊", "酱菜坊", "酿酒坊"},
		content: []string{"生产场所：示例县青溪镇{village}{n:1-12}组；生产品种：{豆制品|糕点|米粉|酱腌菜|白酒}"}},
	{power: "乡村建设规划许可证核发", weight: 110, parties: "P", category: "普通", doc: "乡村建设规划许可决定书", cert: "乡村建设规划许可证",
		prefix: "青溪乡规许", number: "乡字第{region}{year}{seq5}号", years: 1,
		content: []string{"在{village}{n:1-12}组{新建|原址翻建|原址翻建}农村村民住宅，占地面积{n:80-150}平方米，建筑面积{n:150-360}平方米，{2|2|3}层，砖混结构"}},
	{power: "农村村民宅基地审批", sub: "新建住宅", weight: 40, parties: "P", category: "普通", doc: "农村宅基地批准书", cert: "农村宅基地批准书",
		prefix: "青溪宅批", number: "示宅批字〔{year}〕第{seq4}号",
		content: []string{"批准使用{village}{n:1-12}组集体土地{n:80-140}平方米（其中{耕地|建设用地|园地|未利用地}{n:0-60}平方米）新建住宅，户内人口{n:2-7}人"}},
	{power: "农村村民宅基地审批", sub: "原址翻建", weight: 30, parties: "P", category: "普通", doc: "农村宅基地批准书", cert: "农村宅基地批准书",
		prefix: "青溪宅批", number: "示宅批字〔{year}〕第{seq4}号",
		content: []string{"同意在{village}{n:1-12}组原宅基地上翻建住宅，宅基地面积{n:80-140}平方米，原有房屋已拆除"}},
	{power: "建设工程规划许可证核发", sub: "镇区限额以下项目", weight: 25, parties: "O", category: "普通", doc: "建设工程规划许可决定书", cert: "建设工程规划许可证",
		prefix: "青溪建规许", number: "建字第{region}{year}{seq5}号", years: 1, ind: []string{"建筑工程", "房地产开发", "机械制造", "商贸", "农业开发"},
		content: []string{"建设项目：{厂房扩建工程|仓储用房工程|综合楼工程|农产品加工用房工程|配套用房工程}；建设位置：青溪镇{village}；建设规模：总建筑面积{n:800-9800}平方米，{n:1-5}层"}},
	{power: "店招标牌设置审批", weight: 70, parties: "SSSO", category: "普通", doc: "店招标牌设置审批决定书",
		prefix: "青溪广许", years: 3, ind: []string{"商贸", "餐饮管理", "超市", "文化传媒"}, shops: []string{"便利店", "小吃店", "面馆", "服装店", "理发店", "五金店", "手机维修店", "药店"},
		content: []string{"同意在示例县青溪镇{road}{n:1-260}号门店外立面设置{平面式|灯箱式|字体式}店招标牌1块，规格{n:3-12}米×{1.0|1.2|1.5}米，设置期限3年"}},
	{power: "设置大型户外广告设施审批", weight: 8, parties: "O", category: "普通", doc: "户外广告设施设置审批决定书", cert: "户外广告设置许可证",
		prefix: "青溪广许", number: "青溪户广字〔{year}〕{seq}号", years: 2, ind: []string{"文化传媒", "房地产开发", "商贸"},
		content: []string{"同意在{road}{与工业大道交叉口|入口处|广场东侧}设置{单立柱|落地式|墙面式}户外广告设施1处，画面面积{n:18-120}平方米，设置期限2年"}},
	{power: "临时占用城市道路审批", weight: 60, parties: "OOSP", category: "普通", doc: "临时占用城市道路许可决定书",
		prefix: "青溪综执占许", days: "7-90", ind: []string{"建筑工程", "物业管理", "商贸", "文化传媒"}, shops: []string{"建材店", "五金店", "便利店", "水果店"},
		content: []string{"因{装修施工|房屋修缮|管线维修|促销活动|建筑材料临时堆放}临时占用{road}{人行道|非机动车道|路边空地}约{n:6-80}平方米，期满恢复原状"}},
	{power: "公共场所卫生许可", weight: 50, parties: "SSO", category: "普通", doc: "公共场所卫生许可决定书", cert: "公共场所卫生许可证",
		prefix: "青溪卫许", number: "示卫公证字〔{year}〕第{region}{n:100000-999999}号", years: 4,
		ind: []string{"旅游开发", "酒店管理", "娱乐"}, shops: []string{"理发店", "美容美发店", "宾馆", "旅馆", "足浴店", "浴室"},
		content: []string{"许可项目：{住宿场所|理发店、美容店|沐浴场所|住宿场所；游泳场所}；场所地址：示例县青溪镇{road}{n:1-260}号；营业面积{n:30-900}平方米"}},
	{weight: 70, parties: "SSSSO", category: "特许", doc: "烟草专卖零售许可决定书", cert: "烟草专卖零售许可证",
		prefix: "示烟专零许", number: "{region}{n:100000-999999}", years: 5, county: TobaccoBureau,
		ind: []string{"超市", "商贸"}, shops: []string{"便利店", "食杂店", "超市", "烟酒店"},
		content: []string{"准予从事卷烟、雪茄烟零售业务。经营场所：示例县青溪镇{road}{n:1-260}号；供货单位：示例省烟草公司示例市公司"}},
	{weight: 25, parties: "OOS", category: "普通", doc: "道路运输经营许可决定书", cert: "道路运输经营许可证",
		prefix: "示交运许", number: "示交运管许可示字{region}{n:100000-999999}号", years: 4, county: TransportBureau,
		ind: []string{"物流", "运输"}, shops: []string{"货运部", "物流配送站"},
		content: []string{"经营范围：{道路普通货物运输|道路普通货物运输；货物专用运输（集装箱）|道路普通货物运输（不含危险货物）}；车辆{n:1-12}辆"}},
	{power: "特种设备使用登记", weight: 15, parties: "O", category: "登记", doc: "特种设备使用登记决定书", cert: "特种设备使用登记证",
		prefix: "青溪特登", number: "{梯|容|起|锅}{n:11-17}示A{n:10000-99999}（{yy}）", ind: []string{"机械制造", "物业管理", "家具制造", "纺织", "食品"},
		content: []string{"设备类别：{曳引驱动乘客电梯|固定式压力容器|桥式起重机|承压蒸汽锅炉}；设备使用地点：青溪镇{road}{n:1-260}号；单位内编号：{n:1-9}号"}},
	{power: "林木采伐许可证核发", weight: 20, parties: "PPPO", category: "普通", doc: "林木采伐许可决定书", cert: "林木采伐许可证",
		prefix: "青溪林采许", number: "示林采字〔{year}〕{seq5}号", days: "60-180", ind: []string{"种植专业合作社", "农业开发", "木业"},
		content: []string{"采伐地点：{village}{后山|自留山|承包山}；树种：{杉木|马尾松|杂木|毛竹}；采伐方式：{择伐|皆伐|更新采伐}；采伐面积{n:1-30}亩，蓄积{n:5-120}立方米"}},
	{power: "夜间建筑施工作业许可", weight: 25, parties: "O", category: "普通", doc: "夜间建筑施工作业许可决定书",
		prefix: "青溪夜施许", days: "3-20", ind: []string{"建筑工程"},
		content: []string{"因{混凝土连续浇筑|桩基施工|管道抢修|道路沥青摊铺}需要，同意在{road}施工工地夜间（22时至次日6时）施工作业，须采取降噪措施"}},
	{power: "城市建筑垃圾处置核准", weight: 12, parties: "O", category: "核准", doc: "城市建筑垃圾处置核准决定书", cert: "城市建筑垃圾处置核准证",
		prefix: "青溪建垃核", number: "青溪建垃核字〔{year}〕{seq}号", days: "30-365", ind: []string{"运输", "物流", "建筑工程"},
		content: []string{"核准处置{village}{装修|拆迁|建设}工地建筑垃圾约{n:200-6000}立方米，运往示例县建筑垃圾消纳场；运输车辆{n:2-12}辆"}},
	{power: "烟花爆竹经营（零售）许可", weight: 15, parties: "S", category: "普通", doc: "烟花爆竹经营（零售）许可决定书", cert: "烟花爆竹经营（零售）许可证",
		prefix: "青溪烟花许", number: "（示）YH经零字〔{year}〕第{seq4}号", years: 1, shops: []string{"烟花爆竹经营部", "食杂店", "便利店"},
		content: []string{"零售点地址：示例县青溪镇{road}{n:1-260}号；限量存放{n:20-50}箱；经营种类：C级、D级烟花爆竹"}},
	{power: "取水许可", weight: 4, parties: "O", category: "特许", doc: "取水许可决定书", cert: "取水许可证",
		prefix: "青溪取水许", number: "取水（示县）字〔{year}〕第{seq3}号", years: 5, ind: []string{"生态养殖", "种植专业合作社", "食品"},
		content: []string{"取水地点：青溪河{village}段；取水方式：{泵站提水|自流引水}；年取水量{n:2-60}万立方米；用途：{农业灌溉|养殖|工业生产}"}},
	{power: "河道采砂许可", weight: 2, parties: "O", category: "特许", doc: "河道采砂许可决定书", cert: "河道采砂许可证",
		prefix: "青溪采砂许", number: "示采砂许字〔{year}〕{seq3}号", days: "90-180", ind: []string{"砂石"},
		content: []string{"采砂地点：青溪河{village}段可采区；开采总量{n:3000-20000}立方米；作业方式：{旱采|挖掘机开采}；禁采期停止作业"}},
	{power: "乡村医生执业注册", weight: 8, parties: "P", category: "认可", doc: "乡村医生执业注册决定书", cert: "乡村医生执业证书",
		prefix: "青溪医注", number: "{region}{n:100000-999999}", years: 5,
		content: []string{"准予乡村医生执业注册，执业地点：{village}卫生室"}},
	{power: "农药经营许可", weight: 5, parties: "SO", category: "普通", doc: "农药经营许可决定书", cert: "农药经营许可证",
		prefix: "青溪农药许", number: "农药经许（示）{region}{n:1000-9999}", years: 5, ind: []string{"农资"}, shops: []string{"农资店"},
		content: []string{"经营范围：农药（{不含|含}限制使用农药）；经营场所：示例县青溪镇{road}{n:1-260}号"}},
	{power: "动物诊疗许可", weight: 3, parties: "SO", category: "普通", doc: "动物诊疗许可决定书", cert: "动物诊疗许可证",
		prefix: "青溪动诊许", number: "（示）动诊证字第{region}{n:1000-9999}号", ind: []string{"生态养殖", "农业开发"}, shops: []string{"宠物诊所", "兽医站"},
		content: []string{"诊疗活动范围：{动物颅腔、胸腔和腹腔手术以外的诊疗活动|动物诊疗活动（不含犬猫）}；诊疗场所：示例县青溪镇{road}{n:1-260}号"}},
	{power: "森林防火期内野外用火审批", weight: 10, parties: "P", category: "其他-审批", doc: "野外用火审批决定书",
		prefix: "青溪用火批", days: "1-3",
		content: []string{"同意在{village}{n:1-12}组{承包地|自留山脚|田间}{烧除田埂杂草|清明祭扫|烧制火土灰}，用火面积{n:1-5}亩，须落实防火隔离带及看护人员"}},
	{power: "临时用地审批", weight: 5, parties: "O", category: "普通", doc: "临时用地批准书",
		prefix: "青溪临地批", days: "90-730", ind: []string{"建筑工程", "砂石"},
		content: []string{"批准临时使用{village}集体土地{n:500-8000}平方米，用于{施工便道|工棚搭建|材料堆场}，期满恢复原状"}},
}

// shopScopes are the 经营范围 of a sole trader's registration by kind of
// shop.
var shopScopes = map[string]string{
	"便利店":   "食品销售（仅销售预包装食品）；日用百货销售；烟草制品零售",
	"食杂店":   "食品销售（仅销售预包装食品）；日用百货销售",
	"小吃店":   "餐饮服务；食品销售",
	"早餐店":   "餐饮服务",
	"面馆":    "餐饮服务",
	"水果店":   "水果零售；农副产品销售",
	"五金店":   "五金产品零售；建筑材料销售",
	"理发店":   "理发服务；生活美容服务",
	"服装店":   "服装服饰零售；鞋帽零售",
	"建材店":   "建筑材料销售；五金产品零售",
	"汽车修理部": "机动车修理和维护；汽车零配件零售",
	"农资店":   "农药零售；化肥销售；农作物种子经营",
	"图文广告店": "图文设计制作；广告制作",
	"手机维修店": "通讯设备修理；移动终端设备销售",
	"茶叶店":   "茶叶零售；食品销售（仅销售预包装食品）",
}

// licenceGen makes one licence at a time.
type licenceGen struct {
	r     *rand.Rand
	cum   []int
	codes []string // 权力编码 by type; "" for a county licence
	seq   map[string]int
	b     strings.Builder
}

func newLicenceGen(cat *catalogue, r *rand.Rand) (*licenceGen, error) {
	byName := map[string]string{}
	for _, p := range cat.powers {
		if p.Category == "行政许可" {
			byName[p.Name+"|"+p.SubName] = p.Code
		}
	}
	g := &licenceGen{r: r, seq: map[string]int{}}
	total := 0
	for _, t := range licenceTypes {
		code := ""
		if t.power != "" {
			code = byName[t.power+"|"+t.sub]
			if code == "" {
				return nil, fmt.Errorf("sample: licence %s %s: no such 行政许可 item in the power list", t.power, t.sub)
			}
		}
		total += t.weight
		g.cum = append(g.cum, total)
		g.codes = append(g.codes, code)
	}
	return g, nil
}

// gen fills row with a licence decided on day; a withdrawal it records
// falls on end at the latest.
func (g *licenceGen) gen(row []string, day, end time.Time, dateFmt func(time.Time) string) {
	r := g.r
	for i := range row {
		row[i] = ""
	}
	x := r.IntN(g.cum[len(g.cum)-1])
	ti := 0
	for g.cum[ti] <= x {
		ti++
	}
	t := &licenceTypes[ti]
	class := t.parties[r.IntN(len(t.parties))]

	// The party.
	var person, op, shop string
	row[lcClass] = classNames[class]
	switch class {
	case 'O':
		name := companyName(r, t.ind[r.IntN(len(t.ind))])
		hr := hashRand(name)
		rep := personName(hr)
		row[lcName], row[lcCredit], row[lcLegalRep] = name, partyCode("91", name), rep
		if r.IntN(10) < 3 {
			row[lcRepIDType], row[lcRepID] = "身份证", idNumber(hr, adultBirth(hr, time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)))
		}
	case 'S':
		shop = t.shops[r.IntN(len(t.shops))]
		name, o := soleTrader(r, shop)
		op = o
		row[lcName], row[lcCredit], row[lcLegalRep] = name, partyCode("92", name), op
		if r.IntN(10) < 2 {
			hr := hashRand(name)
			row[lcRepIDType], row[lcRepID] = "身份证", idNumber(hr, adultBirth(hr, time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)))
		}
	case 'P':
		person = personName(r)
		row[lcName], row[lcIDType], row[lcIDNumber] = person, "身份证", idNumber(r, adultBirth(r, day))
	}

	// The decision.
	key := t.prefix + strconv.Itoa(day.Year())
	g.seq[key]++
	seq := g.seq[key]
	row[lcDocName] = t.doc
	row[lcDocNo] = fmt.Sprintf("%s〔%d〕%d号", t.prefix, day.Year(), seq)
	row[lcCategory] = t.category
	row[lcCert] = t.cert
	switch {
	case t.power == "个体工商户登记":
		// The number of a business licence is the trader's credit code.
		row[lcCertNo] = row[lcCredit]
	case t.number != "":
		row[lcCertNo] = g.fill(t.number, day, seq)
	}

	b := &g.b
	b.Reset()
	switch {
	case class == 'P' && r.IntN(100) < 30:
		b.WriteString("申请人" + person)
		if r.IntN(3) == 0 {
			b.WriteString("（联系电话：" + mobile(r) + "）")
		}
		b.WriteString("：")
	case class == 'P' && r.IntN(100) < 12:
		b.WriteString("申请人联系电话" + mobile(r) + "。")
	case class == 'S' && t.power == "个体工商户登记":
		b.WriteString("经营者：" + op + "。")
	}
	tpl := t.content[r.IntN(len(t.content))]
	if scope, ok := shopScopes[shop]; ok {
		tpl = strings.ReplaceAll(tpl, "{scope}", scope)
	}
	expand(b, r, tpl, 0)
	row[lcContent] = b.String()

	// Validity.
	from := day
	until := time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC)
	switch {
	case t.years > 0:
		until = from.AddDate(t.years, 0, -1)
	case t.days != "":
		lo, hi, _ := parseRange(t.days)
		from = day.AddDate(0, 0, r.IntN(4))
		until = from.AddDate(0, 0, lo+r.IntN(hi-lo+1)-1)
	}
	row[lcDecisionDate], row[lcValidFrom], row[lcValidUntil] = dateFmt(day), dateFmt(from), dateFmt(until)

	// Who granted and who reported it.
	switch {
	case t.county == TobaccoBureau:
		row[lcAuthority], row[lcAuthorityCode] = TobaccoBureau, tobaccoBureauCode
		row[lcSource], row[lcSourceCode] = TobaccoBureau, tobaccoBureauCode
	case t.county == TransportBureau:
		row[lcAuthority], row[lcAuthorityCode] = TransportBureau, transportBureauCode
		row[lcSource], row[lcSourceCode] = TransportBureau, transportBureauCode
	case strings.HasPrefix(t.prefix, "青溪综执"):
		row[lcAuthority], row[lcAuthorityCode] = Enforcement, EnforcementCode
		row[lcSource], row[lcSourceCode] = Enforcement, EnforcementCode
	default:
		row[lcAuthority], row[lcAuthorityCode] = Government, GovernmentCode
		if r.IntN(2) == 0 {
			row[lcSource], row[lcSourceCode] = ServiceHall, serviceHallCode
		} else {
			row[lcSource], row[lcSourceCode] = Government, GovernmentCode
		}
	}
	if t.county != "" && r.IntN(3) == 0 {
		row[lcRemarks] = "青溪镇便民服务中心受理"
	}

	// The status: withdrawn licences carry the reason and date in 备注.
	row[lcStatus] = "有效"
	when := day.AddDate(0, 0, 20+r.IntN(400))
	if when.After(end) {
		when = end
	}
	switch s := r.IntN(1000); {
	case s < permilleCancelled:
		row[lcStatus] = "注销"
		row[lcRemarks] = dateCN(when) + "依申请注销"
	case s < permilleCancelled+permilleRevoked:
		row[lcStatus] = "撤销"
		row[lcRemarks] = dateCN(when) + "因申请人隐瞒有关情况、提供虚假材料取得许可，依法撤销"
	case s < permilleCancelled+permilleRevoked+permilleRescinded:
		row[lcStatus] = "吊销"
		row[lcRemarks] = dateCN(when) + "因违法经营被依法吊销许可证件"
	case s < permilleCancelled+permilleRevoked+permilleRescinded+permilleOther:
		row[lcStatus] = "其他"
		row[lcRemarks] = "许可事项已变更，以变更后的许可为准"
	}
	if t.power != "" && r.IntN(1000) >= permilleNoPowerCode {
		row[lcPowerCode] = g.codes[ti]
	}
}

// fill expands a number template: {region}, {year}, {yy}, {seq}, {seq3},
// {seq4}, {seq5}, and the choices of expand.
func (g *licenceGen) fill(tpl string, day time.Time, seq int) string {
	tpl = strings.NewReplacer(
		"{region}", regionCode,
		"{year}", strconv.Itoa(day.Year()),
		"{yy}", fmt.Sprintf("%02d", day.Year()%100),
		"{seq}", strconv.Itoa(seq),
		"{seq3}", fmt.Sprintf("%03d", seq),
		"{seq4}", fmt.Sprintf("%04d", seq),
		"{seq5}", fmt.Sprintf("%05d", seq),
	).Replace(tpl)
	var b strings.Builder
	expand(&b, g.r, tpl, 0)
	return b.String()
}

// licencePlans returns each year's working days and its number of licences.
func licencePlans(end time.Time) []yearPlan {
	first := end.Year() - yearsCovered + 1
	plans := make([]yearPlan, yearsCovered)
	for i := range plans {
		y := first + i
		p := &plans[i]
		p.year = y
		p.days, p.cum = workingDays(y, end, &licenceMonthWeight)
		_, full := workingDays(y, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), &licenceMonthWeight)
		if len(p.cum) > 0 {
			p.n = int(math.Round(float64(licencesPerYear[i]) * p.cum[len(p.cum)-1] / full[len(full)-1]))
		}
	}
	return plans
}

// licenceSink receives the rows of one year's file.
type licenceSink interface {
	write(row []string) error
	close() error
}

type licenceCSV struct {
	c    *csvFile
	cols int
}

func (s licenceCSV) write(row []string) error { return s.c.write(row[:s.cols]) }
func (s licenceCSV) close() error             { return s.c.close() }

// licenceXLSX writes the XLSX year: a merged title row, the header and the
// rows.
type licenceXLSX struct {
	b     *book
	o     *output
	rel   string
	title string
	vals  []any
}

func (s *licenceXLSX) write(row []string) error {
	for i, v := range row {
		if v == "" {
			s.vals[i] = nil
		} else {
			s.vals[i] = v
		}
	}
	return s.b.add(s.vals)
}

func (s *licenceXLSX) close() error { return s.b.save(s.rel, s.title) }

func newLicenceXLSX(o *output, rel string, year int) (*licenceXLSX, error) {
	b, err := newBook(o, "行政许可")
	if err != nil {
		return nil, err
	}
	s := &licenceXLSX{b: b, o: o, rel: rel, title: fmt.Sprintf("%s%d年行政许可决定公示", Town, year), vals: make([]any, numLicenceCols)}
	widths := map[int]float64{lcName: 30, lcClass: 16, lcCredit: 22, lcDocName: 26, lcDocNo: 22, lcCert: 22, lcCertNo: 24, lcContent: 60, lcAuthority: 18, lcSource: 18}
	for c := 0; c < numLicenceCols; c++ {
		w, ok := widths[c]
		if !ok {
			w = 12
		}
		if err := b.sw.SetColWidth(c+1, c+1, w); err != nil {
			return nil, err
		}
	}
	if err := b.add([]any{excelize.Cell{StyleID: b.style(titleStyle), Value: s.title}}, excelize.RowOpts{Height: 32}); err != nil {
		return nil, err
	}
	last, _ := excelize.CoordinatesToCellName(numLicenceCols, 1)
	if err := b.sw.MergeCell("A1", last); err != nil {
		return nil, err
	}
	if err := b.add(styled(b.style(headerStyle), licenceHeader...), excelize.RowOpts{Height: 42}); err != nil {
		return nil, err
	}
	return s, nil
}

// openLicenceSink creates the file of the i-th year in the shape of that
// year's penalty file, and returns how its dates are written. The oldest
// year is an old system's export (GBK, CRLF, dashed dates) that knows only
// the 28 standard columns.
func openLicenceSink(o *output, rel string, i, year int) (licenceSink, func(time.Time) string, error) {
	switch i {
	case 0:
		c, err := o.createCSV(rel+".csv", false, func(w io.Writer) io.WriteCloser {
			return transform.NewWriter(w, simplifiedchinese.GBK.NewEncoder())
		})
		if err != nil {
			return nil, nil, err
		}
		c.write(licenceHeader[:numStandardLicenceCols])
		return licenceCSV{c, numStandardLicenceCols}, func(t time.Time) string { return t.Format("2006-01-02") }, nil
	case 1:
		s, err := newLicenceXLSX(o, rel+".xlsx", year)
		if err != nil {
			return nil, nil, err
		}
		return s, dateSlash, nil
	}
	c, err := o.createCSV(rel+".csv", i == 2, nil)
	if err != nil {
		return nil, nil, err
	}
	c.write(licenceHeader) // errors surface when the file is closed
	return licenceCSV{c, numLicenceCols}, dateSlash, nil
}

// writeLicences writes one file of licensing decisions per year, and returns
// how many it wrote.
func writeLicences(o *output, cat *catalogue, r *rand.Rand) (int, error) {
	g, err := newLicenceGen(cat, r)
	if err != nil {
		return 0, err
	}
	written := 0
	row := make([]string, numLicenceCols)
	plans := licencePlans(o.end)
	for i := range plans {
		p := &plans[i]
		rel := fmt.Sprintf("data/licences/行政许可-%d", p.year)
		sink, dateFmt, err := openLicenceSink(o, rel, i, p.year)
		if err != nil {
			return 0, err
		}
		ds := dateStream{p: p, r: r, cur: 1, k: p.n}
		for k := 0; k < p.n; k++ {
			g.gen(row, ds.next(), o.end, dateFmt)
			if err := sink.write(row); err != nil {
				sink.close()
				return 0, err
			}
		}
		if err := sink.close(); err != nil {
			return 0, fmt.Errorf("sample: %s: %w", rel, err)
		}
		written += p.n
	}
	return written, nil
}
