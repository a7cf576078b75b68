package records

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// Kind describes one dataset folder and how its rows become records.
type Kind struct {
	// Name is the folder under data/ and the URL section ("cases").
	Name string
	// Title is the Chinese name of the dataset.
	Title string
	// Schema lists the columns the kind is read from.
	Schema value.Schema
	// add parses one row into the set, reporting problems.
	add func(s *Set, r value.Row, dl *diag.List)
	// Also lists other tables read from the same folder: a file whose
	// header matches one of them at least as well as the kind's own is read
	// as that one (the power-change register beside the power list).
	Also []*Kind

	// The rest declares a kind whose records are Items: NewKind derives its
	// Schema and reading from Fields, and every stage after reading
	// (disclose, pages, search, open data, the changelog, the standard
	// files, gongshi check) works from these declarations alone.

	// Fields are the kind's columns, in the order pages show them.
	Fields []Field
	// MinMatch is how many known headers make a header row (0: 2).
	MinMatch int
	// Identity lists the keys of the fields that identify a record
	// (authority and document number): its ID and URL derive from them.
	Identity []string
	// Normalize, when set, completes an item after its cells are read
	// (a number taken from another field, a category's standard spelling).
	Normalize func(k *Kind, it *Item)
	// Heading lists the keys of the fields a record's title joins with
	// "："; Sub is the key of its second line (the document number).
	Heading []string
	Sub     string
	// Identifiers lists the keys of fields searched as identifiers.
	Identifiers []string
	// Withdraw lists the statuses (RoleStatus) that withdraw a record; a
	// withdrawn record leaves every page and download and is listed on
	// ListURL()+"withdrawn/".
	Withdraw []string
	// Timely is the number of working days after its date within which a
	// record must be published; 0 for no such rule.
	Timely int
	// Nav is the label of the kind's entry in the top navigation.
	Nav string
	// Intro describes the kind on its list page and in /data/.
	Intro string
	// Expires is the key of the date after which a record is no longer in
	// force (有效期至); its page says so once the date has passed. "" for
	// none.
	Expires string
	// ReportCounted says, for the annual report's note, which records the
	// Report line counts; "" for the records whose date (RoleDate) is in
	// the year.
	ReportCounted string
	// Report names the annual report's line that counts the kind's
	// records by year ("行政许可"); "" for none.
	Report string
	// Layout and ListLayout name the templates of a record's page and of
	// the kind's list; "" for the generic "record" and "records".
	Layout, ListLayout string

	keys  map[string]int
	names map[string]bool // the fields' canonical headers
}

// NewKind completes a kind declared by its fields: its schema, its reading
// and its field index. It panics on a declaration that names a field it
// lacks, which is a programming error.
func NewKind(k Kind) *Kind {
	kp := &k
	kp.keys = make(map[string]int, len(k.Fields))
	kp.names = make(map[string]bool, len(k.Fields))
	for i, f := range k.Fields {
		kp.keys[f.Key] = i
		kp.names[f.Name] = true
	}
	for _, key := range append(append(append([]string{}, k.Identity...), k.Heading...), k.Identifiers...) {
		kp.index0(key)
	}
	for _, key := range []string{k.Sub, k.Expires} {
		if key != "" {
			kp.index0(key)
		}
	}
	kp.Schema = schemaOf(kp)
	kp.add = addItem(kp)
	return kp
}

func (k *Kind) index0(key string) int {
	i, ok := k.keys[key]
	if !ok {
		panic("records: kind " + k.Name + " has no field " + key)
	}
	return i
}

// index returns the position of the field with the key, or -1.
func (k *Kind) index(key string) int {
	if i, ok := k.keys[key]; ok {
		return i
	}
	return -1
}

// Declares reports whether one of the kind's fields has the canonical
// header name.
func (k *Kind) Declares(name string) bool { return k.names[name] }

// Field returns the field with the key, or nil.
func (k *Kind) Field(key string) *Field {
	if i := k.index(key); i >= 0 {
		return &k.Fields[i]
	}
	return nil
}

// FieldOf returns the index of the first field with the role, or -1.
func (k *Kind) FieldOf(r Role) int {
	for i := range k.Fields {
		if k.Fields[i].Role == r {
			return i
		}
	}
	return -1
}

// Counted says which records the annual report's Report line counts
// (ReportCounted, or those whose date is in the year).
func (k *Kind) Counted() string {
	if k.ReportCounted != "" {
		return k.ReportCounted
	}
	if i := k.FieldOf(RoleDate); i >= 0 {
		return k.Fields[i].Label() + "在本年的记录"
	}
	return "本年的记录"
}

// Declared reports whether the kind's records are Items.
func (k *Kind) Declared() bool { return k.Fields != nil }

