package records

import (
	"log/slog"
	"slices"
	"strings"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/ident"
	"gongshi/generator/value"
)

// Canonical column names of the 双公示 penalty-decision standard.
const (
	ColPartyName     = "行政相对人名称"
	ColPartyClass    = "行政相对人类别"
	ColCreditCode    = "行政相对人代码_1(统一社会信用代码)"
	ColRegNo         = "行政相对人代码_2(工商注册号)"
	ColOrgCode       = "行政相对人代码_3(组织机构代码)"
	ColTaxNo         = "行政相对人代码_4(税务登记号)"
	ColInstCode      = "行政相对人代码_5(事业单位证书号)"
	ColSocialOrgCode = "行政相对人代码_6(社会组织登记证号)"
	ColLegalRep      = "法定代表人"
	ColLegalRepIDTyp = "法定代表人证件类型"
	ColLegalRepID    = "法定代表人证件号码"
	ColIDType        = "证件类型"
	ColIDNumber      = "证件号码"
	ColDecisionNo    = "行政处罚决定书文号"
	ColViolation     = "违法行为类型"
	ColFacts         = "违法事实"
	ColBasis         = "处罚依据"
	ColCategory      = "处罚类别"
	ColContent       = "处罚内容"
	ColFine          = "罚款金额(万元)"
	ColConfiscated   = "没收违法所得、没收非法财物的金额(万元)"
	ColLicence       = "暂扣或吊销证照名称及编号"
	ColDecisionDate  = "处罚决定日期"
	ColValidUntil    = "处罚有效期"
	ColPublishUntil  = "公示截止期"
	ColAuthority     = "处罚机关"
	ColAuthorityCode = "处罚机关统一社会信用代码"
	ColSource        = "数据来源单位"
	ColSourceCode    = "数据来源单位统一社会信用代码"
	ColRemarks       = "备注"
	ColStatus        = "当前状态"
	ColPowerCode     = "权力编码"
	ColProcedure     = "程序类型"
	ColCaseName      = "案件名称"
	ColAddress       = "地址"
	ColPhone         = "联系电话"
	ColSeverity      = "违法情节"
)

// PartyClass is the 行政相对人类别.
type PartyClass int

// Party classes. Unknown is treated as a natural person by disclose.
const (
	PartyUnknown PartyClass = iota
	PartyOrg
	PartyPerson
	PartySoleTrader
)

// String returns the standard's name of the class.
func (c PartyClass) String() string {
	switch c {
	case PartyOrg:
		return "法人及非法人组织"
	case PartyPerson:
		return "自然人"
	case PartySoleTrader:
		return "个体工商户"
	}
	return "未知"
}

// ParsePartyClass reads a 行政相对人类别 cell, including the old numeric
// codes (1 法人, 2 自然人, 3 个体工商户).
func ParsePartyClass(s string) PartyClass {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return PartyUnknown
	case strings.Contains(s, "个体"), s == "3":
		return PartySoleTrader
	case strings.Contains(s, "自然人"), strings.Contains(s, "个人"), s == "2":
		return PartyPerson
	case strings.Contains(s, "法人"), strings.Contains(s, "组织"), strings.Contains(s, "单位"), strings.Contains(s, "企业"), s == "1":
		return PartyOrg
	}
	return PartyUnknown
}

// Case is one 行政处罚 decision as exported, personal data included.
type Case struct {
	Pos diag.Pos

	PartyName  string
	PartyClass PartyClass
	// ClassGiven is the class cell as written ("" when absent).
	ClassGiven    string
	CreditCode    string
	RegNo         string
	OrgCode       string
	TaxNo         string
	InstCode      string
	SocialOrgCode string
	LegalRep      string

	// Never published.
	LegalRepIDType string
	LegalRepID     string
	IDType         string
	IDNumber       string
	Address        string
	Phone          string

	DecisionNo    string
	CaseName      string
	Violation     string
	Facts         string
	Basis         string
	Categories    []string
	Content       string
	Fine          value.Money
	Confiscated   value.Money
	Licence       string
	DecisionDate  time.Time
	ValidUntil    time.Time // zero: 长期 (2099/12/31)
	PublishUntil  time.Time // zero: not given
	Authority     string
	AuthorityCode string
	Source        string
	SourceCode    string
	Remarks       string
	Status        string
	PowerCode     string
	Procedure     string
	// Severity is the 违法情节 as written (轻微, 一般, 较重, 严重), when the
	// export has it.
	Severity string

	Extra []Extra

	id string
}

