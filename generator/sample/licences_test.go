package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/ident"
	"gongshi/generator/ingest"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// pinnedFiles returns the files of the datasets records reads, leaving out
// the licences, which readLicences reads by their layout.
func pinnedFiles(files []string) []string {
	var out []string
	for _, f := range files {
		if isPinned(f) {
			out = append(out, f)
		}
	}
	return out
}

// licenceRow is one licence as read back: the cells by header, and where
// the row is.
type licenceRow struct {
	cells map[string]string
	pos   diag.Pos
	file  string
}

func (l licenceRow) get(col int) string { return l.cells[licenceHeader[col]] }

// licenceSchema reads every column of the layout under its own name.
func licenceSchema() *value.Schema {
	s := &value.Schema{Kind: "licences", MinMatch: 10}
	for i, h := range licenceHeader {
		s.Columns = append(s.Columns, value.Column{Name: h, Required: i < numStandardLicenceCols})
	}
	return s
}

// readLicences reads the files under data/licences/ with the readers the
// build uses, by the 双公示 licensing layout.
func readLicences(t *testing.T, dir string, files []string) ([]licenceRow, diag.List, map[string][]*value.Table) {
	t.Helper()
	s := licenceSchema()
	fsys := os.DirFS(dir)
	var rows []licenceRow
	var all diag.List
	tables := map[string][]*value.Table{}
	for _, rel := range files {
		if !strings.HasPrefix(rel, "data/licences/") {
			continue
		}
		var dl diag.List
		tabs, rdl := ingest.Read(fsys, rel, s, &dl, func(r value.Row) {
			l := licenceRow{cells: map[string]string{}, pos: r.RowPos(), file: rel}
			for _, h := range licenceHeader {
				l.cells[h] = r.Value(h)
			}
			rows = append(rows, l)
		})
		all = append(all, rdl...)
		all = append(all, dl...)
		tables[rel] = tabs
	}
	return rows, all, tables
}

func TestLicences(t *testing.T) {
	for _, o := range []Options{DefaultOptions(), {Cases: 20000, Seed: 42, End: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}} {
		t.Run(strconv.Itoa(o.Cases), func(t *testing.T) {
			dir := t.TempDir()
			sum, err := Write(dir, o)
			if err != nil {
				t.Fatal(err)
			}
			end := o.End
			if end.IsZero() {
				end = DefaultEnd
			}
			rows, dl, tables := readLicences(t, dir, sum.Files)
			for _, d := range dl {
				if d.Severity == diag.Error {
					t.Errorf("%s", d)
				}
			}
			if len(rows) != sum.Licences {
				t.Fatalf("read %d licences, summary says %d", len(rows), sum.Licences)
			}
			checkLicenceFiles(t, tables, end)
			set, _, _ := readAll(t, dir, []string{"data/powers/青溪镇权力清单.xlsx"})
			checkLicences(t, rows, set, end)
		})
	}
}

// checkLicenceFiles checks each year's shape: the layout's header spelled
// exactly, in the encodings and shapes of the penalty files.
func checkLicenceFiles(t *testing.T, tables map[string][]*value.Table, end time.Time) {
	t.Helper()
	first := end.Year() - 4
	for y := first; y <= end.Year(); y++ {
		rel, enc, cols := "data/licences/行政许可-"+strconv.Itoa(y)+".csv", "utf-8", numLicenceCols
		switch y {
		case first:
			enc, cols = "gb18030", numStandardLicenceCols
		case first + 1:
			rel, enc = "data/licences/行政许可-"+strconv.Itoa(y)+".xlsx", ""
		case first + 2:
			enc = "utf-8-bom"
		}
		ts := tables[rel]
		if len(ts) != 1 || ts[0].Encoding != enc {
			t.Fatalf("%s: want one table in %q, got %+v", rel, enc, ts)
		}
		var header []string
		for _, h := range ts[0].Columns {
			header = append(header, h.Raw)
		}
		if got, want := strings.Join(header, ","), strings.Join(licenceHeader[:cols], ","); got != want {
			t.Errorf("%s: header\n%s\nwant\n%s", rel, got, want)
		}
		if y == first+1 && (ts[0].HeaderRow != 2 || !strings.Contains(ts[0].Title, "行政许可决定公示")) {
			t.Errorf("%s: want a title row above the header in row 2, got %+v", rel, ts[0])
		}
		// A full year has about 1,000 licences.
		if y < end.Year() {
			want := licencesPerYear[y-first]
			if n := ts[0].Rows; n != want {
				t.Errorf("%s: %d licences, want %d", rel, n, want)
			}
		}
	}
}

var licenceCategory = regexp.MustCompile(`^(普通|特许|认可|核准|登记|其他-.+)$`)

