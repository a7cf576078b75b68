package records

import (
	"encoding/binary"
	"errors"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// The parse cache holds the decisions of every export that did not change,
// and decodes them on each build. Through encoding/gob that was most of a
// cache hit: a string allocated per field, the file buffered twice. This
// encoding writes each field in turn, and the decoded strings are slices
// of the one string the caller passes.
//
// TestCaseCodecRoundTrip fills every field of Case and fails when one is
// added and not written here.

const caseCodecMagic = "gongshi cases 1\x00"

var errCaseCodec = errors.New("records: bad encoded decisions")

// AppendCases appends cases, identities included, in the cache encoding.
func AppendCases(b []byte, cases []Case) []byte {
	b = append(b, caseCodecMagic...)
	b = binary.AppendUvarint(b, uint64(len(cases)))
	for i := range cases {
		b = appendCase(b, &cases[i])
	}
	return b
}

func appendCase(b []byte, c *Case) []byte {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int64) { b = binary.AppendVarint(b, n) }
	date := func(t time.Time) {
		switch {
		case t.IsZero():
			b = append(b, 0)
		case t.Location() == time.UTC:
			b = append(b, 1)
			num(t.Unix())
			num(int64(t.Nanosecond()))
		default: // exact, zone and all
			m, _ := t.MarshalBinary()
			b = append(b, 2)
			str(string(m))
		}
	}
	str(c.Pos.File)
	num(int64(c.Pos.Row))
	num(int64(c.Pos.Col))
	str(c.Pos.Cell)
	str(c.PartyName)
	num(int64(c.PartyClass))
	for _, s := range [...]string{c.ClassGiven, c.CreditCode, c.RegNo, c.OrgCode, c.TaxNo, c.InstCode, c.SocialOrgCode, c.LegalRep,
		c.LegalRepIDType, c.LegalRepID, c.IDType, c.IDNumber, c.Address, c.Phone,
		c.DecisionNo, c.CaseName, c.Violation, c.Facts, c.Basis} {
		str(s)
	}
	b = binary.AppendUvarint(b, uint64(len(c.Categories)))
	for _, s := range c.Categories {
		str(s)
	}
	str(c.Content)
	num(int64(c.Fine))
	num(int64(c.Confiscated))
	str(c.Licence)
	date(c.DecisionDate)
	date(c.ValidUntil)
	date(c.PublishUntil)
	for _, s := range [...]string{c.Authority, c.AuthorityCode, c.Source, c.SourceCode, c.Remarks, c.Status, c.PowerCode, c.Procedure, c.Severity} {
		str(s)
	}
	b = binary.AppendUvarint(b, uint64(len(c.Extra)))
	for _, e := range c.Extra {
		str(e.Name)
		str(e.Value)
	}
	str(c.id)
	return b
}

// DecodeCases decodes what AppendCases wrote at the start of data. The
// decisions' strings are slices of data.
func DecodeCases(data string) ([]Case, error) {
	d := caseDecoder{s: data}
	if len(data) < len(caseCodecMagic) || data[:len(caseCodecMagic)] != caseCodecMagic {
		return nil, errCaseCodec
	}
	d.i = len(caseCodecMagic)
	n := d.uvarint()
	// Each decision takes at least one byte per field: a count beyond
	// that is corrupt, and must not size the slice.
	if d.err != nil || n > uint64(len(data)) {
		return nil, errCaseCodec
	}
	cases := make([]Case, n)
	for i := range cases {
		d.decode(&cases[i])
		if d.err != nil {
			return nil, d.err
		}
	}
	return cases, nil
}

type caseDecoder struct {
	s   string
	i   int
	err error
}

func (d *caseDecoder) fail() {
	if d.err == nil {
		d.err = errCaseCodec
	}
	d.i = len(d.s)
}

func (d *caseDecoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.i >= len(d.s) {
			d.fail()
			return 0
		}
		c := d.s[d.i]
		d.i++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	d.fail()
	return 0
}

func (d *caseDecoder) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *caseDecoder) str() string {
	n := d.uvarint()
	if n > uint64(len(d.s)-d.i) {
		d.fail()
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

func (d *caseDecoder) strs() []string {
	n := d.uvarint()
	if n == 0 {
		return nil
	}
	if n > uint64(len(d.s)-d.i) {
		d.fail()
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *caseDecoder) date() time.Time {
	if d.i >= len(d.s) {
		d.fail()
		return time.Time{}
	}
	kind := d.s[d.i]
	d.i++
	switch kind {
	case 0:
		return time.Time{}
	case 1:
		sec := d.varint()
		nsec := d.varint()
		if nsec < 0 || nsec >= 1e9 {
			d.fail()
			return time.Time{}
		}
		return time.Unix(sec, nsec).UTC()
	case 2:
		var t time.Time
		if t.UnmarshalBinary([]byte(d.str())) != nil {
			d.fail()
		}
		return t
	}
	d.fail()
	return time.Time{}
}

func (d *caseDecoder) decode(c *Case) {
	c.Pos = diag.Pos{File: d.str(), Row: int(d.varint()), Col: int(d.varint()), Cell: d.str()}
	c.PartyName = d.str()
	c.PartyClass = PartyClass(d.varint())
	for _, p := range [...]*string{&c.ClassGiven, &c.CreditCode, &c.RegNo, &c.OrgCode, &c.TaxNo, &c.InstCode, &c.SocialOrgCode, &c.LegalRep,
		&c.LegalRepIDType, &c.LegalRepID, &c.IDType, &c.IDNumber, &c.Address, &c.Phone,
		&c.DecisionNo, &c.CaseName, &c.Violation, &c.Facts, &c.Basis} {
		*p = d.str()
	}
	c.Categories = d.strs()
	c.Content = d.str()
	c.Fine = value.Money(d.varint())
	c.Confiscated = value.Money(d.varint())
	c.Licence = d.str()
	c.DecisionDate = d.date()
	c.ValidUntil = d.date()
	c.PublishUntil = d.date()
	for _, p := range [...]*string{&c.Authority, &c.AuthorityCode, &c.Source, &c.SourceCode, &c.Remarks, &c.Status, &c.PowerCode, &c.Procedure, &c.Severity} {
		*p = d.str()
	}
	if n := d.uvarint(); n > 0 {
		if n > uint64(len(d.s)-d.i) {
			d.fail()
			return
		}
		c.Extra = make([]Extra, n)
		for i := range c.Extra {
			c.Extra[i] = Extra{Name: d.str(), Value: d.str()}
		}
	}
	c.id = d.str()
}
