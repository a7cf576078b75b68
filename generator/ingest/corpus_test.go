package ingest_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongshi/generator/diag"
	"gongshi/generator/ingest"
	"gongshi/generator/load"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

var update = flag.Bool("update", false, "rewrite the fixture corpus and golden files")

// corpusRoot holds the fixtures as a site's data folder: diagnostics then
// read "data/cases/x.csv:14:20: …" as they do in a build.
const corpusRoot = "testdata/corpus"

// buildDate is the build date the golden files assume.
var buildDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestCorpus reads every fixture with the schema of the folder it is in and
// compares the diagnostics and the parsed records with the golden files
// next to it (NAME.diag, NAME.json). Run with -update to regenerate the
// fixtures and rewrite the goldens.
func TestCorpus(t *testing.T) {
	if *update {
		writeCorpus(t)
	}
	fsys := os.DirFS(corpusRoot)
	files := corpusFiles(t)
	if len(files) < 20 {
		t.Fatalf("only %d fixtures under %s (run go test -update)", len(files), corpusRoot)
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			kind := records.KindByName(path.Base(path.Dir(name)))
			if kind == nil {
				t.Fatalf("no kind for %s", name)
			}
			diags, js := readFixture(fsys, name, kind)
			golden(t, name+".diag", []byte(diags))
			golden(t, name+".json", js)
		})
	}
}

func readFixture(fsys fs.FS, name string, kind *records.Kind) (string, []byte) {
	set, tables, dl := load.ReadFile(fsys, name, kind, nil)
	dl = append(dl, records.Dedupe(set)...)
	dl = append(dl, records.CheckDates(set, buildDate)...)
	for _, d := range dl {
		if !d.Pos.Valid() {
			panic(fmt.Sprintf("invalid position in %v", d))
		}
	}
	var b bytes.Buffer
	dl.Print(&b, 0, diag.Info)
	type column struct{ Raw, Name, Unit string }
	type table struct {
		Format, Encoding, Sheet string
		HeaderRow               int
		Title                   string
		Rows, Skipped           int
		Columns                 []column
	}
	out := struct {
		Tables  []table
		Records *records.Set
	}{Records: set}
	for _, t := range tables {
		tt := table{Format: t.Format, Encoding: t.Encoding, Sheet: t.Sheet, HeaderRow: t.HeaderRow, Title: t.Title, Rows: t.Rows, Skipped: t.Skipped}
		for _, h := range t.Columns {
			tt.Columns = append(tt.Columns, column{h.Raw, h.Name, h.Unit})
		}
		out.Tables = append(out.Tables, tt)
	}
	js, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err)
	}
	return b.String(), append(js, '\n')
}

