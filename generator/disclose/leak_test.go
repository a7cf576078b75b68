package disclose

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/records"
)

func pos(row int) diag.Pos { return diag.Pos{File: "data/cases/a.csv", Row: row} }

func TestScannerFinds(t *testing.T) {
	id := "11010519491231002X"
	secrets := []Secret{
		{Value: "张三丰", Kind: SecretName, Src: pos(2)},
		{Value: "李明", Kind: SecretName, Src: pos(3)},
		{Value: "欧阳", Kind: SecretName, Src: pos(4)},
		{Value: id, Kind: SecretID, Src: pos(2)},
		{Value: "青溪镇幸福村3组27号", Kind: SecretAddress, Src: pos(2)},
		{Value: "0571-88886666", Kind: SecretPhone, Src: pos(5)},
	}
	sc := NewScannerPublic(secrets, []string{"李明亮五金店", "咨询电话13700001111"})
	tests := []struct {
		name    string
		content string
		want    []string // kind@row
	}{
		{"name in html", "<p>当事人张三丰。</p>", []string{"姓名@2"}},
		{"name split by spaces", "<td>张 三 丰</td>", []string{"姓名@2"}},
		{"name next to markup", "<td>张三丰</td><td>李明</td>", []string{"姓名@2", "姓名@3"}},
		{"masked forms are fine", "张某某 张* 李某某 欧阳某某 欧某某", nil},
		{"public string covers a name", "李明亮五金店", nil},
		{"name inside another word", "李明亮路", []string{"姓名@3"}},
		{"valid ID, lower-case x", `{"x":"11010519491231002x"}`, []string{"身份证号@2"}},
		{"valid ID unknown", "110105199003071234" + "", nil},
		{"mobile", "电话13912345678，", []string{"手机号@0"}},
		{"mobile public", "咨询电话13700001111", nil},
		{"mobile inside a longer run", "订单8613912345678", nil},
		{"mobile inside a hash", "style.a9f13912345678cd0e.css", nil},
		{"address", "住青溪镇幸福村3组 27号", []string{"地址@2"}},
		{"phone verbatim", "0571-88886666", []string{"电话@5"}},
		{"full-width digits", "０５７１-８８８８６６６６", []string{"电话@5"}},
	}
	// A valid ID that no record holds.
	other := idFor("1990-03-07", 123)
	tests[7].content, tests[7].want = "x"+other+"y", []string{"身份证号@0"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range sc.Scan("f.html", []byte(tt.content)) {
				got = append(got, fmt.Sprintf("%s@%d", l.Kind, l.Src.Row))
				if strings.Contains(l.String(), "张三") || strings.Contains(l.String(), "1101051949") {
					t.Errorf("leak report prints the secret: %s", l)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v want %v", got, tt.want)
			}
		})
	}
}

