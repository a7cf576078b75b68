package sample

import (
	"fmt"
	"strconv"
	"strings"
)

// penalty is one penalty power of the power list, with what the town's cases
// under it look like.
type penalty struct {
	Code     string
	Domain   string
	Short    string // 违法行为类型
	Full     string // the behaviour, as in 对…的行政处罚
	Law      string
	Violated string
	Article  string // penalty article
	Min, Max int    // fine for organisations and sole traders, yuan
	PMin     int    // fine for natural persons, yuan
	PMax     int
	SqmMin   int // fine per square metre of land occupied, when set
	SqmMax   int
	Parties  string // O, S, P
	Kinds    string // W, C, T, L, X
	WarnP    float64
	Licence  string
	Ind      []string
	Biz      []string
	Weight   int
	Source   string // 权力来源
}

func (p *penalty) has(kind byte) bool { return strings.IndexByte(p.Kinds, kind) >= 0 }

func (p *penalty) allows(class byte) bool { return strings.IndexByte(p.Parties, class) >= 0 }

// fineRange returns the fine range for a party class.
func (p *penalty) fineRange(class byte) (int, int) {
	if class == 'P' && p.PMax > 0 {
		return p.PMin, p.PMax
	}
	return p.Min, p.Max
}

// power is one item of the power list.
type power struct {
	Code     string
	Name     string
	SubName  string
	Category string
	Domain   string
	Source   string
	pen      *penalty
}

// catalogue is everything the sample town's lists are built from.
type catalogue struct {
	penalties []*penalty
	powers    []power
}

// categoryCodes are the ASCII abbreviations in item codes (QX-CF-0001).
var categoryCodes = map[string]string{
	"行政处罚": "CF", "行政许可": "XK", "行政强制": "QZ", "行政征收": "ZS", "行政给付": "JF",
	"行政检查": "JC", "行政确认": "QR", "行政奖励": "JL", "行政裁决": "CJ", "其他行政权力": "QT",
}

// powerOrder is the order of categories in the power list.
var powerOrder = []string{"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力"}

// loadCatalogue parses the embedded tables.
func loadCatalogue() (*catalogue, error) {
	pens, err := parsePenalties(penaltyData)
	if err != nil {
		return nil, err
	}
	byCat := map[string][]power{}
	for i, p := range pens {
		p.Code = fmt.Sprintf("QX-CF-%04d", i+1)
		if p.Source == "" {
			// 122 items handed down by the county, 82 entrusted.
			if i%5 == 1 || i%5 == 3 {
				p.Source = "上级委托"
			} else {
				p.Source = "上级下放"
			}
		}
		byCat["行政处罚"] = append(byCat["行政处罚"], power{Code: p.Code, Name: "对" + p.Full + "的行政处罚", Category: "行政处罚", Domain: p.Domain, Source: p.Source, pen: p})
	}
	cat := ""
	n := map[string]int{}
	for ln, line := range strings.Split(otherPowerData, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "# "):
			cat = strings.TrimPrefix(line, "# ")
			if categoryCodes[cat] == "" {
				return nil, fmt.Errorf("power data line %d: unknown category %q", ln+1, cat)
			}
			continue
		}
		f := strings.Split(line, "|")
		if len(f) < 2 || cat == "" {
			return nil, fmt.Errorf("power data line %d: %q", ln+1, line)
		}
		n[cat]++
		p := power{Code: fmt.Sprintf("QX-%s-%04d", categoryCodes[cat], n[cat]), Domain: f[0], Name: f[1], Category: cat}
		if len(f) > 2 {
			p.SubName = f[2]
		}
		p.Source = otherSource(p, n[cat])
		byCat[cat] = append(byCat[cat], p)
	}
	c := &catalogue{penalties: pens}
	for _, cat := range powerOrder {
		c.powers = append(c.powers, byCat[cat]...)
	}
	return c, nil
}

