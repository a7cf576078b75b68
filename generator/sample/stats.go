package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// statMonths is how many months the service centre's table covers.
const statMonths = 48

// centreCategory is one category of the service centre's monthly table.
type centreCategory struct {
	name, window string
	base         float64     // cases a month at the start
	instant      float64     // share of 即办件
	online       float64     // share handled online at the start
	season       [12]float64 // by month, January first
}

var centreCategories = []centreCategory{
	{"社会保障", "1号窗口", 320, 0.75, 0.40, [12]float64{1.5, 0.8, 1.2, 1.0, 0.9, 0.9, 0.9, 0.9, 1.1, 1.2, 1.4, 1.5}},
	{"民政事务", "2号窗口", 150, 0.35, 0.12, [12]float64{1.25, 0.8, 1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 1.0, 1.0, 1.0, 1.1}},
	{"农业农村", "3号窗口", 110, 0.50, 0.20, [12]float64{0.8, 0.6, 1.4, 1.5, 1.2, 0.9, 0.9, 0.9, 1.0, 1.1, 0.9, 0.8}},
	{"规划建设", "4号窗口", 55, 0.10, 0.08, [12]float64{0.7, 0.4, 1.3, 1.3, 1.2, 1.0, 0.9, 0.8, 1.0, 1.2, 1.1, 0.9}},
	{"市场监管", "5号窗口", 90, 0.45, 0.50, [12]float64{0.9, 0.6, 1.3, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1}},
	{"综合受理", "6号窗口", 200, 0.80, 0.25, [12]float64{1.0, 0.7, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05}},
}

var centreHeader = []string{"月份", "类别", "窗口", "受理数", "办结数", "按期办结数", "即办件数", "承诺件数", "网办数", "非常满意", "满意", "基本满意", "不满意", "非常不满意"}

// noise returns a factor in [1-d, 1+d].
func noise(r *rand.Rand, d float64) float64 { return 1 - d + 2*d*r.Float64() }

func round(x float64) int { return int(math.Round(x)) }

// ratingShares are the chances of the five 好差评 levels.
var ratingShares = [5]float64{0.85, 0.11, 0.03, 0.007, 0.003}

// writeStats writes the service centre's long table and the governance
// centre's wide tables, and returns the months of the long table.
func writeStats(o *output, r *rand.Rand) (int, error) {
	c, err := o.createCSV("data/stats/便民服务中心月度统计.csv", false, nil)
	if err != nil {
		return 0, err
	}
	c.write(centreHeader)
	first := time.Date(o.end.Year(), o.end.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -(statMonths - 1), 0)
	for m := 0; m < statMonths; m++ {
		month := first.AddDate(0, m, 0)
		years := float64(m) / 12
		for _, cc := range centreCategories {
			accepted := round(cc.base * cc.season[month.Month()-1] * math.Pow(1.05, years) * noise(r, 0.1))
			instant := min(accepted, round(float64(accepted)*cc.instant*noise(r, 0.05)))
			promised := accepted - instant
			done := accepted - round(float64(promised)*0.06*r.Float64())
			onTime := done - round(float64(done)*0.01*r.Float64())
			online := round(float64(accepted) * math.Min(0.9, cc.online+0.06*years) * noise(r, 0.08))
			online = min(online, accepted)
			var ratings [5]int
			rated := round(float64(done) * (0.65 + 0.25*r.Float64()))
			for k := 0; k < rated; k++ {
				x := r.Float64()
				for l, s := range ratingShares {
					if x < s || l == len(ratingShares)-1 {
						ratings[l]++
						break
					}
					x -= s
				}
			}
			rec := []string{month.Format("2006-01"), cc.name, cc.window}
			for _, v := range []int{accepted, done, onTime, instant, promised, online, ratings[0], ratings[1], ratings[2], ratings[3], ratings[4]} {
				rec = append(rec, strconv.Itoa(v))
			}
			c.write(rec)
		}
	}
	if err := c.close(); err != nil {
		return 0, err
	}
	for y := o.end.Year() - 2; y <= o.end.Year(); y++ {
		if err := writePetitions(o, r, y); err != nil {
			return 0, err
		}
	}
	return statMonths, nil
}

// petitionIndicators are the rows of the governance centre's table, with a
// monthly base and a seasonality (disputes peak before the Spring Festival
// over wages, and after the harvest over land).
var petitionIndicators = []struct {
	name   string
	base   float64
	season [12]float64
}{
	{"来访人次", 85, [12]float64{1.3, 1.2, 1.0, 1.0, 0.95, 0.95, 0.9, 0.9, 1.0, 1.1, 1.0, 1.1}},
	{"矛盾纠纷受理", 32, [12]float64{1.4, 1.2, 1.0, 0.9, 0.9, 1.1, 1.0, 0.9, 1.0, 1.2, 1.0, 1.1}},
	{"矛盾纠纷化解", 0, [12]float64{}},
	{"信访受理", 9, [12]float64{1.2, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0}},
	{"信访办结", 0, [12]float64{}},
}

// writePetitions writes the wide table of one year: a merged title, one row
// per indicator, one column per month and a 合计 column, and a footer. In the
// year of the end date, later months are empty.
func writePetitions(o *output, r *rand.Rand, year int) error {
	b, err := newBook(o, "Sheet1")
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s%d年综治中心、信访工作统计表", Town, year)
	if err := b.sw.SetColWidth(1, 1, 16); err != nil {
		return err
	}
	if err := b.sw.SetColWidth(2, 14, 8); err != nil {
		return err
	}
	if err := b.add([]any{excelize.Cell{StyleID: b.style(titleStyle), Value: title}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := b.sw.MergeCell("A1", "N1"); err != nil {
		return err
	}
	header := []string{"指标"}
	for m := 1; m <= 12; m++ {
		header = append(header, strconv.Itoa(m)+"月")
	}
	header = append(header, "合计")
	if err := b.add(styled(b.style(headerStyle), header...)); err != nil {
		return err
	}
	last := 12
	if year == o.end.Year() {
		last = int(o.end.Month())
	}
	trend := math.Pow(0.97, float64(year-o.end.Year()+2))
	var prev [12]int
	for _, ind := range petitionIndicators {
		row := []any{ind.name}
		sum := 0
		var vals [12]int
		for m := 0; m < 12; m++ {
			if m >= last {
				row = append(row, nil)
				continue
			}
			var v int
			switch ind.base {
			case 0: // resolved or closed: most of the row above
				v = prev[m] - round(float64(prev[m])*0.12*r.Float64())
			default:
				v = round(ind.base * ind.season[m] * trend * noise(r, 0.25))
			}
			vals[m] = v
			sum += v
			row = append(row, v)
		}
		row = append(row, excelize.Cell{Formula: fmt.Sprintf("SUM(B%d:M%d)", b.row+1, b.row+1), Value: sum})
		if err := b.add(row); err != nil {
			return err
		}
		prev = vals
	}
	if err := b.add([]any{"制表单位：" + GovernCentre}); err != nil {
		return err
	}
	return b.save(fmt.Sprintf("data/stats/综治中心信访统计-%d.xlsx", year), title)
}
