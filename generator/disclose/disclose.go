package disclose

import (
	"log/slog"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/ident"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// Case is a penalty decision as it may be published: personal data masked or
// removed, publication window computed.
type Case struct {
	ID  string
	Src diag.Pos // where the record came from, for staff; never rendered

	PartyName     string
	PartyClass    records.PartyClass
	CreditCode    string
	OtherCodes    []Code
	LegalRep      string
	DecisionNo    string
	Violation     string
	Facts         string
	Basis         string
	Categories    []string
	Content       string
	Fine          value.Money
	Confiscated   value.Money
	Licence       string
	DecisionDate  time.Time
	ValidUntil    time.Time // zero: 长期
	PublishUntil  time.Time
	Authority     string
	AuthorityCode string
	Source        string
	SourceCode    string
	Remarks       string
	PowerCode     string
	Procedure     string
	// Severity is the 违法情节 as exported, when given.
	Severity string
	Extra    []records.Extra
}

// URL is the site path of the decision's page.
func (c *Case) URL() string { return records.CaseKind.URL(c.ID) }

// Code is one of the party's other registration codes.
type Code struct{ Name, Value string }

// Withdrawn is a decision taken down, as listed on /cases/withdrawn/.
type Withdrawn struct {
	// Src is the row that withdrew the decision, for staff; never rendered.
	Src        diag.Pos
	DecisionNo string
	Authority  string
	Reason     string
	Date       time.Time
}

// Withheld is a decision not published, for the staff view.
type Withheld struct {
	Src        diag.Pos
	DecisionNo string
	Reason     Reason
	// Until is the end of publication of an expired decision.
	Until time.Time
}

// Reason says why a decision is not published.
type Reason string

// Reasons a decision is withheld.
const (
	ReasonExpired Reason = "公示期满"
	ReasonSimple  Reason = "简易程序"
	// ReasonPossiblySimple withholds a decision whose export gives no
	// procedure and that is within the limits of the 简易程序
	// (disclosure.withhold_possibly_simple).
	ReasonPossiblySimple Reason = "可能适用简易程序"
	ReasonWarningOnly    Reason = "仅警告"
	ReasonMinor          Reason = "未成年人"
	ReasonWithdrawn      Reason = "已撤回"
	ReasonNotYet         Reason = "决定日期晚于构建日期"
	ReasonSeverity       Reason = "情节轻微"
)

// Activity is what enforcement statistics count about a decision, published
// or not: no party, no text.
type Activity struct {
	Date       time.Time
	Categories []string
	Fine       value.Money
	PartyClass records.PartyClass
	Violation  string
	Procedure  string
	PowerCode  string
	Basis      string
	Published  bool
	// Withdrawn marks a decision taken down: statistics of decisions made
	// may count it, statistics of decisions standing should not.
	Withdrawn bool
}

// Secret is a value that must never appear in the output, with the record it
// came from. It logs as redacted.
type Secret struct {
	Value string
	Kind  string // one of the Secret* kinds
	Src   diag.Pos
	// Record is the decision number of the record it came from.
	Record string
}

// Kinds of secret.
const (
	SecretName       = "姓名"
	SecretID         = "证件号码"
	SecretLegalRepID = "法定代表人证件号码"
	SecretPhone      = "电话"
	SecretAddress    = "地址"
	SecretAccount    = "银行账号"
	SecretOther      = "不公开字段"
)

func (s Secret) isName() bool { return s.Kind == SecretName }

// placeholder is what replaces the secret in published text.
func (s Secret) placeholder(mask string) string {
	switch s.Kind {
	case SecretName:
		return MaskName(s.Value, mask)
	case SecretID, SecretLegalRepID:
		return PlaceholderID
	case SecretPhone:
		return PlaceholderPhone
	case SecretAddress:
		return PlaceholderAddress
	case SecretAccount:
		return PlaceholderAccount
	}
	return "[已隐去]"
}

// String names the secret's kind and source, never its value.
func (s Secret) String() string { return s.Kind + " from " + s.Src.String() }

// LogValue redacts the secret.
func (s Secret) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", s.Kind), slog.String("src", s.Src.String()), slog.String("value", "[redacted]"))
}

// Ref points staff at a decision: where it came from and its number.
type Ref struct {
	Src        diag.Pos
	DecisionNo string
}

