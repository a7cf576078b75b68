package sample

import (
	"fmt"
	"strings"
)

// serviceHeader is the common service-guide layout with 所属领域, 法律依据 and
// 办理结果 at the end.
var serviceHeader = []string{"事项名称", "事项编码", "事项类型", "服务对象", "实施主体", "受理条件", "申请材料", "办理流程", "法定办结时限", "承诺办结时限", "收费标准", "办理地点", "办理时间", "咨询电话", "投诉电话", "是否网办", "网办地址", "到办事现场次数", "办件类型", "所属领域", "法律依据", "办理结果"}

// onlinePlatform is the province's service platform (fictional), where
// each item handled online has a page named by its code.
const onlinePlatform = "https://zwfw.example.gov.cn/qingxi/item/"

// serviceWindows maps a service domain to the centre's window; the windows
// are the categories of the centre's monthly statistics.
var serviceWindows = map[string]int{
	"社会保障": 1, "民政事务": 2, "残疾人服务": 2, "退役军人服务": 2, "农业农村": 3, "水利": 3,
	"规划建设": 4, "自然资源": 4, "交通运输": 4, "市场监管": 5, "安全生产": 5, "卫生健康": 6, "综合受理": 6, "文化旅游": 6,
}

const officeHours = "周一至周五 上午8:30-12:00 下午14:00-17:30（法定节假日除外）"

// material describes one application document with its form and copies;
// an item handled without a visit (trips "0") takes every document online.
func material(m, trips string) string {
	if trips == "0" {
		switch {
		case strings.Contains(m, "照片"):
			return m + "（电子照片）"
		case strings.Contains(m, "身份证"), strings.Contains(m, "户口簿"), strings.Contains(m, "结婚证"), strings.Contains(m, "社会保障卡"), strings.Contains(m, "残疾人证"), strings.Contains(m, "退役证件"), strings.Contains(m, "医保电子凭证"):
			return m + "（电子证照，网上核验）"
		case strings.HasSuffix(m, "表"), strings.HasSuffix(m, "书"), strings.HasSuffix(m, "单"), strings.HasSuffix(m, "方案"), strings.HasSuffix(m, "说明"):
			return m + "（网上填报）"
		}
		return m + "（扫描件，网上提交）"
	}
	switch {
	case strings.Contains(m, "照片"):
		return m + "（2张）"
	case strings.Contains(m, "身份证"), strings.Contains(m, "户口簿"), strings.Contains(m, "结婚证"), strings.Contains(m, "社会保障卡"), strings.Contains(m, "残疾人证"), strings.Contains(m, "退役证件"), strings.Contains(m, "医保电子凭证"):
		return m + "（原件，核验后退回）"
	case strings.HasSuffix(m, "表"), strings.HasSuffix(m, "书"), strings.HasSuffix(m, "单"), strings.HasSuffix(m, "方案"), strings.HasSuffix(m, "说明"):
		return m + "（原件1份）"
	case strings.Contains(m, "营业执照"), strings.Contains(m, "证明"), strings.Contains(m, "合同"):
		return m + "（原件及复印件各1份）"
	}
	return m + "（复印件1份）"
}

// flow returns the steps of handling an item.
func flow(g serviceGroup, name string) []string {
	switch {
	case strings.Contains(name, "受理转报"):
		return []string{"申请人提交申请材料", "便民服务中心窗口受理", "转报县级主管部门审批", "审批结果送达申请人"}
	case g.Instant:
		return []string{"申请人提交申请材料", "窗口审核", "当场办结"}
	case g.Type == "行政给付":
		return []string{"申请人提交申请", "窗口受理", "入户调查核实", "村（社区）公示", "镇审核审批", "发放"}
	case g.Type == "行政许可":
		return []string{"申请", "受理", "审查（现场勘查）", "决定", "制证送达"}
	case g.Type == "行政确认":
		return []string{"申请", "受理", "审核", "确认", "送达"}
	}
	return []string{"申请", "受理", "办理", "办结反馈"}
}

// writeServices writes data/services/青溪镇政务服务事项.csv.
func writeServices(o *output) (int, error) {
	groups, err := parseServices(serviceData)
	if err != nil {
		return 0, err
	}
	c, err := o.createCSV("data/services/青溪镇政务服务事项.csv", false, nil)
	if err != nil {
		return 0, err
	}
	c.write(serviceHeader)
	n := 0
	for _, g := range groups {
		win, ok := serviceWindows[g.Domain]
		if !ok {
			c.close()
			return 0, fmt.Errorf("sample: service domain %q has no window", g.Domain)
		}
		mats := make([]string, len(g.Materials))
		for i, m := range g.Materials {
			mats[i] = material(m, g.Trips)
		}
		itemType, cond := "承诺件", "符合"+firstLaw(g.Law)+"规定的条件，申请材料齐全、符合法定形式"
		if g.Instant {
			itemType = "即办件"
		}
		if strings.Contains(g.Target, "自然人") {
			cond = "申请人具有本镇户籍或者在本镇居住，" + cond
		}
		for _, name := range g.Names {
			n++
			// Items the town takes in and passes up (受理转报) are handled
			// on the county's platform: no page of their own.
			link := ""
			if g.Online == "是" && !strings.Contains(name, "受理转报") {
				link = fmt.Sprintf("%sQX-FW-%04d", onlinePlatform, n)
			}
			fee := "不收费"
			if strings.Contains(name, "挂失补换") {
				fee = "按规定收取补卡工本费"
			}
			c.write([]string{
				name, fmt.Sprintf("QX-FW-%04d", n), g.Type, g.Target, Government, cond,
				numbered(mats...), numbered(flow(g, name)...), g.LegalLimit, g.PromiseLimit, fee,
				fmt.Sprintf("%s%d号窗口（%s）", ServiceHall, win, address), officeHours,
				fmt.Sprintf("%s2%03d", hotline, win), hotline + "0000", g.Online, link, g.Trips, itemType,
				g.Domain, g.Law, g.Result,
			})
		}
	}
	return n, c.close()
}

// firstLaw returns the first title in a basis: "《…》".
func firstLaw(s string) string {
	i := strings.Index(s, "《")
	j := strings.Index(s, "》")
	if i < 0 || j < i {
		return "有关规定"
	}
	return s[i : j+len("》")]
}
