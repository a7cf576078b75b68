package disclose

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"gongshi/generator/config"
	"gongshi/generator/records"
)

// TestGatePatterns lists what the leak gate finds by pattern alone, with no
// secret known, and what it must let through.
func TestGatePatterns(t *testing.T) {
	tests := []struct {
		in   string
		want string // the kinds found, space-separated
	}{
		// Mobile numbers as people write them.
		{"电话13712345671。", "手机号"},
		{"+86 137 1234 5671", "手机号"},
		{"（+86）137-1234-5671", "手机号"},
		{"0086 137 1234 5671", "手机号"},
		{"+8613712345671", "手机号"},
		{"136-1234-5672", "手机号"},
		{"136 - 1234 - 5672", ""},
		{"330185000012345 · 139 · 1234", ""},
		{"136.1234.5672", "手机号"},
		{"136·1234·5672", "手机号"},
		{"136\u30001234\u30005672", "手机号"},
		{"1361234 5672", "手机号"},
		{"１３６１２３４５６７２", "手机号"},
		{"１３６－１２３４－５６７２", "手机号"},
		{"136 1234\u00a05672", "手机号"},
		{"2024-01-10 13912345678", "手机号"},
		// ID numbers.
		{"11010519491231002X", "身份证号"},
		{"11010519491231002x", "身份证号"},
		{"１１０１０５１９４９１２３１００２Ｘ", "身份证号"},
		{"１１０１０５１９４９１２３１００２ｘ", "身份证号"},
		{"110105 19491231 002X", "身份证号"},
		{"110105-1949-1231-002X", "身份证号"},
		{"1101 0519 4912 3100 2X", "身份证号"},
		{"110105．19491231．002X", "身份证号"},
		// Not personal data.
		{"清溪综执罚〔2024〕12号", ""},
		{"2024-01-10", ""},
		{"2024年1月10日13时45分", ""},
		{"2024-01-10T13:45:12+08:00", ""},
		{"2023.11.15-2024.11.14", ""},
		{"罚款13,912,345元", ""},
		{"罚款2000.00元，没收1391.23元", ""},
		{"91350100M000100Y43", ""},
		{"统一社会信用代码：12330100002512345X", ""},
		{"style.a9f13912345678cd0e.css", ""},
		{"/static/app.3fa9c1d21391234567.js", ""},
		{`{"id":"20240110139123456789","n":1391234567890}`, ""},
		{"订单8613912345678", ""},
		{"A1391234 5678", ""},
		{"1 2 3 4 5 6 7 8 9 10 11 12 13 14", ""},
		{"第1页 共13912页", ""},
		{"ISBN 978-7-111-12345-6", ""},
		{"110105194912310021", ""}, // bad checksum
		{"139 12 34 56 78", ""},
		{"1391234567", ""},
		// Rows of a built table on consecutive lines, decimals.
		{"2025-01,2413850\r\n2025-02,1636700\r\n2025-03,2808650\r\n", ""},
		{"1636700\t2025\n1391234\n5678", ""},
		{"<td>138<br>1234<br>5678</td>", ""},
		{"（138）（1234）（5678）", ""},
		{"经度131.12345678", ""},
		{"1391234.5678元", ""},
		{"139123456789", ""},
	}
	sc := NewScanner(nil)
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, l := range sc.Scan("f", []byte(tt.in)) {
				got = append(got, l.Kind)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("found %q, want %q", g, tt.want)
			}
			// Whatever the gate finds, Scrub removes.
			if out, _ := Scrub(tt.in, nil, "某某"); tt.want != "" && len(sc.Scan("f", []byte(out))) > 0 {
				t.Errorf("Scrub leaves %q", out)
			}
		})
	}
}

// TestGatePublicNumbersAnyForm checks that a number published on purpose
// is accepted however either side writes it.
func TestGatePublicNumbersAnyForm(t *testing.T) {
	sc := NewScannerPublic(nil, []string{"咨询电话：137 0000 1111"})
	for _, s := range []string{"13700001111", "137-0000-1111", "１３７００００１１１１", "+86 137 0000 1111"} {
		if l := sc.Scan("f", []byte(s)); len(l) > 0 {
			t.Errorf("%s: %v", s, l)
		}
	}
}

func TestHotCoversEveryNumberCharacter(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		b := []byte(string(r))
		_, dw := digitAt(b, 0)
		if dw+checkAt(b, 0)+sepAt(b, 0, sepsBuilt) == 0 {
			continue
		}
		for _, c := range b {
			if !hot[c] {
				t.Errorf("%U: byte %#x is not hot", r, c)
			}
		}
	}
}

func TestLuhn(t *testing.T) {
	for _, tt := range []struct {
		d    string
		want bool
	}{{"4111111111111111", true}, {"4111111111111112", false}, {"79927398713", true}, {"6212262201012345676", true}} {
		if got := luhn(tt.d); got != tt.want {
			t.Errorf("%s: %v", tt.d, got)
		}
	}
}