// Result is everything that may be published, and what the staff view and
// the leak gate need.
type Result struct {
	// Cases are the published decisions, newest first.
	Cases     []Case
	Withdrawn []Withdrawn
	Withheld  []Withheld
	// Activity has one entry per decision, published or not, for
	// enforcement statistics.
	Activity []Activity
	Powers   []records.Power
	// PowerChanges are the power-change register's rows and the list's
	// own status changes: official texts, published as read.
	PowerChanges []records.PowerChange
	Services     []records.Service
	Stats        []records.StatRow
	// Secrets are the values that must never appear in the output.
	Secrets []Secret
	// Public are strings published on purpose (organisations' names, codes
	// and legal representatives, authorities, decision numbers, the text of
	// power and service items). The leak gate does not report a secret that
	// occurs inside one of them.
	Public []string
	// Words are non-personal texts inside whose words a name is no finding
	// (Known.Words).
	Words []string
	// NameNotFound lists published decisions about a natural person whose
	// free text never names them: masking relied on patterns alone.
	NameNotFound []Ref
	// PossiblySimple lists decisions whose export gives no procedure and
	// that are within the limits of the 简易程序, published or not.
	PossiblySimple []Ref
	BuildDate      time.Time
	NameMasking    string

	// Kinds are the kinds declared by their fields that the site has
	// records of, in order.
	Kinds []*records.Kind
	// Items are the published records of each declared kind, by its
	// Name, newest first.
	Items map[string][]Item
	// ItemsWithdrawn are the records of each declared kind that a status
	// withdrew, newest first.
	ItemsWithdrawn map[string][]Withdrawn
	// Decided counts each declared kind's records by the year of their
	// date, published or not: the decisions made, for the annual report.
	Decided map[string]map[int]int

	scanner *Scanner
}

// Scanner returns the leak scanner for this result's secrets, accepting its
// public strings and any extra ones (the publisher's address and phone from
// site.toml, say).
func (r *Result) Scanner(extraPublic ...string) *Scanner {
	if len(extraPublic) == 0 && r.scanner != nil {
		return r.scanner
	}
	return NewScannerKnown(r.Secrets, Known{
		Public: append(append([]string(nil), r.Public...), extraPublic...),
		Words:  append(append([]string(nil), r.Words...), extraPublic...),
	})
}

// Day returns the calendar day of t in t's own location, as a UTC
// midnight, the form in which ingest gives dates. The build passes its date
// in the site's time zone (site.toml time_zone), so every stage counts the
// same day.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// pending is a decision that passed every rule, waiting for the scanner
// that needs all of them.
type pending struct {
	rc      *records.Case
	class   records.PartyClass
	until   time.Time
	secrets []Secret // secretsOf(rc, class, names), as judge found them
	names   []string // naturalNames(rc, class)
}

