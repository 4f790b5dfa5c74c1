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
from .term import term_link
from .text import esc, md


def _initial(name: str) -> str:
    first = name.strip()[:1].upper()
    return first if first.isalpha() else "#"


def glossary_index(site: Site, here: str = paths.GLOSSARY_INDEX) -> str:
    """A-Z list of every term (acronyms listed too, pointing to their term), then by category."""
    entries: list[tuple[str, str, str | None]] = []
    for t in site.kb.terms.values():
        entries.append((t.term, t.id, None))
        entries += [(a, t.id, t.term) for a in t.acronyms]
    by_letter: dict[str, list] = defaultdict(list)
    for name, tid, see in sorted(entries, key=lambda e: e[0].casefold()):
        by_letter[_initial(name)].append((name, tid, see))
    letters = sorted(by_letter)
    nav = " · ".join(f"[{x}](#letter-{x.lower() if x != '#' else 'other'})" for x in letters)
    out = [f"**{len(site.kb.terms)} terms.** Jump to: {nav}"]
    for letter in letters:
        anchor = letter.lower() if letter != "#" else "other"
        out.append(f"## {letter} {{#letter-{anchor}}}")
        lines = []
        for name, tid, see in by_letter[letter]:
            t = site.kb.terms[tid]
            link = f"[{md(name)}]({paths.rel(here, paths.term(tid))})"
            if see:
                lines.append(f"- {link} → *see* {md(see)}")
            else:
                lines.append(f"- {link} — *{md(CATEGORIES[t.category])}* — {md(t.summary)}")
        out.append("\n".join(lines))
    out.append("## By category")
    for cat, label in CATEGORIES.items():
        members = sorted(
            (t for t in site.kb.terms.values() if t.category == cat), key=lambda t: t.term.casefold()
        )
        if members:
            out.append(
                f"### {md(label)} {{#category-{cat}}}\n\n"
                + "\n".join(f"- {term_link(site, t.id, here)}" for t in members)
            )
        else:
            out.append(f"### {md(label)} {{#category-{cat}}}\n\nNo terms yet.")
    return "\n\n".join(out)


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


def compel_matrix(site: Site, here: str = paths.COMPEL_MATRIX) -> str:
    """Stages (rows) by pillars (columns); each cell lists the terms tagged with both."""
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in sorted(site.kb.terms.values(), key=lambda t: t.term.casefold()):
        for s in t.compel.stages:
            for p in t.compel.pillars:
                cells[(s, p)].append(t.id)

    def head(ref: str) -> str:
        c = site.kb.clauses.get(ref)
        return f"[{md(c.title)}]({paths.rel(here, paths.clause(ref))})" if c else md(ref)

    rows = ["| Stage \\ Pillar | " + " | ".join(head(f"compel:{p}") for p in COMPEL_PILLARS) + " |"]
    rows.append("|---" * (len(COMPEL_PILLARS) + 1) + "|")
    for s in COMPEL_STAGES:
        cols = []
        for p in COMPEL_PILLARS:
            ids = cells.get((s, p), [])
            cols.append(
                "<br>".join(f"[{md(site.kb.terms[i].term)}]({paths.rel(here, paths.term(i))})" for i in ids)
                or "—"
            )
        rows.append(f"| **{head(f'compel:{s}')}** | " + " | ".join(cols) + " |")
    return "\n".join(rows)


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
