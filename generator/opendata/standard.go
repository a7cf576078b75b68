package opendata

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/internal/csvsafe"
	"gongshi/generator/records"
	"gongshi/generator/site"
	"gongshi/generator/value"
)

// StandardDir is the folder of the standard files under the site.
const StandardDir = "/data/standard/"

// StdColumn is one column of a standard file: its code, which is the
// file's header, and the canonical Chinese name of the field.
type StdColumn struct {
	Code, Name string
}

// StandardFile is the published records of one kind in the 双公示
// standard's own layout (DESIGN.md §3.1, §3.8), the file staff upload to
// the provincial credit platform: the standard's codes as headers, dates
// as YYYY/MM/DD (长期 as 2099/12/31), amounts in 万元, several values
// joined by ";". It holds what the site publishes and nothing more: the
// records disclose keeps, with their masked values; the never-published
// columns (证件类型 and 证件号码 of the party and of the legal
// representative) are left out, not written empty.
type StandardFile struct {
	// Title is the kind's title ("行政处罚决定").
	Title string
	// Path is the file's URL path ("/data/standard/xzcf.csv").
	Path    string
	Columns []StdColumn
	Count   int
	// rows makes the file's rows, header first; WriteFile encodes them.
	rows func() [][]string
}

// WriteFile hands write the file by its URL path: UTF-8 with a BOM,
// formula-safe (csvsafe). Its rows are made and encoded only then: at 1M
// decisions the decisions' file is 161 MB
// (BenchmarkBuildSample/cases=1000000).
func (f *StandardFile) WriteFile(write func(path string, data []byte) error) error {
	return write(f.Path, csvsafe.Encode(f.rows()))
}

// caseStd maps the codes of the 双公示 penalty standard onto a published
// decision, in the standard's column order. It is the one place the CF_
// codes are written; the columns never published have no entry.
var caseStd = []struct {
	code, col string
	value     func(c *disclose.Case) string
}{
	{"CF_XDR_MC", records.ColPartyName, func(c *disclose.Case) string { return c.PartyName }},
	{"CF_XDR_LB", records.ColPartyClass, func(c *disclose.Case) string { return c.PartyClass.String() }},
	{"CF_XDR_SHXYM", records.ColCreditCode, func(c *disclose.Case) string { return c.CreditCode }},
	{"CF_XDR_GSZC", records.ColRegNo, otherCode("工商注册号")},
	{"CF_XDR_ZZJG", records.ColOrgCode, otherCode("组织机构代码")},
	{"CF_XDR_SWDJ", records.ColTaxNo, otherCode("税务登记号")},
	{"CF_XDR_SYDW", records.ColInstCode, otherCode("事业单位证书号")},
	{"CF_XDR_SHZZ", records.ColSocialOrgCode, otherCode("社会组织登记证号")},
	{"CF_FRDB", records.ColLegalRep, func(c *disclose.Case) string { return c.LegalRep }},
	{"CF_WSH", records.ColDecisionNo, func(c *disclose.Case) string { return c.DecisionNo }},
	{"CF_WFXW", records.ColViolation, func(c *disclose.Case) string { return c.Violation }},
	{"CF_SY", records.ColFacts, func(c *disclose.Case) string { return c.Facts }},
	{"CF_YJ", records.ColBasis, func(c *disclose.Case) string { return c.Basis }},
	{"CF_CFLB", records.ColCategory, func(c *disclose.Case) string { return strings.Join(c.Categories, ";") }},
	{"CF_NR", records.ColContent, func(c *disclose.Case) string { return c.Content }},
	{"CF_NR_FK", records.ColFine, func(c *disclose.Case) string { return wan(c.Fine) }},
	{"CF_NR_WFFF", records.ColConfiscated, func(c *disclose.Case) string { return wan(c.Confiscated) }},
	{"CF_NR_ZKDX", records.ColLicence, func(c *disclose.Case) string { return c.Licence }},
	{"CF_JDRQ", records.ColDecisionDate, func(c *disclose.Case) string { return stdDate(c.DecisionDate, false) }},
	{"CF_YXQ", records.ColValidUntil, func(c *disclose.Case) string { return stdDate(c.ValidUntil, true) }},
	{"CF_GSJZQ", records.ColPublishUntil, func(c *disclose.Case) string { return stdDate(c.PublishUntil, false) }},
	{"CF_CFJG", records.ColAuthority, func(c *disclose.Case) string { return c.Authority }},
	{"CF_CFJGDM", records.ColAuthorityCode, func(c *disclose.Case) string { return c.AuthorityCode }},
	{"CF_SJLY", records.ColSource, func(c *disclose.Case) string { return c.Source }},
	{"CF_SJLYDM", records.ColSourceCode, func(c *disclose.Case) string { return c.SourceCode }},
	{"BZ", records.ColRemarks, func(c *disclose.Case) string { return c.Remarks }},
}

func otherCode(name string) func(c *disclose.Case) string {
	return func(c *disclose.Case) string {
		for _, o := range c.OtherCodes {
			if o.Name == name {
				return o.Value
			}
		}
		return ""
	}
}

