package search

import (
	"testing"
	"time"

	"gongshi/generator/internal/fieldtest"
)

// TestFingerprintCoversEveryField changes each field of a Doc (and of its
// Facets) in turn: every change must change the fingerprint.
func TestFingerprintCoversEveryField(t *testing.T) {
	base := Doc{Type: TypeCase, URL: "/cases/a/", Title: "t", Sub: "s", Date: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC),
		Authority: "a", Body: "b", Identifiers: []string{"i"},
		Facets: Facets{Year: 2026, Categories: []string{"罚款"}, Domain: "d", PowerCat: "p", Fine: 100, HasFine: true}}
	want := Fingerprint([]Doc{base})
	fieldtest.Covers(t, &base, "", nil, func() string { return Fingerprint([]Doc{base}) })
	if Fingerprint([]Doc{base}) != want {
		t.Fatal("the test did not restore the doc")
	}
	// Strings are delimited: moving text between fields changes it too.
	moved := base
	moved.Title, moved.Sub = "ts", ""
	if Fingerprint([]Doc{moved}) == want {
		t.Error("moving text from Sub to Title does not change the fingerprint")
	}
}
