package charts

import (
	"strconv"
	"time"

	"gongshi/generator/stats"
)

// Entry is one chart of the catalogue. Topic and Slug make its stable
// anchor and file names (see stats.Table.ID); once published they never
// change.
type Entry struct {
	// Topic is the page path below /stats/. Entries of stats.TopicYear are
	// built once per year, on "year/YYYY"; entries of stats.TopicOwn once
	// per topic of a town's own tables (site.toml [stats."DATASET"]).
	Topic string
	Slug  string
	// Title is the chart's fixed name; a year or the own topic's title is
	// prefixed on year and own pages.
	Title string
	// Build computes the table for the page the scope names.
	Build func(d *stats.Data, s Scope) stats.Table
	// Has reports whether there is anything to show; nil means always.
	Has func(d *stats.Data, s Scope) bool
}

// Scope is what a page covers: its topic path, and the year of a year
// page (else 0).
type Scope struct {
	Topic string
	Year  int
}

// TopicInfo describes one statistics page.
type TopicInfo struct {
	Path, Title, Intro string
	// Has reports whether the page has data; pages without are left out.
	Has func(d *stats.Data) bool
}

// Topics are the statistics pages in the order of /stats/. Year pages come
// after them, newest first.
var Topics = []TopicInfo{
	{stats.TopicService, "便民服务中心", "便民服务中心每月受理、办结的政务服务事项，按期办结率，好差评，以及本年累计、环比和同比。", (*stats.Data).HasService},
	{stats.TopicPetitions, "综治中心与信访", "来访人次、矛盾纠纷受理与化解、信访受理与办结，以及化解率和办结率。", (*stats.Data).HasPetitions},
	{stats.TopicEnforcement, "行政执法", "按决定日期统计的行政处罚决定数和罚款金额，按处罚类别、违法行为、执法领域和当事人类别分列。", (*stats.Data).HasEnforcement},
	{stats.TopicInspections, "行政检查", "按检查日期统计的行政检查次数：按检查方式、按检查结果，以及每年“双随机、一公开”抽查占全部检查的比例。", (*stats.Data).HasInspections},
	{stats.TopicCoercion, "行政强制", "按决定日期统计的查封、扣押、暂扣等行政强制措施，按措施类型分列，以及每年的措施是否已经解除。", (*stats.Data).HasCoercion},
	{stats.TopicPowers, "权力清单", "权力清单事项按类型、来源和领域统计。", (*stats.Data).HasPowers},
	{stats.TopicUsage, "权力事项使用情况", "全部权力事项的行权评估（默认近3年，计入处罚决定、许可等记录），每个处罚类权力事项近12个月被处罚决定使用的次数，以及从未使用的事项：清理下放和委托权力时逐项核对的依据。", (*stats.Data).HasPowers},
}

func thisYear(f func(d *stats.Data, topic string, y int) stats.Table, topic string) func(*stats.Data, Scope) stats.Table {
	return func(d *stats.Data, _ Scope) stats.Table { return f(d, topic, d.Year()) }
}

func plain(f func(d *stats.Data) stats.Table) func(*stats.Data, Scope) stats.Table {
	return func(d *stats.Data, _ Scope) stats.Table { return f(d) }
}

// yearly is a figure of a year page.
func yearly(f func(d *stats.Data, y int) stats.Table) func(*stats.Data, Scope) stats.Table {
	return func(d *stats.Data, s Scope) stats.Table { return f(d, s.Year) }
}

func yearHas(f func(d *stats.Data, y int) bool) func(*stats.Data, Scope) bool {
	return func(d *stats.Data, s Scope) bool { return f(d, s.Year) }
}

// topical is a figure of whichever topic the page is.
func topical(f func(d *stats.Data, topic string) stats.Table) func(*stats.Data, Scope) stats.Table {
	return func(d *stats.Data, s Scope) stats.Table { return f(d, s.Topic) }
}

func others(d *stats.Data, s Scope) bool { return d.HasOthers(s.Topic) }

func ratings(d *stats.Data, _ Scope) bool { return d.HasRatings() }

