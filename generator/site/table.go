package site

// The decisions table: /cases/table/ lets a reader sort and filter the
// published penalty decisions by year, 处罚类别, 违法行为类型, 罚款金额 and
// 处罚机关, keeps every view in its query string, and downloads the rows of
// the current view as CSV or JSON. The page itself lists the newest
// decisions and links to the year pages and the full downloads; its script
// (static/js/table.js) reads the row files below, one month at a time, and
// only the months a view needs.
//
// Files, all below /cases/table/:
//
//	meta.HASH.json   the dictionaries and the list of months
//	YYYY-MM.HASH.json the rows of one month
//
// HASH is the first ten hex digits of the SHA-256 of the file's bytes, so
// a file can be cached forever and a page never mixes files of two builds:
// the page names its meta file, and the meta file names its month files.
//
// meta:
//
//	{"v": 1,
//	 "total": 1234,                       published decisions
//	 "cats":  ["罚款", "警告", …],          处罚类别
//	 "vios":  ["占道经营", …],              违法行为类型
//	 "auths": ["示例镇综合行政执法队", …],    处罚机关
//	 "months": [{"m": "2026-05", "f": "2026-05.3f2a9c1e07.json", "n": 12,
//	             "lo": 0, "hi": 500000,   fines in fen, smallest and largest
//	             "c": [i, n, …], "v": [i, n, …], "a": [i, n, …]}, …]}
//
// Each dictionary lists its values by how many decisions have them, most
// first, then by value. months runs newest first; c, v and a pair each
// dictionary index present in the month with its number of decisions, by
// index. A reader skips a month whose counts rule a filter out, and counts
// a view filtered by at most one of them without reading any rows.
//
// A month file is a JSON array of rows, newest first (the order of
// disclose: date, then ID):
//
//	["3f2a9c1e07b4d2aa", 5, "示例镇综执罚〔2026〕12号", "某某餐饮店",
//	 v, [c, …], 200000, a]
//
// the decision's ID (its page is /cases/ID/), the day of the month, the
// decision number, the party (as published: natural persons masked), the
// 违法行为类型 index (-1 for none), the 处罚类别 indices, the fine in fen
// and the 处罚机关 index (-1 for none).

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"gongshi/generator/disclose"
)

// TableURL is the decisions table's page.
const TableURL = "/cases/table/"

// TableLatest is how many of the newest decisions the table page lists in
// its HTML, for readers without JavaScript.
const TableLatest = 50

// CaseTable is the payload of the decisions table page.
type CaseTable struct {
	// Latest are the newest decisions, at most TableLatest.
	Latest []*disclose.Case
	Total  int
	Years  []YearCount
	// Meta is the URL path of the meta file.
	Meta string
	// Categories, Violations and Authorities are the filter values in
	// dictionary order.
	Categories, Violations, Authorities []string
}

// TableFiles are the decisions table's row files, by URL path; the build
// writes them as they are.
func (s *Site) TableFiles() map[string][]byte { return s.tableFiles }

// tablePage adds /cases/table/ and makes its row files.
func (s *Site) tablePage() {
	t, files, err := BuildTable(s.Cases)
	if err != nil {
		// Only marshalling strings and integers, which cannot fail.
		panic(fmt.Sprintf("site: decisions table: %v", err))
	}
	t.Years = s.Years
	for i := range s.Cases[:min(TableLatest, len(s.Cases))] {
		t.Latest = append(t.Latest, &s.Cases[i])
	}
	s.tableFiles = files
	s.Add(&Page{URL: TableURL, Layout: "cases-table", Title: "行政处罚决定数据表", Section: "/cases/", Column: "行政处罚",
		Description: "按年份、处罚类别、违法行为类型、罚款金额和处罚机关筛选、排序和下载行政处罚决定。", InSitemap: true,
		Crumbs: []Crumb{home, {"行政处罚", "/cases/"}}, Data: t})
}

// tableMeta is the meta file.
type tableMeta struct {
	V      int          `json:"v"`
	Total  int          `json:"total"`
	Cats   []string     `json:"cats"`
	Vios   []string     `json:"vios"`
	Auths  []string     `json:"auths"`
	Months []tableMonth `json:"months"`
}

