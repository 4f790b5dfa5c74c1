"""Clause pages (every article, subcategory, control, stage...) and framework trees."""

from __future__ import annotations

from ..model import Clause
from ..site import Site
from . import paths
from .crosswalk import in_other_frameworks
from .term import term_link
from .text import esc, href, md, prose
from .timeline import clause_dates

_BACKLINK_HEADINGS = {
    "defined-in": "Terms defined here",
    "obligation-in": "Terms with obligations here",
    "addressed-by": "Terms this clause addresses",
    "related-to": "Related terms",
    "applied-in-stage": "Terms applied in this stage",
    "belongs-to-pillar": "Terms in this pillar",
}


def heading(c: Clause) -> str:
    """Page title text of a clause: ``Art. 25 — Responsibilities ...``."""
    return c.title if c.code.casefold() == c.title.casefold() else f"{c.code} — {c.title}"


def clause_page(site: Site, ref: str, graph: str = "") -> str:
    """Markdown for ``frameworks/<fw>/<id>.md``; ``graph`` is its concept-graph section, if any."""
    c = site.kb.clauses[ref]
    here = paths.clause(ref)
    fw = site.kb.frameworks.get(c.framework)
    parts = [
        _breadcrumbs(site, c, here),
        f"# {md(heading(c))}",
        f"**Framework:** [{md(c.framework_name)}]({paths.rel(here, paths.framework(c.framework))})"
        f" · **Kind:** {md(c.kind)} · **Code:** `{esc(c.code)}` · **Reference:** `{ref}`",
        f'<p class="kb-summary">{esc(c.summary)}</p>',
        prose(c.details) if c.details else "",
        clause_dates(site, ref, here),
        _children(site, c, here),
        in_other_frameworks(site, ref, here),
        _backlinks(site, ref, here),
        _guides(site, ref, here),
        graph,
        f"[Official text of {md(fw.name)}]({href(fw.url)})" if fw else "",
    ]
    return "\n\n".join(p for p in parts if p)


def _breadcrumbs(site: Site, c: Clause, here: str) -> str:
    crumbs = [f"[{md(c.framework_name)}]({paths.rel(here, paths.framework(c.framework))})"]
    crumbs += [f"[{md(a.code)}]({paths.rel(here, paths.clause(a.ref))})" for a in site.kb.ancestors(c.ref)]
    crumbs.append(md(c.code))
    return (
        '<nav class="kb-breadcrumbs" aria-label="Breadcrumbs" markdown="1">\n'
        + " › ".join(crumbs)
        + "\n</nav>"
    )


def _children(site: Site, c: Clause, here: str) -> str:
    kids = site.kb.children_of(c.ref)
    if not kids:
        return ""
    lines = [f"- [{md(k.code)} — {md(k.title)}]({paths.rel(here, paths.clause(k.ref))})" for k in kids]
    return "## Contents\n\n" + "\n".join(lines)


def _backlinks(site: Site, ref: str, here: str) -> str:
    from .. import graph as kg

    groups = kg.incoming(site.graph, ref, "term")
    out = []
    for rel, title in _BACKLINK_HEADINGS.items():
        links = sorted(groups.get(rel, []), key=lambda x: site.kb.terms[x.node].term.casefold())
        if links:
            lines = [
                f"- {term_link(site, x.node, here)}" + (f" — {md(x.note)}" if x.note else "") for x in links
            ]
            out.append(f"### {title}\n\n" + "\n".join(lines))
    if not out:
        return "## Terms that reference this\n\nNo glossary term references this item yet."
    return "## Terms that reference this\n\n" + "\n\n".join(out)


def _guides(site: Site, ref: str, here: str) -> str:
    guides = site.guides_citing(ref)
    if not guides:
        return ""
    lines = [f"- [{md(g.title)}]({paths.rel(here, paths.decision(g.id))})" for g in guides]
    return "## Decision guides\n\n" + "\n".join(lines)


def framework_page(site: Site, framework_id: str) -> str:
    """Markdown for ``frameworks/<fw>/index.md``: metadata, summary and the item tree."""
    fw = site.kb.frameworks[framework_id]
    here = paths.framework(framework_id)
    items = [c for c in site.kb.clauses.values() if c.framework == framework_id]
    counts: dict[str, int] = {}
    for c in items:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    count_line = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items())
    meta = (
        f"**Full title:** {md(fw.full_title)} · **Version:** {md(fw.version)} · "
        f"**Publisher:** {md(fw.publisher)} · **Published:** {md(fw.published)} · "
        f"**Binding:** {'yes' if fw.binding else 'no'} ({md(fw.jurisdiction)}) · "
        f"[Official source]({href(fw.url)})"
    )
    parts = [
        f"# {md(fw.name)}",
        meta,
        f'<p class="kb-summary">{esc(fw.summary)}</p>',
        f"**In this catalog:** {count_line}."
        + (
            f" Every application date, current and superseded: [{md(site.kb.timelines[framework_id].title)}]"
            f"({paths.rel(here, paths.timeline(framework_id))})."
            if framework_id in site.kb.timelines
            else ""
        ),
        "## Contents",
        _tree(site, site.kb.framework_roots(framework_id), here),
    ]
    if fw.notes:
        parts += ["## Notes on sources", prose(fw.notes)]
    return "\n\n".join(parts)


def _tree(site: Site, nodes: list[Clause], here: str, depth: int = 0) -> str:
    lines = []
    for c in nodes:
        pad = "    " * depth
        lines.append(f"{pad}- [{md(c.code)} — {md(c.title)}]({paths.rel(here, paths.clause(c.ref))})")
        kids = site.kb.children_of(c.ref)
        if kids:
            lines.append(_tree(site, kids, here, depth + 1))
    return "\n".join(lines)