// Apply applies the publication rules to a record set as of now (the build
// date: SOURCE_DATE_EPOCH when set, else the clock; the caller decides).
// public lists strings the site publishes of its own accord (the publisher's
// address and phones from site.toml): never taken for a secret, neither when
// masking nor by the leak gate, which share one scanner.
func Apply(set *records.Set, cfg config.Disclosure, now time.Time, public ...string) (*Result, diag.List) {
	var dl diag.List
	res := &Result{Powers: set.Powers, PowerChanges: set.PowerChanges, Services: set.Services, Stats: set.Stats, BuildDate: now, NameMasking: cfg.NameMask}
	withdrawals := indexWithdrawals(set.Withdrawals)
	matched := make([]bool, len(set.Withdrawals))
	today := Day(now)
	// Each decision is judged on its own, in parallel; the results are
	// then gathered in input order, so the output does not depend on the
	// number of workers.
	vs := make([]verdict, len(set.Cases))
	inParallel(len(set.Cases), 1024, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			vs[i] = judge(&set.Cases[i], set.Withdrawals, withdrawals, cfg, today)
		}
	})
	// The lists are sized before they are filled, so that Apply allocates
	// each once.
	nsec, nwithheld := 0, 0
	for i := range vs {
		nsec += len(vs[i].secrets)
		if vs[i].reason != "" {
			nwithheld++
		}
	}
	res.Secrets = make([]Secret, 0, nsec)
	res.Withheld = make([]Withheld, 0, nwithheld)
	res.Activity = make([]Activity, 0, len(set.Cases))
	todo := make([]pending, 0, len(set.Cases)-nwithheld)
	// What the Result keeps of every decision, published or not, holds no
	// string of its exported row (detach): an unpublished decision's row
	// is freed with the record set, which at 1M decisions is most of
	// the heap. BenchmarkBuildSample/cases=100000, heap after disclose:
	// rows kept 65.5 → 21.5 MB, live heap 159 → 116 MB.
	in := newInterner()
	for i := range set.Cases {
		rc, v := &set.Cases[i], &vs[i]
		dl = append(dl, v.dl...)
		no := rc.DecisionNo
		if v.reason != "" {
			no = strings.Clone(no)
		}
		for _, sec := range v.secrets {
			sec.Record = no
			if v.reason != "" {
				sec.Value = strings.Clone(sec.Value)
			}
			res.Secrets = append(res.Secrets, sec)
		}
		if v.possiblySimple {
			res.PossiblySimple = append(res.PossiblySimple, Ref{Src: rc.Pos, DecisionNo: no})
		}
		act := Activity{Date: rc.DecisionDate, Categories: in.list(rc.Categories), Fine: rc.Fine, PartyClass: v.class, Violation: in.str(rc.Violation), Procedure: in.str(rc.Procedure), PowerCode: in.str(rc.PowerCode), Basis: in.str(rc.Basis)}
		if v.withdrawn != nil {
			if v.wj >= 0 {
				matched[v.wj] = true
			}
			res.Withdrawn = append(res.Withdrawn, v.withdrawn.detach())
			act.Withdrawn = true
		}
		if v.reason != "" {
			res.Withheld = append(res.Withheld, Withheld{Src: rc.Pos, DecisionNo: no, Reason: v.reason, Until: v.until})
			res.Activity = append(res.Activity, act)
			continue
		}
		act.Published = true
		res.Activity = append(res.Activity, act)
		todo = append(todo, pending{rc, v.class, v.until, v.secrets, v.names})
	}
	for j, ok := range matched {
		if !ok {
			w := set.Withdrawals[j]
			dl.Warnf(w.Pos, "withdrawal-unmatched", "withdrawal of %s matches no decision in data/cases", w.DecisionNo)
			res.Withdrawn = append(res.Withdrawn, Withdrawn{DecisionNo: w.DecisionNo, Authority: w.Authority, Reason: w.Reason, Date: w.Date})
		}
	}

	itemTodo := judgeItems(set, res, &dl, today, cfg.NameMask)
	res.Secrets = applyReviewed(res.Secrets, cfg.Reviewed, &dl)
	pubs := todo
	if len(itemTodo) > 0 {
		pubs = slices.Clip(todo)
		for i := range itemTodo {
			pubs = append(pubs, itemTodo[i].p)
		}
	}
	res.Public = append(publicStrings(pubs, set), public...)
	res.Words = append(wordTexts(set), public...)
	res.scanner = NewScannerKnown(res.Secrets, Known{Public: res.Public, Words: res.Words})
	maskCatalogues(res, set, cfg.NameMask)
	maskActivity(res.Activity, func(i int) []string { return vs[i].names }, res.scanner, cfg.NameMask)
	// Each decision is published on its own: in parallel, in order.
	res.Cases = make([]Case, len(todo))
	named := make([]bool, len(todo))
	inParallel(len(todo), 512, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			p := &todo[i]
			res.Cases[i], named[i] = publish(p, cfg.NameMask, res.scanner)
		}
	})
	for i := range itemTodo {
		it := publishItem(&itemTodo[i], cfg.NameMask, res.scanner)
		res.Items[it.Kind.Name] = append(res.Items[it.Kind.Name], it)
	}
	for _, items := range res.Items {
		sortItems(items)
	}
	for _, ws := range res.ItemsWithdrawn {
		sortWithdrawn(ws)
	}
	for i, p := range todo {
		if !named[i] {
			res.NameNotFound = append(res.NameNotFound, Ref{Src: p.rc.Pos, DecisionNo: p.rc.DecisionNo})
		}
	}

	// Newest first. The order is worked out on indices and each large case
	// is moved once.
	order := make([]int, len(res.Cases))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &res.Cases[i], &res.Cases[j]
		if c := b.DecisionDate.Compare(a.DecisionDate); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	sorted := make([]Case, len(res.Cases))
	for k, i := range order {
		sorted[k] = res.Cases[i]
	}
	res.Cases = sorted
	sortWithdrawn(res.Withdrawn)
	return res, dl
}

// sortWithdrawn orders withdrawals newest first, then by number.
func sortWithdrawn(ws []Withdrawn) {
	sort.SliceStable(ws, func(i, j int) bool {
		if !ws[i].Date.Equal(ws[j].Date) {
			return ws[i].Date.After(ws[j].Date)
		}
		return ws[i].DecisionNo < ws[j].DecisionNo
	})
}

