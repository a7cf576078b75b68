package build

import (
	"html/template"

	"gongshi/generator/config"
	"gongshi/generator/opendata"
)

// DataPage is the payload of /data/: the catalogue, and its schema.org
// Dataset metadata for crawlers.
type DataPage struct {
	Datasets []opendata.Dataset
	// Standard are the files in the 双公示 standard's own layout, for the
	// provincial credit platform; their Data is written, not rendered.
	Standard []opendata.StandardFile
	// JSONLD is a JSON-LD document (opendata.JSONLD), written into a
	// <script type="application/ld+json"> data block: data, not a script.
	JSONLD template.JS
}

// dataPage makes the payload of /data/.
func dataPage(cfg *config.Config, ds []opendata.Dataset, std []opendata.StandardFile, absURL func(string) string) (DataPage, error) {
	name := cfg.Publisher.Sponsor
	if name == "" {
		name = cfg.Title
	}
	ld, err := opendata.JSONLD(ds, opendata.Publisher{Name: name, Place: cfg.Town, License: cfg.OpenData.License,
		LicenseURL: cfg.OpenData.LicenseURL, Catalog: absURL("/data/")}, absURL)
	if err != nil {
		return DataPage{}, err
	}
	// encoding/json escapes <, > and &: the document cannot end the
	// element it stands in.
	return DataPage{Datasets: ds, Standard: std, JSONLD: template.JS(ld)}, nil
}