// TestScrubRemovesWhatGateFinds writes random text out of digits,
// separators and valid ID and mobile numbers in every form, and checks that
// the gate finds no pattern in what Scrub leaves.
func TestScrubRemovesWhatGateFinds(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"1", "3", "8", "0", " ", "-", ".", "·", "\n", "\r\n", "<br>", "（", "+86", "0086", "X", "x", "a", "号", "电话", "１", "３", "－", "\u3000", "转"}
	gate := NewScanner(nil)
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			switch rng.IntN(6) {
			case 0:
				b.WriteString(spell(rng, randMobile(rng)))
			case 1:
				b.WriteString(spell(rng, strings.ToUpper(randID(rng))))
			default:
				for range 1 + rng.IntN(6) {
					b.WriteString(pieces[rng.IntN(len(pieces))])
				}
			}
		}
		in := b.String()
		out, _ := Scrub(in, nil, "某某")
		if l := gate.Scan("f", []byte(out)); len(l) > 0 {
			t.Fatalf("%q → %q: the gate finds %v", in, out, l)
		}
	}
}

func TestDigitByteCoversEveryDigit(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		b := []byte(string(r))
		_, dw := digitAt(b, 0)
		if dw+checkAt(b, 0) == 0 {
			continue
		}
		if digitByte[b[len(b)-1]] != 1 {
			t.Errorf("%U: last byte %#x is not counted", r, b[len(b)-1])
		}
	}
}

// TestGateFindsNumbersPlantedInBuiltFiles plants numbers written as people
// write them in the files of a clean build, and checks the gate reports
// each, with the record it came from when a record holds it.
func TestGateFindsNumbersPlantedInBuiltFiles(t *testing.T) {
	set := &records.Set{Cases: []records.Case{
		{Pos: pos(2), PartyName: "张三丰", PartyClass: records.PartyPerson, IDNumber: "11010519491231002X", Phone: "13712345671", DecisionNo: "A1", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"), Facts: "证人李大华（电话+86 137 1234 5671）在场"},
	}}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	if got, want := res.Cases[0].Facts, "证人李某某（电话[电话已隐去]）在场"; got != want {
		t.Errorf("facts %q, want %q", got, want)
	}
	fsys := fstest.MapFS{}
	for _, c := range res.Cases {
		fsys["cases/"+c.ID+"/index.html"] = &fstest.MapFile{Data: fmt.Appendf(nil, "<h1>%s</h1><p>%s</p>", c.PartyName, c.Facts)}
	}
	sc := res.Scanner()
	if leaks, err := sc.ScanFS(fsys); err != nil || len(leaks) != 0 {
		t.Fatalf("clean build: leaks %v, err %v", leaks, err)
	}
	planted := map[string]string{
		"a.html":  "<p>+86 137 1234 5671</p>",
		"b.html":  "<p>137-1234-5671</p>",
		"c.html":  "<p>１３７１２３４５６７１</p>",
		"d.json":  `{"p":"１１０１０５１９４９１２３１００２Ｘ"}`,
		"e.html":  "<td>110105 19491231 002X</td>",
		"f.html":  "<td>110105-1949-1231-002x</td>",
		"g.xml":   "<d>136-1234-5672</d>",
		"h.html":  "<p>137·1234·5671</p>",
		"i.html":  "<p>证人李大华在场</p>",
		"j.html":  "<pre>137\n1234\n5671</pre>",
		"ok.html": "<p>清溪综执罚〔2024〕12号 2024-01-10 罚款2000元</p>",
	}
	for p, s := range planted {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	got := scanFS(t, sc, fsys)
	want := []string{
		"a.html:1: leak: 手机号 (from data/cases/a.csv:2)",
		"b.html:1: leak: 手机号 (from data/cases/a.csv:2)",
		"c.html:1: leak: 手机号 (from data/cases/a.csv:2)",
		"d.json:1: leak: 身份证号 (from data/cases/a.csv:2)",
		"e.html:1: leak: 身份证号 (from data/cases/a.csv:2)",
		"f.html:1: leak: 身份证号 (from data/cases/a.csv:2)",
		"g.xml:1: leak: 手机号 (matches no input record)",
		"h.html:1: leak: 手机号 (from data/cases/a.csv:2)",
		"i.html:1: leak: 姓名 (from data/cases/a.csv:2)",
		"j.html:1: leak: 电话 (from data/cases/a.csv:2)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// BenchmarkEachDigitRun is the gate's pattern search alone over the pages
// of BenchmarkScan50k.
func BenchmarkEachDigitRun(b *testing.B) {
	pages := benchPages(b)
	n := 0
	for b.Loop() {
		for _, p := range pages {
			eachDigitRun(p, func(int, int) bool { n++; return true })
		}
	}
	if n != 0 {
		b.Fatalf("%d spans in pages without numbers", n)
	}
}
