package records

import (
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/value"
)

// Withdrawal names a decision taken down, from data/withdrawals.
type Withdrawal struct {
	Pos        diag.Pos
	DecisionNo string
	Authority  string // may be empty: then the number alone identifies it
	Reason     string
	Date       time.Time
}

// WithdrawalKind reads data/withdrawals.
var WithdrawalKind = Kind{
	Name:  "withdrawals",
	Title: "撤回公示",
	Schema: value.Schema{Kind: "撤回公示", MinMatch: 2, Columns: []value.Column{
		{Name: ColDecisionNo, Required: true, Aliases: []string{"决定书文号", "处罚决定书文号", "文书号", "文号"}},
		{Name: "撤回原因", Required: true, Aliases: []string{"撤销原因", "原因", "撤回理由"}},
		{Name: "撤回日期", Aliases: []string{"撤销日期", "日期"}},
		{Name: ColAuthority, Aliases: []string{"执法机关", "决定机关"}},
	}},
	add: func(s *Set, r value.Row, dl *diag.List) {
		w := Withdrawal{Pos: r.RowPos(), DecisionNo: r.Value(ColDecisionNo), Authority: r.Value(ColAuthority), Reason: r.Value("撤回原因")}
		if w.DecisionNo == "" {
			dl.Errorf(r.Pos(ColDecisionNo), "required", "%s: required value is empty", ColDecisionNo)
			return
		}
		if w.Reason == "" && r.Table.Has("撤回原因") {
			dl.Errorf(r.Pos("撤回原因"), "required", "撤回原因: required value is empty (the reason is published with the withdrawal)")
		}
		if d := r.Value("撤回日期"); d != "" {
			t, err := value.ParseDate(d)
			if err != nil {
				dl.Errorf(r.Pos("撤回日期"), "bad-date", "撤回日期: %v", err)
			}
			w.Date = t
		}
		s.Withdrawals = append(s.Withdrawals, w)
	},
}