func TestScannerLineAndString(t *testing.T) {
	sc := NewScanner([]Secret{{Value: "张三丰", Kind: SecretName, Src: pos(7)}, {Value: "张三丰", Kind: SecretName, Src: pos(9)}})
	leaks := sc.Scan("cases/x/index.html", []byte("a\nb\n<p>张三丰</p>"))
	if len(leaks) != 1 {
		t.Fatalf("%v", leaks)
	}
	if got, want := leaks[0].String(), "cases/x/index.html:3: leak: 姓名 (from data/cases/a.csv:7 and 1 other records)"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

// TestGateCatchesLeakPastMasking builds a result, renders it the way a
// site would, plants a secret past the masking step, and scans.
func TestGateCatchesLeakPastMasking(t *testing.T) {
	set := &records.Set{Cases: []records.Case{
		{Pos: pos(2), PartyName: "张三丰", PartyClass: records.PartyPerson, IDNumber: "11010519491231002X", Phone: "13912345678", DecisionNo: "A1", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"), Facts: "张三丰（身份证11010519491231002X，电话13912345678）占道经营"},
		{Pos: pos(3), PartyName: "青溪镇宏达有限公司", CreditCode: "91350100M000100Y43", LegalRep: "陈建国", DecisionNo: "A2", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01")},
	}}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	fsys := fstest.MapFS{}
	for _, c := range res.Cases {
		fsys["cases/"+c.ID+"/index.html"] = &fstest.MapFile{Data: fmt.Appendf(nil, "<h1>%s</h1><p>%s</p><p>%s %s</p>", c.PartyName, c.Facts, c.LegalRep, c.CreditCode)}
	}
	sc := res.Scanner()
	if leaks, err := sc.ScanFS(fsys); err != nil || len(leaks) != 0 {
		t.Fatalf("clean build: leaks %v, err %v", leaks, err)
	}
	// A template bug prints the raw record.
	fsys["search/shard-0.json"] = &fstest.MapFile{Data: []byte(`[{"t":"张三丰","p":"13912345678"}]`)}
	fsys["sitemap.xml"] = &fstest.MapFile{Data: []byte("<url>11010519491231002X</url>")}
	got := scanFS(t, sc, fsys)
	want := []string{
		"search/shard-0.json:1: leak: 姓名 (from data/cases/a.csv:2)",
		"search/shard-0.json:1: leak: 手机号 (from data/cases/a.csv:2)",
		"sitemap.xml:1: leak: 身份证号 (from data/cases/a.csv:2)",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳", "司马", "诸葛"}
	given    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红")
	fillers  = []string{"当事人", "于", "在青石路", "，", "。", "（", "）", "“", "”", " ", "经查", "罚款2000元", "2024-01-10", "第12条", "\n", "、", "：", "电话", "身份证号"}
)

func randName(r *rand.Rand) string {
	n := surnames[r.IntN(len(surnames))]
	for range 1 + r.IntN(2) {
		n += string(given[r.IntN(len(given))])
	}
	return n
}

func randID(r *rand.Rand) string {
	id := idFor(fmt.Sprintf("%04d-%02d-%02d", 1950+r.IntN(50), 1+r.IntN(12), 1+r.IntN(28)), r.IntN(1000))
	if r.IntN(3) == 0 {
		id = strings.ToLower(id)
	}
	return id
}

func randMobile(r *rand.Rand) string {
	return fmt.Sprintf("1%d%09d", 3+r.IntN(7), r.IntN(1e9))
}

// spell writes a number the way people type it.
func spell(r *rand.Rand, num string) string {
	switch r.IntN(4) {
	case 0:
		if len(num) == 11 {
			return num[:3] + " " + num[3:7] + " " + num[7:]
		}
		return num[:6] + " " + num[6:14] + " " + num[14:]
	case 1:
		if len(num) == 11 {
			return num[:3] + "-" + num[3:7] + "-" + num[7:]
		}
	}
	return num
}

func randText(r *rand.Rand, plant []string) string {
	var b strings.Builder
	for range 3 + r.IntN(8) {
		b.WriteString(fillers[r.IntN(len(fillers))])
		if r.IntN(3) == 0 && len(plant) > 0 {
			b.WriteString(plant[r.IntN(len(plant))])
		}
	}
	return b.String()
}

// TestPropertyNothingPlantedSurvives plants random personal data in every
// text field of random records and checks that nothing planted reaches the
// published cases, and that the gate finds nothing in them.
func TestPropertyNothingPlantedSurvives(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 42))
		var set records.Set
		for i := range 40 {
			name, id, mob := randName(r), randID(r), randMobile(r)
			plant := []string{name, spell(r, id), spell(r, mob), "（" + name + "）", name + "。"}
			c := records.Case{
				Pos:        pos(i + 2),
				PartyName:  name,
				PartyClass: []records.PartyClass{records.PartyPerson, records.PartyUnknown, records.PartySoleTrader}[r.IntN(3)],
				IDNumber:   id, Phone: mob,
				DecisionNo: fmt.Sprintf("清溪综执罚〔2026〕%d号", i), Authority: "青溪镇综合行政执法队",
				Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"),
			}
			if c.PartyClass == records.PartySoleTrader {
				c.LegalRep = name
				c.PartyName = "青溪镇" + name + "小吃店"
			}
			c.Violation, c.Facts, c.Content, c.Remarks, c.Licence = randText(r, plant), randText(r, plant), randText(r, plant), randText(r, plant), randText(r, plant)
			c.Basis = randText(r, plant)
			c.Extra = []records.Extra{{Name: "检查情况", Value: randText(r, plant)}, {Name: "联系人", Value: randName(r)}}
			set.Cases = append(set.Cases, c)
		}
		res, _ := Apply(&set, config.Default().Disclosure, day("2026-06-01"))
		if len(res.Cases) == 0 {
			t.Fatalf("seed %d: nothing published", seed)
		}
		var out strings.Builder
		for _, c := range res.Cases {
			fmt.Fprintf(&out, "%+v\n", c)
		}
		published := out.String()
		for _, c := range set.Cases {
			for _, v := range []string{c.IDNumber, strings.ToUpper(c.IDNumber), c.Phone, c.IDNumber[6:14] + c.IDNumber[14:]} {
				if strings.Contains(published, v) {
					t.Errorf("seed %d: %s's number survives", seed, c.Pos)
				}
			}
		}
		if leaks := res.Scanner().Scan("cases.txt", []byte(published)); len(leaks) > 0 {
			t.Errorf("seed %d: gate finds %v", seed, leaks)
		}
	}
}

func FuzzScanner(f *testing.F) {
	f.Add("<p>张三丰 11010519491231002x 13912345678</p>", "张三丰")
	f.Add("张某某", "张三")
	f.Fuzz(func(t *testing.T, content, name string) {
		sc := NewScanner([]Secret{{Value: name, Kind: SecretName, Src: pos(2)}})
		for _, l := range sc.Scan("f", []byte(content)) {
			if l.Line < 1 || l.File != "f" {
				t.Errorf("bad leak %+v", l)
			}
		}
		// A secret is a decoded cell, so valid UTF-8 (ingest replaces what
		// is not), and the scanner compares characters: a name cut inside a
		// character matches no text.
		k := foldKey(name)
		if len([]rune(k)) < 2 || isMasked(k) || !utf8.ValidString(name) || !strings.Contains(content, name) {
			return
		}
		// A compound surname inside its own masked form (欧阳 in 欧阳某某)
		// is another person's mask, accepted by design (see Scanner).
		if slices.Contains(compoundSurnames, k) {
			rest := foldKey(content)
			for _, m := range []string{"某", "*"} {
				rest = strings.ReplaceAll(rest, k+m, "|")
			}
			if !strings.Contains(rest, k) {
				return
			}
		}
		if len(sc.Scan("f", []byte(content))) == 0 {
			t.Errorf("secret %q in %q not found", name, content)
		}
	})
}

// eachDigitRunRef is eachDigitRun parsing the whole text as one stretch:
// the reference.
func eachDigitRunRef(b []byte, fn func(start, end int) bool) {
	var r numRun
	eachChainIn(b, 0, len(b), &r, fn)
}

func digitRuns(each func([]byte, func(int, int) bool), b []byte, stopAfter int) [][2]int {
	var out [][2]int
	each(b, func(s, e int) bool {
		out = append(out, [2]int{s, e})
		return len(out) < stopAfter
	})
	return out
}

func FuzzEachDigitRun(f *testing.F) {
	for _, s := range []string{"", "13800138000", "a13800138000b", "1234567890", "12345678901234567890x13800138000", "身份证110101199003071234号", "0000000000000000000000", "+86 138 0013 8000", "１３８００１３８０００", "110101<br>19900307<br />1234", "138·0013·8000\r\n"} {
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, b []byte, stop int) {
		stop = 1 + stop&7
		if got, want := digitRuns(eachDigitRun, b, stop), digitRuns(eachDigitRunRef, b, stop); !slices.Equal(got, want) {
			t.Errorf("%q: runs %v, want %v", b, got, want)
		}
	})
}

