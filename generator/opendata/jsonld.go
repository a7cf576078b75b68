package opendata

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Publisher names who publishes the catalogue, for its schema.org
// metadata.
type Publisher struct {
	// Name is the publishing body ("示例县青溪镇人民政府").
	Name string
	// Place is the area the data covers ("青溪镇").
	Place string
	// License is the terms of use as text; LicenseURL, when set, is where
	// they are published.
	License, LicenseURL string
	// Catalog is the absolute URL of the catalogue page.
	Catalog string
}

// ldDataset is a schema.org Dataset
// (https://schema.org/Dataset, as search engines read it).
type ldDataset struct {
	Type             string           `json:"@type"`
	ID               string           `json:"@id,omitempty"`
	Name             string           `json:"name"`
	Description      string           `json:"description"`
	URL              string           `json:"url,omitempty"`
	License          any              `json:"license"`
	IsAccessibleFree bool             `json:"isAccessibleForFree"`
	DateModified     string           `json:"dateModified"`
	TemporalCoverage string           `json:"temporalCoverage"`
	SpatialCoverage  ldPlace          `json:"spatialCoverage"`
	Creator          ldOrg            `json:"creator"`
	Publisher        ldOrg            `json:"publisher"`
	InLanguage       string           `json:"inLanguage"`
	VariableMeasured []string         `json:"variableMeasured,omitempty"`
	Distribution     []ldDistribution `json:"distribution"`
}

type ldPlace struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldLicense struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldDistribution struct {
	Type           string `json:"@type"`
	EncodingFormat string `json:"encodingFormat"`
	ContentURL     string `json:"contentUrl"`
}

// JSONLD returns the schema.org metadata of the catalogue's datasets: a
// JSON array of Dataset objects, one per dataset, each with a distribution
// per download (CSV and JSON). absURL turns a site path into the URL
// crawlers read. The JSON escapes <, > and & (encoding/json), so it can
// stand in an HTML <script type="application/ld+json"> element.
func JSONLD(ds []Dataset, p Publisher, absURL func(string) string) ([]byte, error) {
	var license any = ldLicense{Type: "CreativeWork", Name: p.License}
	if p.LicenseURL != "" {
		license = p.LicenseURL
	}
	org := ldOrg{Type: "GovernmentOrganization", Name: p.Name}
	out := make([]ldDataset, 0, len(ds))
	for _, d := range ds {
		var vars []string
		for _, f := range d.Fields {
			vars = append(vars, f.Name)
		}
		ld := ldDataset{Type: "Dataset", ID: p.Catalog + "#ds-" + d.Slug, Name: d.Title, Description: d.Description + "共" + strconv.Itoa(d.Count) + "条。",
			URL: p.Catalog + "#ds-" + d.Slug, License: license, IsAccessibleFree: true,
			DateModified: d.Updated.Format("2006-01-02"), TemporalCoverage: d.Coverage(),
			SpatialCoverage: ldPlace{Type: "Place", Name: p.Place}, Creator: org, Publisher: org, InLanguage: "zh-CN",
			VariableMeasured: vars,
			Distribution: []ldDistribution{
				{Type: "DataDownload", EncodingFormat: "text/csv", ContentURL: absURL(d.CSV)},
				{Type: "DataDownload", EncodingFormat: "application/json", ContentURL: absURL(d.JSON)},
			}}
		out = append(out, ld)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(graph{Context: "https://schema.org", Graph: out}); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// graph holds several schema.org objects in one JSON-LD document.
type graph struct {
	Context string      `json:"@context"`
	Graph   []ldDataset `json:"@graph"`
}
