package build_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/ident"
	"gongshi/generator/internal/sitetest"
)

// numberForm writes a number the way people do.
type numberForm struct {
	name string
	// write turns the number's digits into the text planted.
	write func(digits string) string
}

var idForms = []numberForm{
	{"plain", func(d string) string { return d }},
	{"lower-x", func(d string) string { return strings.ToLower(d) }},
	{"full-width", fullWidth},
	{"spaced", func(d string) string { return d[:6] + " " + d[6:14] + " " + d[14:] }},
	{"dashed", func(d string) string { return d[:6] + "-" + d[6:14] + "-" + d[14:] }},
	{"line-break", func(d string) string { return d[:6] + "\n" + d[6:] }},
}

var mobileForms = []numberForm{
	{"plain", func(d string) string { return d }},
	{"+86 spaced", func(d string) string { return "+86 " + d[:3] + " " + d[3:7] + " " + d[7:] }},
	{"dashed", func(d string) string { return d[:3] + "-" + d[3:7] + "-" + d[7:] }},
	{"(+86)", func(d string) string { return "(+86)" + d }},
	{"full-width", fullWidth},
	{"dotted", func(d string) string { return d[:3] + "." + d[3:7] + "." + d[7:] }},
}

var landlineForms = []numberForm{
	{"dashed", func(d string) string { return d[:4] + "-" + d[4:] }},
	{"bracketed", func(d string) string { return "(" + d[:4] + ")" + d[4:] }},
	{"full-width", func(d string) string { return fullWidth(d[:4] + "-" + d[4:]) }},
	{"extension", func(d string) string { return d[:4] + "-" + d[4:] + "转123" }},
}

var cardForms = []numberForm{
	{"plain", func(d string) string { return d }},
	{"by four", func(d string) string { return d[:4] + " " + d[4:8] + " " + d[8:12] + " " + d[12:16] + " " + d[16:] }},
	{"full-width", fullWidth},
}

// luhn appends the Luhn check digit to d.
func luhn(d string) string {
	sum := 0
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if (len(d)-1-i)%2 == 0 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return d + string(rune('0'+(10-sum%10)%10))
}

