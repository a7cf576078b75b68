package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/xuri/excelize/v2"
)

// powerHeader is the common power-list layout.
var powerHeader = []string{"事项编码", "事项名称", "子项名称", "事项类型", "权力来源", "实施主体", "承办机构", "设定依据", "实施依据", "责任事项", "追责情形", "追责依据", "行使层级", "所属领域", "监督电话", "备注"}

// domainInfo is what the power list says about a domain: the county
// department that handed the powers down, the town office that does the
// work, the laws items without their own basis cite, and the supervision
// line.
type domainInfo struct {
	dept, office, law string
	phone             int
}

var domains = map[string]domainInfo{
	"市容环境":   {"示例县综合行政执法局", "青溪镇村镇建设办公室", "《城市市容和环境卫生管理条例》", 1},
	"城乡规划":   {"示例县住房和城乡建设局", "青溪镇村镇建设办公室", "《中华人民共和国城乡规划法》", 2},
	"市场监管":   {"示例县市场监督管理局", "青溪镇经济发展办公室", "《中华人民共和国食品安全法》", 3},
	"生态环境":   {"示例市生态环境局示例县分局", "青溪镇生态环境办公室", "《中华人民共和国环境保护法》", 4},
	"安全生产":   {"示例县应急管理局", "青溪镇应急管理办公室", "《中华人民共和国安全生产法》", 5},
	"交通运输":   {"示例县交通运输局", "青溪镇村镇建设办公室", "《中华人民共和国公路法》", 6},
	"农业农村":   {"示例县农业农村局", "青溪镇农业农村办公室", "《中华人民共和国农业法》", 7},
	"水利":     {"示例县水利局", "青溪镇农业农村办公室", "《中华人民共和国水法》", 8},
	"自然资源":   {"示例县自然资源和规划局", "青溪镇村镇建设办公室", "《中华人民共和国土地管理法》", 9},
	"文化旅游":   {"示例县文化和旅游局", "青溪镇社会事务办公室", "《中华人民共和国公共文化服务保障法》", 10},
	"民政":     {"示例县民政局", "青溪镇社会事务办公室", "《社会救助暂行办法》", 11},
	"社会保障":   {"示例县人力资源和社会保障局", "青溪镇社会事务办公室", "《中华人民共和国社会保险法》", 12},
	"卫生健康":   {"示例县卫生健康局", "青溪镇社会事务办公室", "《中华人民共和国基本医疗卫生与健康促进法》", 13},
	"退役军人事务": {"示例县退役军人事务局", "青溪镇退役军人服务站", "《中华人民共和国退役军人保障法》", 14},
}

// Documents by which the county handed powers to the town (fictional).
const (
	docDevolved   = "《示例县人民政府关于向青溪镇下放部分县级行政权力事项的决定》（示县政发〔2021〕12号）"
	docAuthorised = "《示例省人民政府关于赋予经济发达镇部分县级经济社会管理权限的决定》（示政发〔2020〕21号）"
	docProvince   = "《示例省乡镇（街道）综合行政执法条例》第十二条"
)