// Catalog lists every chart. A new chart is one entry here and one method
// of stats.Data.
var Catalog = []Entry{
	{Topic: stats.TopicService, Slug: "monthly-volume", Title: "便民服务中心每月受理与办结件数", Build: plain((*stats.Data).ServiceVolume)},
	{Topic: stats.TopicService, Slug: "on-time-rate", Title: "便民服务中心每月按期办结率", Build: plain((*stats.Data).ServiceOnTime)},
	{Topic: stats.TopicService, Slug: "year-to-date", Title: "便民服务中心本年累计", Build: plain((*stats.Data).ServiceYTD)},
	{Topic: stats.TopicService, Slug: "latest-month", Title: "便民服务中心本月环比与同比", Build: plain((*stats.Data).ServiceLatest)},
	{Topic: stats.TopicService, Slug: "by-category", Title: "便民服务中心本年各类别受理与办结", Build: plain((*stats.Data).ServiceByCategory)},
	{Topic: stats.TopicService, Slug: "by-window", Title: "便民服务中心本年各窗口受理与办结", Build: plain((*stats.Data).ServiceByWindow)},
	{Topic: stats.TopicService, Slug: "by-category-quality", Title: "便民服务中心本年各类别按期办结与好差评", Build: plain((*stats.Data).ServiceQualityByCategory)},
	{Topic: stats.TopicService, Slug: "by-window-quality", Title: "便民服务中心本年各窗口按期办结与好差评", Build: plain((*stats.Data).ServiceQualityByWindow)},
	{Topic: stats.TopicService, Slug: "ratings", Title: "好差评每月评价等级分布", Build: plain((*stats.Data).Ratings), Has: ratings},
	{Topic: stats.TopicService, Slug: "good-rating-rate", Title: "好差评每月好评率", Build: plain((*stats.Data).Satisfaction), Has: ratings},
	{Topic: stats.TopicService, Slug: "bad-ratings", Title: "好差评每月差评件数", Build: plain((*stats.Data).BadRatings), Has: ratings},
	{Topic: stats.TopicService, Slug: "other-indicators", Title: "便民服务中心其他指标每月数据", Build: topical((*stats.Data).OthersMonthly), Has: others},
	{Topic: stats.TopicService, Slug: "other-indicators-years", Title: "便民服务中心其他指标各年合计", Build: topical((*stats.Data).OthersYears), Has: others},

	{Topic: stats.TopicPetitions, Slug: "monthly", Title: "综治中心与信访每月情况", Build: plain((*stats.Data).PetitionsMonthly)},
	{Topic: stats.TopicPetitions, Slug: "rates", Title: "矛盾纠纷化解率与信访办结率", Build: plain((*stats.Data).PetitionRates)},
	{Topic: stats.TopicPetitions, Slug: "year-to-date", Title: "综治中心与信访本年累计", Build: plain((*stats.Data).PetitionsYTD)},
	{Topic: stats.TopicPetitions, Slug: "latest-month", Title: "综治中心与信访本月环比与同比", Build: plain((*stats.Data).PetitionsLatest)},
	{Topic: stats.TopicPetitions, Slug: "other-indicators", Title: "综治中心与信访其他指标每月数据", Build: topical((*stats.Data).OthersMonthly), Has: others},
	{Topic: stats.TopicPetitions, Slug: "other-indicators-years", Title: "综治中心与信访其他指标各年合计", Build: topical((*stats.Data).OthersYears), Has: others},

	{Topic: stats.TopicEnforcement, Slug: "year-to-date", Title: "本年行政处罚决定数与罚款金额", Build: plain((*stats.Data).EnforcementYTD)},
	{Topic: stats.TopicEnforcement, Slug: "monthly-decisions", Title: "每月作出的行政处罚决定", Build: plain((*stats.Data).EnforcementMonthly)},
	{Topic: stats.TopicEnforcement, Slug: "monthly-fines", Title: "每月罚款金额", Build: plain((*stats.Data).EnforcementFines)},
	{Topic: stats.TopicEnforcement, Slug: "by-category", Title: "本年处罚决定按处罚类别", Build: thisYear((*stats.Data).ByCategory, stats.TopicEnforcement)},
	{Topic: stats.TopicEnforcement, Slug: "by-violation", Title: "本年处罚决定按违法行为类型", Build: thisYear((*stats.Data).ByViolation, stats.TopicEnforcement)},
	{Topic: stats.TopicEnforcement, Slug: "by-domain", Title: "本年处罚决定按执法领域", Build: thisYear((*stats.Data).ByDomain, stats.TopicEnforcement)},
	{Topic: stats.TopicEnforcement, Slug: "by-party", Title: "本年处罚决定按当事人类别", Build: thisYear((*stats.Data).ByParty, stats.TopicEnforcement)},
	{Topic: stats.TopicEnforcement, Slug: "other-indicators", Title: "行政执法其他指标每月数据", Build: topical((*stats.Data).OthersMonthly), Has: others},
	{Topic: stats.TopicEnforcement, Slug: "other-indicators-years", Title: "行政执法其他指标各年合计", Build: topical((*stats.Data).OthersYears), Has: others},

	{Topic: stats.TopicInspections, Slug: "by-method", Title: "本年行政检查按检查方式", Build: plain((*stats.Data).InspectionsByMethod)},
	{Topic: stats.TopicInspections, Slug: "by-result", Title: "本年行政检查按检查结果", Build: plain((*stats.Data).InspectionsByResult)},
	{Topic: stats.TopicInspections, Slug: "random-share", Title: "每年“双随机”抽查占行政检查的比例", Build: plain((*stats.Data).RandomShare)},

	{Topic: stats.TopicCoercion, Slug: "by-measure", Title: "本年行政强制措施按措施类型", Build: plain((*stats.Data).CoercionByMeasure)},
	{Topic: stats.TopicCoercion, Slug: "by-release", Title: "每年行政强制措施解除情况", Build: plain((*stats.Data).CoercionRelease)},

	{Topic: stats.TopicPowers, Slug: "by-category", Title: "权力清单事项按类型", Build: plain((*stats.Data).PowersByCategory)},
	{Topic: stats.TopicPowers, Slug: "by-source", Title: "权力清单事项按来源", Build: plain((*stats.Data).PowersBySource)},
	{Topic: stats.TopicPowers, Slug: "by-domain", Title: "权力清单事项按领域", Build: plain((*stats.Data).PowersByDomain)},

	{Topic: stats.TopicUsage, Slug: "by-source", Title: "各来源权力事项近12个月是否使用", Build: plain((*stats.Data).UsageBySource)},
	{Topic: stats.TopicUsage, Slug: "never-used", Title: "近12个月从未使用的权力事项", Build: plain((*stats.Data).UsageNever)},
	{Topic: stats.TopicUsage, Slug: "review", Title: "权力事项行权评估", Build: plain((*stats.Data).UsageReview)},
	{Topic: stats.TopicUsage, Slug: "items", Title: "权力事项近12个月使用情况", Build: plain((*stats.Data).UsageItems)},

	{Topic: stats.TopicOwn, Slug: "monthly", Title: "每月数据", Build: topical((*stats.Data).OthersMonthly)},
	{Topic: stats.TopicOwn, Slug: "year-totals", Title: "各年合计", Build: topical((*stats.Data).OthersYears)},
	{Topic: stats.TopicOwn, Slug: "year-to-date", Title: "本年累计与上年同期比较", Build: topical((*stats.Data).OthersYTD)},
	{Topic: stats.TopicOwn, Slug: "latest-month", Title: "本月环比与同比", Build: topical((*stats.Data).OthersLatest)},

	{Topic: stats.TopicYear, Slug: "annual-report", Title: "政府信息公开年度报告所需数据", Build: yearly((*stats.Data).AnnualReport)},
	{Topic: stats.TopicYear, Slug: "monthly-decisions", Title: "每月作出的行政处罚决定", Build: yearly((*stats.Data).YearDecisions), Has: yearHas((*stats.Data).HasDecisionsIn)},
	{Topic: stats.TopicYear, Slug: "monthly-fines", Title: "每月罚款金额", Build: yearly((*stats.Data).YearFines), Has: yearHas((*stats.Data).HasDecisionsIn)},
	{Topic: stats.TopicYear, Slug: "by-procedure", Title: "处罚决定按程序类型", Build: yearly((*stats.Data).YearProcedure), Has: yearHas((*stats.Data).HasDecisionsIn)},
	{Topic: stats.TopicYear, Slug: "fines", Title: "罚款决定与收缴", Build: yearly((*stats.Data).YearFinesTotal), Has: yearHas((*stats.Data).HasDecisionsIn)},
	{Topic: stats.TopicYear, Slug: "by-category", Title: "处罚决定按处罚类别", Build: yearly((*stats.Data).YearCategory), Has: yearHas((*stats.Data).HasDecisionsIn)},
	{Topic: stats.TopicYear, Slug: "by-violation", Title: "处罚决定按违法行为类型", Build: yearly((*stats.Data).YearViolation), Has: yearHas((*stats.Data).HasDecisionsIn)},
	{Topic: stats.TopicYear, Slug: "service-centre", Title: "便民服务中心全年合计", Build: yearly((*stats.Data).YearService), Has: yearHas((*stats.Data).HasServiceIn)},
	{Topic: stats.TopicYear, Slug: "service-by-category", Title: "便民服务中心各类别受理与办结", Build: yearly((*stats.Data).YearServiceByCategory), Has: yearHas((*stats.Data).HasServiceIn)},
	{Topic: stats.TopicYear, Slug: "service-by-window", Title: "便民服务中心各窗口受理与办结", Build: yearly((*stats.Data).YearServiceByWindow), Has: yearHas((*stats.Data).HasServiceIn)},
	{Topic: stats.TopicYear, Slug: "petitions", Title: "综治中心与信访全年合计", Build: yearly((*stats.Data).YearPetitions), Has: yearHas((*stats.Data).HasPetitionsIn)},
}