func corpusFiles(t testing.TB) []string {
	var files []string
	err := filepath.WalkDir(filepath.Join(corpusRoot, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		// Golden files are NAME.diag and NAME.json next to fixture NAME.
		if ext := filepath.Ext(p); ext == ".diag" || ext == ".json" && filepath.Ext(strings.TrimSuffix(p, ext)) != "" {
			return nil
		}
		rel, _ := filepath.Rel(corpusRoot, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join(corpusRoot, filepath.FromSlash(name))
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// The fixture corpus: one small file per shape a town system produces.

const stdHeader = "行政相对人名称,行政相对人类别,行政相对人代码_1（统一社会信用代码）,行政相对人代码_2（工商注册号）,行政相对人代码_3（组织机构代码）,行政相对人代码_4（税务登记号）,行政相对人代码_5（事业单位证书号）,行政相对人代码_6（社会组织登记证号）,法定代表人,法定代表人证件类型,法定代表人证件号码,证件类型,证件号码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,没收违法所得、没收非法财物的金额（万元）,暂扣或吊销证照名称及编号,处罚决定日期,处罚有效期,公示截止期,处罚机关,处罚机关统一社会信用代码,数据来源单位,数据来源单位统一社会信用代码,备注"

const (
	org    = "清溪青石商贸有限公司,法人及非法人组织,91350100M000100Y43,,,,,,林示例,,,,,"
	trader = "清溪镇老李小吃店,个体工商户,92350100MA0000002P,,,,,,李示例,,,,,"
	person = "王某某,自然人,,,,,,,,,,身份证,350100198001011230,"
	auth   = "清溪镇人民政府,11350100MB0000000Y,清溪镇人民政府,11350100MB0000000Y,"
)

func stdRow(party, no, date, fine string) string {
	return party + no + ",违反《城市市容和环境卫生管理条例》第三十七条,在青石路擅自占用人行道堆放货物，影响通行,《城市市容和环境卫生管理条例》第三十七条,罚款,罚款" + fine + ",,," + date + ",2099/12/31,," + auth
}

const townHeader = "序号,当事人名称,当事人类别,统一社会信用代码,法定代表人（负责人）,决定书文号,违法行为,主要违法事实,处罚依据,处罚种类,处罚内容,罚款金额(元),处罚日期,公示期限至,执法机关"

func townRows() string {
	return "1,清溪青石商贸有限公司,法人,91350100M000100Y43,林示例,清溪综执罚〔2025〕3号,占道经营,在青石路擅自占用人行道堆放货物,《城市市容和环境卫生管理条例》第三十七条,罚款,罚款2000元,\"2,000.00\",2025/4/12,2026/4/12,清溪镇人民政府\n" +
		"2,清溪镇老李小吃店,个体工商户,92350100MA0000002P,李示例,清溪综执罚〔2025〕4号,油烟扰民,经营中油烟直排,《大气污染防治法》第一百一十八条,警告；罚款,警告并处罚款5000元,5000,2025-05-06,,清溪镇人民政府\n"
}

type fixture struct {
	name string
	data func() []byte
}

func text(s string) func() []byte { return func() []byte { return []byte(s) } }

func encoded(e encoding.Encoding, s string) func() []byte {
	return func() []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			panic(err)
		}
		return b
	}
}

func fixtures() []fixture {
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	// UTF-8 bytes read as GBK and saved again as UTF-8.
	mojibake, _ := simplifiedchinese.GB18030.NewDecoder().String(strings.Join(strings.Fields("企业名称 处罚决定书号 处罚日期 执法机关 处罚种类"), ",") + "\n")
	// GBK bytes read as Latin-1 and saved again as UTF-8.
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("当事人名称,决定书文号,处罚日期,执法机关\n")
	latin, _ := charmap.ISO8859_1.NewDecoder().String(gbk)
	return []fixture{
		{"data/cases/standard-utf8.csv", text(stdHeader + "\n" + stdRow(org, "清溪综执罚〔2024〕3号", "2024/03/15", "2000元,0.2") + "\n" + stdRow(person, "清溪综执罚〔2024〕5号", "2024/03/20", "500元,0.05") + "\n")},
		{"data/cases/utf8-bom.csv", text("\ufeff" + townHeader + "\n" + townRows())},
		{"data/cases/gbk-town.csv", encoded(simplifiedchinese.GBK, "清溪镇2025年行政处罚决定公示\n\n"+townHeader+"\n"+townRows())},
		{"data/cases/gb18030-rare-char.csv", encoded(simplifiedchinese.GB18030, townHeader+"\n1,李㐀,自然人,,,清溪综执罚〔2025〕7号,占道经营,在青石路占道摆卖,《城市市容和环境卫生管理条例》第三十七条,罚款,罚款200元,200,2025-06-01,,清溪镇人民政府\n")},
		{"data/cases/excel-unicode-text.txt", encoded(utf16, strings.ReplaceAll(townHeader+"\n"+strings.ReplaceAll(townRows(), "\"2,000.00\"", "2000"), ",", "\t"))},
		{"data/cases/plain.tsv", text(strings.ReplaceAll(townHeader+"\n"+strings.ReplaceAll(townRows(), "\"2,000.00\"", "2000"), ",", "\t"))},
		{"data/cases/title-rows.xlsx", titleRowsXLSX},
		{"data/cases/multi-sheet.xlsx", multiSheetXLSX},
		{"data/cases/paged-export.csv", text("清溪镇行政处罚决定公示\n" + townHeader + "\n" + firstLine(townRows()) + "第1页，共2页\n清溪镇行政处罚决定公示\n" + townHeader + "\n" + secondLine(townRows()) + "第2页，共2页\n")},
		{"data/cases/total-mismatch.csv", text(townHeader + "\n" + townRows() + "小计,,,,,,,,,,,7000,,,\n合计,,,,,,,,,,,6500,,,\n制表人：张三\n注：罚款金额单位为元\n")},
		{"data/cases/old-fields.csv", text("案件名称,当事人,处罚类别1,处罚类别2,处罚事由,处罚结果,当前状态,决定书文号,决定机关,决定日期,处罚依据\n" +
			"青石商贸占道案,清溪青石商贸有限公司,警告,罚款,擅自占道堆放,警告并罚款2000元,0,清溪综执罚[2023]11号,清溪镇人民政府,2023年4月12日,《城市市容和环境卫生管理条例》第三十七条\n" +
			"老李小吃店油烟案,清溪镇老李小吃店,罚款,,油烟直排,罚款1000元,1,清溪综执罚[2023]12号,清溪镇人民政府,20230501,《大气污染防治法》第一百一十八条\n" +
			"某商店价格案,清溪镇某商店,警告,,未明码标价,警告,2,清溪综执罚[2023]13号,清溪镇人民政府,2023.06.01,《价格法》第四十二条\n" +
			"某工地案,清溪某建筑公司,暂扣或者吊销许可证,,夜间施工,暂扣许可证,3,清溪综执罚[2023]14号,清溪镇人民政府,2023-07-01,《噪声污染防治法》第七十七条\n")},
		{"data/cases/variants.csv", text("行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人(负责人),文书号,违法行为类型,主要违法事实,处罚依据,处罚类型,处罚内容,罚款金额（万元）,没收违法所得、没收非法财物的金额(元),决定日期,处罚有效期,公示截止日期,决定机关\n" +
			"甲公司,法人及非法人组织,91350100M000100Y43,林示例,清溪综执罚〔2025〕21号,占道,占道,条例,罚款；没收违法所得,罚款,1.2万元,人民币12000元,2025.04.12,2099/12/31,2026年4月12日,清溪镇人民政府\n" +
			"乙公司,法人及非法人组织,91350100MA0000001P,赵示例,清溪综执罚〔2025〕22号,占道,占道,条例,罚款、警告,罚款,０．２,壹万贰仟元整,2025-04-12 10:30:00,长期,20260412,清溪镇人民政府\n" +
			"丙公司,法人及非法人组织,91350100MA0000001P,钱示例,清溪综执罚〔2025〕23号,占道,占道,条例,罚款;其他-责令改正,罚款,\"1,000.5\",,45759,2026/4/12,,清溪镇人民政府\n")},
		{"data/cases/2025年行政处罚公示.csv", text("清溪镇2025年行政处罚公示\n" + townHeader + ",证件号码,备用字段\n" +
			"1,甲公司,法人,91350100M000100Y43,林示例,清溪综执罚〔2025〕31号,占道,占道,条例,罚款,罚款2000元,2000,2025-13-40,,清溪镇人民政府,,\n" +
			"2,,法人,91350100MA0000001P,赵示例,清溪综执罚〔2025〕32号,占道,占道,条例,罚款,罚款2000元,2000,2025-04-12,,清溪镇人民政府,,x\n" +
			"3,丙公司,法人,91350100MA0000001X,钱示例,清溪综执罚〔2025〕33号,占道,占道,条例,罚款,罚款,二千块,2025-04-12,,清溪镇人民政府,,\n" +
			"4,王某某,自然人,,,清溪综执罚〔2025〕34号,占道,占道,条例,罚款,罚款200元,200,2025-04-12,,清溪镇人民政府,350100198001011231,\n" +
			"5,丁公司,法人,91350100M000100Y43,孙示例,清溪综执罚〔2025〕35号,占道,占道,条例,罚款,罚款200元,200,2027-04-12,,清溪镇人民政府,,\n" +
			"6,戊公司,法人,91350100M000100Y43,周示例,清溪综执罚〔2025〕36号,占道,占道,条例,罚款,罚款300元,300,2025-04-13,,清溪镇人民政府,,\n" +
			"7,戊公司,法人,91350100M000100Y43,周示例,清溪综执罚(2025)36号,占道,占道,条例,罚款,罚款300元,300,2025-04-13,,清溪镇人民政府,,\n" +
			"8,戊公司,法人,91350100M000100Y43,周示例,清溪综执罚〔2025〕36号,占道,占道,条例,罚款,罚款500元,500,2025-04-13,,清溪镇人民政府,,\n" +
			"9,己公司,法人,91350100M000100Y43,吴示例,清溪综执罚〔2025〕39号,占道,占道,条例,罚款,罚款300元,300,,,清溪镇人民政府,,\n")},
		{"data/cases/multiline-cell.csv", text(townHeader + "\n" +
			"1,甲公司,法人,91350100M000100Y43,林示例,清溪综执罚〔2025〕41号,占道,\"1.擅自占用人行道堆放货物\n2.拒不改正\n3.影响通行\",条例,罚款,罚款2000元,2000,2025-04-12,,清溪镇人民政府\n" +
			"\n" +
			"2,乙公司,法人,91350100MA0000001P,赵示例,清溪综执罚〔2025〕42号,占道,占道,条例,罚款,\"罚款\n2000元\",2000,2025-04-31,,清溪镇人民政府\n")},
		{"data/cases/mojibake.csv", text(mojibake + "清溪青石商贸有限公司,清溪综执罚〔2025〕3号,2025-04-12,清溪镇人民政府,占道\n")},
		{"data/cases/latin1-mojibake.csv", text(latin)},
		{"data/cases/old-format.xls", func() []byte {
			return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 64)...)
		}},
		{"data/cases/workbook-named.csv", func() []byte { return titleRowsXLSX()[:600] }},
		{"data/cases/binary.csv", func() []byte {
			return []byte{0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xff, 0xfe, 0xfd}
		}},
		{"data/cases/power-list-in-wrong-folder.csv", func() []byte { return powerList() }},
		{"data/cases/cases.json", text(`[
  {"行政相对人名称": "甲公司", "行政相对人类别": "法人及非法人组织", "行政相对人代码_1（统一社会信用代码）": "91350100M000100Y43", "行政处罚决定书文号": "清溪综执罚〔2025〕51号", "处罚类别": "罚款", "罚款金额（万元）": 0.2, "处罚决定日期": "2025-04-12", "处罚机关": "清溪镇人民政府", "是否重大": true},
  {"行政相对人名称": "乙公司", "行政相对人类别": "法人及非法人组织", "行政处罚决定书文号": "清溪综执罚〔2025〕52号", "处罚类别": "警告", "罚款金额（万元）": null, "处罚决定日期": "2025/5/1", "处罚机关": "清溪镇人民政府", "是否重大": false}
]
`)},
		{"data/cases/missing-authority.csv", text("当事人名称,决定书文号,处罚日期,处罚种类\n甲公司,清溪综执罚〔2025〕61号,2025-04-12,罚款\n")},
		{"data/cases/near-miss-header.csv", text("当事人名称,决定书文号,处罚决定日其,执法机关,处罚种类\n甲公司,清溪综执罚〔2025〕71号,2025-04-12,清溪镇人民政府,罚款\n")},
		{"data/powers/power-list-gbk.csv", encoded(simplifiedchinese.GBK, string(powerList()))},
		{"data/services/service-guide.xlsx", serviceXLSX},
		{"data/stats/2025年便民服务中心月报.csv", text("月份,类别,窗口,受理数,办结数,按期办结率\n2025-03,户籍,综合窗口,120,118,98.3%\n2025年4月,户籍,综合窗口,130,130,100%\n202505,社保,社保窗口,\"1,020\",1000,98%\n6月,社保,社保窗口,90,88,97.8%\n合计,,,1360,1336,\n")},
		{"data/stats/wide.xlsx", wideStatsXLSX},
		{"data/withdrawals/withdrawals.csv", text("行政处罚决定书文号,撤回原因,撤回日期,处罚机关\n清溪综执罚〔2024〕3号,行政复议决定撤销,2025年1月5日,清溪镇人民政府\n清溪综执罚〔2024〕5号,,2025/13/1,\n")},
	}
}

