package build

import (
	"slices"
	"testing"

	"gongshi/generator/config"
	"gongshi/generator/search"
	"gongshi/themes"
)

func TestJobOrder(t *testing.T) {
	ests := []jobEstimate{{false, 10}, {false, 300}, {true, 200}, {true, 50}, {false, 20}}
	if got := jobOrder(ests); !slices.Equal(got, []int{2, 3, 1, 4, 0}) {
		t.Errorf("order %v, want the files to parse (larger first), then the cached ones (larger first)", got)
	}
}

// TestKeysNameTheProgram: a page kept or a search index kept from a build
// by another gongshi could be what that program made, not this one.
func TestKeysNameTheProgram(t *testing.T) {
	saved := binaryHash
	defer func() { binaryHash = saved }()
	docs := []search.Doc{{Type: search.TypePage, URL: "/a/", Title: "通知"}}
	keys := func() (string, string) {
		f, err := themeFingerprint(themes.Default(), &config.Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return f, searchKey(docs, search.Options{})
	}
	f1, s1 := keys()
	binaryHash = func() string { return saved() + "another build" }
	f2, s2 := keys()
	if f1 == f2 {
		t.Error("the page fingerprint is the same for another program")
	}
	if s1 == s2 {
		t.Error("the search key is the same for another program")
	}
}