// LogValue logs a decision by its position and number only: a Case holds
// personal data and must never be logged whole.
func (c Case) LogValue() slog.Value {
	return slog.GroupValue(slog.String("src", c.Pos.String()), slog.String("decision", c.DecisionNo))
}

// ID is the stable identity of a decision: authority plus decision number,
// with bracket styles and widths folded, so re-exports keep their URLs.
// It is computed once, when the row is read (hashing shows in the profile of
// a large build); a Case built by hand computes it on each call.
func (c *Case) ID() string {
	if c.id != "" {
		return c.id
	}
	return hashID(c.Authority, c.DecisionNo)
}

// CaseKind reads data/cases.
var CaseKind = Kind{
	Name:  "cases",
	Title: "行政处罚决定",
	Schema: value.Schema{Kind: "行政处罚", MinMatch: 3, Columns: []value.Column{
		{Name: ColPartyName, Required: true, Aliases: []string{"当事人名称", "当事人", "行政相对人", "相对人名称", "被处罚人", "被处罚单位", "被处罚人名称", "企业名称", "单位名称"}},
		{Name: ColPartyClass, Aliases: []string{"行政相对人种类", "行政相对人类型", "当事人类别", "当事人类型", "当事人种类", "相对人类别", "主体类别"}},
		{Name: ColCreditCode, Aliases: []string{"行政相对人代码_1", "统一社会信用代码", "当事人统一社会信用代码", "行政相对人统一社会信用代码", "社会信用代码", "信用代码"}},
		{Name: ColRegNo, Aliases: []string{"行政相对人代码_2", "工商注册号", "工商登记码"}},
		{Name: ColOrgCode, Aliases: []string{"行政相对人代码_3", "组织机构代码"}},
		{Name: ColTaxNo, Aliases: []string{"行政相对人代码_4", "税务登记号"}},
		{Name: ColInstCode, Aliases: []string{"行政相对人代码_5", "事业单位证书号"}},
		{Name: ColSocialOrgCode, Aliases: []string{"行政相对人代码_6", "社会组织登记证号"}},
		{Name: ColLegalRep, Aliases: []string{"法定代表人(负责人)", "法定代表人姓名", "负责人", "经营者", "法人代表"}},
		{Name: ColLegalRepIDTyp, Aliases: []string{"法定代表人证件类型"}},
		{Name: ColLegalRepID, Aliases: []string{"法定代表人身份证号", "法定代表人身份证号码", "法人身份证号"}},
		{Name: ColIDType, Aliases: []string{"当事人证件类型"}},
		{Name: ColIDNumber, Aliases: []string{"身份证号", "身份证号码", "当事人证件号码", "当事人身份证号", "证件号"}},
		{Name: ColDecisionNo, Required: true, Aliases: []string{"决定书文号", "处罚决定书文号", "行政处罚决定文书号", "文书号", "处罚文书号", "决定文书号", "行政处罚决定书号", "处罚决定书号", "文号"}},
		{Name: ColViolation, Aliases: []string{"违法行为", "违法类型", "案由", "违法行为名称"}},
		{Name: ColFacts, Aliases: []string{"主要违法事实", "违法事实摘要", "处罚事由", "案件事实"}},
		{Name: ColBasis, Aliases: []string{"处罚法律依据", "法律依据", "处罚依据条款"}},
		{Name: ColCategory, Join: ";", Aliases: []string{"处罚种类", "处罚类型", "处罚类别1", "处罚类别2", "处罚种类1", "处罚种类2", "行政处罚种类", "行政处罚类别", "行政处罚类型"}},
		{Name: ColContent, Aliases: []string{"处罚结果", "处罚决定内容", "行政处罚内容", "处罚决定"}},
		{Name: ColFine, Aliases: []string{"罚款金额", "罚款数额", "罚款", "罚没金额"}},
		{Name: ColConfiscated, Aliases: []string{"没收违法所得、没收非法财物的金额", "没收金额", "没收违法所得金额", "没收违法所得"}},
		{Name: ColLicence, Aliases: []string{"暂扣或吊销证照名称", "吊销证照名称及编号"}},
		{Name: ColDecisionDate, Required: true, Aliases: []string{"处罚日期", "决定日期", "处罚决定作出日期", "作出处罚决定日期", "作出决定日期", "处罚决定时间"}},
		{Name: ColValidUntil, Aliases: []string{"处罚有效期限", "有效期", "处罚期限"}},
		{Name: ColPublishUntil, Aliases: []string{"公示期限至", "公示截止日期", "公示截至期", "公示截止时间", "公示期限", "公示截止期限", "公示截至日期"}},
		{Name: ColAuthority, Required: true, Aliases: []string{"执法机关", "决定机关", "处罚机关名称", "作出处罚决定的机关", "处罚单位", "执法单位", "执法部门", "处罚部门", "作出处罚决定机关"}},
		{Name: ColAuthorityCode, Aliases: []string{"处罚机关代码", "执法机关统一社会信用代码", "决定机关统一社会信用代码"}},
		{Name: ColSource, Aliases: []string{"数据来源", "来源单位"}},
		{Name: ColSourceCode, Aliases: []string{"数据来源单位代码"}},
		{Name: ColRemarks, Aliases: []string{"说明"}},
		{Name: ColStatus, Aliases: []string{"状态", "公示状态", "案件状态"}},
		{Name: ColPowerCode, Aliases: []string{"权力事项编码", "事项编码", "权责事项编码"}},
		{Name: ColProcedure, Aliases: []string{"程序", "适用程序", "办案程序", "案件程序"}},
		{Name: ColCaseName, Aliases: []string{"案件名称", "案名"}},
		{Name: ColAddress, Aliases: []string{"住址", "当事人地址", "家庭住址", "住所"}},
		{Name: ColPhone, Aliases: []string{"电话", "手机号", "手机号码", "联系方式"}},
		{Name: ColSeverity, Aliases: []string{"情节严重程度", "违法情节轻重", "情节轻重", "情节", "违法程度"}},
	}},
	add: addCase,
}

