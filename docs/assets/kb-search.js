/* Knowledge-base search: our own records (search/kb-index.js, written by the build plan),
   ranked so that a name, alias, acronym or clause code typed the usual ways finds its page
   first. Works under mkdocs+Material and Zensical alike, and from file:// (the index is a
   script, not a fetch). The index loads once, on first use, and the browser cache serves it
   to later pages. Results are drawn with textContent: data never becomes markup.

   The normalisation mirrors macros/search.py (tokens, normalise); tests/test_search_js.py
   runs both on the same inputs. */
(function (root) {
  "use strict";

  var DROP = /[’'`"“”]/g;
  var SPLIT = /[\s\-_/,:;!?()\[\]{}|+*&<>=~#]+/;
  var CODE_PREFIX = /^(art|article|annex|chapter|ch|clause|gv|mp|ms|mg|govern|map|measure|manage)\.?(\d.*)$/;
  var SYNONYMS = { article: "art", articles: "art", arts: "art", ch: "chapter" };
  var CODE_START = /^(art|annex|chapter|clause|gv|mp|ms|mg|govern|map|measure|manage|a\.\d|\d)/;

  function singular(word) {
    if (word.length <= 3 || !/^[a-z\u00c0-\u024f]+$/.test(word)) return word;
    if (word.slice(-3) === "ies") return word.slice(0, -3) + "y";
    if (word.slice(-1) === "s" && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function stripDots(w) { return w.replace(/^\.+|\.+$/g, ""); }

  /* Each distinct word is normalised once per page: preparing the records re-reads the same
     words thousands of times, and this is most of the time to a first result. */
  var WORD_CACHE = new Map();
  function wordTokens(raw) {
    var hit = WORD_CACHE.get(raw);
    if (hit) return hit;
    var word = stripDots(raw), out;
    if (!word) out = [];
    else {
      var m = CODE_PREFIX.exec(word);
      out = m ? [SYNONYMS[m[1]] || m[1], stripDots(m[2])] : [SYNONYMS[word] || singular(word)];
    }
    WORD_CACHE.set(raw, out);
    return out;
  }

  function tokens(text) {
    var out = [];
    var words = String(text).toLowerCase().replace(DROP, "").split(SPLIT);
    for (var i = 0; i < words.length; i++) {
      var t = wordTokens(words[i]);
      for (var j = 0; j < t.length; j++) out.push(t[j]);
    }
    return out;
  }

  function normalise(text) { return tokens(text).join(" "); }

  /* Records: [kind, title, url, framework, keys, summary, words, exact-only keys, summary tokens].
     Preparing them must be cheap: it runs again after every page load (no instant navigation),
     before the first result. Names, body words and summary tokens are kept as " a b c " strings and
     searched for " t " (tokens hold no spaces, so this is token equality); a summary without its
     tokens (the names-only index) and the title are tokenised on first need. */
  function prepare(records) {
    return records.map(function (r) {
      return {
        kind: r[0], title: r[1], url: r[2], framework: r[3], keys: r[4], summary: r[5], exact: r[7] || [],
        keyText: " " + r[4].join(" ") + " ", wordText: " " + r[6] + " ",
        summaryText: typeof r[8] === "string" ? " " + r[8] + " " : null, titleLen: -1
      };
    });
  }

  function summaryText(r) {
    if (r.summaryText === null) r.summaryText = " " + tokens(r.summary).join(" ") + " ";
    return r.summaryText;
  }

  function titleLen(r) {
    if (r.titleLen < 0) r.titleLen = tokens(r.title).length;
    return r.titleLen;
  }

  var KIND = { term: 30, clause: 20, guide: 10, page: 0 };

  function kindBoost(r, code) {
    if (code) return r.kind === "clause" ? 40 : (KIND[r.kind] || 0);
    return KIND[r.kind] || 0;
  }

  function score(r, q, qt, code) {
    var i, k;
    for (i = 0; i < r.keys.length; i++) if (r.keys[i] === q) return 1000 + kindBoost(r, code) - titleLen(r);
    if (r.exact.indexOf(q) >= 0) return 1000 + kindBoost(r, code) - titleLen(r);
    if (code) {
      /* "Art. 3(23)" -> "art 3 23": the clause whose code is a prefix of the query. */
      for (k = qt.length - 1; k >= 2; k--) {
        var head = qt.slice(0, k).join(" ");
        if (r.keys.indexOf(head) >= 0 && /^\d/.test(qt[k])) return 800 + kindBoost(r, code);
      }
    }
    var inKeys = 0, prefix = 0, inSummary = 0, inWords = 0;
    for (i = 0; i < qt.length; i++) {
      var t = qt[i], spaced = " " + t + " ";
      if (r.keyText.indexOf(spaced) >= 0) { inKeys++; continue; }
      if (i === qt.length - 1 && t.length >= 2 && r.keyText.indexOf(" " + t) >= 0) { prefix++; continue; }
      if (summaryText(r).indexOf(spaced) >= 0) inSummary++;
      else if (r.wordText.indexOf(spaced) >= 0) inWords++;
    }
    var n = qt.length;
    if (inKeys + prefix === n) {
      /* Every word is in the names: whole names beat pages that share one word. */
      for (i = 0; i < r.keys.length; i++) if (r.keys[i].indexOf(q) === 0) return 600 + kindBoost(r, code) - titleLen(r);
      return 500 + 10 * inKeys + kindBoost(r, code) - 2 * Math.abs(titleLen(r) - n);
    }
    var found = inKeys + prefix + inSummary + inWords;
    if (!found) return 0;
    return (30 * inKeys + 20 * prefix + 10 * inSummary + 3 * inWords) * (found / n) + kindBoost(r, code) / 10;
  }

  function rank(prepared, query, limit) {
    var qt = tokens(query);
    if (!qt.length) return [];
    var q = qt.join(" ");
    var code = CODE_START.test(q);
    var hits = [];
    for (var i = 0; i < prepared.length; i++) {
      var s = score(prepared[i], q, qt, code);
      if (s > 0) hits.push([s, i]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || prepared[a[1]].title.localeCompare(prepared[b[1]].title); });
    return hits.slice(0, limit || 10).map(function (h) {
      var r = prepared[h[1]];
      return Object.assign({}, r, { named: h[0] >= 500 });
    });
  }

  var core = { tokens: tokens, normalise: normalise, prepare: prepare, rank: rank };
  if (typeof module !== "undefined" && module.exports) { module.exports = core; return; }
  root.kbSearch = core;

  /* ---- The search box (browser only) ---------------------------------------------------- */
  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/kb-search\.js(\?.*)?$/, "") : "";
  var cache = {};

  /* Load search/<file> once (a script, so file:// works) and prepare the records it sets. */
  function loadRecords(file, variable) {
    if (cache[file]) return cache[file];
    cache[file] = new Promise(function (resolve, reject) {
      if (root[variable]) { resolve(); return; }
      var s = document.createElement("script");
      s.src = base + "search/" + file;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("search index not found")); };
      document.head.appendChild(s);
    }).then(function () { return prepare(root[variable].records); });
    return cache[file];
  }
  function load() { return loadRecords("kb-index.js", "__kbSearchIndex"); }
  function loadNames() { return loadRecords("kb-names.js", "__kbSearchNames"); }

  var KIND_LABEL = { term: "Term", clause: "Clause", guide: "Guide", page: "Page" };

  /* Pagefind mode (make build-pagefind, sites served over HTTP): a chunked index with filters.
     Our own records still decide the first results for exact names and codes. */
  var pagefind = null;
  function usePagefind() {
    return root.__kbSearchMode === "pagefind" && /^https?:$/.test(location.protocol);
  }
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(base + "pagefind/pagefind.js").then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: new URL(base).pathname })).then(function () { return pf; });
      });
    }
    return pagefind;
  }
  function plain(html) {
    var d = document.createElement("div");
    d.innerHTML = "";
    d.textContent = String(html).replace(/<[^>]*>/g, "");
    return d.textContent;
  }
  function pagefindSearch(query, filters) {
    var fromPagefind = loadPagefind().then(function (pf) {
      return pf.search(query, { filters: filters });
    }).then(function (res) {
      return Promise.all(res.results.slice(0, 10).map(function (r) { return r.data(); }));
    }).then(function (rows) {
      return rows.map(function (d) {
        var url = d.url.replace(new URL(base).pathname, "");
        return { kind: (d.meta && d.meta.kind) || "page", title: (d.meta && d.meta.title) || url, url: url,
                 summary: plain(d.excerpt || "") };
      });
    });
    /* Exact names, aliases and codes first: Pagefind ranks by text, not by what a page is called. */
    var named = loadNames().then(function (idx) {
      return rank(idx, query, 3).filter(function (r) {
        return r.named && (!filters.kind || r.kind === filters.kind) &&
          (!filters.framework || FRAMEWORK_NAMES[r.framework] === filters.framework);
      });
    }, function () { return []; });
    return Promise.all([named, fromPagefind]).then(function (both) {
      var seen = {}, out = [];
      both[0].concat(both[1]).forEach(function (r) { if (!seen[r.url]) { seen[r.url] = true; out.push(r); } });
      return out.slice(0, 10);
    });
  }
  var FRAMEWORK_NAMES = { "eu-ai-act": "EU AI Act", "nist-ai-rmf": "NIST AI RMF 1.0",
    "iso-42001": "ISO/IEC 42001:2023", "compel": "COMPEL" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function mount() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".kb-search")) return;
    /* An engine's own search box (Zensical always adds one) would rank differently: ours replaces it. */
    document.documentElement.classList.add("kb-search-on");
    var box = el("div", "kb-search");
    box.setAttribute("role", "search");
    var input = el("input", "kb-search__input");
    input.type = "search";
    input.id = "kb-search-input";
    input.placeholder = "Search terms, clauses, codes";
    input.setAttribute("aria-label", "Search terms, clauses and clause codes");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "kb-search-results");
    input.autocomplete = "off";
    var list = el("ul", "kb-search__results");
    list.id = "kb-search-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    var filters = el("div", "kb-search__filters");
    filters.hidden = true;
    function filterSelect(name, label, options) {
      var sel = el("select");
      sel.setAttribute("aria-label", label);
      sel.dataset.filter = name;
      [["", label + ": all"]].concat(options).forEach(function (o) {
        var opt = el("option", null, o[1]);
        opt.value = o[0];
        sel.appendChild(opt);
      });
      sel.addEventListener("change", function () { run(); });
      filters.appendChild(sel);
      return sel;
    }
    var kindSel = filterSelect("kind", "Kind", [["term", "Terms"], ["clause", "Clauses"], ["guide", "Guides"], ["page", "Other pages"]]);
    var fwSel = filterSelect("framework", "Framework", [["EU AI Act", "EU AI Act"], ["NIST AI RMF 1.0", "NIST AI RMF"],
      ["ISO/IEC 42001:2023", "ISO/IEC 42001"], ["COMPEL", "COMPEL"]]);
    var status = el("p", "kb-search__status");
    status.setAttribute("role", "status");
    box.appendChild(input);
    box.appendChild(filters);
    box.appendChild(list);
    box.appendChild(status);
    var after = header.querySelector(".md-header__title");
    if (after && after.nextSibling) header.insertBefore(box, after.nextSibling);
    else header.appendChild(box);

    var active = -1, current = [], seq = 0;

    function select(i) {
      var items = list.querySelectorAll("li");
      items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && items[i]) input.setAttribute("aria-activedescendant", items[i].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function show(results, query) {
      list.textContent = "";
      current = results;
      results.forEach(function (r, i) {
        var li = el("li", "kb-search__item");
        li.id = "kb-search-opt-" + i;
        li.setAttribute("role", "option");
        var a = el("a", "kb-search__link");
        a.href = base + r.url;
        a.appendChild(el("span", "kb-search__kind", KIND_LABEL[r.kind] || r.kind));
        a.appendChild(el("span", "kb-search__title", r.title));
        if (r.summary) a.appendChild(el("span", "kb-search__summary", r.summary));
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = !results.length;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      status.textContent = query ? (results.length ? results.length + " results" : "No results") : "";
      select(results.length ? 0 : -1);
    }

    function run() {
      var query = input.value;
      var mine = ++seq;
      if (!query.trim()) { show([], ""); return; }
      if (usePagefind()) {
        filters.hidden = false;
        var f = {};
        if (kindSel.value) f.kind = kindSel.value;
        if (fwSel.value) f.framework = fwSel.value;
        pagefindSearch(query, f).then(function (rows) {
          if (mine === seq) show(rows, query);
        }, function () { status.textContent = "Search is unavailable: the Pagefind index did not load."; });
        return;
      }
      load().then(function (idx) {
        if (mine === seq) show(rank(idx, query, 10), query);
      }, function () { status.textContent = "Search is unavailable: the index did not load."; });
    }

    input.addEventListener("focus", function () { if (usePagefind()) loadPagefind(); else load(); });
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); select(Math.min(active + 1, current.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && current[active]) { e.preventDefault(); location.href = base + current[active].url; }
      else if (e.key === "Escape") { input.value = ""; show([], ""); input.blur(); }
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
      if (!typing && (e.key === "/" || e.key === "s") && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (!box.contains(e.target)) { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    });
  }

  if (root.document$ && root.document$.subscribe) root.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})(typeof window !== "undefined" ? window : this);
