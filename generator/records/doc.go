// Package records declares the typed records gongshi publishes (penalty
// decisions, power-list items, service items, statistics rows), the column
// schema each is read from, their validation and their stable IDs.
//
// Records here are raw: a Case still holds the personal data of its party.
// Only generator/disclose turns them into publishable values, and nothing that
// renders takes a records type.
//
// Kinds lists every kind in one place; load, the build and the site iterate
// over it. Adding a kind means one file here, one entry in Kinds, and a
// template.
package records
