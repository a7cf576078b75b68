// Package changelog keeps a manifest of what each build published (record
// id → content hash, per dataset; figure id → hash) and compares it with the
// previous build's to say what changed: records added, changed (which
// fields), withdrawn, expired or removed, and figures whose values changed.
// The manifest also carries each record's first-published and last-updated
// dates and the history of updates, so /changes/ can be rebuilt every time.
package changelog

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Path is where the manifest is written in the output.
const Path = "/changes/manifest.json"

// Version is the manifest format version.
const Version = 1

// Manifest is what one build published.
type Manifest struct {
	Version int    `json:"version"`
	Built   string `json:"built"` // YYYY-MM-DD
	// Records maps dataset → record id → entry.
	Records map[string]map[string]Entry `json:"records"`
	// Figures maps chart id → hash of its data.
	Figures map[string]string `json:"figures"`
	// Updates lists every build that changed something, newest first.
	Updates []Update `json:"updates"`
	// Pages maps a page's URL to the key of everything it was rendered
	// from, so the next build can keep the page instead of rendering it.
	Pages map[string]string `json:"pages,omitempty"`
	// Search is the key of the search index's input, so an unchanged index
	// can be kept.
	Search string `json:"search,omitempty"`
}

// Entry is one published record.
type Entry struct {
	Hash string `json:"h"`
	// Fields holds a 4-hex-digit hash per field, in the order of Names.
	Fields  string `json:"f"`
	Title   string `json:"t"`
	First   string `json:"first"`
	Updated string `json:"updated"`
}

// Names lists, per dataset, the field names whose hashes Entry.Fields holds.
// It lives beside Records so that a change in fields is detected.
type Names map[string][]string

// Update is what one build changed.
type Update struct {
	Date      string `json:"date"`
	Added     []Item `json:"added,omitempty"`
	Changed   []Item `json:"changed,omitempty"`
	Withdrawn []Item `json:"withdrawn,omitempty"`
	// Expired and Removed name the records for staff (gongshi build
	// prints them); what is published keeps only their numbers,
	// ExpiredN and RemovedN: a decision past its publication period leaves
	// every output, the changelog included.
	Expired  []Item   `json:"expired,omitempty"`
	Removed  []Item   `json:"removed,omitempty"`
	ExpiredN int      `json:"expired_n,omitempty"`
	RemovedN int      `json:"removed_n,omitempty"`
	Figures  []string `json:"figures,omitempty"`
	// Initial counts, per dataset, the records a first build published:
	// all of them were first published that day, and none is listed in
	// Added (there was nothing before to add to).
	Initial map[string]int `json:"initial,omitempty"`
}

// Count is a number of records of a dataset.
type Count struct {
	Dataset string
	N       int
}

// InitialCounts lists Initial by dataset name.
func (u *Update) InitialCounts() []Count {
	var out []Count
	for _, ds := range sortedKeys(u.Initial) {
		out = append(out, Count{ds, u.Initial[ds]})
	}
	return out
}

// InitialTotal is the number of records a first build published.
func (u *Update) InitialTotal() int {
	n := 0
	for _, c := range u.Initial {
		n += c
	}
	return n
}

// Empty reports whether the update changed nothing.
func (u *Update) Empty() bool {
	return len(u.Added)+len(u.Changed)+len(u.Withdrawn)+len(u.Expired)+len(u.Removed)+len(u.Figures)+u.ExpiredN+u.RemovedN+u.InitialTotal() == 0
}

// Item names one record in an update.
type Item struct {
	Dataset string   `json:"dataset"`
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Fields  []string `json:"fields,omitempty"`
}

// Record is one publishable record as the build sees it.
type Record struct {
	ID     string
	Title  string
	Fields []string // values, in the order of the dataset's field names
}

// Gone says why a record of the previous build is absent now.
type Gone func(dataset, id, title string) string // "withdrawn", "expired" or "removed"