// tableMonth is one month in the meta file.
type tableMonth struct {
	M  string `json:"m"`
	F  string `json:"f"`
	N  int    `json:"n"`
	Lo int64  `json:"lo"`
	Hi int64  `json:"hi"`
	C  []int  `json:"c"`
	V  []int  `json:"v"`
	A  []int  `json:"a"`
}

// dict codes the values of one column: each value gets its index in the
// order of Values.
type dict struct {
	Values []string
	index  map[string]int
}

// newDict orders the counted values most frequent first, then by value.
func newDict(counts map[string]int) dict {
	d := dict{Values: slices.AppendSeq(make([]string, 0, len(counts)), maps.Keys(counts)), index: map[string]int{}}
	slices.SortFunc(d.Values, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for i, v := range d.Values {
		d.index[v] = i
	}
	return d
}

// code returns the index of v, -1 for "".
func (d dict) code(v string) int {
	if v == "" {
		return -1
	}
	return d.index[v]
}

// BuildTable makes the decisions table's payload (without its Years and
// Latest) and its files from the published decisions. The rows are
// ordered newest first, then by ID, whatever the order of cases: the same
// decisions give the same bytes.
func BuildTable(in []disclose.Case) (*CaseTable, map[string][]byte, error) {
	cases := make([]*disclose.Case, len(in))
	for i := range in {
		cases[i] = &in[i]
	}
	slices.SortStableFunc(cases, func(a, b *disclose.Case) int {
		if c := b.DecisionDate.Compare(a.DecisionDate); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	cats, vios, auths := map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range cases {
		for _, k := range c.Categories {
			if k != "" {
				cats[k]++
			}
		}
		if c.Violation != "" {
			vios[c.Violation]++
		}
		if c.Authority != "" {
			auths[c.Authority]++
		}
	}
	dc, dv, da := newDict(cats), newDict(vios), newDict(auths)
	meta := tableMeta{V: 1, Total: len(cases), Cats: dc.Values, Vios: dv.Values, Auths: da.Values, Months: []tableMonth{}}
	files := map[string][]byte{}
	ym := func(c *disclose.Case) int { return c.DecisionDate.Year()*100 + int(c.DecisionDate.Month()) }
	for lo := 0; lo < len(cases); {
		m := cases[lo].DecisionDate.Format("2006-01")
		hi := lo + 1
		for hi < len(cases) && ym(cases[hi]) == ym(cases[lo]) {
			hi++
		}
		month := tableMonth{M: m, N: hi - lo, Lo: int64(cases[lo].Fine), Hi: int64(cases[lo].Fine)}
		cc, cv, ca := map[int]int{}, map[int]int{}, map[int]int{}
		rows := make([][]any, 0, hi-lo)
		for i := lo; i < hi; i++ {
			c := cases[i]
			fine := int64(c.Fine)
			month.Lo, month.Hi = min(month.Lo, fine), max(month.Hi, fine)
			ks := make([]int, 0, len(c.Categories))
			for _, k := range c.Categories {
				if k != "" && !slices.Contains(ks, dc.code(k)) {
					ks = append(ks, dc.code(k))
					cc[dc.code(k)]++
				}
			}
			v, a := dv.code(c.Violation), da.code(c.Authority)
			if v >= 0 {
				cv[v]++
			}
			if a >= 0 {
				ca[a]++
			}
			rows = append(rows, []any{c.ID, c.DecisionDate.Day(), c.DecisionNo, c.PartyName, v, ks, fine, a})
		}
		month.C, month.V, month.A = pairs(cc), pairs(cv), pairs(ca)
		data, err := json.Marshal(rows)
		if err != nil {
			return nil, nil, err
		}
		month.F = m + "." + shortHash(data) + ".json"
		files[TableURL+month.F] = data
		meta.Months = append(meta.Months, month)
		lo = hi
	}
	data, err := json.Marshal(meta)
	if err != nil {
		return nil, nil, err
	}
	metaURL := TableURL + "meta." + shortHash(data) + ".json"
	files[metaURL] = data
	return &CaseTable{Total: len(cases), Meta: metaURL, Categories: dc.Values, Violations: dv.Values, Authorities: da.Values}, files, nil
}

// pairs flattens counts by index into [index, count, …], by index.
func pairs(m map[int]int) []int {
	out := make([]int, 0, 2*len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, k, m[k])
	}
	return out
}

func shortHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:5])
}
