package records_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"gongshi/generator/diag"
	"gongshi/generator/ingest"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// readServices reads a CSV export of service items.
func readServices(t *testing.T, csv string) (*records.Set, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{"data/services/s.csv": {Data: []byte(csv)}}
	set := &records.Set{}
	var dl diag.List
	_, rdl := ingest.Read(fsys, "data/services/s.csv", &records.ServiceKind.Schema, &dl, func(r value.Row) { records.ServiceKind.Add(set, r, &dl) })
	return set, append(rdl, dl...)
}

// TestServiceOnlineLink checks which 网办地址 cells become a link: absolute
// http and https addresses with a host only; anything else stays text and
// is warned about at its cell.
func TestServiceOnlineLink(t *testing.T) {
	tests := []struct {
		cell string
		link bool
	}{
		{"https://zwfw.example.gov.cn/item/QX-FW-0001", true},
		{"http://zwfw.example.gov.cn/bs?id=1&t=2", true},
		{"HTTPS://ZWFW.EXAMPLE.GOV.CN/", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"//zwfw.example.gov.cn/item", false},
		{"zwfw.example.gov.cn/item", false},
		{"/services/", false},
		{"https://", false},
		{"https:///path", false},
		{"https://user:pw@example.gov.cn/", false},
		{"https://example.gov.cn/a b", false},
		{"https://example.gov.cn/\"onmouseover=x", false},
		{"https://example.gov.cn/a\u3000b", false},
		{"ftp://example.gov.cn/", false},
		{"浙里办搜索“城乡居民养老保险”", false},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			cell := `"` + strings.ReplaceAll(tt.cell, `"`, `""`) + `"`
			set, dl := readServices(t, "事项名称,事项编码,是否网办,网办地址\n参保登记,QX-FW-0001,是,"+cell+"\n")
			if len(set.Services) != 1 {
				t.Fatalf("read %d items: %v", len(set.Services), dl)
			}
			s := set.Services[0]
			if s.OnlineURL != strings.TrimSpace(tt.cell) {
				t.Errorf("OnlineURL = %q, want the cell", s.OnlineURL)
			}
			if got := s.OnlineLink() != ""; got != tt.link {
				t.Errorf("OnlineLink() = %q, want a link: %v", s.OnlineLink(), tt.link)
			}
			warned := ""
			for _, d := range dl {
				if d.Code == "bad-url" {
					warned = d.String()
				}
			}
			if tt.link != (warned == "") {
				t.Errorf("warning %q for a link: %v", warned, tt.link)
			}
			if warned != "" && !strings.HasPrefix(warned, "data/services/s.csv:2:4: warning: 网办地址: ") {
				t.Errorf("warning %q: want it at the cell, row 2 column 4", warned)
			}
		})
	}
}

// TestServiceTripsContradictMaterials checks the warning for an item marked
// 不用跑 whose materials must be shown or handed in at the window: one
// warning an item, at its 申请材料 cell, naming the item and the first such
// material; originals sent as scans or photos, and items that need a visit,
// are not warned about.
func TestServiceTripsContradictMaterials(t *testing.T) {
	csv := "事项名称,申请材料,到办事现场次数\n" +
		"参保登记,\"1.居民身份证（原件，核验后退回）\n2.户口簿（原件，核验后退回）\n3.参保登记表（网上填报）\",0\n" +
		"信息变更,\"1.居民身份证（电子证照，网上核验）\n2.变更申请表（原件扫描件）\",0\n" +
		"待遇申领,\"1.申领表（原件1份）\",1\n" +
		"门诊认定,\"1.申请表（网上填报）\n2.病历（现场提交纸质材料）\",零次\n" +
		"次数不明,\"1.居民身份证（原件）\",\n"
	_, dl := readServices(t, csv)
	var got []string
	for _, d := range dl {
		if d.Code == "trips-originals" {
			got = append(got, d.String())
		}
	}
	want := []string{
		`data/services/s.csv:2:2: warning: 申请材料: "参保登记" is marked 不用跑 (到办事现场次数 0), but "居民身份证（原件，核验后退回）" asks for 原件 (and 1 more materials): a visit after all, or an original sent online?`,
		`data/services/s.csv:5:2: warning: 申请材料: "门诊认定" is marked 不用跑 (到办事现场次数 0), but "病历（现场提交纸质材料）" asks for 现场: a visit after all, or an original sent online?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzServiceOnlineLink checks that whatever a 网办地址 cell holds, the link
// made of it is an http(s) address with nothing that could end the
// attribute or start a script.
func FuzzServiceOnlineLink(f *testing.F) {
	for _, s := range []string{"https://zwfw.example.gov.cn/item/QX-FW-0001", "javascript:alert(1)", "http://a/b?c=d#e", "https://\u3000/", "HtTp://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		s := records.Service{OnlineURL: cell}
		link := s.OnlineLink()
		if link == "" {
			return
		}
		lower := strings.ToLower(link)
		if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") || strings.ContainsAny(link, " \t\r\n\"'<>\\") || link != cell {
			t.Errorf("OnlineLink(%q) = %q", cell, link)
		}
	})
}
