package records

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// Service is one 政务服务事项 with its guide (办事指南).
type Service struct {
	Pos diag.Pos

	Name           string
	Code           string
	Type           string
	Target         string
	Subject        string
	Conditions     string
	Materials      []string
	Flow           []string
	LegalLimit     string
	PromiseLimit   string
	Fee            string
	Place          string
	Hours          string
	Phone          string
	ComplaintPhone string
	// Online is "是", "否" or "" when not given.
	Online string
	// OnlineURL is the 网办地址 cell as exported: an address on the
	// province's service platform, or any text; OnlineLink says whether it
	// may be a link.
	OnlineURL string
	Mode      string
	// Trips is the number of visits needed; -1 when not given.
	Trips      int
	ItemType   string
	LegalBasis string
	Result     string
	Domain     string
	Extra      []Extra
}

// ID is the item code when URL-safe, else a hash of code and name.
func (s *Service) ID() string {
	if safeSlug(s.Code) {
		return strings.ToLower(s.Code)
	}
	return "s" + hashID(s.Code, s.Name)[:15]
}

// OnlineLink returns OnlineURL when it is an absolute http or https
// address with a host and nothing a browser would read otherwise (no
// spaces, control characters or quotes), and "" for anything else, which
// is shown as text and never as a link.
func (s *Service) OnlineLink() string {
	if webAddress(s.OnlineURL) {
		return s.OnlineURL
	}
	return ""
}

// webAddress reports whether s is an absolute http(s) URL with a host.
func webAddress(s string) bool {
	if strings.ContainsFunc(s, func(r rune) bool {
		return r <= ' ' || r == 0x7f || r == '"' || r == '\'' || r == '<' || r == '>' || r == '\\' || unicode.IsSpace(r)
	}) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Opaque == "" && u.User == nil
}

// URL is the site path of the item's guide.
func (v *Service) URL() string { return ServiceKind.URL(v.ID()) }

// ServiceKind reads data/services.
var ServiceKind = Kind{
	Name:  "services",
	Title: "政务服务事项",
	Schema: value.Schema{Kind: "政务服务事项", MinMatch: 3, Columns: []value.Column{
		{Name: "事项名称", Required: true, Aliases: []string{"服务事项名称", "办理事项", "事项"}},
		{Name: "事项编码", Aliases: []string{"基本编码", "实施编码", "事项代码", "编码"}},
		{Name: "事项类型", Aliases: []string{"事项类别", "权力类型"}},
		{Name: "服务对象", Aliases: []string{"办理对象", "服务对象类型"}},
		{Name: "实施主体", Aliases: []string{"实施机关", "办理机构", "受理机构"}},
		{Name: "受理条件", Aliases: []string{"申请条件", "办理条件"}},
		{Name: "申请材料", Aliases: []string{"所需材料", "申报材料", "材料清单", "办理材料"}},
		{Name: "办理流程", Aliases: []string{"办事流程", "流程"}},
		{Name: "法定办结时限", Aliases: []string{"法定时限"}},
		{Name: "承诺办结时限", Aliases: []string{"承诺时限", "办结时限"}},
		{Name: "收费标准", Aliases: []string{"收费", "是否收费", "收费依据及标准"}},
		{Name: "办理地点", Aliases: []string{"受理地点", "办公地点"}},
		{Name: "办理时间", Aliases: []string{"受理时间", "办公时间"}},
		{Name: "咨询电话", Aliases: []string{"咨询方式", "联系电话"}},
		{Name: "投诉电话", Aliases: []string{"监督投诉电话", "投诉方式", "监督电话"}},
		{Name: "是否网办", Aliases: []string{"是否可网办", "网上办理", "是否支持网上办理"}},
		{Name: "网办地址", Aliases: []string{"在线办理地址", "办理网址", "网上办理地址", "网办链接", "在线办理链接"}},
		{Name: "办理方式", Aliases: []string{"办理形式"}},
		{Name: "到办事现场次数", Aliases: []string{"到现场次数", "跑动次数", "最多跑几次", "到窗口次数"}},
		{Name: "办件类型", Aliases: []string{"办件类别"}},
		{Name: "法律依据", Aliases: []string{"设定依据", "实施依据"}},
		{Name: "办理结果", Aliases: []string{"审批结果", "结果名称"}},
		{Name: "所属领域", Aliases: []string{"领域", "主题分类"}},
	}},
	add: addService,
}