// socialDomains are exercised by the town under its own statutory duties.
var socialDomains = map[string]bool{"民政": true, "社会保障": true, "卫生健康": true, "退役军人事务": true}

// otherSource decides the 权力来源 of a non-penalty item.
func otherSource(p power, i int) string {
	switch {
	case socialDomains[p.Domain]:
		return "法定本级行使"
	case p.Category == "行政检查" && i%4 == 0, p.Category == "其他行政权力" && i%3 == 0:
		return "法定本级行使"
	case p.Category == "行政许可" && i%7 == 3:
		return "上级授权"
	case i%3 == 1:
		return "上级委托"
	}
	return "上级下放"
}

func parsePenalties(data string) ([]*penalty, error) {
	var out []*penalty
	domain := ""
	for ln, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "# ") {
			domain = strings.TrimPrefix(line, "# ")
			continue
		}
		f := strings.Split(line, "|")
		if len(f) < 8 || domain == "" {
			return nil, fmt.Errorf("penalty data line %d: want 8 or 9 fields: %q", ln+1, line)
		}
		w, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("penalty data line %d: weight: %v", ln+1, err)
		}
		p := &penalty{Domain: domain, Weight: w, Parties: f[1], Short: f[2], Full: f[3], Law: f[4], Violated: f[5], Article: f[6], WarnP: 0.15}
		if p.Min, p.Max, err = parseRange(f[7]); err != nil {
			return nil, fmt.Errorf("penalty data line %d: %v", ln+1, err)
		}
		if len(f) > 8 {
			for _, opt := range strings.Split(f[8], ";") {
				k, v, _ := strings.Cut(opt, "=")
				switch k {
				case "p":
					p.PMin, p.PMax, err = parseRange(v)
				case "sqm":
					p.SqmMin, p.SqmMax, err = parseRange(v)
				case "k":
					p.Kinds = v
				case "w":
					p.WarnP, err = strconv.ParseFloat(v, 64)
				case "lic":
					p.Licence = v
				case "ind":
					p.Ind = strings.Split(v, ",")
				case "biz":
					p.Biz = strings.Split(v, ",")
				case "src":
					p.Source = v
				default:
					err = fmt.Errorf("unknown option %q", k)
				}
				if err != nil {
					return nil, fmt.Errorf("penalty data line %d: %v", ln+1, err)
				}
			}
		}
		if p.has('X') {
			p.Source = "法定本级行使"
		}
		if len(p.Ind) == 0 {
			p.Ind = domainIndustries[domain]
		}
		if len(p.Biz) == 0 {
			p.Biz = domainShops[domain]
		}
		if len(p.Ind) == 0 || len(p.Biz) == 0 {
			return nil, fmt.Errorf("penalty data line %d: unknown domain %q", ln+1, domain)
		}
		out = append(out, p)
	}
	return out, nil
}

func parseRange(s string) (int, int, error) {
	a, b, ok := strings.Cut(s, "-")
	lo, err1 := strconv.Atoi(a)
	hi, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || lo > hi {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	return lo, hi, nil
}

// serviceGroup is one line of serviceData.
type serviceGroup struct {
	Domain, Type, Target string
	Names                []string
	Materials            []string
	Instant              bool
	LegalLimit           string
	PromiseLimit         string
	Trips                string
	Online               string
	Result               string
	Law                  string
}

func parseServices(data string) ([]serviceGroup, error) {
	var out []serviceGroup
	for ln, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 12 {
			return nil, fmt.Errorf("service data line %d: want 12 fields, have %d", ln+1, len(f))
		}
		out = append(out, serviceGroup{
			Domain: f[0], Names: strings.Split(f[1], ";"), Type: f[2], Target: strings.ReplaceAll(f[3], ",", "、"),
			Materials: strings.Split(f[4], "、"), Instant: f[5] == "J", LegalLimit: f[6], PromiseLimit: f[7],
			Trips: f[8], Online: f[9], Result: f[10], Law: f[11],
		})
	}
	return out, nil
}
