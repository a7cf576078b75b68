package render

import (
	"fmt"
	"gongshi/generator/internal/numfmt"
	"gongshi/generator/records"
	"gongshi/generator/review"
	"net/url"

	"gongshi/generator/changelog"
	"gongshi/generator/content"
	"gongshi/generator/disclose"
	"gongshi/generator/site"
	"html/template"
	"strconv"
	"strings"
	"time"

	"gongshi/generator/value"
)

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"url":    r.URL,
		"months": review.Months,
		"absURL": r.AbsURL,
		"T":      r.T,
		"md": func(b []byte) (template.HTML, error) {
			return r.Markdown(b)
		},
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2006-01-02")
		},
		"cnDate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
		},
		"pubDate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2006-01-02 15:04")
		},
		"month": func(m string) string {
			if len(m) == 7 {
				mm, _ := strconv.Atoi(m[5:])
				return m[:4] + "年" + strconv.Itoa(mm) + "月"
			}
			return m
		},
		"money": func(m value.Money) string { return m.String() },
		"num":   formatNum,
		"list":  value.SplitList,
		"join":  strings.Join,
		// ofDataset keeps the items of one dataset (in is true) or of every
		// other one, in order.
		"ofDataset": func(items []changelog.Item, ds string, in bool) []changelog.Item {
			var out []changelog.Item
			for _, it := range items {
				if (it.Dataset == ds) == in {
					out = append(out, it)
				}
			}
			return out
		},
		"add": func(a, b int) int { return a + b },
		"lines": func(s string) []string {
			var out []string
			for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					out = append(out, l)
				}
			}
			return out
		},
		"hasPrefix": strings.HasPrefix,
		"telURI": func(s string) template.URL {
			var b strings.Builder
			for _, c := range s {
				if c >= '0' && c <= '9' || c == '-' || c == '+' {
					b.WriteRune(c)
				}
			}
			return template.URL("tel:" + b.String())
		},
		"year":     func(t time.Time) int { return t.Year() },
		"sections": func() []site.Crumb { return r.nav },
		"partialCached": func(name, key string, ctx any) (template.HTML, error) {
			return r.partialCached(name, key, ctx)
		},
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"datasetName": func(ds string) string {
			for _, k := range r.kinds {
				if k.Name == ds {
					return k.Title
				}
			}
			if k := records.KindByName(ds); k != nil {
				return k.Title
			}
			if ds == "power-changes" {
				return records.PowerChangeKind.Title
			}
			return ds
		},
		"siteDomain": func() string {
			if u, err := url.Parse(r.cfg.BaseURL); err == nil && u.Host != "" {
				return u.Host
			}
			return ""
		},
		"latestCases": func(s *site.Site, n int) []disclose.Case {
			return s.Cases[:min(n, len(s.Cases))]
		},
		"latestNotices": func(s *site.Site, n int) []*content.Page {
			return s.Notices[:min(n, len(s.Notices))]
		},
	}
}

// formatNum writes a figure as every table shows it (numfmt.Number).
func formatNum(v any) string {
	switch x := v.(type) {
	case int:
		return numfmt.Number(float64(x))
	case int64:
		return numfmt.Number(float64(x))
	case float64:
		return numfmt.Number(x)
	}
	return fmt.Sprint(v)
}