func checkLicences(t *testing.T, rows []licenceRow, set *records.Set, end time.Time) {
	t.Helper()
	licensing := map[string]bool{}
	for _, p := range set.Powers {
		if p.Category == "行政许可" {
			licensing[p.Code] = true
		}
	}
	parse := func(l licenceRow, col int) time.Time {
		v := l.get(col)
		d, err := time.Parse("2006/01/02", v)
		if err != nil {
			d, err = time.Parse("2006-01-02", v)
		}
		if err != nil {
			t.Fatalf("%s: %s %q is not a date", l.pos, licenceHeader[col], v)
		}
		return d
	}
	classes := map[string]int{}
	status := map[string]int{}
	ids := map[string]bool{}
	last := map[string]time.Time{}
	var withCode, codeColumn, forever, mentions int
	for _, l := range rows {
		cls := l.get(lcClass)
		classes[cls]++
		st := l.get(lcStatus)
		status[st]++
		for _, col := range []int{lcName, lcDocName, lcDocNo, lcCategory, lcContent, lcDecisionDate, lcValidFrom, lcValidUntil, lcAuthority, lcAuthorityCode, lcStatus, lcSource, lcSourceCode} {
			if l.get(col) == "" {
				t.Fatalf("%s: %s is empty", l.pos, licenceHeader[col])
			}
		}
		day := parse(l, lcDecisionDate)
		from, until := parse(l, lcValidFrom), parse(l, lcValidUntil)
		if day.After(end) || day.Year() < end.Year()-4 {
			t.Fatalf("%s: decision date %s outside the five years", l.pos, day)
		}
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("%s: decided on a %s", l.pos, wd)
		}
		if day.Before(last[l.file]) {
			t.Errorf("%s: decision date %s before the row above", l.pos, day)
		}
		last[l.file] = day
		if from.Before(day) || until.Before(from) {
			t.Errorf("%s: valid from %s to %s, decided %s", l.pos, from, until, day)
		}
		if until.Year() == 2099 {
			forever++
		}
		id := l.get(lcAuthority) + "|" + l.get(lcDocNo)
		if ids[id] {
			t.Errorf("%s: duplicate identity %s", l.pos, id)
		}
		ids[id] = true
		if !licenceCategory.MatchString(l.get(lcCategory)) {
			t.Errorf("%s: 许可类别 %q", l.pos, l.get(lcCategory))
		}
		if (l.get(lcCert) == "") != (l.get(lcCertNo) == "") {
			t.Errorf("%s: certificate %q numbered %q", l.pos, l.get(lcCert), l.get(lcCertNo))
		}
		for _, col := range []int{lcAuthorityCode, lcSourceCode} {
			if p := ident.CreditCodeProblem(l.get(col)); p != "" || !strings.HasPrefix(l.get(col), "1") {
				t.Errorf("%s: %s %s: %s", l.pos, licenceHeader[col], l.get(col), p)
			}
		}
		switch cls {
		case "法人及非法人组织", "个体工商户":
			prefix := map[string]string{"法人及非法人组织": "91", "个体工商户": "92"}[cls]
			if p := ident.CreditCodeProblem(l.get(lcCredit)); p != "" || !strings.HasPrefix(l.get(lcCredit), prefix) || l.get(lcLegalRep) == "" {
				t.Errorf("%s: credit code %s: %s; legal rep %q", l.pos, l.get(lcCredit), p, l.get(lcLegalRep))
			}
			if id := l.get(lcRepID); id != "" && !ident.ValidID(id) {
				t.Errorf("%s: legal rep ID %s invalid", l.pos, id)
			}
			if l.get(lcIDNumber) != "" {
				t.Errorf("%s: an ID number for a %s", l.pos, cls)
			}
		case "自然人":
			if l.get(lcIDType) != "身份证" || !ident.ValidID(l.get(lcIDNumber)) || l.get(lcCredit) != "" || l.get(lcLegalRep) != "" {
				t.Errorf("%s: natural person with ID %s %s, credit code %q, legal rep %q", l.pos, l.get(lcIDType), l.get(lcIDNumber), l.get(lcCredit), l.get(lcLegalRep))
			}
			birth, _ := ident.IDBirth(l.get(lcIDNumber))
			if day.Before(birth.AddDate(18, 0, 0)) {
				t.Errorf("%s: a minor granted a licence", l.pos)
			}
			if c := l.get(lcContent); strings.Contains(c, l.get(lcName)) || strings.Contains(c, "联系电话") {
				mentions++
			}
		default:
			t.Errorf("%s: party class %q", l.pos, cls)
		}
		switch st {
		case "有效":
		case "撤销", "注销", "吊销", "其他":
			if l.get(lcRemarks) == "" {
				t.Errorf("%s: status %s without a remark", l.pos, st)
			}
		default:
			t.Errorf("%s: status %q", l.pos, st)
		}
		if !strings.HasSuffix(l.file, strconv.Itoa(end.Year()-4)+".csv") {
			codeColumn++ // every file but the oldest has the column
		}
		if c := l.get(lcPowerCode); c != "" {
			withCode++
			if !licensing[c] {
				t.Errorf("%s: 权力编码 %s is no 行政许可 item of the power list", l.pos, c)
			}
		}
	}
	n := len(rows)
	share := func(k int) float64 { return float64(k) / float64(n) }
	for cls, lim := range map[string][2]float64{"法人及非法人组织": {0.12, 0.30}, "个体工商户": {0.45, 0.70}, "自然人": {0.15, 0.30}} {
		if got := share(classes[cls]); got < lim[0] || got > lim[1] {
			t.Errorf("%s: share %.3f, want %.2f to %.2f", cls, got, lim[0], lim[1])
		}
	}
	if got := share(status["撤销"] + status["注销"] + status["吊销"]); got < 0.015 || got > 0.035 {
		t.Errorf("withdrawn (撤销, 注销, 吊销): share %.3f, want about 0.025", got)
	}
	if status["撤销"] == 0 || status["注销"] == 0 || status["吊销"] == 0 || status["其他"] == 0 || share(status["其他"]) > 0.01 {
		t.Errorf("statuses %v: want each, 其他 rare", status)
	}
	if got := share(forever); got < 0.2 || got > 0.45 {
		t.Errorf("有效期至 2099/12/31 (长期): share %.3f, want about 0.3", got)
	}
	if got := float64(withCode) / float64(codeColumn); got < 0.75 || got > 0.97 || withCode == codeColumn {
		t.Errorf("%d of %d rows with the column carry a 权力编码, want most but not all", withCode, codeColumn)
	}
	if got := float64(mentions) / float64(classes["自然人"]); got < 0.2 || got > 0.6 {
		t.Errorf("natural persons named or with a phone number in 许可内容: share %.3f, want about 0.4", got)
	}
}

