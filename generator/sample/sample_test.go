package sample

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/ident"
	"gongshi/generator/ingest"
	"gongshi/generator/load"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// readAll reads every written file with the readers the build uses.
func readAll(t *testing.T, dir string, files []string) (*records.Set, diag.List, map[string][]*value.Table) {
	t.Helper()
	set := &records.Set{}
	var all diag.List
	tables := map[string][]*value.Table{}
	fsys := os.DirFS(dir)
	for _, rel := range files {
		parts := strings.Split(rel, "/")
		if len(parts) < 3 || parts[0] != "data" {
			t.Fatalf("%s: not under data/", rel)
		}
		kind := records.KindByName(parts[1])
		if kind == nil {
			t.Fatalf("%s: no record kind for data/%s", rel, parts[1])
		}
		kind = load.Choose(fsys, rel, kind, nil)
		var dl diag.List
		tabs, rdl := ingest.Read(fsys, rel, &kind.Schema, &dl, func(r value.Row) { kind.Add(set, r, &dl) })
		all = append(all, rdl...)
		all = append(all, dl...)
		tables[rel] = tabs
	}
	return set, all, tables
}

func TestIngestRoundTrip(t *testing.T) {
	for _, o := range []Options{DefaultOptions(), {Cases: 20000, Seed: 42, End: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}} {
		t.Run(strconv.Itoa(o.Cases), func(t *testing.T) {
			dir := t.TempDir()
			sum, err := Write(dir, o)
			if err != nil {
				t.Fatal(err)
			}
			set, dl, tables := readAll(t, dir, pinnedFiles(sum.Files))
			for _, d := range dl {
				// The sample's 不用跑 items take every document online.
				if d.Severity == diag.Error || d.Code == "trips-originals" {
					t.Errorf("%s", d)
				}
			}
			if t.Failed() {
				t.FailNow()
			}
			end := o.End
			if end.IsZero() {
				end = DefaultEnd
			}
			checkFiles(t, sum, tables, end)
			checkCases(t, set, o.Cases, end)
			checkPowers(t, set)
			checkServices(t, set)
			checkStats(t, set, end)
			checkWithdrawals(t, set, sum)
			checkRegister(t, set, sum)
		})
	}
}

func checkFiles(t *testing.T, sum Summary, tables map[string][]*value.Table, end time.Time) {
	t.Helper()
	want := []string{"data/powers/青溪镇权力清单.xlsx", "data/powers/权力事项调整记录.csv", "data/services/青溪镇政务服务事项.csv", "data/stats/便民服务中心月度统计.csv", "data/withdrawals/撤回公示.csv"}
	first := end.Year() - 4
	for y := first; y <= end.Year(); y++ {
		ext := ".csv"
		if y == first+1 {
			ext = ".xlsx"
		}
		want = append(want, "data/cases/行政处罚-"+strconv.Itoa(y)+ext)
	}
	for y := end.Year() - 2; y <= end.Year(); y++ {
		want = append(want, "data/stats/综治中心信访统计-"+strconv.Itoa(y)+".xlsx")
	}
	for y := first; y <= end.Year(); y++ {
		ext := ".csv"
		if y == first+1 {
			ext = ".xlsx"
		}
		want = append(want, "data/licences/行政许可-"+strconv.Itoa(y)+ext)
		want = append(want, "data/inspections/行政检查-"+strconv.Itoa(y)+".csv")
	}
	want = append(want, "data/coercion/行政强制措施.csv")
	sort.Strings(want)
	if strings.Join(want, "\n") != strings.Join(sum.Files, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(sum.Files, "\n"), strings.Join(want, "\n"))
	}
	encodings := map[int]string{first: "gb18030", first + 2: "utf-8-bom", first + 3: "utf-8", first + 4: "utf-8"}
	for y, enc := range encodings {
		rel := "data/cases/行政处罚-" + strconv.Itoa(y) + ".csv"
		if ts := tables[rel]; len(ts) != 1 || ts[0].Encoding != enc {
			t.Errorf("%s: want one table in %s", rel, enc)
		}
	}
	x := tables["data/cases/行政处罚-"+strconv.Itoa(first+1)+".xlsx"]
	if len(x) != 1 || x[0].HeaderRow != 2 || !strings.Contains(x[0].Title, "行政处罚决定公示") {
		t.Errorf("case workbook: want a title row above the header in row 2, got %+v", x)
	}
}

