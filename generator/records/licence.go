package records

import "strings"

// LicenceCategories are the 许可类别 of the 双公示 standard; other values
// are kept as "其他-…".
var LicenceCategories = []string{"普通", "特许", "认可", "核准", "登记", "其他"}

// LicenceKind reads data/licences: 行政许可 decisions in the 双公示
// standard's fields (DESIGN.md §3.8) and the headers town systems use.
var LicenceKind = NewKind(Kind{
	Name:   "licences",
	Title:  "行政许可决定",
	Nav:    "行政许可",
	Intro:  "本镇作出的行政许可决定（双公示），自然人个人信息已按规定处理；被撤销、注销或吊销的许可不再公示，列于已撤回页面。",
	Report: "行政许可",
	// The annual report counts decisions made, whatever became of them.
	ReportCounted: "许可决定日期在本年的许可决定（含其后撤销、注销或吊销的）",
	MinMatch:      3,
	Fields: []Field{
		{Key: "holder", Name: ColPartyName, Std: "XK_XDR_MC", Role: RoleParty, Need: Required, Open: true, News: true, Meaning: "行政相对人名称；自然人姓名已隐去部分",
			Aliases: []string{"被许可人", "被许可人名称", "申请人", "申请人名称", "当事人名称", "行政相对人", "相对人名称", "企业名称", "单位名称"}},
		{Key: "holder_class", Name: ColPartyClass, Std: "XK_XDR_LB", Role: RolePartyClass, Need: Required, Open: true, Meaning: "法人及非法人组织、自然人或个体工商户",
			Aliases: []string{"行政相对人种类", "行政相对人类型", "当事人类别", "申请人类别", "相对人类别", "主体类别"}},
		{Key: "credit_code", Short: "统一社会信用代码", Name: ColCreditCode, Std: "XK_XDR_SHXYM", Role: RoleCreditCode, Need: Conditional, When: NotPerson, WhenText: "行政相对人为法人及非法人组织或个体工商户时", Open: true, Meaning: "统一社会信用代码",
			Aliases: []string{"行政相对人代码_1", "统一社会信用代码", "社会信用代码", "信用代码"}},
		{Key: "reg_no", Short: "工商注册号", Name: ColRegNo, Std: "XK_XDR_GSZC", Role: RoleOtherCode, Open: true, Meaning: "工商注册号", Aliases: []string{"行政相对人代码_2", "工商注册号"}},
		{Key: "org_code", Short: "组织机构代码", Name: ColOrgCode, Std: "XK_XDR_ZZJG", Role: RoleOtherCode, Open: true, Meaning: "组织机构代码", Aliases: []string{"行政相对人代码_3", "组织机构代码"}},
		{Key: "tax_no", Short: "税务登记号", Name: ColTaxNo, Std: "XK_XDR_SWDJ", Role: RoleOtherCode, Open: true, Meaning: "税务登记号", Aliases: []string{"行政相对人代码_4", "税务登记号"}},
		{Key: "inst_code", Short: "事业单位证书号", Name: ColInstCode, Std: "XK_XDR_SYDW", Role: RoleOtherCode, Open: true, Meaning: "事业单位证书号", Aliases: []string{"行政相对人代码_5", "事业单位证书号"}},
		{Key: "social_org_code", Short: "社会组织登记证号", Name: ColSocialOrgCode, Std: "XK_XDR_SHZZ", Role: RoleOtherCode, Open: true, Meaning: "社会组织登记证号", Aliases: []string{"行政相对人代码_6", "社会组织登记证号"}},
		{Key: "legal_rep", Name: ColLegalRep, Std: "XK_FRDB", Role: RoleLegalRep, Need: Conditional, When: NotPerson, WhenText: "行政相对人为法人及非法人组织或个体工商户时", Open: true, Meaning: "法定代表人；个体工商户经营者姓名已隐去部分",
			Aliases: []string{"法定代表人(负责人)", "法定代表人姓名", "负责人", "经营者", "法人代表"}},
		{Key: "legal_rep_id_type", Name: ColLegalRepIDTyp, Std: "XK_FR_ZJLX", Role: RoleIDType, Need: Never, Meaning: "法定代表人证件类型（不公开）"},
		{Key: "legal_rep_id", Name: ColLegalRepID, Std: "XK_FR_ZJHM", Role: RoleLegalRepID, Need: Never, Meaning: "法定代表人证件号码（不公开）",
			Aliases: []string{"法定代表人身份证号", "法定代表人身份证号码"}},
		{Key: "id_type", Name: ColIDType, Std: "XK_XDR_ZJLX", Role: RoleIDType, Need: Never, Meaning: "自然人证件类型（不公开）", Aliases: []string{"申请人证件类型"}},
		{Key: "id_number", Name: ColIDNumber, Std: "XK_XDR_ZJHM", Role: RoleIDNumber, Need: Never, Meaning: "自然人证件号码（不公开）",
			Aliases: []string{"身份证号", "身份证号码", "申请人证件号码", "申请人身份证号", "证件号"}},
		{Key: "doc_name", Name: "行政许可决定文书名称", Std: "XK_XKWS", Role: RoleLabel, Need: Required, Open: true, News: true, Meaning: "行政许可决定文书名称",
			Aliases: []string{"许可决定文书名称", "决定文书名称", "文书名称", "许可文书名称"}},
		{Key: "doc_no", Name: "行政许可决定文书号", Std: "XK_WSH", Role: RoleNumber, Need: Required, Open: true, Meaning: "行政许可决定文书号；没有文书号的为许可编号",
			Aliases: []string{"许可决定文书号", "决定文书号", "文书号", "许可文书号", "行政许可决定书文号", "许可决定书文号"}},
		{Key: "category", Name: "许可类别", Std: "XK_XKLB", Role: RoleLabel, Need: Required, Open: true, News: true, Facet: true, Meaning: "普通、特许、认可、核准、登记或其他",
			Aliases: []string{"许可类型", "许可种类", "行政许可类别", "审批类别"}},
		{Key: "cert_name", Name: "许可证书名称", Std: "XK_XKZS", Role: RoleLabel, Open: true, News: true, Meaning: "许可证书名称",
			Aliases: []string{"证书名称", "许可证名称", "证照名称"}},
		{Key: "licence_no", Name: "许可编号", Std: "XK_XKBH", Role: RoleLabel, Open: true, News: true, Meaning: "许可证书编号",
			Aliases: []string{"许可证编号", "证书编号", "许可证号", "证照编号", "证号"}},
		{Key: "content", Name: "许可内容", Std: "XK_NR", Role: RoleText, Need: Required, Open: true, News: true, Meaning: "许可内容；个人信息已隐去",
			Aliases: []string{"许可事项", "许可范围", "经营项目", "审批内容", "许可决定内容"}},
		{Key: "date", Name: "许可决定日期", Std: "XK_JDRQ", Role: RoleDate, Type: TypeDate, Need: Required, Open: true, News: true, Meaning: "许可决定日期",
			Aliases: []string{"决定日期", "许可日期", "审批日期", "发证日期", "作出决定日期"}},
		{Key: "valid_from", Name: "有效期自", Std: "XK_YXQZ", Type: TypeDate, Role: RoleLabel, Need: Required, Open: true, News: true, Meaning: "许可有效期起始日期",
			Aliases: []string{"有效期起", "有效期开始日期", "有效期起始日期", "起始日期"}},
		{Key: "valid_to", Name: "有效期至", Std: "XK_YXQZI", Type: TypeDate, Role: RoleLabel, Need: Required, Open: true, News: true, Meaning: "许可有效期截止日期；空为长期", Blank: "长期",
			Aliases: []string{"有效期止", "有效期截止日期", "有效期结束日期", "截止日期", "有效期限至"}},
		{Key: "authority", Name: "许可机关", Std: "XK_XKJG", Role: RoleAuthority, Need: Required, Open: true, News: true, Facet: true, Meaning: "作出许可决定的机关",
			Aliases: []string{"许可机关名称", "审批机关", "决定机关", "发证机关", "许可部门"}},
		{Key: "authority_code", Name: "许可机关统一社会信用代码", Std: "XK_XKJGDM", Role: RoleAuthorityCode, Need: Required, Open: true, Meaning: "许可机关统一社会信用代码",
			Aliases: []string{"许可机关代码", "审批机关统一社会信用代码", "决定机关统一社会信用代码"}},
		{Key: "status", Name: ColStatus, Std: "XK_ZT", Role: RoleStatus, Need: Required, Open: true, News: true, Meaning: "有效、撤销、注销、吊销或其他",
			Aliases: []string{"状态", "许可状态", "证照状态"}},
		{Key: "source", Name: ColSource, Std: "XK_LYDW", Role: RoleLabel, Need: Required, Open: true, Meaning: "数据来源单位", Aliases: []string{"数据来源", "来源单位"}},
		{Key: "source_code", Name: ColSourceCode, Std: "XK_LYDWDM", Role: RoleAuthorityCode, Need: Required, Open: true, Meaning: "数据来源单位统一社会信用代码",
			Aliases: []string{"数据来源单位代码"}},
		{Key: "remarks", Name: ColRemarks, Std: "BZ", Role: RoleText, Open: true, Meaning: "备注", Aliases: []string{"说明"}},
		{Key: "power_code", Name: ColPowerCode, Role: RolePowerCode, Open: true, Meaning: "所依据的权力清单事项编码",
			Aliases: []string{"权力事项编码", "事项编码", "权责事项编码"}},
	},
	Identity:    []string{"authority", "doc_no"},
	Heading:     []string{"holder", "cert_name"},
	Sub:         "doc_no",
	Identifiers: []string{"doc_no", "licence_no", "credit_code"},
	Withdraw:    []string{"撤销", "注销", "吊销"},
	Timely:      7,
	Expires:     "valid_to",
	Normalize:   normalizeLicence,
})

func normalizeLicence(k *Kind, it *Item) {
	no, lic := k.index("doc_no"), k.index("licence_no")
	if it.Values[no] == "" {
		it.Values[no] = it.Values[lic]
	}
	if cert := k.index("cert_name"); it.Values[cert] == "" {
		it.Values[cert] = it.Values[k.index("doc_name")]
	}
	cat := k.index("category")
	if v := strings.TrimSpace(it.Values[cat]); v != "" {
		v = strings.TrimSuffix(strings.TrimSuffix(v, "许可"), "类")
		known := false
		for _, c := range LicenceCategories {
			known = known || v == c
		}
		if !known && !strings.HasPrefix(v, "其他") {
			v = "其他-" + v
		}
		it.Values[cat] = v
	}
}
