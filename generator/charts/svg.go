package charts

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongshi/generator/internal/numfmt"
	"gongshi/generator/stats"
)

// The static image is drawn in Go, without a browser and without fonts:
// text widths are estimated (a CJK character 1 em, anything else 0.6 em),
// so every label is given room for its estimate and a little more. The
// font is named by family only; a viewer without any of them uses its
// sans-serif.
const (
	svgWidth  = 800
	svgMargin = 24
	svgFont   = `"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif`
	textColor = "#1a1a1a"
	mutedText = "#555555"
	gridColor = "#d9d9d9"
)

// SVG draws a drawn table (Table.Drawn) as a standalone SVG image: its
// title, its name with the unit and the date of its data, the chart, a key
// when there are several series, and the cite line. The bytes depend only
// on the table and cite. A table without a chart gives nil.
func SVG(t stats.Table, cite string) []byte {
	b, _ := drawSVG(t, cite)
	return b
}

// drawSVG is SVG, with the image's height in px (its width is svgWidth).
func drawSVG(t stats.Table, cite string) ([]byte, int) {
	if !t.Drawn() {
		return nil, 0
	}
	w := &svgWriter{}
	y := svgMargin
	var head []string
	head = append(head, wrapText(t.Title, 20, svgWidth-2*svgMargin)...)
	for _, line := range head {
		y += 26
		w.text(svgMargin, float64(y), 20, "bold", textColor, "start", line)
	}
	meta := t.Name
	if t.Unit != "" {
		meta += "　单位：" + t.Unit
	}
	if t.AsOf != "" {
		meta += "　数据截至" + t.AsOfText()
	}
	for _, line := range wrapText(meta, 13, svgWidth-2*svgMargin) {
		y += 20
		w.text(svgMargin, float64(y), 13, "", mutedText, "start", line)
	}
	y += 12
	if len(t.Series) > 1 {
		y = w.legend(t, y)
	}
	if t.Kind == stats.KindHBar {
		y = w.hbar(t, y)
	} else {
		y = w.columns(t, y)
	}
	for _, line := range wrapText(cite, 12, svgWidth-2*svgMargin) {
		y += 18
		w.text(svgMargin, float64(y), 12, "", mutedText, "start", line)
	}
	y += svgMargin

	var out bytes.Buffer
	h := strconv.Itoa(y)
	out.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(svgWidth) + `" height="` + h +
		`" viewBox="0 0 ` + strconv.Itoa(svgWidth) + ` ` + h + `" role="img" aria-labelledby="t d" font-family="` + esc(svgFont) + `">` + "\n")
	out.WriteString(`<title id="t">` + esc(t.Name) + `</title>` + "\n")
	out.WriteString(`<desc id="d">` + esc(t.Title+"。"+cite) + `</desc>` + "\n")
	out.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	out.Write(w.buf.Bytes())
	out.WriteString("</svg>\n")
	return out.Bytes(), y
}

type svgWriter struct{ buf bytes.Buffer }

func (w *svgWriter) text(x, y float64, size int, weight, fill, anchor, s string) {
	w.buf.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" font-size="` + strconv.Itoa(size) + `"`)
	if weight != "" {
		w.buf.WriteString(` font-weight="` + weight + `"`)
	}
	if anchor != "start" {
		w.buf.WriteString(` text-anchor="` + anchor + `"`)
	}
	w.buf.WriteString(` fill="` + fill + `">` + esc(s) + "</text>\n")
}

func (w *svgWriter) line(x1, y1, x2, y2 float64, stroke string, width float64, dash string) {
	w.buf.WriteString(`<line x1="` + num(x1) + `" y1="` + num(y1) + `" x2="` + num(x2) + `" y2="` + num(y2) +
		`" stroke="` + stroke + `" stroke-width="` + num(width) + `"`)
	if dash != "" {
		w.buf.WriteString(` stroke-dasharray="` + dash + `"`)
	}
	w.buf.WriteString("/>\n")
}

func (w *svgWriter) rect(x, y, wd, ht float64, fill string) {
	w.buf.WriteString(`<rect x="` + num(x) + `" y="` + num(y) + `" width="` + num(wd) + `" height="` + num(ht) + `" fill="` + fill + `"/>` + "\n")
}

