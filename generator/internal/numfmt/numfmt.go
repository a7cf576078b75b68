// Package numfmt formats figures the one way every page, table and headline
// shows them: thousands separated by commas, at most two decimals, rounded
// half away from zero, trailing zeros dropped.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Group inserts thousands separators into a run of digits with an optional
// leading minus sign: "-1234567" → "-1,234,567".
func Group(digits string) string {
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3 + 1)
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// Number formats v: "1,234", "98.5", "-0.25".
func Number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	v = math.Round(v*100) / 100
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	ip, fp, _ := strings.Cut(s, ".")
	if fp != "" {
		return Group(ip) + "." + fp
	}
	return Group(ip)
}
