package disclose

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

type freeTextCase struct {
	line     int
	person   bool
	in, want string
}

func readFreeTextCorpus(t *testing.T) []freeTextCase {
	t.Helper()
	f, err := os.Open("testdata/freetext.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []freeTextCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		parts := strings.Split(l, "\t")
		if len(parts) != 3 || parts[0] != "p" && parts[0] != "o" {
			t.Fatalf("testdata/freetext.txt:%d: want p|o, input and output split by tabs", n)
		}
		c := freeTextCase{line: n, person: parts[0] == "p", in: parts[1], want: parts[2]}
		if c.want == "=" {
			c.want = c.in
		}
		out = append(out, c)
	}
	return out
}

// maskCorpusLine masks a line as publish masks a free-text field: the
// persons it names, then numbers and every name found.
func maskCorpusLine(c freeTextCase) string {
	o := freeTextOptions{mask: "某某", person: c.person}
	if !c.person {
		o.keep = []string{"陈建国"}
	}
	s, f := maskFreeText(c.in, o)
	out, _ := Scrub(s, f.names, "某某")
	return out
}

// maskedSpans returns the spans of in that out does not keep. A span is a
// maximal run of characters of in that are left out of the longest common
// subsequence of in and out (by characters; of equally long ones, the one
// the dynamic programme below picks, the same for every output). Each span
// is given as start and end character offsets in in.
func maskedSpans(in, out string) [][2]int {
	a, b := []rune(in), []rune(out)
	// l[i][j] is the length of the LCS of a[i:] and b[j:].
	l := make([][]int, len(a)+1)
	for i := range l {
		l[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	kept := make([]bool, len(a))
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			kept[i] = true
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	var spans [][2]int
	for i := 0; i < len(a); i++ {
		if kept[i] {
			continue
		}
		j := i
		for j < len(a) && !kept[j] {
			j++
		}
		spans = append(spans, [2]int{i, j})
		i = j
	}
	return spans
}

// TestFreeTextCorpus masks every line of testdata/freetext.txt and measures
// precision and recall over masked spans: a span masked by both the
// expected and the actual output counts as found; precision is found spans
// over the spans masked, recall found spans over the spans expected.
func TestFreeTextCorpus(t *testing.T) {
	cases := readFreeTextCorpus(t)
	if len(cases) < 50 {
		t.Fatalf("the corpus has %d lines, want 50 or more", len(cases))
	}
	found, masked, expected, exact := 0, 0, 0, 0
	for _, c := range cases {
		got := maskCorpusLine(c)
		if got == c.want {
			exact++
		} else {
			t.Logf("testdata/freetext.txt:%d:\n in   %s\n got  %s\n want %s", c.line, c.in, got, c.want)
		}
		gs, ws := maskedSpans(c.in, got), maskedSpans(c.in, c.want)
		want := map[[2]int]bool{}
		for _, s := range ws {
			want[s] = true
		}
		for _, s := range gs {
			if want[s] {
				found++
			}
		}
		masked += len(gs)
		expected += len(ws)
	}
	precision, recall := 1.0, 1.0
	if masked > 0 {
		precision = float64(found) / float64(masked)
	}
	if expected > 0 {
		recall = float64(found) / float64(expected)
	}
	t.Logf("%d lines, %d exact; spans: %d expected, %d masked, %d right; precision %.3f, recall %.3f", len(cases), exact, expected, masked, found, precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f and recall %.3f, want both at least 0.95", precision, recall)
	}
}

func TestMaskedSpans(t *testing.T) {
	tests := []struct {
		in, out string
		want    [][2]int
	}{
		{"证人李大华称", "证人李某某称", [][2]int{{3, 5}}},
		{"家住柳湾村5组3号。", "家住柳湾村…。", [][2]int{{5, 9}}},
		{"无", "无", nil},
	}
	for _, tt := range tests {
		got := maskedSpans(tt.in, tt.out)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: %v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

func FuzzMaskFreeText(f *testing.F) {
	for _, c := range []string{"证人李大华、王小明均证实", "家住青溪镇柳湾村5组3号", "账号：6228 4801 2345", "驾驶浙A·D12345", "李大华（身份证号", "，住"} {
		f.Add(c, true)
	}
	f.Fuzz(func(t *testing.T, text string, person bool) {
		got, found := maskFreeText(text, freeTextOptions{person: person})
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Errorf("%q → invalid UTF-8 %q", text, got)
		}
		for _, n := range found.names {
			if !strings.Contains(text, n) {
				t.Errorf("%q: found name %q is not in the text", text, n)
			}
		}
		if len(found.names)+len(found.addresses)+len(found.accounts)+len(found.plates) == 0 && got != text {
			t.Errorf("%q → %q with nothing found", text, got)
		}
	})
}
