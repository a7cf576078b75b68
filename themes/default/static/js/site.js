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
