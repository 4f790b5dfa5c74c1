"""Decision guide pages: Mermaid flowchart, step-by-step questionnaire, nested lists, outcomes.

The page works without JavaScript (the whole tree as nested lists plus every
outcome). With JavaScript, ``assets/decisions.js`` renders the flowchart from
the Mermaid source shipped in the page and drives the questionnaire from the
JSON island, cloning each outcome's server-rendered section (with its links).
"""

from __future__ import annotations

import json
from collections import defaultdict

from .. import graph as kg
from ..model import Guide, Node
from ..refs import framework_of
from ..site import Site
from ..vocab import FRAMEWORKS, INTENSITIES
from . import paths
from .obligations import obligation_refs, outcome_export, outcome_result
from .term import clause_link, term_link
from .text import attr, esc, href, md, prose
from .timeline import dates_note

#: Term-to-clause relations followed when listing what applies "via" a term.
VIA_RELATIONS = ("obligation-in", "defined-in", "addressed-by")


def mermaid_label(text: str) -> str:
    """Text made safe inside a double-quoted Mermaid label."""
    out = " ".join(str(text).split())
    for raw, entity in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;")):
        out = out.replace(raw, entity)
    return out


def mermaid(guide: Guide) -> str:
    """Flowchart source: questions as diamonds, outcomes as stadiums, answers on edges."""
    key = {nid: f"n{i}" for i, nid in enumerate(guide.nodes)}
    lines = ["flowchart TD"]
    for node in guide.nodes.values():
        if node.type == "question":
            lines.append(f'  {key[node.id]}{{"{mermaid_label(node.question)}"}}')
        else:
            lines.append(f'  {key[node.id]}(["{mermaid_label(node.title)}"])')
    for node in guide.questions:
        for a in node.answers:
            lines.append(f'  {key[node.id]} -->|"{mermaid_label(a.label)}"| {key[a.next]}')
    lines.append("  classDef question fill:#e8eaf6,stroke:#3f51b5,color:#1a237e")
    lines.append("  classDef outcome fill:#e8f5e9,stroke:#2e7d32,color:#1b5e20")
    for kind in ("question", "outcome"):
        ids = [key[n.id] for n in guide.nodes.values() if n.type == kind]
        if ids:
            lines.append(f"  class {','.join(ids)} {kind}")
    return "\n".join(lines)


