package sample

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteCountyTownsDifferInNameSeedAndPowers(t *testing.T) {
	dir := t.TempDir()
	sums, err := WriteCounty(dir, 3, Options{Cases: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 3 || sums[0].Powers != len(mustCatalogue(t).powers) {
		t.Fatalf("powers: %+v", sums)
	}
	if sums[1].Powers >= sums[0].Powers || sums[2].Powers >= sums[0].Powers || sums[1].Powers == sums[2].Powers {
		t.Errorf("power lists of %d, %d and %d items: want the later towns to lack different items", sums[0].Powers, sums[1].Powers, sums[2].Powers)
	}
	county, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil || !strings.Contains(string(county), "[county]") {
		t.Errorf("county site.toml: %v\n%s", err, county)
	}
	for _, tw := range CountyTowns[:3] {
		data, err := os.ReadFile(filepath.Join(dir, "towns", tw.Slug, "site.toml"))
		if err != nil || !strings.Contains(string(data), `town = "`+tw.Name+`"`) {
			t.Errorf("%s: %v", tw.Slug, err)
		}
	}
	if _, err := WriteCounty(t.TempDir(), len(CountyTowns)+1, Options{Cases: 1}); err == nil {
		t.Error("a county of more towns than names: no error")
	}
}

func mustCatalogue(t *testing.T) *catalogue {
	t.Helper()
	c, err := loadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
