// gongshi serve: reloads the page after each good rebuild, and shows the
// diagnostics of a failed one in a panel over the page. Only the preview
// server adds this script; it is never part of a built site. It builds the
// panel with DOM methods and textContent (no innerHTML: diagnostics quote
// the exports), and styles it through the CSSOM, which the site's
// Content-Security-Policy allows.
(function () {
  "use strict";
  var ID = "gongshi-serve-overlay";
  var root = document.documentElement;
  var lost = false;
  var opener = null;
  var source = new EventSource("/__gongshi/events");

  source.addEventListener("open", function () {
    if (lost) {
      // The server restarted: what it serves may have changed.
      location.reload();
      return;
    }
    root.setAttribute("data-gongshi-serve", "live");
  });
  source.addEventListener("reload", function () {
    location.reload();
  });
  // "error" is both the server's failed-build event (with data) and
  // EventSource's own connection error (without); EventSource reconnects
  // by itself after the latter.
  source.addEventListener("error", function (e) {
    if (typeof e.data !== "string") {
      lost = true;
      root.setAttribute("data-gongshi-serve", "lost");
      return;
    }
    var report;
    try {
      report = JSON.parse(e.data);
    } catch (err) {
      return;
    }
    show(report);
  });

  function css(el, styles) {
    for (var k in styles) {
      el.style[k] = styles[k];
    }
  }

  function show(report) {
    hide();
    var box = document.createElement("section");
    box.id = ID;
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-live", "assertive");
    box.setAttribute("aria-modal", "false");
    box.setAttribute("aria-labelledby", ID + "-title");
    box.setAttribute("aria-describedby", ID + "-hint");
    box.tabIndex = -1;
    css(box, {
      position: "fixed", left: "0", right: "0", bottom: "0", zIndex: "2147483647",
      maxHeight: "60vh", overflow: "auto", boxSizing: "border-box", margin: "0",
      padding: "1rem 1.25rem", background: "#fff8f6", color: "#1a1a1a",
      borderTop: "4px solid #b3261e", boxShadow: "0 -4px 16px rgba(0,0,0,.25)",
      font: "15px/1.5 system-ui, sans-serif", textAlign: "left"
    });

    var head = document.createElement("div");
    css(head, { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "1rem" });
    var title = document.createElement("strong");
    title.id = ID + "-title";
    title.textContent = report.serving
      ? "构建失败：仍在显示 " + report.serving + " 的成功构建"
      : "构建失败：站点尚未成功构建";
    css(title, { color: "#b3261e", fontSize: "1.1em" });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "关闭";
    close.setAttribute("aria-label", "关闭构建错误提示");
    css(close, { font: "inherit", padding: ".25rem .75rem", cursor: "pointer" });
    close.addEventListener("click", hide);
    head.appendChild(title);
    head.appendChild(close);

    var hint = document.createElement("p");
    hint.id = ID + "-hint";
    hint.textContent = "改正下列问题并保存文件后，页面会自动重新构建并刷新。";
    css(hint, { margin: ".5rem 0" });

    var list = document.createElement("ol");
    css(list, {
      margin: "0", paddingLeft: "1.5rem",
      font: "13px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      whiteSpace: "pre-wrap", overflowWrap: "anywhere"
    });
    (report.lines || []).forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      list.appendChild(li);
    });

    box.appendChild(head);
    box.appendChild(hint);
    box.appendChild(list);
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        hide();
      }
    });
    opener = document.activeElement;
    document.body.appendChild(box);
    box.focus();
  }

  function hide() {
    var box = document.getElementById(ID);
    if (!box) {
      return;
    }
    box.remove();
    if (opener && opener.focus && document.contains(opener)) {
      opener.focus();
    }
    opener = null;
  }
})();