func checkCases(t *testing.T, set *records.Set, n int, end time.Time) {
	t.Helper()
	if len(set.Cases) != n {
		t.Fatalf("read %d cases, want %d", len(set.Cases), n)
	}
	classes := map[records.PartyClass]int{}
	seq := map[int]int{}
	var simple, publish, minors, contact int
	ids := map[string]bool{}
	for i := range set.Cases {
		c := &set.Cases[i]
		classes[c.PartyClass]++
		if c.DecisionDate.After(end) || c.DecisionDate.Year() < end.Year()-4 {
			t.Fatalf("%s: decision date %s outside the five years", c.Pos, c.DecisionDate)
		}
		if wd := c.DecisionDate.Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("%s: decided on a %s", c.Pos, wd)
		}
		y := c.DecisionDate.Year()
		seq[y]++
		if want := "青溪综执罚〔" + strconv.Itoa(y) + "〕" + strconv.Itoa(seq[y]) + "号"; c.DecisionNo != want {
			t.Fatalf("%s: decision number %s, want %s", c.Pos, c.DecisionNo, want)
		}
		if ids[c.ID()] {
			t.Fatalf("%s: duplicate identity", c.Pos)
		}
		ids[c.ID()] = true
		if c.Authority != Government || c.AuthorityCode != GovernmentCode || c.Source != Government {
			t.Errorf("%s: authority %s %s", c.Pos, c.Authority, c.AuthorityCode)
		}
		switch c.PartyClass {
		case records.PartyOrg, records.PartySoleTrader:
			if p := ident.CreditCodeProblem(c.CreditCode); p != "" || c.LegalRep == "" {
				t.Errorf("%s: credit code %s: %s; legal rep %q", c.Pos, c.CreditCode, p, c.LegalRep)
			}
			if c.LegalRepID != "" && !ident.ValidID(c.LegalRepID) {
				t.Errorf("%s: legal rep ID %s invalid", c.Pos, c.LegalRepID)
			}
		case records.PartyPerson:
			if c.IDType != "身份证" || !ident.ValidID(c.IDNumber) || !strings.HasPrefix(c.IDNumber, "3") {
				t.Errorf("%s: ID %s %s invalid", c.Pos, c.IDType, c.IDNumber)
			}
			birth, _ := ident.IDBirth(c.IDNumber)
			if c.DecisionDate.Before(birth.AddDate(18, 0, 0)) {
				minors++
			}
		default:
			t.Errorf("%s: party class %q", c.Pos, c.ClassGiven)
		}
		if c.Procedure == "简易程序" {
			simple++
			if f := c.Fine.Yuan(); f > 3000 || c.PartyClass == records.PartyPerson && f > 200 {
				t.Errorf("%s: 简易程序 with a fine of %v", c.Pos, c.Fine)
			}
		} else if c.Procedure != "普通程序" {
			t.Errorf("%s: procedure %q", c.Pos, c.Procedure)
		}
		if !c.PublishUntil.IsZero() {
			publish++
		}
		if strings.Contains(c.Facts, "联系电话") || strings.Contains(c.Facts, "身份证号码") {
			contact++
		}
		hasFine := false
		for _, cat := range c.Categories {
			hasFine = hasFine || cat == "罚款"
		}
		if hasFine != (c.Fine > 0) {
			t.Errorf("%s: categories %v with fine %v", c.Pos, c.Categories, c.Fine)
		}
		if c.Fine > 0 && (c.Fine.Yuan() < 50 || c.Fine.Yuan() > 50000) {
			t.Errorf("%s: fine %v", c.Pos, c.Fine)
		}
		if c.Facts == "" || c.Basis == "" || c.Content == "" || len(c.Categories) == 0 || !strings.HasPrefix(c.PowerCode, "QX-CF-") {
			t.Errorf("%s: incomplete decision %+v", c.Pos, c)
		}
	}
	share := func(k int) float64 { return float64(k) / float64(n) }
	if n < 10000 {
		return
	}
	for class, want := range map[records.PartyClass]float64{records.PartyOrg: 0.55, records.PartySoleTrader: 0.25, records.PartyPerson: 0.20} {
		if got := share(classes[class]); got < want-0.03 || got > want+0.03 {
			t.Errorf("%s: share %.3f, want about %.2f", class, got, want)
		}
	}
	if got := share(simple); got < 0.06 || got > 0.10 {
		t.Errorf("简易程序 share %.3f, want about 0.08", got)
	}
	if got := share(publish); got < 0.26 || got > 0.35 {
		t.Errorf("公示截止期 share %.3f, want about 0.30", got)
	}
	if got := share(contact); got < 0.03 || got > 0.07 {
		t.Errorf("facts with a phone or ID number: share %.3f, want about 0.05", got)
	}
	if minors == 0 {
		t.Errorf("no minor among %d natural persons", classes[records.PartyPerson])
	}
}