// Input is what the current build publishes.
type Input struct {
	Date string
	// Datasets maps dataset → field names and records.
	Names   Names
	Records map[string][]Record
	Figures map[string]string
	Gone    Gone
}

// Next computes the current manifest from the previous one (nil for a first
// build) and returns it with the update it represents.
func Next(prev *Manifest, in Input) (*Manifest, Update) {
	cur := &Manifest{Version: Version, Built: in.Date, Records: map[string]map[string]Entry{}, Figures: in.Figures}
	up := Update{Date: in.Date}
	for _, ds := range sortedKeys(in.Records) {
		names := in.Names[ds]
		old := map[string]Entry{}
		if prev != nil {
			old = prev.Records[ds]
		}
		m := make(map[string]Entry, len(in.Records[ds]))
		for _, r := range in.Records[ds] {
			fh := fieldHashes(r.Fields)
			e := Entry{Hash: recordHash(fh), Fields: fh, Title: r.Title, First: in.Date, Updated: in.Date}
			if o, ok := old[r.ID]; ok {
				e.First = o.First
				changed := changedFields(names, o.Fields, fh)
				if o.Hash == e.Hash || len(changed) == 0 {
					e.Updated = o.Updated
				} else {
					up.Changed = append(up.Changed, Item{Dataset: ds, ID: r.ID, Title: r.Title, Fields: changed})
				}
			} else if prev != nil {
				up.Added = append(up.Added, Item{Dataset: ds, ID: r.ID, Title: r.Title})
			}
			m[r.ID] = e
		}
		for _, id := range sortedKeys(old) {
			if _, ok := m[id]; ok {
				continue
			}
			it := Item{Dataset: ds, ID: id, Title: old[id].Title}
			why := "removed"
			if in.Gone != nil {
				why = in.Gone(ds, id, old[id].Title)
			}
			switch why {
			case "withdrawn":
				up.Withdrawn = append(up.Withdrawn, it)
			case "expired":
				up.Expired = append(up.Expired, it)
			default:
				up.Removed = append(up.Removed, it)
			}
		}
		cur.Records[ds] = m
		if prev == nil && len(m) > 0 {
			if up.Initial == nil {
				up.Initial = map[string]int{}
			}
			up.Initial[ds] = len(m)
		}
	}
	if prev != nil {
		for _, id := range sortedKeys(in.Figures) {
			if old, ok := prev.Figures[id]; !ok || old != in.Figures[id] {
				up.Figures = append(up.Figures, id)
			}
		}
		cur.Updates = inOrder(prev.Updates)
	}
	sortItems(up.Added)
	sortItems(up.Changed)
	if prev == nil || !up.Empty() {
		// A first build is an update too: everything was published then.
		if len(cur.Updates) > 0 && cur.Updates[0].Date == in.Date {
			up = merge(cur.Updates[0], up)
			cur.Updates = cur.Updates[1:]
		}
		cur.Updates = append([]Update{up.public()}, cur.Updates...)
	}
	return cur, up
}

// public returns the update as it is published: expired and removed
// records counted, not named.
func (u Update) public() Update {
	u.ExpiredN += len(u.Expired)
	u.RemovedN += len(u.Removed)
	u.Expired, u.Removed = nil, nil
	return u
}

// inOrder returns the history newest first with one update per date, the
// updates of a date merged: a manifest written when a build dated before
// the previous one was added in build order may list a date twice or out
// of order.
func inOrder(us []Update) []Update {
	if slices.IsSortedFunc(us, func(a, b Update) int { return -strings.Compare(a.Date, b.Date) }) && !hasDupDates(us) {
		return us
	}
	out := slices.Clone(us)
	slices.SortStableFunc(out, func(a, b Update) int { return -strings.Compare(a.Date, b.Date) })
	merged := out[:0]
	for _, u := range out {
		if n := len(merged); n > 0 && merged[n-1].Date == u.Date {
			// u is the older of the two: the newer one is folded into it.
			merged[n-1] = merge(u, merged[n-1])
			continue
		}
		merged = append(merged, u)
	}
	return merged
}

