// Statistics pages: interactive charts, a chart | table switch and a time
// range per figure. Without this file every figure shows its static image
// and its full table (in a closed <details>); nothing here is needed to
// read a number.
//
// A figure's view is a permalink: "?view=table&range=12#ID" opens the
// figure ID as its table, showing its latest 12 months. The parameters
// apply to the figure the fragment names; the defaults (chart, all months)
// are left out of the address.
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".chart-block");
  if (!blocks.length) return;

  // ---- drawing ------------------------------------------------------------
  // A .chart element names its option file in data-option and the ECharts
  // file in data-echarts. ECharts is the largest file on the site, so it is
  // fetched once the page has loaded and a chart comes near the screen, and
  // each chart is drawn, in a task of its own, only when it comes near the
  // screen: reading the page never waits for a chart.
  var charts = document.querySelectorAll(".chart[data-option]");
  var started = [];
  // Horizontal bar charts grow with their rows so labels never overlap; size
  // every box now, before any chart is drawn, so nothing moves later.
  Array.prototype.forEach.call(charts, function (el) {
    var rows = parseInt(el.getAttribute("data-rows") || "0", 10);
    if (rows) {
      var per = 22 * Math.max(1, parseInt(el.getAttribute("data-series") || "1", 10)) + 14;
      el.style.height = Math.max(160, 90 + rows * per) + "px";
    }
  });
  function later(fn) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 300 }); else setTimeout(fn, 0);
  }
  var lib = null; // a promise of window.echarts
  function library(src) {
    if (!lib) {
      lib = new Promise(function (ok, fail) {
        if (window.echarts) { ok(window.echarts); return; }
        var s = document.createElement("script");
        s.src = src;
        s.addEventListener("load", function () { ok(window.echarts); });
        s.addEventListener("error", fail);
        document.head.appendChild(s);
      });
    }
    return lib;
  }
  // months[id] is the range of the chart element id: its latest N months,
  // 0 for all.
  var months = {};
  // sliced is the option cut to the latest n categories (n = 0: all).
  function sliced(o, n) {
    var c = JSON.parse(JSON.stringify(o));
    if (n > 0) {
      [].concat(c.xAxis || []).forEach(function (a) { if (a && a.data && a.data.length > n) a.data = a.data.slice(-n); });
      (c.series || []).forEach(function (s) { if (s.data && s.data.length > n) s.data = s.data.slice(-n); });
    }
    (c.series || []).forEach(function (s) {
      if (s.endLabel) s.labelLayout = { moveOverlap: "shiftY" };
    });
    return c;
  }
  // Charts are drawn one per task, in the order they came near the screen.
  var turn = Promise.resolve();
  function draw(el) {
    var opt = fetch(el.getAttribute("data-option")).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
    var ready = Promise.all([library(el.getAttribute("data-echarts")), opt]);
    turn = turn.then(function () { return ready; }).then(function (got) {
      return new Promise(function (done) {
        later(function () {
          try {
            el.removeAttribute("hidden");
            var chart = got[0].init(el, null, { renderer: "svg" });
            el.gongshiOption = got[1];
            el.gongshiChart = chart;
            chart.setOption(sliced(got[1], months[el.id] || 0));
            started.push(chart);
          } catch (e) { /* the table already holds every number */ }
          done();
        });
      });
    }, function () { /* no chart; the table stays */ });
  }
  function redraw(el) {
    if (el && el.gongshiChart) el.gongshiChart.setOption(sliced(el.gongshiOption, months[el.id] || 0), true);
  }
  window.addEventListener("resize", function () {
    started.forEach(function (c) { c.resize(); });
  });
  function watch() {
    if (!("IntersectionObserver" in window)) {
      Array.prototype.forEach.call(charts, draw);
      return;
    }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) {
          io.unobserve(e.target);
          draw(e.target);
        }
      });
    }, { rootMargin: "200px 0px" });
    Array.prototype.forEach.call(charts, function (el) { io.observe(el); });
  }

  // ---- chart | table, time range ----------------------------------------
  var params = new URLSearchParams(location.search);
  var target = decodeURIComponent(location.hash.slice(1));

  function permalink(block, view, n) {
    var q = [];
    if (view === "table") q.push("view=table");
    if (n > 0) q.push("range=" + n);
    return location.pathname + (q.length ? "?" + q.join("&") : "") + "#" + block.id;
  }

  function setup(block) {
    var tabs = block.querySelectorAll(".chart-views [role=tab]");
    if (tabs.length !== 2) return;
    var chartPanel = document.getElementById(tabs[0].getAttribute("aria-controls"));
    var tablePanel = document.getElementById(tabs[1].getAttribute("aria-controls"));
    if (!chartPanel || !tablePanel) return;
    var chartEl = chartPanel.querySelector(".chart");
    var details = tablePanel.querySelector("details");
    var range = block.querySelector(".chart-range");
    var rangeButtons = range ? range.querySelectorAll("button[data-months]") : [];
    var link = block.querySelector(".chart-link");
    var state = { view: "chart", months: 0 };

    block.classList.add("has-views");
    tabs[0].parentNode.hidden = false;
    if (range) range.hidden = false;
    chartPanel.setAttribute("role", "tabpanel");
    chartPanel.setAttribute("aria-labelledby", tabs[0].id);
    tablePanel.setAttribute("role", "tabpanel");
    tablePanel.setAttribute("aria-labelledby", tabs[1].id);
    if (details) details.open = true;

    function show(view) {
      state.view = view;
      var table = view === "table";
      tabs[0].setAttribute("aria-selected", table ? "false" : "true");
      tabs[1].setAttribute("aria-selected", table ? "true" : "false");
      tabs[0].tabIndex = table ? -1 : 0;
      tabs[1].tabIndex = table ? 0 : -1;
      chartPanel.hidden = table;
      tablePanel.hidden = !table;
      if (!table && chartEl && chartEl.gongshiChart) chartEl.gongshiChart.resize();
    }
    function limit(n) {
      var ok = n === 0;
      Array.prototype.forEach.call(rangeButtons, function (b) {
        if (parseInt(b.getAttribute("data-months"), 10) === n) ok = true;
      });
      if (!ok) n = 0;
      state.months = n;
      Array.prototype.forEach.call(rangeButtons, function (b) {
        b.setAttribute("aria-pressed", parseInt(b.getAttribute("data-months"), 10) === n ? "true" : "false");
      });
      var rows = tablePanel.querySelectorAll("tbody tr[data-month]");
      Array.prototype.forEach.call(rows, function (r, i) {
        r.hidden = n > 0 && i < rows.length - n;
      });
      if (chartEl) {
        months[chartEl.id] = n;
        redraw(chartEl);
      }
    }
    function remember() {
      var href = permalink(block, state.view, state.months);
      if (link) link.setAttribute("href", href);
      if (window.history && history.replaceState) history.replaceState(null, "", href);
    }

    Array.prototype.forEach.call(tabs, function (tab, i) {
      tab.addEventListener("click", function () {
        show(i === 1 ? "table" : "chart");
        remember();
      });
      tab.addEventListener("keydown", function (e) {
        var k = e.key, next = -1;
        if (k === "ArrowRight" || k === "ArrowLeft") next = 1 - i;
        else if (k === "Home") next = 0;
        else if (k === "End") next = 1;
        if (next < 0) return;
        e.preventDefault();
        tabs[next].focus();
        show(next === 1 ? "table" : "chart");
        remember();
      });
    });
    Array.prototype.forEach.call(rangeButtons, function (b) {
      b.addEventListener("click", function () {
        limit(parseInt(b.getAttribute("data-months"), 10) || 0);
        remember();
      });
    });

    var view = "chart", n = 0;
    if (block.id === target) {
      if (params.get("view") === "table") view = "table";
      n = parseInt(params.get("range") || "0", 10) || 0;
    }
    show(view);
    limit(n);
    if (link) link.setAttribute("href", permalink(block, state.view, state.months));
  }
  Array.prototype.forEach.call(blocks, setup);

  // Printing shows every table in full.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.chart-table"), function (d) { d.open = true; });
  });

  if (charts.length) {
    if (document.readyState === "complete") watch(); else window.addEventListener("load", watch);
  }
})();
