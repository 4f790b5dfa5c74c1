"""Clause pages (every article, subcategory, control, stage...) and framework trees.

A clause page is written as :class:`~.markup.Block` s, like a term page: its
lists of citing terms grow with the glossary. Framework trees stay Markdown.
"""

from __future__ import annotations

from ..model import Clause
from ..site import Site
from . import paths
from .crosswalk import in_other_frameworks
from .markup import Block, Here, items, join, link, para, text
from .markup import heading as md_heading
from .term import term_html_link
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


def clause_page(site: Site, ref: str, graph=(), directory_urls: bool = True) -> str:
    """Markdown for ``frameworks/<fw>/<id>.md``; ``graph`` holds its concept-graph blocks, if any."""
    return join(clause_blocks(site, ref, graph, directory_urls))


def clause_blocks(site: Site, ref: str, graph=(), directory_urls: bool = True) -> list[Block]:
    """The page as blocks (one page per clause, so its lists of terms are finished HTML).

    Every part is finished HTML but the headings, so no page of a clause needs Python-Markdown.
    """
    c = site.kb.clauses[ref]
    here = Here(paths.clause(ref), directory_urls)
    fw = site.kb.frameworks.get(c.framework)
    fw_link = link(here.to(paths.framework(c.framework)), text(c.framework_name))
    return [
        _breadcrumbs(site, c, here),
        md_heading(1, md(heading(c))),
        para(
            f"<strong>Framework:</strong> {fw_link} · <strong>Kind:</strong> {text(c.kind)} · "
            f"<strong>Code:</strong> <code>{esc(c.code)}</code> · "
            f"<strong>Reference:</strong> <code>{esc(ref)}</code>"
        ),
        para(esc(c.summary), "kb-summary"),
        Block(prose(c.details) if c.details else ""),
        *clause_dates(site, ref, here),
        *_children(site, c, here),
        *in_other_frameworks(site, ref, here),
        *_backlinks(site, ref, here),
        *_guides(site, ref, here),
        *graph,
        para(link(href(fw.url), f"Official text of {text(fw.name)}")) if fw else Block(""),
    ]


def _breadcrumbs(site: Site, c: Clause, here: Here) -> Block:
    crumbs = [link(here.to(paths.framework(c.framework)), text(c.framework_name))]
    crumbs += [link(here.to(paths.clause(a.ref)), text(a.code)) for a in site.kb.ancestors(c.ref)]
    crumbs.append(text(c.code))
    return Block(
        '<nav class="kb-breadcrumbs" aria-label="Breadcrumbs">\n<p>' + " › ".join(crumbs) + "</p>\n</nav>"
    )


def _children(site: Site, c: Clause, here: Here) -> list[Block]:
    kids = site.kb.children_of(c.ref)
    if not kids:
        return []
    lines = [link(here.to(paths.clause(k.ref)), f"{text(k.code)} — {text(k.title)}") for k in kids]
    return [md_heading(2, "Contents"), items(lines)]


def _backlinks(site: Site, ref: str, here: Here) -> list[Block]:
    from .. import graph as kg

    groups = kg.incoming(site.graph, ref, "term")
    out: list[Block] = []
    for rel, title in _BACKLINK_HEADINGS.items():
        found = sorted(groups.get(rel, []), key=lambda x: site.kb.terms[x.node].term.casefold())
        if found:
            lines = [
                term_html_link(site, x.node, here) + (f" — {text(x.note)}" if x.note else "") for x in found
            ]
            out += [md_heading(3, title), items(lines)]
    if not out:
        return [
            md_heading(2, "Terms that reference this"),
            para("No glossary term references this item yet."),
        ]
    return [md_heading(2, "Terms that reference this"), *out]


def _guides(site: Site, ref: str, here: Here) -> list[Block]:
    guides = site.guides_citing(ref)
    if not guides:
        return []
    lines = [link(here.to(paths.decision(g.id)), text(g.title)) for g in guides]
    return [md_heading(2, "Decision guides"), items(lines)]


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
