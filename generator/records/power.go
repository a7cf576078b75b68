package records

import (
	"strings"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// PowerCategories are the standard categories of a 权力清单, in order, with
// 公共服务 which shares the catalogues.
var PowerCategories = []string{"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力", "公共服务"}

// PowerSources are the standard values of 权力来源.
var PowerSources = []string{"法定本级行使", "上级下放", "上级授权", "同级授权", "上级委托", "同级委托"}

// Power is one item of the power list (权力清单 / 责任清单).
type Power struct {
	Pos diag.Pos

	Code                string
	Name                string
	SubName             string
	Category            string
	Source              string
	Subject             string
	Office              string
	SetBasis            string
	ImplBasis           string
	Duties              string
	Accountability      string
	AccountabilityBasis string
	Level               string
	Domain              string
	SupervisionPhone    string
	SupervisionMethod   string
	Remarks             string
	// Status is the list's own 事项状态, one of PowerChangeTypes; "" for
	// an item in force. The change it records is also in Set.PowerChanges.
	Status string
	Extra  []Extra
}

// ID is the item code when it can stand in a URL as it is, else a hash of
// code and sub-item name.
func (p *Power) ID() string {
	if p.SubName == "" && safeSlug(p.Code) {
		return strings.ToLower(p.Code)
	}
	return "p" + hashID(p.Code, p.SubName)[:15]
}

// URL is the site path of the item's page.
func (p *Power) URL() string { return PowerKind.URL(p.ID()) }

// Title is the item's name with its sub-item.
func (p *Power) Title() string {
	if p.SubName != "" {
		return p.Name + "（" + p.SubName + "）"
	}
	return p.Name
}

// PowerKind reads data/powers.
var PowerKind = Kind{
	Name:  "powers",
	Title: "权力清单",
	Schema: value.Schema{Kind: "权力清单", MinMatch: 3, Columns: []value.Column{
		{Name: "事项编码", Required: true, Aliases: []string{"权力编码", "权力事项编码", "编码", "基本编码", "事项代码", "职权编码"}},
		{Name: "事项名称", Required: true, Aliases: []string{"权力名称", "权力事项名称", "职权名称", "权责事项名称", "项目名称"}},
		{Name: "子项名称", Aliases: []string{"子项", "子项事项名称"}},
		{Name: "事项类型", Aliases: []string{"权力类型", "权力类别", "职权类别", "事项类别", "权力分类"}},
		{Name: "权力来源", Aliases: []string{"来源", "行使方式", "下放方式", "赋权方式"}},
		{Name: "实施主体", Aliases: []string{"实施机关", "行使主体", "责任主体"}},
		{Name: "承办机构", Aliases: []string{"内设机构", "承办科室", "承办部门"}},
		{Name: "设定依据", Aliases: []string{}},
		{Name: "实施依据", Aliases: []string{"法律依据", "依据"}},
		{Name: "责任事项", Aliases: []string{"责任事项内容"}},
		{Name: "追责情形", Aliases: []string{"问责情形", "追责对象范围"}},
		{Name: "追责依据", Aliases: []string{"问责依据"}},
		{Name: "行使层级", Aliases: []string{"层级", "行使层级(级别)"}},
		{Name: "所属领域", Aliases: []string{"领域", "业务领域", "执法领域", "所属部门"}},
		{Name: "监督电话", Aliases: []string{"投诉电话", "监督投诉电话"}},
		{Name: "监督方式", Aliases: []string{"监督渠道"}},
		{Name: "备注", Aliases: []string{"说明"}},
		{Name: "事项状态", Aliases: []string{"权力状态", "事项当前状态", "状态"}},
		{Name: "调整日期", Aliases: []string{"变更日期", "调整时间"}},
		{Name: "调整文件", Aliases: []string{"调整依据", "调整文件文号"}},
		{Name: "调整理由", Aliases: []string{"调整原因"}},
		{Name: "承接单位", Aliases: []string{"现行使主体", "收回后行使主体"}},
	}},
	add:  addPower,
	Also: []*Kind{&PowerChangeKind},
}

func addPower(s *Set, r value.Row, dl *diag.List) {
	p := Power{
		Pos:                 r.RowPos(),
		Code:                r.Value("事项编码"),
		Name:                r.Value("事项名称"),
		SubName:             r.Value("子项名称"),
		Category:            NormalizePowerCategory(r.Value("事项类型")),
		Source:              r.Value("权力来源"),
		Subject:             r.Value("实施主体"),
		Office:              r.Value("承办机构"),
		SetBasis:            r.Value("设定依据"),
		ImplBasis:           r.Value("实施依据"),
		Duties:              r.Value("责任事项"),
		Accountability:      r.Value("追责情形"),
		AccountabilityBasis: r.Value("追责依据"),
		Level:               r.Value("行使层级"),
		Domain:              r.Value("所属领域"),
		SupervisionPhone:    r.Value("监督电话"),
		SupervisionMethod:   r.Value("监督方式"),
		Remarks:             r.Value("备注"),
		Extra:               r.Extra(),
	}
	if c, ok := readChange(r, "事项状态", dl); ok {
		p.Status = c.Type
		s.PowerChanges = append(s.PowerChanges, c)
	}
	if p.Code == "" {
		dl.Errorf(r.Pos("事项编码"), "required", "事项编码: required value is empty")
	}
	if p.Name == "" {
		dl.Errorf(r.Pos("事项名称"), "required", "事项名称: required value is empty")
	}
	if p.Category == "" && r.Table.Has("事项类型") {
		dl.Warnf(r.Pos("事项类型"), "category", "事项类型: %q is not one of %s", r.Value("事项类型"), strings.Join(PowerCategories, "、"))
		p.Category = "其他行政权力"
	}
	s.Powers = append(s.Powers, p)
}

// NormalizePowerCategory maps a category cell onto PowerCategories, "" when
// it is not one.
func NormalizePowerCategory(s string) string {
	s = strings.TrimSpace(s)
	for _, c := range PowerCategories {
		if s == c {
			return c
		}
	}
	for _, c := range PowerCategories {
		if strings.Contains(s, c) || (len(s) >= 6 && strings.Contains(c, s)) {
			return c
		}
	}
	if s == "其他" || s == "其它行政权力" || s == "其他权力" {
		return "其他行政权力"
	}
	return ""
}
