// Package disclose is the single gate between ingested records and
// everything that renders, indexes or exports them.
//
// It applies the publication rules of DESIGN.md §3.3 and §3.7: it masks the
// personal information of natural persons, computes each decision's
// publication window and drops decisions outside it, withholds 简易程序,
// warning-only, 情节轻微 and minors' decisions, and honours withdrawals (a
// status column or data/withdrawals). Its output types (Case, Withdrawn,
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
// strings published on purpose. A Scanner built from both finds, in any
// output file, valid-checksum ID numbers, mobile numbers and any secret;
// Apply runs the same scanner over everything it publishes and masks what it
// finds, so masking and gate agree by construction. Because of that a
// two-character name that also occurs inside an unrelated word (李明 in
// 李明亮路) is masked there too: the gate cannot tell a road from a person,
// and over-masking is the safe error. A secret inside a public string (an
// organisation named after a person, an official's name in a service guide)
// is not a leak; when a penalised person's name equals a published legal
// representative's, the gate cannot see that name leak.
package disclose