func firstLine(s string) string  { return strings.SplitAfter(s, "\n")[0] }
func secondLine(s string) string { return strings.SplitAfter(s, "\n")[1] }

func powerList() []byte {
	return []byte("清溪镇权力清单\n事项编码,事项名称,子项名称,事项类型,权力来源,实施主体,承办机构,实施依据,责任事项,追责情形,行使层级,所属领域,监督电话,备注\n" +
		"QX0001,对擅自占用城市道路的处罚,,行政处罚,上级委托,清溪镇人民政府,清溪镇综合行政执法办公室,\"1.《城市道路管理条例》第四十二条\n2.《示例省城市管理条例》第三十条\",\"1.立案责任：…\n2.调查责任：…\n3.决定责任：…\",因不履行或不正确履行行政职责的,镇（乡、街道）,城市综合执法,0000-0000000,\n" +
		"QX0002,农村村民宅基地审批,,行政许可,上级下放,清溪镇人民政府,清溪镇自然资源所,《土地管理法》第六十二条,\"（1）受理\n（2）审查\",,镇（乡、街道）,自然资源,0000-0000000,\n")
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func xlsxBytes(f *excelize.File) []byte {
	var b bytes.Buffer
	_, err := f.WriteTo(&b)
	must(err)
	return b.Bytes()
}

func setRow(f *excelize.File, sheet string, row int, cells ...any) {
	cell, _ := excelize.CoordinatesToCellName(1, row)
	must(f.SetSheetRow(sheet, cell, &cells))
}

func titleRowsXLSX() []byte {
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	setRow(f, s, 1, "清溪镇2025年行政处罚决定公示表")
	must(f.MergeCell(s, "A1", "I1"))
	setRow(f, s, 2, "填报单位：清溪镇综合行政执法办公室", nil, nil, nil, nil, nil, nil, "单位：万元")
	// Row 3 blank; column B blank throughout.
	setRow(f, s, 4, "行政相对人\n名称", nil, "行政相对人代码_1\n（统一社会信用代码）", "行政处罚决定书文号", "处罚类别", "罚款金额\n（万元）", "处罚决定日期", "处罚机关", "违法事实")
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	setRow(f, s, 5, "清溪青石商贸有限公司", nil, "91350100M000100Y43", "清溪综执罚〔2025〕81号", "罚款", 0.2, d(2025, 4, 12), "清溪镇人民政府", "占道")
	setRow(f, s, 6, "清溪镇老李小吃店", nil, "92350100MA0000002P", "清溪综执罚〔2025〕82号", "警告;罚款", 0.5, d(2025, 5, 6), nil, "油烟")
	must(f.MergeCell(s, "H5", "H6")) // one authority for both decisions
	setRow(f, s, 7)
	setRow(f, s, 8, "王某某", nil, nil, "清溪综执罚〔2025〕83号", "罚款", 0.02, "2025年6月1日", "清溪镇人民政府", "占道")
	setRow(f, s, 9, "合计", nil, nil, nil, nil, 0.72)
	setRow(f, s, 11, "制表人：张三", nil, nil, nil, "制表日期：2025年7月1日")
	setRow(f, s, 12, "注：本表罚款金额单位为万元")
	for _, c := range []string{"G5", "G6"} {
		must(f.SetCellStyle(s, c, c, dateStyle))
	}
	return xlsxBytes(f)
}

func multiSheetXLSX() []byte {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetName("Sheet1", "第一页"))
	_, err := f.NewSheet("填报说明")
	must(err)
	_, err = f.NewSheet("第二页")
	must(err)
	hdr := []any{"当事人名称", "决定书文号", "处罚日期", "执法机关", "处罚种类", "罚款金额(元)"}
	setRow(f, "第一页", 1, hdr...)
	setRow(f, "第一页", 2, "甲公司", "清溪综执罚〔2025〕91号", "2025-04-12", "清溪镇人民政府", "罚款", 2000)
	setRow(f, "填报说明", 1, "1. 本表按月填报")
	setRow(f, "填报说明", 2, "2. 金额单位为元")
	setRow(f, "第二页", 1, hdr...)
	setRow(f, "第二页", 2, "乙公司", "清溪综执罚〔2025〕92号", "2025/4/13", "清溪镇人民政府", "警告", nil)
	return xlsxBytes(f)
}