// Page is one statistics page with its charts.
type Page struct {
	Topic  stats.Topic
	Charts []Chart
	// UpdateDay is the day of the month the page is updated and NextUpdate
	// the next such date; 0 and the zero time when the site names none
	// (Publish sets them).
	UpdateDay  int
	NextUpdate time.Time
}

// URL is the page's path: "/stats/service-centre/".
func (p *Page) URL() string { return "/stats/" + p.Topic.Path + "/" }

// Pages builds every statistics page from the catalogue: the built-in
// topics with data, the topics of a town's own tables, then one review page
// per year, newest first.
func Pages(d *stats.Data) ([]Page, error) {
	var out []Page
	add := func(topic stats.Topic, marker string, s Scope, prefix string) error {
		p := Page{Topic: topic}
		for _, e := range Catalog {
			if e.Topic != marker || (e.Has != nil && !e.Has(d, s)) {
				continue
			}
			c, err := e.chart(d, s, prefix)
			if err != nil {
				return err
			}
			p.Charts = append(p.Charts, c)
		}
		out = append(out, p)
		return nil
	}
	for _, ti := range Topics {
		if !ti.Has(d) && !d.HasOthers(ti.Path) {
			continue
		}
		if err := add(stats.Topic{Path: ti.Path, Title: ti.Title, Intro: ti.Intro}, ti.Path, Scope{Topic: ti.Path}, ""); err != nil {
			return nil, err
		}
	}
	for _, t := range d.OwnTopics() {
		if err := add(t, stats.TopicOwn, Scope{Topic: t.Path}, t.Title); err != nil {
			return nil, err
		}
	}
	for _, y := range d.Years() {
		ys := strconv.Itoa(y)
		t := stats.Topic{Path: stats.YearTopic(y), Title: ys + "年统计回顾",
			Intro: ys + "年全年（当年截至数据日期）的行政处罚、便民服务中心和综治信访数据，以及政府信息公开年度报告所需的决定数量。"}
		if err := add(t, stats.TopicYear, Scope{Topic: t.Path, Year: y}, ys+"年"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// chart builds the entry's chart for the page s; prefix (a year, an own
// topic's title) starts its name, so that a cited name says which page.
func (e *Entry) chart(d *stats.Data, s Scope, prefix string) (Chart, error) {
	t := e.Build(d, s)
	t.Topic, t.Slug, t.Name = s.Topic, e.Slug, prefix+e.Title
	return New(t)
}