// verdict is what the rules decide about one decision, before the
// decisions are gathered: its party class, natural persons' names and
// secrets, and, when it is not published, why (reason) and until when.
type verdict struct {
	class     records.PartyClass
	names     []string
	secrets   []Secret
	withdrawn *Withdrawn
	wj        int // the withdrawal that matched it, or -1
	reason    Reason
	until     time.Time
	dl        diag.List
	// possiblySimple marks a decision with no procedure given that is
	// within the limits of the 简易程序.
	possiblySimple bool
}

// judge applies the publication rules to one decision. It reads only the
// decision and the withdrawals, so decisions can be judged in parallel.
func judge(rc *records.Case, ws []records.Withdrawal, widx map[string][]int, cfg config.Disclosure, today time.Time) verdict {
	v := verdict{wj: -1}
	v.class = inferClass(rc, &v.dl)
	v.names = naturalNames(rc, v.class)
	v.secrets = secretsOf(rc, v.class, v.names)
	if w, j, ok := withdrawalFor(rc, ws, widx); ok {
		v.withdrawn, v.wj, v.reason = &w, j, ReasonWithdrawn
		return v
	}
	if reason, ok := statusWithdrawn(rc.Status); ok {
		v.withdrawn = &Withdrawn{Src: rc.Pos, DecisionNo: rc.DecisionNo, Authority: rc.Authority, Reason: reason}
		v.reason = ReasonWithdrawn
		return v
	}
	if v.class == records.PartyPerson && isMinor(rc) {
		v.dl.Warnf(rc.Pos, "minor", "%s: the party was under 18 on the decision date; not published", rc.DecisionNo)
		v.reason = ReasonMinor
		return v
	}
	if !cfg.PublishSimple && isSimple(rc.Procedure) {
		v.reason = ReasonSimple
		return v
	}
	if !cfg.PublishWarningOnly && len(rc.Categories) == 1 && rc.Categories[0] == "警告" {
		v.reason = ReasonWarningOnly
		return v
	}
	if !cfg.PublishSimple && possiblySimple(rc, v.class) {
		v.possiblySimple = true
		if cfg.WithholdPossiblySimple {
			v.reason = ReasonPossiblySimple
			return v
		}
	}
	t := window(rc, v.class, cfg)
	if !t.publish {
		v.reason = ReasonSeverity
		return v
	}
	until := t.until
	if !until.IsZero() && until.Before(today) {
		v.reason, v.until = ReasonExpired, until
		return v
	}
	if !t.capped.IsZero() {
		// Said while the decision is published: once it expires, the
		// staff report lists it with the end it had.
		v.dl.Warnf(rc.Pos, "publish-until-capped", "%s: 公示截止期 %s is past the rule maximum; publication stops on %s", rc.DecisionNo, t.capped.Format("2006-01-02"), until.Format("2006-01-02"))
	}
	if rc.DecisionDate.After(today) {
		v.dl.Warnf(rc.Pos, "future-date", "%s: decision date %s is after the build date", rc.DecisionNo, rc.DecisionDate.Format("2006-01-02"))
	}
	v.until = until
	return v
}

// inParallel calls fn on contiguous ranges that cover 0…n-1, on up to
// GOMAXPROCS goroutines, none given fewer than least items.
func inParallel(n, least int, fn func(lo, hi int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/least))
	if workers == 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Go(func() { fn(lo, hi) })
	}
	wg.Wait()
}

func statusWithdrawn(s string) (string, bool) {
	switch s = strings.TrimSpace(s); {
	case s == "1" || strings.Contains(s, "撤销") || strings.Contains(s, "撤回"):
		return "决定已撤销", true
	case strings.Contains(s, "变更"):
		return "决定已变更", true
	case strings.Contains(s, "确认违法"):
		return "决定被确认违法", true
	case strings.Contains(s, "无效"):
		return "决定被确认无效", true
	}
	return "", false
}

func indexWithdrawals(ws []records.Withdrawal) map[string][]int {
	m := map[string][]int{}
	for i, w := range ws {
		k := records.NormalizeIdentity(w.DecisionNo)
		m[k] = append(m[k], i)
	}
	return m
}

func withdrawalFor(c *records.Case, ws []records.Withdrawal, idx map[string][]int) (Withdrawn, int, bool) {
	// Keyed on the number; the authority, when the withdrawal names one,
	// must match too.
	for _, j := range idx[records.NormalizeIdentity(c.DecisionNo)] {
		w := ws[j]
		if w.Authority != "" && records.NormalizeIdentity(w.Authority) != records.NormalizeIdentity(c.Authority) {
			continue
		}
		return Withdrawn{Src: w.Pos, DecisionNo: c.DecisionNo, Authority: c.Authority, Reason: w.Reason, Date: w.Date}, j, true
	}
	return Withdrawn{}, -1, false
}

