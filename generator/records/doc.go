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
package records
