package opendata

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/site"
	"gongshi/generator/value"
)

func TestWan(t *testing.T) {
	tests := []struct {
		fen  value.Money
		want string
	}{
		{0, ""},
		{200000, "0.2"},
		{5000000, "5"},
		{100000000, "100"},
		{1234567, "1.234567"},
		{50000, "0.05"},
		{1, "0.000001"},
		{12000000, "12"},
		{-200000, "-0.2"},
	}
	for _, tt := range tests {
		t.Run(tt.fen.String(), func(t *testing.T) {
			if got := wan(tt.fen); got != tt.want {
				t.Errorf("wan(%d) = %q, want %q", tt.fen, got, tt.want)
			}
		})
	}
}

func TestStdValue(t *testing.T) {
	tests := []struct {
		name string
		f    records.Field
		v    string
		want string
	}{
		{"date", records.Field{Type: records.TypeDate}, "2026-03-12", "2026/03/12"},
		{"required date empty is 长期", records.Field{Type: records.TypeDate, Need: records.Required}, "", "2099/12/31"},
		{"optional date empty", records.Field{Type: records.TypeDate}, "", ""},
		{"money in 万元", records.Field{Type: records.TypeMoney}, "2000", "0.2"},
		{"money with fen", records.Field{Type: records.TypeMoney}, "12345.5", "1.23455"},
		{"money empty", records.Field{Type: records.TypeMoney}, "", ""},
		{"list", records.Field{Type: records.TypeList}, "警告；罚款", "警告;罚款"},
		{"text kept", records.Field{}, "热食类食品制售；冷食类", "热食类食品制售；冷食类"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stdValue(&tt.f, tt.v); got != tt.want {
				t.Errorf("stdValue(%q) = %q, want %q", tt.v, got, tt.want)
			}
		})
	}
}

func TestStdDate(t *testing.T) {
	d := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		t    time.Time
		open bool
		want string
	}{{d, false, "2026/03/05"}, {d, true, "2026/03/05"}, {time.Time{}, true, "2099/12/31"}, {time.Time{}, false, ""}} {
		if got := stdDate(tt.t, tt.open); got != tt.want {
			t.Errorf("stdDate(%v, %v) = %q, want %q", tt.t, tt.open, got, tt.want)
		}
	}
}

func TestStdName(t *testing.T) {
	for _, tt := range []struct {
		codes []string
		want  string
	}{
		{[]string{"CF_XDR_MC", "CF_WSH", "BZ"}, "xzcf"},
		{[]string{"XK_XDR_MC", "XK_WSH", "BZ"}, "xzxk"},
		{[]string{"XK_XDR_MC", "CF_WSH"}, "toy"},
		{[]string{"BZ"}, "toy"},
	} {
		if got := stdName(tt.codes, "toy"); got != tt.want {
			t.Errorf("stdName(%q) = %q, want %q", tt.codes, got, tt.want)
		}
	}
}

