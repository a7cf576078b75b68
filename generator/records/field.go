package records

import (
	"encoding/json"
	"log/slog"
	"slices"
	"strings"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/ident"
	"gongshi/generator/value"
)

// Need is whether a field must be filled, in the 双公示 standard's letters.
type Need uint8

// Needs of a field.
const (
	// Optional (O) may be empty.
	Optional Need = iota
	// Required (R) must be filled; an empty cell is an error.
	Required
	// Conditional (C) must be filled when its condition holds (Field.When).
	Conditional
	// Never (X) is exchanged between systems and never published.
	Never
)

// Role says what a field means to the stages after reading: which field is
// the party, the document number or the date, and how disclose treats each
// value. Masking follows the role, so a kind's party is masked exactly as a
// penalty decision's.
type Role uint8

// Roles of a field.
const (
	// RoleText is free text, published with personal data scrubbed.
	RoleText Role = iota
	// RoleLabel is a short value from a fixed vocabulary or a code (a
	// category, a certificate name), published as written after the leak
	// scanner's redaction.
	RoleLabel
	// RoleParty is 行政相对人名称: masked when the party is a natural person.
	RoleParty
	// RolePartyClass is 行政相对人类别.
	RolePartyClass
	// RoleCreditCode is the party's 统一社会信用代码: published unless the
	// party is a natural person.
	RoleCreditCode
	// RoleOtherCode is one of the party's other registration codes.
	RoleOtherCode
	// RoleLegalRep is 法定代表人: published for organisations, masked for
	// sole traders and natural persons.
	RoleLegalRep
	// RoleLegalRepID is the legal representative's ID number (never
	// published).
	RoleLegalRepID
	// RoleIDType is the type of a natural person's ID (never published).
	RoleIDType
	// RoleIDNumber is a natural person's ID number (never published).
	RoleIDNumber
	// RoleNumber is the document number, part of the record's identity.
	RoleNumber
	// RoleAuthority is the deciding body, part of the record's identity.
	RoleAuthority
	// RoleAuthorityCode is the deciding body's credit code.
	RoleAuthorityCode
	// RoleDate is the record's date: its year, its order, its timeliness.
	RoleDate
	// RoleStatus is the record's status; Kind.Withdraw lists the values
	// that withdraw it.
	RoleStatus
	// RolePowerCode is the 事项编码 of the power-list item the record used.
	RolePowerCode
)

// Type is how a field's cell is read and shown.
type Type uint8

// Types of a field.
const (
	// TypeText is kept as written.
	TypeText Type = iota
	// TypeDate is a date, held as "2006-01-02"; "" for none or 长期
	// (2099/12/31 and later).
	TypeDate
	// TypeMoney is an amount, held in yuan ("2000", "12.5"), read in the
	// unit the header names or Field.Unit.
	TypeMoney
	// TypeList is several values, held joined by "；".
	TypeList
)

// Field is one column of a kind: how it is read, what it means, and where
// it goes.
type Field struct {
	// Key names the field in templates, JSON downloads and site.toml
	// ("holder").
	Key string
	// Name is the canonical header, as the standard spells it.
	Name string
	// Short, when set, is the name pages and downloads show
	// ("统一社会信用代码" for "行政相对人代码_1(统一社会信用代码)").
	Short string
	// Aliases are the headers town systems use for it.
	Aliases []string
	// Meaning says what the value is, for /data/ and messages.
	Meaning string
	// Unit is the unit of a TypeMoney cell when the header names none
	// ("万元"), and the unit shown.
	Unit string
	Need Need
	// When, for a Conditional field, reports whether the record needs it.
	When func(k *Kind, it *Item) bool
	// WhenText says in words when a Conditional field is needed.
	WhenText string
	Role     Role
	Type     Type
	// Std is the field's code in the 双公示 standard file ("XK_XDR_MC").
	Std string
	// Open puts the field in the open-data downloads.
	Open bool
	// News makes a change of the field news on /changes/.
	News bool
	// Facet lists the records by the field's values on the kind's list.
	Facet bool
	// Blank, when set, is shown for an empty value ("长期" for an end date
	// of 2099/12/31).
	Blank string
}

// Label is the name pages and downloads show.
func (f *Field) Label() string {
	if f.Short != "" {
		return f.Short
	}
	return f.Name
}

// Published reports whether the field's value may ever appear in the
// output.
func (f *Field) Published() bool {
	switch f.Role {
	case RoleLegalRepID, RoleIDType, RoleIDNumber:
		return false
	}
	return f.Need != Never
}

// NotPerson reports whether a record's party is an organisation or a sole
// trader: the condition of the standard's fields only they carry.
func NotPerson(k *Kind, it *Item) bool {
	i := k.FieldOf(RolePartyClass)
	if i < 0 {
		return false
	}
	c := ParsePartyClass(it.Values[i])
	return c == PartyOrg || c == PartySoleTrader
}

// Item is a record of a kind declared by its fields (Kind.Fields), as
// exported, personal data included.
type Item struct {
	// Kind is the kind's Name.
	Kind string
	Pos  diag.Pos
	// ID is the record's stable identity (Kind.Identity).
	ID string
	// Values are the cells, by the index of the kind's fields, normalised
	// by their Type.
	Values []string
	Extra  []Extra
}

// LogValue logs an item by its position only: it may hold personal data.
func (it Item) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", it.Kind), slog.String("src", it.Pos.String()))
}