func addCase(s *Set, r value.Row, dl *diag.List) {
	c := Case{
		Pos:            r.RowPos(),
		PartyName:      r.Value(ColPartyName),
		ClassGiven:     r.Value(ColPartyClass),
		CreditCode:     strings.ToUpper(r.Value(ColCreditCode)),
		RegNo:          r.Value(ColRegNo),
		OrgCode:        r.Value(ColOrgCode),
		TaxNo:          r.Value(ColTaxNo),
		InstCode:       r.Value(ColInstCode),
		SocialOrgCode:  r.Value(ColSocialOrgCode),
		LegalRep:       r.Value(ColLegalRep),
		LegalRepIDType: r.Value(ColLegalRepIDTyp),
		LegalRepID:     r.Value(ColLegalRepID),
		IDType:         r.Value(ColIDType),
		IDNumber:       r.Value(ColIDNumber),
		Address:        r.Value(ColAddress),
		Phone:          r.Value(ColPhone),
		DecisionNo:     r.Value(ColDecisionNo),
		CaseName:       r.Value(ColCaseName),
		Violation:      r.Value(ColViolation),
		Facts:          r.Value(ColFacts),
		Basis:          r.Value(ColBasis),
		Categories:     NormalizeCategories(value.SplitCategories(r.Value(ColCategory))),
		Content:        r.Value(ColContent),
		Licence:        r.Value(ColLicence),
		Authority:      r.Value(ColAuthority),
		AuthorityCode:  strings.ToUpper(r.Value(ColAuthorityCode)),
		Source:         r.Value(ColSource),
		SourceCode:     strings.ToUpper(r.Value(ColSourceCode)),
		Remarks:        r.Value(ColRemarks),
		Status:         r.Value(ColStatus),
		PowerCode:      r.Value(ColPowerCode),
		Procedure:      r.Value(ColProcedure),
		Severity:       r.Value(ColSeverity),
		Extra:          r.Extra(),
	}
	c.PartyClass = ParsePartyClass(c.ClassGiven)
	c.Status = NormalizeStatus(c.Status)
	if c.Violation == "" {
		c.Violation = c.CaseName
	}
	for _, req := range []struct{ col, v string }{{ColPartyName, c.PartyName}, {ColDecisionNo, c.DecisionNo}, {ColAuthority, c.Authority}} {
		if req.v == "" && r.Table.Has(req.col) {
			dl.Errorf(r.Pos(req.col), "required", "%s: required value is empty", req.col)
		}
	}
	var err error
	if !r.Table.Has(ColDecisionDate) {
		// Reported once, as a missing column.
	} else if c.DecisionDate, err = value.ParseDate(r.Value(ColDecisionDate)); err != nil {
		if err == value.ErrEmpty {
			dl.Errorf(r.Pos(ColDecisionDate), "required", "%s: required value is empty", ColDecisionDate)
		} else {
			dl.Errorf(r.Pos(ColDecisionDate), "bad-date", "%s: %v", ColDecisionDate, err)
		}
	}
	c.ValidUntil = optDate(r, ColValidUntil, dl)
	c.PublishUntil = optDate(r, ColPublishUntil, dl)
	c.Fine = optAmount(r, ColFine, "万元", dl)
	c.Confiscated = optAmount(r, ColConfiscated, "万元", dl)
	if c.CreditCode != "" {
		if p := ident.CreditCodeProblem(c.CreditCode); p != "" {
			dl.Warnf(r.Pos(ColCreditCode), "credit-code", "统一社会信用代码 %s: %s", c.CreditCode, p)
		}
	}
	for _, id := range []struct{ col, typ, v string }{{ColIDNumber, c.IDType, c.IDNumber}, {ColLegalRepID, c.LegalRepIDType, c.LegalRepID}} {
		// The number itself is never echoed: diagnostics end up in logs.
		if len(id.v) == 18 && (id.typ == "" || strings.Contains(id.typ, "身份证")) && !ident.ValidID(id.v) {
			dl.Warnf(r.Pos(id.col), "id-number", "%s: not a valid 居民身份证号码 (the birth date or check digit is wrong)", id.col)
		}
	}
	if len(c.Categories) == 0 && r.Table.Has(ColCategory) {
		dl.Warnf(r.Pos(ColCategory), "required", "%s: empty", ColCategory)
	}
	standardConditions(&c, r, dl)
	c.id = hashID(c.Authority, c.DecisionNo)
	if len(s.Cases) == cap(s.Cases) {
		// Room for the rows the file still holds, by the reader's estimate,
		// or double: append grows large slices by a quarter, which copies a
		// year's decisions (about 700 bytes each) several times over.
		n := max(len(s.Cases), 64)
		if rest, ok := r.Remaining(); ok {
			n = max(rest*21/20+16, len(s.Cases)/8, 64)
		}
		s.Cases = slices.Grow(s.Cases, n)
	}
	s.Cases = append(s.Cases, c)
}

