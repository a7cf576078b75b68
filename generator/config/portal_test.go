package config

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestPortalKeysDefaultAndValidate(t *testing.T) {
	c, err := Load(fstest.MapFS{"site.toml": {Data: []byte("[staleness]\nstats_days = 60\n[publisher]\nbadge = \"/img/dzjg.png\"\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Staleness.StatsDays != 60 || c.Staleness.NoticesMonths != 6 {
		t.Errorf("staleness = %+v, want stats 60 and the default 6 months for notices", c.Staleness)
	}
	if !strings.HasPrefix(c.Accessibility.Standard, "WCAG 2.1 AA") {
		t.Errorf("accessibility.standard default = %q", c.Accessibility.Standard)
	}
	for _, src := range []string{
		"[publisher]\nbadge = \"img/x.png\"\n",
		"[publisher]\nbadge = \"/../x.png\"\n",
		"[accessibility]\nreviewed = \"2026/05/20\"\n",
	} {
		t.Run(src, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"site.toml": {Data: []byte(src)}})
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a config error", err)
			}
		})
	}
}
