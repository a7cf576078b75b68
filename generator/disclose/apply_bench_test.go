package disclose

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"gongshi/generator/config"
	"gongshi/generator/records"
)

// benchFacts are sentences as decisions' facts hold them: most name no one
// but the party, some name other people, addresses and numbers.
var benchFacts = []string{
	"经查，当事人于2024年5月6日10时许在青溪镇中心街38号门前占道经营，影响市容环境卫生。",
	"执法人员出示执法证件，表明身份，对现场进行了检查并拍照取证。",
	"依据《浙江省城镇市容和环境卫生管理条例》第二十条第一款的规定，责令当事人立即改正。",
	"当事人在规定期限内未改正，其行为违反了上述规定。",
	"证人李大华、王小明均证实上述事实。",
	"当事人家住青溪镇柳湾村5组3号，联系电话139 1234 5678。",
	"当事人驾驶浙A12345号小型轿车在人行道停放。",
	"罚款人民币贰仟元整，于2024-03-20前缴纳。",
}

// benchCases returns n decisions, one in three an organisation's.
func benchCases(n int) []records.Case {
	r := rand.New(rand.NewPCG(7, 8))
	out := make([]records.Case, n)
	for i := range out {
		var facts strings.Builder
		for range 4 {
			facts.WriteString(benchFacts[r.IntN(len(benchFacts))])
		}
		c := records.Case{
			Pos: pos(i + 2), PartyName: randName(r), PartyClass: records.PartyPerson,
			IDNumber: randID(r), Phone: randMobile(r), Address: "青溪镇幸福村3组27号",
			DecisionNo: fmt.Sprintf("清溪综执罚〔2025〕%d号", i), Authority: "青溪镇综合行政执法队",
			Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"),
			Violation: "未经许可占道经营", Facts: facts.String(), Basis: benchFacts[2], Content: "罚款2000元",
		}
		if i%3 == 0 {
			c.PartyName, c.PartyClass, c.LegalRep, c.CreditCode = fmt.Sprintf("青溪镇宏达%d有限公司", i), records.PartyOrg, randName(r), "91350100M000100Y43"
		}
		out[i] = c
	}
	return out
}

func BenchmarkApply10k(b *testing.B) {
	set := &records.Set{Cases: benchCases(10000)}
	cfg := config.Default().Disclosure
	for b.Loop() {
		Apply(set, cfg, day("2026-06-01"))
	}
}
