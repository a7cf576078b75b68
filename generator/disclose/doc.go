// Package disclose is the single gate between ingested records and
// everything that renders, indexes or exports them.
//
// It applies the publication rules of DESIGN.md §3.3 and §3.7: it masks the
// personal information of natural persons, computes each decision's
// publication window and drops decisions outside it, withholds 简易程序,
// warning-only and minors' decisions, and honours withdrawals. Its output
// types (Case, Withdrawn, Activity) are distinct from records.Case, so no
// downstream package can take unmasked data by mistake.
//
// It also returns the secrets it removed (Result.Secrets), so that the output
// step can scan the built site for any of them that leaked past it.
package disclose
