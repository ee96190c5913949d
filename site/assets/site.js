/* Study site behaviour: theme, language switch, copy buttons, hints, studied marks, filters,
   keyboard shortcuts, KaTeX and Mermaid. Plain ES5-ish script: works from file:// with no build. */
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var I18N = window.BANK_I18N || {};
  var STUDIED_KEY = "bank:studied", THEME_KEY = "bank:theme";

  function store(key, value) { try { if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value); } catch (e) {} }
  function load(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function $(sel, el) { return (el || doc).querySelector(sel); }
  function $all(sel, el) { return Array.prototype.slice.call((el || doc).querySelectorAll(sel)); }
  function fmt(s, vars) { return String(s).replace(/\{(\w+)\}/g, function (m, k) { return k in vars ? vars[k] : m; }); }

  /* ---- theme ---- */
  var mql = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : !!(mql && mql.matches);
  }
  function syncThemeButton() {
    var b = $("#theme-toggle");
    if (b) b.setAttribute("aria-pressed", isDark() ? "true" : "false");
  }
  function toggleTheme() {
    var next = isDark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    store(THEME_KEY, next);
    syncThemeButton();
    rerenderMermaid();
  }
  var tb = $("#theme-toggle");
  if (tb) tb.addEventListener("click", toggleTheme);
  if (mql && mql.addEventListener) mql.addEventListener("change", syncThemeButton);
  syncThemeButton();

  /* ---- language switch: remember the choice, keep the query (search) and hash ---- */
  var ls = $("#lang-switch");
  if (ls) {
    ls.addEventListener("click", function () {
      store("bank:lang", root.getAttribute("data-lang") === "en" ? "zh" : "en");
      var href = ls.getAttribute("href").split(/[?#]/)[0];
      ls.setAttribute("href", href + location.search + location.hash);
    });
  }

  /* ---- copy buttons on code blocks ---- */
  function copyText(text, button) {
    function done() {
      button.textContent = I18N.copied || "Copied";
      button.classList.add("done");
      setTimeout(function () { button.textContent = I18N.copy || "Copy"; button.classList.remove("done"); }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else { fallbackCopy(text); done(); }
  }
  function fallbackCopy(text) {
    var ta = doc.createElement("textarea");
    ta.value = text; ta.setAttribute("readonly", ""); ta.style.position = "fixed"; ta.style.opacity = "0";
    doc.body.appendChild(ta); ta.select();
    try { doc.execCommand("copy"); } catch (e) {}
    doc.body.removeChild(ta);
  }
  $all("pre.highlight").forEach(function (pre) {
    var wrap = doc.createElement("div");
    wrap.className = "code-wrap";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var b = doc.createElement("button");
    b.type = "button"; b.className = "copy-btn"; b.textContent = I18N.copy || "Copy";
    b.setAttribute("aria-label", I18N.copy_code || "Copy code");
    b.addEventListener("click", function () { copyText(pre.innerText.replace(/\n$/, ""), b); });
    wrap.appendChild(b);
  });

  /* ---- hints, one at a time ---- */
  var hintList = $("#hint-list"), hintBtn = $("#hint-next");
  var hints = hintList ? $all("li.hint", hintList) : [];
  var shown = 0;
  function syncHints() {
    hints.forEach(function (h, i) { h.hidden = i >= shown; });
    if (!hintBtn) return;
    hintBtn.hidden = false;
    if (shown >= hints.length) {
      hintBtn.textContent = hintBtn.getAttribute("data-done");
      hintBtn.disabled = true;
    } else {
      hintBtn.textContent = fmt(hintBtn.getAttribute("data-template"), { n: shown + 1, total: hints.length });
    }
  }
  function nextHint() {
    if (shown >= hints.length) return;
    shown += 1; syncHints();
    var h = hints[shown - 1];
    h.setAttribute("tabindex", "-1"); h.focus({ preventScroll: false });
    renderMermaidIn(h);
  }
  if (hints.length) { syncHints(); hintBtn.addEventListener("click", nextHint); }

  /* ---- studied (concept cards), kept in localStorage ---- */
  function studiedSet() {
    try { var a = JSON.parse(load(STUDIED_KEY) || "[]"); return Array.isArray(a) ? a : []; } catch (e) { return []; }
  }
  var st = $("#studied-toggle");
  if (st) {
    var sid = st.getAttribute("data-id");
    st.checked = studiedSet().indexOf(sid) >= 0;
    st.addEventListener("change", function () {
      var s = studiedSet().filter(function (x) { return x !== sid; });
      if (st.checked) s.push(sid);
      store(STUDIED_KEY, JSON.stringify(s));
    });
  }
  var list = $("#question-list");
  if (list) {
    var studied = studiedSet();
    var perTopic = {};
    $all("li.q-item", list).forEach(function (li) {
      if (li.getAttribute("data-kind") !== "concept") return;
      var on = studied.indexOf(li.getAttribute("data-id")) >= 0;
      var mark = $(".studied-mark", li);
      if (mark) mark.hidden = !on;
      if (on) { var tp = li.getAttribute("data-topic"); perTopic[tp] = (perTopic[tp] || 0) + 1; }
    });
    $all("[data-studied-topic]").forEach(function (el) {
      var n = $(".studied-n", el);
      if (n) n.textContent = perTopic[el.getAttribute("data-studied-topic")] || 0;
    });
  }

  /* ---- filters on the home page (combine; mirrored in the URL) ---- */
  var form = $("#filters");
  if (form && list) {
    var selects = $all("select", form);
    var items = $all("li.q-item", list);
    var count = $("#filter-count"), none = $("#no-match");
    function apply(updateUrl) {
      var shownN = 0, params = [];
      var want = {};
      selects.forEach(function (s) { if (s.value) { want[s.name] = s.value; params.push(encodeURIComponent(s.name) + "=" + encodeURIComponent(s.value)); } });
      items.forEach(function (li) {
        var ok = true;
        for (var k in want) {
          var vals = (li.getAttribute("data-" + k) || "").split(" ");
          if (vals.indexOf(want[k]) < 0) { ok = false; break; }
        }
        li.hidden = !ok;
        if (ok) shownN += 1;
      });
      count.textContent = fmt(count.getAttribute("data-template"), { shown: shownN, total: items.length });
      none.hidden = shownN > 0;
      $all(".topic-tile").forEach(function (tile) {
        tile.classList.toggle("active", want.topic === tile.getAttribute("data-topic"));
      });
      if (updateUrl) {
        try { history.replaceState(null, "", location.pathname + (params.length ? "?" + params.join("&") : "") + location.hash); } catch (e) {}
      }
    }
    function fromUrl() {
      var q = new URLSearchParams(location.search);
      selects.forEach(function (s) {
        var v = q.get(s.name) || "";
        s.value = $all("option", s).some(function (o) { return o.value === v; }) ? v : "";
      });
      apply(false);
    }
    selects.forEach(function (s) { s.addEventListener("change", function () { apply(true); }); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    $all("[data-filter-topic]").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var sel = $("#f-topic");
        var v = a.getAttribute("data-filter-topic");
        sel.value = sel.value === v ? "" : v;
        apply(true);
        $("#questions").scrollIntoView({ behavior: "smooth", block: "start" });
      });
    });
    fromUrl();
  }

  /* ---- keyboard ---- */
  doc.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tag = (ev.target && ev.target.tagName) || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (ev.target && ev.target.isContentEditable)) {
      if (ev.key === "Escape" && ev.target.blur) ev.target.blur();
      return;
    }
    var a;
    switch (ev.key) {
      case "/":
        var input = $("#q") || $("#header-q");
        if (input) { ev.preventDefault(); input.focus(); input.select(); }
        break;
      case "n": a = $("#next-link"); if (a) location.href = a.href; break;
      case "p": a = $("#prev-link"); if (a) location.href = a.href; break;
      case "h": if (hints.length) nextHint(); break;
      case "a":
        var d = $("#answer-reveal");
        if (d) { d.open = !d.open; if (d.open) $("summary", d).focus(); }
        break;
      case "d": toggleTheme(); break;
    }
  });

  /* ---- maths (KaTeX auto-render; only the build's \( \) / \[ \] spans carry delimiters) ---- */
  function renderMath(el) {
    if (!window.renderMathInElement) return;
    $all(".math", el).forEach(function (m) {
      if (m.getAttribute("data-rendered")) return;
      window.renderMathInElement(m, {
        delimiters: [{ left: "\\[", right: "\\]", display: true }, { left: "\\(", right: "\\)", display: false }],
        throwOnError: false
      });
      m.setAttribute("data-rendered", "1");
    });
  }
  window.BANK_renderMath = renderMath;
  renderMath(doc.body);

  /* ---- Mermaid: render diagrams when they become visible (closed <details> have no layout) ---- */
  var mermaidReady = false;
  function visible(el) { return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length); }
  function renderMermaidIn(scope) {
    if (!window.mermaid) return;
    if (!mermaidReady) {
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: isDark() ? "dark" : "default" });
      mermaidReady = true;
    }
    var nodes = $all("pre.mermaid:not([data-processed])", scope || doc).filter(visible);
    nodes.forEach(function (n) { if (!n.getAttribute("data-src")) n.setAttribute("data-src", n.textContent); });
    if (nodes.length) window.mermaid.run({ nodes: nodes }).then(function () { nodes.forEach(fitDiagram); }, function () {});
  }
  /* A wide diagram scaled down to a phone is unreadable: shrink it at most 2x, then scroll. */
  function fitDiagram(pre) {
    var svg = pre.querySelector("svg");
    var natural = svg ? parseFloat(svg.style.maxWidth) : 0;
    var room = pre.clientWidth - 24;
    if (natural && room > 0 && natural > 2 * room) svg.style.minWidth = (2 * room) + "px";
  }
  function rerenderMermaid() {
    if (!window.mermaid || !mermaidReady) return;
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: isDark() ? "dark" : "default" });
    $all("pre.mermaid[data-processed]").forEach(function (n) {
      n.removeAttribute("data-processed");
      n.textContent = n.getAttribute("data-src") || "";
    });
    renderMermaidIn(doc);
  }
  $all("details").forEach(function (d) {
    d.addEventListener("toggle", function () { if (d.open) renderMermaidIn(d); });
  });
  renderMermaidIn(doc);
})();