// Standard makes the standard files of the site: one for the penalty
// decisions, and one for each published kind declared by its fields whose
// fields carry standard codes (records.Field.Std), in the order of
// Result.Kinds. A kind's file is named "xz" and the lower-case prefix its
// codes share ("XK_…" → xzxk.csv, as "CF_…" → xzcf.csv), the standard's
// own abbreviation of 行政许可 and 行政处罚, or the kind's Name when its codes
// share none.
func Standard(s *site.Site) ([]StandardFile, error) {
	cols := make([]StdColumn, len(caseStd))
	codes := make([]string, len(caseStd))
	for i, c := range caseStd {
		cols[i], codes[i] = StdColumn{c.code, c.col}, c.code
	}
	rows := func() [][]string {
		rows := append(make([][]string, 0, len(s.Cases)+1), codes)
		for i := range s.Cases {
			c := &s.Cases[i]
			r := make([]string, len(caseStd))
			for j, col := range caseStd {
				r[j] = col.value(c)
			}
			rows = append(rows, r)
		}
		return rows
	}
	out := []StandardFile{standardFile(records.CaseKind.Title, stdName(codes, records.CaseKind.Name), cols, len(s.Cases), rows)}
	if s.Result == nil {
		return out, nil
	}
	for _, k := range s.Result.Kinds {
		if f, ok := kindStandard(k, s.Result.Items[k.Name]); ok {
			out = append(out, f)
		}
	}
	seen := map[string]string{}
	for _, f := range out {
		if t, dup := seen[f.Path]; dup {
			return nil, fmt.Errorf("opendata: the standard files of %s and %s are both %s", t, f.Title, f.Path)
		}
		seen[f.Path] = f.Title
	}
	return out, nil
}

// kindStandard is the standard file of a kind declared by its fields: its
// published fields that carry a code, in the order they are declared. It
// reports false for a kind without codes.
func kindStandard(k *records.Kind, items []disclose.Item) (StandardFile, bool) {
	var idx []int
	var cols []StdColumn
	var codes []string
	for i := range k.Fields {
		f := &k.Fields[i]
		if f.Std == "" || !f.Published() {
			continue
		}
		idx = append(idx, i)
		cols = append(cols, StdColumn{f.Std, f.Name})
		codes = append(codes, f.Std)
	}
	if len(idx) == 0 {
		return StandardFile{}, false
	}
	rows := func() [][]string {
		rows := append(make([][]string, 0, len(items)+1), codes)
		for i := range items {
			it := &items[i]
			r := make([]string, len(idx))
			for j, fi := range idx {
				r[j] = stdValue(&k.Fields[fi], it.Values[fi])
			}
			rows = append(rows, r)
		}
		return rows
	}
	return standardFile(k.Title, stdName(codes, k.Name), cols, len(items), rows), true
}

// standardFile is the file of n records whose rows, header first, rows
// makes.
func standardFile(title, name string, cols []StdColumn, n int, rows func() [][]string) StandardFile {
	return StandardFile{Title: title, Path: StandardDir + name + ".csv", Columns: cols, Count: n, rows: rows}
}

// stdName is the file name of a kind's standard file: "xz" and the prefix
// before "_" its codes share, in lower case; else the kind's name. A code
// without "_" (BZ, 备注) is shared by every kind and names none.
func stdName(codes []string, kind string) string {
	prefix := ""
	for _, c := range codes {
		p, _, ok := strings.Cut(c, "_")
		if !ok {
			continue
		}
		if prefix != "" && p != prefix {
			return kind
		}
		prefix = p
	}
	if prefix == "" {
		return kind
	}
	return "xz" + strings.ToLower(prefix)
}

// stdValue writes a published value of a field declared by a kind as the
// standard file does: a date as YYYY/MM/DD, an empty date of a required
// field as 2099/12/31 (长期: records hold 长期 as ""), an amount in 万元,
// a list joined by ";". Other values are written as published.
func stdValue(f *records.Field, v string) string {
	switch f.Type {
	case records.TypeDate:
		if v == "" {
			return stdDate(time.Time{}, f.Need == records.Required)
		}
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return v
		}
		return stdDate(t, false)
	case records.TypeMoney:
		if v == "" {
			return ""
		}
		m, err := value.ParseAmount(v, "元")
		if err != nil {
			return v
		}
		return wan(m)
	case records.TypeList:
		return strings.ReplaceAll(v, "；", ";")
	}
	return v
}

// stdDate writes a date as the standard does, YYYY/MM/DD. The zero time is
// 2099/12/31 (长期) when open is true, else "".
func stdDate(t time.Time, open bool) string {
	if t.IsZero() {
		if open {
			return "2099/12/31"
		}
		return ""
	}
	return t.Format("2006/01/02")
}

// wan writes an amount in 万元, exactly and without trailing zeros: 2,000
// yuan is "0.2", 12,345.67 yuan "1.234567". Zero is "" (no amount).
func wan(m value.Money) string {
	if m == 0 {
		return ""
	}
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	// Money counts fen: one 万元 is 1,000,000 fen.
	s := sign + strconv.FormatInt(int64(m)/1e6, 10)
	if f := int64(m) % 1e6; f != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%06d", f), "0")
	}
	return s
}
