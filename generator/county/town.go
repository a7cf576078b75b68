package county

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/changelog"
	"gongshi/generator/config"
	"gongshi/generator/search"
	"gongshi/generator/stats"
)

// Town is what the county's pages need of one town: taken from what the
// town published (its /data/ downloads and its changes manifest) and its
// search documents, so the county publishes nothing the town did not.
type Town struct {
	Slug  string `json:"slug"`
	Name  string `json:"name"`
	Title string `json:"title"`
	// Built is the date of the town's build, YYYY-MM-DD.
	Built string `json:"built"`
	// Decisions and Fines (yuan) are the published penalty decisions, and
	// Years the same by the year of the decision, newest first.
	Decisions int       `json:"decisions"`
	Fines     float64   `json:"fines"`
	Years     []YearFig `json:"years,omitempty"`
	// Months are the statistics the comparisons read, by month, oldest
	// first.
	Months []MonthFig `json:"months,omitempty"`
	// Powers is the published power list.
	Powers   []PowerItem `json:"powers,omitempty"`
	Services int         `json:"services"`
	// Datasets are the town's /data/ downloads.
	Datasets []DatasetRef `json:"datasets,omitempty"`
	// Change is what this update changed in the town; nil when nothing.
	Change *Change `json:"change,omitempty"`
	// Docs are the town's search documents, URLs below the town's root.
	Docs []search.Doc `json:"docs,omitempty"`
}

// YearFig counts one year's published decisions and their fines (yuan).
type YearFig struct {
	Year      int     `json:"year"`
	Decisions int     `json:"decisions"`
	Fines     float64 `json:"fines"`
}

// MonthFig holds a month's values of the indicators in compareIndicators.
type MonthFig struct {
	Month  string             `json:"month"`
	Values map[string]float64 `json:"values"`
}

// PowerItem is one item of a town's power list.
type PowerItem struct {
	Code     string `json:"code,omitempty"`
	Name     string `json:"name"`
	Sub      string `json:"sub,omitempty"`
	Category string `json:"category,omitempty"`
}

// DatasetRef names one of a town's downloads.
type DatasetRef struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Count int    `json:"count"`
}

// Change counts what one update changed in a town.
type Change struct {
	Date      string `json:"date"`
	Initial   int    `json:"initial,omitempty"`
	Added     int    `json:"added,omitempty"`
	Changed   int    `json:"changed,omitempty"`
	Withdrawn int    `json:"withdrawn,omitempty"`
	Expired   int    `json:"expired,omitempty"`
	Removed   int    `json:"removed,omitempty"`
	Figures   int    `json:"figures,omitempty"`
}

// compareIndicators are the statistics the comparison page reads.
var compareIndicators = []string{stats.IndReceived, stats.IndCompleted, stats.IndOnTime,
	stats.IndPetitions, stats.IndClosed, stats.IndPetOnTime, stats.IndVisits, stats.IndDisputes, stats.IndResolved}

// buildTown builds the town slug into dir/slug under its county base URL,
// comparing with prev/slug, and returns its summary. Its diagnostics join
// sum's under towns/SLUG/.
func buildTown(ctx context.Context, o *Options, c *county, slug, dir, prev string, sum *Summary) (*Town, error) {
	start := time.Now()
	o.logger().Info("town", "slug", slug)
	bo := build.Options{
		Source:   filepath.Join(c.src, TownsDir, slug),
		Dest:     filepath.Join(dir, slug),
		BaseURL:  c.townBase(slug),
		Previous: filepath.Join(prev, slug),
		Now:      c.now,
		Logger:   o.Logger,
		Workers:  o.Workers,
		CacheDir: o.CacheDir,
		Compact:  o.Compact,
	}
	bs, err := build.Build(ctx, bo)
	// The town's lock file lies beside its output, in the county's.
	os.Remove(filepath.Join(dir, "."+slug+".lock"))
	report := TownReport{Slug: slug, Summary: bs, Duration: time.Since(start)}
	sum.Towns = append(sum.Towns, report)
	if bs != nil {
		sum.Diags = append(sum.Diags, prefixDiags(slug, bs.Diags)...)
	}
	if err != nil {
		if bs != nil && bs.Diags.HasErrors() {
			return nil, fmt.Errorf("town %s: %w", slug, err)
		}
		return nil, townError(slug, err)
	}
	cfg, err := config.Load(os.DirFS(bo.Source))
	if err != nil {
		return nil, townError(slug, err)
	}
	at := time.Now()
	t, err := summarize(filepath.Join(dir, slug), slug, &cfg, bs.SearchDocs)
	if err != nil {
		return nil, fmt.Errorf("town %s: %w", slug, err)
	}
	// The town's records and documents are not kept while the next towns
	// build: the summary holds what the county needs.
	bs.Result, bs.SearchDocs = nil, nil
	// The summary goes through its encoding, so that a whole build makes
	// its pages from exactly what a part carries to a merge.
	data, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	var back Town
	if err := json.Unmarshal(data, &back); err != nil {
		return nil, err
	}
	c.log.Info("town summary", "slug", slug, "took", time.Since(at).Round(time.Millisecond), "bytes", len(data))
	return &back, nil
}

