// Package stats computes the figures of the statistics pages as tables of
// exact numbers. A Table is what a chart draws and what its CSV and JSON
// downloads hold, so the three can never disagree.
//
// Every figure is a sum of rows: StatRow values from data/stats, or the
// decisions of disclose.Result.Activity (every decision, published or not,
// minus withdrawn ones). Totals are never read from a 合计 cell, rates are
// computed from summed numerators and denominators over the whole period
// (never an average of monthly rates), a rate whose denominator is 0 is a
// blank cell ("—"), and a month without any data is a gap (a blank row
// saying so), never a zero.
//
// Every figure runs to the date of its data, never to the build date: the
// enforcement figures to the latest decision (Data.AsOf), the monthly
// tables to their last month with a row. A year to date is compared with
// the same days (or months) a year earlier, so both periods are equally
// long; each Table says its date (AsOf) and whether the build is more than
// a month past it (Stale).
//
// Indicators no built-in figure uses are kept under their own names: on
// the page of their table's topic, or on a topic page of their own when
// site.toml names the table ([stats."DATASET"], Set). Unshown lists those
// that reach no page.
//
// Data is the indexed input; each figure is a method of Data returning a
// Table. generator/charts lists them in its catalogue.
package stats
