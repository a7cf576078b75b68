package disclose

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestRulesFindsNoMoreThan(t *testing.T) {
	name := func(v string) Secret { return Secret{Value: v, Kind: SecretName} }
	base := []Secret{name("张三丰"), name("李明")}
	basePublic := []string{"青溪镇李明烧烤店", "13900001111"}
	tests := []struct {
		name    string
		secrets []Secret
		public  []string
		want    bool
	}{
		{"the same", base, basePublic, true},
		{"a secret fewer", base[1:], basePublic, true},
		{"a secret fewer, and with it an excuse", base[:1], basePublic, false},
		{"an excuse more", base, append(basePublic, "张三丰纪念馆"), true},
		{"a secret more", append(base, name("王小二")), basePublic, false},
		{"an excuse fewer", base, basePublic[1:], false},
		{"a public number fewer", base, basePublic[:1], false},
	}
	old := NewScannerPublic(base, basePublic).Rules()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NewScannerPublic(tc.secrets, tc.public).Rules().FindsNoMoreThan(old); got != tc.want {
				t.Errorf("FindsNoMoreThan = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestRulesPromise checks what FindsNoMoreThan promises on random scanners
// and texts: a text the old scanner passes, a scanner whose rules find no
// more passes too.
func TestRulesPromise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	names := []string{"张三", "李明", "王小二", "欧阳", "李明亮", "赵六"}
	publics := []string{"李明亮路", "张三餐馆", "王小二酒家", "欧阳某某", "13900001111", "11010519491231002X"}
	pick := func(from []string) []string {
		var out []string
		for _, s := range from {
			if r.IntN(2) == 0 {
				out = append(out, s)
			}
		}
		return out
	}
	type spec struct{ names, publics []string }
	scanner := func(sp spec) *Scanner {
		var secrets []Secret
		for _, n := range sp.names {
			secrets = append(secrets, Secret{Value: n, Kind: SecretName})
		}
		return NewScannerPublic(secrets, sp.publics)
	}
	// The next build's rules: mostly the old ones with a secret dropped or
	// an excuse added, which often find no more; sometimes unrelated.
	next := func(old spec) spec {
		if r.IntN(4) == 0 {
			return spec{pick(names), pick(publics)}
		}
		return spec{pick(old.names), append(append([]string(nil), old.publics...), pick(publics)...)}
	}
	pieces := append(append([]string{"，", "路", "村民", " "}, names...), publics...)
	checked := 0
	for range 800 {
		os := spec{pick(names), pick(publics)}
		old, cur := scanner(os), scanner(next(os))
		if !cur.Rules().FindsNoMoreThan(old.Rules()) {
			continue
		}
		for range 20 {
			var b strings.Builder
			for range 1 + r.IntN(6) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			text := b.String()
			if len(old.Scan("f", []byte(text))) > 0 {
				continue
			}
			checked++
			if leaks := cur.Scan("f", []byte(text)); len(leaks) > 0 {
				t.Fatalf("%q passes the old scanner but not one that finds no more: %v", text, leaks)
			}
		}
	}
	if checked < 2000 {
		t.Fatalf("only %d cases checked", checked)
	}
}

func TestRulesRoundTrip(t *testing.T) {
	r := NewScannerPublic([]Secret{{Value: "张三丰", Kind: SecretName}, {Value: "11010519491231002X", Kind: SecretID}}, []string{"张三丰纪念馆", "13900001111"}).Rules()
	b, err := r.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Rules
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(*r) || !got.FindsNoMoreThan(r) || !r.FindsNoMoreThan(&got) {
		t.Errorf("round trip: %v, want %v", got, *r)
	}
	for _, bad := range [][]byte{nil, b[:len(b)-1], append(append([]byte(nil), b...), 0)} {
		if (&Rules{}).UnmarshalBinary(bad) == nil {
			t.Errorf("decoded %d damaged bytes", len(bad))
		}
	}
}

// FuzzRulesUnmarshal: the rules file comes from the cache folder, which
// anything may have written; decoding never panics, and what decodes
// encodes back to the same bytes.
func FuzzRulesUnmarshal(f *testing.F) {
	b, _ := NewScanner([]Secret{{Value: "张三丰", Kind: SecretName}}).Rules().MarshalBinary()
	f.Add(b)
	f.Add([]byte(rulesMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Rules
		if r.UnmarshalBinary(data) != nil {
			return
		}
		again, _ := r.MarshalBinary()
		if string(again) != string(data) {
			t.Errorf("re-encoded differently")
		}
	})
}

func TestSeparates(t *testing.T) {
	plain := NewScanner([]Secret{{Value: "张三丰", Kind: SecretName}})
	odd := NewScanner([]Secret{{Value: "张<三丰", Kind: SecretAddress}})
	for _, tc := range []struct {
		s    *Scanner
		c    byte
		want bool
	}{{plain, '<', true}, {plain, '>', true}, {odd, '<', false}, {plain, ' ', false}, {plain, '7', false}, {plain, 'x', false}} {
		if got := tc.s.Separates(tc.c); got != tc.want {
			t.Errorf("Separates(%q) = %v, want %v", tc.c, got, tc.want)
		}
	}
}

// TestSievePromise checks what NewSince promises on random scanners and
// texts: a text the old gate passes and the sieve finds nothing in, the
// new gate passes too.
func TestSievePromise(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	names := []string{"张三", "李明", "王小二", "欧阳", "李明亮", "赵六"}
	publics := []string{"李明亮路", "张三餐馆", "王小二酒家", "欧阳某某", "13900001111", "11010519491231002X"}
	pick := func(from []string) []string {
		var out []string
		for _, s := range from {
			if r.IntN(2) == 0 {
				out = append(out, s)
			}
		}
		return out
	}
	gate := func(names, publics []string) *Gate {
		var secrets []Secret
		for _, n := range names {
			secrets = append(secrets, Secret{Value: n, Kind: SecretName})
		}
		return NewGate(NewScannerPublic(secrets, publics))
	}
	dir := t.TempDir()
	pieces := append(append([]string{"，", "路", "村民", " ", "<"}, names...), publics...)
	checked, sieved := 0, 0
	for i := range 300 {
		sum := fmt.Sprint(i)
		oldNames, oldPublics := pick(names), pick(publics)
		old := gate(oldNames, oldPublics)
		old.Remember(dir, sum)
		// The next month's rules: the old ones with names and excuses
		// added, or sometimes unrelated.
		newNames := append(append([]string(nil), oldNames...), pick(names)...)
		newPublics := append(append([]string(nil), oldPublics...), pick(publics)...)
		if r.IntN(4) == 0 {
			newNames, newPublics = pick(names), pick(publics)
		}
		cur := gate(newNames, newPublics)
		v := cur.NewSince(dir, sum)
		if v == nil {
			continue
		}
		sieved++
		for range 20 {
			var b strings.Builder
			for range 1 + r.IntN(6) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			text := []byte(b.String())
			if len(old.scanner.Scan("f", text)) > 0 || v.In(text) {
				continue
			}
			checked++
			if leaks := cur.scanner.Scan("f", text); len(leaks) > 0 {
				t.Fatalf("%q passes the old gate and the sieve but not the new gate: %v", text, leaks)
			}
		}
	}
	if sieved < 100 || checked < 1000 {
		t.Fatalf("only %d sieves, %d cases checked", sieved, checked)
	}
}