func addService(s *Set, r value.Row, dl *diag.List) {
	v := Service{
		Pos:            r.RowPos(),
		Name:           r.Value("事项名称"),
		Code:           r.Value("事项编码"),
		Type:           r.Value("事项类型"),
		Target:         r.Value("服务对象"),
		Subject:        r.Value("实施主体"),
		Conditions:     r.Value("受理条件"),
		Materials:      value.SplitList(r.Value("申请材料")),
		Flow:           value.SplitList(r.Value("办理流程")),
		LegalLimit:     r.Value("法定办结时限"),
		PromiseLimit:   r.Value("承诺办结时限"),
		Fee:            r.Value("收费标准"),
		Place:          r.Value("办理地点"),
		Hours:          r.Value("办理时间"),
		Phone:          r.Value("咨询电话"),
		ComplaintPhone: r.Value("投诉电话"),
		OnlineURL:      r.Value("网办地址"),
		Mode:           r.Value("办理方式"),
		ItemType:       r.Value("办件类型"),
		LegalBasis:     r.Value("法律依据"),
		Result:         r.Value("办理结果"),
		Domain:         r.Value("所属领域"),
		Trips:          -1,
		Extra:          r.Extra(),
	}
	if v.Name == "" {
		dl.Errorf(r.Pos("事项名称"), "required", "事项名称: required value is empty")
	}
	if on := r.Value("是否网办"); on != "" {
		b, err := value.ParseBool(on)
		if err != nil {
			dl.Warnf(r.Pos("是否网办"), "bad-bool", "是否网办: %v", err)
		} else if b {
			v.Online = "是"
		} else {
			v.Online = "否"
		}
	}
	if t := r.Value("到办事现场次数"); t != "" {
		n, err := visits(t)
		if err != nil || n < 0 || n > 20 {
			dl.Warnf(r.Pos("到办事现场次数"), "bad-number", "到办事现场次数: %q is not a number of visits (expected 0, 1, 2 …)", t)
		} else {
			v.Trips = n
		}
	}
	if v.OnlineURL != "" && !webAddress(v.OnlineURL) {
		dl.Warnf(r.Pos("网办地址"), "bad-url", "网办地址: %q is not a web address (want http:// or https://…); it is shown as text, not as a link", v.OnlineURL)
	}
	if v.Trips == 0 {
		// One warning an item, naming its first such material.
		var first, word string
		n := 0
		for _, m := range v.Materials {
			if w := atCounter(m); w != "" {
				if n == 0 {
					first, word = m, w
				}
				n++
			}
		}
		if n > 0 {
			more := ""
			if n > 1 {
				more = fmt.Sprintf(" (and %d more materials)", n-1)
			}
			dl.Warnf(r.Pos("申请材料"), "trips-originals", "申请材料: %q is marked 不用跑 (到办事现场次数 0), but %q asks for %s%s: a visit after all, or an original sent online?", v.Name, first, word, more)
		}
	}
	s.Services = append(s.Services, v)
}

// counterWords are what a material says when it must be shown or handed in
// in person; onlineForms are the phrases that name an original's scan or
// photo, which is sent online.
var (
	counterWords = []string{"原件", "现场", "窗口", "到场", "当场", "当面", "面签", "纸质"}
	onlineForms  = strings.NewReplacer("原件扫描件", "", "原件照片", "", "原件电子版", "", "原件的扫描件", "", "原件的照片", "", "扫描原件", "", "拍摄原件", "", "原件拍照", "")
)

// atCounter returns the word of material m that asks for a visit (an
// original to be shown, a form signed at the window), or "".
func atCounter(m string) string {
	m = onlineForms.Replace(m)
	for _, w := range counterWords {
		if strings.Contains(m, w) {
			return w
		}
	}
	return ""
}

// visits reads a number of visits: "1", "1次", "两次", "零次".
func visits(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "次"))
	if n, ok := map[string]int{"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}[s]; ok {
		return n, nil
	}
	return strconv.Atoi(s)
}
