package build

import (
	"errors"
	"io/fs"
	"path"

	"gongshi/generator/search"
)

// synonymsFile is the theme's synonym list for the search.
const synonymsFile = "data/synonyms.toml"

// searchSynonyms reads the theme's synonym list (the site's theme named
// name over the default one) and adds the words of site.toml's [search]
// synonyms.
func searchSynonyms(theme fs.FS, name string, extra map[string][]string) (search.Synonyms, error) {
	syn := search.Synonyms{}
	data, err := fs.ReadFile(theme, synonymsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if syn, err = search.ParseSynonyms(path.Join("themes", name, synonymsFile), data); err != nil {
			return nil, err
		}
	}
	return syn.Merge(extra), nil
}

// SearchSynonyms are the search synonyms of a site whose theme (the
// overlay of themes/NAME on the default theme) is theme, with site.toml's
// [search] synonyms extra: a county's search uses its own.
func SearchSynonyms(theme fs.FS, name string, extra map[string][]string) (search.Synonyms, error) {
	return searchSynonyms(theme, name, extra)
}
