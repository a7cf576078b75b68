package disclose

import (
	"log/slog"
	"sort"
	"strings"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/ident"
	"gongshi/generator/ingest"
	"gongshi/generator/records"
)

// Case is a penalty decision as it may be published: personal data masked or
// removed, publication window computed.
type Case struct {
	ID  string
	Src diag.Pos // where the record came from, for staff; never rendered

	PartyName     string
	PartyClass    records.PartyClass
	CreditCode    string
	OtherCodes    []Code
	LegalRep      string
	DecisionNo    string
	Violation     string
	Facts         string
	Basis         string
	Categories    []string
	Content       string
	Fine          ingest.Money
	Confiscated   ingest.Money
	Licence       string
	DecisionDate  time.Time
	ValidUntil    time.Time // zero: 长期
	PublishUntil  time.Time
	Authority     string
	AuthorityCode string
	Source        string
	SourceCode    string
	Remarks       string
	PowerCode     string
	Procedure     string
	Extra         []records.Extra
}

// Code is one of the party's other registration codes.
type Code struct{ Name, Value string }

// Withdrawn is a decision taken down, as listed on /cases/withdrawn/.
type Withdrawn struct {
	DecisionNo string
	Authority  string
	Reason     string
	Date       time.Time
}

// Withheld is a decision not published, for the staff view.
type Withheld struct {
	Src        diag.Pos
	DecisionNo string
	Reason     Reason
	// Until is the end of publication of an expired decision.
	Until time.Time
}

// Reason says why a decision is not published.
type Reason string

// Reasons a decision is withheld.
const (
	ReasonExpired     Reason = "公示期满"
	ReasonSimple      Reason = "简易程序"
	ReasonWarningOnly Reason = "仅警告"
	ReasonMinor       Reason = "未成年人"
	ReasonWithdrawn   Reason = "已撤回"
	ReasonNotYet      Reason = "决定日期晚于构建日期"
)

// Activity is what enforcement statistics count about a decision, published
// or not: no party, no text.
type Activity struct {
	Date       time.Time
	Categories []string
	Fine       ingest.Money
	PartyClass records.PartyClass
	Violation  string
	Procedure  string
	PowerCode  string
	Basis      string
	Published  bool
}

// Secret is a value that must never appear in the output, with the record it
// came from. It logs as redacted.
type Secret struct {
	Value string
	Kind  string // "身份证号", "姓名", "电话", "地址"
	Src   diag.Pos
}

// LogValue redacts the secret.
func (s Secret) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", s.Kind), slog.String("src", s.Src.String()), slog.String("value", "[redacted]"))
}

// Result is everything that may be published, and what the staff view and
// the leak gate need.
type Result struct {
	// Cases are the published decisions, newest first.
	Cases       []Case
	Withdrawn   []Withdrawn
	Withheld    []Withheld
	Activity    []Activity
	Powers      []records.Power
	Services    []records.Service
	Stats       []records.StatRow
	Secrets     []Secret
	BuildDate   time.Time
	NameMasking string
}