func TestLicenceHeader(t *testing.T) {
	if len(licenceHeader) != 29 || numLicenceCols != 29 || numStandardLicenceCols != 28 {
		t.Fatalf("header has %d columns, want 28 + 1", len(licenceHeader))
	}
	if licenceHeader[lcPowerCode] != "权力编码" || licenceHeader[lcStatus] != "当前状态" || licenceHeader[lcRemarks] != "备注" {
		t.Errorf("column constants out of step with the header")
	}
	// The layout of the shared export sample, when it is at hand.
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "行政许可-双公示标准格式.csv"))
	if err != nil {
		t.Logf("no shared sample: %v", err)
		return
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(string(b), "\ufeff"), "\n")
	if got := strings.Join(licenceHeader[:numStandardLicenceCols], ","); got != strings.TrimSpace(first) {
		t.Errorf("header differs from the shared sample:\n%s\n%s", got, first)
	}
}

func TestLicenceTypes(t *testing.T) {
	cat, err := loadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newLicenceGen(cat, newRand(1, streamLicences)); err != nil {
		t.Fatal(err)
	}
	for _, lt := range licenceTypes {
		t.Run(lt.doc, func(t *testing.T) {
			if lt.weight <= 0 || lt.parties == "" || lt.prefix == "" || len(lt.content) == 0 || !licenceCategory.MatchString(lt.category) {
				t.Errorf("incomplete: %+v", lt)
			}
			if strings.Contains(lt.parties, "O") && len(lt.ind) == 0 || strings.Contains(lt.parties, "S") && len(lt.shops) == 0 {
				t.Errorf("parties %s without industries or shops", lt.parties)
			}
			if (lt.power == "") != (lt.county != "") {
				t.Errorf("power %q, county %q: a licence is the town's item or the county's", lt.power, lt.county)
			}
			for _, s := range lt.shops {
				if lt.power == "个体工商户登记" && shopScopes[s] == "" {
					t.Errorf("shop %s without a 经营范围", s)
				}
			}
		})
	}
}

// TestLicencesIndependentOfCases checks that the licences do not depend on
// the number of penalty decisions asked for.
func TestLicencesIndependentOfCases(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	sa, err := Write(a, Options{Cases: 50, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Write(b, Options{Cases: 5000, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	if sa.Licences != sb.Licences || sa.Licences < 4500 || sa.Licences > 5200 {
		t.Errorf("%d and %d licences, want the same, about 1,000 a year", sa.Licences, sb.Licences)
	}
	for _, rel := range sa.Files {
		if !strings.HasPrefix(rel, "data/licences/") {
			continue
		}
		x, _ := os.ReadFile(filepath.Join(a, rel))
		y, _ := os.ReadFile(filepath.Join(b, rel))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between --cases 50 and --cases 5000", rel)
		}
	}
}
