// Package build runs the whole pipeline in named phases, one function each:
// load (config, data, content) → disclose → assemble (the site model, with
// statistics, open data and changes) → render (into a stage, each file
// scanned by the leak gate) → gate (fail on any finding) → swap → report.
// Check runs load and disclose, then checks what would be published. The
// pages come from package site, the leak gate from package disclose; build
// holds the orchestration, the parse cache and the keys of pages kept from
// the previous build. cmd/gongshi calls it; tests call it on in-memory
// sites.
//
// # Kept pages proven clean from their inputs
//
// A record page (a decision, a power or service item, a Markdown page) or a
// pointer at a dated list's earlier URL (site.Moved) whose key matches the
// previous build's is kept from that build's output. The leak gate scanned
// it then; whether it must be read and scanned again depends on what the
// gate of this build looks for:
//
//   - Rules that find no more than the previous gate's (disclose.Rules
//     FindsNoMoreThan): nothing is read. A rebuild of the same exports.
//   - Rules that take as published every number the previous gate did
//     (disclose.Gate.NewSince): the secrets that gate did not know, and
//     those it excused by an excuse (an allowed string, a word window) it
//     had and this gate has not (expired decisions' organisations among
//     them), are the sieve. It looks for them in the theme's templates and
//     strings and in the configuration, which every page shares, and, when
//     they hold none, in the text each kept decision page is rendered from
//     (caseText: its URL, title, breadcrumbs, decision and power item, in
//     memory) and each kept pointer (pageText). Only the pages whose inputs
//     hold one are read and scanned again, with every other kept record
//     page (power, service, Markdown: few). A monthly update, whose new
//     records bring new names and numbers.
//   - Anything else: every kept file is read and scanned.
//
// The second case is as safe as reading every kept page. A kept page's bytes
// are a function of its key: the program, the theme, the configuration and
// the page's own data (its decision, the power item it names, its URL, title
// and breadcrumbs; a pointer's heading, numbers and links). The previous
// gate passed those bytes. This build's gate can differ from that verdict
// only by a finding of a secret in the sieve: the ID and mobile patterns are
// the program's, the same in both builds, and every number published then is
// published in this build; a secret both gates know that the previous gate
// excused by an excuse both have is excused in this build too, and one it
// excused by an excuse since dropped occurs in that excuse's text, so it is
// in the sieve (TestSievePromise tries this on random rules and texts). A
// finding of a secret in the sieve is a match of its folded text in the
// page's text. The scanner's matches never continue across '<' (the gate
// checks Scanner.Separates('<') before it scans a page in parts), so a match
// lies within one text node or attribute of the page, which the decision
// template makes of template text and the page's data, each value written
// whole (numbers and dates as digits that caseText also holds). A match
// within a value is found by the sieve in caseText; a match within template
// text or configuration is found by the sieve in the theme and
// configuration, and then no kept page is trusted. What remains is a match
// that starts in one piece and ends in its neighbour (a value and the
// template text glued to it): the template puts a decision's text fields in
// elements of their own, and the pieces glued to a value are punctuation,
// units and labels, which no name or number of a person continues into. The
// sieve excuses nothing and so reports every occurrence the scanner could,
// and more: a page whose inputs hold a new secret that the gate would excuse
// is merely scanned once more.
//
// A new secret in an old decision's own text rarely reaches a kept page:
// disclose masks every secret in every published record, so the old record's
// masked text, and with it its key, changes and its page is rendered anew.
// What remains for the sieve is text the gate excuses and the sieve does not
// (a name inside a published organisation's name:
// TestNewSecretInKeptDecisionIsRescanned) and text disclose does not mask. A
// Markdown page is such text, and the reason it is always read: goldmark
// turns its entities and emphasis into other bytes than its source's
// (TestNewSecretInKeptNoticeIsFound sees a notice naming a month's new
// person read and the build refused). TestHonestMonthRereadsNoDecisionPage
// counts the reads of an update that adds only new records: no decision page
// is read.
package build
