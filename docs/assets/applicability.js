/*
 * The applicability check: asks the questions of the JSON island, evaluates the rules into
 * risk levels, roles (with Art. 25 role changes) and obligations with their current dates and
 * mapped controls, and exports the result.
 *
 * "Not sure" is never guessed: every open fact is tried with each of its possible answers, and
 * the result says what applies in every case and what applies only in some. Answers live in the
 * URL fragment (#a=question:value~question:v1,v2) so a result can be shared; notes stay in this
 * tab and go only into the exports and the print view. Everything from the data is drawn with
 * textContent, never as HTML.
 *
 * The engine (the functions in `engine`) has no DOM and is exported for tests under Node.
 */
(function (root) {
  "use strict";

  var UNSURE = "unsure";
  var MAX_OPEN = 6; /* open facts tried at once: at most 4^6 combinations, in practice far fewer */

  /* ---------------------------------------------------------------- engine */

  function values(q) {
    if (q.kind === "check") return ["yes", "no"];
    return q.options.map(function (o) { return o[0]; });
  }

  /* Does one condition hold? `maybe`: an unsure fact holds when any of its answers would. */
  function holds(atom, facts, risks, data, maybe) {
    if (atom.risk) return atom.risk.some(function (r) { return risks.indexOf(r) >= 0; });
    var v = facts[atom.fact];
    if (v === UNSURE && maybe) {
      var q = byId(data, atom.fact);
      return values(q).some(function (x) { var f = {}; f[atom.fact] = x; return holds(atom, f, risks, data, false); });
    }
    var picked = Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v];
    var hit = picked.some(function (x) { return (atom["in"] || atom.not_in).indexOf(x) >= 0; });
    return atom.not_in ? !hit : hit;
  }

  function all(atoms, facts, risks, data, maybe) {
    return atoms.every(function (a) { return holds(a, facts, risks, data, maybe); });
  }

  function byId(data, id) {
    for (var i = 0; i < data.questions.length; i++) if (data.questions[i].id === id) return data.questions[i];
    return null;
  }

  /* Questions to show for these answers (an unsure earlier answer keeps later questions in view). */
  function visible(data, facts) {
    var shown = {}, kept = {};
    data.questions.forEach(function (q) {
      if (all(q.ask_if, kept, [], data, true)) {
        shown[q.id] = true;
        if (facts[q.id] !== undefined) kept[q.id] = facts[q.id];
      }
    });
    return shown;
  }

  /* One concrete world: risk levels in rule order, then roles, then obligations with dates. */
  function evaluate(data, facts) {
    var kept = {};
    data.questions.forEach(function (q) {
      if (all(q.ask_if, kept, [], data, false) && facts[q.id] !== undefined) kept[q.id] = facts[q.id];
    });
    var risks = [], because = {};
    data.risk_rules.forEach(function (r) {
      if (all(r.when, kept, risks, data, false) && risks.indexOf(r.gives) < 0) {
        risks.push(r.gives);
        because[r.gives] = r.because;
      }
    });
    var claims = data.role_rules.filter(function (r) { return all(r.when, kept, risks, data, false); });
    var roles = [];
    claims.forEach(function (c) { if (roles.indexOf(c.gives) < 0) roles.push(c.gives); });
    var out = claims.map(function (c) {
      return {
        key: c.gives + "|" + c.pinpoint, role: c.gives, pinpoint: c.pinpoint, because: c.because,
        basis_code: c.basis_code, basis_url: c.basis_url,
        was: c.was.filter(function (w) { return roles.indexOf(w) >= 0 && w !== c.gives; })
      };
    });
    return {
      risks: risks.map(function (r) { return { key: r, id: r, because: because[r] }; }),
      roles: out,
      obligations: obligations(data, roles, risks)
    };
  }

  function obligations(data, roles, risks) {
    var out = [];
    data.packages.forEach(function (p) {
      if (!p.roles.some(function (r) { return roles.indexOf(r) >= 0; })) return;
      if (!p.risks.some(function (r) { return risks.indexOf(r) >= 0; })) return;
      p.obligations.forEach(function (ob, i) {
        if (ob.risks.length && !ob.risks.some(function (r) { return risks.indexOf(r) >= 0; })) return;
        var ids = [];
        if (ob.milestone) ids = [ob.milestone];
        else p.risks.forEach(function (r) { if (risks.indexOf(r) >= 0) ids = ids.concat(p.dated_by[r] || []); });
        if (!ids.length) ids = data.clauses[ob.ref].own;
        ids = ids.filter(function (id, k) { return ids.indexOf(id) === k && data.milestones[id]; });
        ids.sort(function (a, b) { return data.milestones[a].date < data.milestones[b].date ? -1 : 1; });
        /* With several dates, each names its route: the risk level that lists it alone. */
        var routes = {};
        if (ids.length > 1) {
          Object.keys(p.dated_by).forEach(function (r) {
            var listed = p.dated_by[r];
            if (listed.length === 1 && ids.indexOf(listed[0]) >= 0) routes[listed[0]] = r;
          });
        }
        out.push({ key: p.id + "/" + i + "@" + ids.join("+"), package: p.id, index: i, ob: ob, dates: ids, routes: routes });
      });
    });
    return out;
  }

  /* Every world the open facts allow, each with the answers it assumes. */
  function worlds(data, facts) {
    var shown = visible(data, facts);
    var open = data.questions.filter(function (q) { return shown[q.id] && facts[q.id] === UNSURE; });
    var tried = open.slice(0, MAX_OPEN);
    var list = [{ facts: Object.assign({}, facts), assumed: [] }];
    tried.forEach(function (q) {
      var next = [];
      list.forEach(function (w) {
        values(q).forEach(function (v) {
          var f = Object.assign({}, w.facts);
          f[q.id] = v;
          next.push({ facts: f, assumed: w.assumed.concat([[q.id, v]]) });
        });
      });
      list = next;
    });
    return { open: open, untried: open.slice(MAX_OPEN), list: list };
  }

  /* What applies in every world, and what only in some (grouped by the answers that decide it). */
  function assess(data, facts) {
    var ws = worlds(data, facts);
    var results = ws.list.map(function (w) { return { assumed: w.assumed, result: evaluate(data, w.facts) }; });
    var kinds = ["risks", "roles", "obligations"];
    var common = {};
    kinds.forEach(function (k) {
      common[k] = results[0].result[k].filter(function (item) {
        return results.every(function (r) { return r.result[k].some(function (x) { return x.key === item.key; }); });
      });
    });
    var groups = {};
    results.forEach(function (r) {
      var extra = {}, sig = [];
      kinds.forEach(function (k) {
        extra[k] = r.result[k].filter(function (x) { return !common[k].some(function (c) { return c.key === x.key; }); });
        sig.push(extra[k].map(function (x) { return x.key; }).join(";"));
      });
      var key = sig.join("#");
      if (!groups[key]) groups[key] = { extra: extra, assumed: [] };
      groups[key].assumed.push(r.assumed);
    });
    var cases = Object.keys(groups).map(function (k) {
      var g = groups[k];
      /* Name only the facts that decide this case: those not free to take every answer. */
      var when = ws.open.slice(0, MAX_OPEN).map(function (q) {
        var seen = [];
        g.assumed.forEach(function (a) {
          a.forEach(function (pair) { if (pair[0] === q.id && seen.indexOf(pair[1]) < 0) seen.push(pair[1]); });
        });
        return [q.id, seen];
      }).filter(function (pair) { return pair[1].length < values(byId(data, pair[0])).length; });
      return { when: when, extra: g.extra };
    });
    var conditional = cases.length > 1 ? cases : [];
    return {
      open: ws.open.map(function (q) { return q.id; }),
      untried: ws.untried.map(function (q) { return q.id; }),
      common: common,
      cases: conditional
    };
  }

  function parseHash(hash, data) {
    var m = /^#a=(.*)$/.exec(hash || "");
    var facts = {};
    if (!m) return facts;
    decodeURIComponent(m[1]).split("~").forEach(function (part) {
      var kv = part.split(":"), q = byId(data, kv[0]);
      if (!q || kv.length !== 2) return;
      var allowed = values(q).concat(q.unsure ? [UNSURE] : []);
      if (q.kind === "multi") {
        var picked = kv[1].split(",").filter(function (v) { return allowed.indexOf(v) >= 0; });
        if (picked.length) facts[q.id] = picked;
      } else if (allowed.indexOf(kv[1]) >= 0) facts[q.id] = kv[1];
    });
    return facts;
  }

  function toHash(facts, data) {
    var parts = [];
    data.questions.forEach(function (q) {
      var v = facts[q.id];
      if (v === undefined || (Array.isArray(v) && !v.length)) return;
      parts.push(q.id + ":" + (Array.isArray(v) ? v.join(",") : v));
    });
    return parts.length ? "#a=" + parts.join("~") : "";
  }

  var engine = {
    holds: holds, visible: visible, evaluate: evaluate, assess: assess, parseHash: parseHash, toHash: toHash
  };
  if (typeof module !== "undefined" && module.exports) { module.exports = engine; return; }

  /* ---------------------------------------------------------------- page */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function link(text, href) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function answerLabel(q, v) {
    if (v === UNSURE) return "Not sure";
    if (q.kind === "check") return v === "yes" ? "Yes" : "No";
    var labels = (Array.isArray(v) ? v : [v]).map(function (x) {
      for (var i = 0; i < q.options.length; i++) if (q.options[i][0] === x) return q.options[i][1];
      return x;
    });
    return labels.join("; ");
  }

  function Check(box, data) {
    this.box = box;
    this.data = data;
    this.facts = parseHash(location.hash, data);
    this.notes = {};
    this.form = el("form", "kb-applies__form");
    this.form.addEventListener("submit", function (e) { e.preventDefault(); });
    this.out = el("section", "kb-applies__result");
    this.out.setAttribute("aria-label", "Result");
    this.fields = {};
    /* The form is long: a button at its top says what applies so far and jumps to the result
       (a button, not a link, because the URL fragment holds the answers). */
    this.jump = el("button", "md-button kb-applies__jump", "");
    this.jump.type = "button";
    var out = this.out;
    this.jump.addEventListener("click", function () { out.scrollIntoView(); out.querySelector("h3").focus(); });
    box.appendChild(this.jump);
    box.appendChild(this.form);
    box.appendChild(this.out);
    this.build();
    this.update(false);
    box.classList.add("kb-applies--ready");
  }

  Check.prototype.build = function () {
    var self = this;
    this.data.questions.forEach(function (q, n) {
      var set = el("fieldset", "kb-applies__q");
      set.dataset.q = q.id;
      set.appendChild(el("legend", "kb-applies__legend", (n + 1) + ". " + q.text));
      set.appendChild(el("p", "kb-applies__help", q.help));
      var choices = el("div", "kb-applies__choices");
      var opts = q.kind === "check" ? [["yes", "Yes"], ["no", "No"]] : q.options.slice();
      if (q.unsure) opts.push([UNSURE, "Not sure"]);
      opts.forEach(function (o) {
        var label = el("label", "kb-applies__choice");
        var input = document.createElement("input");
        input.type = q.kind === "multi" ? "checkbox" : "radio";
        input.name = "kb-q-" + q.id;
        input.value = o[0];
        input.addEventListener("change", function () { self.read(q); });
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + o[1]));
        choices.appendChild(label);
      });
      set.appendChild(choices);
      var note = el("details", "kb-applies__note");
      note.appendChild(el("summary", "", "Note (optional; goes into the export and the print view)"));
      var area = document.createElement("textarea");
      area.rows = 2;
      area.setAttribute("aria-label", "Note on question " + (n + 1));
      area.addEventListener("input", function () { self.notes[q.id] = area.value; self.render(); });
      note.appendChild(area);
      set.appendChild(note);
      self.form.appendChild(set);
      self.fields[q.id] = set;
    });
  };

  Check.prototype.read = function (q) {
    var inputs = this.fields[q.id].querySelectorAll("input");
    var picked = [];
    inputs.forEach(function (i) { if (i.checked) picked.push(i.value); });
    if (q.kind === "multi") this.facts[q.id] = picked;
    else if (picked.length) this.facts[q.id] = picked[0];
    this.update(true);
  };

  Check.prototype.update = function (push) {
    var self = this, shown = visible(this.data, this.facts);
    this.data.questions.forEach(function (q) {
      var set = self.fields[q.id], v = self.facts[q.id];
      set.hidden = !shown[q.id];
      set.querySelectorAll("input").forEach(function (i) {
        i.checked = Array.isArray(v) ? v.indexOf(i.value) >= 0 : v === i.value;
      });
    });
    if (push) {
      var hash = toHash(this.facts, this.data);
      history.replaceState(null, "", hash || location.pathname + location.search);
    }
    this.render();
  };

  Check.prototype.answers = function () {
    var self = this, shown = visible(this.data, this.facts);
    return this.data.questions.filter(function (q) {
      var v = self.facts[q.id];
      return shown[q.id] && v !== undefined && !(Array.isArray(v) && !v.length);
    }).map(function (q) {
      return { id: q.id, question: q.text, value: self.facts[q.id], answer: answerLabel(q, self.facts[q.id]), note: self.notes[q.id] || "" };
    });
  };

  Check.prototype.render = function () {
    var data = this.data, out = this.out, self = this;
    var result = assess(data, this.facts);
    this.last = result;
    out.textContent = "";
    var title = el("h3", "kb-applies__title", "What applies");
    title.tabIndex = -1;
    out.appendChild(title);
    var n = result.common.obligations.length;
    var roleIds = result.common.roles.map(function (r) { return r.role; }).filter(function (r, k, a) { return a.indexOf(r) === k; });
    this.jump.textContent = "See what applies so far: " + roleIds.length + " role(s), " +
      n + " obligation(s) in every case" + (result.cases.length ? ", more depending on open facts" : "") + " ↓";
    if (!this.answers().length) {
      out.appendChild(el("p", "", "Answer the questions above; the result builds up as you go."));
      return;
    }
    var anyRole = result.common.roles.length || result.cases.some(function (c) { return c.extra.roles.length; });
    if (!anyRole) {
      var outside = result.common.risks.some(function (r) { return r.id === "out-of-scope"; });
      out.appendChild(el("p", "kb-applies__norole", outside
        ? "The Act does not apply to what you describe, so no role or obligation follows from it."
        : "No role under the Act follows from these answers so far, so no obligation attaches to you yet."));
    }
    this.renderItems(out, result.common, false);
    if (result.cases.length) {
      out.appendChild(el("h4", "", "What depends on the facts still open"));
      result.cases.forEach(function (c) {
        var box = el("div", "kb-applies__case");
        box.appendChild(el("p", "kb-applies__if", "If " + self.whenText(c.when) + ", also:"));
        var any = c.extra.risks.length || c.extra.roles.length || c.extra.obligations.length;
        if (any) self.renderItems(box, c.extra, true);
        else box.appendChild(el("p", "", "nothing beyond what applies in every case."));
        out.appendChild(box);
      });
    }
    if (result.open.length) {
      out.appendChild(el("h4", "", "Facts still to settle"));
      var ul = el("ul", "kb-applies__open");
      result.open.forEach(function (id) { ul.appendChild(el("li", "", byId(data, id).text)); });
      out.appendChild(ul);
      if (result.untried.length) {
        out.appendChild(el("p", "kb-applies__warn", "Too many open facts to try every combination: settle some to see the rest."));
      }
    }
    this.renderAnswers(out);
    this.renderTools(out);
  };

  Check.prototype.whenText = function (when) {
    var data = this.data;
    return when.map(function (pair) {
      var q = byId(data, pair[0]);
      return "“" + q.text + "” is " + pair[1].map(function (v) { return answerLabel(q, v); }).join(" or ");
    }).join(" and ") || "the open facts turn out so";
  };

  Check.prototype.renderItems = function (parent, items, extra) {
    var data = this.data;
    if (items.roles.length) {
      parent.appendChild(el("h4", "", extra ? "Roles" : "Your roles"));
      var ul = el("ul", "kb-applies__roles");
      items.roles.forEach(function (c) {
        var li = el("li");
        li.appendChild(el("strong", "", data.roles[c.role].label));
        if (c.was.length) {
          li.appendChild(document.createTextNode(" (you are also " + c.was.map(function (w) { return data.roles[w].label.toLowerCase(); }).join(", ") + "; this role is added)"));
        }
        li.appendChild(document.createTextNode(" — " + c.pinpoint + ", "));
        li.appendChild(link(c.basis_code, c.basis_url));
        li.appendChild(document.createTextNode(": " + c.because));
        ul.appendChild(li);
      });
      parent.appendChild(ul);
    }
    if (items.risks.length) {
      parent.appendChild(el("h4", "", "Risk level"));
      var rl = el("ul", "kb-applies__risks");
      items.risks.forEach(function (r) {
        var li = el("li");
        li.appendChild(el("strong", "", data.risks[r.id].label));
        li.appendChild(document.createTextNode(" — " + data.risks[r.id].pinpoint + ": " + r.because));
        rl.appendChild(li);
      });
      parent.appendChild(rl);
    }
    if (items.obligations.length) {
      parent.appendChild(el("h4", "", "Obligations"));
      var table = el("table", "kb-applies__obligations");
      var head = el("tr");
      ["Obligation", "What to do", "Applies from", "Addressed by (ISO/IEC 42001, NIST AI RMF)"].forEach(function (h) { head.appendChild(el("th", "", h)); });
      var thead = el("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = el("tbody");
      items.obligations.forEach(function (o) {
        var c = data.clauses[o.ob.ref], tr = el("tr");
        var first = el("td"), to = link(o.ob.pinpoint, c.url);
        to.title = c.code + " — " + c.title;
        first.appendChild(to);
        tr.appendChild(first);
        tr.appendChild(el("td", "", o.ob.what));
        var when = el("td", "kb-applies__date");
        o.dates.forEach(function (id, k) {
          var m = data.milestones[id];
          if (k) when.appendChild(el("br"));
          when.appendChild(el("strong", "", m.human));
          var r = o.routes[id] && data.risks[o.routes[id]].label;
          if (r) when.appendChild(document.createTextNode(" if " + r.charAt(0).toLowerCase() + r.slice(1)));
          when.appendChild(el("small", "", " " + m.basis + ". " + m.status));
        });
        if (!o.dates.length) when.textContent = "—";
        tr.appendChild(when);
        var ctl = el("td");
        c.controls.forEach(function (m, k) {
          if (k) ctl.appendChild(document.createTextNode(", "));
          ctl.appendChild(link(m.code, m.url));
          if (m.inferred) ctl.appendChild(el("em", "", " (inferred)"));
        });
        if (!c.controls.length) ctl.textContent = "no mapping yet";
        tr.appendChild(ctl);
        body.appendChild(tr);
      });
      table.appendChild(body);
      parent.appendChild(table);
    } else if (!extra && items.roles.length) {
      parent.appendChild(el("p", "", "No specific obligations follow in every case from these answers."));
    }
  };

  Check.prototype.renderAnswers = function (out) {
    out.appendChild(el("h4", "kb-applies__answers-title", "Your answers"));
    var ol = el("ol", "kb-applies__answers");
    this.answers().forEach(function (a) {
      var li = el("li", "", a.question + " — " + a.answer);
      if (a.note) li.appendChild(el("p", "kb-applies__note-text", "Note: " + a.note));
      ol.appendChild(li);
    });
    out.appendChild(ol);
  };

  Check.prototype.renderTools = function (out) {
    var self = this, bar = el("div", "kb-applies__tools");
    function button(text, cls, action) {
      var b = el("button", "md-button " + cls, text);
      b.type = "button";
      b.addEventListener("click", action);
      bar.appendChild(b);
    }
    button("Download JSON", "kb-applies__json", function () {
      root.kbExport.download("applicability.json", "application/json", JSON.stringify(self.exportData(), null, 2));
    });
    button("Download CSV", "kb-applies__csv", function () {
      root.kbExport.download("applicability.csv", "text/csv", self.exportCsv());
    });
    button("Print", "kb-applies__print", function () { window.print(); });
    button("Start again", "kb-applies__restart", function () { self.facts = {}; self.notes = {}; self.form.querySelectorAll("textarea").forEach(function (t) { t.value = ""; }); self.update(true); });
    out.appendChild(bar);
  };

  Check.prototype.items = function (items) {
    var data = this.data;
    return {
      roles: items.roles.map(function (c) {
        return { role: c.role, label: data.roles[c.role].label, basis: c.basis_code, pinpoint: c.pinpoint, because: c.because, also_holds: c.was };
      }),
      risk_levels: items.risks.map(function (r) { return { id: r.id, label: data.risks[r.id].label, because: r.because }; }),
      obligations: items.obligations.map(function (o) {
        var c = data.clauses[o.ob.ref];
        return {
          package: o.package, clause: c.code, pinpoint: o.ob.pinpoint, what: o.ob.what,
          applies_from: o.dates.map(function (id) {
            var m = data.milestones[id];
            return { date: m.date, "if": o.routes[id] ? data.risks[o.routes[id]].label : "", basis: m.basis, status: m.status };
          }),
          controls: c.controls.map(function (m) { return { code: m.code, framework: m.framework, inferred: m.inferred }; })
        };
      })
    };
  };

  Check.prototype.exportData = function () {
    var self = this, r = this.last || assess(this.data, this.facts);
    return {
      tool: this.data.title,
      framework: this.data.framework,
      page: location.href,
      exported: new Date().toISOString(),
      answers: this.answers(),
      result: this.items(r.common),
      conditional: r.cases.map(function (c) {
        return { "if": c.when.map(function (p) { return { question: p[0], answers: p[1] }; }), also: self.items(c.extra) };
      }),
      open_facts: r.open
    };
  };

  Check.prototype.exportCsv = function () {
    var d = this.exportData(), rows = [];
    d.answers.forEach(function (a) { rows.push(["answer", a.id, a.question, a.answer, "", "", a.note]); });
    function add(items, when) {
      items.roles.forEach(function (x) { rows.push(["role" + when, x.role, x.label, x.pinpoint + ": " + x.because, "", "", ""]); });
      items.risk_levels.forEach(function (x) { rows.push(["risk level" + when, x.id, x.label, x.because, "", "", ""]); });
      items.obligations.forEach(function (x) {
        rows.push([
          "obligation" + when, x.clause, x.pinpoint, x.what,
          x.applies_from.map(function (m) { return m.date + (m["if"] ? " if " + m["if"] : "") + " (" + m.basis + ")"; }).join("; "),
          x.controls.map(function (m) { return m.code + (m.inferred ? " (inferred)" : ""); }).join("; "), ""
        ]);
      });
    }
    add(d.result, "");
    d.conditional.forEach(function (c) {
      add(c.also, " if " + c["if"].map(function (p) { return p.question + "=" + p.answers.join("/"); }).join(" and "));
    });
    d.open_facts.forEach(function (id) { rows.push(["open fact", id, "", "", "", "", ""]); });
    return root.kbExport.csv(["section", "id", "item", "detail", "applies_from", "controls", "note"], rows);
  };

  function init() {
    document.querySelectorAll(".kb-applies").forEach(function (box) {
      if (box.classList.contains("kb-applies--ready")) return;
      var island = box.querySelector("script.kb-applies-data");
      if (island) new Check(box, JSON.parse(island.textContent));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(typeof window !== "undefined" ? window : this);
