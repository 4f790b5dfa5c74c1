"""Index pages: glossary A-Z, frameworks overview, COMPEL matrix, vocabularies."""

from __future__ import annotations

from collections import defaultdict

from ..site import Site
from ..vocab import (
    CATEGORIES,
    COMPEL_PILLARS,
    COMPEL_STAGES,
    FRAMEWORKS,
    REFERENCE_RELATIONS,
    TERM_RELATIONS,
)
from . import paths
from .markup import Block, Here, items, join, link, md_block, para, text
from .term import term_html_link
from .text import esc, md


def _initial(name: str) -> str:
    first = name.strip()[:1].upper()
    return first if first.isalpha() else "#"


def glossary_index(site: Site, here: str = paths.GLOSSARY_INDEX, directory_urls: bool = True) -> str:
    """A-Z list of every term (acronyms listed too, pointing to their term), then by category."""
    return join(glossary_index_blocks(site, here, directory_urls))


def glossary_index_blocks(
    site: Site, here: str = paths.GLOSSARY_INDEX, directory_urls: bool = True
) -> list[Block]:
    """:func:`glossary_index` as blocks.

    The lists are finished HTML between Markdown headings (see :mod:`.markup`): they hold every
    term, and Python-Markdown's inline parsing of thousands of links was most of this page's cost.
    """
    at = Here(here, directory_urls)
    entries: list[tuple[str, str, str | None]] = []
    for t in site.kb.terms.values():
        entries.append((t.term, t.id, None))
        entries += [(a, t.id, t.term) for a in t.acronyms]
    by_letter: dict[str, list] = defaultdict(list)
    for name, tid, see in sorted(entries, key=lambda e: e[0].casefold()):
        by_letter[_initial(name)].append((name, tid, see))
    letters = sorted(by_letter)
    jump = " · ".join(link(f"#letter-{x.lower() if x != '#' else 'other'}", x) for x in letters)
    out = [para(f"<strong>{len(site.kb.terms)} terms.</strong> Jump to: {jump}")]
    for letter in letters:
        anchor = letter.lower() if letter != "#" else "other"
        lines = []
        for name, tid, see in by_letter[letter]:
            t = site.kb.terms[tid]
            to = link(at.to(paths.term(tid)), text(name))
            if see:
                lines.append(f"{to} → <em>see</em> {text(see)}")
            else:
                lines.append(f"{to} — <em>{text(CATEGORIES[t.category])}</em> — {text(t.summary)}")
        out += [md_block(f"## {letter} {{#letter-{anchor}}}"), items(lines)]
    out.append(md_block("## By category"))
    for cat, label in CATEGORIES.items():
        members = sorted(
            (t for t in site.kb.terms.values() if t.category == cat), key=lambda t: t.term.casefold()
        )
        out.append(md_block(f"### {md(label)} {{#category-{cat}}}"))
        if members:
            out.append(items(term_html_link(site, t.id, at) for t in members))
        else:
            out.append(para("No terms yet."))
    return out


def frameworks_overview(site: Site, here: str = paths.FRAMEWORKS_INDEX) -> str:
    """Table of the frameworks with item counts, linking to each tree."""
    rows = ["| Framework | Publisher | Binding | Items | |", "|---|---|---|---|---|"]
    for fid in FRAMEWORKS:
        fw = site.kb.frameworks.get(fid)
        if not fw:
            continue
        counts: dict[str, int] = defaultdict(int)
        for c in site.kb.clauses.values():
            if c.framework == fid:
                counts[c.kind] += 1
        items = ", ".join(f"{n} {k}s" if n != 1 else f"1 {k}" for k, n in counts.items())
        rows.append(
            f"| [{md(fw.name)}]({paths.rel(here, paths.framework(fid))}) | {md(fw.publisher)} | "
            f"{'Yes' if fw.binding else 'No'} | {items} | {md(fw.summary)} |"
        )
    return "\n".join(rows)


def compel_matrix(site: Site, here: str = paths.COMPEL_MATRIX, directory_urls: bool = True) -> str:
    """Stages (rows) by pillars (columns); each cell lists the terms tagged with both (an HTML table)."""
    return join(compel_matrix_blocks(site, here, directory_urls))


def compel_matrix_blocks(
    site: Site, here: str = paths.COMPEL_MATRIX, directory_urls: bool = True
) -> list[Block]:
    """:func:`compel_matrix` as blocks (one: the table)."""
    at = Here(here, directory_urls)
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in sorted(site.kb.terms.values(), key=lambda t: t.term.casefold()):
        for s in t.compel.stages:
            for p in t.compel.pillars:
                cells[(s, p)].append(t.id)

    def head(ref: str) -> str:
        c = site.kb.clauses.get(ref)
        return link(at.to(paths.clause(ref)), text(c.title)) if c else text(ref)

    heads = "".join(
        f"<th>{x}</th>\n" for x in ["Stage \\ Pillar", *(head(f"compel:{p}") for p in COMPEL_PILLARS)]
    )
    rows = []
    for s in COMPEL_STAGES:
        cols = [f"<strong>{head(f'compel:{s}')}</strong>"]
        for p in COMPEL_PILLARS:
            ids = cells.get((s, p), [])
            terms = site.kb.terms
            cols.append("<br>".join(link(at.to(paths.term(i)), text(terms[i].term)) for i in ids) or "—")
        rows.append("<tr>\n" + "".join(f"<td>{c}</td>\n" for c in cols) + "</tr>\n")
    table = f"<table>\n<thead>\n<tr>\n{heads}</tr>\n</thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table>"
    return [Block(table)]


def vocabularies() -> str:
    """Tables of the controlled vocabularies (the same ones the validator enforces)."""

    def table(title: str, vocab: dict[str, str]) -> str:
        rows = [f"### {title}", "", "| Value | Meaning |", "|---|---|"]
        rows += [f"| `{k}` | {esc(v)} |" for k, v in vocab.items()]
        return "\n".join(rows)

    return "\n\n".join(
        [
            table("Categories", CATEGORIES),
            table("Term-to-clause relations", REFERENCE_RELATIONS),
            table("Term-to-term relations", TERM_RELATIONS),
            table("Frameworks", FRAMEWORKS),
        ]
    )
