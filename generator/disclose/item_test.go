package disclose

import (
	"strings"
	"testing"

	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/records"
)

// licenceItem is a licence as read, with the cells given by field key.
func licenceItem(cells map[string]string) records.Item {
	k := records.LicenceKind
	it := records.Item{Kind: k.Name, Pos: diag.Pos{File: "data/licences/a.csv", Row: 2}, Values: make([]string, len(k.Fields))}
	for i := range k.Fields {
		it.Values[i] = cells[k.Fields[i].Key]
	}
	it.ID = records.HashID(cells["authority"], cells["doc_no"])
	return it
}

// TestItemsMaskAsDecisions publishes licences whose party is a natural
// person in the ways exports give one: an ID number in the credit-code
// column with no class, an ID number as the document number, a status
// written 已注销.
func TestItemsMaskAsDecisions(t *testing.T) {
	id := idFor("1980-02-03", 3)
	base := map[string]string{"authority": "青溪镇人民政府", "date": "2026-05-01", "status": "有效", "category": "普通", "doc_name": "决定书", "content": "同意"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	set := &records.Set{Items: []records.Item{
		licenceItem(with("holder", "刘德明", "credit_code", id, "doc_no", "许〔2026〕1号", "content", "刘德明翻建住宅")),
		licenceItem(with("holder", "王小二", "holder_class", "自然人", "doc_no", id, "content", "健康证明")),
		licenceItem(with("holder", "注销商店", "holder_class", "法人及非法人组织", "doc_no", "许〔2026〕3号", "status", "已注销")),
	}}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	items := res.Items["licences"]
	if len(items) != 2 || len(res.ItemsWithdrawn["licences"]) != 1 {
		t.Fatalf("published %d, withdrew %d; want 2 and 1", len(items), len(res.ItemsWithdrawn["licences"]))
	}
	for _, it := range items {
		if it.Class != records.PartyPerson {
			t.Errorf("%s: class %v, want a natural person", it.Get("holder"), it.Class)
		}
		for i, v := range it.Values {
			if strings.Contains(v, id) || strings.Contains(v, "刘德明") || strings.Contains(v, "王小二") {
				t.Errorf("field %s publishes %q", it.Kind.Fields[i].Key, v)
			}
		}
	}
	sc := res.Scanner()
	for _, it := range items {
		if leaks := sc.Scan("page", []byte(strings.Join(it.Values, "\n"))); len(leaks) > 0 {
			t.Errorf("the gate finds %v in what is published", leaks)
		}
	}
	if leaks := sc.Scan("page", []byte("许可编号 "+id)); len(leaks) == 0 {
		t.Error("the gate does not look for the ID number used as a 许可编号")
	}
}
