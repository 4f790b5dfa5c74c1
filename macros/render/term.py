"""The glossary term page: everything the seed glossary page shows, and more.

A term page is written as :class:`~.markup.Block` s (finished HTML between
Markdown headings): there is one per term, so its cost is the build's cost.
The Markdown link helpers at the end serve the other pages that list terms.
"""

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
from .markup import Block, Here, heading, items, join, link, para, text
from .text import attr, esc, href, md, prose
from .timeline import applies_from


def term_page(site: Site, term_id: str, graph=(), directory_urls: bool = True) -> str:
    """Markdown for ``glossary/<term_id>.md``; ``graph`` holds its concept-graph blocks, if any."""
    return join(term_blocks(site, term_id, graph, directory_urls))


def term_blocks(site: Site, term_id: str, graph=(), directory_urls: bool = True) -> list[Block]:
    """The page as blocks; ``graph`` is its concept-graph section (blocks), if any."""
    t = site.kb.terms[term_id]
    here = Here(paths.term(t.id), directory_urls)
    return [
        heading(1, md(t.term)),
        _meta_line(t, here),
        para(esc(t.summary), "kb-summary"),
        heading(2, "Explanation"),
        Block(prose(t.explanation)),
        heading(2, "Why it matters"),
        Block(prose(t.why_it_matters)),
        *_compel(site, t, here),
        *_definitions(t, here),
        *_references(site, t, here),
        *_related(site, t, here),
        *_referenced_by(site, t, here),
        *graph,
        *_sources(t),
        _review(t),
    ]


def _meta_line(t: Term, here: Here) -> Block:
    cat = link(here.to(paths.GLOSSARY_INDEX, "category-" + t.category), text(CATEGORIES[t.category]))
    bits = [f"<strong>Category:</strong> {cat}"]
    if t.acronyms:
        bits.append("<strong>Acronyms:</strong> " + ", ".join(text(a) for a in t.acronyms))
    if t.aliases:
        bits.append("<strong>Also known as:</strong> " + ", ".join(text(a) for a in t.aliases))
    return para(" · ".join(bits))


def _clause_link(site: Site, ref: str, here: Here) -> str:
    c = site.kb.clauses[ref]
    return link(here.to(paths.clause(ref)), f"{text(c.code)} — {text(c.title)}")


def term_html_link(site: Site, term_id: str, here: Here) -> str:
    """``<a href=... title=summary>Term</a>`` for a term id."""
    t = site.kb.terms[term_id]
    return link(here.to(paths.term(term_id)), text(t.term), t.summary)


def _compel(site: Site, t: Term, here: Here) -> list[Block]:
    def links(ids):
        refs = (site.kb.clauses[f"compel:{i}"] for i in ids)
        return ", ".join(link(here.to(paths.clause(c.ref)), text(c.code), c.title) for c in refs)

    return [
        heading(2, "COMPEL usage"),
        para(
            f"<strong>Pillars:</strong> {links(t.compel.pillars)} · "
            f"<strong>Stages:</strong> {links(t.compel.stages)}"
        ),
        Block(prose(t.compel.usage)),
    ]


_DEFINITION_HEAD = "".join(
    f"<th>{h}</th>\n"
    for h in ("Source", "Where", "Definition (paraphrased)", "Jurisdiction", "Binding", "Source status")
)


def _definitions(t: Term, here: Here) -> list[Block]:
    if not t.definitions:
        return []
    rows = []
    for d in t.definitions:
        where = text(d.locator)
        if d.ref:
            where = link(here.to(paths.clause(d.ref)), where)
        status = text(SOURCE_STATUSES[d.status]) if d.status else "Not stated"
        cells = (
            text(d.source),
            where,
            text(d.paraphrase),
            text(d.jurisdiction),
            "Yes" if d.binding else "No",
            status,
        )
        rows.append("<tr>\n" + "".join(f"<td>{c}</td>\n" for c in cells) + "</tr>\n")
    head = f"<thead>\n<tr>\n{_DEFINITION_HEAD}</tr>\n</thead>"
    table = f"<table>\n{head}\n<tbody>\n{''.join(rows)}</tbody>\n</table>"
    out = [heading(2, "Definitions in the frameworks"), Block(table)]
    if t.definitions_note:
        out += [para("<strong>How the definitions differ:</strong>"), Block(prose(t.definitions_note))]
    return out


