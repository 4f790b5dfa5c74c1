"""The glossary term page: everything the seed glossary page shows, and more."""

from __future__ import annotations

from collections import defaultdict

from .. import graph as kg
from ..model import Term
from ..site import Site
from ..vocab import (
    CATEGORIES,
    FRAMEWORKS,
    REFERENCE_RELATIONS,
    REVIEW_STATUSES,
    SOURCE_STATUSES,
    TERM_RELATION_LABELS,
)
from . import paths
from .text import attr, esc, href, md, prose
from .timeline import dates_note


def term_page(site: Site, term_id: str, graph: str = "") -> str:
    """Markdown for ``glossary/<term_id>.md``; ``graph`` is its concept-graph section, if any."""
    t = site.kb.terms[term_id]
    here = paths.term(t.id)
    parts = [
        f"# {md(t.term)}",
        _meta_line(t, here),
        f'<p class="kb-summary">{esc(t.summary)}</p>',
        "## Explanation",
        prose(t.explanation),
        "## Why it matters",
        prose(t.why_it_matters),
        _compel(site, t, here),
        _definitions(site, t, here),
        _references(site, t, here),
        _related(site, t, here),
        _referenced_by(site, t, here),
        graph,
        _sources(t),
        _review(t),
    ]
    return "\n\n".join(p for p in parts if p)


def _meta_line(t: Term, here: str) -> str:
    cat = f"[{md(CATEGORIES[t.category])}]({paths.rel(here, paths.GLOSSARY_INDEX, 'category-' + t.category)})"
    bits = [f"**Category:** {cat}"]
    if t.acronyms:
        bits.append("**Acronyms:** " + ", ".join(md(a) for a in t.acronyms))
    if t.aliases:
        bits.append("**Also known as:** " + ", ".join(md(a) for a in t.aliases))
    return " · ".join(bits)


def clause_link(site: Site, ref: str, here: str) -> str:
    """``[Art. 25 — Responsibilities ...](...)`` for a clause reference."""
    c = site.kb.clauses[ref]
    return f"[{md(c.code)} — {md(c.title)}]({paths.rel(here, paths.clause(ref))})"


def term_link(site: Site, term_id: str, here: str) -> str:
    """``[Term](...)`` for a term id, with its summary as the link title."""
    t = site.kb.terms[term_id]
    return f'[{md(t.term)}]({paths.rel(here, paths.term(term_id))} "{attr(t.summary)}")'


def _compel(site: Site, t: Term, here: str) -> str:
    def links(ids):
        return ", ".join(clause_link_short(site, f"compel:{i}", here) for i in ids)

    return "\n\n".join(
        [
            "## COMPEL usage",
            f"**Pillars:** {links(t.compel.pillars)} · **Stages:** {links(t.compel.stages)}",
            prose(t.compel.usage),
        ]
    )


def clause_link_short(site: Site, ref: str, here: str) -> str:
    """``[Art. 25](...)``: the clause code only, title as link title."""
    c = site.kb.clauses[ref]
    return f'[{md(c.code)}]({paths.rel(here, paths.clause(ref))} "{attr(c.title)}")'


def _definitions(site: Site, t: Term, here: str) -> str:
    if not t.definitions:
        return ""
    rows = [
        "| Source | Where | Definition (paraphrased) | Jurisdiction | Binding | Source status |",
        "|---|---|---|---|---|---|",
    ]
    for d in t.definitions:
        where = md(d.locator)
        if d.ref:
            where = f"[{where}]({paths.rel(here, paths.clause(d.ref))})"
        status = md(SOURCE_STATUSES[d.status]) if d.status else "Not stated"
        rows.append(
            f"| {md(d.source)} | {where} | {md(d.paraphrase)} | {md(d.jurisdiction)} "
            f"| {'Yes' if d.binding else 'No'} | {status} |"
        )
    out = "## Definitions in the frameworks\n\n" + "\n".join(rows)
    if t.definitions_note:
        out += "\n\n**How the definitions differ:**\n\n" + prose(t.definitions_note)
    return out


def _references(site: Site, t: Term, here: str) -> str:
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in t.references:
        grouped[r.framework][r.relation].append(r)
    out = ["## Framework references"]
    for fw in FRAMEWORKS:
        if fw not in grouped:
            continue
        out.append(f"### {md(FRAMEWORKS[fw])}")
        for rel in REFERENCE_RELATIONS:
            for r in grouped[fw].get(rel, []):
                note = f" — {md(r.note)}" if r.note else ""
                when = dates_note(site, r.ref, here)
                out.append(f"- **{REFERENCE_RELATIONS[rel]}:** {clause_link(site, r.ref, here)}{when}{note}")
    return "\n\n".join(out[:1] + ["\n".join(x) if isinstance(x, list) else x for x in out[1:]])


def _related(site: Site, t: Term, here: str) -> str:
    out = kg.outgoing(site.graph, t.id, "term")
    return _grouped_terms(site, "## Related terms", out, here)


def _referenced_by(site: Site, t: Term, here: str) -> str:
    back = kg.term_backlinks(site.graph, t.id)
    body = _grouped_terms(site, "## Referenced by", back, here, level="###")
    guides = site.guides_citing(t.id)
    if guides:
        lines = [f"- [{md(g.title)}]({paths.rel(here, paths.decision(g.id))})" for g in guides]
        body = (body or "## Referenced by") + "\n\n### Decision guides\n\n" + "\n".join(lines)
    return body


def _grouped_terms(site, heading: str, groups, here: str, level: str = "###") -> str:
    if not groups:
        return ""
    out = [heading]
    for rel in TERM_RELATION_LABELS:
        links = groups.get(rel)
        if not links:
            continue
        items = sorted(links, key=lambda x: site.kb.terms[x.node].term.casefold())
        lines = [f"- {term_link(site, x.node, here)}" + (f" — {md(x.note)}" if x.note else "") for x in items]
        out.append(f"{level} {TERM_RELATION_LABELS[rel]}\n\n" + "\n".join(lines))
    return "\n\n".join(out)


def _sources(t: Term) -> str:
    lines = []
    for s in t.sources:
        title = f"[{md(s.title)}]({href(s.url)})" if s.url else md(s.title)
        extra = ", ".join(md(x) for x in (s.document, s.locator) if x)
        lines.append(f"- {title}" + (f" — {extra}" if extra else ""))
    return "## Sources\n\n" + "\n".join(lines)


def _review(t: Term) -> str:
    who = f" by {esc(t.review.reviewer)}" if t.review.reviewer else ""
    return (
        f'<p class="kb-review kb-review--{attr(t.review.status)}"><strong>Review:</strong> '
        f"{esc(REVIEW_STATUSES[t.review.status])} · last reviewed {esc(t.review.last_reviewed)}"
        f"{who} · source file <code>{esc(t.path)}</code>. Explanations and notes are our interpretation of "
        "the cited clauses; each definition states what it rests on.</p>"
    )