func checkPowers(t *testing.T, set *records.Set) {
	t.Helper()
	if len(set.Powers) != 551 {
		t.Errorf("read %d powers, want 551", len(set.Powers))
	}
	cats := map[string]int{}
	codes := map[string]string{}
	for _, p := range set.Powers {
		cats[p.Category]++
		if _, dup := codes[p.Code]; dup {
			t.Errorf("%s: duplicate code %s", p.Pos, p.Code)
		}
		codes[p.Code] = p.Category
		if !strings.Contains(p.Duties, "\n2.") || !strings.HasPrefix(p.ImplBasis, "1.") {
			t.Errorf("%s: want numbered multi-line 责任事项 and 实施依据", p.Pos)
		}
	}
	if cats["行政处罚"] != 204 || len(cats) != 10 {
		t.Errorf("categories %v: want 204 行政处罚 among 10 categories", cats)
	}
	used := map[string]int{}
	for _, c := range set.Cases {
		if codes[c.PowerCode] != "行政处罚" {
			t.Fatalf("%s: 权力编码 %s is not a penalty power", c.Pos, c.PowerCode)
		}
		used[c.PowerCode]++
	}
	if unused := 204 - len(used); unused < 15 {
		t.Errorf("%d penalty powers never used, want at least 15", unused)
	}
}

func checkServices(t *testing.T, set *records.Set) {
	t.Helper()
	if n := len(set.Services); n < 220 || n > 260 {
		t.Errorf("read %d services, want about 240", n)
	}
	names := map[string]bool{}
	for _, s := range set.Services {
		if names[s.Name] {
			t.Errorf("%s: duplicate service %s", s.Pos, s.Name)
		}
		names[s.Name] = true
		if len(s.Materials) == 0 || len(s.Flow) < 3 || s.Trips < 0 || s.Online == "" || s.Domain == "" || s.LegalBasis == "" || s.Result == "" {
			t.Errorf("%s: incomplete service %+v", s.Pos, s)
		}
		// An item handled online links to the platform, but for those the
		// town passes up to the county; nothing else has a link.
		if want := s.Online == "是" && !strings.Contains(s.Name, "受理转报"); (s.OnlineLink() != "") != want || (s.OnlineURL != "") != want {
			t.Errorf("%s: %s (是否网办 %s) has 网办地址 %q", s.Pos, s.Name, s.Online, s.OnlineURL)
		}
	}
}

