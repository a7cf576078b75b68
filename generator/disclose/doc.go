// Package disclose is the single gate between ingested records and
// everything that renders, indexes or exports them.
//
// It applies the publication rules of DESIGN.md §3.3 and §3.7: it masks the
// personal information of natural persons, computes each decision's
// publication window and drops decisions outside it, withholds 简易程序,
// warning-only, 情节轻微 and minors' decisions (and, when the site says so,
// decisions with no procedure given that are within the limits of the
// 简易程序), and honours withdrawals (a status column or data/withdrawals).
//
// Windows (window.go). The period is the longest of the decision's
// categories' periods (a small fine may have its own), clamped by its
// 违法情节 rule; the export's 公示截止期 replaces it; either stops at the
// rule maximum, past which only a 限制从业 or 限制开展生产经营活动 is
// published, until it ends. PolicyOf states the same rules for the page
// /notices/disclosure-rules/, so the page says what the build does. Its output types (Case, Withdrawn,
// Activity) are distinct from records.Case, so no downstream package can
// take unmasked data by mistake; records.Case and Secret log as redacted.
//
// Masking. The natural persons a record carries are the party (自然人, or an
// unknown class that does not read as an organisation), the legal
// representative of a person or the operator of a 个体工商户, a sole
// trader's party name when it is a bare personal name, and the values of
// extra columns headed 联系人, 监护人, 代理人 and the like. Their names are
// masked (张某某, 欧阳某某) in the structured fields and in every free-text
// field, whitespace between characters allowed. Free text names other
// people too: a name after a word that introduces a person (证人, 邻居,
// 联系人, 受害人, 法定代理人 …, lists included) or right before an ID number
// is masked; a home address after 家住, 住址, 户籍地 … keeps the town and
// the village or community and loses the rest (家住青溪镇柳湾村…); an account
// number after 账号, 卡号 … is removed; a vehicle plate keeps its province
// and letter (浙A*****) when the party is not an organisation or the
// sentence names a natural person. What is found this way joins the decision's secrets. ID
// numbers (18 and 15 digits), mobiles (+86 and 0086 included), landlines
// (转 extensions included) and bank-card numbers are removed by their
// shape, in ASCII or full-width digits, with spaces, dashes, dots, middle
// dots, brackets or line breaks (<br> too) between digit groups. The leak
// gate reads numbers in built files with one space, dash, dot or middle dot
// between groups: there line breaks and tabs separate rows and " · "
// fields. The values of never-published columns (证件号码, 联系电话, 地址,
// extra columns headed 身份证, 电话, 住址, 账号 …) are removed verbatim.
// Organisations keep name, credit code, legal representative and the
// plates of their vehicles.
//
// The leak gate. Result.Secrets holds every value that must not be
// published, from every record (withheld ones too); Result.Public the
// strings published on purpose (organisations, authorities, decision
// numbers, the identity and contact numbers of power and service items);
// Result.Words non-personal texts (power and service texts, statistics
// labels, legal bases and violation types shared by two or more parties).
// A Scanner built from them finds, in any output file, valid-checksum ID
// numbers, mobile numbers and any secret; Apply runs the same scanner over
// everything it publishes (decisions, power and service items, statistics
// labels) and masks what it finds, so masking and gate agree by
// construction. A secret inside a public string is not a leak, and neither
// is a name standing inside a word of the non-personal texts with the same
// character on either side (史文 in 历史文化名城): the gate's precision does
// not fall as a town's records, and so its short names, grow. A name
// between punctuation, or after 人, 者, 员 …, stands in no word and is
// always a finding. What is left ambiguous, a name of one record in
// another's text, is listed by Ambiguities for gongshi check, and staff
// may review it for that one record ([[disclosure.reviewed]] in
// site.toml); nothing turns the gate off.
package disclose