// duties are the 责任事项 by category: the steps of exercising the power.
var duties = map[string][]string{
	"行政处罚": {
		"立案责任：对在检查中发现、群众举报或者有关部门移送的违法线索予以审查，决定是否立案。",
		"调查取证责任：指定两名以上具有行政执法资格的执法人员调查，收集证据，制作笔录；与当事人有直接利害关系的应当回避。",
		"审查责任：对案件违法事实、证据、程序、法律适用、处罚种类和幅度、当事人陈述申辩理由等进行审查，提出处理意见；依法需要法制审核的，进行法制审核。",
		"告知责任：作出行政处罚决定前，书面告知当事人拟作出处罚的事实、理由、依据、内容及其依法享有的陈述、申辩、要求听证等权利。",
		"决定责任：制作行政处罚决定书，载明违法事实、证据、处罚依据和内容、履行方式和期限、救济途径等；情节复杂或者重大违法行为应当集体讨论决定。",
		"送达责任：行政处罚决定书在七日内依法送达当事人。",
		"执行责任：监督当事人履行处罚决定；逾期不履行的，依法加处罚款或者申请人民法院强制执行。",
		"公示责任：在七个工作日内依法公开行政处罚决定信息。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政许可": {
		"受理责任：公示应当提交的材料，一次性告知补正材料，依法受理或者不予受理（不予受理的应当告知理由）。",
		"审查责任：对申请材料进行审查，必要时进行现场核查，提出审查意见。",
		"决定责任：在法定期限内作出准予许可或者不予许可的决定；不予许可的，书面告知理由。",
		"送达责任：准予许可的，制发许可证件并依法送达、公开。",
		"事后监管责任：加强对被许可人从事许可事项活动的监督检查。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政强制": {
		"催告责任：实施行政强制执行前，书面催告当事人履行义务。",
		"决定责任：听取当事人陈述、申辩，制作行政强制决定书，载明强制措施的理由、依据和救济途径。",
		"执行责任：由两名以上执法人员实施，出示执法证件，通知当事人到场，制作现场笔录。",
		"事后处置责任：对查封、扣押的财物妥善保管，及时作出处理决定；不再需要采取措施的，及时解除。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政征收": {
		"受理责任：依法核定征收对象、范围和标准。",
		"审核责任：审核缴费义务人申报的材料，计算应缴金额。",
		"征收责任：开具缴款通知书，按规定票据收缴，及时足额缴入国库。",
		"公开责任：公开征收依据、标准和程序。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政给付": {
		"受理责任：公示给付条件、标准和材料，依法受理申请。",
		"审核责任：组织入户调查、家庭经济状况核对，提出审核意见。",
		"公示责任：在申请人所在村（社区）公示审核结果。",
		"决定责任：依法作出给付或者不予给付的决定，不予给付的说明理由。",
		"发放责任：按时足额发放给付资金或者物资。",
		"动态管理责任：定期核查给付对象情况，及时调整或者停止给付。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政检查": {
		"检查责任：制定年度检查计划，随机抽取检查对象、随机选派执法人员，出示执法证件，依法实施检查。",
		"处置责任：对检查中发现的问题责令改正；涉嫌违法的，依法立案查处或者移送有关部门。",
		"信息公开责任：依法公开检查结果。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政确认": {
		"受理责任：公示确认条件和材料，依法受理申请。",
		"审查责任：审查申请材料，必要时进行调查核实。",
		"决定责任：作出确认或者不予确认的决定，不予确认的说明理由。",
		"送达责任：制发确认文书并送达申请人。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政奖励": {
		"制定方案责任：制定奖励方案，明确奖励条件和标准。",
		"组织推荐责任：组织推荐或者受理申报。",
		"审核公示责任：审核推荐对象，公示拟奖励名单。",
		"表彰奖励责任：作出奖励决定，兑现奖励。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"行政裁决": {
		"受理责任：审查裁决申请，依法受理或者不予受理。",
		"调查责任：通知争议双方，调查取证，必要时进行现场勘查。",
		"调解责任：先行调解，达成协议的制作调解书。",
		"裁决责任：调解不成的，依法作出裁决。",
		"送达执行责任：送达裁决书，告知救济途径。",
		"其他法律法规规章文件规定应履行的责任。",
	},
	"其他行政权力": {
		"受理责任：依法受理申请或者报告。",
		"办理责任：按规定程序和时限办理。",
		"监督责任：对办理结果进行跟踪监督。",
		"其他法律法规规章文件规定应履行的责任。",
	},
}

// accountabilityBasis is the law on the duties of each category.
var accountabilityBasis = map[string]string{
	"行政处罚": "《中华人民共和国行政处罚法》第七十六条至第八十一条",
	"行政许可": "《中华人民共和国行政许可法》第七十一条至第七十七条",
	"行政强制": "《中华人民共和国行政强制法》第六十一条至第六十八条",
}

// numbered joins items as a numbered multi-line cell: "1.…\n2.…".
func numbered(items ...string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%d.%s", i+1, it)
	}
	return b.String()
}

// powerRow returns the cells of one item of the power list.
func powerRow(p power, i int, r *rand.Rand) []string {
	d := domains[p.Domain]
	office := d.office
	if p.Category == "行政处罚" || p.Category == "行政强制" {
		office = Enforcement
	}
	var setBasis string
	var impl []string
	if p.pen != nil {
		setBasis = p.pen.Law + p.pen.Article
		impl = []string{p.pen.Law + p.pen.Violated, p.pen.Law + p.pen.Article, docProvince}
	} else {
		setBasis = d.law
		impl = []string{d.law}
	}
	remark := ""
	switch p.Source {
	case "上级下放":
		impl = append(impl, docDevolved)
		if r.IntN(4) == 0 {
			remark = fmt.Sprintf("自%d年1月1日起由%s下放实施", 2021+r.IntN(3), d.dept)
		}
	case "上级委托":
		impl = append(impl, fmt.Sprintf("《%s行政执法事项委托书》（%d年）", d.dept, 2021+r.IntN(3)))
		remark = "委托机关：" + d.dept
	case "上级授权":
		impl = append(impl, docAuthorised)
	}
	cat := p.Category
	acc := "因不履行或者不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应当承担相应责任：\n" + numbered(
		"没有法律或者事实依据实施"+cat+"的；",
		"违反法定程序实施"+cat+"的；",
		"应当依法实施而未实施，或者未在法定期限内实施的；",
		"实施过程中滥用职权、玩忽职守、徇私舞弊的；",
		"索取或者收受他人财物，或者谋取其他利益的；",
		"泄露工作中知悉的国家秘密、商业秘密或者个人隐私的；",
		"其他违反法律法规规章规定的行为。",
	)
	basis := []string{"《中华人民共和国公职人员政务处分法》", "《中华人民共和国公务员法》第五十九条", "《行政机关公务员处分条例》"}
	if b := accountabilityBasis[cat]; b != "" {
		basis = append(basis, b)
	}
	basis = append(basis, "《示例省行政执法监督条例》")
	return []string{
		p.Code, p.Name, p.SubName, cat, p.Source, Government, office, setBasis, numbered(impl...),
		numbered(duties[cat]...), acc, numbered(basis...), "镇（乡、街道）", p.Domain,
		fmt.Sprintf("%s1%03d", hotline, d.phone), remark,
	}
}

// writePowers writes data/powers/青溪镇权力清单.xlsx.
func writePowers(o *output, cat *catalogue, r *rand.Rand, omit map[int]bool) (int, error) {
	b, err := newBook(o, "权力清单")
	if err != nil {
		return 0, err
	}
	widths := []float64{13, 36, 16, 12, 12, 16, 20, 36, 44, 56, 50, 36, 14, 10, 14, 24}
	for i, w := range widths {
		if err := b.sw.SetColWidth(i+1, i+1, w); err != nil {
			return 0, err
		}
	}
	if err := b.add(styled(b.style(headerStyle), powerHeader...), excelize.RowOpts{Height: 30}); err != nil {
		return 0, err
	}
	wrap := b.style(wrapStyle)
	n := 0
	for i, p := range cat.powers {
		row := powerRow(p, i, r)
		if omit[i] {
			continue
		}
		if err := b.add(styled(wrap, row...)); err != nil {
			return 0, err
		}
		n++
	}
	if err := b.save("data/powers/青溪镇权力清单.xlsx", Town+"权力清单"); err != nil {
		return 0, err
	}
	return n, nil
}

// omitted chooses the power-list items, by index, that a town of
// Options.OmitPowers does not hold: none of the kinds its records name
// (处罚, 许可, 检查, 强制), which the change register names too.
func omitted(cat *catalogue, o Options) map[int]bool {
	if o.OmitPowers <= 0 {
		return nil
	}
	r := newRand(o.Seed, streamOmit)
	out := map[int]bool{}
	for i, p := range cat.powers {
		named := p.Category == "行政处罚" || p.Category == "行政许可" || p.Category == "行政检查" || p.Category == "行政强制"
		if r.Float64() < o.OmitPowers && !named {
			out[i] = true
		}
	}
	return out
}
