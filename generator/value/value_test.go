package value

import (
	"encoding/json"
	"testing"
	"time"

	"golang.org/x/text/width"
)

func TestParseDate(t *testing.T) {
	want := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2025-04-12", "2025/4/12", "2025.04.12", "2025年4月12日", "20250412", "2025-04-12 10:30:00", "２０２５－０４－１２", "45759"} {
		t.Run(s, func(t *testing.T) {
			got, err := ParseDate(s)
			if err != nil || !got.Equal(want) {
				t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
			}
		})
	}
	for _, s := range []string{"2025-13-40", "2025-02-30", "abc", "2025/4"} {
		t.Run("bad "+s, func(t *testing.T) {
			if _, err := ParseDate(s); err == nil {
				t.Errorf("ParseDate(%q) succeeded", s)
			}
		})
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		s, unit string
		want    Money
	}{
		{"0.2", "万元", 200000},
		{"1.2万元", "", 1200000},
		{"12,000.00", "元", 1200000},
		{"人民币12000元", "万元", 1200000},
		{"壹万贰仟元整", "", 1200000},
		{"２０００", "元", 200000},
		{"五百元", "", 50000},
		{"十二元", "", 1200},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			got, err := ParseAmount(tt.s, tt.unit)
			if err != nil || got != tt.want {
				t.Errorf("ParseAmount(%q, %q) = %d, %v; want %d", tt.s, tt.unit, got, err, tt.want)
			}
		})
	}
}

func TestMoneyString(t *testing.T) {
	for m, want := range map[Money]string{200000: "2,000元", 123456: "1,234.56元", 5: "0.05元", 100000000: "1,000,000元"} {
		if got := m.String(); got != want {
			t.Errorf("%d: got %q want %q", m, got, want)
		}
	}
}

func TestParseMonth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		year int
	}{{"2025-03", 0}, {"2025年3月", 0}, {"202503", 0}, {"3月", 2025}, {"2025/3", 0}, {"2025.03", 0}} {
		t.Run(tt.s, func(t *testing.T) {
			got, err := ParseMonth(tt.s, tt.year)
			if err != nil || got != "2025-03" {
				t.Errorf("ParseMonth(%q) = %q, %v", tt.s, got, err)
			}
		})
	}
}

func TestSplitList(t *testing.T) {
	got := SplitList("1.居民身份证（原件）\n2.户口簿（原件）\n（3）照片")
	want := []string{"居民身份证（原件）", "户口簿（原件）", "照片"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d: got %q want %q", i, got[i], want[i])
		}
	}
}

func TestFoldWidthIsWidthFold(t *testing.T) {
	for b := range 0x80 {
		s := string(rune(b))
		if got := width.Fold.String(s); got != s {
			t.Fatalf("width.Fold changes ASCII %q to %q: FoldWidth's shortcut is wrong", s, got)
		}
	}
	for _, s := range []string{"", "abc 123", "９１３３０１", "（２０２５）", "ｶﾀｶﾅ", "〔2025〕12号", "\xff\xfe"} {
		if got, want := FoldWidth(s), width.Fold.String(s); got != want {
			t.Errorf("FoldWidth(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestTableEncodesAsJSON(t *testing.T) {
	tb := Table{File: "data/cases/a.csv", Format: "csv", Rest: func(int) (int, bool) { return 0, false }}
	if _, err := json.Marshal(tb); err != nil {
		t.Errorf("a table with a row estimate: %v", err)
	}
}
