package sample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// registerFile is where the register is written, beside the power list.
const registerFile = "data/powers/权力事项调整记录.csv"

// registerHeader is the power-change register's layout (DESIGN.md §3.10),
// with who exercises an item taken back.
var registerHeader = []string{"事项编码", "事项名称", "子项名称", "调整类型", "调整日期", "调整文件", "调整理由", "承接单位"}

// Register sizes: the review that took back the penalty items never used,
// and a few items added and adjusted.
const (
	registerAdded    = 4
	registerAdjusted = 3
)

// writeRegister writes the power-change register beside the power list:
// every penalty item the enforcement team never uses (weight 0, so no
// decision of any seed uses it) taken back after a review five months
// before the end date, a few devolved items added when the county handed
// them down, and a few adjusted in the last year. The list keeps the items
// taken back: many towns export the list as it stood before the review.
func writeRegister(o *output, cat *catalogue, r *rand.Rand) (int, error) {
	review := time.Date(o.end.Year(), o.end.Month()-5, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1)
	reviewDoc := fmt.Sprintf("示县政发〔%d〕%d号", review.Year(), 20+r.IntN(30))
	var rows [][]string
	var added, adjusted []power
	for _, p := range cat.powers {
		switch {
		case p.pen != nil && p.pen.Weight == 0:
			rows = append(rows, []string{p.Code, p.Name, p.SubName, "收回", review.Format("2006-01-02"), reviewDoc,
				"经行权评估，近三年未行使，收回县级主管部门行使", domains[p.Domain].dept})
		case p.Source == "上级下放" && p.pen != nil:
			added = append(added, p)
		case p.Category == "行政许可":
			adjusted = append(adjusted, p)
		}
	}
	devolved := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, i := range pickSorted(r, len(added), registerAdded) {
		p := added[i]
		rows = append(rows, []string{p.Code, p.Name, p.SubName, "新增", devolved.Format("2006-01-02"), "示县政发〔2021〕12号",
			"赋予经济发达镇行政执法权，由" + domains[p.Domain].dept + "下放实施", ""})
	}
	for _, i := range pickSorted(r, len(adjusted), registerAdjusted) {
		p := adjusted[i]
		d := o.end.AddDate(0, -2-r.IntN(9), -r.IntN(28))
		rows = append(rows, []string{p.Code, p.Name, p.SubName, "调整", d.Format("2006-01-02"), fmt.Sprintf("示县政办发〔%d〕%d号", d.Year(), 3+r.IntN(40)),
			"依据修订后的法规调整实施依据和办理时限", ""})
	}
	slices.SortStableFunc(rows, func(a, b []string) int {
		if c := strings.Compare(a[4], b[4]); c != 0 {
			return c
		}
		return strings.Compare(a[0], b[0])
	})
	c, err := o.createCSV(registerFile, true, nil)
	if err != nil {
		return 0, err
	}
	c.write(registerHeader)
	for _, row := range rows {
		c.write(row)
	}
	return len(rows), c.close()
}

// pickSorted draws k distinct indexes below n, in increasing order.
func pickSorted(r *rand.Rand, n, k int) []int {
	k = min(k, n)
	out := r.Perm(n)[:k]
	slices.Sort(out)
	return out
}