// Schema returns the columns a kind declared by its fields is read from.
func schemaOf(k *Kind) value.Schema {
	s := value.Schema{Kind: k.Title, MinMatch: k.MinMatch}
	for _, f := range k.Fields {
		join := ""
		if f.Type == TypeList {
			join = "；"
		}
		s.Columns = append(s.Columns, value.Column{Name: f.Name, Aliases: f.Aliases, Required: f.Need == Required, Join: join})
	}
	return s
}

// addItem parses a row of a kind declared by its fields.
func addItem(k *Kind) func(s *Set, r value.Row, dl *diag.List) {
	return func(s *Set, r value.Row, dl *diag.List) {
		it := Item{Kind: k.Name, Pos: r.RowPos(), Values: make([]string, len(k.Fields)), Extra: r.Extra()}
		for i := range k.Fields {
			f := &k.Fields[i]
			v := strings.TrimSpace(r.Value(f.Name))
			if !r.Table.Has(f.Name) {
				continue // a missing required column is reported once
			}
			switch f.Type {
			case TypeDate:
				// 长期 and 2099/12/31 mean no end: only an end date (a
				// field with Blank) may say so.
				open := f.Blank != ""
				if v == "" || open && (v == "长期" || v == "永久") {
					v = ""
					break
				}
				t, err := value.ParseDate(v)
				switch {
				case err != nil:
					dl.Errorf(r.Pos(f.Name), "bad-date", "%s: %v", f.Name, err)
					v = ""
				case t.Year() >= 2099 && open:
					v = ""
				case t.Year() >= 2099:
					dl.Errorf(r.Pos(f.Name), "bad-date", "%s: %s is no date a record can have (a typo in the year?)", f.Name, v)
					v = ""
				default:
					v = t.Format(time.DateOnly)
				}
			case TypeMoney:
				unit := r.Table.Unit(f.Name)
				if unit == "" {
					unit = f.Unit
				}
				m, err := value.ParseAmount(v, unit)
				switch {
				case err == value.ErrEmpty:
					v = ""
				case err != nil:
					dl.Errorf(r.Pos(f.Name), "bad-amount", "%s: %v", f.Name, err)
					v = ""
				default:
					v = m.Plain()
				}
			case TypeList:
				v = strings.Join(value.SplitCategories(v), "；")
			}
			switch f.Role {
			case RoleCreditCode, RoleAuthorityCode:
				v = strings.ToUpper(v)
				if v != "" {
					if p := ident.CreditCodeProblem(v); p != "" && ident.ValidID(v) {
						dl.Warnf(r.Pos(f.Name), "credit-code", "%s: a 居民身份证号码, not a 统一社会信用代码: the party is taken for a natural person and the number is never published", f.Name)
					} else if p != "" {
						dl.Warnf(r.Pos(f.Name), "credit-code", "统一社会信用代码 %s: %s", v, p)
					}
				}
			case RoleStatus:
				v = NormalizeStatus(v)
			case RoleIDNumber, RoleLegalRepID:
				// The number itself is never echoed: diagnostics end up in logs.
				if len(v) == 18 && !ident.ValidID(strings.ToUpper(v)) {
					dl.Warnf(r.Pos(f.Name), "id-number", "%s: not a valid 居民身份证号码 (the birth date or check digit is wrong)", f.Name)
				}
			}
			it.Values[i] = v
		}
		if k.Normalize != nil {
			k.Normalize(k, &it)
		}
		for i := range k.Fields {
			// After Normalize, which may fill a value from another field.
			if f := &k.Fields[i]; f.Need == Required && it.Values[i] == "" && r.Table.Has(f.Name) && strings.TrimSpace(r.Value(f.Name)) == "" {
				dl.Errorf(r.Pos(f.Name), "required", "%s: required value is empty", f.Name)
			}
		}
		for i := range k.Fields {
			if f := &k.Fields[i]; f.Need == Conditional && f.When != nil && it.Values[i] == "" && f.When(k, &it) {
				what := "empty"
				if !r.Table.Has(f.Name) {
					what = "no such column"
				}
				dl.Warnf(r.Pos(f.Name), "standard-conditional", "%s: %s, but the 双公示 standard requires it (%s)", f.Name, what, f.WhenText)
			}
		}
		parts := make([]string, len(k.Identity))
		for i, key := range k.Identity {
			parts[i] = it.Values[k.index(key)]
		}
		it.ID = hashID(parts...)
		s.Items = append(s.Items, it)
	}
}

// DedupeItems removes records of declared kinds that appear more than once
// (same kind and identity): an identical repeat is merged with a warning, a
// repeat with different content is an error naming both rows, and only the
// first is kept.
func DedupeItems(s *Set) diag.List {
	var dl diag.List
	first := map[string]int{}
	out := s.Items[:0]
	for i := range s.Items {
		it := s.Items[i]
		key := it.Kind + "\x00" + it.ID
		j, seen := first[key]
		if !seen {
			first[key] = len(out)
			out = append(out, it)
			continue
		}
		prev := &out[j]
		if slices.Equal(prev.Values, it.Values) {
			dl.Warnf(it.Pos, "duplicate", "the same %s record as %s, with identical content: merged", it.Kind, prev.Pos)
		} else {
			dl.Errorf(it.Pos, "duplicate-conflict", "the same %s record (authority and number) as %s, with different content: keep one row, or correct the number", it.Kind, prev.Pos)
		}
	}
	clear(s.Items[len(out):])
	s.Items = out
	dl.Sort()
	return dl
}

// MarshalJSON writes a field as its key, as Kind.MarshalJSON writes a kind.
func (f *Field) MarshalJSON() ([]byte, error) { return json.Marshal(f.Key) }