func fullWidth(d string) string {
	var b strings.Builder
	for _, r := range d {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r - '0' + '０')
		case r == 'X':
			b.WriteRune('Ｘ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plant is one number planted in one field: found in the output after
// folding, it is a leak of that form through that field.
type plant struct {
	digits, form, field string
}

// planter hands out distinct numbers, so that a leak names its field and
// form.
type planter struct {
	n      int
	plants []plant
}

// text returns the text of one field: a marker, so the test knows the
// field reached the output, and an ID number and a mobile number in each
// of their forms.
func (p *planter) text(field string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "标记%03d", len(p.plants))
	for _, f := range idForms {
		p.n++
		first := fmt.Sprintf("1101051949%02d%02d%03d", 1+p.n%12, 1+p.n%28, p.n%1000)
		id := first + string(ident.IDCheck(first))
		p.plants = append(p.plants, plant{id, "ID " + f.name, field})
		fmt.Fprintf(&b, "，身份证%s", f.write(id))
	}
	for _, f := range mobileForms {
		p.n++
		m := fmt.Sprintf("139%08d", 10000000+p.n)
		p.plants = append(p.plants, plant{m, "mobile " + f.name, field})
		fmt.Fprintf(&b, "，手机%s", f.write(m))
	}
	for _, f := range landlineForms {
		p.n++
		l := fmt.Sprintf("0571%08d", 86000000+p.n)
		p.plants = append(p.plants, plant{l, "landline " + f.name, field})
		fmt.Fprintf(&b, "，电话%s", f.write(l))
	}
	for _, f := range cardForms {
		p.n++
		c := luhn(fmt.Sprintf("622202%012d", 100000000+p.n))
		p.plants = append(p.plants, plant{c, "bank card " + f.name, field})
		fmt.Fprintf(&b, "，银行账号%s", f.write(c))
	}
	return b.String()
}

func csvOf(t *testing.T, rows [][]string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// fold returns the output as the test compares it: full-width digits made
// ASCII, and what people put between digits dropped.
func fold(data []byte) string {
	var b strings.Builder
	for _, r := range string(data) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case r == 'Ｘ' || r == 'x':
			b.WriteRune('X')
		case strings.ContainsRune(" \t\r\n-.·()（）+　", r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestPersonalNumbersLeaveEveryOutput plants an ID number, a mobile
// number, a landline and a bank card number, in every form people write
// them, in every text field of every
// record kind (decisions, power items, service items, statistics labels),
// and builds the town: the build succeeds, every field reaches the output,
// and no number reaches any file, in any form.
func TestPersonalNumbersLeaveEveryOutput(t *testing.T) {
	var p planter
	caseHeader := []string{"行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "法定代表人", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚机关", "程序类型", "备注", "补充说明"}
	caseRow := []string{"青溪镇公示商贸有限公司", "法人及非法人组织", "91350100M000100Y43", "王建国", "青溪综执罚〔2026〕301号",
		p.text("违法行为类型"), p.text("违法事实"), p.text("处罚依据"), "罚款", p.text("处罚内容"), "0.2", p.text("暂扣或吊销证照名称及编号"),
		"2026/05/01", "青溪镇人民政府", "普通程序", p.text("备注"), p.text("补充说明")}
	powerHeader := []string{"事项编码", "事项名称", "子项名称", "事项类型", "权力来源", "实施主体", "承办机构", "设定依据", "实施依据", "责任事项", "追责情形", "追责依据", "行使层级", "所属领域", "监督电话", "备注"}
	powerRow := []string{"示例0301", "对占道经营的处罚" + p.text("事项名称"), p.text("子项名称"), "行政处罚", "上级委托", "青溪镇人民政府", "青溪镇综合行政执法办公室",
		p.text("设定依据"), p.text("实施依据"), p.text("责任事项"), p.text("追责情形"), p.text("追责依据"), "镇（乡、街道）", "城市管理", "0000-0000000", p.text("权力备注")}
	serviceHeader := []string{"事项名称", "事项编码", "事项类型", "服务对象", "实施主体", "受理条件", "申请材料", "办理流程", "法定办结时限", "承诺办结时限", "收费标准", "办理地点", "办理时间", "咨询电话", "投诉电话", "是否网办", "到办事现场次数", "办件类型", "法律依据", "办理结果"}
	serviceRow := []string{"店招审核" + p.text("服务事项名称"), "示例0302", "行政确认", "法人", "青溪镇人民政府", p.text("受理条件"), "1.申请表\n2." + p.text("申请材料"), "1.受理\n2." + p.text("办理流程"),
		"20个工作日", "10个工作日", p.text("收费标准"), "青溪镇便民服务中心" + p.text("办理地点"), p.text("办理时间"), "0000-0000001", "0000-12345", "否", "1", "承诺件", p.text("法律依据"), p.text("办理结果")}
	statHeader := []string{"月份", "类别", "窗口", "受理数", "办结数"}
	statRows := [][]string{statHeader, {"2026-05", p.text("统计类别"), p.text("统计窗口"), "10", "9"}}

	archive := "-- site.toml --\ntitle = \"青溪镇政务公开\"\ntown = \"青溪镇\"\nbase_url = \"https://www.example.gov.cn/qingxi/\"\n" +
		"-- data/cases/处罚.csv --\n" + csvOf(t, [][]string{caseHeader, caseRow}) +
		"-- data/powers/权力清单.csv --\n" + csvOf(t, [][]string{powerHeader, powerRow}) +
		"-- data/services/政务服务.csv --\n" + csvOf(t, [][]string{serviceHeader, serviceRow}) +
		"-- data/stats/便民服务中心月度统计.csv --\n" + csvOf(t, statRows)
	dest, _ := sitetest.Build(t, archive)

	markers := map[string]bool{}
	for _, f := range sitetest.Files(t, dest) {
		if strings.HasSuffix(f, ".bin") {
			continue // the index's term shards hold bigrams, never text
		}
		data, err := os.ReadFile(filepath.Join(dest, f))
		if err != nil {
			t.Fatal(err)
		}
		text := fold(data)
		for _, pl := range p.plants {
			if strings.Contains(text, pl.digits) {
				t.Errorf("%s: %s in %s reaches the output", f, pl.form, pl.field)
			}
		}
		for i := range p.plants {
			if m := fmt.Sprintf("标记%03d", i); strings.Contains(text, m) {
				markers[m] = true
			}
		}
	}
	for i, pl := range p.plants {
		if m := fmt.Sprintf("标记%03d", i); (pl.form == "ID plain") && !markers[m] {
			t.Errorf("the field %s reaches no output: the test plants nothing there", pl.field)
		}
	}
}