// legend draws a key of the series, wrapping to further rows, and returns
// the y below it.
func (w *svgWriter) legend(t stats.Table, y int) int {
	x := float64(svgMargin)
	row := float64(y + 14)
	for i, s := range t.Series {
		sw := 28 + textWidth(s, 13) + 20
		if x+sw > svgWidth-svgMargin && x > svgMargin {
			x, row = svgMargin, row+22
		}
		c := Palette[i%len(Palette)]
		if t.Kind == stats.KindLine {
			w.line(x, row-4, x+22, row-4, c, 2.5, svgDash(i))
		} else {
			w.rect(x, row-13, 22, 12, c)
		}
		w.text(x+28, row, 13, "", textColor, "start", s)
		x += sw
	}
	return int(row) + 14
}

// svgDash is the line style of series i, as in the ECharts option.
func svgDash(i int) string {
	switch dashes[i%len(dashes)] {
	case "dashed":
		return "8 4"
	case "dotted":
		return "2 3"
	}
	return ""
}

// scale is a value axis from lo to hi with its tick step.
type scale struct{ lo, hi, step float64 }

// niceScale covers lo..hi (0 included) with about five round ticks.
func niceScale(lo, hi float64) scale {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi == lo {
		hi = lo + 1
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return scale{math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step}
}

func (s scale) ticks() []float64 {
	var out []float64
	n := int(math.Round((s.hi - s.lo) / s.step))
	for i := 0; i <= n; i++ {
		out = append(out, s.lo+float64(i)*s.step)
	}
	return out
}

// extent is the smallest and largest figure a chart draws: each cell, or
// each label's sum for stacked bars.
func extent(t stats.Table) (lo, hi float64) {
	for _, r := range t.Rows {
		sum := 0.0
		for _, c := range r.Cells {
			if c.Blank {
				continue
			}
			if t.Kind == stats.KindStack {
				sum += c.V
				lo, hi = math.Min(lo, sum), math.Max(hi, sum)
			} else {
				lo, hi = math.Min(lo, c.V), math.Max(hi, c.V)
			}
		}
	}
	return lo, hi
}

// columns draws a line, bar or stacked bar chart over the rows' labels and
// returns the y below it.
func (w *svgWriter) columns(t stats.Table, top int) int {
	const plotH = 300.0
	s := niceScale(extent(t))
	ticks := s.ticks()
	yw := 0.0
	for _, v := range ticks {
		yw = math.Max(yw, textWidth(numfmt.Number(v), 12))
	}
	x0, x1 := float64(svgMargin)+yw+8, float64(svgWidth-svgMargin)
	y0 := float64(top) + 8
	y1 := y0 + plotH
	ypos := func(v float64) float64 { return y1 - (v-s.lo)/(s.hi-s.lo)*plotH }
	for _, v := range ticks {
		y := ypos(v)
		w.line(x0, y, x1, y, gridColor, 1, "")
		w.text(x0-6, y+4, 12, "", mutedText, "end", numfmt.Number(v))
	}
	n := len(t.Rows)
	band := (x1 - x0) / float64(n)
	// Show every step-th label so that none overlap.
	lw := 0.0
	for _, r := range t.Rows {
		lw = math.Max(lw, textWidth(r.Label, 12))
	}
	step := int(math.Ceil((lw + 8) / band))
	if step < 1 {
		step = 1
	}
	for i, r := range t.Rows {
		if (n-1-i)%step != 0 { // the latest label is always shown
			continue
		}
		w.text(x0+band*(float64(i)+0.5), y1+18, 12, "", textColor, "middle", r.Label)
	}
	base := ypos(0)
	switch t.Kind {
	case stats.KindLine:
		for si := range t.Series {
			c := Palette[si%len(Palette)]
			var d strings.Builder
			pen := false
			for i, r := range t.Rows {
				cell := r.Cells[si]
				if cell.Blank {
					pen = false
					continue
				}
				cmd := "L"
				if !pen {
					cmd = "M"
				}
				if d.Len() > 0 {
					d.WriteByte(' ')
				}
				d.WriteString(cmd + num(x0+band*(float64(i)+0.5)) + " " + num(ypos(cell.V)))
				pen = true
			}
			if d.Len() == 0 {
				continue
			}
			w.buf.WriteString(`<path d="` + d.String() + `" fill="none" stroke="` + c + `" stroke-width="2"`)
			if dash := svgDash(si); dash != "" {
				w.buf.WriteString(` stroke-dasharray="` + dash + `"`)
			}
			w.buf.WriteString("/>\n")
			for i, r := range t.Rows {
				if cell := r.Cells[si]; !cell.Blank {
					w.buf.WriteString(`<circle cx="` + num(x0+band*(float64(i)+0.5)) + `" cy="` + num(ypos(cell.V)) + `" r="3" fill="` + c + `"/>` + "\n")
				}
			}
		}
	case stats.KindStack:
		bw := band * 0.6
		for i, r := range t.Rows {
			sum := 0.0
			for si, cell := range r.Cells {
				if cell.Blank || cell.V == 0 {
					continue
				}
				ya, yb := ypos(sum), ypos(sum+cell.V)
				w.rect(x0+band*float64(i)+(band-bw)/2, math.Min(ya, yb), bw, math.Abs(ya-yb), Palette[si%len(Palette)])
				sum += cell.V
			}
		}
	default:
		ns := float64(len(t.Series))
		bw := band * 0.7 / ns
		for i, r := range t.Rows {
			for si, cell := range r.Cells {
				if cell.Blank {
					continue
				}
				x := x0 + band*float64(i) + band*0.15 + bw*float64(si)
				y := ypos(cell.V)
				w.rect(x, math.Min(y, base), bw, math.Abs(base-y), Palette[si%len(Palette)])
				if ns == 1 && bw >= textWidth(numfmt.Number(cell.V), 11) {
					w.text(x+bw/2, math.Min(y, base)-4, 11, "", textColor, "middle", numfmt.Number(cell.V))
				}
			}
		}
	}
	w.line(x0, base, x1, base, mutedText, 1, "")
	return int(math.Ceil(y1)) + 28
}

// hbar draws horizontal bars, one group per row with its label on the left
// and each value at the end of its bar, and returns the y below it.
func (w *svgWriter) hbar(t stats.Table, top int) int {
	ns := len(t.Series)
	barH := 16.0
	group := barH*float64(ns) + 8
	lw := 0.0
	labels := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		labels[i] = clip(r.Label, 14)
		lw = math.Max(lw, textWidth(labels[i], 13))
	}
	_, hi := extent(t)
	if hi <= 0 {
		hi = 1
	}
	vw := 0.0
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if !c.Blank {
				vw = math.Max(vw, textWidth(numfmt.Number(c.V), 12))
			}
		}
	}
	x0 := float64(svgMargin) + lw + 10
	x1 := float64(svgWidth-svgMargin) - vw - 8
	y := float64(top) + 4
	for i, r := range t.Rows {
		w.text(x0-8, y+group/2+4, 13, "", textColor, "end", labels[i])
		for si, c := range r.Cells {
			by := y + 4 + barH*float64(si)
			if c.Blank {
				w.text(x0+4, by+barH-4, 12, "", mutedText, "start", "—")
				continue
			}
			bw := math.Max(0, c.V) / hi * (x1 - x0)
			w.rect(x0, by, bw, barH-2, Palette[si%len(Palette)])
			w.text(x0+bw+4, by+barH-4, 12, "", textColor, "start", numfmt.Number(c.V))
		}
		y += group
	}
	w.line(x0, float64(top)+4, x0, y, mutedText, 1, "")
	return int(math.Ceil(y)) + 8
}

// clip shortens s to at most n characters, ending in "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// textWidth estimates the width of s in px at font size size.
func textWidth(s string, size int) float64 {
	em := 0.0
	for _, r := range s {
		if wide(r) {
			em += 1
		} else {
			em += 0.6
		}
	}
	return em * float64(size)
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x30ff) || (r >= 0xff00 && r <= 0xffef)
}

// wrapText breaks s into lines no wider than max px at size, between any
// two characters except inside a run of ASCII letters and digits (a URL
// breaks at its punctuation).
func wrapText(s string, size int, max float64) []string {
	var lines []string
	var cur []rune
	curW := 0.0
	runes := []rune(s)
	for i := 0; i < len(runes); {
		j := i + 1
		for j < len(runes) && word(runes[j-1]) && word(runes[j]) {
			j++
		}
		chunk := runes[i:j]
		cw := textWidth(string(chunk), size)
		if curW+cw > max && len(cur) > 0 {
			lines = append(lines, string(cur))
			cur, curW = nil, 0
		}
		cur = append(cur, chunk...)
		curW += cw
		i = j
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

func word(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func esc(s string) string { return escaper.Replace(s) }