// TestEachDigitRunAgainstReference strings digit runs of every length
// around the probe spacing together with other bytes, at random.
func TestEachDigitRunAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b []byte
		others := []string{"a", "b", "-", "号", "X", "\n", " ", "<br>", "·", "\u3000", "－", "r", "<", "１", "９"}
		for range rng.IntN(12) {
			for range rng.IntN(2*minDigitRun + 3) {
				b = append(b, byte('0'+rng.IntN(10)))
			}
			for range rng.IntN(4) {
				b = append(b, others[rng.IntN(len(others))]...)
			}
		}
		stop := 1 + rng.IntN(6)
		if got, want := digitRuns(eachDigitRun, b, stop), digitRuns(eachDigitRunRef, b, stop); !slices.Equal(got, want) {
			t.Fatalf("%q: runs %v, want %v", b, got, want)
		}
	}
}

// TestDecode3 compares decode3 with utf8.DecodeRune on every three bytes
// that start with a three-byte lead, and on shorter tails.
func TestDecode3(t *testing.T) {
	b := make([]byte, 3)
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := range 256 {
			for b2 := range 256 {
				b[0], b[1], b[2] = byte(b0), byte(b1), byte(b2)
				r, n := decode3(b, 0)
				wr, wn := utf8.DecodeRune(b)
				if n != 0 && (r != wr || n != wn) {
					t.Fatalf("% x: decode3 gives %U/%d, utf8.DecodeRune %U/%d", b, r, n, wr, wn)
				}
				if n == 0 && wn == 3 && b1 >= 0x80 && b1 < 0xC0 && b2 >= 0x80 && b2 < 0xC0 && (wr >= 0x800 && (wr < 0xD800 || wr > 0xDFFF)) {
					t.Fatalf("% x: decode3 declines a character utf8.DecodeRune takes", b)
				}
			}
		}
	}
	if _, n := decode3([]byte("中")[:2], 0); n != 0 {
		t.Error("decode3 decodes a cut character")
	}
}

// scanFS scans fsys and returns its leaks as strings.
func scanFS(t *testing.T, sc *Scanner, fsys fs.FS) []string {
	t.Helper()
	leaks, err := sc.ScanFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range leaks {
		got = append(got, l.String())
	}
	return got
}
