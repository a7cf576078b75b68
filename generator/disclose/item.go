package disclose

import (
	"slices"
	"strings"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/records"
)

// Item is a record of a kind declared by its fields (records.Kind.Fields),
// as it may be published: the party masked as a penalty decision's party
// is, never-published fields emptied, free text scrubbed.
type Item struct {
	Kind *records.Kind
	ID   string
	Src  diag.Pos // where the record came from, for staff; never rendered
	// Values are the published values, by the index of the kind's fields;
	// "" for a field never published.
	Values []string
	// Date is the value of the kind's RoleDate field.
	Date  time.Time
	Class records.PartyClass
	// Extra are the columns no field declares, masked as a decision's are.
	Extra []records.Extra
}

// Get returns the published value of the field with the key.
func (it *Item) Get(key string) string {
	return it.Kind.Value(it.Values, key)
}

// URL returns the site path of the record's page.
func (it *Item) URL() string { return it.Kind.URL(it.ID) }

// Title joins the values of the kind's Heading fields with "：".
func (it *Item) Title() string {
	var parts []string
	for _, k := range it.Kind.Heading {
		if v := it.Get(k); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "：")
}

// Sub is the record's second line: its document number.
func (it *Item) Sub() string { return it.Get(it.Kind.Sub) }

// itemPending is an item that passed the rules, waiting for the scanner.
type itemPending struct {
	kind *records.Kind
	it   *records.Item
	p    pending
}

// itemCase is the decision an item stands for to the masking rules: its
// party, codes, never-published numbers and dates in the roles its fields
// declare, and its free text as extra columns named by their headers, so
// that an item's party is judged and masked by the code that masks a
// penalty decision's.
func itemCase(k *records.Kind, it *records.Item) *records.Case {
	c := &records.Case{Pos: it.Pos}
	for i := range k.Fields {
		f, v := &k.Fields[i], it.Values[i]
		switch f.Role {
		case records.RoleParty:
			c.PartyName = v
		case records.RolePartyClass:
			c.ClassGiven, c.PartyClass = v, records.ParsePartyClass(v)
		case records.RoleCreditCode:
			c.CreditCode = v
		case records.RoleLegalRep:
			c.LegalRep = v
		case records.RoleLegalRepID:
			c.LegalRepID = v
		case records.RoleIDNumber:
			c.IDNumber = v
		case records.RoleIDType:
			if c.IDType == "" {
				c.IDType = v
			}
		case records.RoleNumber:
			c.DecisionNo = v
		case records.RoleAuthority:
			c.Authority = v
		case records.RoleAuthorityCode:
			if c.AuthorityCode == "" {
				c.AuthorityCode = v
			} else {
				c.SourceCode = v
			}
		case records.RoleDate:
			c.DecisionDate, _ = time.Parse(time.DateOnly, v)
		case records.RoleStatus:
			c.Status = v
		case records.RolePowerCode:
			c.PowerCode = v
		case records.RoleText:
			c.Extra = append(c.Extra, records.Extra{Name: f.Name, Value: v})
		}
	}
	c.Extra = append(c.Extra, it.Extra...)
	if isPersonalID(c.CreditCode) {
		if c.IDNumber == "" {
			c.IDNumber = c.CreditCode
		}
		c.CreditCode = ""
	}
	return c
}