// inferClass returns the party class, inferring it when the export did not
// give one. In doubt, a natural person: masking must not depend on a column
// staff forgot to map. A party given as an organisation, with no credit
// code and a name that reads as a person's, is treated as a person too.
func inferClass(c *records.Case, dl *diag.List) records.PartyClass {
	switch c.PartyClass {
	case records.PartyPerson:
		return c.PartyClass
	case records.PartyOrg, records.PartySoleTrader:
		if c.CreditCode == "" && looksLikePersonName(c.PartyName) {
			dl.Warnf(c.Pos, "party-class", "%s: the party is classed as %s but has no credit code and reads as a person's name; masked as a natural person", c.DecisionNo, c.PartyClass)
			return records.PartyPerson
		}
		return c.PartyClass
	}
	switch {
	case isPersonalID(c.CreditCode):
		return records.PartyPerson
	case strings.HasPrefix(c.CreditCode, "92"):
		return records.PartySoleTrader
	case c.CreditCode != "":
		return records.PartyOrg
	case strings.Contains(c.PartyName, "个体"):
		return records.PartySoleTrader
	case looksLikeOrg(c.PartyName):
		return records.PartyOrg
	}
	return records.PartyPerson
}

// isPersonalID reports whether a code given as a 统一社会信用代码 is a
// 居民身份证号码 instead: a valid GB 11643 number that is no valid GB 32100
// code. Its holder is a natural person, and the number is never published.
func isPersonalID(code string) bool {
	code = strings.ToUpper(strings.TrimSpace(code))
	return len(code) == 18 && ident.ValidID(code) && ident.CreditCodeProblem(code) != ""
}

// isMinor reports whether the party was under 18 on the decision date, by
// the birth date in their ID number or, failing that, in any ID number in
// the decision's free text (anything about a minor is withheld).
func isMinor(c *records.Case) bool {
	if b, ok := ident.IDBirth(strings.ToUpper(strings.Join(strings.Fields(c.IDNumber), ""))); ok {
		return c.DecisionDate.Before(b.AddDate(18, 0, 0))
	}
	texts := []string{c.Facts, c.Content, c.Remarks, c.Violation}
	for _, e := range c.Extra {
		texts = append(texts, e.Value)
	}
	for _, t := range texts {
		for _, id := range idsIn(t) {
			if b, ok := ident.IDBirth(id); ok && c.DecisionDate.Before(b.AddDate(18, 0, 0)) {
				return true
			}
		}
	}
	return false
}

// idsIn returns the ID numbers Scrub would remove from text.
func idsIn(text string) []string {
	var out []string
	text = foldDigits(text)
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		groups, end := digitRun(text, i)
		var d strings.Builder
		for _, g := range groups {
			d.WriteString(g.digits)
		}
		if n := d.Len(); n == 18 || n == 15 {
			out = append(out, d.String())
		}
		for _, g := range groups {
			if n := len(g.digits); n == 18 || n == 15 {
				out = append(out, g.digits)
			}
		}
		i = end
	}
	return out
}

// Column headers of unknown extra columns that hold data never published,
// and names of natural persons.
var (
	secretHeaders = []string{"身份证", "证件号", "电话", "手机", "联系方式", "住址", "地址", "住所", "银行", "账号", "账户", "卡号", "出生", "年龄", "健康", "病", "微信", "邮箱"}
	nameHeaders   = []string{"监护人", "代理人", "联系人", "委托人", "姓名", "证人", "受害人", "被害人", "当事人", "负责人", "经营者"}
)

