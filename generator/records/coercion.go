package records

import (
	"strings"

	"gongshi/generator/value"
)

// CoercionMeasures lists the 行政强制措施 of 行政强制法 art. 9 and the
// measures town systems record, in the order pages list them; other values
// are kept as written.
var CoercionMeasures = []string{"查封", "扣押", "查封、扣押", "暂扣", "冻结", "限制公民人身自由", "强制拆除", "代履行", "其他"}

// Release states of a coercive measure (解除状态), derived from 解除日期.
const (
	Released   = "已解除"
	Unreleased = "未解除"
)

// CoercionKind reads data/coercion: 行政强制 measures (DESIGN.md §3.9),
// one row per decision. 解除状态 is derived: 已解除 when the row has a
// 解除日期 (or says so), else 未解除.
var CoercionKind = NewKind(Kind{
	Name:     "coercion",
	Title:    "行政强制措施",
	Nav:      "行政强制",
	Intro:    "本镇依法采取的查封、扣押、暂扣等行政强制措施，以及是否已经解除，自然人个人信息已按规定处理。",
	Report:   "行政强制",
	MinMatch: 3,
	Fields: []Field{
		{Key: "doc_no", Name: "文书号", Role: RoleNumber, Need: Required, Open: true, Meaning: "行政强制措施决定书文号",
			Aliases: []string{"行政强制决定书文号", "行政强制措施决定书文号", "强制措施决定书文号", "决定书文号", "文书编号", "查封扣押决定书文号", "强制措施文书号"}},
		{Key: "power_code", Name: "事项编码", Role: RolePowerCode, Open: true, Meaning: "所依据的权力清单行政强制事项编码",
			Aliases: []string{"权力编码", "权力事项编码", "强制事项编码", "权责事项编码"}},
		{Key: "party", Name: "当事人", Role: RoleParty, Need: Required, Open: true, News: true, Meaning: "行政强制措施的当事人；自然人姓名已隐去部分",
			Aliases: []string{"当事人名称", "当事人姓名", "行政相对人名称", "行政相对人", "相对人名称", "被强制人"}},
		{Key: "party_class", Name: "当事人类别", Role: RolePartyClass, Open: true, Meaning: "法人及非法人组织、自然人或个体工商户",
			Aliases: []string{"行政相对人类别", "相对人类别", "主体类别", "当事人类型"}},
		{Key: "credit_code", Name: "统一社会信用代码", Role: RoleCreditCode, Need: Conditional, When: NotPerson, WhenText: "当事人为法人及非法人组织或个体工商户时", Open: true, Meaning: "当事人的统一社会信用代码",
			Aliases: []string{"社会信用代码", "信用代码", "当事人统一社会信用代码", "行政相对人代码_1", "行政相对人代码_1(统一社会信用代码)"}},
		{Key: "legal_rep", Name: "法定代表人", Role: RoleLegalRep, Open: true, Meaning: "法定代表人；个体工商户经营者姓名已隐去部分",
			Aliases: []string{"法定代表人(负责人)", "负责人", "经营者"}},
		{Key: "id_type", Name: ColIDType, Role: RoleIDType, Need: Never, Meaning: "自然人证件类型（不公开）", Aliases: []string{"当事人证件类型"}},
		{Key: "id_number", Name: ColIDNumber, Role: RoleIDNumber, Need: Never, Meaning: "自然人证件号码（不公开）",
			Aliases: []string{"身份证号", "身份证号码", "当事人证件号码", "当事人身份证号", "证件号"}},
		{Key: "measure", Name: "强制措施", Role: RoleLabel, Need: Required, Open: true, News: true, Facet: true, Meaning: "查封、扣押、暂扣、冻结等",
			Aliases: []string{"强制措施类型", "强制措施种类", "行政强制措施", "行政强制措施种类", "措施类型", "强制类别", "强制措施名称"}},
		{Key: "property", Name: "涉及财物", Role: RoleText, Open: true, News: true, Meaning: "查封、扣押或暂扣的场所、设施和财物",
			Aliases: []string{"涉及财物名称", "涉案财物", "查封扣押财物", "财物清单", "场所设施财物", "强制对象", "扣押物品"}},
		{Key: "date", Name: "决定日期", Role: RoleDate, Type: TypeDate, Need: Required, Open: true, News: true, Meaning: "作出行政强制措施决定的日期",
			Aliases: []string{"作出决定日期", "强制措施决定日期", "决定时间", "实施日期", "采取措施日期"}},
		{Key: "term", Name: "期限", Role: RoleLabel, Open: true, News: true, Meaning: "强制措施的期限：天数或截止日期",
			Aliases: []string{"强制措施期限", "查封扣押期限", "期限至", "措施期限"}},
		{Key: "released_on", Name: "解除日期", Role: RoleLabel, Type: TypeDate, Open: true, News: true, Meaning: "解除强制措施的日期；空为未解除",
			Aliases: []string{"解除强制措施日期", "解除时间", "解除查封扣押日期", "措施解除日期"}},
		{Key: "released", Name: "解除状态", Role: RoleLabel, Open: true, News: true, Facet: true, Meaning: "已解除或未解除，由解除日期得出",
			Aliases: []string{"是否解除", "解除情况"}},
		{Key: "authority", Name: "实施机关", Role: RoleAuthority, Need: Required, Open: true, Facet: true, Meaning: "作出行政强制措施决定的机关",
			Aliases: []string{"实施机关名称", "决定机关", "执法机关", "作出决定机关", "行政机关", "实施单位"}},
		{Key: "authority_code", Name: "实施机关统一社会信用代码", Role: RoleAuthorityCode, Open: true, Meaning: "实施机关统一社会信用代码",
			Aliases: []string{"决定机关统一社会信用代码", "执法机关统一社会信用代码"}},
		{Key: "status", Name: ColStatus, Role: RoleStatus, Open: true, Meaning: "正常，或撤销、确认违法、确认无效（不再公示）",
			Aliases: []string{"状态"}},
		{Key: "remarks", Name: ColRemarks, Role: RoleText, Open: true, Meaning: "备注", Aliases: []string{"说明"}},
	},
	Identity:    []string{"authority", "doc_no"},
	Heading:     []string{"party", "measure"},
	Sub:         "doc_no",
	Identifiers: []string{"doc_no", "credit_code"},
	Withdraw:    []string{"撤销", "确认违法", "确认无效"},
	Timely:      20,
	Normalize:   normalizeCoercion,
})

// normalizeCoercion writes a 期限 given as a date as pages write dates
// ("2026年5月14日"; a 期限 may also be "30日"), and derives
// 解除状态: 已解除 when there is a 解除日期 or the export says 已解除 (是),
// else 未解除.
func normalizeCoercion(k *Kind, it *Item) {
	term := k.index("term")
	if v := strings.TrimSpace(it.Values[term]); v != "" {
		if t, err := value.ParseDate(v); err == nil {
			it.Values[term] = t.Format("2006年1月2日")
		}
	}
	rel := k.index("released")
	switch v := strings.TrimSpace(it.Values[rel]); {
	case it.Values[k.index("released_on")] != "":
		it.Values[rel] = Released
	case v == "是" || v == Released || v == "解除" || v == "已解除强制措施":
		it.Values[rel] = Released
	default:
		it.Values[rel] = Unreleased
	}
}
