package county

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gongshi/generator/output"
)

// PartVersion is the part manifest's format version.
const PartVersion = 1

// Part is the manifest of one town's part: who built it, from which county
// config, on which day, and the town's summary.
type Part struct {
	Version int `json:"version"`
	// Program identifies the program that built the part (Options.Program).
	Program string `json:"program"`
	// County is a hash of the county's site.toml, its base URL and its
	// list of towns.
	County string `json:"county"`
	// Date is the build's calendar day, YYYY-MM-DD.
	Date string `json:"date"`
	// Files is a hash of the town output's file index: the part's town
	// folder is the one built with this manifest.
	Files string `json:"files"`
	Town  *Town  `json:"town"`
}

// identHash hashes what makes a county's pages and its towns' URLs: its
// site.toml, its base URL and its towns.
func identHash(siteTOML []byte, base string, towns []string) string {
	h := sha256.New()
	h.Write(siteTOML)
	fmt.Fprintf(h, "\x00%s\x00%s", base, strings.Join(towns, "\x00"))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// filesHash hashes the index of the town's output in dir.
func filesHash(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(output.IndexPath)))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16]), nil
}

// writePart writes the part manifest of the town built in dir.
func writePart(dir string, p *Part) error {
	p.Version = PartVersion
	h, err := filesHash(filepath.Join(dir, p.Town.Slug))
	if err != nil {
		return err
	}
	p.Files = h
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, PartFile), data, 0o644)
}

// PartError is a part Merge refuses.
type PartError struct {
	// Part is the part's folder; empty when the error is a missing part.
	Part string
	Msg  string
}

func (e *PartError) Error() string {
	if e.Part == "" {
		return "merge: " + e.Msg
	}
	return fmt.Sprintf("merge: part %s: %s", e.Part, e.Msg)
}

// ErrRefused is what every PartError matches with errors.Is.
var ErrRefused = errors.New("part refused")

// Is makes errors.Is(err, ErrRefused) true for a PartError.
func (e *PartError) Is(target error) bool { return target == ErrRefused }

// loadedPart is a part read from its folder.
type loadedPart struct {
	*Part
	dir string
}

// readParts reads the parts and checks that they make up the county c as
// the program would build it: one part per town, each of this program,
// this county config and one build date.
func readParts(c *county, program string, dirs []string) (map[string]*loadedPart, error) {
	if len(dirs) == 0 {
		return nil, &PartError{Msg: "no parts given: name the folder of each town's part (gongshi build --only SLUG --dest DIR)"}
	}
	byTown := map[string]*loadedPart{}
	var date, dateFrom string
	for _, dir := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, PartFile))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, &PartError{dir, "no " + PartFile + ": not a part (gongshi build --only SLUG --dest DIR writes one)"}
			}
			return nil, &PartError{dir, err.Error()}
		}
		var p Part
		if err := json.Unmarshal(data, &p); err != nil || p.Town == nil {
			return nil, &PartError{dir, fmt.Sprintf("%s is not a part manifest (%v)", PartFile, err)}
		}
		if p.Version != PartVersion {
			return nil, &PartError{dir, fmt.Sprintf("part format %d, want %d: build every part with the program that merges", p.Version, PartVersion)}
		}
		if p.Program != program {
			return nil, &PartError{dir, fmt.Sprintf("built by another program (%s); this is %s: build every part with the program that merges", p.Program, program)}
		}
		slug := p.Town.Slug
		if !slices.Contains(c.towns, slug) {
			return nil, &PartError{dir, fmt.Sprintf("town %q is not a town of this county (%s/ holds %s)", slug, TownsDir, strings.Join(c.towns, ", "))}
		}
		if p.County != c.ident {
			return nil, &PartError{dir, "built from a different county config (site.toml, base URL or list of towns): build every part from the county folder that merges"}
		}
		if other, ok := byTown[slug]; ok {
			return nil, &PartError{dir, fmt.Sprintf("a second part of town %q (the other is %s)", slug, other.dir)}
		}
		if date == "" {
			date, dateFrom = p.Date, dir
		} else if p.Date != date {
			return nil, &PartError{dir, fmt.Sprintf("built on %s, part %s on %s: build every part with the same SOURCE_DATE_EPOCH", p.Date, dateFrom, date)}
		}
		h, err := filesHash(filepath.Join(dir, slug))
		if err != nil {
			return nil, &PartError{dir, fmt.Sprintf("no town output in %s/ (%v)", slug, err)}
		}
		if h != p.Files {
			return nil, &PartError{dir, fmt.Sprintf("the files in %s/ are not the ones this part was built with", slug)}
		}
		byTown[slug] = &loadedPart{&p, dir}
	}
	for _, slug := range c.towns {
		if byTown[slug] == nil {
			return nil, &PartError{Msg: fmt.Sprintf("no part of town %q (%s/%s/): build it with gongshi build --only %s", slug, TownsDir, slug, slug)}
		}
	}
	return byTown, nil
}