func checkStats(t *testing.T, set *records.Set, end time.Time) {
	t.Helper()
	type key struct{ ds, month, cat string }
	vals := map[key]map[string]float64{}
	months := map[string]map[string]bool{}
	for _, s := range set.Stats {
		k := key{s.Dataset, s.Month, s.Category}
		if vals[k] == nil {
			vals[k] = map[string]float64{}
		}
		vals[k][s.Indicator] = s.Value
		if months[s.Dataset] == nil {
			months[s.Dataset] = map[string]bool{}
		}
		months[s.Dataset][s.Month] = true
	}
	if n := len(months["便民服务中心月度统计"]); n < 40 {
		t.Errorf("service centre: %d months, want at least 40", n)
	}
	all := map[string]bool{}
	for _, ms := range months {
		for m := range ms {
			all[m] = true
		}
	}
	if len(all) < 36 {
		t.Errorf("statistics cover %d months, want at least 36", len(all))
	}
	for k, v := range vals {
		if k.ds != "便民服务中心月度统计" {
			continue
		}
		if !(v["按期办结数"] <= v["办结数"] && v["办结数"] <= v["受理数"] && v["即办件数"]+v["承诺件数"] == v["受理数"]) {
			t.Errorf("%v: inconsistent %v", k, v)
		}
	}
	last := "综治中心信访统计-" + strconv.Itoa(end.Year())
	if n := len(months[last]); n != int(end.Month()) {
		t.Errorf("%s: %d months, want %d (to the end date)", last, n, end.Month())
	}
	for k, v := range vals {
		if strings.HasPrefix(k.ds, "综治中心") && (v["矛盾纠纷化解"] > v["矛盾纠纷受理"] || v["信访办结"] > v["信访受理"] || len(v) != 5) {
			t.Errorf("%v: inconsistent %v", k, v)
		}
	}
}

// checkRegister checks the power register: fifteen items taken back, each
// an item of the list that no decision names, and a few added and adjusted.
func checkRegister(t *testing.T, set *records.Set, sum Summary) {
	t.Helper()
	if len(set.PowerChanges) != sum.PowerChanges {
		t.Fatalf("read %d power changes, summary says %d", len(set.PowerChanges), sum.PowerChanges)
	}
	listed := map[string]bool{}
	for _, p := range set.Powers {
		listed[p.Code] = true
	}
	used := map[string]int{}
	for _, c := range set.Cases {
		used[c.PowerCode]++
	}
	n := map[string]int{}
	for _, c := range set.PowerChanges {
		n[c.Type]++
		if !listed[c.Code] || c.Date.IsZero() || c.Doc == "" || c.Reason == "" {
			t.Errorf("%s %s: not in the list, or without date, document or reason", c.Code, c.Type)
		}
		if c.Type == records.ChangeTake && (used[c.Code] > 0 || c.Successor == "") {
			t.Errorf("%s taken back: used by %d decisions, successor %q", c.Code, used[c.Code], c.Successor)
		}
	}
	if n[records.ChangeTake] != 15 || n[records.ChangeAdd] == 0 || n[records.ChangeAdjust] == 0 {
		t.Errorf("changes by type %v, want 15 收回 and some 新增 and 调整", n)
	}
}

func checkWithdrawals(t *testing.T, set *records.Set, sum Summary) {
	t.Helper()
	if len(set.Withdrawals) != sum.Withdrawals || sum.Withdrawals < 3 {
		t.Fatalf("read %d withdrawals, summary says %d, want at least 3", len(set.Withdrawals), sum.Withdrawals)
	}
	decided := map[string]time.Time{}
	for _, c := range set.Cases {
		decided[c.DecisionNo] = c.DecisionDate
	}
	for _, w := range set.Withdrawals {
		d, ok := decided[w.DecisionNo]
		if !ok || w.Authority != Government || w.Reason == "" || w.Date.Before(d) {
			t.Errorf("%s: withdrawal %+v of an unknown decision or before it", w.Pos, w)
		}
	}
}

