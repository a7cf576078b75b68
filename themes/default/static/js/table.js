// The decisions table in the browser (/cases/table/). The row files are
// written by gongshi (generator/site/table.go, whose comment describes
// them). The view lives in the query string (year, cat, vio, auth, min,
// max, sort, page), so every view is a permalink; only the months a view
// needs are fetched. Data reaches the page through textContent and
// attributes alone.
(function () {
  "use strict";
  var form = document.getElementById("table-form");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var metaURL = form.getAttribute("data-meta");
  var base = form.getAttribute("data-base") || "/";
  var dir = metaURL.slice(0, metaURL.lastIndexOf("/") + 1);
  var statusEl = document.getElementById("table-status");
  var caption = document.getElementById("table-caption");
  var tbody = document.querySelector("#case-table tbody");
  var pager = document.getElementById("table-pager");
  var downloads = document.getElementById("table-downloads");
  var PAGE = 50;
  var KEYS = ["year", "cat", "vio", "auth", "min", "max", "sort", "page"];
  var SORTS = ["date", "fine", "no", "party", "vio", "cat", "auth"];
  var LABELS = { no: "决定书文号", party: "当事人", vio: "违法行为类型", cat: "处罚类别", fine: "罚款金额", auth: "处罚机关", date: "决定日期" };
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var meta = null;
  var months = {}; // file → promise of its rows
  var token = 0;

  // ---- State: the query string ----
  function readState() {
    var q = new URLSearchParams(location.search), st = {};
    KEYS.forEach(function (k) { st[k] = (q.get(k) || "").trim(); });
    var key = st.sort.replace(/^-/, "");
    if (SORTS.indexOf(key) < 0 || st.sort === "-date") st.sort = "";
    var p = parseInt(st.page, 10);
    st.page = p > 1 ? String(p) : "";
    if (!/^[0-9]{4}$/.test(st.year)) st.year = "";
    ["min", "max"].forEach(function (k) { if (!isFinite(parseFloat(st[k]))) st[k] = ""; });
    return st;
  }
  function query(st) {
    var q = new URLSearchParams();
    KEYS.forEach(function (k) { if (st[k]) q.set(k, st[k]); });
    var s = q.toString();
    return s ? "?" + s : "";
  }
  function go(st, push) {
    var url = location.pathname + query(st);
    if (push && query(st) !== location.search) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    show(st);
  }

  // ---- Filter and sort ----
  // A row: [id, day, no, party, vio, [cats], fine, auth], plus its date
  // (YYYY-MM-DD) appended at load as row[8].
  function compile(st) {
    var f = { year: st.year, cat: -1, vio: -1, auth: -1, none: false, lo: -Infinity, hi: Infinity };
    [["cat", meta.cats], ["vio", meta.vios], ["auth", meta.auths]].forEach(function (d) {
      if (!st[d[0]]) return;
      f[d[0]] = d[1].indexOf(st[d[0]]);
      if (f[d[0]] < 0) f.none = true; // a value no published decision has
    });
    if (st.min) f.lo = Math.round(parseFloat(st.min) * 100);
    if (st.max) f.hi = Math.round(parseFloat(st.max) * 100);
    return f;
  }
  function countIn(pairs, i) {
    for (var k = 0; k < pairs.length; k += 2) if (pairs[k] === i) return pairs[k + 1];
    return 0;
  }
  // plan lists the months whose counts do not rule the filter out, newest
  // first, each with the most matches it can hold (est); exact is the
  // number of matches when the counts give it, else -1.
  function plan(f) {
    var out = [], exact = 0, dims = (f.cat >= 0) + (f.vio >= 0) + (f.auth >= 0);
    var known = !f.none && dims <= 1 && f.lo === -Infinity && f.hi === Infinity;
    if (f.none) return { months: out, exact: 0 };
    meta.months.forEach(function (m) {
      if (f.year && m.m.slice(0, 4) !== f.year) return;
      if (m.hi < f.lo || m.lo > f.hi) return;
      var n = m.n;
      if (f.cat >= 0) n = Math.min(n, countIn(m.c, f.cat));
      if (f.vio >= 0) n = Math.min(n, countIn(m.v, f.vio));
      if (f.auth >= 0) n = Math.min(n, countIn(m.a, f.auth));
      if (n === 0) return;
      out.push({ m: m, est: n });
      exact += n;
    });
    return { months: out, exact: known ? exact : -1 };
  }
  function match(f, r) {
    if (f.vio >= 0 && r[4] !== f.vio) return false;
    if (f.auth >= 0 && r[7] !== f.auth) return false;
    if (f.cat >= 0 && r[5].indexOf(f.cat) < 0) return false;
    return r[6] >= f.lo && r[6] <= f.hi;
  }
  function dateOf(r) { return r[8]; }
  function catsOf(r) { return r[5].map(function (i) { return meta.cats[i]; }); }
  function value(key, r) {
    switch (key) {
      case "date": return dateOf(r);
      case "fine": return r[6];
      case "no": return r[2];
      case "party": return r[3];
      case "vio": return r[4] < 0 ? "" : meta.vios[r[4]];
      case "cat": return catsOf(r).join("、");
      case "auth": return r[7] < 0 ? "" : meta.auths[r[7]];
    }
  }
  function sorter(sort) {
    var desc = sort === "" || sort.charAt(0) === "-";
    var key = sort === "" ? "date" : sort.replace(/^-/, "");
    return function (a, b) {
      var x = value(key, a), y = value(key, b), c;
      if (typeof x === "number") c = x - y;
      else if (key === "date") c = x < y ? -1 : x > y ? 1 : 0;
      else c = collator.compare(x, y);
      if (desc) c = -c;
      if (c !== 0) return c;
      // Then newest first, then by ID: the order of the row files.
      var da = dateOf(a), db = dateOf(b);
      if (da !== db) return da < db ? 1 : -1;
      return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
    };
  }

  // ---- Loading ----
  function fetchJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  function loadMonth(m) {
    if (!months[m.f]) {
      months[m.f] = fetchJSON(dir + m.f).then(function (rows) {
        rows.forEach(function (r) { r[8] = m.m + "-" + (r[1] < 10 ? "0" : "") + r[1]; });
        return rows;
      });
      months[m.f].catch(function () { delete months[m.f]; });
    }
    return months[m.f];
  }
  // rows loads the months of p (in the order of the view when it is by
  // date) until need matches are found, or all of them when need is
  // Infinity; it resolves to the matches and whether every month was read.
  // Each round fetches, at once, the fewest months whose counts can hold
  // the matches still needed: one month for the newest fifty decisions.
  function rows(f, p, sort, need) {
    var list = p.months.slice();
    if (sort === "date") list.reverse();
    var byDate = sort === "" || sort === "date";
    if (!byDate) need = Infinity;
    var found = [], i = 0;
    function next() {
      if (i >= list.length || found.length >= need) return Promise.resolve({ rows: found, all: i >= list.length });
      var batch = [], room = 0;
      while (i < list.length && room < need - found.length) {
        batch.push(list[i].m);
        room += list[i].est;
        i++;
      }
      return Promise.all(batch.map(loadMonth)).then(function (parts) {
        parts.forEach(function (rs) { rs.forEach(function (r) { if (match(f, r)) found.push(r); }); });
        return next();
      });
    }
    return next();
  }

  // ---- Showing ----
  function money(fen) {
    if (!fen) return "";
    var y = Math.floor(fen / 100), c = fen % 100;
    var s = String(y).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return s + (c ? "." + (c < 10 ? "0" : "") + c : "") + "元";
  }
  function cell(tr, label, text, cls) {
    var td = document.createElement("td");
    td.setAttribute("data-label", label);
    if (cls) td.className = cls;
    if (text !== null) td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  function rowEl(r) {
    var tr = document.createElement("tr");
    var a = document.createElement("a");
    a.href = base + "cases/" + r[0] + "/";
    a.textContent = r[2];
    cell(tr, LABELS.no, null).appendChild(a);
    cell(tr, LABELS.party, r[3]);
    cell(tr, LABELS.vio, value("vio", r));
    cell(tr, LABELS.cat, value("cat", r));
    cell(tr, LABELS.fine, money(r[6]), "num");
    cell(tr, LABELS.auth, value("auth", r));
    var t = document.createElement("time");
    t.setAttribute("datetime", dateOf(r));
    t.textContent = dateOf(r);
    cell(tr, LABELS.date, null).appendChild(t);
    return tr;
  }
  function describe(st) {
    var parts = [];
    if (st.year) parts.push(st.year + "年");
    if (st.cat) parts.push(st.cat);
    if (st.vio) parts.push(st.vio);
    if (st.auth) parts.push(st.auth);
    if (st.min || st.max) parts.push("罚款" + (st.min ? "不少于" + st.min + "元" : "") + (st.min && st.max ? "、" : "") + (st.max ? "不超过" + st.max + "元" : ""));
    return parts.join("，");
  }
  function pageLink(st, n, text) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    var s = Object.assign({}, st, { page: n > 1 ? String(n) : "" });
    a.href = location.pathname + query(s);
    a.textContent = text;
    if (/^[0-9]+$/.test(text) && n === (+st.page || 1)) a.setAttribute("aria-current", "page");
    a.addEventListener("click", function (e) {
      e.preventDefault();
      go(s, true);
      document.getElementById("case-table").scrollIntoView();
    });
    li.appendChild(a);
    return li;
  }
  function showPager(st, page, total, more) {
    pager.textContent = "";
    var pages = total >= 0 ? Math.max(1, Math.ceil(total / PAGE)) : 0;
    if (pages === 1 || (total < 0 && page === 1 && !more)) { pager.hidden = true; return; }
    var ul = document.createElement("ul");
    if (page > 1) ul.appendChild(pageLink(st, page - 1, "上一页"));
    if (pages) {
      var from = Math.max(1, page - 2), to = Math.min(pages, page + 2);
      if (from > 1) ul.appendChild(pageLink(st, 1, "1"));
      for (var n = from; n <= to; n++) ul.appendChild(pageLink(st, n, String(n)));
      if (to < pages) ul.appendChild(pageLink(st, pages, String(pages)));
    }
    if (more) ul.appendChild(pageLink(st, page + 1, "下一页"));
    pager.appendChild(ul);
    pager.hidden = false;
  }
  function showSort(st) {
    var key = st.sort === "" ? "date" : st.sort.replace(/^-/, "");
    var desc = st.sort === "" || st.sort.charAt(0) === "-";
    document.querySelectorAll("#case-table th[data-key]").forEach(function (th) {
      if (th.getAttribute("data-key") === key) th.setAttribute("aria-sort", desc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }
  function fillForm(st) {
    ["year", "cat", "vio", "auth", "min", "max", "sort"].forEach(function (k) {
      var el = form.elements[k];
      el.value = st[k];
      if (el.value !== st[k]) el.value = ""; // a value the list lacks
    });
  }

  function show(st) {
    var my = ++token;
    fillForm(st);
    showSort(st);
    form.setAttribute("data-state", "loading");
    statusEl.textContent = "正在读取……";
    var f = compile(st), p = plan(f);
    var page = +st.page || 1;
    rows(f, p, st.sort, page * PAGE + 1).then(function (res) {
      if (my !== token) return;
      var found = res.rows.sort(sorter(st.sort));
      var total = res.all ? found.length : p.exact;
      var lo = (page - 1) * PAGE, shown = found.slice(lo, lo + PAGE);
      tbody.textContent = "";
      shown.forEach(function (r) { tbody.appendChild(rowEl(r)); });
      if (!shown.length) {
        var tr = document.createElement("tr"), td = cell(tr, "", page > 1 ? "本页没有记录。" : "没有符合条件的处罚决定。");
        td.colSpan = 7;
        td.removeAttribute("data-label");
        tbody.appendChild(tr);
      }
      var what = describe(st);
      caption.textContent = (what ? what + "的" : "") + "行政处罚决定" + (page > 1 ? "，第 " + page + " 页" : "");
      var count = total >= 0 ? "共 " + total.toLocaleString("zh-CN") + " 条" : "至少 " + found.length.toLocaleString("zh-CN") + " 条";
      statusEl.textContent = (what ? what + "：" : "全部：") + count + (shown.length ? "，显示第 " + (lo + 1) + "–" + (lo + shown.length) + " 条" : "");
      var more = total >= 0 ? lo + PAGE < total : found.length > lo + PAGE;
      showPager(st, page, total, more);
      form.setAttribute("data-total", total >= 0 ? String(total) : "");
      form.setAttribute("data-view", query(st));
      form.setAttribute("data-state", "ready");
    }).catch(function () {
      if (my !== token) return;
      statusEl.textContent = "数据读取失败，请刷新页面重试；也可以下载完整数据。";
      form.setAttribute("data-state", "error");
    });
  }

  // ---- Downloads: the rows of the current view, made in the browser ----
  function csvCell(s) {
    s = String(s);
    if (/^[=+@\t\r]/.test(s) || (s.charAt(0) === "-" && !/^-[0-9]+(\.[0-9]+)?$/.test(s))) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function yuan(fen) { return fen ? String(fen / 100) : ""; }
  var FIELDS = [["决定书文号", "decision_no"], ["当事人", "party"], ["违法行为类型", "violation"], ["处罚类别", "categories"],
    ["罚款金额（元）", "fine"], ["处罚决定日期", "decision_date"], ["处罚机关", "authority"], ["页面", "url"]];
  function record(r) {
    return [r[2], r[3], value("vio", r), catsOf(r).join(";"), yuan(r[6]), dateOf(r), value("auth", r),
      new URL(base + "cases/" + r[0] + "/", location.href).href];
  }
  function save(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function download(kind) {
    var st = readState(), f = compile(st);
    statusEl.textContent = "正在准备下载……";
    rows(f, plan(f), st.sort, Infinity).then(function (res) {
      var found = res.rows.sort(sorter(st.sort)).map(record);
      var name = "行政处罚决定" + (describe(st) ? "-" + describe(st).replace(/[\\/:*?"<>|，、]+/g, "-") : "");
      if (kind === "csv") {
        var lines = [FIELDS.map(function (x) { return csvCell(x[0]); }).join(",")];
        found.forEach(function (r) { lines.push(r.map(csvCell).join(",")); });
        save(name + ".csv", "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
      } else {
        var recs = found.map(function (r) {
          var o = {};
          FIELDS.forEach(function (x, i) { o[x[1]] = r[i]; });
          return o;
        });
        var doc = { dataset: "cases", view: new URL(location.pathname + query(st), location.href).href, count: recs.length, records: recs };
        save(name + ".json", "application/json", JSON.stringify(doc, null, 1) + "\n");
      }
      statusEl.textContent = "已生成 " + found.length.toLocaleString("zh-CN") + " 条记录的下载文件。";
    }).catch(function () {
      statusEl.textContent = "数据读取失败，无法生成下载文件。";
    });
  }

  // ---- Wiring ----
  function fromForm() {
    var st = readState();
    ["year", "cat", "vio", "auth", "min", "max", "sort"].forEach(function (k) { st[k] = form.elements[k].value.trim(); });
    st.page = "";
    return st;
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); go(fromForm(), true); });
  form.addEventListener("change", function () { go(fromForm(), true); });
  document.getElementById("table-clear").addEventListener("click", function (e) {
    e.preventDefault();
    go({ year: "", cat: "", vio: "", auth: "", min: "", max: "", sort: "", page: "" }, true);
  });
  document.querySelectorAll("#case-table th[data-key]").forEach(function (th) {
    var key = th.getAttribute("data-key");
    var b = document.createElement("button");
    b.type = "button";
    b.className = "sort";
    b.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(b);
    b.addEventListener("click", function () {
      var st = readState();
      var cur = st.sort === "" ? "-date" : st.sort;
      var next;
      if (cur.replace(/^-/, "") === key) next = cur.charAt(0) === "-" ? key : "-" + key;
      else next = key === "date" || key === "fine" ? "-" + key : key;
      st.sort = next === "-date" ? "" : next;
      st.page = "";
      go(st, true);
    });
  });
  document.getElementById("table-csv").addEventListener("click", function () { download("csv"); });
  document.getElementById("table-json").addEventListener("click", function () { download("json"); });
  window.addEventListener("popstate", function () { show(readState()); });

  fetchJSON(metaURL).then(function (m) {
    meta = m;
    go(readState(), false);
  }).catch(function () {
    statusEl.textContent = "数据读取失败，下面是最新的决定；也可以下载完整数据。";
  });
})();
