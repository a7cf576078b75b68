package records

import "strings"

// Inspection methods (检查方式) in the order pages list them; other values
// are kept as written.
const (
	MethodRandom  = "双随机"
	MethodRoutine = "日常检查"
	MethodSpecial = "专项检查"
)

// InspectionMethods lists the common 检查方式 in order.
var InspectionMethods = []string{MethodRandom, MethodRoutine, MethodSpecial, "重点检查", "投诉举报核查", "联合检查"}

// InspectionResults lists the common 检查结果 in order, from no finding to
// a case opened.
var InspectionResults = []string{"未发现问题", "责令限期整改", "当场整改", "立案查处", "移送有关部门"}

// InspectionKind reads data/inspections: 行政检查 results (DESIGN.md §3.9),
// one row per inspection, in the headers 双随机 and enforcement systems
// export. An inspection of a natural person is published with the name
// masked, as a penalty decision's party is.
var InspectionKind = NewKind(Kind{
	Name:     "inspections",
	Title:    "行政检查结果",
	Nav:      "行政检查",
	Intro:    "本镇实施的行政检查（含“双随机、一公开”抽查）及其结果和处理情况，自然人姓名已隐去部分。",
	MinMatch: 3,
	Fields: []Field{
		{Key: "no", Name: "检查编号", Role: RoleNumber, Need: Required, Open: true, Meaning: "检查编号或检查文书号",
			Aliases: []string{"抽查编号", "检查文书号", "检查记录编号", "检查单编号", "检查文书编号", "抽查检查编号", "编号"}},
		{Key: "power_code", Name: "事项编码", Role: RolePowerCode, Open: true, Meaning: "所依据的权力清单行政检查事项编码",
			Aliases: []string{"权力编码", "权力事项编码", "检查事项编码", "权责事项编码", "抽查事项编码"}},
		{Key: "item", Name: "检查事项", Role: RoleLabel, Need: Required, Open: true, News: true, Meaning: "检查事项名称",
			Aliases: []string{"抽查事项", "检查事项名称", "检查项目", "抽查项目", "抽查事项名称"}},
		{Key: "party", Name: "检查对象", Role: RoleParty, Need: Required, Open: true, News: true, Meaning: "被检查的单位或个人；自然人姓名已隐去部分",
			Aliases: []string{"被检查对象", "被检查单位", "被检查人", "检查对象名称", "被检查对象名称", "被检查单位名称", "抽查对象", "抽查对象名称", "市场主体名称", "行政相对人名称"}},
		{Key: "party_class", Name: "检查对象类别", Role: RolePartyClass, Open: true, Meaning: "法人及非法人组织、自然人或个体工商户；未提供时按统一社会信用代码和名称判断",
			Aliases: []string{"对象类别", "被检查对象类别", "主体类别", "行政相对人类别", "市场主体类型"}},
		{Key: "credit_code", Name: "统一社会信用代码", Role: RoleCreditCode, Open: true, Meaning: "检查对象的统一社会信用代码",
			Aliases: []string{"社会信用代码", "信用代码", "检查对象统一社会信用代码", "被检查对象统一社会信用代码", "行政相对人代码_1", "行政相对人代码_1(统一社会信用代码)"}},
		{Key: "legal_rep", Name: ColLegalRep, Role: RoleLegalRep, Open: true, Meaning: "法定代表人或负责人；个体工商户经营者姓名已隐去部分",
			Aliases: []string{"法定代表人(负责人)", "法定代表人姓名", "负责人", "经营者", "法人代表"}},
		{Key: "id_number", Name: "证件号码", Role: RoleIDNumber, Need: Never, Meaning: "自然人证件号码（不公开）",
			Aliases: []string{"身份证号", "身份证号码", "检查对象证件号码"}},
		{Key: "method", Name: "检查方式", Role: RoleLabel, Need: Required, Open: true, Facet: true, Meaning: "双随机、日常检查、专项检查等",
			Aliases: []string{"检查类型", "检查形式", "抽查类型", "抽查方式", "检查类别", "检查种类"}},
		{Key: "date", Name: "检查日期", Role: RoleDate, Type: TypeDate, Need: Required, Open: true, News: true, Meaning: "实施检查的日期",
			Aliases: []string{"检查时间", "抽查日期", "抽查时间", "实施检查日期", "检查完成日期", "检查实施日期"}},
		{Key: "result", Name: "检查结果", Role: RoleLabel, Need: Required, Open: true, News: true, Facet: true, Meaning: "未发现问题、责令限期整改、立案查处等",
			Aliases: []string{"抽查结果", "检查结论", "抽查检查结果", "检查结果类型"}},
		{Key: "action", Name: "处理情况", Role: RoleText, Open: true, News: true, Meaning: "发现问题后的处理和整改情况；个人信息已隐去",
			Aliases: []string{"处理结果", "处置情况", "整改情况", "后续处理情况", "处理措施", "检查情况说明"}},
		{Key: "authority", Name: "检查机关", Role: RoleAuthority, Need: Required, Open: true, Facet: true, Meaning: "实施检查的机关",
			Aliases: []string{"检查单位", "检查部门", "检查实施机关", "抽查机关", "实施机关", "执法机关", "检查机关名称"}},
		{Key: "remarks", Name: ColRemarks, Role: RoleText, Open: true, Meaning: "备注", Aliases: []string{"说明"}},
	},
	Identity:    []string{"authority", "no"},
	Heading:     []string{"party", "item"},
	Sub:         "no",
	Identifiers: []string{"no", "credit_code"},
	Timely:      20,
	Normalize:   normalizeInspection,
})

// inspectionMethodWords maps the spellings systems use to a method.
var inspectionMethodWords = []struct{ word, method string }{
	{"双随机", MethodRandom}, {"随机抽查", MethodRandom},
	{"日常", MethodRoutine}, {"专项", MethodSpecial},
}

// inspectionResultWords are spellings of a result of no finding.
var inspectionResultWords = map[string]bool{
	"未发现问题": true, "未发现违法违规问题": true, "未发现违法违规行为": true, "未发现异常": true,
	"正常": true, "合格": true, "无问题": true, "符合要求": true,
}

// normalizeInspection spells 检查方式 and a result of no finding one way
// each ("双随机一公开" and "随机抽查" are 双随机; "正常" is 未发现问题).
func normalizeInspection(k *Kind, it *Item) {
	m := k.index("method")
	for _, w := range inspectionMethodWords {
		if strings.Contains(it.Values[m], w.word) {
			it.Values[m] = w.method
			break
		}
	}
	r := k.index("result")
	if inspectionResultWords[strings.TrimSpace(it.Values[r])] {
		it.Values[r] = "未发现问题"
	}
}
