"""Crosswalk views: one page per framework pair (coverage, gaps, every row) and "In other frameworks"."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise

from ..mappings import Coverage, coverage
from ..model import Clause, Crosswalk, Mapping
from ..site import Site
from ..vocab import FRAMEWORKS, MAPPING_METHODS, MAPPING_RATIONALES, MAPPING_RELATIONS, MAPPING_STATUSES
from . import paths
from .markup import Block, Here, heading, items, link, text
from .text import attr, esc, href, md, prose

_STATUS_CLASS = {"covered": "full", "partly covered": "part", "not covered": "none"}


def clause_ref_link(site: Site, ref: str, here: str, title: bool = True) -> str:
    """``[GOVERN 1.1 — title](...)`` for a clause reference."""
    c = site.kb.clauses[ref]
    label = f"{md(c.code)} — {md(c.title)}" if title else md(c.code)
    return f"[{label}]({paths.rel(here, paths.clause(ref))})"


def _provenance(m: Mapping) -> str:
    p = m.provenance
    who = text(p.author) + (f", reviewed by {text(p.reviewer)}" if p.reviewer else "")
    return f"{text(MAPPING_STATUSES[p.status])} · {text(MAPPING_METHODS[p.method])} ({who}) · {text(p.date)}"


def _clause_link(site: Site, ref: str, here: Here, title: bool = True) -> str:
    c = site.kb.clauses[ref]
    label = f"{text(c.code)} — {text(c.title)}" if title else text(c.code)
    return link(here.to(paths.clause(ref)), label)


def _row_item(site: Site, m: Mapping, here: Here) -> str:
    bits = [
        f"<strong>{text(MAPPING_RELATIONS[m.relation])}</strong> {_clause_link(site, m.target, here)}",
        f"strength {m.strength}/10",
        text(MAPPING_RATIONALES[m.rationale].split(":")[0].lower()),
    ]
    line = " · ".join(bits)
    detail = text(m.justification)
    if m.inferred:
        via = ", ".join(_clause_link(site, v, here, title=False) for v in m.via)
        line += f" · <em>inferred through {via}</em>"
        detail = _path_sentence(site, m)
    if m.basis:
        detail += f" <em>Also linked in: {text(m.basis)}.</em>"
    return f"{line}<br>\n{detail}<br>\n<small>{_provenance(m)}</small>"


def _path_sentence(site: Site, m: Mapping) -> str:
    """How an inferred mapping was composed, in clause codes: each link and the weakest strength."""
    steps = [m.source, *m.via, m.target]
    links = []
    for a, b in pairwise(steps):
        r = next((x for x in site.mappings.of(a) if x.target == b and not x.inferred), None)
        if r is not None:
            links.append(
                f"{text(site.kb.clauses[a].code)} {text(MAPPING_RELATIONS[r.relation].lower())} "
                f"{text(site.kb.clauses[b].code)} (strength {r.strength})"
            )
    return "Composed from " + ", then ".join(links) + f"; the weaker link decides (strength {m.strength})."


def in_other_frameworks(site: Site, ref: str, here: Here) -> list[Block]:
    """A clause page's "In other frameworks" as blocks: direct, then inferred, by framework and relation."""
    rows = site.mappings.of(ref)
    if not rows:
        return []
    out = [heading(2, "In other frameworks")]
    if any(m.provenance.status == "draft" for m in rows):
        how = link(here.to(paths.CROSSWALKS_INDEX), "How the crosswalks work")
        out.append(
            Block(
                '<div class="kb-draft-note">\n<p>Some of these mappings are drafts made by an automated '
                "assistant and not yet reviewed by a person; read each justification before relying on one. "
                f"{how}.</p>\n</div>"
            )
        )
    for inferred in (False, True):
        chosen = [m for m in rows if m.inferred == inferred]
        if not chosen:
            continue
        if inferred:
            out.append(heading(3, "Inferred through another framework"))
        by_fw: dict[str, list[Mapping]] = defaultdict(list)
        for m in chosen:
            by_fw[m.target_framework].append(m)
        for fw in FRAMEWORKS:
            if fw in by_fw:
                out.append(heading(4 if inferred else 3, md(FRAMEWORKS[fw])))
                out.append(items(_row_item(site, m, here) for m in sorted(by_fw[fw], key=_order)))
    return out


def _order(m: Mapping) -> tuple:
    return (list(MAPPING_RELATIONS).index(m.relation), -m.strength, m.target)


def _group(site: Site, ref: str) -> Clause:
    anc = site.kb.ancestors(ref)
    return anc[0] if anc else site.kb.clauses[ref]


