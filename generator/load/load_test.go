package load

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongshi/generator/records"
)

const caseHeader = "当事人名称,决定书文号,处罚日期,执法机关,罚款金额(元),处罚种类\n"

func TestDedupeMergesIdenticalAndRejectsConflicting(t *testing.T) {
	fsys := fstest.MapFS{"data/cases/a.csv": {Data: []byte(caseHeader +
		"甲,清溪综执罚〔2025〕1号,2025-04-12,镇政府,100,罚款\n" +
		"甲,清溪综执罚(2025)1号,2025-04-12,镇政府,100,罚款\n" +
		"甲,清溪综执罚［2025］1号,2025-04-12,镇政府,200,罚款\n" +
		"乙,清溪综执罚〔2025〕1号,2025-04-12,另一机关,100,罚款\n" +
		"丙,,2025-04-12,镇政府,100,罚款\n")}}
	set, _, dl := ReadFile(fsys, "data/cases/a.csv", &records.CaseKind, nil)
	if len(dl) != 1 || dl[0].Pos.Row != 6 {
		t.Fatalf("read: %v, want only the missing number of row 6", dl)
	}
	all := set.Cases
	dd := records.Dedupe(set)
	if len(set.Cases) != 3 {
		t.Fatalf("%d cases left, want 3 (the other authority's decision is distinct, one without a number is left alone)", len(set.Cases))
	}
	for i, want := range []string{"甲", "乙", "丙"} {
		if set.Cases[i].PartyName != want || set.Cases[i].Pos.Row != []int{2, 5, 6}[i] {
			t.Errorf("case %d is %s of row %d, want %s in file order", i, set.Cases[i].PartyName, set.Cases[i].Pos.Row, want)
		}
	}
	for i, c := range all[len(set.Cases):] {
		if c.PartyName != "" {
			t.Errorf("merged row %d still holds %s: the dropped tail should be cleared", i, c.PartyName)
		}
	}
	if len(dd) != 2 || dd[0].Pos.Row != 3 || dd[0].Severity.String() != "warning" || dd[1].Pos.Row != 4 || dd[1].Severity.String() != "error" {
		t.Fatalf("diagnostics: %v", dd)
	}
	if !strings.Contains(dd[1].Msg, "data/cases/a.csv:2") || !strings.Contains(dd[1].Msg, records.ColFine) {
		t.Errorf("conflict should name the first row and the differing column: %s", dd[1].Msg)
	}
}

func TestDetectNamesTheKindOfAMisfiledFile(t *testing.T) {
	fsys := fstest.MapFS{
		"data/cases/powers.csv":  {Data: []byte("事项编码,事项名称,事项类型,实施主体\nQX1,某处罚,行政处罚,镇政府\n")},
		"data/cases/w.csv":       {Data: []byte("决定书文号,撤回原因,撤回日期\n1号,复议撤销,2025-01-01\n")},
		"data/cases/nothing.csv": {Data: []byte("a,b,c\n1,2,3\n")},
	}
	for name, want := range map[string]string{"data/cases/powers.csv": "powers", "data/cases/w.csv": "withdrawals"} {
		if k := Detect(fsys, name); k == nil || k.Name != want {
			t.Errorf("Detect(%s) = %v, want %s", name, k, want)
		}
	}
	if k := Detect(fsys, "data/cases/nothing.csv"); k != nil {
		t.Errorf("Detect(nothing) = %s", k.Name)
	}
	_, _, dl := ReadFile(fsys, "data/cases/powers.csv", &records.CaseKind, nil)
	if len(dl) != 1 || !strings.Contains(dl[0].Msg, "move it to data/powers/") {
		t.Errorf("diagnostics: %v", dl)
	}
}

func TestReadFileUsesSiteAliases(t *testing.T) {
	fsys := fstest.MapFS{"data/cases/a.csv": {Data: []byte("当事人名称,决定书文号,处罚日期,办案单位,罚没款(元)\n甲,1号,2025-04-12,镇政府,\"2,000\"\n")}}
	set, tables, dl := ReadFile(fsys, "data/cases/a.csv", &records.CaseKind, map[string][]string{"处罚机关": {"办案单位"}, "罚款金额（万元）": {"罚没款"}})
	if dl.HasErrors() || len(set.Cases) != 1 || len(tables) != 1 || tables[0].Rows != 1 {
		t.Fatalf("set %+v diagnostics %v", set, dl)
	}
	if c := set.Cases[0]; c.Authority != "镇政府" || c.Fine != 200000 {
		t.Errorf("case %+v", c)
	}
}

func TestMisfiledCasesInWithdrawals(t *testing.T) {
	fsys := fstest.MapFS{"data/withdrawals/a.csv": {Data: []byte(caseHeader + "甲,1号,2025-04-12,镇政府,100,罚款\n")}}
	_, _, dl := ReadFile(fsys, "data/withdrawals/a.csv", &records.WithdrawalKind, nil)
	if len(dl) == 0 || !strings.Contains(dl[0].Msg, "move it to data/cases/") {
		t.Errorf("diagnostics: %v", dl)
	}
}

// A large export's decisions are read into a slice sized by the reader's
// estimate of the rows left, not one doubled past twice what it needs,
// whatever the file's encoding makes of its length.
func TestReadFileSizesCasesByTheRowsLeft(t *testing.T) {
	var b strings.Builder
	b.WriteString(caseHeader)
	const n = 20000
	for i := range n {
		fmt.Fprintf(&b, "某某建材有限公司第%d分公司,青溪综执罚〔2025〕%d号,2025-04-12,青溪镇综合行政执法队,%d,罚款\n", i, i, 1000+i%7*100)
	}
	text := b.String()
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, data string }{
		{"utf-8", text},
		{"utf-8-bom", "\uFEFF" + text},
		{"gb18030", gbk},
		{"utf-16le", utf16le},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"data/cases/a.csv": {Data: []byte(tc.data)}}
			set, _, dl := ReadFile(fsys, "data/cases/a.csv", &records.CaseKind, nil)
			if dl.HasErrors() || len(set.Cases) != n {
				t.Fatalf("read %d decisions, %v", len(set.Cases), dl)
			}
			if c := cap(set.Cases); c > n*5/4 {
				t.Errorf("%d decisions in a slice of capacity %d: more than a quarter spare", n, c)
			}
		})
	}
}