func headerIs(h string, words []string) bool {
	for _, w := range words {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// personNames returns the natural persons' names in a name cell: several
// names split, bracketed notes and class markers dropped.
func personNames(s string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（', '[', '【':
			depth++
			b.WriteRune('、')
		case ')', '）', ']', '】':
			depth = max(depth-1, 0)
			b.WriteRune('、')
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	v := b.String()
	for _, m := range []string{"个体工商户", "个体户", "自然人", "经营者"} {
		v = strings.ReplaceAll(v, m, "、")
	}
	var out []string
	for _, n := range splitNames(v) {
		if utf8.RuneCountInString(n) >= 2 && !isMasked(n) {
			out = append(out, n)
		}
	}
	return out
}

// naturalNames returns the names of the natural persons a record carries.
func naturalNames(c *records.Case, class records.PartyClass) []string {
	var names []string
	switch class {
	case records.PartyPerson:
		names = append(names, personNames(c.PartyName)...)
		names = append(names, personNames(c.LegalRep)...)
	case records.PartySoleTrader:
		names = append(names, personNames(c.LegalRep)...)
		if core := personNames(c.PartyName); len(core) == 1 && looksLikePersonName(core[0]) {
			names = append(names, core[0])
		}
	}
	for _, e := range c.Extra {
		if headerIs(e.Name, nameHeaders) && !headerIs(e.Name, secretHeaders) {
			names = append(names, personNames(e.Value)...)
		}
	}
	return names
}

// secretsOf returns the secrets of a record of the class, whose natural
// persons have the names naturalNames gives.
func secretsOf(c *records.Case, class records.PartyClass, names []string) []Secret {
	var out []Secret
	add := func(v, kind string) {
		if v = strings.TrimSpace(v); secretWorthy(v, kind) {
			out = append(out, Secret{Value: v, Kind: kind, Src: c.Pos})
		}
	}
	add(c.IDNumber, SecretID)
	add(c.LegalRepID, SecretLegalRepID)
	for _, p := range phoneParts(c.Phone) {
		add(p, SecretPhone)
	}
	if class != records.PartyOrg {
		add(c.Address, SecretAddress)
		for _, e := range c.Extra {
			if headerIs(e.Name, secretHeaders) {
				kind := SecretOther
				switch {
				case headerIs(e.Name, []string{"身份证", "证件号"}):
					kind = SecretID
				case headerIs(e.Name, []string{"电话", "手机", "联系方式"}):
					kind = SecretPhone
				case headerIs(e.Name, []string{"住址", "地址", "住所"}):
					kind = SecretAddress
				case headerIs(e.Name, []string{"银行", "账号", "账户", "卡号"}):
					kind = SecretAccount
				}
				add(e.Value, kind)
			}
		}
	}
	for _, n := range names {
		add(n, SecretName)
	}
	// Other natural persons the free text names, each value once.
	seen := map[string]bool{}
	for _, s := range out {
		seen[s.Value] = true
	}
	addNew := func(vs []string, kind string) {
		for _, v := range vs {
			if !seen[v] {
				seen[v] = true
				add(v, kind)
			}
		}
	}
	o := freeTextOptionsFor(c, class, names, "")
	for _, t := range freeTexts(c) {
		if _, f := maskFreeText(t, o); len(f.names)+len(f.addresses)+len(f.accounts)+len(f.plates) > 0 {
			addNew(f.names, SecretName)
			addNew(f.addresses, SecretAddress)
			addNew(f.accounts, SecretAccount)
			addNew(f.plates, SecretOther)
		}
	}
	return out
}

// freeTexts returns a decision's free-text fields: those publish scrubs.
func freeTexts(c *records.Case) []string {
	out := []string{c.Violation, c.Facts, c.Basis, c.Content, c.Licence, c.Remarks}
	for _, e := range c.Extra {
		if !headerIs(e.Name, secretHeaders) && !headerIs(e.Name, nameHeaders) {
			out = append(out, e.Value)
		}
	}
	return out
}

// freeTextOptionsFor returns how a decision's free text is masked: as a
// natural person's unless the party is an organisation, whose legal
// representative stays.
func freeTextOptionsFor(c *records.Case, class records.PartyClass, names []string, mask string) freeTextOptions {
	o := freeTextOptions{mask: mask, person: class != records.PartyOrg, known: names}
	if class == records.PartyOrg {
		o.keep = personNames(c.LegalRep)
	}
	return o
}

// notValues are what exports write for "nothing".
var notValues = map[string]bool{"无": true, "暂无": true, "不详": true, "未知": true, "空": true, "/": true, "-": true, "—": true, "null": true, "NULL": true, "无固定住所": true, "本人": true}

// secretWorthy reports whether v is a real value of its kind: a number
// needs six digits, an address four characters, a name two; placeholders
// such as 暂无 are never secrets (the gate would find them everywhere).
func secretWorthy(v, kind string) bool {
	if notValues[v] {
		return false
	}
	switch kind {
	case SecretID, SecretLegalRepID, SecretPhone, SecretAccount:
		return len(digitsOnly(foldDigits(v))) >= 6
	case SecretAddress, SecretOther:
		return utf8.RuneCountInString(v) >= 4
	}
	return utf8.RuneCountInString(v) >= 2
}

// phoneParts splits a phone cell into its numbers, each as written and as
// digits alone.
func phoneParts(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("/／,，;；、", r) }) {
		p = strings.TrimSpace(p)
		out = append(out, p)
		if d := digitsOnly(foldDigits(p)); d != p && len(d) >= 7 {
			out = append(out, d)
		}
	}
	return out
}

// publicStrings collects what is published on purpose: the identity of
// the bodies and organisations in the decisions, and the fields of power
// and service items that maskItems keeps (powerKept, serviceKept). The
// rest of a power or service item, and statistics labels, are text: masked
// like a decision's (see maskCatalogues), and words (see wordTexts).
func publicStrings(todo []pending, set *records.Set) []string {
	var u uniqueStrings
	add := u.add
	for _, p := range todo {
		c := p.rc
		if len(idsIn(c.DecisionNo)) == 0 {
			// A number that holds an ID number (a 许可编号 may) is not
			// public: the gate still looks for the ID in it.
			add(c.DecisionNo)
		}
		add(c.Authority, c.AuthorityCode, c.Source, c.SourceCode)
		if p.class == records.PartyOrg {
			add(c.PartyName, c.LegalRep, c.CreditCode, c.RegNo, c.OrgCode, c.TaxNo, c.InstCode, c.SocialOrgCode)
		}
		if p.class == records.PartySoleTrader {
			add(c.CreditCode, c.RegNo)
		}
	}
	for i := range set.Powers {
		add(keptTexts(&set.Powers[i], powerKept)...)
	}
	for _, c := range set.PowerChanges {
		add(c.Code, c.Name, c.SubName, c.Doc, c.Reason, c.Successor)
	}
	for i := range set.Services {
		add(keptTexts(&set.Services[i], serviceKept)...)
	}
	sort.Strings(u.list)
	return u.list
}

// uniqueStrings is a list of trimmed, non-empty strings, each once, in the
// order first added.
type uniqueStrings struct {
	seen map[string]bool
	list []string
}

func (u *uniqueStrings) add(vs ...string) {
	if u.seen == nil {
		u.seen = map[string]bool{}
	}
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" && !u.seen[v] {
			u.seen[v] = true
			u.list = append(u.list, v)
		}
	}
}