// Apply applies the publication rules to a record set as of now.
func Apply(set *records.Set, cfg config.Disclosure, now time.Time) (*Result, diag.List) {
	var dl diag.List
	res := &Result{Powers: set.Powers, Services: set.Services, Stats: set.Stats, BuildDate: now, NameMasking: cfg.NameMask}
	withdrawals := indexWithdrawals(set.Withdrawals)
	matched := make([]bool, len(set.Withdrawals))
	today := now.UTC().Truncate(24 * time.Hour)
	for i := range set.Cases {
		rc := &set.Cases[i]
		class := inferClass(rc)
		res.Secrets = append(res.Secrets, secretsOf(rc, class)...)
		act := Activity{Date: rc.DecisionDate, Categories: rc.Categories, Fine: rc.Fine, PartyClass: class, Violation: rc.Violation, Procedure: rc.Procedure, PowerCode: rc.PowerCode, Basis: rc.Basis}
		withhold := func(r Reason, until time.Time) {
			res.Withheld = append(res.Withheld, Withheld{Src: rc.Pos, DecisionNo: rc.DecisionNo, Reason: r, Until: until})
		}
		if w, j, ok := withdrawalFor(rc, set.Withdrawals, withdrawals); ok {
			matched[j] = true
			res.Withdrawn = append(res.Withdrawn, w)
			withhold(ReasonWithdrawn, time.Time{})
			continue
		}
		if reason, ok := statusWithdrawn(rc.Status); ok {
			res.Withdrawn = append(res.Withdrawn, Withdrawn{DecisionNo: rc.DecisionNo, Authority: rc.Authority, Reason: reason})
			withhold(ReasonWithdrawn, time.Time{})
			continue
		}
		res.Activity = append(res.Activity, act)
		last := &res.Activity[len(res.Activity)-1]
		if class == records.PartyPerson && isMinor(rc) {
			withhold(ReasonMinor, time.Time{})
			dl.Infof(rc.Pos, "minor", "%s: the party was under 18 on the decision date; not published", rc.DecisionNo)
			continue
		}
		if !cfg.PublishSimple && isSimple(rc.Procedure) {
			withhold(ReasonSimple, time.Time{})
			continue
		}
		if !cfg.PublishWarningOnly && len(rc.Categories) == 1 && rc.Categories[0] == "警告" {
			withhold(ReasonWarningOnly, time.Time{})
			continue
		}
		until := PublicationEnd(rc.DecisionDate, rc.Categories, rc.PublishUntil, cfg.Periods)
		if !until.IsZero() && until.Before(today) {
			withhold(ReasonExpired, until)
			continue
		}
		if rc.DecisionDate.After(today) {
			dl.Warnf(rc.Pos, "future-date", "%s: decision date %s is after the build date", rc.DecisionNo, rc.DecisionDate.Format("2006-01-02"))
		}
		last.Published = true
		res.Cases = append(res.Cases, publish(rc, class, until, cfg.NameMask))
	}
	for j, ok := range matched {
		if !ok {
			w := set.Withdrawals[j]
			dl.Warnf(w.Pos, "withdrawal-unmatched", "withdrawal of %s matches no decision in data/cases", w.DecisionNo)
			res.Withdrawn = append(res.Withdrawn, Withdrawn{DecisionNo: w.DecisionNo, Authority: w.Authority, Reason: w.Reason, Date: w.Date})
		}
	}
	sort.SliceStable(res.Cases, func(i, j int) bool {
		a, b := &res.Cases[i], &res.Cases[j]
		if !a.DecisionDate.Equal(b.DecisionDate) {
			return a.DecisionDate.After(b.DecisionDate)
		}
		return a.ID < b.ID
	})
	sort.SliceStable(res.Withdrawn, func(i, j int) bool {
		if !res.Withdrawn[i].Date.Equal(res.Withdrawn[j].Date) {
			return res.Withdrawn[i].Date.After(res.Withdrawn[j].Date)
		}
		return res.Withdrawn[i].DecisionNo < res.Withdrawn[j].DecisionNo
	})
	return res, dl
}

// PublicationEnd is the last day a decision is published: the export's
// 公示截止期 when given, else the decision date plus the longest period of its
// categories.
func PublicationEnd(decided time.Time, cats []string, given time.Time, periods map[string]int) time.Time {
	if !given.IsZero() {
		return given
	}
	months := 0
	for _, c := range cats {
		p, ok := periods[records.CategoryBase(c)]
		if !ok {
			p = periods["default"]
		}
		months = max(months, p)
	}
	if months == 0 {
		months = periods["default"]
	}
	if months <= 0 {
		return time.Time{}
	}
	return decided.AddDate(0, months, 0)
}

func isSimple(p string) bool { return strings.Contains(p, "简易") || strings.Contains(p, "当场") }

func statusWithdrawn(s string) (string, bool) {
	switch s = strings.TrimSpace(s); {
	case s == "1" || strings.Contains(s, "撤销"):
		return "决定已撤销", true
	case strings.Contains(s, "变更"):
		return "决定已变更", true
	case strings.Contains(s, "确认违法"):
		return "决定被确认违法", true
	case strings.Contains(s, "无效"):
		return "决定被确认无效", true
	}
	return "", false
}

func indexWithdrawals(ws []records.Withdrawal) map[string][]int {
	m := map[string][]int{}
	for i, w := range ws {
		k := records.NormalizeIdentity(w.DecisionNo)
		m[k] = append(m[k], i)
	}
	return m
}

