package records

import (
	"reflect"
	"strings"
	"time"

	"gongshi/generator/diag"
)

// Dedupe removes decisions that appear more than once (same authority and
// decision number, as Case.ID folds them). An identical repeat is merged with
// a warning; a repeat with different content is an error naming both rows,
// and only the first is kept. Cases without a decision number are left alone:
// they are already reported.
func Dedupe(s *Set) diag.List {
	var dl diag.List
	first := map[string]int{}
	// Compacted in place: out never gets ahead of the case being read, and
	// copying 100k decisions into a new slice was a tenth of loading.
	out := s.Cases[:0]
	for k := range s.Cases {
		c := &s.Cases[k]
		if c.DecisionNo == "" {
			out = append(out, *c)
			continue
		}
		id := c.ID()
		i, seen := first[id]
		if !seen {
			first[id] = len(out)
			out = append(out, *c)
			continue
		}
		prev := &out[i]
		if diff := caseDiff(prev, c); len(diff) > 0 {
			dl.Errorf(c.Pos, "duplicate-conflict", "%s %s of %s is also at %s with different %s: keep one row, or correct the decision number", ColDecisionNo, c.DecisionNo, c.Authority, prev.Pos, strings.Join(diff, ", "))
		} else {
			dl.Warnf(c.Pos, "duplicate", "%s %s of %s repeats %s with identical content: merged", ColDecisionNo, c.DecisionNo, c.Authority, prev.Pos)
		}
	}
	clear(s.Cases[len(out):])
	s.Cases = out
	dl.Sort()
	return dl
}

// caseFieldColumns names the columns of Case fields, for messages.
var caseFieldColumns = map[string]string{
	"PartyName": ColPartyName, "PartyClass": ColPartyClass, "ClassGiven": ColPartyClass, "CreditCode": ColCreditCode,
	"RegNo": ColRegNo, "OrgCode": ColOrgCode, "TaxNo": ColTaxNo, "InstCode": ColInstCode, "SocialOrgCode": ColSocialOrgCode,
	"LegalRep": ColLegalRep, "LegalRepIDType": ColLegalRepIDTyp, "LegalRepID": ColLegalRepID, "IDType": ColIDType,
	"IDNumber": ColIDNumber, "Address": ColAddress, "Phone": ColPhone, "DecisionNo": ColDecisionNo, "CaseName": ColCaseName,
	"Violation": ColViolation, "Facts": ColFacts, "Basis": ColBasis, "Categories": ColCategory, "Content": ColContent,
	"Fine": ColFine, "Confiscated": ColConfiscated, "Licence": ColLicence, "DecisionDate": ColDecisionDate,
	"ValidUntil": ColValidUntil, "PublishUntil": ColPublishUntil, "Authority": ColAuthority, "AuthorityCode": ColAuthorityCode,
	"Source": ColSource, "SourceCode": ColSourceCode, "Remarks": ColRemarks, "Status": ColStatus, "PowerCode": ColPowerCode,
	"Procedure": ColProcedure, "Extra": "extra columns",
}

// caseDiff lists the columns in which two cases differ, ignoring where they
// were read and how the identity is spelt.
func caseDiff(a, b *Case) []string {
	va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
	var diff []string
	seen := map[string]bool{}
	for i := 0; i < va.NumField(); i++ {
		f := va.Type().Field(i)
		switch f.Name {
		case "Pos", "DecisionNo", "Authority", "id":
			continue
		}
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if ex, ok := x.([]Extra); ok {
			ey := y.([]Extra)
			if len(ex) == 0 && len(ey) == 0 {
				continue
			}
		}
		if reflect.DeepEqual(x, y) {
			continue
		}
		name := caseFieldColumns[f.Name]
		if name == "" {
			name = f.Name
		}
		if !seen[name] {
			seen[name] = true
			diff = append(diff, name)
		}
	}
	return diff
}

// CheckDates warns about decisions dated after the build date (usually a
// typo in the year). today is the build date; its time of day is ignored.
func CheckDates(s *Set, today time.Time) diag.List {
	var dl diag.List
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	for _, c := range s.Cases {
		if c.DecisionDate.After(day) {
			dl.Warnf(c.Pos, "future-date", "%s %s is after the build date %s (a typo in the year?)", ColDecisionDate, c.DecisionDate.Format("2006-01-02"), day.Format("2006-01-02"))
		}
	}
	dl.Sort()
	return dl
}