// wordTexts collects the non-personal source texts in which a name may
// stand inside a word without naming anyone (Known.Words): every text of
// the power and service items, statistics labels, and the legal bases and
// violation types that decisions about at least two different parties
// share (a text of one party's decision alone may be about that party).
func wordTexts(set *records.Set) []string {
	var u uniqueStrings
	add := u.add
	for i := range set.Powers {
		add(stringsOf(reflect.ValueOf(set.Powers[i]))...)
	}
	for _, c := range set.PowerChanges {
		add(c.Name, c.SubName, c.Doc, c.Reason, c.Successor)
	}
	for i := range set.Services {
		add(stringsOf(reflect.ValueOf(set.Services[i]))...)
	}
	for _, s := range set.Stats {
		add(s.Dataset, s.Category, s.Window, s.Indicator)
	}
	// A text counts once two parties share it: firstParty holds the party
	// of its first decision, "" once a second party is seen.
	firstParty := map[string]string{}
	var shared []string
	for i := range set.Cases {
		c := &set.Cases[i]
		for _, t := range [...]string{c.Basis, c.Violation} {
			if t == "" {
				continue
			}
			p, ok := firstParty[t]
			switch {
			case !ok:
				firstParty[t] = c.PartyName
			case p != "" && p != c.PartyName:
				firstParty[t] = ""
				shared = append(shared, t)
			}
		}
	}
	sort.Strings(shared)
	add(shared...)
	return u.list
}

// stringsOf returns the strings in a record's fields, however nested.
func stringsOf(v reflect.Value) []string {
	switch v.Kind() {
	case reflect.String:
		return []string{v.String()}
	case reflect.Slice:
		var out []string
		for i := range v.Len() {
			out = append(out, stringsOf(v.Index(i))...)
		}
		return out
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[diag.Pos]() {
			return nil
		}
		var out []string
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, stringsOf(v.Field(i))...)
			}
		}
		return out
	}
	return nil
}

