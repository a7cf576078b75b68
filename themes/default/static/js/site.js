// Progressive enhancements only; every page works without this file.
(function () {
  "use strict";
  // Charts: a .chart element names its option file in data-option; ECharts is
  // loaded from the site itself on pages that have charts. The data table
  // under each chart stays the reference; the chart only adds a picture.
  var charts = document.querySelectorAll(".chart[data-option]");
  if (!charts.length) return;
  var script = document.querySelector("script[data-echarts]");
  var started = [];
  function start() {
    Array.prototype.forEach.call(charts, function (el) {
      // Horizontal bar charts grow with their rows so labels never overlap.
      var rows = parseInt(el.getAttribute("data-rows") || "0", 10);
      if (rows) {
        var per = 22 * Math.max(1, parseInt(el.getAttribute("data-series") || "1", 10)) + 14;
        el.style.height = Math.max(160, 90 + rows * per) + "px";
      }
      fetch(el.getAttribute("data-option")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (opt) {
        el.removeAttribute("hidden");
        (opt.series || []).forEach(function (s) {
          if (s.endLabel) s.labelLayout = { moveOverlap: "shiftY" };
        });
        var chart = window.echarts.init(el, null, { renderer: "svg" });
        chart.setOption(opt);
        started.push(chart);
      }).catch(function () {
        // The table below already holds every number; leave the chart out.
      });
    });
    window.addEventListener("resize", function () {
      started.forEach(function (c) { c.resize(); });
    });
  }
  if (window.echarts) start(); else if (script) script.addEventListener("load", start);
})();