def _coverage_table(site: Site, rows: list[Coverage], here: str, key: str) -> str:
    groups: dict[str, list[Coverage]] = defaultdict(list)
    for r in rows:
        groups[_group(site, r.ref).ref].append(r)
    options = "".join(
        f'<option value="{attr(g)}">{esc(site.kb.clauses[g].code)} — {esc(site.kb.clauses[g].title)}</option>'
        for g in groups
    )
    out = [
        f'<p class="kb-filter" hidden><label>Show <select data-kb-filter="{attr(key)}">'
        f'<option value="">all groups</option>{options}</select></label></p>'
    ]
    for g, members in groups.items():
        c = site.kb.clauses[g]
        counts = Counter(r.status for r in members)
        summary = ", ".join(
            f"{counts[s]} {s}" for s in ("covered", "partly covered", "not covered") if counts[s]
        )
        lines = ["| Clause | Status | Addressed by |", "|---|---|---|"]
        for r in members:
            by = "<br>".join(
                f"{clause_ref_link(site, m.source, here, title=False)} "
                f"({md(MAPPING_RELATIONS[m.relation].lower())}, {m.strength}/10"
                + (", inferred" if m.inferred else "")
                + ")"
                for m in r.by
            )
            status = f'<span class="kb-cov kb-cov--{_STATUS_CLASS[r.status]}">{r.status}</span>'
            lines.append(f"| {clause_ref_link(site, r.ref, here)} | {status} | {by or '—'} |")
        out.append(
            f'<div class="kb-cov-group" data-kb-group="{attr(key)}:{attr(g)}" markdown="1">\n\n'
            f"#### {md(c.code)} — {md(c.title)}\n\n{summary}.\n\n" + "\n".join(lines) + "\n\n</div>"
        )
    return "\n\n".join(out)