func serviceXLSX() []byte {
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	setRow(f, s, 1, "清溪镇政务服务事项目录")
	setRow(f, s, 2, "事项名称", "事项编码", "事项类型", "实施主体", "申请材料", "办理流程", "是否网办", "到办事现场次数", "办件类型")
	setRow(f, s, 3, "结婚登记", "QX0002", "行政确认", "清溪镇人民政府", "1.居民身份证（原件）\n2.户口簿（原件）\n3.近期半身免冠合影照片（2张）", "1.受理\n2.审查\n3.登记发证", "否", 1, "即办件")
	setRow(f, s, 4, "老年人优待证办理", "QX0003", "公共服务", "清溪镇人民政府", "（1）身份证\n（2）照片", "一、受理\n二、发证", "√", "0次", "即办件")
	setRow(f, s, 5, "农村宅基地申请", "QX0004", "行政许可", "清溪镇人民政府", "申请书", "受理", "Y", 2, "承诺件")
	setRow(f, s, 6, "低保申请", "QX0005", "行政给付", "清溪镇人民政府", "申请书", "受理", "N", "两次", "承诺件")
	return xlsxBytes(f)
}

func wideStatsXLSX() []byte {
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	must(f.SetSheetName(s, "矛盾纠纷"))
	s = "矛盾纠纷"
	setRow(f, s, 1, "清溪镇2025年矛盾纠纷调处情况统计表")
	must(f.MergeCell(s, "A1", "E1"))
	setRow(f, s, 2, nil, "3月", "4月", "5月", "合计")
	setRow(f, s, 3, "来访人次", 12, 15, 9, 36)
	setRow(f, s, 4, "矛盾纠纷受理", 5, 7, 4, 16)
	setRow(f, s, 5, "矛盾纠纷化解", 5, 6, 4, 15)
	setRow(f, s, 6, "合计", 22, 28, 17, 67)
	return xlsxBytes(f)
}

