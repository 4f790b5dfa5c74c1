/*
 * Decision guides: render the Mermaid flowchart and drive the step-by-step
 * questionnaire. Everything is served from this site (Mermaid is loaded from
 * assets/vendor/ only on pages that have a flowchart). Without JavaScript the
 * page shows the whole guide as nested lists; this script only enhances it.
 *
 * State lives in the URL fragment as "#q=<answer>.<answer>..." (answer
 * indices from the start), so a reviewer can bookmark or share a result.
 */
(function () {
  "use strict";

  var scriptSrc = document.currentScript ? document.currentScript.src : "";

  function vendorUrl(name) {
    return scriptSrc.replace(/decisions\.js(\?.*)?$/, "vendor/" + name);
  }

  function loadMermaid() {
    if (window.mermaid) return Promise.resolve(window.mermaid);
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = vendorUrl("mermaid.min.js");
      s.onload = function () { resolve(window.mermaid); };
      s.onerror = function () { reject(new Error("could not load " + s.src)); };
      document.head.appendChild(s);
    });
  }

  /* ---------- flowchart ---------- */

  function renderFlowcharts() {
    var boxes = document.querySelectorAll(".kb-flowchart");
    if (!boxes.length) return;
    loadMermaid().then(function (mermaid) {
      mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default" });
      boxes.forEach(function (box, i) {
        var src = box.querySelector(".kb-flowchart__src");
        if (!src) return;
        var data = guideData(document.querySelector('.kb-questionnaire[data-guide="' + box.dataset.guide + '"]'));
        mermaid.render("kb-flowchart-svg-" + i, src.textContent).then(function (out) {
          var holder = document.createElement("div");
          holder.className = "kb-flowchart__svg";
          holder.tabIndex = 0;
          holder.setAttribute("role", "region");
          holder.setAttribute("aria-label", "Flowchart (scroll to see all of it)");
          holder.innerHTML = out.svg;
          box.appendChild(toolbar(box, holder));
          box.appendChild(holder);
          box.classList.add("kb-flowchart--rendered");
          naturalSize(holder, 1);
          if (data) { linkNodes(holder, data); showNode(holder, data, data.start); }
          document.dispatchEvent(new CustomEvent("kb:flowchart-ready", { detail: { guide: box.dataset.guide } }));
        });
      });
    });
  }

  /* Draw the diagram at its own size times `zoom` (never shrunk to the column): labels stay at
     Mermaid's font size and the container scrolls instead. */
  function naturalSize(holder, zoom) {
    var svg = holder.querySelector("svg");
    if (!svg) return;
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var width = vb && vb.width ? vb.width : svg.getBoundingClientRect().width;
    var height = vb && vb.height ? vb.height : svg.getBoundingClientRect().height;
    svg.style.maxWidth = "none";
    svg.setAttribute("width", String(Math.round(width * zoom)));
    svg.setAttribute("height", String(Math.round(height * zoom)));
    holder.dataset.zoom = String(zoom);
  }

  /* Scroll the frame so a node (the start, at first) is in view: wide trees begin far right. */
  function showNode(holder, data, id) {
    var node = data.nodes[id];
    var g = node && holder.querySelector('g.node[data-id="' + node.key + '"], g.node[id*="flowchart-' + node.key + '-"]');
    if (!g) return;
    var frame = holder.getBoundingClientRect(), box = g.getBoundingClientRect();
    holder.scrollLeft += box.left - frame.left - (frame.width - box.width) / 2;
    holder.scrollTop += box.top - frame.top - 20;
  }

  function toolbar(box, holder) {
    var bar = el("div", "kb-flowchart__tools");
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Flowchart view");
    function button(label, title, action) {
      var b = el("button", "md-button kb-flowchart__tool", label);
      b.type = "button";
      b.title = title;
      b.setAttribute("aria-label", title);
      b.addEventListener("click", action);
      bar.appendChild(b);
    }
    function zoomBy(f) { naturalSize(holder, Math.min(3, Math.max(0.25, Number(holder.dataset.zoom || 1) * f))); }
    button("−", "Zoom out", function () { zoomBy(1 / 1.25); });
    button("+", "Zoom in", function () { zoomBy(1.25); });
    button("1:1", "1:1, actual size", function () { naturalSize(holder, 1); });
    if (box.requestFullscreen) {
      button("Full screen", "Full screen", function () {
        if (document.fullscreenElement) document.exitFullscreen(); else box.requestFullscreen();
      });
    }
    return bar;
  }

  /* Mark the questionnaire's path (answered questions and the current node) on the flowchart. */
  function highlightPath(guideId, data, ids) {
    var box = document.querySelector('.kb-flowchart[data-guide="' + guideId + '"]');
    if (!box) return;
    box.querySelectorAll("g.node.kb-on-path").forEach(function (g) { g.classList.remove("kb-on-path"); });
    ids.forEach(function (id) {
      var node = data.nodes[id];
      if (!node) return;
      var g = box.querySelector('g.node[data-id="' + node.key + '"], g.node[id*="flowchart-' + node.key + '-"]');
      if (g) g.classList.add("kb-on-path");
    });
  }

  /* Each diagram node becomes a link to its section (questions) or outcome. */
  function linkNodes(holder, data) {
    Object.keys(data.nodes).forEach(function (id) {
      var node = data.nodes[id];
      var g = holder.querySelector('g.node[data-id="' + node.key + '"], g.node[id*="flowchart-' + node.key + '-"]');
      if (!g) return;
      var target = node.type === "outcome" ? "outcome-" + id : "node-" + id;
      g.setAttribute("role", "link");
      g.setAttribute("tabindex", "0");
      g.setAttribute("aria-label", node.text);
      g.style.cursor = "pointer";
      var go = function () {
        var el = document.getElementById(target);
        if (el) { el.scrollIntoView(); history.replaceState(null, "", "#" + target); }
      };
      g.addEventListener("click", go);
      g.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
    });
  }

  /* ---------- questionnaire ---------- */

  function guideData(box) {
    if (!box) return null;
    var island = box.querySelector("script.kb-guide-data");
    return island ? JSON.parse(island.textContent) : null;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function Questionnaire(box, data) {
    this.box = box;
    this.data = data;
    this.path = [];            /* answer indices taken from the start */
    this.notes = {};           /* question id -> the reader's note (kept in this tab; exported) */
    this.ui = el("div", "kb-q");
    box.appendChild(this.ui);
    box.classList.add("kb-questionnaire--ready");
  }

  /* Walk the answer indices from the start; stop at the first invalid one. */
  Questionnaire.prototype.walk = function (path) {
    var steps = [], id = this.data.start, valid = [];
    for (var i = 0; i < path.length; i++) {
      var node = this.data.nodes[id];
      if (!node || node.type !== "question" || !node.answers[path[i]]) break;
      steps.push({ id: id, answer: path[i] });
      valid.push(path[i]);
      id = node.answers[path[i]][1];
    }
    return { steps: steps, current: id, path: valid };
  };

  Questionnaire.prototype.fromHash = function () {
    var m = /^#q=([0-9.]*)$/.exec(location.hash);
    if (!m) return false;
    var path = m[1] ? m[1].split(".").map(Number) : [];
    this.path = this.walk(path).path;
    return true;
  };

  Questionnaire.prototype.go = function (path, focus) {
    this.path = path;
    var hash = "#q=" + path.join(".");
    if (location.hash !== hash) history.replaceState(null, "", hash);
    this.render(focus);
  };

  Questionnaire.prototype.render = function (focus) {
    var self = this, state = this.walk(this.path), node = this.data.nodes[state.current];
    this.ui.textContent = "";
    /* breadcrumbs: the path taken, each step clickable to return to it */
    var crumbs = el("ol", "kb-q__crumbs");
    crumbs.setAttribute("aria-label", "Path taken");
    state.steps.forEach(function (step, i) {
      var q = self.data.nodes[step.id];
      var li = el("li");
      var b = el("button", "kb-q__crumb", q.text + " → " + q.answers[step.answer][0]);
      b.type = "button";
      b.title = "Go back to this question";
      b.addEventListener("click", function () { self.go(state.path.slice(0, i), true); });
      li.appendChild(b);
      crumbs.appendChild(li);
    });
    if (state.steps.length) this.ui.appendChild(crumbs);

    var stage = el("div", "kb-q__stage");
    var heading = el("h3", "kb-q__title", node.type === "question" ? node.text : "Outcome: " + node.text);
    heading.tabIndex = -1;
    stage.appendChild(heading);
    if (node.type === "question") {
      if (node.help) stage.appendChild(el("p", "kb-q__help", node.help));
      var answers = el("div", "kb-q__answers");
      answers.setAttribute("role", "group");
      answers.setAttribute("aria-label", "Answers");
      node.answers.forEach(function (a, i) {
        var b = el("button", "md-button kb-q__answer", a[0]);
        b.type = "button";
        b.addEventListener("click", function () { self.go(state.path.concat([i]), true); });
        answers.appendChild(b);
      });
      stage.appendChild(answers);
      var note = el("details", "kb-q__note");
      var summary = el("summary", "", "Note on this question (optional; goes into the export and the print view)");
      note.appendChild(summary);
      var area = document.createElement("textarea");
      area.className = "kb-q__note-input";
      area.rows = 2;
      area.setAttribute("aria-label", "Note on: " + node.text);
      area.value = this.notes[state.current] || "";
      if (area.value) note.open = true;
      area.addEventListener("input", function () { self.notes[state.current] = area.value; });
      note.appendChild(area);
      stage.appendChild(note);
    } else {
      var source = document.getElementById("outcome-" + state.current);
      var result = el("div", "kb-q__outcome");
      if (source) {
        var copy = source.cloneNode(true);
        copy.removeAttribute("id");
        copy.querySelectorAll("[id]").forEach(function (x) { x.removeAttribute("id"); });
        var h = copy.querySelector("h3");
        if (h) h.remove();
        result.appendChild(copy);
      }
      stage.appendChild(result);
      stage.appendChild(this.answersList(state));
    }
    this.ui.appendChild(stage);

    var bar = el("div", "kb-q__bar");
    var back = el("button", "md-button kb-q__back", "Back");
    back.type = "button";
    back.disabled = state.path.length === 0;
    back.addEventListener("click", function () { self.go(state.path.slice(0, -1), true); });
    bar.appendChild(back);
    var restart = el("button", "md-button kb-q__restart", "Start again");
    restart.type = "button";
    restart.disabled = state.path.length === 0;
    restart.addEventListener("click", function () { self.go([], true); });
    bar.appendChild(restart);
    if (node.type === "outcome") {
      var print = el("button", "md-button md-button--primary kb-q__print", "Print summary");
      print.type = "button";
      print.addEventListener("click", function () { window.print(); });
      bar.appendChild(print);
      var json = el("button", "md-button kb-q__json", "Download JSON");
      json.type = "button";
      json.addEventListener("click", function () {
        window.kbExport.download(self.data.id + ".json", "application/json", JSON.stringify(self.exportData(), null, 2));
      });
      bar.appendChild(json);
      var csv = el("button", "md-button kb-q__csv", "Download CSV");
      csv.type = "button";
      csv.addEventListener("click", function () {
        window.kbExport.download(self.data.id + ".csv", "text/csv", self.exportCsv());
      });
      bar.appendChild(csv);
    }
    this.ui.appendChild(bar);
    this.box.classList.toggle("kb-questionnaire--done", node.type === "outcome");
    this.highlight();
    document.body.classList.toggle("kb-print-summary", node.type === "outcome");
    if (focus) heading.focus();
  };

  /* The path as data: each question, the answer taken, and the reader's note. */
  Questionnaire.prototype.steps = function (state) {
    var self = this;
    return state.steps.map(function (step) {
      var q = self.data.nodes[step.id];
      return { id: step.id, question: q.text, answer: q.answers[step.answer][0], note: self.notes[step.id] || "" };
    });
  };

  Questionnaire.prototype.answersList = function (state) {
    var box = el("div", "kb-q__summary");
    box.appendChild(el("h4", "", "Your answers"));
    var ol = el("ol");
    this.steps(state).forEach(function (s) {
      var li = el("li", "", s.question + " — " + s.answer);
      if (s.note) li.appendChild(el("p", "kb-q__note-text", "Note: " + s.note));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  };

  Questionnaire.prototype.exportData = function () {
    var state = this.walk(this.path), node = this.data.nodes[state.current];
    return {
      guide: this.data.id,
      page: location.href,
      exported: new Date().toISOString(),
      path: this.steps(state),
      outcome: node.type === "outcome" ? { id: state.current, title: node.text, intensity: node.intensity } : null,
      result: node.result || {}
    };
  };

  Questionnaire.prototype.exportCsv = function () {
    var d = this.exportData(), r = d.result, rows = [];
    d.path.forEach(function (s) { rows.push(["answer", s.id, s.question, s.answer, "", "", s.note]); });
    if (d.outcome) rows.push(["outcome", d.outcome.id, d.outcome.title, d.outcome.intensity, "", "", ""]);
    (r.roles || []).forEach(function (x) { rows.push(["role", x.role, x.label, x.pinpoint + ": " + x.because, "", "", ""]); });
    (r.risk_levels || []).forEach(function (x) { rows.push(["risk level", x.id, x.label, x.pinpoint, "", "", ""]); });
    (r.obligations || []).forEach(function (x) {
      rows.push([
        "obligation", x.clause, x.pinpoint, x.what,
        x.applies_from.map(function (m) { return m.date + (m["if"] ? " if " + m["if"] : "") + " (" + m.basis + ")"; }).join("; "),
        x.controls.map(function (m) { return m.code + (m.inferred ? " (inferred)" : ""); }).join("; "), ""
      ]);
    });
    if (r.open) rows.push(["open fact", "", r.open, "", "", "", ""]);
    return window.kbExport.csv(["section", "id", "item", "detail", "applies_from", "controls", "note"], rows);
  };

  Questionnaire.prototype.highlight = function () {
    var state = this.walk(this.path);
    highlightPath(this.data.id, this.data, state.steps.map(function (s) { return s.id; }).concat([state.current]));
  };

  function initQuestionnaires() {
    var boxes = document.querySelectorAll(".kb-questionnaire");
    var all = [];
    boxes.forEach(function (box) {
      var data = guideData(box);
      if (!data) return;
      var q = new Questionnaire(box, data);
      q.fromHash();
      q.render(false);
      all.push(q);
    });
    window.addEventListener("hashchange", function () {
      all.forEach(function (q) { if (q.fromHash()) q.render(true); });
    });
    document.addEventListener("kb:flowchart-ready", function () { all.forEach(function (q) { q.highlight(); }); });
  }

  function init() {
    initQuestionnaires();
    renderFlowcharts();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
