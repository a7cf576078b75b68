package disclose

import (
	"fmt"
	"io"
	"sort"
	"time"

	"gongshi/generator/diag"
)

// Report is the staff view printed by `gongshi check`: what is about to
// leave the site, what is held back and why, and where masking relied on
// patterns alone. It holds decision numbers, dates and input positions, never
// personal data.
type Report struct {
	Date      time.Time
	Published int
	// Expiring are published decisions whose publication ends within 30
	// days of Date, soonest first.
	Expiring []Expiring
	// Withheld groups the decisions not published by reason, in the order
	// of the Reason constants.
	Withheld []WithheldGroup
	// NameNotFound lists decisions about natural persons whose free text
	// never names them.
	NameNotFound []Ref
	// PossiblySimple lists decisions with no procedure in the export that
	// are within the limits of the 简易程序, and whether they are withheld.
	PossiblySimple         []Ref
	PossiblySimpleWithheld bool
}

// Expiring is a decision whose publication ends soon.
type Expiring struct {
	Src        diag.Pos
	DecisionNo string
	Until      time.Time
}

// WithheldGroup is the decisions withheld for one reason, by decision
// number.
type WithheldGroup struct {
	Reason Reason
	Items  []Ref
}

// reasonOrder is the order in which the report lists reasons.
var reasonOrder = []Reason{ReasonWithdrawn, ReasonMinor, ReasonExpired, ReasonSeverity, ReasonSimple, ReasonPossiblySimple, ReasonWarningOnly, ReasonNotYet}

// StaffReport builds the staff view as of now.
func (r *Result) StaffReport(now time.Time) Report {
	today := Day(now)
	horizon := today.AddDate(0, 0, 30)
	rep := Report{Date: today, Published: len(r.Cases), NameNotFound: append([]Ref(nil), r.NameNotFound...)}
	for _, c := range r.Cases {
		if !c.PublishUntil.IsZero() && !c.PublishUntil.Before(today) && !c.PublishUntil.After(horizon) {
			rep.Expiring = append(rep.Expiring, Expiring{Src: c.Src, DecisionNo: c.DecisionNo, Until: c.PublishUntil})
		}
	}
	sort.SliceStable(rep.Expiring, func(i, j int) bool {
		if !rep.Expiring[i].Until.Equal(rep.Expiring[j].Until) {
			return rep.Expiring[i].Until.Before(rep.Expiring[j].Until)
		}
		return rep.Expiring[i].DecisionNo < rep.Expiring[j].DecisionNo
	})
	by := map[Reason][]Ref{}
	for _, w := range r.Withheld {
		by[w.Reason] = append(by[w.Reason], Ref{Src: w.Src, DecisionNo: w.DecisionNo})
	}
	order := append([]Reason(nil), reasonOrder...)
	var other []Reason
	for k := range by {
		known := false
		for _, o := range reasonOrder {
			known = known || o == k
		}
		if !known {
			other = append(other, k)
		}
	}
	sort.Slice(other, func(i, j int) bool { return other[i] < other[j] })
	for _, k := range append(order, other...) {
		if refs := by[k]; len(refs) > 0 {
			sort.SliceStable(refs, func(i, j int) bool { return refs[i].DecisionNo < refs[j].DecisionNo })
			rep.Withheld = append(rep.Withheld, WithheldGroup{Reason: k, Items: refs})
		}
	}
	sortRefs(rep.NameNotFound)
	// The setting withholds every such decision or none.
	rep.PossiblySimple = append([]Ref(nil), r.PossiblySimple...)
	rep.PossiblySimpleWithheld = len(by[ReasonPossiblySimple]) > 0
	sortRefs(rep.PossiblySimple)
	return rep
}

// sortRefs sorts refs by input position.
func sortRefs(refs []Ref) {
	sort.SliceStable(refs, func(i, j int) bool {
		return diag.List{{Pos: refs[i].Src}, {Pos: refs[j].Src}}.Less(0, 1)
	})
}

// Print writes the report as plain text, headings in Chinese and English.
func (rep Report) Print(w io.Writer) error { return rep.PrintCapped(w, 0) }

// PrintCapped is Print with at most n decision numbers per list (n <= 0
// for all), and a count of the rest.
func (rep Report) PrintCapped(w io.Writer, n int) error {
	var err error
	p := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, args...)
		}
	}
	p("公示情况 Disclosure as of %s: %d published\n", rep.Date.Format("2006-01-02"), rep.Published)
	p("\n30日内到期 Publication ends within 30 days: %d\n", len(rep.Expiring))
	for i, e := range rep.Expiring {
		if n > 0 && i == n {
			p("  … and %d more (gongshi check --all lists them all)\n", len(rep.Expiring)-n)
			break
		}
		p("  %s  %s  (%s)\n", e.Until.Format("2006-01-02"), e.DecisionNo, e.Src)
	}
	total := 0
	for _, g := range rep.Withheld {
		total += len(g.Items)
	}
	p("\n不予公示 Withheld: %d\n", total)
	for _, g := range rep.Withheld {
		p("  %s: %d\n", g.Reason, len(g.Items))
		for i, r := range g.Items {
			if n > 0 && i == n {
				p("    … and %d more\n", len(g.Items)-n)
				break
			}
			p("    %s  (%s)\n", r.DecisionNo, r.Src)
		}
	}
	if len(rep.PossiblySimple) > 0 {
		what := "published; set disclosure.withhold_possibly_simple = true to withhold them"
		if rep.PossiblySimpleWithheld {
			what = "withheld (disclosure.withhold_possibly_simple)"
		}
		p("\n可能适用简易程序 No procedure in the export, within the limits of the 简易程序 (行政处罚法 art. 51), %s: %d\n", what, len(rep.PossiblySimple))
		for i, r := range rep.PossiblySimple {
			if n > 0 && i == n {
				p("  … and %d more\n", len(rep.PossiblySimple)-n)
				break
			}
			p("  %s  (%s)\n", r.DecisionNo, r.Src)
		}
	}
	p("\n自由文本中未找到当事人姓名 Natural persons not named in their own free text (masking relied on patterns alone): %d\n", len(rep.NameNotFound))
	for i, r := range rep.NameNotFound {
		if n > 0 && i == n {
			p("  … and %d more\n", len(rep.NameNotFound)-n)
			break
		}
		p("  %s  (%s)\n", r.DecisionNo, r.Src)
	}
	return err
}