// publish masks a decision. It reports false when the record names a
// natural person, has free text, and no text names them.
func publish(p *pending, mask string, sc *Scanner) (Case, bool) {
	rc, class, until, names := p.rc, p.class, p.until, p.names
	party, legalRep := rc.PartyName, rc.LegalRep
	switch class {
	case records.PartyPerson:
		party = MaskName(firstNonEmpty(strings.Join(personNames(rc.PartyName), "、"), rc.PartyName), mask)
		if legalRep != "" {
			legalRep = MaskName(firstNonEmpty(strings.Join(personNames(legalRep), "、"), legalRep), mask)
		}
	case records.PartySoleTrader:
		for _, n := range names {
			party = replaceName(party, n, MaskName(n, mask))
		}
		if legalRep != "" {
			legalRep = MaskName(firstNonEmpty(strings.Join(personNames(legalRep), "、"), legalRep), mask)
		}
	}
	// Values of never-published columns, removed verbatim wherever they
	// stand in text.
	var verbatim []Secret
	for _, s := range p.secrets {
		if s.Kind != SecretName {
			verbatim = append(verbatim, s)
		}
	}
	sort.SliceStable(verbatim, func(i, j int) bool { return len(verbatim[i].Value) > len(verbatim[j].Value) })
	// Every name the decision's secrets hold: its natural persons' and
	// those its free text names.
	var allNames []string
	for _, s := range p.secrets {
		if s.Kind == SecretName {
			allNames = append(allNames, s.Value)
		}
	}
	o := freeTextOptionsFor(rc, class, names, mask)
	named := false
	texts := 0
	scrub := func(s string) string {
		if s == "" {
			return s
		}
		texts++
		for _, n := range names {
			if _, ok := findSpaced(s, n); ok {
				named = true
			}
		}
		s, back := keepWords(s, allNames, sc)
		s, _ = maskFreeText(s, o)
		for _, v := range verbatim {
			s = strings.ReplaceAll(s, v.Value, v.placeholder(mask))
		}
		out, _ := Scrub(s, allNames, mask)
		return redact(back(out), sc, mask)
	}
	c := Case{
		ID:            rc.ID(),
		Src:           rc.Pos,
		PartyName:     redact(party, sc, mask),
		PartyClass:    class,
		LegalRep:      redact(legalRep, sc, mask),
		DecisionNo:    rc.DecisionNo,
		Violation:     scrub(rc.Violation),
		Facts:         scrub(rc.Facts),
		Basis:         scrub(rc.Basis),
		Categories:    rc.Categories,
		Content:       scrub(rc.Content),
		Fine:          rc.Fine,
		Confiscated:   rc.Confiscated,
		Licence:       scrub(rc.Licence),
		DecisionDate:  rc.DecisionDate,
		ValidUntil:    rc.ValidUntil,
		PublishUntil:  until,
		Authority:     rc.Authority,
		AuthorityCode: rc.AuthorityCode,
		Source:        rc.Source,
		SourceCode:    rc.SourceCode,
		Remarks:       scrub(rc.Remarks),
		PowerCode:     rc.PowerCode,
		Procedure:     rc.Procedure,
		Severity:      rc.Severity,
	}
	if class != records.PartyPerson {
		c.CreditCode = rc.CreditCode
		for _, oc := range []Code{{"工商注册号", rc.RegNo}, {"组织机构代码", rc.OrgCode}, {"税务登记号", rc.TaxNo}, {"事业单位证书号", rc.InstCode}, {"社会组织登记证号", rc.SocialOrgCode}} {
			if oc.Value != "" {
				c.OtherCodes = append(c.OtherCodes, oc)
			}
		}
	}
	for _, e := range rc.Extra {
		switch {
		case headerIs(e.Name, secretHeaders):
			// Never published.
		case headerIs(e.Name, nameHeaders):
			c.Extra = append(c.Extra, records.Extra{Name: e.Name, Value: redact(MaskName(e.Value, mask), sc, mask)})
		default:
			c.Extra = append(c.Extra, records.Extra{Name: e.Name, Value: scrub(e.Value)})
		}
	}
	return c, len(names) == 0 || texts == 0 || named
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// findSpaced reports where name occurs in text, whitespace allowed between
// its characters.
func findSpaced(text, name string) (int, bool) {
	want := []rune(name)
	if len(want) == 0 {
		return 0, false
	}
	first := string(want[0])
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], first)
		if j < 0 {
			return 0, false
		}
		if _, ok := matchSpaced(text, i+j, want); ok {
			return i + j, true
		}
		i += j + len(first)
	}
	return 0, false
}

// redact replaces every secret of any record that the scanner finds in s
// and no public string covers: the gate would report it, so it is never
// published.
func redact(s string, sc *Scanner, mask string) string {
	if s == "" || sc == nil {
		return s
	}
	spans := sc.secretSpans([]byte(s))
	if len(spans) == 0 {
		return s
	}
	edits := make([]edit, len(spans))
	for i, sp := range spans {
		edits[i] = edit{sp.start, sp.end, sc.secrets[sc.pats[sp.pat].secrets[0]].placeholder(mask)}
	}
	return applyEdits(s, edits)
}
