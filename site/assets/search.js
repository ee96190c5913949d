/* Offline search over window.BANK_SEARCH (assets/search-index.js, built by `bank site`).
   Query tokens: English words stemmed with the index's own rules and matched as prefixes of index
   terms; CJK runs split into bigrams (single characters as unigrams). Every query token must match
   (AND); if nothing matches them all, the best partial matches are shown. */
(function () {
  "use strict";
  var IDX = window.BANK_SEARCH;
  var I18N = window.BANK_I18N || {};
  var lang = document.documentElement.getAttribute("data-lang") || "en";
  if (!IDX) return;
  var terms = IDX.terms, vocab = Object.keys(terms).sort();
  var stop = {};
  IDX.stop.forEach(function (w) { stop[w] = 1; });
  var CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var TOKEN = new RegExp("[a-z0-9]+|[" + CJK + "]+", "g");

  function applyRules(w, rules) {
    for (var i = 0; i < rules.length; i++) {
      var suf = rules[i][0], rep = rules[i][1], min = rules[i][2];
      if (w.length >= min && w.slice(-suf.length) === suf) return w.slice(0, w.length - suf.length) + rep;
    }
    return w;
  }
  function stem(w) {
    if (w.length < 4 || /^[0-9]+$/.test(w)) return w;
    w = applyRules(w, IDX.stem);
    var a = w.charAt(w.length - 1);
    if (w.length >= 4 && a === w.charAt(w.length - 2) && "aeioulsz".indexOf(a) < 0) w = w.slice(0, -1);
    return applyRules(w, IDX.stem2);
  }
  /* Query -> groups; each group is [term, exactOnly]. */
  function queryGroups(q) {
    var groups = [], m, text = q.toLowerCase();
    var words = text.match(TOKEN) || [];
    var allStop = words.every(function (w) { return /^[a-z0-9]+$/.test(w) && stop[w]; });
    words.forEach(function (run) {
      if (/^[a-z0-9]+$/.test(run)) {
        if (stop[run] && !allStop) return;
        groups.push([stem(run), false]);
      } else if (run.length === 1) {
        groups.push([run, true]);
      } else {
        for (var i = 0; i + 1 < run.length; i++) groups.push([run.slice(i, i + 2), true]);
      }
    });
    return groups;
  }
  function lowerBound(arr, x) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function groupScores(g) {
    var scores = {}, term = g[0];
    function add(t, factor) {
      var p = terms[t];
      for (var i = 0; i < p.length; i += 2) scores[p[i]] = Math.max(scores[p[i]] || 0, p[i + 1] * factor);
    }
    if (g[1]) { if (terms[term]) add(term, 1); return scores; }
    for (var i = lowerBound(vocab, term); i < vocab.length && vocab[i].lastIndexOf(term, 0) === 0; i++) {
      add(vocab[i], vocab[i] === term ? 1 : 0.6);
    }
    return scores;
  }
  function search(q) {
    var groups = queryGroups(q);
    if (!groups.length) return [];
    var per = groups.map(groupScores);
    var total = {}, hits = {};
    per.forEach(function (s) {
      for (var d in s) { total[d] = (total[d] || 0) + s[d]; hits[d] = (hits[d] || 0) + 1; }
    });
    var ids = Object.keys(total);
    var all = ids.filter(function (d) { return hits[d] === groups.length; });
    var chosen = all.length ? all : ids;
    chosen.sort(function (a, b) { return (hits[b] - hits[a]) || (total[b] - total[a]) || (a - b); });
    return chosen.map(function (d) { return IDX.docs[+d]; });
  }
  window.BANK_search = search;

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function fmt(s, vars) { return String(s).replace(/\{(\w+)\}/g, function (m, k) { return k in vars ? vars[k] : m; }); }

  var input = document.getElementById("q"), out = document.getElementById("search-results");
  var status = document.getElementById("search-status"), form = document.getElementById("search-form");
  var LABELS = window.BANK_LABELS || {};
  function show(q) {
    out.innerHTML = "";
    if (!q.trim()) { status.textContent = I18N.search_empty || ""; return; }
    var res = search(q);
    status.textContent = fmt(res.length ? I18N.search_results : I18N.search_none, { n: res.length, q: q });
    var html = res.slice(0, 200).map(function (d) {
      var fb = d["f" + lang] ? ' lang="' + (lang === "en" ? "zh-CN" : "en") + '"' : "";
      return '<li class="result"><a href="q/' + esc(d.id) + '.html"><span class="q-id">' + esc(d.id) +
        '</span> <span class="r-title"' + fb + ">" + d[lang] + "</span></a>" +
        '<span class="q-meta"><span class="badge kind-' + esc(d.k) + '">' + esc((LABELS.kind || {})[d.k] || d.k) +
        '</span> <span class="badge topic">' + esc((LABELS.topic || {})[d.t] || d.t) +
        '</span> <span class="badge diff-' + esc(d.d) + '">' + esc((LABELS.difficulty || {})[d.d] || d.d) + "</span></span>" +
        '<p class="snippet">' + d["s" + lang] + "</p></li>";
    }).join("");
    out.innerHTML = html;
    if (window.BANK_renderMath) window.BANK_renderMath(out);
  }
  var params = new URLSearchParams(location.search);
  var q0 = params.get("q") || "";
  if (input) input.value = q0;
  show(q0);
  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = input.value;
      try { history.replaceState(null, "", location.pathname + (q ? "?q=" + encodeURIComponent(q) : "")); } catch (e) {}
      show(q);
    });
  }
  if (input) {
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value;
        try { history.replaceState(null, "", location.pathname + (q ? "?q=" + encodeURIComponent(q) : "")); } catch (e) {}
        show(q);
      }, 120);
    });
  }
})();