// URL returns the site path of a record's page.
func (k *Kind) URL(id string) string { return "/" + k.Name + "/" + id + "/" }

// ListURL returns the site path of the kind's list.
func (k *Kind) ListURL() string { return "/" + k.Name + "/" }

// Get returns the value of the item's field with the key, or "".
func (k *Kind) Get(it *Item, key string) string { return k.Value(it.Values, key) }

// Value returns the value of the field with the key among values, a
// record's values by the index of the kind's fields; "" when the kind has
// no such field.
func (k *Kind) Value(values []string, key string) string {
	if i := k.index(key); i >= 0 && i < len(values) {
		return values[i]
	}
	return ""
}

// Add parses a row of this kind into s.
func (k *Kind) Add(s *Set, r value.Row, dl *diag.List) { k.add(s, r, dl) }

// Kinds is every record kind, in the order datasets are read and shown.
var Kinds = []*Kind{&CaseKind, &PowerKind, &ServiceKind, &StatKind, &WithdrawalKind, LicenceKind, InspectionKind, CoercionKind}

// KindByName returns the kind read from data/NAME.
func KindByName(name string) *Kind {
	for _, k := range Kinds {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// Set holds the records read from a site's data folder.
type Set struct {
	Cases       []Case
	Powers      []Power
	Services    []Service
	Stats       []StatRow
	Withdrawals []Withdrawal
	// PowerChanges are the power-change register's rows and the changes
	// the power list's own status columns record.
	PowerChanges []PowerChange
	// Items are the records of the kinds declared by their fields.
	Items []Item

	kinds []*Kind
}

// Use sets the kinds the set was read with (Kinds when never set).
func (s *Set) Use(kinds []*Kind) { s.kinds = kinds }

// Kinds returns the kinds the set was read with.
func (s *Set) Kinds() []*Kind {
	if s.kinds == nil {
		return Kinds
	}
	return s.kinds
}

// Declared returns the kinds of the set declared by their fields, in order.
func (s *Set) Declared() []*Kind {
	var out []*Kind
	for _, k := range s.Kinds() {
		if k.Declared() {
			out = append(out, k)
		}
	}
	return out
}

// Append adds every record of o to s.
func (s *Set) Append(o *Set) {
	s.Cases = append(s.Cases, o.Cases...)
	s.Powers = append(s.Powers, o.Powers...)
	s.Services = append(s.Services, o.Services...)
	s.Stats = append(s.Stats, o.Stats...)
	s.Withdrawals = append(s.Withdrawals, o.Withdrawals...)
	s.PowerChanges = append(s.PowerChanges, o.PowerChanges...)
	s.Items = append(s.Items, o.Items...)
}

// Join returns the records of every set, in order, in one Set whose
// slices are allocated once: appending 100k decisions set by set copied
// them over and over as the slices grew. It empties each set once its
// records are copied, so that a part's memory can go while the rest is
// joined: the joined set and all its parts are never live at once.
func Join(sets []*Set) *Set {
	var c, p, sv, st, w, it, pc int
	for _, o := range sets {
		c, p, sv, st, w, it = c+len(o.Cases), p+len(o.Powers), sv+len(o.Services), st+len(o.Stats), w+len(o.Withdrawals), it+len(o.Items)
		pc += len(o.PowerChanges)
	}
	s := &Set{
		Cases:       make([]Case, 0, c),
		Powers:      make([]Power, 0, p),
		Services:    make([]Service, 0, sv),
		Stats:       make([]StatRow, 0, st),
		Withdrawals: make([]Withdrawal, 0, w),
		Items:       make([]Item, 0, it),

		PowerChanges: make([]PowerChange, 0, pc),
	}
	for _, o := range sets {
		s.Append(o)
		*o = Set{}
	}
	return s
}

// HashID returns a 16-hex-digit ID from the parts of a record's identity.
func HashID(parts ...string) string { return hashID(parts...) }

func hashID(parts ...string) string {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(NormalizeIdentity(p)))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// NormalizeIdentity folds the ways one identifier is written: width, the
// bracket styles of a year (〔2024〕 [2024] (2024) （2024）【2024】), and
// spaces.
func NormalizeIdentity(s string) string {
	s = value.FoldWidth(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000':
			continue
		case '〔', '[', '(', '【', '（', '﹝', '［':
			r = '('
		case '〕', ']', ')', '】', '）', '﹞', '］':
			r = ')'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// safeSlug reports whether s can stand in a URL path as it is.
func safeSlug(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return s[0] != '.' && s[0] != '-'
}

// Extra is a cell of a column no schema knows, kept so nothing is dropped.
type Extra = value.Field

// MarshalJSON writes a kind as its name: a kind is part of the program,
// and page keys (which hash the program) need only say which one.
func (k *Kind) MarshalJSON() ([]byte, error) { return json.Marshal(k.Name) }