def _references(site: Site, t: Term, here: Here) -> list[Block]:
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in t.references:
        grouped[r.framework][r.relation].append(r)
    out = [heading(2, "Framework references")]
    for fw in FRAMEWORKS:
        if fw not in grouped:
            continue
        lines = []
        for rel in REFERENCE_RELATIONS:
            for r in grouped[fw].get(rel, []):
                note = f" — {text(r.note)}" if r.note else ""
                days = applies_from(site, r.ref)
                when = f" · {link(here.to(paths.clause(r.ref), 'application-dates'), days)}" if days else ""
                label = REFERENCE_RELATIONS[rel]
                lines.append(f"<strong>{label}:</strong> {_clause_link(site, r.ref, here)}{when}{note}")
        out += [heading(3, md(FRAMEWORKS[fw])), items(lines)]
    return out


def _related(site: Site, t: Term, here: Here) -> list[Block]:
    out = kg.outgoing(site.graph, t.id, "term")
    return _grouped_terms(site, "Related terms", out, here)


def _referenced_by(site: Site, t: Term, here: Here) -> list[Block]:
    back = kg.term_backlinks(site.graph, t.id)
    blocks = _grouped_terms(site, "Referenced by", back, here)
    guides = site.guides_citing(t.id)
    if guides:
        lines = [link(here.to(paths.decision(g.id)), text(g.title)) for g in guides]
        blocks = (blocks or [heading(2, "Referenced by")]) + [heading(3, "Decision guides"), items(lines)]
    return blocks


def grouped_term_blocks(site: Site, groups, here: Here) -> list[Block]:
    """One ``###`` heading and list of term links per relation, in vocabulary order."""
    out: list[Block] = []
    for rel in TERM_RELATION_LABELS:
        found = groups.get(rel)
        if not found:
            continue
        ordered = sorted(found, key=lambda x: site.kb.terms[x.node].term.casefold())
        lines = [
            term_html_link(site, x.node, here) + (f" — {text(x.note)}" if x.note else "") for x in ordered
        ]
        out += [heading(3, TERM_RELATION_LABELS[rel]), items(lines)]
    return out


def _grouped_terms(site, title: str, groups, here: Here) -> list[Block]:
    if not groups:
        return []
    return [heading(2, title), *grouped_term_blocks(site, groups, here)]


def _sources(t: Term) -> list[Block]:
    lines = []
    for s in t.sources:
        title = link(href(s.url), text(s.title)) if s.url else text(s.title)
        extra = ", ".join(text(x) for x in (s.document, s.locator) if x)
        lines.append(title + (f" — {extra}" if extra else ""))
    return [heading(2, "Sources"), items(lines)]


def _review(t: Term) -> Block:
    who = f" by {esc(t.review.reviewer)}" if t.review.reviewer else ""
    return Block(
        f'<p class="kb-review kb-review--{attr(t.review.status)}"><strong>Review:</strong> '
        f"{esc(REVIEW_STATUSES[t.review.status])} · last reviewed {esc(t.review.last_reviewed)}"
        f"{who} · source file <code>{esc(t.path)}</code>. Explanations and notes are our interpretation of "
        "the cited clauses; each definition states what it rests on.</p>"
    )


# Markdown links, for the pages that stay Markdown (indexes, guides, the spectrum).


def clause_link(site: Site, ref: str, here: str) -> str:
    """``[Art. 25 — Responsibilities ...](...)`` for a clause reference."""
    c = site.kb.clauses[ref]
    return f"[{md(c.code)} — {md(c.title)}]({paths.rel(here, paths.clause(ref))})"


def term_link(site: Site, term_id: str, here: str) -> str:
    """``[Term](...)`` for a term id, with its summary as the link title."""
    t = site.kb.terms[term_id]
    return f'[{md(t.term)}]({paths.rel(here, paths.term(term_id))} "{attr(t.summary)}")'


def clause_link_short(site: Site, ref: str, here: str) -> str:
    """``[Art. 25](...)``: the clause code only, title as link title."""
    c = site.kb.clauses[ref]
    return f'[{md(c.code)}]({paths.rel(here, paths.clause(ref))} "{attr(c.title)}")'
