package disclose

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gongshi/generator/config"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// Limits of the 简易程序 (行政处罚法 2021 art. 51): a warning, or a fine of at
// most 200 yuan for a citizen and 3,000 yuan for an organisation, may be
// decided on the spot. A sole trader counts as a citizen (民法典 art. 54
// places 个体工商户 among natural persons).
const (
	SimpleFinePerson value.Money = 200 * 100
	SimpleFineOrg    value.Money = 3000 * 100
)

// Time limits of publication: a decision is published within 7 working
// days of its date (国办发〔2018〕118号, 三项制度), and one changed, revoked,
// confirmed unlawful or void is withdrawn within 3 days (行政处罚法 2021
// art. 48).
const (
	PublishWithinWorkdays = 7
	WithdrawWithinDays    = 3
)

// restrictions are the penalties published for their own length when it
// exceeds the rule maximum.
var restrictions = []string{"限制从业", "限制开展生产经营活动"}

// term is a decision's publication window and how the rules reached it.
type term struct {
	// until is the last day published; zero means no end.
	until   time.Time
	publish bool
	// capped is the export's 公示截止期 when the rule maximum cut it short.
	capped time.Time
}

// Window returns the last day a decision is published, and false when it
// is not published at all (情节轻微). It applies the rules of window to
// the party class the record gives.
func Window(c *records.Case, cfg config.Disclosure) (time.Time, bool) {
	s := window(c, c.PartyClass, cfg)
	return s.until, s.publish
}

// window applies the publication rules to a decision whose party is of the
// class:
//   - a 违法情节 rule [0, 0] withholds it (轻微);
//   - the period is the longest of its categories' periods, a small fine
//     taking cfg.SmallFine.Months in place of the period of 罚款, clamped
//     into the 违法情节 rule's [min, max];
//   - the export's 公示截止期 replaces the period, unless it is the
//     2099/12/31 "no end" marker;
//   - either stops at the rule maximum: the 违法情节 rule's max when lower
//     than cfg.MaxMonths, else cfg.MaxMonths, or the end of a 限制从业 /
//     限制开展生产经营活动 (its 处罚有效期) that lasts longer. A capped
//     公示截止期 is reported in term.capped;
//   - a restriction that lasts longer than the period is published until
//     it ends.
func window(c *records.Case, class records.PartyClass, cfg config.Disclosure) term {
	maxMonths := cfg.MaxMonths
	key, severe := severityKey(c.Severity, cfg.Severity)
	r := cfg.Severity[key]
	if severe {
		if r[0] <= 0 && r[1] <= 0 {
			return term{}
		}
		if r[1] > 0 && (maxMonths <= 0 || r[1] < maxMonths) {
			maxMonths = r[1]
		}
	}
	months := periodMonths(c.Categories, cfg.Periods, smallFine(c, class, cfg.SmallFine), maxMonths)
	if severe {
		months = max(months, r[0])
		if r[1] > 0 {
			months = min(months, r[1])
		}
	}
	var limit time.Time // the rule maximum; zero: none
	if maxMonths > 0 {
		limit = AddMonths(c.DecisionDate, maxMonths)
	}
	restrictionEnd := time.Time{}
	if !c.ValidUntil.IsZero() && hasRestriction(c.Categories) {
		restrictionEnd = c.ValidUntil
		if !limit.IsZero() && restrictionEnd.After(limit) {
			limit = restrictionEnd
		}
	}
	s := term{publish: true}
	switch given := c.PublishUntil; {
	case !given.IsZero() && given.Year() < 2099:
		s.until = given
		if !limit.IsZero() && given.After(limit) {
			s.until, s.capped = limit, given
		}
		return s
	case months <= 0:
		s.until = limit
	default:
		s.until = AddMonths(c.DecisionDate, months)
		if !limit.IsZero() && s.until.After(limit) {
			s.until = limit
		}
	}
	if !s.until.IsZero() && restrictionEnd.After(s.until) {
		s.until = restrictionEnd
	}
	return s
}

// severityKey returns the key of the 违法情节 rule that applies to sev: of
// the keys sev contains, the longest, then the first in byte order, so
// that "较重" wins over "重" whatever the map's order.
func severityKey(sev string, rules map[string][2]int) (string, bool) {
	if sev == "" {
		return "", false
	}
	var keys []string
	for k := range rules {
		if k != "" && strings.Contains(sev, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "", false
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(utf8.RuneCountInString(b), utf8.RuneCountInString(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return keys[0], true
}

// smallFine returns the period of the decision's fine when it is a small
// one under the rule, else -1.
func smallFine(c *records.Case, class records.PartyClass, sf config.SmallFine) int {
	if sf.Months <= 0 || c.Fine <= 0 {
		return -1
	}
	limit := sf.Person
	if class == records.PartyOrg {
		limit = sf.Org
	}
	if c.Fine > value.Money(limit*100) {
		return -1
	}
	return sf.Months
}

// periodMonths is the longest period of the categories; "default" for a
// category not listed, or when there is none. fine, when not negative, is
// the period of 罚款 in place of the listed one (a small fine). A period of
// 0 means up to the rule maximum, maxMonths, and so is the longest.
func periodMonths(cats []string, periods map[string]int, fine, maxMonths int) int {
	period := func(p int) int {
		if p <= 0 && maxMonths > 0 {
			return maxMonths
		}
		return p
	}
	months := 0
	for _, c := range cats {
		base := records.CategoryBase(c)
		p, ok := periods[base]
		if !ok {
			p = periods["default"]
		}
		if base == "罚款" && fine >= 0 {
			p = fine
		}
		months = max(months, period(p))
	}
	if len(cats) == 0 {
		months = period(periods["default"])
	}
	return months
}

// AddMonths returns the day n months after t; a day the month lacks is its
// last day (30 November + 3 months is 28 February), so a period never
// runs past the months it names.
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

func hasRestriction(cats []string) bool {
	for _, c := range cats {
		if slices.Contains(restrictions, records.CategoryBase(c)) {
			return true
		}
	}
	return false
}

func isSimple(p string) bool { return strings.Contains(p, "简易") || strings.Contains(p, "当场") }

// possiblySimple reports whether a decision whose export gives no procedure
// is within the limits of the 简易程序: warnings and fines only, and a fine,
// if any, known and at most the limit for the party's class.
func possiblySimple(c *records.Case, class records.PartyClass) bool {
	if strings.TrimSpace(c.Procedure) != "" || len(c.Categories) == 0 {
		return false
	}
	fined := false
	for _, cat := range c.Categories {
		switch records.CategoryBase(cat) {
		case "警告":
		case "罚款":
			fined = true
		default:
			return false
		}
	}
	if !fined {
		return true
	}
	limit := SimpleFinePerson
	if class == records.PartyOrg {
		limit = SimpleFineOrg
	}
	return c.Fine > 0 && c.Fine <= limit
}
