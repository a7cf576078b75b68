// Package opendata builds the open-data catalogue at /data/ and the
// downloads of every dataset, as CSV (UTF-8 with BOM, formula-safe) and JSON,
// and the 双公示 standard files under /data/standard/ (Standard), which staff
// upload to the provincial credit platform. Only publishable records and
// fields reach it: its input is the site model.
package opendata

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/internal/csvsafe"
	"gongshi/generator/records"
	"gongshi/generator/site"
	"gongshi/generator/value"
)

// Field describes one column of a dataset.
type Field struct {
	Name    string `json:"name"`
	Key     string `json:"key"`
	Meaning string `json:"description"`
	Unit    string `json:"unit,omitempty"`
}

// Dataset is one entry of the catalogue.
type Dataset struct {
	Slug        string    `json:"id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Fields      []Field   `json:"fields"`
	Count       int       `json:"records"`
	Updated     time.Time `json:"updated"`
	CSV         string    `json:"csv"`
	JSON        string    `json:"json"`
	// table is the CSV download's rows, header first; the downloads are
	// encoded from it as they are written (WriteFiles).
	table [][]string
	// Rows are the records as written, for the changelog.
	Rows []Row `json:"-"`
	// News names the values of Row.News: the fields whose change is
	// news on /changes/.
	News []string `json:"-"`
	// From and To bound the period the records cover (ISO 8601 dates, or
	// months for monthly statistics); a list as it stands (powers,
	// services) covers the build date.
	From, To string `json:"-"`
}

// Coverage is the period the records cover as an ISO 8601 interval
// ("2022-01-05/2026-10-30"), or one date.
func (d *Dataset) Coverage() string {
	if d.From == d.To {
		return d.From
	}
	return d.From + "/" + d.To
}

// Row is one record of a dataset: its id, a title, its values in the
// order of the dataset's fields, and the values whose change is news
// (Dataset.News).
type Row struct {
	ID     string
	Title  string
	Values []string
	News   []string
}

// caseNews, powerNews and serviceNews are the fields whose change is news:
// the published columns, and a power's or service's text that pages show
// and downloads leave out. A field is only ever appended to these lists:
// the changelog takes a field its previous manifest lacks for no change.
var (
	powerNews   = []string{"设定依据", "责任事项", "追责情形", "追责依据", "监督方式", "备注", "事项状态"}
	serviceNews = []string{"受理条件", "申请材料", "办理流程", "办理时间", "投诉电话", "法律依据", "办理结果"}
)

var caseFields = []Field{
	{"决定书文号", "decision_no", "行政处罚决定书文号", ""},
	{"当事人", "party", "行政相对人名称；自然人姓名已隐去部分", ""},
	{"当事人类别", "party_class", "法人及非法人组织、自然人或个体工商户", ""},
	{"统一社会信用代码", "credit_code", "法人、非法人组织和个体工商户的统一社会信用代码", ""},
	{"法定代表人", "legal_rep", "法人的法定代表人；个体工商户经营者姓名已隐去部分", ""},
	{"违法行为类型", "violation", "违法行为类型", ""},
	{"违法事实", "facts", "违法事实；个人信息已隐去", ""},
	{"处罚依据", "basis", "处罚依据的法律、法规条款", ""},
	{"处罚类别", "categories", "处罚类别，多个以分号分隔", ""},
	{"处罚内容", "content", "处罚内容", ""},
	{"罚款金额", "fine", "罚款金额", "元"},
	{"没收金额", "confiscated", "没收违法所得、没收非法财物的金额", "元"},
	{"处罚决定日期", "decision_date", "处罚决定日期", ""},
	{"公示截止期", "publish_until", "公示截止日期", ""},
	{"处罚机关", "authority", "处罚机关", ""},
	{"处罚机关统一社会信用代码", "authority_code", "处罚机关统一社会信用代码", ""},
	{"权力编码", "power_code", "所依据的权力清单事项编码", ""},
	{"页面", "url", "本站页面地址", ""},
}

// Build makes the catalogue's datasets from the site model. absURL turns a
// path into the URL written into the downloads.
func Build(s *site.Site, absURL func(string) string) []Dataset {
	var out []Dataset
	updated := s.BuildDate
	// Cases.
	// Each dataset's rows are allocated at their final size: appending
	// 25k decisions copied them over and over.
	rows := append(make([][]string, 0, len(s.Cases)+1), header(caseFields))
	recs := make([]Row, 0, len(s.Cases))
	for i := range s.Cases {
		c := &s.Cases[i]
		r := caseRow(c, absURL)
		rows = append(rows, r)
		recs = append(recs, Row{c.ID, c.DecisionNo, r, r[:len(r)-1]})
	}
	ds := dataset("cases", "行政处罚决定", "公示期内的行政处罚决定（双公示），自然人个人信息已按规定处理。", caseFields, rows, updated)
	ds.Rows, ds.News = recs, fieldNames(caseFields[:len(caseFields)-1])
	ds.cover(len(s.Cases), func(i int) time.Time { return s.Cases[i].DecisionDate }, updated)
	out = append(out, ds)
	// Powers.
	pf := []Field{{"事项编码", "code", "事项编码", ""}, {"事项名称", "name", "事项名称", ""}, {"子项名称", "sub_name", "子项名称", ""}, {"事项类型", "category", "权力类别", ""}, {"权力来源", "source", "法定本级行使、上级下放、委托或授权", ""}, {"实施主体", "subject", "实施主体", ""}, {"承办机构", "office", "承办机构", ""}, {"实施依据", "basis", "实施依据", ""}, {"所属领域", "domain", "所属领域", ""}, {"行使层级", "level", "行使层级", ""}, {"监督电话", "phone", "监督电话", ""}, {"页面", "url", "本站页面地址", ""}}
	rows = append(make([][]string, 0, len(s.Powers)+1), header(pf))
	recs = make([]Row, 0, len(s.Powers))
	for i := range s.Powers {
		p := &s.Powers[i]
		r := []string{p.Code, p.Name, p.SubName, p.Category, p.Source, p.Subject, p.Office, p.ImplBasis, p.Domain, p.Level, p.SupervisionPhone, absURL(p.URL())}
		rows = append(rows, r)
		recs = append(recs, Row{p.ID(), p.Title(), r, append(r[:len(r)-1:len(r)-1], p.SetBasis, p.Duties, p.Accountability, p.AccountabilityBasis, p.SupervisionMethod, p.Remarks, s.PowerStatus(p))})
	}
	ds = dataset("powers", "权力清单", "本镇权力清单事项及其依据、来源和实施主体。", pf, rows, updated)
	ds.Rows, ds.News = recs, append(fieldNames(pf[:len(pf)-1]), powerNews...)
	ds.From, ds.To = updated.Format("2006-01-02"), updated.Format("2006-01-02")
	out = append(out, ds)
	if len(s.Result.PowerChanges) > 0 {
		out = append(out, powerChanges(s, updated, absURL))
	}
	// Services.
	sf := []Field{{"事项名称", "name", "事项名称", ""}, {"事项编码", "code", "事项编码", ""}, {"所属领域", "domain", "所属领域", ""}, {"服务对象", "target", "服务对象", ""}, {"实施主体", "subject", "实施主体", ""}, {"法定办结时限", "legal_limit", "法定办结时限", ""}, {"承诺办结时限", "promise_limit", "承诺办结时限", ""}, {"收费标准", "fee", "收费标准", ""}, {"是否网办", "online", "是否可网上办理", ""}, {"到办事现场次数", "trips", "需要到现场的次数", "次"}, {"办件类型", "item_type", "即办件或承诺件", ""}, {"办理地点", "place", "办理地点", ""}, {"咨询电话", "phone", "咨询电话", ""}, {"页面", "url", "本站页面地址", ""}}
	rows = append(make([][]string, 0, len(s.Services)+1), header(sf))
	recs = make([]Row, 0, len(s.Services))
	for i := range s.Services {
		v := &s.Services[i]
		trips := ""
		if v.Trips >= 0 {
			trips = strconv.Itoa(v.Trips)
		}
		r := []string{v.Name, v.Code, v.Domain, v.Target, v.Subject, v.LegalLimit, v.PromiseLimit, v.Fee, v.Online, trips, v.ItemType, v.Place, v.Phone, absURL(v.URL())}
		rows = append(rows, r)
		recs = append(recs, Row{v.ID(), v.Name, r, append(r[:len(r)-1:len(r)-1], v.Conditions, strings.Join(v.Materials, "\n"), strings.Join(v.Flow, "\n"), v.Hours, v.ComplaintPhone, v.LegalBasis, v.Result)})
	}
	ds = dataset("services", "政务服务事项", "政务服务事项及办事指南要素。", sf, rows, updated)
	ds.Rows, ds.News = recs, append(fieldNames(sf[:len(sf)-1]), serviceNews...)
	ds.From, ds.To = updated.Format("2006-01-02"), updated.Format("2006-01-02")
	out = append(out, ds)
	for _, k := range s.Result.Kinds {
		out = append(out, kindDataset(k, s.Result.Items[k.Name], updated, absURL))
	}
	// Statistics rows as exported, normalised to the long layout.
	stf := []Field{{"数据表", "table", "来源统计表", ""}, {"月份", "month", "统计月份", ""}, {"类别", "category", "类别", ""}, {"窗口", "window", "窗口", ""}, {"指标", "indicator", "指标", ""}, {"数值", "value", "数值", ""}}
	rows = append(make([][]string, 0, len(s.Result.Stats)+1), header(stf))
	for _, r0 := range s.Result.Stats {
		r := []string{r0.Dataset, r0.Month, r0.Category, r0.Window, r0.Indicator, strconv.FormatFloat(r0.Value, 'f', -1, 64)}
		rows = append(rows, r)
	}
	ds = dataset("stats", "统计数据", "便民服务中心、综治中心和信访等月度统计，按月份、类别、窗口和指标逐项列出。", stf, rows, updated)
	for _, r := range s.Result.Stats {
		if ds.From == "" || r.Month < ds.From {
			ds.From = r.Month
		}
		ds.To = max(ds.To, r.Month)
	}
	if ds.From == "" {
		ds.From, ds.To = updated.Format("2006-01"), updated.Format("2006-01")
	}
	out = append(out, ds)
	return out
}

func caseRow(c *disclose.Case, absURL func(string) string) []string {
	money := func(m value.Money) string {
		if m == 0 {
			return ""
		}
		return m.Plain()
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	return []string{c.DecisionNo, c.PartyName, c.PartyClass.String(), c.CreditCode, c.LegalRep, c.Violation, c.Facts, c.Basis,
		strings.Join(c.Categories, ";"), c.Content, money(c.Fine), money(c.Confiscated), date(c.DecisionDate), date(c.PublishUntil),
		c.Authority, c.AuthorityCode, c.PowerCode, absURL(c.URL())}
}

// kindDataset is the dataset of a kind declared by its fields: its Open
// fields, and a page column.
func kindDataset(k *records.Kind, items []disclose.Item, updated time.Time, absURL func(string) string) Dataset {
	var fields []Field
	var cols, news []int
	for i := range k.Fields {
		f := &k.Fields[i]
		if !f.Published() {
			continue
		}
		if f.Open {
			unit := ""
			if f.Type == records.TypeMoney {
				unit = "元"
			}
			fields = append(fields, Field{Name: f.Label(), Key: f.Key, Meaning: f.Meaning, Unit: unit})
			cols = append(cols, i)
		}
		if f.News {
			news = append(news, i)
		}
	}
	fields = append(fields, Field{"页面", "url", "本站页面地址", ""})
	rows := append(make([][]string, 0, len(items)+1), header(fields))
	recs := make([]Row, 0, len(items))
	var newsNames []string
	for _, i := range news {
		newsNames = append(newsNames, k.Fields[i].Label())
	}
	for i := range items {
		it := &items[i]
		r := make([]string, 0, len(cols)+1)
		for _, c := range cols {
			r = append(r, it.Values[c])
		}
		r = append(r, absURL(it.URL()))
		n := make([]string, len(news))
		for j, c := range news {
			n[j] = it.Values[c]
		}
		rows = append(rows, r)
		recs = append(recs, Row{it.ID, it.Sub(), r, n})
	}
	ds := dataset(k.Name, k.Title, k.Intro, fields, rows, updated)
	ds.Rows, ds.News = recs, newsNames
	ds.cover(len(items), func(i int) time.Time { return items[i].Date }, updated)
	return ds
}

// cover sets From and To to the first and last of n records' dates (zero
// dates left out), or to the build date when none has one.
func (ds *Dataset) cover(n int, date func(i int) time.Time, updated time.Time) {
	for i := range n {
		if d := date(i); !d.IsZero() {
			day := d.Format("2006-01-02")
			if ds.From == "" || day < ds.From {
				ds.From = day
			}
			ds.To = max(ds.To, day)
		}
	}
	if ds.From == "" {
		ds.From, ds.To = updated.Format("2006-01-02"), updated.Format("2006-01-02")
	}
}

func fieldNames(fs []Field) []string { return header(fs) }

func header(fs []Field) []string {
	h := make([]string, len(fs))
	for i, f := range fs {
		h[i] = f.Name
	}
	return h
}

// dataset makes a catalogue entry from rows, whose first row is the
// header; its downloads are encoded when written (WriteFiles).
func dataset(slug, title, desc string, fields []Field, rows [][]string, updated time.Time) Dataset {
	return Dataset{Slug: slug, Title: title, Description: desc, Fields: fields, Count: len(rows) - 1, Updated: updated,
		CSV: "/data/" + slug + ".csv", JSON: "/data/" + slug + ".json", table: rows}
}

// WriteFiles encodes the dataset's downloads, the CSV then the JSON, and
// hands each to write by URL path. One download is in memory at a time,
// for as long as write holds it: a 1M-decision town's two downloads of
// its decisions are 540 MB (BenchmarkBuildSample/cases=1000000).
func (d *Dataset) WriteFiles(write func(path string, data []byte) error) error {
	if err := write(d.CSV, csvsafe.Encode(d.table)); err != nil {
		return err
	}
	js, err := encodeJSON(d.Slug, d.Title, d.Fields, d.table[1:], d.Updated)
	if err != nil {
		return err
	}
	return write(d.JSON, js)
}

// Drop lets the dataset's rows go once its downloads are written: the
// catalogue entry stays.
func (d *Dataset) Drop() {
	d.table, d.Rows = nil, nil
}

// PowerChangeID is the identity of a power change in the open data and
// the changelog: the item, the type, the date and the document.
func PowerChangeID(c *records.PowerChange) string {
	d := ""
	if !c.Date.IsZero() {
		d = c.Date.Format("2006-01-02")
	}
	return records.HashID(c.Code, c.SubName, c.Type, d, c.Doc)
}

// powerChanges is the register of power changes as a dataset, by date.
func powerChanges(s *site.Site, updated time.Time, absURL func(string) string) Dataset {
	f := []Field{{"事项编码", "code", "事项编码", ""}, {"事项名称", "name", "事项名称", ""}, {"子项名称", "sub_name", "子项名称", ""},
		{"调整类型", "type", "新增、收回、取消、调整或暂停", ""}, {"调整日期", "date", "调整生效日期", ""}, {"调整文件", "document", "作出调整的文件", ""},
		{"调整理由", "reason", "调整理由", ""}, {"承接单位", "successor", "收回或取消后行使该事项的单位", ""}, {"页面", "url", "本站事项页面地址", ""}}
	cs := append([]records.PowerChange(nil), s.Result.PowerChanges...)
	slices.SortStableFunc(cs, func(a, b records.PowerChange) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	rows := [][]string{header(f)}
	var recs []Row
	seen := map[string]bool{}
	from, to := "", ""
	for i := range cs {
		c := &cs[i]
		id := PowerChangeID(c)
		if seen[id] {
			continue
		}
		seen[id] = true
		d := ""
		if !c.Date.IsZero() {
			d = c.Date.Format("2006-01-02")
			if from == "" {
				from = d
			}
			to = d
		}
		r := []string{c.Code, c.Name, c.SubName, c.Type, d, c.Doc, c.Reason, c.Successor, absURL(records.PowerKind.URL(c.ID()))}
		rows = append(rows, r)
		recs = append(recs, Row{id, c.Type + "：" + c.Title(), r, r[:len(r)-1]})
	}
	ds := dataset("power-changes", "权力事项调整记录", "权力清单事项的新增、收回、取消、调整和暂停，及其调整文件和理由。", f, rows, updated)
	ds.Rows, ds.News = recs, fieldNames(f[:len(f)-1])
	ds.From, ds.To = from, to
	if from == "" {
		ds.From, ds.To = updated.Format("2006-01-02"), updated.Format("2006-01-02")
	}
	return ds
}