func TestDeterministic(t *testing.T) {
	o := Options{Cases: 3000, Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	sa, err := Write(a, o)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Write(b, o)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(sa.Files, ",") != strings.Join(sb.Files, ",") {
		t.Fatalf("file lists differ: %v vs %v", sa.Files, sb.Files)
	}
	for _, rel := range sa.Files {
		x, err := os.ReadFile(filepath.Join(a, rel))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		if path.Ext(rel) == ".xlsx" {
			checkZipStamps(t, rel, x)
		}
	}
	// Every file of the site folder was reported.
	var found []string
	filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			r, _ := filepath.Rel(a, p)
			found = append(found, filepath.ToSlash(r))
		}
		return nil
	})
	sort.Strings(found)
	if strings.Join(found, ",") != strings.Join(sa.Files, ",") {
		t.Errorf("written %v, reported %v", found, sa.Files)
	}
	// Another seed is another town history, with the same lists.
	c := t.TempDir()
	if _, err := Write(c, Options{Cases: 3000, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	for rel, same := range map[string]bool{"data/cases/行政处罚-2025.csv": false, "data/services/青溪镇政务服务事项.csv": true, "data/licences/行政许可-2025.csv": false} {
		x, _ := os.ReadFile(filepath.Join(a, rel))
		y, _ := os.ReadFile(filepath.Join(c, rel))
		if bytes.Equal(x, y) != same {
			t.Errorf("%s: equal across seeds is %v, want %v", rel, !same, same)
		}
	}
}

// checkZipStamps checks that a workbook carries no time but the fixed one.
func checkZipStamps(t *testing.T, rel string, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	for _, f := range zr.File {
		if want := time.Date(2026, 10, 31, 17, 30, 0, 0, time.UTC); !f.Modified.Equal(want) {
			t.Errorf("%s: entry %s stamped %s, want %s", rel, f.Name, f.Modified, want)
		}
		if f.Name == "docProps/core.xml" {
			rc, _ := f.Open()
			var buf bytes.Buffer
			buf.ReadFrom(rc)
			rc.Close()
			if !strings.Contains(buf.String(), "2026-10-31T17:30:00Z") {
				t.Errorf("%s: core properties without the fixed stamp: %s", rel, buf.String())
			}
		}
	}
}

func TestIdentifiers(t *testing.T) {
	day := time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		gen  func(seed uint64) string
		ok   func(string) bool
	}{
		{"government credit code", func(uint64) string { return GovernmentCode }, creditOK("11")},
		{"enforcement credit code", func(uint64) string { return EnforcementCode }, creditOK("12")},
		{"company credit code", func(s uint64) string { return partyCode("91", companyName(newRand(s, 0), "餐饮管理")) }, creditOK("91")},
		{"sole trader credit code", func(s uint64) string { n, _ := soleTrader(newRand(s, 0), "烧烤店"); return partyCode("92", n) }, creditOK("92")},
		{"adult ID number", func(s uint64) string { r := newRand(s, 0); return idNumber(r, adultBirth(r, day)) }, func(id string) bool {
			b, _ := ident.IDBirth(id)
			return ident.ValidID(id) && id[0] == '3' && !b.Before(adultBirthMin) && !b.After(adultBirthMax) && !day.Before(b.AddDate(18, 0, 0))
		}},
		{"minor ID number", func(s uint64) string { r := newRand(s, 0); return idNumber(r, minorBirth(r, day)) }, func(id string) bool {
			b, _ := ident.IDBirth(id)
			return ident.ValidID(id) && day.Before(b.AddDate(18, 0, 0)) && !day.Before(b.AddDate(14, 0, 0))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := uint64(0); seed < 500; seed++ {
				if v := tt.gen(seed); !tt.ok(v) {
					t.Fatalf("seed %d: %s is not valid", seed, v)
				}
			}
		})
	}
	// GB 11714's worked example.
	if got := orgCode("D2143569"); got != "D2143569X" {
		t.Errorf("orgCode(D2143569) = %s, want D2143569X", got)
	}
}

func creditOK(prefix string) func(string) bool {
	return func(code string) bool {
		return ident.CreditCodeProblem(code) == "" && strings.HasPrefix(code, prefix+regionCode)
	}
}