// caseConditions are the 双公示 standard's conditional (C) fields of a
// penalty decision and when each is required.
var caseConditions = []struct {
	col, when string
	needs     func(c *Case) bool
	has       func(c *Case) bool
}{
	{ColFine, "处罚类别含罚款时", func(c *Case) bool { return slices.Contains(c.Categories, "罚款") }, func(c *Case) bool { return c.Fine != 0 }},
	{ColConfiscated, "处罚类别含没收违法所得或没收非法财物时", func(c *Case) bool {
		return slices.Contains(c.Categories, "没收违法所得") || slices.Contains(c.Categories, "没收非法财物")
	}, func(c *Case) bool { return c.Confiscated != 0 }},
	{ColLicence, "处罚类别含暂扣或吊销许可证件时", func(c *Case) bool {
		return slices.Contains(c.Categories, "暂扣许可证件") || slices.Contains(c.Categories, "吊销许可证件")
	}, func(c *Case) bool { return c.Licence != "" }},
	{ColCreditCode, "行政相对人为法人及非法人组织或个体工商户时", func(c *Case) bool {
		return c.PartyClass == PartyOrg || c.PartyClass == PartySoleTrader
	}, func(c *Case) bool { return c.CreditCode != "" }},
	{ColLegalRep, "行政相对人为法人及非法人组织时", func(c *Case) bool { return c.PartyClass == PartyOrg }, func(c *Case) bool { return c.LegalRep != "" }},
}

