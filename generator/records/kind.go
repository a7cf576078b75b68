package records

import (
	"crypto/sha256"
	"encoding/hex"
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
}

// Add parses a row of this kind into s.
func (k *Kind) Add(s *Set, r value.Row, dl *diag.List) { k.add(s, r, dl) }

// Kinds is every record kind, in the order datasets are read and shown.
var Kinds = []*Kind{&CaseKind, &PowerKind, &ServiceKind, &StatKind, &WithdrawalKind}

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
}

// Append adds every record of o to s.
func (s *Set) Append(o *Set) {
	s.Cases = append(s.Cases, o.Cases...)
	s.Powers = append(s.Powers, o.Powers...)
	s.Services = append(s.Services, o.Services...)
	s.Stats = append(s.Stats, o.Stats...)
	s.Withdrawals = append(s.Withdrawals, o.Withdrawals...)
}

// Join returns the records of every set, in order, in one Set whose
// slices are allocated once: appending 100k decisions set by set copied
// them over and over as the slices grew.
func Join(sets []*Set) *Set {
	var c, p, sv, st, w int
	for _, o := range sets {
		c, p, sv, st, w = c+len(o.Cases), p+len(o.Powers), sv+len(o.Services), st+len(o.Stats), w+len(o.Withdrawals)
	}
	s := &Set{
		Cases:       make([]Case, 0, c),
		Powers:      make([]Power, 0, p),
		Services:    make([]Service, 0, sv),
		Stats:       make([]StatRow, 0, st),
		Withdrawals: make([]Withdrawal, 0, w),
	}
	for _, o := range sets {
		s.Append(o)
	}
	return s
}

// hashID returns a 16-hex-digit ID from the parts of a record's identity.
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