func writeCorpus(t *testing.T) {
	for _, fx := range fixtures() {
		p := filepath.Join(corpusRoot, filepath.FromSlash(fx.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, fx.data(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCorpusFixturesAreWhatTheySay checks the encodings the corpus is meant
// to exercise, so a regenerated fixture cannot silently become plain UTF-8.
func TestCorpusFixturesAreWhatTheySay(t *testing.T) {
	want := map[string]string{
		"data/cases/standard-utf8.csv":              "utf-8",
		"data/cases/utf8-bom.csv":                   "utf-8-bom",
		"data/cases/gbk-town.csv":                   "gb18030",
		"data/cases/gb18030-rare-char.csv":          "gb18030",
		"data/cases/excel-unicode-text.txt":         "utf-16le",
		"data/powers/power-list-gbk.csv":            "gb18030",
		"data/cases/title-rows.xlsx":                "",
		"data/stats/2025年便民服务中心月报.csv":              "utf-8",
		"data/withdrawals/withdrawals.csv":          "utf-8",
		"data/cases/power-list-in-wrong-folder.csv": "utf-8",
	}
	fsys := os.DirFS(corpusRoot)
	for name, enc := range want {
		kind := records.KindByName(path.Base(path.Dir(name)))
		tables, _ := ingest.Read(fsys, name, &kind.Schema, nil, func(value.Row) {})
		if kind.Name == "cases" && strings.Contains(name, "power-list") {
			if len(tables) != 0 {
				t.Errorf("%s: read as a cases table", name)
			}
			continue
		}
		if len(tables) == 0 || tables[0].Encoding != enc {
			t.Errorf("%s: tables %v, want encoding %q", name, tables, enc)
		}
	}
	b, err := os.ReadFile(filepath.Join(corpusRoot, "data/cases/gb18030-rare-char.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := simplifiedchinese.GBK.NewDecoder().Bytes(b); err == nil && bytes.Contains(b, []byte{0x81, 0x39}) == false {
		t.Errorf("gb18030-rare-char.csv has no four-byte GB18030 sequence")
	}
}
