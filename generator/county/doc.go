// Package county builds a county site: one portal over the town sites in
// its towns/SLUG/ folders. Each town is built by package build, alone,
// under the base URL COUNTY_BASE + SLUG + "/", into /SLUG/ of the
// county's output, so its files are byte for byte what the town gives when
// built alone under that URL. The county's pages at the root (home,
// comparisons, search, /data/, /changes/, sitemap, robots, 404) are made
// from each town's Town summary alone: what the town published (its
// /data/ downloads and its changes manifest) and its search documents.
//
// A county builds whole (Build), or town by town on many machines: Build
// with Options.Only writes one town's part (its portal files and a part
// manifest holding its summary), and Merge reads the parts and writes the
// same output as the whole build, byte for byte. Merge refuses parts of
// another program, another county config or another build date, a part of
// a town the county does not have, two parts of one town and a town with
// no part. A town's output depends on the previous output it is built
// over (its search index extends the previous one), so parts built over
// the published county (gongshi build --previous, as the examples in
// docs/ do) merge to what the whole build over that county writes; parts
// built over nothing merge to what a whole first build writes.
//
// The county output is staged beside the destination and swapped into
// place only when every town and every county page succeeded.
package county
