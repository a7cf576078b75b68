// Package records declares the records gongshi publishes, the column schema
// each is read from, their validation and their stable IDs.
//
// Records here are raw: a Case still holds the personal data of its party.
// Only generator/disclose turns them into publishable values, and nothing that
// renders takes a records type.
//
// # Kinds
//
// A Kind is one dataset folder under data/. Kinds lists them all; load, the
// build and the site iterate over it. There are two sorts:
//
//   - Typed kinds (cases, powers, services, stats, withdrawals) read rows into
//     Go structs (Case, Power …) that their own code in disclose, site,
//     search, opendata and stats understands.
//   - Declared kinds (licences, and any new one) are a Kind made with NewKind
//     from a list of Fields. Each Field says how a column is read (Name,
//     Aliases, Type, Unit, Need), what it means to the publication rules (its
//     Role: the party, the ID number never published, free text to scrub, the
//     date, the status that withdraws) and where it goes (Open for the
//     downloads, News for /changes/, Facet for the list pages, Std for the
//     双公示 standard file). Their records are Items.
//
// Every stage after reading works from a declared kind's fields alone:
// disclose masks its party exactly as a penalty decision's (by Role), site
// builds its list, year, facet, withdrawn and record pages (the generic
// "records" and "record" templates unless Layout says otherwise), search
// indexes it under its own type filter, opendata writes its CSV and JSON and
// its standard file, the changelog reports changes of its News fields,
// timeliness applies its Timely deadline and the annual report counts it
// under Report. So a new kind is one file here (its declaration), an entry
// in Kinds, and its sample data; build.Options.Kinds reads a site with
// kinds the program does not list (generator/build/kind_test.go).
//
// # The power register
//
// The power list changes over time (三单动态管理, DESIGN.md §3.10). Its
// changes are PowerChanges, read from two places, both in data/powers:
//
//   - a register file with its own header, 事项编码 · 事项名称 · 调整类型 ·
//     调整日期 · 调整文件 · 调整理由, optionally 子项名称 and 承接单位 (who
//     exercises the item after it was taken back; also 现行使主体). It is
//     PowerChangeKind, listed in PowerKind.Also: a file whose header
//     matches the register's columns at least as well as the list's is read
//     as the register (load.Choose), so it needs no folder and no name of
//     its own;
//   - the list's own status columns, 事项状态 with 调整日期, 调整文件,
//     调整理由 and 承接单位: a row whose 事项状态 is a change (not empty or
//     正常) is both an item and a change.
//
// 调整类型 and 事项状态 take 新增, 收回, 取消, 调整 and 暂停 and the words
// exports use for them (下放, 上收, 废止, 变更 …). Histories groups the
// changes by item: an item whose latest change on or before the build date
// is 收回 or 取消 is no longer exercised, and its page, at the URL it always
// had, says so; an item the list no longer holds gets that page from its
// register rows alone.
package records