// judgeItems applies the rules that hold for every declared kind: a status
// the kind lists in Withdraw withdraws the record, a record about a minor
// is withheld, and the party's secrets are collected. It returns the items
// to publish once the scanner holds every secret.
func judgeItems(set *records.Set, res *Result, dl *diag.List, today time.Time, mask string) []itemPending {
	// A kind is published when the site has records of it: a town that
	// exports no licences gets no empty 行政许可 section.
	has := map[string]bool{}
	for i := range set.Items {
		has[set.Items[i].Kind] = true
	}
	kinds := map[string]*records.Kind{}
	for _, k := range set.Declared() {
		if has[k.Name] {
			kinds[k.Name] = k
			res.Kinds = append(res.Kinds, k)
		}
	}
	res.Items = map[string][]Item{}
	res.ItemsWithdrawn = map[string][]Withdrawn{}
	res.Decided = map[string]map[int]int{}
	var todo []itemPending
	for i := range set.Items {
		it := &set.Items[i]
		k := kinds[it.Kind]
		if k == nil {
			continue // read with a kind this build does not use
		}
		c := itemCase(k, it)
		if y := c.DecisionDate.Year(); !c.DecisionDate.IsZero() {
			if res.Decided[k.Name] == nil {
				res.Decided[k.Name] = map[int]int{}
			}
			res.Decided[k.Name][y]++
		}
		var vdl diag.List
		class := inferClass(c, &vdl)
		*dl = append(*dl, vdl...)
		names := naturalNames(c, class)
		secrets := secretsOf(c, class, names)
		for _, s := range secrets {
			s.Record = c.DecisionNo
			res.Secrets = append(res.Secrets, s)
		}
		if withdraws(k, c.Status) {
			res.ItemsWithdrawn[k.Name] = append(res.ItemsWithdrawn[k.Name], Withdrawn{Src: it.Pos, DecisionNo: c.DecisionNo, Authority: c.Authority,
				Reason: "当前状态为“" + c.Status + "”"})
			continue
		}
		if class == records.PartyPerson && isMinor(c) {
			dl.Warnf(it.Pos, "minor", "%s: the party was under 18 on the decision date; not published", safeNo(c.DecisionNo, mask))
			continue
		}
		if c.DecisionDate.After(today) {
			dl.Warnf(it.Pos, "future-date", "%s: %s %s is after the build date", safeNo(c.DecisionNo, mask), k.Fields[k.FieldOf(records.RoleDate)].Name, c.DecisionDate.Format(time.DateOnly))
		}
		todo = append(todo, itemPending{kind: k, it: it, p: pending{rc: c, class: class, secrets: secrets, names: names}})
	}
	return todo
}

// withdraws reports whether a status withdraws a record of the kind, as
// exports write it: 注销, 已注销, 注销（歇业）; 撤回 for 撤销.
func withdraws(k *records.Kind, status string) bool {
	status = strings.TrimPrefix(strings.TrimSpace(status), "已")
	if status == "" {
		return false
	}
	for _, w := range k.Withdraw {
		if strings.HasPrefix(status, w) || w == "撤销" && strings.HasPrefix(status, "撤回") {
			return true
		}
	}
	return false
}

// publishItem masks an item as publish masks a decision, and maps the
// masked decision back onto the item's fields.
func publishItem(ip *itemPending, mask string, sc *Scanner) Item {
	k, it := ip.kind, ip.it
	c, _ := publish(&ip.p, mask, sc)
	extra := map[string]string{}
	for _, e := range c.Extra {
		extra[e.Name] = e.Value
	}
	codes := map[string]string{}
	for _, oc := range c.OtherCodes {
		codes[oc.Name] = oc.Value
	}
	out := Item{Kind: k, ID: it.ID, Src: it.Pos, Values: make([]string, len(k.Fields)), Date: c.DecisionDate, Class: ip.p.class}
	for i := range k.Fields {
		f, v := &k.Fields[i], it.Values[i]
		switch {
		case !f.Published():
			v = ""
		case f.Role == records.RoleParty:
			v = c.PartyName
		case f.Role == records.RolePartyClass:
			v = ip.p.class.String()
		case f.Role == records.RoleLegalRep:
			v = c.LegalRep
		case f.Role == records.RoleCreditCode:
			v = c.CreditCode
		case f.Role == records.RoleOtherCode:
			if ip.p.class == records.PartyPerson {
				v = ""
			} else {
				v = redact(v, sc, mask)
			}
		case f.Role == records.RoleText:
			v = extra[f.Name]
		case f.Role == records.RoleDate:
		default:
			// Labels, numbers, authorities, statuses and codes: any secret
			// the scanner knows is redacted, and for a natural person any
			// ID, phone or card number by its form (a 许可编号 may be an
			// ID number).
			v = redact(v, sc, mask)
			if ip.p.class != records.PartyOrg {
				v, _ = Scrub(v, nil, mask)
			}
		}
		out.Values[i] = v
	}
	for _, e := range c.Extra {
		if !k.Declares(e.Name) {
			out.Extra = append(out.Extra, e)
		}
	}
	return out
}

// safeNo is a document number as diagnostics may print it: ID, phone and
// card numbers in it removed by their form.
func safeNo(no, mask string) string {
	s, _ := Scrub(no, nil, mask)
	return s
}

// sortItems orders each kind's items newest first, then by ID.
func sortItems(items []Item) {
	slices.SortStableFunc(items, func(a, b Item) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
