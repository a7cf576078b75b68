package disclose

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gongshi/generator/config"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// RulesURL is the page that states the publication rules the build
// applies (/notices/disclosure-rules/).
const RulesURL = "/notices/disclosure-rules/"

// Policy is the publication rule set of a site as the build applies it,
// in the order the rules page states it. It is computed from the same
// settings as Window and judge, so the page cannot say what the build does
// not do.
type Policy struct {
	// Periods are the publication periods by penalty category, in the
	// order of 行政处罚法 art. 9, the categories site.toml adds after
	// them; Default is the period of any other category.
	Periods []Period
	Default int
	// Severity are the 违法情节 rules, mildest first.
	Severity []SeverityRule
	// MaxMonths is the rule maximum.
	MaxMonths int
	// Restrictions are the penalties published for their own length past
	// the maximum.
	Restrictions []string
	// SmallFine is the small-fine rule; Months 0 means off. SmallPerson
	// and SmallOrg are its amounts.
	SmallFine             config.SmallFine
	SmallPerson, SmallOrg value.Money
	// PublishSimple, PublishWarningOnly and WithholdPossiblySimple are the
	// settings of the same names.
	PublishSimple, PublishWarningOnly, WithholdPossiblySimple bool
	// SimpleFinePerson and SimpleFineOrg are the limits of the 简易程序.
	SimpleFinePerson, SimpleFineOrg value.Money
	// MaskExample and CompoundMaskExample show the name masking.
	MaskExample, CompoundMaskExample string
	// PublishWithinWorkdays and WithdrawWithinDays are the time limits.
	PublishWithinWorkdays, WithdrawWithinDays int
}

// Period is one category's publication period; Months 0 means up to the
// rule maximum.
type Period struct {
	Category string
	Months   int
}

// SeverityRule is the period a 违法情节 allows, [Min, Max] months; Max 0
// means not published.
type SeverityRule struct {
	Key      string
	Min, Max int
}

// Withheld reports whether the rule withholds the decision.
func (r SeverityRule) Withheld() bool { return r.Max <= 0 }

// Months writes a number of months for the page: "3个月", "1年", "1年6个月".
func Months(n int) string {
	switch {
	case n <= 0:
		return "0个月"
	case n%12 == 0:
		return fmt.Sprintf("%d年", n/12)
	case n > 12:
		return fmt.Sprintf("%d年%d个月", n/12, n%12)
	}
	return fmt.Sprintf("%d个月", n)
}

// PolicyOf returns the rule set cfg makes.
func PolicyOf(cfg config.Disclosure) Policy {
	p := Policy{
		Default:                cfg.Periods["default"],
		MaxMonths:              cfg.MaxMonths,
		Restrictions:           restrictions,
		SmallFine:              cfg.SmallFine,
		SmallPerson:            value.Money(cfg.SmallFine.Person * 100),
		SmallOrg:               value.Money(cfg.SmallFine.Org * 100),
		PublishSimple:          cfg.PublishSimple,
		PublishWarningOnly:     cfg.PublishWarningOnly,
		WithholdPossiblySimple: cfg.WithholdPossiblySimple,
		SimpleFinePerson:       SimpleFinePerson,
		SimpleFineOrg:          SimpleFineOrg,
		MaskExample:            MaskName("张三丰", cfg.NameMask),
		CompoundMaskExample:    MaskName("欧阳修远", cfg.NameMask),
		PublishWithinWorkdays:  PublishWithinWorkdays,
		WithdrawWithinDays:     WithdrawWithinDays,
	}
	var extra []string
	for k := range cfg.Periods {
		if k != "default" && !slices.Contains(records.Categories, k) {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	// A period past the maximum is stated as the maximum, which is what
	// window applies.
	capped := func(m int) int {
		if p.MaxMonths > 0 && m > p.MaxMonths {
			return p.MaxMonths
		}
		return m
	}
	p.Default = capped(p.Default)
	for _, k := range append(slices.Clone(records.Categories), extra...) {
		if m, ok := cfg.Periods[k]; ok {
			p.Periods = append(p.Periods, Period{k, capped(m)})
		}
	}
	keys := make([]string, 0, len(cfg.Severity))
	for k := range cfg.Severity {
		keys = append(keys, k)
	}
	// Mildest first: by maximum (not published first), then minimum.
	sort.Slice(keys, func(i, j int) bool {
		a, b := cfg.Severity[keys[i]], cfg.Severity[keys[j]]
		if a[1] != b[1] {
			return a[1] < b[1]
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		r := cfg.Severity[k]
		p.Severity = append(p.Severity, SeverityRule{k, capped(r[0]), capped(r[1])})
	}
	return p
}

// M writes a number of months for the page, as Months does.
func (p Policy) M(n int) string { return Months(n) }

// Listed reports whether a category has a period of its own.
func (p Policy) Listed(category string) bool {
	return slices.ContainsFunc(p.Periods, func(x Period) bool { return x.Category == category })
}

// RestrictionNames joins the restriction penalties for the page.
func (p Policy) RestrictionNames() string {
	return "“" + strings.Join(p.Restrictions, "”“") + "”"
}
