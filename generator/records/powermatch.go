package records

import (
	"regexp"
	"sort"
	"strings"
)

// How a record was matched to a power item.
const (
	MatchCode      = "权力编码"
	MatchBasis     = "处罚依据"
	MatchViolation = "违法行为"
)

// MatchMethods are the match methods, strongest first.
var MatchMethods = []string{MatchCode, MatchBasis, MatchViolation}

// PowerMatcher finds the power item a record used.
type PowerMatcher struct {
	powers []*Power // by code
	byCode map[string]*Power
}

// NewPowerMatcher indexes powers; the first item of a code wins.
func NewPowerMatcher(powers []Power) *PowerMatcher {
	m := &PowerMatcher{byCode: map[string]*Power{}}
	for i := range powers {
		m.powers = append(m.powers, &powers[i])
	}
	sort.SliceStable(m.powers, func(i, j int) bool { return m.powers[i].Code < m.powers[j].Code })
	for _, p := range m.powers {
		if k := codeKey(p.Code); k != "" && m.byCode[k] == nil {
			m.byCode[k] = p
		}
	}
	return m
}

func codeKey(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// ByCode returns the item with the code, or nil.
func (m *PowerMatcher) ByCode(code string) *Power { return m.byCode[codeKey(code)] }

// Match finds the power item a decision used: by 权力编码 when the decision
// has one; else the first item (by code) whose basis cites the decision's
// law and article on one line, else whose name contains the violation
// type. It returns the method, or nil and "" when nothing matches.
func (m *PowerMatcher) Match(code, basis, violation string) (*Power, string) {
	if k := codeKey(code); k != "" {
		if p := m.byCode[k]; p != nil {
			return p, MatchCode
		}
		return nil, ""
	}
	if cites := citations(basis); len(cites) > 0 {
		for _, p := range m.powers {
			if basisMatches(p, cites) {
				return p, MatchBasis
			}
		}
	}
	if v := strings.TrimSpace(violation); len([]rune(v)) >= 2 {
		for _, p := range m.powers {
			if strings.Contains(p.Name, v) || strings.Contains(p.SubName, v) {
				return p, MatchViolation
			}
		}
	}
	return nil, ""
}

var (
	lawRe     = regexp.MustCompile(`《([^》]+)》`)
	articleRe = regexp.MustCompile(`^\s*(第[零〇一二三四五六七八九十百千0-9]+条)`)
)

// citations splits a 处罚依据 into (law, article) pairs:
// "《大气污染防治法》第一百一十九条" → {大气污染防治法, 第一百一十九条}.
func citations(basis string) [][2]string {
	var out [][2]string
	for _, m := range lawRe.FindAllStringSubmatchIndex(basis, -1) {
		law := basis[m[2]:m[3]]
		if a := articleRe.FindStringSubmatch(basis[m[1]:]); a != nil {
			out = append(out, [2]string{law, a[1]})
		}
	}
	return out
}

// basisMatches reports whether a power item's basis cites one of the laws
// with its article on one line (after the law's name).
func basisMatches(p *Power, cites [][2]string) bool {
	for _, text := range []string{p.ImplBasis, p.SetBasis} {
		for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '；' || r == ';' }) {
			for _, c := range cites {
				if i := strings.Index(line, c[0]); i >= 0 && strings.Contains(line[i+len(c[0]):], c[1]) {
					return true
				}
			}
		}
	}
	return false
}