// readStd parses a standard file into its rows, header first.
func readStd(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Fatal("no BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// col returns the value of the column with the code in row r.
func col(t *testing.T, rows [][]string, r int, code string) string {
	t.Helper()
	for i, h := range rows[0] {
		if h == code {
			return rows[r][i]
		}
	}
	t.Fatalf("no column %s in %q", code, rows[0])
	return ""
}

// TestStandardFilesHoldWhatTheSitePublishes runs penalty decisions and
// licences through disclose: a natural person's name is masked exactly as
// on the site and their ID number is nowhere, a withdrawn or expired
// decision and a revoked licence are left out, and the never-published
// columns are absent.
func TestStandardFilesHoldWhatTheSitePublishes(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	set := &records.Set{
		Cases: []records.Case{
			{PartyName: "张三丰", PartyClass: records.PartyPerson, IDType: "身份证", IDNumber: "11010519491231002X",
				DecisionNo: "青溪综执罚〔2026〕4号", Violation: "露天焚烧秸秆", Facts: "张三丰在青溪村露天焚烧秸秆，联系电话13912345678",
				Basis: "《大气污染防治法》第一百一十九条", Categories: []string{"警告", "罚款"}, Content: "警告，罚款2000元", Fine: 200000,
				DecisionDate: day("2026-04-02"), Authority: "青溪镇人民政府", AuthorityCode: "11350100MB0000000Y", Source: "青溪镇人民政府", SourceCode: "11350100MB0000000Y"},
			{PartyName: "示例市青石商贸有限公司", PartyClass: records.PartyOrg, CreditCode: "91350100M000100Y43", RegNo: "350100000000001", LegalRep: "林示例",
				LegalRepIDType: "身份证", LegalRepID: "11010519491231002X",
				DecisionNo: "青溪综执罚〔2026〕3号", Violation: "擅自占用人行道堆放货物", Facts: "=1+1", Basis: "条例第三十七条", Categories: []string{"罚款"},
				Content: "罚款12345.67元", Fine: 1234567, DecisionDate: day("2026-03-15"), ValidUntil: day("2026-09-15"),
				Authority: "青溪镇人民政府", AuthorityCode: "11350100MB0000000Y", Remarks: "已缴纳"},
			{PartyName: "青溪镇旧账有限公司", PartyClass: records.PartyOrg, DecisionNo: "青溪综执罚〔2023〕9号", Categories: []string{"罚款"},
				Fine: 1000000, DecisionDate: day("2023-02-01"), Authority: "青溪镇人民政府"},
			{PartyName: "青溪镇撤销有限公司", PartyClass: records.PartyOrg, DecisionNo: "青溪综执罚〔2026〕6号", Categories: []string{"罚款"},
				Fine: 30000, DecisionDate: day("2026-05-01"), Authority: "青溪镇人民政府"},
		},
		Withdrawals: []records.Withdrawal{{DecisionNo: "青溪综执罚〔2026〕6号", Reason: "行政复议撤销", Date: day("2026-05-20")}},
	}
	k := records.LicenceKind
	item := func(vals map[string]string) records.Item {
		it := records.Item{Kind: k.Name, Values: make([]string, len(k.Fields))}
		for key, v := range vals {
			it.Values[index(t, k, key)] = v
		}
		it.ID = records.HashID(vals["authority"], vals["doc_no"])
		return it
	}
	common := map[string]string{"doc_name": "食品经营许可决定书", "category": "普通", "authority": "青溪镇人民政府",
		"authority_code": "11350100MB0000000Y", "source": "青溪镇人民政府", "source_code": "11350100MB0000000Y"}
	with := func(m map[string]string) map[string]string {
		for k, v := range common {
			if _, ok := m[k]; !ok {
				m[k] = v
			}
		}
		return m
	}
	set.Items = []records.Item{
		item(with(map[string]string{"holder": "李四光", "holder_class": "自然人", "id_type": "身份证", "id_number": "11010519491231002X",
			"doc_no": "青溪许〔2026〕1号", "cert_name": "小餐饮登记证", "licence_no": "XC001", "content": "小餐饮经营",
			"date": "2026-03-12", "valid_from": "2026-03-12", "valid_to": "", "status": "有效"})),
		item(with(map[string]string{"holder": "示例县青溪镇老街面馆", "holder_class": "个体工商户", "credit_code": "92350100MA0000000X", "legal_rep": "王五",
			"legal_rep_id": "11010519491231002X", "doc_no": "青溪许〔2026〕2号", "cert_name": "食品经营许可证", "licence_no": "JY001",
			"content": "热食类食品制售", "date": "2026-04-01", "valid_from": "2026-04-01", "valid_to": "2031-03-31", "status": "有效"})),
		item(with(map[string]string{"holder": "青溪镇吊销有限公司", "holder_class": "法人及非法人组织", "credit_code": "91350100M000100Y43",
			"doc_no": "青溪许〔2026〕3号", "content": "食品销售", "date": "2026-02-01", "valid_from": "2026-02-01", "valid_to": "2031-01-31", "status": "吊销"})),
	}
	res, _ := disclose.Apply(set, config.Default().Disclosure, now)
	s := site.New(config.Default(), res, nil)
	files, err := Standard(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != "/data/standard/xzcf.csv" || files[1].Path != "/data/standard/xzxk.csv" {
		t.Fatalf("files: %+v", files)
	}
	for _, f := range files {
		for _, secret := range []string{"11010519491231002X", "13912345678", "张三丰", "李四光", "王五", "ZJHM", "ZJLX", "撤销有限公司", "旧账", "吊销有限公司"} {
			if bytes.Contains(stdData(t, &f), []byte(secret)) {
				t.Errorf("%s contains %s", f.Path, secret)
			}
		}
	}

	cf := readStd(t, stdData(t, &files[0]))
	if strings.Join(cf[0], ",") != "CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_XDR_GSZC,CF_XDR_ZZJG,CF_XDR_SWDJ,CF_XDR_SYDW,CF_XDR_SHZZ,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_NR_WFFF,CF_NR_ZKDX,CF_JDRQ,CF_YXQ,CF_GSJZQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM,BZ" {
		t.Errorf("penalty header: %q", cf[0])
	}
	if len(cf) != 3 || files[0].Count != 2 {
		t.Fatalf("penalty rows: %q", cf)
	}
	for i := range s.Cases {
		if got, want := col(t, cf, i+1, "CF_XDR_MC"), s.Cases[i].PartyName; got != want {
			t.Errorf("row %d party %q, the site publishes %q", i+1, got, want)
		}
	}
	// Newest first, as on the site.
	for code, want := range map[string]string{"CF_XDR_MC": "张某某", "CF_XDR_LB": "自然人", "CF_XDR_SHXYM": "", "CF_CFLB": "警告;罚款",
		"CF_NR_FK": "0.2", "CF_JDRQ": "2026/04/02", "CF_YXQ": "2099/12/31", "CF_WSH": "青溪综执罚〔2026〕4号"} {
		if got := col(t, cf, 1, code); got != want {
			t.Errorf("person's %s = %q, want %q", code, got, want)
		}
	}
	if sy := col(t, cf, 1, "CF_SY"); !strings.HasPrefix(sy, "张某某在青溪村") {
		t.Errorf("person's facts %q", sy)
	}
	for code, want := range map[string]string{"CF_XDR_MC": "示例市青石商贸有限公司", "CF_XDR_SHXYM": "91350100M000100Y43", "CF_XDR_GSZC": "350100000000001",
		"CF_FRDB": "林示例", "CF_SY": "'=1+1", "CF_NR_FK": "1.234567", "CF_YXQ": "2026/09/15", "CF_JDRQ": "2026/03/15", "BZ": "已缴纳"} {
		if got := col(t, cf, 2, code); got != want {
			t.Errorf("company's %s = %q, want %q", code, got, want)
		}
	}

	xk := readStd(t, stdData(t, &files[1]))
	var want []string
	for _, f := range k.Fields {
		if f.Std != "" && f.Published() {
			want = append(want, f.Std)
		}
	}
	if strings.Join(xk[0], ",") != strings.Join(want, ",") || strings.Contains(strings.Join(xk[0], ","), "_ZJ") {
		t.Errorf("licence header: %q", xk[0])
	}
	if len(xk) != 3 || files[1].Count != 2 {
		t.Fatalf("licence rows: %q", xk)
	}
	for code, want := range map[string]string{"XK_XDR_MC": "示例县青溪镇老街面馆", "XK_XDR_SHXYM": "92350100MA0000000X", "XK_FRDB": "王某某",
		"XK_JDRQ": "2026/04/01", "XK_YXQZ": "2026/04/01", "XK_YXQZI": "2031/03/31", "XK_ZT": "有效"} {
		if got := col(t, xk, 1, code); got != want {
			t.Errorf("sole trader's %s = %q, want %q", code, got, want)
		}
	}
	for code, want := range map[string]string{"XK_XDR_MC": "李某某", "XK_XDR_LB": "自然人", "XK_XDR_SHXYM": "", "XK_YXQZI": "2099/12/31", "XK_JDRQ": "2026/03/12"} {
		if got := col(t, xk, 2, code); got != want {
			t.Errorf("person's %s = %q, want %q", code, got, want)
		}
	}
	for i, it := range res.Items[k.Name] {
		if got := col(t, xk, i+1, "XK_XDR_MC"); got != it.Get("holder") {
			t.Errorf("row %d holder %q, the site publishes %q", i+1, got, it.Get("holder"))
		}
	}
}

// TestStandardFileForEveryKindWithCodes declares a kind that no code
// names: its published fields with codes make its file, in their order.
func TestStandardFileForEveryKindWithCodes(t *testing.T) {
	k := records.NewKind(records.Kind{Name: "toys", Title: "玩具许可", Fields: []records.Field{
		{Key: "holder", Name: "行政相对人名称", Std: "WJ_MC", Role: records.RoleParty},
		{Key: "id", Name: "证件号码", Std: "WJ_ZJHM", Role: records.RoleIDNumber, Need: records.Never},
		{Key: "fee", Name: "费用", Std: "WJ_FY", Type: records.TypeMoney},
		{Key: "note", Name: "说明"},
		{Key: "date", Name: "日期", Std: "WJ_RQ", Type: records.TypeDate, Role: records.RoleDate},
	}})
	res := &disclose.Result{Kinds: []*records.Kind{k, records.LicenceKind}, Items: map[string][]disclose.Item{
		"toys": {{Kind: k, ID: "a", Values: []string{"甲公司", "", "15000", "x", "2026-01-02"}}},
	}}
	files, err := Standard(site.New(config.Default(), res, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 || files[1].Path != "/data/standard/xzwj.csv" || files[2].Count != 0 {
		t.Fatalf("files: %+v", files)
	}
	rows := readStd(t, stdData(t, &files[1]))
	if got := strings.Join(rows[0], ",") + "|" + strings.Join(rows[1], ","); got != "WJ_MC,WJ_FY,WJ_RQ|甲公司,1.5,2026/01/02" {
		t.Errorf("toy file: %s", got)
	}
}

func index(t *testing.T, k *records.Kind, key string) int {
	t.Helper()
	for i, f := range k.Fields {
		if f.Key == key {
			return i
		}
	}
	t.Fatalf("no field %s", key)
	return -1
}

// stdData returns the bytes of the standard file f.
func stdData(t *testing.T, f *StandardFile) []byte {
	t.Helper()
	var out []byte
	if err := f.WriteFile(func(_ string, data []byte) error {
		out = data
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}
