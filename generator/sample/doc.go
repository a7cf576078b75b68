// Package sample writes the exports of 青溪镇, an invented town of 示例县 in
// the invented province 示例省, for demos, tests and benchmarks: it is what
// `gongshi sample [--cases N] [--seed S] DIR` runs.
//
// # Contract
//
// Write(dir, o) writes only under dir/data, replacing files of the same
// names, and never site.toml or content/ (`gongshi new` scaffolds those):
//
//	data/cases/行政处罚-YYYY.csv|.xlsx   one file per calendar year, five years ending at Options.End
//	data/withdrawals/撤回公示.csv        about 0.3% of the decisions (at least 3), withdrawn
//	data/powers/青溪镇权力清单.xlsx       551 power-list items, 204 of them 行政处罚
//	data/services/青溪镇政务服务事项.csv  242 service items with their guides
//	data/stats/便民服务中心月度统计.csv   long table: 48 months × 6 categories
//	data/stats/综治中心信访统计-YYYY.xlsx wide table for each of the last 3 years
//	data/licences/行政许可-YYYY.csv|.xlsx one file per calendar year, the years of the decisions
//	data/inspections/行政检查-YYYY.csv    one file per calendar year, the years of the decisions
//	data/coercion/行政强制措施.csv         the five years' coercive measures in one register
//
// The number of files does not depend on Options.Cases, nor does the number
// of licences: about 1,000 a year (900 in the oldest year rising to 1,100),
// as a town's service centre grants them whatever its enforcement team does.
// The same options give byte-identical files: every random choice comes
// from math/rand/v2's PCG seeded with Options.Seed (one stream per dataset,
// so the number of cases does not change the power list, and the licences
// change no other file), nothing iterates over a map, and
// workbooks carry a time derived from Options.End (17:30 UTC that day) in
// their document properties and zip entries instead of the clock.
//
// Decisions are streamed: one row is generated and written at a time, the
// decision days of a year are drawn as sorted uniform variates from the
// largest down, and workbooks go through excelize's StreamWriter and a zip
// writer that writes straight to the file. Memory stays flat whatever
// Options.Cases is; only the XLSX year is bounded, by the 1,048,576 rows of a
// worksheet.
//
// # The exports exercise the readers
//
// The penalty files use the national 双公示 layout (the 30 standard columns,
// amounts in 万元) plus 程序类型 and 权力编码, and each year comes in another
// shape: the oldest in GBK with CRLF line ends and dashed dates, as an old
// system exports it; the next as a workbook with a merged title row above the
// header and a 合计 row with SUM formulas; one in UTF-8 with a byte-order mark;
// the rest in plain UTF-8. The wide statistics have a title row that carries
// the year, months written 1月…12月, a 合计 column, empty months after the end
// date, and a 制表单位 footer.
//
// The licence files use the national 双公示 licensing layout (the 28
// standard columns) plus 权力编码, in the same shapes year by year as the
// penalty files, except that the oldest, an old system's GBK export, has
// only the 28 standard columns.
//
// # The content exercises the disclosure rules
//
// About 55% of parties are companies (credit code prefix 91), 25% sole
// traders (92) and 20% natural persons with an ID number; about 1 natural
// person in 300 is a minor on the decision date. The facts of about 5% of
// decisions contain a mobile number or an ID number, and those of natural
// persons often their name. About 8% of decisions follow the 简易程序,
// about 30% carry a 公示截止期, some use pre-2021 category names
// (暂扣或者吊销许可证) or 其他-… categories. Every credit code and ID number
// has a valid check character (GB 32100, GB 11643), with the invented region
// codes 39xxxx. The penalty powers are used unevenly: a few often, many
// rarely, 15 never.
//
// Licences go mostly to sole traders (about 58%: 个体工商户登记, 食品经营,
// 店招, 烟草专卖零售 …), then to natural persons (about 21%: villagers'
// 乡村建设规划许可 and 宅基地, 林木采伐, 野外用火, 乡村医生) and companies.
// About 40% of natural persons' 许可内容 name them or give a phone number.
// About 2.5% of licences are 注销, 撤销 or 吊销, and 0.3% 其他, each with
// the reason in 备注. The 权力编码 is the 行政许可 item of the town's power
// list; it is empty for the licences a county body grants (烟草专卖零售许可,
// 道路运输经营许可, which have no item in the town's list) and for 7% of the
// others, as exports leave it out.
//
// Inspections (行政检查) run at about 340 a year in the oldest year rising
// to 520: 双随机 draws of market entities (about 30%), routine and
// campaign inspections (日常检查, 专项检查) of shops, workshops, building
// sites and, on the ground, villagers (宅基地, straw burning, felling),
// whose names and phones the 处理情况 sometimes gives. About two thirds find
// nothing; the rest are told to put things right (责令限期整改, with a
// re-inspection when it falls before the end date, or 当场整改) or lead to a
// case (立案查处). The oldest year is an older 双随机 system's export: GBK,
// CRLF, its own headers (抽查编号, 被检查对象, 检查类型 …) and 双随机一公开.
// Coercive measures (行政强制) run at about 26 a year rising to 44, nearly
// all by the enforcement team: goods of street trading and barbecue tools
// seized (扣押), unlicensed tricycles and taxis held (暂扣), sites sealed
// (查封); natural persons, about 60% of the parties, carry an ID number
// (never published). Most are
// released within the 30 days of 行政强制法 art. 25; those near the end
// date, and about 8% handed on to a penalty procedure, are not; 1.5% are
// 撤销 on review. The 事项编码 of both is the power list's 行政检查 or
// 行政强制 item of the same name, empty when the list has none. Both come
// from streams of their own and change no other file.
//
// Names of people and companies are combined at random from common
// characters and words; articles of national laws are cited for realism and
// are indicative only; every regulation of 示例省 and document of 示例县 is
// invented.
package sample
