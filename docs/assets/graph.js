/*
 * Concept graph: every term and clause page draws its neighbourhood ([data-kb-graph="local"]), and
 * graph/ explores the whole graph ([data-kb-graph="explorer"]).
 *
 * The build writes the data as small script files (graph/nodes/<node>.js, graph/explorer.js) that
 * hand one JSON object to window.kbGraphData: a <script> element loads them over http and from
 * file:// (the offline zip), where fetch() is refused. Cytoscape.js (assets/vendor/, loaded only on
 * pages with a graph) draws on a canvas. Labels and summaries are canvas text or set with
 * textContent, never parsed as HTML. Without JavaScript the container keeps its text summary and the
 * page's lists hold the same links.
 *
 * Keyboard: the drawing is one tab stop (role="application"); arrow keys move to the nearest node in
 * that direction, Enter opens it (or, in the explorer, centres the graph on it), Home returns to the
 * centre; a live region reads out the node in focus.
 */
(function () {
  "use strict";

  var scriptSrc = document.currentScript ? document.currentScript.src : "";
  var ROOT = scriptSrc.replace(/assets\/graph\.js(\?.*)?$/, "");
  var SHAPES = { term: "ellipse", clause: "round-rectangle", stage: "diamond", pillar: "hexagon", framework: "star" };
  var FOCUS_RING = "#0d47a1";
  var uid = 0;

  /* ---------- loading ---------- */

  var loading = {};
  function load(url) {
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = url;
        s.async = true;
        s.onload = resolve;
        s.onerror = function () { delete loading[url]; reject(new Error("could not load " + url)); };
        document.head.appendChild(s);
      });
    }
    return loading[url];
  }

  function loadData(src, key) {
    var have = window.kbGraphData && window.kbGraphData[key];
    if (have) return Promise.resolve(have);
    return load(ROOT + src).then(function () { return window.kbGraphData[key]; });
  }

  function loadCytoscape() {
    if (window.cytoscape) return Promise.resolve(window.cytoscape);
    return load(ROOT + "assets/vendor/cytoscape.min.js").then(function () { return window.cytoscape; });
  }

  /* ---------- small helpers ---------- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function nodeUrl(data, n) {
    var kind = n.k === "term" ? "term" : n.k === "framework" ? "framework" : "clause";
    var id = n.k === "term" ? n.id : n.id.slice(n.id.indexOf(":") + 1);
    return ROOT + data.urls[kind].replace("{fw}", n.f || "").replace("{id}", id);
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  /* Legend and colours of one data file, as look-ups. */
  function Legend(data) {
    var self = this;
    this.rel = {};
    this.relOrder = [];
    data.rel.forEach(function (r) {
      self.rel[r[0]] = { id: r[0], label: r[1], family: r[2], color: r[3], line: r[4] };
      self.relOrder.push(r[0]);
    });
    this.fw = {};
    this.fwOrder = [];
    data.fw.forEach(function (f) { self.fw[f[0]] = { id: f[0], label: f[1], color: f[2] }; self.fwOrder.push(f[0]); });
    this.kinds = {};
    this.kindOrder = [];
    data.kinds.forEach(function (k) { self.kinds[k[0]] = { id: k[0], one: k[1], many: k[2], color: k[3] }; self.kindOrder.push(k[0]); });
  }

  Legend.prototype.color = function (n) {
    if (n.k === "clause" && this.fw[n.f]) return this.fw[n.f].color;
    return this.kinds[n.k] ? this.kinds[n.k].color : "#37474f";
  };

  Legend.prototype.kindText = function (n) {
    var kind = this.kinds[n.k] ? this.kinds[n.k].one : n.k;
    if (n.k === "clause" && n.c) kind = n.c;
    var fw = n.f && this.fw[n.f] ? this.fw[n.f].label : "";
    var bits = [kind.charAt(0).toUpperCase() + kind.slice(1)];
    if (fw && n.k !== "framework" && n.k !== "stage" && n.k !== "pillar") bits.push(fw);
    if (n.k === "term" && n.c) bits.push(n.c);
    return bits.join(" · ");
  };

  Legend.prototype.counts = function (nodes) {
    var by = {}, self = this;
    nodes.forEach(function (n) { by[n.k] = (by[n.k] || 0) + 1; });
    return this.kindOrder.filter(function (k) { return by[k]; })
      .map(function (k) { return plural(by[k], self.kinds[k].one, self.kinds[k].many); }).join(", ");
  };

  function stylesheet() {
    return [
      { selector: "node", style: {
        "background-color": "data(color)", shape: "data(shape)", width: "data(size)", height: "data(size)",
        label: "data(label)", "font-size": "data(font)", "font-family": "system-ui, sans-serif", color: "#1f1f1f",
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": "data(textWidth)",
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
        "min-zoomed-font-size": 8, "border-width": 1, "border-color": "#ffffff"
      } },
      { selector: "node.kb-centre", style: { "border-width": 3, "border-color": "#1f1f1f", "font-weight": "bold" } },
      { selector: "node.kb-group", style: { "text-wrap": "wrap", "background-opacity": 0.25, "border-width": 2, "border-color": "data(color)", "min-zoomed-font-size": 0 } },
      { selector: "node.kb-focus", style: { "underlay-color": FOCUS_RING, "underlay-opacity": 1, "underlay-padding": 5, "underlay-shape": "ellipse", "z-index": 10 } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(color)", "line-style": "data(line)", "line-dash-pattern": [6, 3],
        "target-arrow-shape": "data(arrow)", "target-arrow-color": "data(color)", "arrow-scale": 0.8,
        "curve-style": "data(curve)", opacity: 0.8, "font-size": 9, "font-family": "system-ui, sans-serif", color: "#1f1f1f",
        "text-rotation": "autorotate", "text-background-color": "#ffffff", "text-background-opacity": 0.9,
        "text-background-padding": 1, "min-zoomed-font-size": 8
      } },
      { selector: "edge.kb-inferred", style: { opacity: 0.45 } },
      { selector: "edge.kb-thin", style: { opacity: 0.3 } },
      { selector: "node.kb-caption", style: {
        "background-opacity": 0, "border-width": 0, width: 1, height: 1, "text-valign": "top", "text-margin-y": 0,
        "font-weight": "bold", color: "#37474f", "text-wrap": "wrap", "min-zoomed-font-size": 0, events: "no"
      } },
      { selector: "edge.kb-labelled", style: { label: "data(label)", opacity: 1, "z-index": 9 } },
      { selector: ".kb-hidden", style: { display: "none" } }
    ];
  }

  /* ---------- the drawing: canvas, tooltip, keyboard, announcements ---------- */

  /*
   * A Cytoscape drawing inside a focusable wrapper. `describe(node)` gives the text announced and
   * shown for a node; `activate(node)` runs on click and Enter.
   */
  function Drawing(box, options) {
    var self = this;
    this.options = options;
    this.wrap = el("div", "kb-graph__canvas");
    this.wrap.tabIndex = 0;
    this.wrap.setAttribute("role", "application");
    this.wrap.setAttribute("aria-roledescription", "graph");
    this.wrap.setAttribute("aria-label", options.label);
    if (options.describedBy) this.wrap.setAttribute("aria-describedby", options.describedBy);
    this.stage = el("div", "kb-graph__stage");
    this.stage.setAttribute("aria-hidden", "true");
    this.wrap.appendChild(this.stage);
    this.tip = el("div", "kb-graph__tip");
    this.tip.setAttribute("aria-hidden", "true");
    this.tip.hidden = true;
    this.wrap.appendChild(this.tip);
    this.live = el("p", "kb-graph__focus");
    this.live.setAttribute("aria-live", "polite");
    box.appendChild(this.wrap);
    box.appendChild(this.live);
    this.current = null;
    this.cy = options.cytoscape({
      container: this.stage, style: stylesheet(), elements: [], minZoom: 0.05, maxZoom: 4,
      userZoomingEnabled: !!options.zoom, userPanningEnabled: !!options.zoom, boxSelectionEnabled: false,
      autoungrabify: true, autounselectify: true
    });
    var cy = this.cy;
    cy.on("tap", "node", function (e) { self.select(e.target, false); options.activate(e.target); });
    cy.on("mouseover", "node", function (e) { self.showTip(e.target, options.describe(e.target)); self.highlight(e.target); });
    cy.on("mouseout", "node", function () { self.hideTip(); self.highlight(self.current); });
    cy.on("mouseover", "edge", function (e) { if (options.describeEdge) self.showTip(e.target, options.describeEdge(e.target)); });
    cy.on("mouseout", "edge", function () { self.hideTip(); });
    cy.on("viewport", function () { self.hideTip(); });
    cy.on("zoom", function () { self.scaleGroupLabels(); });
    this.wrap.addEventListener("keydown", function (e) { self.key(e); });
    this.wrap.addEventListener("focus", function () {
      var cur = self.current;
      if (!cur || cur.removed() || cur.hasClass("kb-hidden")) cur = options.home();
      if (cur) self.select(cur, true);
    });
    this.wrap.addEventListener("blur", function () { self.hideTip(); });
  }

  Drawing.prototype.visible = function () { return this.cy.nodes().not(".kb-hidden").not(".kb-caption"); };

  Drawing.prototype.select = function (node, announce) {
    if (this.current && !this.current.removed()) this.current.removeClass("kb-focus");
    this.current = node;
    if (!node) return;
    node.addClass("kb-focus");
    this.highlight(node);
    var text = this.options.describe(node);
    if (announce) {
      this.showTip(node, text);
      this.live.textContent = text.title + ". " + text.kind + ". " + (text.detail ? text.detail + ". " : "") +
        (text.summary ? text.summary + " " : "") + (text.hint || "");
    }
  };

  /* Labels on the edges of the node in focus (or under the pointer) only: all of them would clutter. */
  Drawing.prototype.highlight = function (node) {
    this.cy.edges(".kb-labelled").removeClass("kb-labelled");
    if (node && !node.removed()) node.connectedEdges().not(".kb-hidden").addClass("kb-labelled");
  };

  Drawing.prototype.showTip = function (target, text) {
    var tip = this.tip;
    tip.textContent = "";
    tip.appendChild(el("strong", "", text.title));
    tip.appendChild(el("span", "kb-graph__tip-kind", text.kind));
    if (text.detail) tip.appendChild(el("span", "kb-graph__tip-kind", text.detail));
    if (text.summary) tip.appendChild(el("span", "kb-graph__tip-summary", text.summary));
    tip.hidden = false;
    var p = target.isNode() ? target.renderedPosition() : target.renderedMidpoint();
    var w = this.wrap.clientWidth, h = this.wrap.clientHeight;
    var left = Math.min(Math.max(p.x + 14, 4), Math.max(w - tip.offsetWidth - 4, 4));
    var top = p.y + 14 + tip.offsetHeight > h ? Math.max(p.y - tip.offsetHeight - 14, 4) : p.y + 14;
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  };

  Drawing.prototype.hideTip = function () { this.tip.hidden = true; };

  Drawing.prototype.key = function (e) {
    var dirs = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    if (dirs[e.key]) {
      e.preventDefault();
      var next = this.nearest(dirs[e.key], e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : -1);
      if (next) this.select(next, true);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (this.current && !this.current.removed()) this.options.activate(this.current);
    } else if (e.key === "Home") {
      e.preventDefault();
      var home = this.options.home();
      if (home) this.select(home, true);
    } else if (e.key === "Escape") {
      this.hideTip();
      if (this.options.escape) this.options.escape();
    }
  };

  /* The visible node nearest in a direction (on screen), else the next or previous one in order. */
  Drawing.prototype.nearest = function (dir, step) {
    var nodes = this.visible(), cur = this.current;
    if (!nodes.length) return null;
    if (!cur || cur.removed() || cur.hasClass("kb-hidden")) return nodes[0];
    var p = cur.renderedPosition(), best = null, bestScore = Infinity;
    nodes.forEach(function (n) {
      if (n.same(cur)) return;
      var q = n.renderedPosition(), dx = q.x - p.x, dy = q.y - p.y;
      var along = dx * dir[0] + dy * dir[1];
      if (along <= 0.5) return;
      var across = Math.abs(dx * dir[1] - dy * dir[0]);
      if (across > along * 2.5) return;
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = n; }
    });
    if (best) return best;
    var i = nodes.indexOf(cur);
    return nodes[(i + step + nodes.length) % nodes.length];
  };

  Drawing.prototype.fit = function () { this.cy.fit(this.visible(), 24); this.limitZoom(); };

  /* A few nodes fitted to the canvas would be drawn huge: cap the zoom instead. */
  Drawing.prototype.limitZoom = function () {
    if (this.cy.zoom() > 1.3) {
      this.cy.zoom(1.3);
      this.cy.center(this.visible());
    }
  };

  /* Group labels keep a readable size on screen at any zoom (single nodes' labels appear on zooming in). */
  Drawing.prototype.scaleGroupLabels = function () {
    var z = this.cy.zoom(), groups = this.cy.nodes(".kb-group, .kb-caption");
    if (!groups.length) return;
    var landmarks = this.cy.nodes("[kind = 'framework']");
    this.cy.batch(function () {
      groups.style({ "font-size": 11 / z });
      groups.connectedEdges().style({ "font-size": 11 / z });
      landmarks.style({ "font-size": 12 / z, width: 24 / z, height: 24 / z, "text-max-width": 160 / z });
    });
  };

  /*
   * Rings around a centre: depth 1 evenly in the order given, depth 2 on an outer ring in the order of
   * the neighbours that lead to them, so lines from the inner ring to the outer one rarely cross.
   * Computed in the browser for at most a few hundred nodes: no per-page layout at build time.
   */
  function ringLayout(drawing, centreId) {
    var cy = drawing.cy, shown = cy.elements().not(".kb-hidden");
    var nodes = shown.nodes(), inner = [], outer = [], pos = {}, TAU = 2 * Math.PI, GAP = 46;
    nodes.forEach(function (n) {
      var d = n.data("depth");
      if (d === 1) inner.push(n); else if (d === 2) outer.push(n);
    });
    pos[centreId] = { x: 0, y: 0 };
    var r1 = Math.max(120, inner.length * GAP / TAU), angle = {};
    inner.forEach(function (n, i) {
      var a = -Math.PI / 2 + TAU * i / inner.length;
      angle[n.id()] = a;
      pos[n.id()] = { x: r1 * Math.cos(a), y: r1 * Math.sin(a) };
    });
    var wanted = outer.map(function (n) {
      var sx = 0, sy = 0;
      n.connectedEdges().not(".kb-hidden").forEach(function (e) {
        var other = e.source().same(n) ? e.target() : e.source();
        var a = angle[other.id()];
        if (a !== undefined) { sx += Math.cos(a); sy += Math.sin(a); }
      });
      return { node: n, a: sx || sy ? Math.atan2(sy, sx) : 0 };
    });
    wanted.sort(function (x, y) { return x.a - y.a; });
    var r2 = Math.max(r1 + 120, outer.length * GAP / TAU);
    wanted.forEach(function (w, i) {
      var a = (wanted.length ? wanted[0].a : 0) + TAU * i / wanted.length;
      pos[w.node.id()] = { x: r2 * Math.cos(a), y: r2 * Math.sin(a) };
    });
    shown.layout({ name: "preset", fit: true, padding: 30, positions: function (n) { return pos[n.id()] || { x: 0, y: 0 }; } }).run();
    drawing.limitZoom();
  }

  /* ---------- a node's neighbourhood (term and clause pages) ---------- */

  function LocalGraph(box, data, cytoscape) {
    var self = this;
    this.box = box;
    this.data = data;
    this.legend = new Legend(data);
    this.depth = 1;
    this.hiddenRel = {};
    this.hiddenFw = {};
    this.byId = {};
    data.n.forEach(function (n) { self.byId[n.id] = n; });
    this.centre = data.n[0];
    var summary = box.querySelector(".kb-graph__summary");
    if (summary && !summary.id) summary.id = "kb-graph-summary-" + (++uid);
    this.controls(box);
    var help = el("p", "kb-graph__help",
      "Tab into the drawing; arrow keys move between nodes, Enter opens a node's page, Home returns to " +
      this.centre.l + ". Hover a node for its title and summary.");
    help.id = "kb-graph-help-" + (++uid);
    box.appendChild(help);
    this.draw = new Drawing(box, {
      cytoscape: cytoscape,
      label: "Concept graph of " + (this.centre.t || this.centre.l) + " and its neighbours",
      describedBy: (summary ? summary.id + " " : "") + help.id,
      describe: function (node) { return self.describe(node); },
      describeEdge: function (edge) { return self.describeEdge(edge); },
      activate: function (node) {
        if (node.id() !== self.centre.id) window.location.href = nodeUrl(data, self.byId[node.id()]);
      },
      home: function () { return self.draw.cy.getElementById(self.centre.id); }
    });
    this.status = el("p", "kb-graph__status");
    this.status.setAttribute("aria-live", "polite");
    box.appendChild(this.status);
    this.build();
    this.apply();
    box.classList.add("kb-graph--ready");
    box.kbGraph = this;
  }

  LocalGraph.prototype.controls = function (box) {
    var self = this, legend = this.legend, data = this.data;
    var bar = el("div", "kb-graph__controls");
    var depth = el("fieldset", "kb-graph__fieldset");
    depth.appendChild(el("legend", "", "Depth"));
    var name = "kb-graph-depth-" + (++uid);
    [[1, "Neighbours"], [2, "Two links away"]].forEach(function (d) {
      var label = el("label", "kb-graph__choice");
      var input = el("input");
      input.type = "radio";
      input.name = name;
      input.value = String(d[0]);
      input.checked = d[0] === self.depth;
      input.disabled = d[0] === 2 && !data.n.some(function (n) { return n.d === 2; });
      input.addEventListener("change", function () { self.depth = Number(input.value); self.apply(); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + d[1]));
      depth.appendChild(label);
    });
    bar.appendChild(depth);
    var rels = el("fieldset", "kb-graph__fieldset");
    rels.appendChild(el("legend", "", "Relations"));
    this.relCounts = {};
    legend.relOrder.forEach(function (id) {
      var r = legend.rel[id];
      var box = checkbox(r.label, swatchLine(r), function (on) {
        self.hiddenRel[id] = !on;
        self.apply();
      }, "rel:" + id);
      self.relCounts[id] = box.appendChild(el("span", "kb-graph__count"));
      rels.appendChild(box);
    });
    bar.appendChild(rels);
    if (legend.fwOrder.length > 1 || (legend.fwOrder.length === 1 && this.centre.k === "term")) {
      var fws = el("fieldset", "kb-graph__fieldset");
      fws.appendChild(el("legend", "", "Frameworks"));
      legend.fwOrder.forEach(function (id) {
        fws.appendChild(checkbox(legend.fw[id].label, swatchDot(legend.fw[id].color), function (on) {
          self.hiddenFw[id] = !on;
          self.apply();
        }, "fw:" + id));
      });
      bar.appendChild(fws);
    }
    box.appendChild(bar);
  };

  function checkbox(text, swatch, onChange, key) {
    var label = el("label", "kb-graph__choice");
    var input = el("input");
    input.type = "checkbox";
    input.checked = true;
    input.setAttribute("data-kb-filter-key", key);
    input.addEventListener("change", function () { onChange(input.checked); });
    label.appendChild(input);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(text));
    return label;
  }

  function swatchLine(r) {
    var s = el("span", "kb-graph__swatch kb-graph__swatch--line");
    s.style.borderTopColor = r.color;
    s.style.borderTopStyle = r.line;
    return s;
  }

  function swatchDot(color) {
    var s = el("span", "kb-graph__swatch kb-graph__swatch--dot");
    s.style.backgroundColor = color;
    return s;
  }

  var KIND_ORDER = { term: 0, clause: 1, stage: 2, pillar: 3, framework: 4 };

  LocalGraph.prototype.build = function () {
    var data = this.data, legend = this.legend, elements = [];
    /* Around the ring, kinds and frameworks sit together (the data lists them strongest first). */
    var ordered = data.n.slice().sort(function (a, b) {
      return a.d - b.d || KIND_ORDER[a.k] - KIND_ORDER[b.k] || (a.f || "").localeCompare(b.f || "") ||
        a.l.localeCompare(b.l);
    });
    ordered.forEach(function (n, i) {
      elements.push({ group: "nodes", classes: i === 0 ? "kb-centre" : "", data: {
        id: n.id, label: n.l, color: legend.color(n), shape: SHAPES[n.k] || "ellipse",
        size: n.d === 0 ? 30 : n.d === 1 ? 18 : 12, font: n.d === 0 ? 13 : 11, textWidth: 110, depth: n.d, kind: n.k
      } });
    });
    data.e.forEach(function (e, i) {
      var r = legend.rel[data.rel[e[2]][0]];
      elements.push({ group: "edges", classes: e[3] ? "kb-inferred" : "", data: {
        id: "e" + i, source: data.n[e[0]].id, target: data.n[e[1]].id, rel: r.id, color: r.color,
        line: r.line, label: r.label + (e[3] ? " (inferred)" : ""), width: 1.6, arrow: "triangle", curve: "bezier"
      } });
    });
    this.draw.cy.add(elements);
  };

  /* Show what the depth and legend allow, and only what still connects to the centre. */
  LocalGraph.prototype.apply = function () {
    var self = this, cy = this.draw.cy, centre = this.centre.id;
    cy.batch(function () {
      cy.elements().removeClass("kb-hidden");
      var allowed = {};
      self.data.n.forEach(function (n) {
        allowed[n.id] = n.id === centre || (n.d <= self.depth && !(n.f && self.hiddenFw[n.f]));
      });
      var open = cy.edges().filter(function (e) {
        return !self.hiddenRel[e.data("rel")] && allowed[e.data("source")] && allowed[e.data("target")];
      });
      var links = {};
      open.forEach(function (e) {
        var a = e.data("source"), b = e.data("target");
        (links[a] = links[a] || []).push(b);
        (links[b] = links[b] || []).push(a);
      });
      var reach = {}, queue = [centre];
      reach[centre] = true;
      while (queue.length) {
        (links[queue.shift()] || []).forEach(function (other) {
          if (!reach[other]) { reach[other] = true; queue.push(other); }
        });
      }
      cy.nodes().forEach(function (n) { if (!reach[n.id()]) n.addClass("kb-hidden"); });
      cy.edges().forEach(function (e) {
        if (!open.contains(e) || !reach[e.data("source")] || !reach[e.data("target")]) e.addClass("kb-hidden");
      });
    });
    this.layout();
    this.report();
  };

  LocalGraph.prototype.layout = function () { ringLayout(this.draw, this.centre.id); };

  LocalGraph.prototype.report = function () {
    var self = this, near = [], far = [], counts = {};
    this.data.e.forEach(function (e) {
      if (self.data.n[e[0]].d <= self.depth && self.data.n[e[1]].d <= self.depth) {
        var r = self.data.rel[e[2]][0];
        counts[r] = (counts[r] || 0) + 1;
      }
    });
    Object.keys(this.relCounts).forEach(function (id) { self.relCounts[id].textContent = " (" + (counts[id] || 0) + ")"; });
    this.draw.visible().forEach(function (n) {
      var d = self.byId[n.id()];
      if (d.d === 1) near.push(d); else if (d.d === 2) far.push(d);
    });
    var text = "Drawn: " + (this.centre.t || this.centre.l) + " and " + plural(near.length, "neighbour", "neighbours");
    if (near.length) text += " (" + this.legend.counts(near) + ")";
    if (this.depth === 2) text += "; two links away: " + plural(far.length, "node", "nodes") + (far.length ? " (" + this.legend.counts(far) + ")" : "");
    this.status.textContent = text + ".";
  };

  LocalGraph.prototype.describe = function (node) {
    var n = this.byId[node.id()];
    var detail = "";
    if (n.d === 1) {
      var rels = [], centre = this.centre.id, legend = this.legend;
      node.connectedEdges().not(".kb-hidden").forEach(function (e) {
        if (e.data("source") === centre || e.data("target") === centre) {
          rels.push((e.data("source") === centre ? "" : "← ") + legend.rel[e.data("rel")].label + (e.data("source") === centre ? " →" : ""));
        }
      });
      detail = rels.join(", ");
    } else if (n.d === 2) {
      detail = "Two links away";
    }
    return {
      title: n.t || n.l, kind: this.legend.kindText(n), detail: detail, summary: n.s || "",
      hint: n.d === 0 ? "This page." : "Press Enter to open its page."
    };
  };

  LocalGraph.prototype.describeEdge = function (edge) {
    var s = this.byId[edge.data("source")], t = this.byId[edge.data("target")];
    return { title: (s.t || s.l) + " — " + edge.data("label") + " → " + (t.t || t.l), kind: "Link", summary: "" };
  };

  /* ---------- the explorer (graph/) ---------- */

  var DEFAULT_STATE = function () { return { focus: null, depth: 1, rel: null, fw: null, kind: null, open: [] }; };

  function Explorer(box, data, cytoscape) {
    var self = this;
    this.box = box;
    this.data = data;
    this.legend = new Legend(data);
    this.cap = data.cap;
    this.hubs = {};
    data.hubs.forEach(function (k) { self.hubs[k] = true; });
    this.byId = {};
    data.n.forEach(function (n, i) { n.i = i; self.byId[n.id] = n; });
    this.groupById = {};
    data.groups.forEach(function (g, i) { g.i = i; g.members = []; self.groupById[g.id] = g; });
    data.n.forEach(function (n) { if (n.g >= 0) data.groups[n.g].members.push(n); });
    this.adj = data.n.map(function () { return []; });
    data.e.forEach(function (e, i) { self.adj[e[0]].push(i); if (e[1] !== e[0]) self.adj[e[1]].push(i); });
    this.relCount = {};
    data.e.forEach(function (e) { self.relCount[e[2]] = (self.relCount[e[2]] || 0) + 1; });
    var summary = box.querySelector(".kb-graph__summary");
    if (summary && !summary.id) summary.id = "kb-graph-summary-" + (++uid);
    this.state = this.fromHash();
    this.controls(box);
    var help = el("p", "kb-graph__help",
      "Tab into the drawing; arrow keys move between nodes, Enter centres the graph on a node or opens a group, " +
      "Enter on the centred node opens its page, Home returns to the centred node, Escape goes back to the overview.");
    help.id = "kb-graph-help-" + (++uid);
    box.appendChild(help);
    this.status = el("p", "kb-graph__status");
    this.status.setAttribute("aria-live", "polite");
    box.appendChild(this.status);
    this.draw = new Drawing(box, {
      cytoscape: cytoscape, zoom: true,
      label: "Concept graph explorer",
      describedBy: (summary ? summary.id + " " : "") + help.id + " " + (this.status.id = "kb-graph-status-" + (++uid)),
      describe: function (node) { return self.describe(node); },
      describeEdge: function (edge) { return self.describeEdge(edge); },
      activate: function (node) { self.activate(node); },
      home: function () { return self.home(); },
      escape: function () { self.overview(); }
    });
    this.info = el("div", "kb-graph__info");
    box.appendChild(this.info);
    window.addEventListener("hashchange", function () { self.state = self.fromHash(); self.sync(); self.render(); });
    this.sync();
    this.render();
    box.classList.add("kb-graph--ready");
    box.kbGraph = this;
  }

  Explorer.prototype.fromHash = function () {
    var state = DEFAULT_STATE(), self = this;
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) return;
      var key = part.slice(0, eq), value;
      try { value = decodeURIComponent(part.slice(eq + 1)); } catch (err) { return; }
      var list = value ? value.split(",") : [];
      if (key === "focus" && self.byId[value]) state.focus = value;
      else if (key === "depth") state.depth = value === "2" ? 2 : 1;
      else if (key === "rel") state.rel = list.filter(function (r) { return self.legend.rel[r]; });
      else if (key === "fw") state.fw = list.filter(function (f) { return self.legend.fw[f]; });
      else if (key === "kind") state.kind = list.filter(function (k) { return self.legend.kinds[k]; });
      else if (key === "open") state.open = list.filter(function (g) { return self.groupById[g]; });
    });
    return state;
  };

  Explorer.prototype.toHash = function () {
    var s = this.state, parts = [];
    if (s.focus) parts.push("focus=" + s.focus);
    if (s.focus && s.depth === 2) parts.push("depth=2");
    if (s.rel) parts.push("rel=" + s.rel.join(","));
    if (s.fw) parts.push("fw=" + s.fw.join(","));
    if (s.kind) parts.push("kind=" + s.kind.join(","));
    if (!s.focus && s.open.length) parts.push("open=" + s.open.join(","));
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (location.hash !== hash && !(hash === "" && location.hash === "#")) {
      history.replaceState(null, "", hash || location.pathname + location.search);
    }
  };

  /* Filters as look-ups: null in the state means "all". */
  Explorer.prototype.shows = function (list, id) { return !list || list.indexOf(id) >= 0; };

  Explorer.prototype.nodeShown = function (n) {
    var s = this.state;
    return this.shows(s.kind, n.k) && (!n.f || this.shows(s.fw, n.f));
  };

  Explorer.prototype.controls = function (box) {
    var self = this, legend = this.legend, data = this.data;
    var find = el("form", "kb-graph__find");
    find.setAttribute("role", "search");
    var listId = "kb-graph-names-" + (++uid), inputId = "kb-graph-find-" + uid;
    var label = el("label", "", "Find a term, clause or framework");
    label.htmlFor = inputId;
    var input = el("input");
    input.type = "search";
    input.id = inputId;
    input.setAttribute("list", listId);
    input.autocomplete = "off";
    var list = el("datalist");
    list.id = listId;
    this.names = {};
    var seen = {};
    data.n.forEach(function (n) { var k = n.l.toLowerCase(); seen[k] = (seen[k] || 0) + 1; });
    data.n.forEach(function (n) {
      var name = seen[n.l.toLowerCase()] > 1 ? n.l + " (" + n.id + ")" : n.l;
      self.names[name.toLowerCase()] = n.id;
      self.names[n.id.toLowerCase()] = n.id;
      var option = el("option");
      option.value = name;
      list.appendChild(option);
    });
    var go = el("button", "md-button kb-graph__button", "Show");
    go.type = "submit";
    find.appendChild(label);
    find.appendChild(input);
    find.appendChild(list);
    find.appendChild(go);
    find.addEventListener("submit", function (e) {
      e.preventDefault();
      var id = self.resolve(input.value);
      if (!id) { self.status.textContent = "Nothing is called “" + input.value + "”."; return; }
      self.state.focus = id;
      self.render();
      self.draw.wrap.focus();
    });
    box.appendChild(find);

    var bar = el("div", "kb-graph__controls");
    var depth = el("fieldset", "kb-graph__fieldset");
    depth.appendChild(el("legend", "", "Depth around the centred node"));
    this.depthInputs = [];
    var name = "kb-graph-depth-" + (++uid);
    [[1, "Neighbours"], [2, "Two links away"]].forEach(function (d) {
      var l = el("label", "kb-graph__choice");
      var r = el("input");
      r.type = "radio";
      r.name = name;
      r.value = String(d[0]);
      r.addEventListener("change", function () { self.state.depth = Number(r.value); self.render(); });
      self.depthInputs.push(r);
      l.appendChild(r);
      l.appendChild(document.createTextNode(" " + d[1]));
      depth.appendChild(l);
    });
    bar.appendChild(depth);
    this.filterInputs = [];
    var add = function (title, key, order, text, swatch) {
      var set = el("fieldset", "kb-graph__fieldset");
      set.appendChild(el("legend", "", title));
      order.forEach(function (id) {
        var box = checkbox(text(id), swatch(id), function () { self.readFilters(); self.render(); }, key + ":" + id);
        self.filterInputs.push([key, id, box.querySelector("input")]);
        set.appendChild(box);
      });
      bar.appendChild(set);
    };
    add("Frameworks", "fw", legend.fwOrder, function (id) { return legend.fw[id].label; },
      function (id) { return swatchDot(legend.fw[id].color); });
    add("Kinds", "kind", legend.kindOrder, function (id) {
      var k = legend.kinds[id];
      return k.many.charAt(0).toUpperCase() + k.many.slice(1);
    }, function (id) { return swatchDot(legend.kinds[id].color); });
    add("Relations", "rel", legend.relOrder, function (id) {
      return legend.rel[id].label + " (" + (self.relCount[legend.relOrder.indexOf(id)] || 0) + ")";
    }, function (id) { return swatchLine(legend.rel[id]); });
    var buttons = el("div", "kb-graph__buttons");
    var overview = el("button", "md-button kb-graph__button", "Overview");
    overview.type = "button";
    overview.addEventListener("click", function () { self.overview(); });
    var fit = el("button", "md-button kb-graph__button", "Fit to view");
    fit.type = "button";
    fit.addEventListener("click", function () { self.draw.fit(); });
    buttons.appendChild(overview);
    buttons.appendChild(fit);
    bar.appendChild(buttons);
    box.appendChild(bar);
  };

  Explorer.prototype.resolve = function (text) {
    var key = String(text || "").trim().toLowerCase();
    if (!key) return null;
    if (this.names[key]) return this.names[key];
    var data = this.data, i;
    for (i = 0; i < data.n.length; i++) if (data.n[i].l.toLowerCase().indexOf(key) === 0) return data.n[i].id;
    for (i = 0; i < data.n.length; i++) {
      var n = data.n[i];
      if (n.l.toLowerCase().indexOf(key) >= 0 || (n.t || "").toLowerCase().indexOf(key) >= 0) return n.id;
    }
    return null;
  };

  /* Checkboxes and radios follow the state (after a URL change), and the state follows them. */
  Explorer.prototype.sync = function () {
    var s = this.state;
    this.depthInputs.forEach(function (r) { r.checked = Number(r.value) === s.depth; });
    var self = this;
    this.filterInputs.forEach(function (f) { f[2].checked = self.shows(s[f[0]], f[1]); });
  };

  Explorer.prototype.readFilters = function () {
    var s = this.state, on = { fw: [], kind: [], rel: [] }, all = { fw: true, kind: true, rel: true };
    this.filterInputs.forEach(function (f) { if (f[2].checked) on[f[0]].push(f[1]); else all[f[0]] = false; });
    s.fw = all.fw ? null : on.fw;
    s.kind = all.kind ? null : on.kind;
    s.rel = all.rel ? null : on.rel;
  };

  Explorer.prototype.overview = function () {
    this.state.focus = null;
    this.state.open = [];
    this.render();
  };

  Explorer.prototype.home = function () {
    var cy = this.draw.cy;
    if (this.state.focus) return cy.getElementById(this.state.focus);
    return this.draw.visible()[0] || null;
  };

  Explorer.prototype.activate = function (node) {
    var id = node.id();
    if (node.hasClass("kb-group")) {
      if (this.state.open.indexOf(id) < 0) this.state.open.push(id);
      if (!this.render() ) this.state.open.splice(this.state.open.indexOf(id), 1);
      return;
    }
    if (this.state.focus === id) { window.location.href = nodeUrl(this.data, this.byId[id]); return; }
    this.state.focus = id;
    this.render();
    var again = this.draw.cy.getElementById(id);
    if (again.length) this.draw.select(again, document.activeElement === this.draw.wrap);
  };

  /* Which relations are drawn, by position in the legend. */
  Explorer.prototype.relShown = function () {
    var s = this.state, legend = this.legend;
    return legend.relOrder.map(function (id) { return !s.rel || s.rel.indexOf(id) >= 0; });
  };

  /* Draw the current state; false (and nothing drawn) when opening groups would pass the cap. */
  Explorer.prototype.render = function () {
    var view = this.state.focus ? this.focusView() : this.overviewView();
    if (!view) {
      return false;
    }
    var cy = this.draw.cy, self = this;
    cy.batch(function () {
      cy.elements().remove();
      cy.add(view.elements);
    });
    if (view.layout === "preset") {
      cy.layout({ name: "preset", fit: true, padding: 24 }).run();
    } else {
      ringLayout(this.draw, this.state.focus);
    }
    this.draw.scaleGroupLabels();
    this.status.textContent = view.text;
    this.toHash();
    this.showInfo();
    var cur = this.draw.current;
    if (cur && cy.getElementById(cur.id()).length) this.draw.select(cy.getElementById(cur.id()), false);
    else this.draw.current = null;
    self.box.setAttribute("data-kb-view", this.state.focus ? "focus" : view.grouped ? "groups" : "all");
    return true;
  };

  Explorer.prototype.nodeElement = function (n, depth, centre) {
    var legend = this.legend;
    return { group: "nodes", classes: centre ? "kb-centre" : "", data: {
      id: n.id, label: n.l, color: legend.color(n), shape: SHAPES[n.k] || "ellipse",
      size: centre ? 30 : n.k === "framework" ? 28 : 16, font: centre ? 13 : 11, textWidth: 110, depth: depth, kind: n.k
    }, position: { x: n.x, y: n.y } };
  };

  Explorer.prototype.edgeElement = function (e, k, arrows) {
    var r = this.legend.rel[this.legend.relOrder[e[2]]], data = this.data;
    return { group: "edges", classes: e[3] ? "kb-inferred" : "", data: {
      id: "e" + k, source: data.n[e[0]].id, target: data.n[e[1]].id, rel: r.id, color: r.color, line: r.line,
      label: r.label + (e[3] ? " (inferred)" : ""), width: arrows ? 1.6 : 1, arrow: arrows ? "triangle" : "none",
      curve: arrows ? "bezier" : "haystack"
    } };
  };

  /* The centred node and its neighbours (two links away: not through hubs), as the filters allow. */
  Explorer.prototype.focusView = function () {
    var self = this, data = this.data, s = this.state, shownRel = this.relShown();
    var centre = this.byId[s.focus];
    var depthOf = {}, order = [centre];
    depthOf[centre.i] = 0;
    var frontier = [centre];
    for (var d = 1; d <= s.depth; d++) {
      var next = [];
      frontier.forEach(function (n) {
        if (d > 1 && self.hubs[n.k]) return;
        self.adj[n.i].forEach(function (k) {
          var e = data.e[k];
          if (!shownRel[e[2]]) return;
          var other = data.n[e[0] === n.i ? e[1] : e[0]];
          if (depthOf[other.i] !== undefined || !self.nodeShown(other)) return;
          depthOf[other.i] = d;
          next.push(other);
          order.push(other);
        });
      });
      frontier = next;
    }
    order.sort(function (a, b) {
      return depthOf[a.i] - depthOf[b.i] || KIND_ORDER[a.k] - KIND_ORDER[b.k] ||
        (a.f || "").localeCompare(b.f || "") || a.l.localeCompare(b.l);
    });
    var drawn = order.slice(0, this.cap), inView = {};
    drawn.forEach(function (n) { inView[n.i] = true; });
    var elements = drawn.map(function (n) { return self.nodeElement(n, depthOf[n.i], n === centre); });
    /* Lines from the centre outwards only, as on a page's own graph: links within a ring would tangle. */
    var seen = {};
    drawn.forEach(function (n) {
      self.adj[n.i].forEach(function (k) {
        var e = data.e[k];
        if (seen[k] || !shownRel[e[2]] || !inView[e[0]] || !inView[e[1]]) return;
        if (Math.abs(depthOf[e[0]] - depthOf[e[1]]) !== 1) return;
        seen[k] = true;
        elements.push(self.edgeElement(e, k, true));
      });
    });
    var near = drawn.filter(function (n) { return depthOf[n.i] === 1; });
    var far = drawn.filter(function (n) { return depthOf[n.i] === 2; });
    var text = "Centred on " + (centre.t || centre.l) + ": " + plural(near.length, "neighbour", "neighbours") +
      (near.length ? " (" + this.legend.counts(near) + ")" : "");
    if (s.depth === 2) text += "; two links away: " + plural(far.length, "node", "nodes") + (far.length ? " (" + this.legend.counts(far) + ")" : "");
    if (order.length > drawn.length) text += "; " + (order.length - drawn.length) + " more not drawn (more than " + this.cap + ")";
    text += ". Enter or a click on " + centre.l + " opens its page; Escape returns to the overview.";
    return { elements: elements, layout: "concentric", text: text };
  };

  /* Every node the filters allow, one by one up to the cap; above it, groups with honest counts. */
  Explorer.prototype.overviewView = function () {
    var self = this, data = this.data, s = this.state, shownRel = this.relShown();
    var visible = data.n.filter(function (n) { return self.nodeShown(n); });
    var grouped = visible.length > this.cap;
    var open = {}, drawnCount = 0, elements = [], owner = {};
    if (grouped) {
      s.open = s.open.filter(function (g) { return self.groupById[g]; });
      s.open.forEach(function (g) { open[g] = true; });
    }
    var countIn = {};
    visible.forEach(function (n) {
      var g = n.g >= 0 ? data.groups[n.g] : null;
      if (!grouped || !g || open[g.id]) {
        owner[n.i] = n.id;
        drawnCount += 1;
      } else {
        owner[n.i] = g.id;
        countIn[g.id] = (countIn[g.id] || 0) + 1;
      }
    });
    var groupsDrawn = Object.keys(countIn).length;
    if (drawnCount + groupsDrawn > this.cap && s.open.length) {
      var last = s.open[s.open.length - 1];
      this.status.textContent = "Opening " + this.groupById[last].l + " would draw " + (drawnCount + groupsDrawn) +
        " nodes, more than " + this.cap + ": filter by framework or kind, or find a node, first.";
      return null;
    }
    visible.forEach(function (n) { if (owner[n.i] === n.id) elements.push(self.nodeElement(n, 1, false)); });
    data.groups.forEach(function (g) {
      if (!countIn[g.id]) return;
      var color = g.k === "clause" && self.legend.fw[g.f] ? self.legend.fw[g.f].color : self.legend.kinds[g.k].color;
      var name = g.l.length > 34 ? g.l.slice(0, 33).replace(/\s+\S*$/, "") + "…" : g.l;
      elements.push({ group: "nodes", classes: "kb-group", data: {
        id: g.id, label: name + " (" + countIn[g.id] + ")", color: color, shape: "ellipse",
        size: Math.max(2 * g.r * Math.sqrt(countIn[g.id] / g.n) * 0.8, 30), font: 12,
        textWidth: g.w * 0.92, depth: 1, kind: g.k, count: countIn[g.id]
      }, position: { x: g.x, y: g.y } });
    });
    var links = 0, hidden = 0;
    if (!grouped) {
      /* Group names as captions above their nodes, for orientation (not focusable, not clickable). */
      var present = {};
      visible.forEach(function (n) { if (n.g >= 0) present[n.g] = (present[n.g] || 0) + 1; });
      Object.keys(present).forEach(function (gi) {
        var g = data.groups[gi];
        elements.push({ group: "nodes", classes: "kb-caption", data: {
          id: "caption:" + g.id, label: g.l + " (" + present[gi] + ")", color: "#ffffff", shape: "ellipse",
          size: 1, font: 11, textWidth: g.w * 0.92, depth: 1, kind: "caption"
        }, position: { x: g.x, y: g.y - g.r - 10 } });
      });
      data.e.forEach(function (e, k) {
        if (shownRel[e[2]] && owner[e[0]] && owner[e[1]]) {
          var edge = self.edgeElement(e, k, false);
          edge.classes += " kb-thin";
          elements.push(edge);
          links += 1;
        }
      });
    } else {
      var agg = this.aggregate(owner, shownRel);
      links = agg.edges.length;
      hidden = agg.hidden;
      elements = elements.concat(agg.edges);
    }
    var text;
    if (grouped) {
      text = visible.length + " nodes match the filters, more than " + this.cap + " to draw one by one, so they are drawn as " +
        plural(groupsDrawn, "group", "groups") + (drawnCount ? " and " + plural(drawnCount, "single node", "single nodes") : "") +
        "; each group says how many nodes it holds. " + plural(links, "line joins", "lines join") +
        " groups (the strongest " + AGG_PER_NODE + " of each; " + hidden + " weaker ones hidden). Enter or a click opens a group.";
    } else {
      text = "All " + plural(visible.length, "node", "nodes") + " the filters allow (" + this.legend.counts(visible) + ") and " +
        plural(links, "link", "links") + ". Enter or a click centres the graph on a node.";
    }
    return { elements: elements, layout: "preset", text: text, grouped: grouped };
  };

  var AGG_PER_NODE = 4;

  /* Links between groups, counted per relation; each group keeps its strongest few. */
  Explorer.prototype.aggregate = function (owner, shownRel) {
    var data = this.data, pairs = {}, list = [];
    data.e.forEach(function (e) {
      if (!shownRel[e[2]]) return;
      var a = owner[e[0]], b = owner[e[1]];
      if (!a || !b || a === b) return;
      var key = a < b ? a + "|" + b : b + "|" + a;
      var p = pairs[key];
      if (!p) { p = pairs[key] = { a: a < b ? a : b, b: a < b ? b : a, count: 0, rel: {} }; list.push(p); }
      p.count += 1;
      p.rel[e[2]] = (p.rel[e[2]] || 0) + 1;
    });
    list.sort(function (x, y) { return y.count - x.count || (x.a + x.b < y.a + y.b ? -1 : 1); });
    var per = {}, keep = [];
    list.forEach(function (p) {
      if ((per[p.a] || 0) < AGG_PER_NODE || (per[p.b] || 0) < AGG_PER_NODE) {
        keep.push(p);
        per[p.a] = (per[p.a] || 0) + 1;
        per[p.b] = (per[p.b] || 0) + 1;
      }
    });
    var legend = this.legend, max = keep.length ? keep[0].count : 1;
    var edges = keep.map(function (p, k) {
      var top = Object.keys(p.rel).sort(function (x, y) { return p.rel[y] - p.rel[x]; });
      var r = legend.rel[legend.relOrder[top[0]]];
      var detail = top.map(function (i) { return p.rel[i] + " " + legend.rel[legend.relOrder[i]].label.toLowerCase(); }).join(", ");
      return { group: "edges", data: {
        id: "g" + k, source: p.a, target: p.b, rel: r.id, color: r.color, line: "solid",
        label: String(p.count), detail: detail, count: p.count,
        width: 1 + 7 * Math.sqrt(p.count / max), arrow: "none", curve: "haystack"
      } };
    });
    return { edges: edges, hidden: list.length - keep.length };
  };

  Explorer.prototype.describe = function (node) {
    if (node.hasClass("kb-group")) {
      var g = this.groupById[node.id()];
      return { title: g.l, kind: "Group of " + plural(node.data("count"), "node", "nodes"),
        summary: "", hint: "Press Enter to open the group." };
    }
    var n = this.byId[node.id()];
    var centred = this.state.focus === n.id;
    return { title: n.t || n.l, kind: this.legend.kindText(n), summary: n.s || "",
      detail: node.data("depth") === 2 ? "Two links away" : "",
      hint: centred ? "Press Enter to open its page." : "Press Enter to centre the graph on it." };
  };

  Explorer.prototype.describeEdge = function (edge) {
    var a = this.label(edge.data("source")), b = this.label(edge.data("target"));
    if (edge.data("count")) {
      return { title: a + " — " + b, kind: plural(edge.data("count"), "link", "links"), summary: edge.data("detail") };
    }
    return { title: a + " — " + edge.data("label") + " → " + b, kind: "Link", summary: "" };
  };

  Explorer.prototype.label = function (id) {
    var n = this.byId[id];
    if (n) return n.t || n.l;
    return this.groupById[id] ? this.groupById[id].l : id;
  };

  /* The panel under the drawing: the centred node, with a real link to its page. */
  Explorer.prototype.showInfo = function () {
    var info = this.info;
    info.textContent = "";
    var n = this.state.focus ? this.byId[this.state.focus] : null;
    if (!n) { info.hidden = true; return; }
    info.hidden = false;
    var h = el("p", "kb-graph__info-title");
    var a = el("a", "", n.t || n.l);
    a.href = nodeUrl(this.data, n);
    h.appendChild(a);
    info.appendChild(h);
    info.appendChild(el("p", "kb-graph__info-kind", this.legend.kindText(n)));
    if (n.s) info.appendChild(el("p", "kb-graph__info-summary", n.s));
  };

  /* ---------- start ---------- */

  function start(box) {
    if (box.getAttribute("data-kb-graph-started")) return;
    box.setAttribute("data-kb-graph-started", "1");
    var kind = box.getAttribute("data-kb-graph");
    var key = kind === "explorer" ? "explorer" : "node:" + box.getAttribute("data-kb-node");
    var t0 = window.performance ? performance.now() : 0;
    Promise.all([loadCytoscape(), loadData(box.getAttribute("data-kb-src"), key)]).then(function (got) {
      var cytoscape = got[0], data = got[1];
      if (!cytoscape || !data) throw new Error("graph data or library missing");
      if (kind === "explorer") new Explorer(box, data, cytoscape);
      else new LocalGraph(box, data, cytoscape);
      /* Timings for the browser tests: since this graph started loading, and since navigation start. */
      var now = window.performance ? performance.now() : 0;
      box.setAttribute("data-kb-graph-ms", String(Math.round(now - t0)));
      box.setAttribute("data-kb-graph-ready-at", String(Math.round(now)));
    }).catch(function (err) {
      if (window.console) console.error(err);
      var note = el("p", "kb-graph__error", "The drawing could not be loaded (" + err.message + "); the lists on this page hold the same links.");
      box.appendChild(note);
    });
  }

  function init() {
    document.querySelectorAll("[data-kb-graph]").forEach(start);
  }

  /* This script runs at the end of the body, after the containers: start at once rather than wait
     for DOMContentLoaded (a few hundred milliseconds later on a long page). Material's document$
     (Zensical's too) re-runs init after an instant navigation; start() ignores containers it knows. */
  init();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
})();