func withdrawalFor(c *records.Case, ws []records.Withdrawal, idx map[string][]int) (Withdrawn, int, bool) {
	// Keyed on the number; the authority, when the withdrawal names one,
	// must match too.
	for _, j := range idx[records.NormalizeIdentity(c.DecisionNo)] {
		w := ws[j]
		if w.Authority != "" && records.NormalizeIdentity(w.Authority) != records.NormalizeIdentity(c.Authority) {
			continue
		}
		return Withdrawn{DecisionNo: c.DecisionNo, Authority: c.Authority, Reason: w.Reason, Date: w.Date}, j, true
	}
	return Withdrawn{}, -1, false
}

// inferClass returns the party class, inferring it when the export did not
// give one. In doubt, a natural person: masking must not depend on a column
// staff forgot to map.
func inferClass(c *records.Case) records.PartyClass {
	if c.PartyClass != records.PartyUnknown {
		return c.PartyClass
	}
	switch {
	case strings.HasPrefix(c.CreditCode, "92"):
		return records.PartySoleTrader
	case c.CreditCode != "":
		return records.PartyOrg
	case looksLikeOrg(c.PartyName):
		return records.PartyOrg
	}
	return records.PartyPerson
}

func isMinor(c *records.Case) bool {
	for _, id := range []string{c.IDNumber, c.LegalRepID} {
		if b, ok := ident.IDBirth(strings.TrimSpace(id)); ok {
			return c.DecisionDate.Before(b.AddDate(18, 0, 0))
		}
	}
	return false
}

func secretsOf(c *records.Case, class records.PartyClass) []Secret {
	var out []Secret
	add := func(v, kind string) {
		if v = strings.TrimSpace(v); len([]rune(v)) >= 2 {
			out = append(out, Secret{Value: v, Kind: kind, Src: c.Pos})
		}
	}
	add(c.IDNumber, "证件号码")
	add(c.LegalRepID, "法定代表人证件号码")
	add(c.Phone, "电话")
	add(c.Address, "地址")
	if class == records.PartyPerson {
		add(c.PartyName, "姓名")
	}
	if class == records.PartySoleTrader {
		add(c.LegalRep, "经营者姓名")
	}
	return out
}

func publish(rc *records.Case, class records.PartyClass, until time.Time, mask string) Case {
	var names []string
	party := rc.PartyName
	legalRep := rc.LegalRep
	switch class {
	case records.PartyPerson:
		names = append(names, rc.PartyName)
		party = MaskName(rc.PartyName, mask)
		if legalRep != "" {
			names = append(names, legalRep)
			legalRep = MaskName(legalRep, mask)
		}
	case records.PartySoleTrader:
		if legalRep != "" {
			names = append(names, legalRep)
			legalRep = MaskName(legalRep, mask)
		}
	}
	scrub := func(s string) string { out, _ := Scrub(s, names, mask); return out }
	c := Case{
		ID:            rc.ID(),
		Src:           rc.Pos,
		PartyName:     party,
		PartyClass:    class,
		LegalRep:      legalRep,
		DecisionNo:    rc.DecisionNo,
		Violation:     scrub(rc.Violation),
		Facts:         scrub(rc.Facts),
		Basis:         rc.Basis,
		Categories:    rc.Categories,
		Content:       scrub(rc.Content),
		Fine:          rc.Fine,
		Confiscated:   rc.Confiscated,
		Licence:       scrub(rc.Licence),
		DecisionDate:  rc.DecisionDate,
		ValidUntil:    rc.ValidUntil,
		PublishUntil:  until,
		Authority:     rc.Authority,
		AuthorityCode: rc.AuthorityCode,
		Source:        rc.Source,
		SourceCode:    rc.SourceCode,
		Remarks:       scrub(rc.Remarks),
		PowerCode:     rc.PowerCode,
		Procedure:     rc.Procedure,
	}
	if class != records.PartyPerson {
		c.CreditCode = rc.CreditCode
		for _, oc := range []Code{{"工商注册号", rc.RegNo}, {"组织机构代码", rc.OrgCode}, {"税务登记号", rc.TaxNo}, {"事业单位证书号", rc.InstCode}, {"社会组织登记证号", rc.SocialOrgCode}} {
			if oc.Value != "" {
				c.OtherCodes = append(c.OtherCodes, oc)
			}
		}
	}
	for _, e := range rc.Extra {
		c.Extra = append(c.Extra, records.Extra{Name: e.Name, Value: scrub(e.Value)})
	}
	return c
}
