// Progressive enhancements only; every page works without this file.
(function () {
  "use strict";
  // Charts: a .chart element names its option file in data-option; ECharts is
  // loaded from the site itself on pages that have charts.
  var charts = document.querySelectorAll(".chart[data-option]");
  if (!charts.length) return;
  var script = document.querySelector("script[data-echarts]");
  function start() {
    Array.prototype.forEach.call(charts, function (el) {
      fetch(el.getAttribute("data-option")).then(function (r) { return r.json(); }).then(function (opt) {
        el.removeAttribute("hidden");
        var chart = window.echarts.init(el, null, { renderer: "svg" });
        chart.setOption(opt);
        window.addEventListener("resize", function () { chart.resize(); });
      });
    });
  }
  if (window.echarts) start(); else if (script) script.addEventListener("load", start);
})();
