package disclose

import (
	"strings"
	"testing"
)

func TestMaskName(t *testing.T) {
	tests := []struct{ in, mask, want string }{
		{"张三丰", "某某", "张某某"},
		{"欧阳修文", "某某", "欧阳某某"},
		{"欧阳修", "某某", "欧阳某某"},
		{"欧阳", "某某", "欧某某"},
		{"司马光", "*", "司马*"},
		{"李四", "*", "李*"},
		{"王五、赵六", "某某", "王某某、赵某某"},
		{"张 三 丰", "某某", "张某某"},
		{"阿依古丽·买买提", "某某", "阿某某"},
		{" 李四 ", "", "李某某"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := MaskName(tt.in, tt.mask); got != tt.want {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

func TestScrub(t *testing.T) {
	tests := []struct{ in, want string }{
		{"当事人张三丰在青石路摆摊", "当事人张某某在青石路摆摊"},
		{"“张三丰”，张三丰。张三丰！(张三丰)", "“张某某”，张某某。张某某！(张某某)"},
		{"当事人张 三 丰拒不改正", "当事人张某某拒不改正"},
		{"当事人欧阳明月与张三丰", "当事人欧阳某某与张某某"},
		{"身份证11010519491231002x，电话139 1234 5678", "身份证[身份证号已隐去]，电话[电话已隐去]"},
		{"身份证号110105 19491231 002X。", "身份证号[身份证号已隐去]。"},
		{"身份证号110105-1949-1231-002X", "身份证号[身份证号已隐去]"},
		{"旧身份证号110105491231002", "旧身份证号[身份证号已隐去]"},
		{"手机13912345678", "手机[电话已隐去]"},
		{"手机139-1234-5678。", "手机[电话已隐去]。"},
		{"手机+86 13912345678", "手机[电话已隐去]"},
		{"手机１３９１２３４５６７８", "手机[电话已隐去]"},
		{"联系电话0571-88886666。", "联系电话[电话已隐去]。"},
		{"电话（0571）88886666", "电话（[电话已隐去]"},
		{"联系电话：8888 6666", "联系电话：[电话已隐去]"},
		{"账号6222 0212 3456 7890 123", "账号[账号已隐去]"},
		{"账号6222021234567890", "账号[账号已隐去]"},
		{"2024-01-10罚款2000元", "2024-01-10罚款2000元"},
		{"2024年1月10日13时", "2024年1月10日13时"},
		{"罚款2000-3000元", "罚款2000-3000元"},
		{"2024-01-10 13912345678", "2024-01-10 [电话已隐去]"},
		{"依据第12条第3款", "依据第12条第3款"},
		{"手机+86 137 1234 5671。", "手机[电话已隐去]。"},
		{"手机(+86)13712345671", "手机[电话已隐去]"},
		{"手机（+86）137-1234-5671", "手机[电话已隐去]"},
		{"手机0086 137 1234 5671", "手机[电话已隐去]"},
		{"手机86-13712345671", "手机[电话已隐去]"},
		{"手机136.1234.5672", "手机[电话已隐去]"},
		{"手机136·1234·5672", "手机[电话已隐去]"},
		{"手机136\n1234\r\n5672", "手机[电话已隐去]"},
		{"手机136<br>1234<br />5672", "手机[电话已隐去]"},
		{"手机１３６－１２３４－５６７２", "手机[电话已隐去]"},
		{"身份证号１１０１０５１９４９１２３１００２Ｘ", "身份证号[身份证号已隐去]"},
		{"身份证号1101 0519 4912 3100 2X", "身份证号[身份证号已隐去]"},
		{"电话0571-88886666转123，", "电话[电话已隐去]，"},
		{"电话(0571)88886666", "电话([电话已隐去]"},
		{"卡号6212 2622 0101 2345 674", "卡号[账号已隐去]"},
		{"6212-2622-0101-2345-676", "[账号已隐去]"},
		{"6212-2622-0101-2345-675", "[账号已隐去]"},
		{"4111 1111 1111 1111", "[账号已隐去]"},
		{"20240101 20241231", "20240101 20241231"},
		{"2023.11.15-2024.11.14", "2023.11.15-2024.11.14"},
		{"清溪综执罚〔2024〕12号", "清溪综执罚〔2024〕12号"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, _ := Scrub(tt.in, []string{"张三丰", "欧阳明月"}, "某某"); got != tt.want {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

func TestScrubLongerNameFirst(t *testing.T) {
	got, _ := Scrub("张三与张三丰", []string{"张三", "张三丰"}, "*")
	if got != "张*与张*" {
		t.Errorf("got %q", got)
	}
}

func TestLooksLikePersonName(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"张三", true}, {"欧阳修文", true}, {"阿依古丽·买买提", true},
		{"青溪镇张三小吃店", false}, {"某某有限公司", false}, {"清溪农机合作社", false},
		{"青溪镇便民服务中心", false}, {"张三五金店", false}, {"ABC", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := looksLikePersonName(tt.in); got != tt.want {
				t.Errorf("got %v", got)
			}
		})
	}
}

func FuzzScrub(f *testing.F) {
	for _, s := range []string{"当事人张三丰，身份证11010519491231002x", "电话 139 1234 5678", "（0571）88886666", "6222 0212 3456 7890 123", "１３９１２３４５６７８", "+86 139·1234·5678", "110105<br>19491231\r\n002X", "(+86)139-1234-5678转12"} {
		f.Add(s, "张三丰")
	}
	gate := NewScanner(nil)
	f.Fuzz(func(t *testing.T, text, name string) {
		got, _ := Scrub(text, []string{name}, "某某")
		if ContainsID(got) {
			t.Errorf("a valid ID survives: %q → %q", text, got)
		}
		// Whatever the gate finds by pattern, Scrub removes.
		if l := gate.Scan("f", []byte(got)); len(l) > 0 {
			t.Errorf("the gate finds %v: %q → %q", l, text, got)
		}
		if n := []rune(strings.Join(strings.Fields(name), "")); len(n) >= 2 && !isMasked(string(n)) && !strings.ContainsAny(string(n), nameSeparators) && strings.Contains(got, string(n)) {
			// The name may be rebuilt from its own mask (a name "张某" is
			// skipped) or from text around a replacement; only report when
			// it survives without any masking around it.
			if !strings.Contains(text, string(n)) {
				return
			}
			if !strings.Contains(strings.ReplaceAll(got, MaskName(string(n), "某某"), ""), string(n)) {
				return
			}
			t.Errorf("name %q survives: %q → %q", n, text, got)
		}
	})
}