// summarize reads the town's summary from its output in dir.
func summarize(dir, slug string, cfg *config.Config, docs []search.Doc) (*Town, error) {
	name := cfg.Town
	if name == "" {
		name = cfg.Title
	}
	t := &Town{Slug: slug, Name: name, Title: cfg.Title}
	t.Docs = make([]search.Doc, len(docs))
	for i, d := range docs {
		d.URL = "/" + slug + d.URL
		d.Facets.Site = name
		t.Docs[i] = d
	}
	fsys := os.DirFS(dir)
	if err := t.readCases(fsys); err != nil {
		return nil, err
	}
	if err := t.readStats(fsys); err != nil {
		return nil, err
	}
	if err := t.readPowers(fsys); err != nil {
		return nil, err
	}
	if rows, err := readCSV(fsys, "data/services.csv"); err != nil {
		return nil, err
	} else if len(rows) > 0 {
		t.Services = len(rows) - 1
	}
	if err := t.readDatasets(fsys); err != nil {
		return nil, err
	}
	if err := t.readChanges(fsys); err != nil {
		return nil, err
	}
	return t, nil
}

// readCSV reads a download of the town's /data/; none when it has none.
func readCSV(fsys fs.FS, name string) ([][]string, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, nil
}

// column returns the index of the column named name in header, or -1.
func column(header []string, name string) int { return slices.Index(header, name) }

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

func (t *Town) readCases(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/cases.csv")
	if err != nil || len(rows) == 0 {
		return err
	}
	fine, date := column(rows[0], "罚款金额"), column(rows[0], "处罚决定日期")
	years := map[int]*YearFig{}
	for _, r := range rows[1:] {
		f, _ := strconv.ParseFloat(cell(r, fine), 64)
		t.Decisions++
		t.Fines += f
		y, _ := strconv.Atoi(cell(r, date)[:min(4, len(cell(r, date)))])
		if years[y] == nil {
			years[y] = &YearFig{Year: y}
		}
		years[y].Decisions++
		years[y].Fines += f
	}
	for _, y := range years {
		t.Years = append(t.Years, *y)
	}
	slices.SortFunc(t.Years, func(a, b YearFig) int { return b.Year - a.Year })
	return nil
}

func (t *Town) readStats(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/stats.csv")
	if err != nil || len(rows) == 0 {
		return err
	}
	month, ind, val := column(rows[0], "月份"), column(rows[0], "指标"), column(rows[0], "数值")
	months := map[string]map[string]float64{}
	for _, r := range rows[1:] {
		name := cell(r, ind)
		if !slices.Contains(compareIndicators, name) {
			continue
		}
		v, err := strconv.ParseFloat(cell(r, val), 64)
		if err != nil {
			continue
		}
		m := cell(r, month)
		if months[m] == nil {
			months[m] = map[string]float64{}
		}
		months[m][name] += v
	}
	for m, vs := range months {
		t.Months = append(t.Months, MonthFig{Month: m, Values: vs})
	}
	slices.SortFunc(t.Months, func(a, b MonthFig) int { return strings.Compare(a.Month, b.Month) })
	return nil
}

func (t *Town) readPowers(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/powers.csv")
	if err != nil || len(rows) == 0 {
		return err
	}
	h := rows[0]
	code, name, sub, cat := column(h, "事项编码"), column(h, "事项名称"), column(h, "子项名称"), column(h, "事项类型")
	for _, r := range rows[1:] {
		t.Powers = append(t.Powers, PowerItem{Code: cell(r, code), Name: cell(r, name), Sub: cell(r, sub), Category: cell(r, cat)})
	}
	return nil
}

// datasetHead is the head of a /data/ JSON download.
type datasetHead struct {
	Dataset string            `json:"dataset"`
	Title   string            `json:"title"`
	Fields  json.RawMessage   `json:"fields"`
	Records []json.RawMessage `json:"records"`
	Updated string            `json:"updated"`
}

func (t *Town) readDatasets(fsys fs.FS) error {
	names, err := fs.Glob(fsys, "data/*.json")
	if err != nil {
		return err
	}
	for _, n := range names {
		ds, err := readDataset(fsys, n)
		if err != nil {
			return err
		}
		if _, err := fs.Stat(fsys, strings.TrimSuffix(n, ".json")+".csv"); err != nil {
			continue // a download without its CSV twin is no dataset of the catalogue
		}
		t.Datasets = append(t.Datasets, DatasetRef{Slug: path.Base(strings.TrimSuffix(n, ".json")), Title: ds.Title, Count: len(ds.Records)})
	}
	return nil
}

func readDataset(fsys fs.FS, name string) (*datasetHead, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var ds datasetHead
	if err := json.Unmarshal(data, &ds); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &ds, nil
}

func (t *Town) readChanges(fsys fs.FS) error {
	f, err := fsys.Open(strings.TrimPrefix(changelog.Path, "/"))
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := changelog.Read(f)
	if err != nil {
		return err
	}
	t.Built = m.Built
	if len(m.Updates) == 0 || m.Updates[0].Date != m.Built {
		return nil
	}
	u := &m.Updates[0]
	t.Change = &Change{Date: u.Date, Initial: u.InitialTotal(), Added: len(u.Added), Changed: len(u.Changed),
		Withdrawn: len(u.Withdrawn), Expired: u.ExpiredN, Removed: u.RemovedN, Figures: len(u.Figures)}
	return nil
}