func hasDupDates(us []Update) bool {
	for i := 1; i < len(us); i++ {
		if us[i].Date == us[i-1].Date {
			return true
		}
	}
	return false
}

// merge folds a later build on the same day into that day's update. A
// record or a figure is named once: a record added that day stays added
// however often it changed after, and a record changed twice lists every
// field either build changed.
func merge(a, b Update) Update {
	added := map[string]bool{}
	for _, it := range a.Added {
		added[it.Dataset+"/"+it.ID] = true
	}
	changed := map[string]int{}
	for i, it := range a.Changed {
		changed[it.Dataset+"/"+it.ID] = i
	}
	for _, it := range b.Added {
		if k := it.Dataset + "/" + it.ID; !added[k] {
			added[k] = true
			a.Added = append(a.Added, it)
		}
	}
	for _, it := range b.Changed {
		k := it.Dataset + "/" + it.ID
		if added[k] {
			continue
		}
		if i, ok := changed[k]; ok {
			c := &a.Changed[i]
			c.Fields = slices.Clone(c.Fields)
			for _, f := range it.Fields {
				if !slices.Contains(c.Fields, f) {
					c.Fields = append(c.Fields, f)
				}
			}
			continue
		}
		changed[k] = len(a.Changed)
		a.Changed = append(a.Changed, it)
	}
	a.Withdrawn = append(a.Withdrawn, b.Withdrawn...)
	a.Expired = append(a.Expired, b.Expired...)
	a.Removed = append(a.Removed, b.Removed...)
	a.ExpiredN += b.ExpiredN
	a.RemovedN += b.RemovedN
	a.Figures = append(slices.Clone(a.Figures), b.Figures...)
	slices.Sort(a.Figures)
	a.Figures = slices.Compact(a.Figures)
	sortItems(a.Added)
	sortItems(a.Changed)
	if len(b.Initial) > 0 {
		m := maps.Clone(a.Initial)
		if m == nil {
			m = map[string]int{}
		}
		for ds, n := range b.Initial {
			m[ds] += n
		}
		a.Initial = m
	}
	return a
}

func sortItems(items []Item) {
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Dataset != items[j].Dataset {
			return items[i].Dataset < items[j].Dataset
		}
		return items[i].ID < items[j].ID
	})
}

func fieldHashes(values []string) string {
	var b strings.Builder
	b.Grow(4 * len(values))
	for _, v := range values {
		h := sha256.Sum256([]byte(v))
		b.WriteString(hex.EncodeToString(h[:2]))
	}
	return b.String()
}

func recordHash(fields string) string {
	h := sha256.Sum256([]byte(fields))
	return hex.EncodeToString(h[:8])
}

// changedFields names the fields whose hashes differ between a (the
// previous manifest's) and b. A field beyond a's end was not hashed then:
// it is new to the dataset's news fields, not a change of the record.
func changedFields(names []string, a, b string) []string {
	var out []string
	for i := 0; i*4 < len(b); i++ {
		if i*4+4 > len(a) {
			break
		}
		if a[i*4:i*4+4] != b[i*4:i*4+4] {
			if i < len(names) {
				out = append(out, names[i])
			} else {
				out = append(out, fmt.Sprintf("#%d", i+1))
			}
		}
	}
	return out
}

// Hash returns a short content hash of data.
func Hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:8])
}

// Read decodes a manifest.
func Read(r io.Reader) (*Manifest, error) {
	var m Manifest
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("previous manifest: %w", err)
	}
	if m.Version != Version {
		return nil, fmt.Errorf("previous manifest: version %d, want %d", m.Version, Version)
	}
	return &m, nil
}

// Encode returns the manifest as JSON (keys sorted, so deterministic).
func (m *Manifest) Encode() ([]byte, error) { return json.Marshal(m) }

// Record returns a record's entry.
func (m *Manifest) Record(dataset, id string) (Entry, bool) {
	e, ok := m.Records[dataset][id]
	return e, ok
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
