package stats

import (
	"math"
	"strconv"
)

// Chart kinds of a Table.
const (
	KindLine  = "line"  // one line per series over the labels (months)
	KindBar   = "bar"   // vertical bars, one group per label
	KindStack = "stack" // vertical bars stacked per label
	KindHBar  = "hbar"  // horizontal bars with value labels, for categories
	KindTable = "table" // a table only: no chart is drawn
)

// Cell is one figure of a table. A blank cell has no figure: a month without
// data, or a rate whose denominator is 0. It is written "—" in pages, an
// empty cell in CSV, null in JSON and "-" (ECharts' gap) in chart options.
type Cell struct {
	V     float64
	Blank bool
}

// Num is a cell holding v.
func Num(v float64) Cell { return Cell{V: v} }

// Gap is a blank cell.
var Gap = Cell{Blank: true}

// String formats the cell for CSV: the shortest exact decimal, or "" when
// blank.
func (c Cell) String() string {
	if c.Blank {
		return ""
	}
	return strconv.FormatFloat(c.V, 'f', -1, 64)
}

// MarshalJSON writes the number, or null when blank.
func (c Cell) MarshalJSON() ([]byte, error) {
	if c.Blank {
		return []byte("null"), nil
	}
	return []byte(c.String()), nil
}

// Row is one label (a month, a category, a power item) with a cell per
// series.
type Row struct {
	Label string
	// Link is an optional site path the label links to ("/powers/x/").
	Link string
	// Attrs are the text columns named by Table.Attrs.
	Attrs []string
	Cells []Cell
	// Note qualifies the row ("本月无数据", "4月起有数据").
	Note string
}

// Table is one figure: what the chart draws and the downloads hold.
type Table struct {
	// Topic is the page path below /stats/ ("service-centre",
	// "powers/usage", "year/2026").
	Topic string
	// Slug is the stable anchor and file name, unique within the topic.
	Slug string
	// Name is the fixed name of the figure, for lists and image names.
	Name string
	// Title states the message ("1—5月受理1,234件，按期办结率99.2%").
	Title string
	// Subtitle gives the measure and the period.
	Subtitle string
	// Note says what counts and which rule applies.
	Note string
	// Kind is one of the Kind constants.
	Kind string
	// LabelName heads the label column ("月份").
	LabelName string
	// Attrs names text columns shown between the label and the figures.
	Attrs []string
	// Series name the figure columns, each drawn by the chart.
	Series []string
	Unit   string
	Rows   []Row
	// Sources names the data the figures come from.
	Sources []string
	// AsOf is the date of the latest data the figures count: a day
	// ("2026-10-30") for decisions, a month ("2026-10") for monthly
	// statistics, "" for undated data (the power list), which is as of
	// the build.
	AsOf string
	// Stale reports that the build is more than a month past AsOf: the
	// data has not been updated since.
	Stale bool
}

// ID is the stable DOM id and file stem: the topic path with "/" as "-",
// then the slug ("powers-usage-never-used").
func (t *Table) ID() string {
	id := make([]byte, 0, len(t.Topic)+len(t.Slug)+1)
	for i := 0; i < len(t.Topic); i++ {
		if t.Topic[i] == '/' {
			id = append(id, '-')
		} else {
			id = append(id, t.Topic[i])
		}
	}
	return string(append(append(id, '-'), t.Slug...))
}

// HasNotes reports whether any row carries a note.
func (t *Table) HasNotes() bool {
	for _, r := range t.Rows {
		if r.Note != "" {
			return true
		}
	}
	return false
}

// Drawn reports whether the table has a chart.
func (t *Table) Drawn() bool { return t.Kind != KindTable && len(t.Rows) > 0 }

// Topic is one statistics page.
type Topic struct {
	// Path is the page path below /stats/, as in Table.Topic.
	Path  string
	Title string
	Intro string
}

// round2 rounds half away from zero to two decimals.
func round2(f float64) float64 { return math.Round(f*100) / 100 }

// rate is 100·num/den rounded to two decimals, blank when the denominator
// is missing or 0, or the numerator missing.
func rate(num, den Cell) Cell {
	if num.Blank || den.Blank || den.V == 0 {
		return Gap
	}
	return Num(round2(num.V / den.V * 100))
}

// change is the relative change of cur over prev in percent, blank when
// prev is missing or 0.
func change(cur, prev Cell) Cell {
	if cur.Blank || prev.Blank || prev.V == 0 {
		return Gap
	}
	return Num(round2((cur.V - prev.V) / prev.V * 100))
}

// diff is cur − prev (percentage points for rates), blank when either is.
func diff(cur, prev Cell) Cell {
	if cur.Blank || prev.Blank {
		return Gap
	}
	return Num(round2(cur.V - prev.V))
}

// add sums cells; blank only when all are blank.
func add(cs ...Cell) Cell {
	out := Gap
	for _, c := range cs {
		if !c.Blank {
			out = Num(out.V + c.V)
		}
	}
	return out
}

// topTitle states the largest row of a breakdown in its title: "name：X最多，N起".
// The first of equal rows wins, so the title follows the table's order.
func topTitle(name string, rows []Row, unit string) string {
	if len(rows) == 0 {
		return name
	}
	top := rows[0]
	for _, r := range rows {
		if r.Cells[0].V > top.Cells[0].V {
			top = r
		}
	}
	return name + "：" + top.Label + "最多，" + fmtNum(top.Cells[0].V) + unit
}