def _counts_line(rows: list[Coverage]) -> str:
    counts = Counter(r.status for r in rows)
    return (
        f"**{counts['covered']}** covered, **{counts['partly covered']}** partly covered, "
        f"**{counts['not covered']}** not covered, of {_plural(len(rows), 'clause')}."
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def crosswalk_page(site: Site, crosswalk_id: str) -> str:
    """Markdown for ``crosswalks/<id>.md``: what the pair covers, where the gaps are, every row."""
    cw = site.kb.crosswalks[crosswalk_id]
    here = paths.crosswalk(cw.id)
    src, tgt = FRAMEWORKS[cw.source], FRAMEWORKS[cw.target]
    relations = Counter(m.relation for m in cw.mappings)
    parts = [
        f"# {md(cw.title)}",
        _status_note(cw),
        prose(cw.intro),
        f"**{_plural(len(cw.mappings), 'direct mapping')}** from {md(src)} to {md(tgt)}: "
        + ", ".join(f"{n} {md(MAPPING_RELATIONS[r].lower())}" for r, n in relations.most_common())
        + ". Downloads (all pairs): "
        + " · ".join(
            f"[{label}]({paths.rel(here, paths.EXPORTS[k])})"
            for k, label in (("csv", "CSV"), ("sssom", "SSSOM TSV"), ("oscal", "OSCAL mapping JSON"))
        ),
        _basis(cw),
        *_coverage_sections(site, cw, here),
        "## Every mapping",
        _all_rows(site, cw, here),
    ]
    return "\n\n".join(p for p in parts if p)


def _coverage_sections(site: Site, cw: Crosswalk, here: str) -> list[str]:
    """Both directions; the binding framework's coverage first (the question reviewers ask)."""
    src, tgt = FRAMEWORKS[cw.source], FRAMEWORKS[cw.target]
    forward = coverage(site.kb, site.mappings, cw.target, cw.source, inferred=True)
    scope = {m.source for m in cw.mappings}
    backward = coverage(site.kb, site.mappings, cw.source, cw.target, scope=scope, inferred=True)
    full = [
        f"## How {md(src)} covers {md(tgt)}",
        _COVERAGE_NOTE,
        _counts_line(forward),
        "### Gaps",
        _gaps(site, forward, here),
        "### By group",
        _coverage_table(site, forward, here, "forward"),
    ]
    scoped = [
        f"## How {md(tgt)} covers the {md(src)} clauses mapped here",
        f"Only the {len(scope)} {md(src)} clauses this crosswalk maps are listed; clauses it leaves out are "
        "outside its scope, not gaps.",
        _counts_line(backward),
        _coverage_table(site, backward, here, "backward"),
    ]
    source_binding = site.kb.frameworks[cw.source].binding if cw.source in site.kb.frameworks else False
    return scoped + full if source_binding else full + scoped


_COVERAGE_NOTE = (
    "A clause is *covered* when a mapped clause is equal to it or contains it (`equal`, `superset-of`), "
    "*partly covered* when they overlap or the mapped clause is narrower (`intersects-with`, `subset-of`). "
    "Coverage is a reading aid for a review, never evidence of conformity; inferred mappings count and are "
    "marked."
)


def _status_note(cw: Crosswalk) -> str:
    draft = sum(1 for m in cw.mappings if m.provenance.status == "draft")
    if not draft:
        return ""
    return (
        f'<p class="kb-draft-note"><strong>Draft.</strong> {draft} of {_plural(len(cw.mappings), "row")} '
        "not reviewed by a person: drafted by an automated assistant from the two frameworks' texts as "
        "summarised in this knowledge base. Check the official texts before relying on a row.</p>"
    )


def _basis(cw: Crosswalk) -> str:
    if not cw.basis:
        return ""
    lines = [f"- [{md(b.title)}]({href(b.url)})" if b.url else f"- {md(b.title)}" for b in cw.basis]
    return (
        "**Public documents that link pairs of these frameworks** (cited where a row links the same pair; "
        "no text is copied):\n\n" + "\n".join(lines)
    )


def _gaps(site: Site, rows: list[Coverage], here: str) -> str:
    gaps = [r for r in rows if r.status == "not covered"]
    if not gaps:
        return "No clause is left without a mapping."
    return "\n".join(f"- {clause_ref_link(site, r.ref, here)}" for r in gaps)


def _all_rows(site: Site, cw: Crosswalk, here: str) -> str:
    lines = [
        "| Source | Relationship | Target | Strength | Rationale | Justification | Status |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in cw.mappings:
        lines.append(
            f"| {clause_ref_link(site, m.source, here, title=False)} | {md(MAPPING_RELATIONS[m.relation])} | "
            f"{clause_ref_link(site, m.target, here, title=False)} | {m.strength} | {md(m.rationale)} | "
            f"{md(m.justification)} | {md(m.provenance.status)} |"
        )
    return "\n".join(lines)


def _draft_banner(site: Site) -> str:
    rows = [m for cw in site.kb.crosswalks.values() for m in cw.mappings]
    draft = sum(1 for m in rows if m.provenance.status == "draft")
    if not draft:
        return ""
    return (
        f'<p class="kb-draft-note"><strong>{draft} of {len(rows)} rows are drafts.</strong> They were '
        "drafted by an automated assistant and have not yet been reviewed by a person.</p>"
    )


def crosswalks_index(site: Site, here: str = paths.CROSSWALKS_INDEX) -> str:
    """Markdown for ``crosswalks/index.md``: the pairs, how to read them, how inference works."""
    rows = ["| Pair | Direct mappings | Reviewed |", "|---|---|---|"]
    for cw in site.kb.crosswalks.values():
        reviewed = sum(1 for m in cw.mappings if m.provenance.status == "reviewed")
        link = f"[{md(cw.title)}]({paths.rel(here, paths.crosswalk(cw.id))})"
        rows.append(f"| {link} | {len(cw.mappings)} | {reviewed} |")
    n_inf = len(site.mappings.inferred)
    if not site.kb.crosswalks:
        return "# Framework crosswalks\n\nNo crosswalks yet: see `frameworks/crosswalks/README.md`."
    return "\n\n".join(
        [
            "# Framework crosswalks",
            "Typed, clause-to-clause mappings between the EU AI Act, ISO/IEC 42001 and the NIST AI RMF. Each "
            "row says how a source clause relates to a target clause, using the set-theory relationships of "
            "NIST IR 8477, why (syntactic, semantic or functional), how strongly (1 to 10), and who made it. "
            "Every clause page shows its mappings under *In other frameworks*.",
            _draft_banner(site),
            "\n".join(rows),
            "## Reading a row",
            "\n".join(f"- **{md(label)}** (`{key}`)" for key, label in MAPPING_RELATIONS.items()),
            "Rows are read from source to target; each is also shown from the other side with the inverse "
            "relationship (`subset-of` becomes `superset-of`).",
            "## Inferred mappings",
            f"Where two rows share a pivot clause in a third framework, a mapping is inferred only when set "
            f"theory decides it: `equal` passes the other relationship through; `subset-of` then `subset-of` "
            f"gives `subset-of`; `superset-of` then `superset-of` gives `superset-of`; `superset-of` then "
            f"`subset-of`, `intersects-with` then `subset-of`, and `superset-of` then `intersects-with` give "
            f"`intersects-with`. Any other combination, anything through `not-related`, and anything missing "
            f"infers nothing; a direct row always wins. The weaker link's strength is kept. This build "
            f"infers {n_inf} mapping{'s' if n_inf != 1 else ''}, each shown with its path.",
            "## Downloads",
            "\n".join(
                f"- [{label}]({paths.rel(here, paths.EXPORTS[key])}) ({what})"
                for key, label, what in (
                    ("csv", "CSV", "STRM-style columns"),
                    ("sssom", "SSSOM TSV", "SKOS predicates"),
                    ("oscal", "OSCAL mapping JSON", "OSCAL 1.2 mapping collection"),
                )
            ),
        ]
    )