func TestCaseHeader(t *testing.T) {
	if len(caseHeader) != 32 || numCaseCols != 32 {
		t.Fatalf("header has %d columns, want 30 + 2", len(caseHeader))
	}
	want := []string{records.ColPartyName, records.ColPartyClass, records.ColCreditCode, records.ColRegNo, records.ColOrgCode, records.ColTaxNo, records.ColInstCode, records.ColSocialOrgCode, records.ColLegalRep, records.ColLegalRepIDTyp, records.ColLegalRepID, records.ColIDType, records.ColIDNumber, records.ColDecisionNo, records.ColViolation, records.ColFacts, records.ColBasis, records.ColCategory, records.ColContent, records.ColFine, records.ColConfiscated, records.ColLicence, records.ColDecisionDate, records.ColValidUntil, records.ColPublishUntil, records.ColAuthority, records.ColAuthorityCode, records.ColSource, records.ColSourceCode, records.ColRemarks, records.ColProcedure, records.ColPowerCode}
	for i, h := range caseHeader {
		if name, _, ok := records.CaseKind.Schema.Match(h); !ok || name != want[i] {
			t.Errorf("column %d %s reads as %q, want %s", i+1, h, name, want[i])
		}
	}
	// The layout of the shared export sample, when it is at hand.
	if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "行政处罚-双公示标准格式.csv")); err == nil {
		first, _, _ := strings.Cut(strings.TrimPrefix(string(b), "\ufeff"), "\n")
		if got := strings.Join(caseHeader[:30], ","); got != strings.TrimSpace(first) {
			t.Errorf("header differs from the shared sample:\n%s\n%s", got, first)
		}
	}
}

func TestCatalogue(t *testing.T) {
	c, err := loadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	zero, delegated, entrusted := 0, 0, 0
	names := map[string]bool{}
	for _, p := range c.penalties {
		if p.Weight == 0 {
			zero++
		}
		switch p.Source {
		case "上级下放":
			delegated++
		case "上级委托":
			entrusted++
		}
		if names[p.Full] {
			t.Errorf("duplicate penalty %s", p.Full)
		}
		names[p.Full] = true
		if p.Max > 50000 || p.PMax > 50000 || (p.Min == 0) != p.has('X') {
			t.Errorf("%s: fine range %d-%d / %d-%d", p.Short, p.Min, p.Max, p.PMin, p.PMax)
		}
	}
	if len(c.penalties) != 204 || zero != 15 || entrusted < 70 || delegated < 110 {
		t.Errorf("%d penalties, %d never used, %d 上级下放, %d 上级委托", len(c.penalties), zero, delegated, entrusted)
	}
	if len(c.powers) != 551 {
		t.Errorf("%d powers, want 551", len(c.powers))
	}
	titles := map[string]bool{}
	for _, p := range c.powers {
		k := p.Name + "/" + p.SubName
		if titles[k] {
			t.Errorf("duplicate power %s", k)
		}
		titles[k] = true
		if _, ok := domains[p.Domain]; !ok {
			t.Errorf("%s: unknown domain %s", p.Code, p.Domain)
		}
	}
}

func TestNegativeCases(t *testing.T) {
	if _, err := Write(t.TempDir(), Options{Cases: -1}); err == nil {
		t.Error("negative case count accepted")
	}
}

func TestSmall(t *testing.T) {
	// Fewer decisions than withdrawals wanted, and an end date early in a
	// year: every file is still written and readable.
	dir := t.TempDir()
	o := Options{Cases: 2, Seed: 3, End: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
	sum, err := Write(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	set, dl, _ := readAll(t, dir, pinnedFiles(sum.Files))
	if dl.HasErrors() {
		t.Errorf("diagnostics: %v", dl)
	}
	if len(set.Cases) != 2 || sum.Withdrawals != 2 || len(sum.Files) != 24 {
		t.Errorf("%d cases, %d withdrawals, %d files", len(set.Cases), sum.Withdrawals, len(sum.Files))
	}
	ls, ldl, _ := readLicences(t, dir, sum.Files)
	if ldl.HasErrors() || len(ls) != sum.Licences || sum.Licences < 3600 {
		t.Errorf("%d licences read, %d written: %v", len(ls), sum.Licences, ldl)
	}
}

func BenchmarkWrite100k(b *testing.B) {
	o := Options{Cases: 100000, Seed: 1}
	root := b.TempDir()
	for i := 0; b.Loop(); i++ {
		dir := filepath.Join(root, strconv.Itoa(i))
		if _, err := Write(dir, o); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}
