// 适老化 mode, applied before the first paint (this file loads without
// defer, in <head>). ?elder=1 turns it on and ?elder=0 off; the choice is kept
// in localStorage so it follows the reader from page to page. The "js" class
// shows the toggle button, which site.js wires up.
(function (d) {
  "use strict";
  var on = false, m = /[?&]elder=([01])(?:&|$)/.exec(location.search);
  try {
    if (m) localStorage.setItem("gongshi-elder", m[1]);
    on = localStorage.getItem("gongshi-elder") === "1";
  } catch (e) {
    on = !!m && m[1] === "1";
  }
  d.className += on ? " js elder" : " js";
})(document.documentElement);
