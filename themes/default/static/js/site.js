// Progressive enhancements only; every page works without this file.

// 适老化 toggle: elder.js has already applied the stored choice to <html>;
// the button flips it, remembers it and reports its state (aria-pressed).
(function () {
  "use strict";
  var d = document.documentElement, b = document.querySelector(".elder-toggle");
  if (!b) return;
  function sync() { b.setAttribute("aria-pressed", d.classList.contains("elder") ? "true" : "false"); }
  sync();
  b.addEventListener("click", function () {
    var on = d.classList.toggle("elder");
    try { localStorage.setItem("gongshi-elder", on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
    sync();
  });
})();

// Wide tables scroll sideways inside .table-wrap; a scrolling region must be
// reachable by keyboard, so give it a tab stop and a name when it overflows.
(function () {
  "use strict";
  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-wrap"), function (w) {
      if (w.scrollWidth > w.clientWidth + 1) {
        if (!w.hasAttribute("tabindex")) {
          w.setAttribute("tabindex", "0");
          w.setAttribute("role", "region");
          var c = w.querySelector("caption");
          w.setAttribute("aria-label", c ? c.textContent : "表格");
        }
      }
    });
  }
  mark();
  window.addEventListener("resize", mark);
})();

// Printing: show each link's full address after it (print CSS reads
// data-print-url; without this script it prints the path).
window.addEventListener("beforeprint", function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("main a[href]"), function (a) {
    var h = a.getAttribute("href");
    if (h.charAt(0) !== "#" && !/^(tel|mailto):/.test(h)) a.setAttribute("data-print-url", a.href);
  });
});

(function () {
  "use strict";
  // Charts: a .chart element names its option file in data-option and the
  // ECharts file in data-echarts. The data table under each chart stays the
  // reference; the chart only adds a picture. ECharts is the largest file on
  // the site, so it is fetched once the page has loaded and a chart comes
  // near the screen, and each chart is drawn, in a task of its own, only when
  // it comes near the screen: reading the page never waits for a chart.
  var charts = document.querySelectorAll(".chart[data-option]");
  if (!charts.length) return;
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
            var o = got[1];
            el.removeAttribute("hidden");
            (o.series || []).forEach(function (s) {
              if (s.endLabel) s.labelLayout = { moveOverlap: "shiftY" };
            });
            var chart = got[0].init(el, null, { renderer: "svg" });
            chart.setOption(o);
            started.push(chart);
          } catch (e) { /* the table below already holds every number */ }
          done();
        });
      });
    }, function () { /* no chart; the table stays */ });
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
  if (document.readyState === "complete") watch(); else window.addEventListener("load", watch);
})();
