package site

import (
	"strings"
	"unicode/utf8"
)

// maxExample is the longest search example, in characters: a hint fits
// in a phone's search box.
const maxExample = 12

// SearchExample returns a query from the town's own published records,
// for the home page's search box: the most common violation type of the
// published decisions (of at most maxExample characters; ties go to the
// shorter, then the first in character order), else the first service
// item's name, else "". Either is in a record's title, so the query finds
// that record.
func (s *Site) SearchExample() string {
	count := map[string]int{}
	for i := range s.Cases {
		v := strings.TrimSpace(s.Cases[i].Violation)
		if v != "" && utf8.RuneCountInString(v) <= maxExample {
			count[v]++
		}
	}
	best := ""
	for v, n := range count {
		switch b := count[best]; {
		case best == "", n > b,
			n == b && utf8.RuneCountInString(v) < utf8.RuneCountInString(best),
			n == b && utf8.RuneCountInString(v) == utf8.RuneCountInString(best) && v < best:
			best = v
		}
	}
	if best != "" {
		return best
	}
	for i := range s.Services {
		if n := strings.TrimSpace(s.Services[i].Name); n != "" && utf8.RuneCountInString(n) <= maxExample {
			return n
		}
	}
	return ""
}