def _data(site: Site, guide: Guide) -> str:
    """JSON island for the questionnaire; ``<``, ``>`` and ``&`` escaped so it cannot end the script."""
    nodes = {}
    for i, n in enumerate(guide.nodes.values()):
        nodes[n.id] = {
            "type": n.type,
            "key": f"n{i}",
            "text": n.question if n.type == "question" else n.title,
            "help": " ".join(n.help.split()),
            "answers": [[a.label, a.next] for a in n.answers],
            "intensity": INTENSITIES.get(n.intensity, ""),
        }
        if n.type == "outcome":
            nodes[n.id]["result"] = outcome_export(site, n.result)
    text = json.dumps({"id": guide.id, "start": guide.start, "nodes": nodes}, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def decision_page(site: Site, decision_id: str) -> str:
    """Markdown for ``decisions/<id>.md``."""
    guide = site.kb.decisions[decision_id]
    here = paths.decision(guide.id)
    n_q, n_o = len(guide.questions), len(guide.outcomes)
    parts = [
        f"# {md(guide.title)}",
        prose(guide.intro),
        f"**{n_q} questions, {n_o} outcomes.** Answer step by step below, read the flowchart, "
        "or scan the whole guide as a list.",
        _phases(guide),
        "## Step by step",
        _questionnaire(site, guide),
        "## Flowchart",
        '<div class="kb-flowchart" data-guide="'
        + attr(guide.id)
        + '">\n<pre class="kb-flowchart__src">'
        + esc(mermaid(guide))
        + "</pre>\n</div>",
        '<p class="kb-nojs-note">The flowchart and the questionnaire need JavaScript; '
        "the same guide is listed in full below.</p>",
        "## The whole guide",
        _nested(site, guide, here),
        "## Outcomes",
        *[_outcome(site, guide, o, here) for o in guide.outcomes],
        _sources(guide),
    ]
    return "\n\n".join(p for p in parts if p)


def _phases(guide: Guide) -> str:
    if not guide.phases:
        return ""
    return "**Phases:** " + " → ".join(f"{i}. {md(t)}" for i, (_, t) in enumerate(guide.phases, 1))


def _questionnaire(site: Site, guide: Guide) -> str:
    return (
        f'<div class="kb-questionnaire" data-guide="{attr(guide.id)}" aria-live="polite">\n'
        f'<script type="application/json" class="kb-guide-data">{_data(site, guide)}</script>\n'
        "</div>"
    )


def _nested(site: Site, guide: Guide, here: str) -> str:
    lines: list[str] = []
    done: set[str] = set()

    def walk(node_id: str, depth: int) -> None:
        node = guide.nodes[node_id]
        pad = "    " * depth
        if node.type == "outcome":
            lines.append(f"{pad}- **Outcome:** [{md(node.title)}](#outcome-{node.id})")
            return
        if node_id in done:
            lines.append(f"{pad}- *Continue at* [{md(node.question)}](#node-{node.id})")
            return
        done.add(node_id)
        extra = f" *{md(node.help)}*" if node.help else ""
        refs = _inline_refs(site, node, here)
        lines.append(f'{pad}- <span id="node-{node.id}"></span>**{md(node.question)}**{extra}{refs}')
        for a in node.answers:
            note = f" — {md(a.note)}" if a.note else ""
            lines.append(f"{pad}    - *{md(a.label)}*{note}")
            walk(a.next, depth + 2)

    walk(guide.start, 0)
    return "\n".join(lines)


def _inline_refs(site: Site, node: Node, here: str) -> str:
    links = [term_link(site, t, here) for t in node.terms]
    links += [clause_link(site, r, here) for r in node.refs]
    return (" (see " + "; ".join(links) + ")") if links else ""


def applies(site: Site, node: Node) -> dict[str, list[tuple[str, str | None]]]:
    """What applies across the frameworks: direct references, then clauses reached via terms."""
    out: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    seen: set[str] = set()
    for ref in node.refs:
        if ref not in seen:
            seen.add(ref)
            out[framework_of(ref)].append((ref, None))
    for term_id in node.terms:
        for rel, links in kg.outgoing(site.graph, term_id, "clause").items():
            if rel not in VIA_RELATIONS:
                continue
            for link in links:
                if link.node not in seen:
                    seen.add(link.node)
                    out[framework_of(link.node)].append((link.node, term_id))
    return out


def _outcome(site: Site, guide: Guide, o: Node, here: str) -> str:
    parts = [
        f'<div class="kb-outcome" id="outcome-{o.id}" markdown="1">',
        f"### {md(o.title)}",
        f'<p class="kb-intensity kb-intensity--{attr(o.intensity)}"><strong>Governance intensity:</strong> '
        f"{esc(INTENSITIES[o.intensity])}</p>",
        f"**Recommendation:** {md(o.recommendation)}",
        outcome_result(site, o.result, here),
        prose(o.rationale),
    ]
    if o.terms:
        parts.append("**Key terms:** " + ", ".join(term_link(site, t, here) for t in o.terms))
    found = applies(site, o)
    # Clauses in the obligations table carry the date that applies to this outcome there; the
    # clause's own date here would contradict it (Art. 43 applies generally, its duty later).
    dated = obligation_refs(site, o.result)
    if found:
        parts.append("#### What applies across the frameworks")
        rows = []
        for fw in FRAMEWORKS:
            for ref, via in found.get(fw, []):
                how = f" *(via {term_link(site, via, here)})*" if via else ""
                when = "" if ref in dated else dates_note(site, ref, here)
                rows.append(f"- **{md(FRAMEWORKS[fw])}:** {clause_link(site, ref, here)}{when}{how}")
        parts.append("\n".join(rows))
    parts.append("</div>")
    return "\n\n".join(p for p in parts if p)


def _sources(guide: Guide) -> str:
    if not guide.sources:
        return ""
    lines = []
    for s in guide.sources:
        head = f"[{md(s.title)}]({href(s.url)})" if s.url else md(s.title)
        lines.append(f"- {head}" + (f" — {md(s.locator)}" if s.locator else ""))
    return "## Sources\n\n" + "\n".join(lines)


def decisions_index(site: Site, here: str = paths.DECISIONS_INDEX) -> str:
    """Table of guides with their size and a one-line intro."""
    if not site.kb.decisions:
        return "No decision guides yet."
    rows = ["| Guide | Questions | Outcomes |", "|---|---|---|"]
    for fid, app in site.kb.applicability.items():
        link = f"[{md(app.title)}]({paths.rel(here, paths.applicability(fid))})"
        rows.append(
            f"| **{link}** (all roles at once) | {len(app.questions)} | roles, risk level, obligations |"
        )
    for g in site.kb.decisions.values():
        link = f"[{md(g.title)}]({paths.rel(here, paths.decision(g.id))})"
        rows.append(f"| {link} | {len(g.questions)} | {len(g.outcomes)} |")
    return "\n".join(rows)
