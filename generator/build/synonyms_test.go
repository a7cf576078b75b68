package build_test

import (
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
)

// TestSearchSynonymsFromThemeAndSite builds a site whose site.toml adds
// synonyms to the theme's list: the index's meta holds both, normalised
// (traditional characters folded), a word of both lists with the synonyms
// of both.
func TestSearchSynonymsFromThemeAndSite(t *testing.T) {
	archive := strings.Replace(readArchive(t, "smalltown.txtar"), "-- data/cases/",
		"[search]\nsynonyms = { \"燒烤攤\" = [\"烧烤店\"], \"低保\" = [\"低保金\"] }\n-- data/cases/", 1)
	dest, _ := sitetest.Build(t, archive)
	sitetest.AssertFile(t, dest, "search/index/meta.json",
		`["烧烤摊","烧烤店"]`,
		`["低保","低保金","最低生活保障"]`,
		`["准生证","生育服务证","生育登记"]`)
}