// standardConditions warns, at the cell, about each conditional field of
// the 双公示 standard that the decision needs and leaves empty: the
// provincial credit platform refuses such a row.
func standardConditions(c *Case, r value.Row, dl *diag.List) {
	for _, cc := range caseConditions {
		// A cell that holds what is no value was reported as an error.
		if r.Table.Has(cc.col) && cc.needs(c) && !cc.has(c) && strings.TrimSpace(r.Value(cc.col)) == "" {
			dl.Warnf(r.Pos(cc.col), "standard-conditional", "%s: empty, but the 双公示 standard requires it (%s)", cc.col, cc.when)
		}
	}
}

// NormalizeStatus maps the numeric 当前状态 codes of the older field set
// (0 正常, 1 撤销, 2 异议, 3 其他) to their words; other values are kept.
func NormalizeStatus(s string) string {
	switch strings.TrimSpace(s) {
	case "0":
		return "正常"
	case "1":
		return "撤销"
	case "2":
		return "异议"
	case "3":
		return "其他"
	}
	return strings.TrimSpace(s)
}

// optDate parses an optional date; 2099/12/31 and later mean "no end" and
// give the zero time.
func optDate(r value.Row, col string, dl *diag.List) time.Time {
	v := r.Value(col)
	if v == "" || v == "长期" || v == "永久" {
		return time.Time{}
	}
	t, err := value.ParseDate(v)
	if err != nil {
		dl.Errorf(r.Pos(col), "bad-date", "%s: %v", col, err)
		return time.Time{}
	}
	if t.Year() >= 2099 {
		return time.Time{}
	}
	return t
}

// optAmount parses an optional amount in the header's unit, else def.
func optAmount(r value.Row, col, def string, dl *diag.List) value.Money {
	unit := r.Table.Unit(col)
	if unit == "" {
		unit = def
	}
	m, err := value.ParseAmount(r.Value(col), unit)
	if err != nil && err != value.ErrEmpty {
		dl.Errorf(r.Pos(col), "bad-amount", "%s: %v", col, err)
	}
	return m
}

// Penalty categories of 行政处罚法 (2021) art. 9, in the law's order.
var Categories = []string{"警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他"}

var categoryAliases = map[string][]string{
	"暂扣或者吊销许可证":          {"暂扣许可证件"},
	"暂扣或者吊销执照":           {"暂扣许可证件"},
	"暂扣或者吊销许可证、暂扣或者吊销执照": {"暂扣许可证件"},
	"吊销许可证":              {"吊销许可证件"},
	"吊销执照":               {"吊销许可证件"},
	"吊销营业执照":             {"吊销许可证件"},
	"暂扣许可证":              {"暂扣许可证件"},
	"暂扣执照":               {"暂扣许可证件"},
	"责令停产停业整顿":           {"责令停产停业"},
	"没收违法所得、没收非法财物":      {"没收违法所得", "没收非法财物"},
	"没收违法所得和非法财物":        {"没收违法所得", "没收非法财物"},
	"拘留":                 {"行政拘留"},
	"限制生产经营活动":           {"限制开展生产经营活动"},
}

// NormalizeCategories maps pre-2021 and variant names onto the categories
// of the 2021 law; unknown values are kept as "其他-…".
func NormalizeCategories(in []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, v := range in {
		if m, ok := categoryAliases[v]; ok {
			for _, c := range m {
				add(c)
			}
			continue
		}
		known := false
		for _, c := range Categories {
			if v == c {
				known = true
				break
			}
		}
		switch {
		case known:
			add(v)
		case strings.HasPrefix(v, "其他"):
			add(v)
		default:
			add("其他-" + v)
		}
	}
	return out
}

// CategoryBase returns the category without a "其他-" detail.
func CategoryBase(c string) string {
	if strings.HasPrefix(c, "其他") {
		return "其他"
	}
	return c
}
