"""What a change does to the knowledge base, as a Markdown summary for a pull request.

:func:`summarise` compares two loaded knowledge bases (a base and a head,
each a :class:`~.site.Site` plus the problems its data had) and says, in this
order: terms, clauses, crosswalk mappings and decision guides added, removed
or changed (naming the fields that changed); graph edges added and removed,
counted by relation; terms that became orphans; references that now dangle;
and coverage per crosswalk pair, before and after.

Everything here is a pure function of its arguments. Reading git refs is
:mod:`.gitref`'s job; ``scripts/kbdiff.py`` joins the two.

An item whose file fails the checks is left out of the model, so a broken
file would look like a removal; such items are listed apart ("not loaded at
head: its file has errors") rather than as removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from . import graph as kg
from .mappings import coverage
from .problems import Problem
from .site import Site

#: Statuses of :func:`macros.mappings.coverage`, in the order the summary shows them.
COVERAGE_STATUSES = ("covered", "partly covered", "not covered")

#: Problems that mean a reference points at nothing.
DANGLING = "does not exist"

#: Lists longer than this are folded into a ``<details>`` block.
FOLD_AFTER = 25

#: Fields that say where an item was read from, not what it says.
_LOCATION_FIELDS = {"path", "line"}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


@dataclass(frozen=True)
class Side:
    """One end of the comparison: a label (a git ref), its site and the problems its data had."""

    label: str
    site: Site
    problems: tuple[Problem, ...] = ()

    @property
    def broken_paths(self) -> set[str]:
        """Files with at least one problem (their items may be missing from the model)."""
        return {p.path for p in self.problems}


@dataclass(frozen=True)
class ItemChanges:
    """Items of one kind added, removed or changed, plus those hidden by errors on one side."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    unloaded_head: tuple[str, ...] = ()
    unloaded_base: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any((self.added, self.removed, self.changed, self.unloaded_head, self.unloaded_base))


def md(text: str) -> str:
    """Escape text from data for Markdown (backslash before every character Markdown treats specially)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def changed_fields(old: object, new: object, ignore: Iterable[str] = ()) -> tuple[str, ...]:
    """Names of the dataclass fields whose values differ, in declaration order."""
    skip = _LOCATION_FIELDS | set(ignore)
    return tuple(
        f.name for f in fields(old) if f.name not in skip and getattr(old, f.name) != getattr(new, f.name)
    )


def compare(
    old: dict[str, object],
    new: dict[str, object],
    base: Side,
    head: Side,
    path_of: Callable[[object], str],
    ignore: Iterable[str] = (),
) -> ItemChanges:
    """Compare two keyed collections; items whose file has errors on the other side are set apart."""
    added, removed, unloaded_head, unloaded_base = [], [], [], []
    for key in sorted(new.keys() - old.keys()):
        (unloaded_base if path_of(new[key]) in base.broken_paths else added).append(key)
    for key in sorted(old.keys() - new.keys()):
        (unloaded_head if path_of(old[key]) in head.broken_paths else removed).append(key)
    changed = []
    for key in sorted(old.keys() & new.keys()):
        diff = changed_fields(old[key], new[key], ignore)
        if diff:
            changed.append((key, diff))
    return ItemChanges(*map(tuple, (added, removed, changed, unloaded_head, unloaded_base)))


def mapping_key(m) -> str:
    """How a crosswalk row is named in the summary: ``source -> target (crosswalk id)``."""
    return f"{m.source} -> {m.target} ({m.crosswalk})"


def _mappings(site: Site) -> dict[str, object]:
    return {mapping_key(m): m for cw in site.kb.crosswalks.values() for m in cw.mappings}


def _path(item) -> str:
    return item.path


def item_changes(base: Side, head: Side) -> dict[str, ItemChanges]:
    """Terms, clauses, crosswalk mappings and decision guides compared, by section title."""
    a, b = base.site.kb, head.site.kb
    return {
        "Terms": compare(a.terms, b.terms, base, head, _path),
        "Clauses": compare(a.clauses, b.clauses, base, head, _path),
        "Crosswalk mappings": compare(_mappings(base.site), _mappings(head.site), base, head, _path),
        "Decision guides": compare(a.decisions, b.decisions, base, head, _path),
    }


def edge_counts(base: Site, head: Site) -> dict[str, tuple[int, int]]:
    """Graph edges added and removed, counted by relation: ``relation -> (added, removed)``."""
    old = Counter((e["source"], e["target"], e["relation"]) for e in kg.edges(base.graph))
    new = Counter((e["source"], e["target"], e["relation"]) for e in kg.edges(head.graph))
    added = Counter(rel for (_, _, rel), n in (new - old).items() for _ in range(n))
    removed = Counter(rel for (_, _, rel), n in (old - new).items() for _ in range(n))
    return {rel: (added[rel], removed[rel]) for rel in sorted(added.keys() | removed.keys())}


def orphans(site: Site) -> set[str]:
    """Terms nothing points to: no other term relates to them and no decision guide cites them."""
    return {
        t
        for t in site.kb.terms
        if not any(x.node != t for links in kg.incoming(site.graph, t, "term").values() for x in links)
        and not site.guides_citing(t)
    }


def new_orphans(base: Site, head: Site) -> list[str]:
    """Terms that are orphans at head but were not at base (new terms included)."""
    return sorted(orphans(head) - orphans(base))


def new_dangling(base: Side, head: Side) -> list[Problem]:
    """Head's ``does not exist`` problems that base did not have (compared without line numbers)."""
    before = {(p.path, p.message) for p in base.problems if DANGLING in p.message}
    return sorted(p for p in head.problems if DANGLING in p.message and (p.path, p.message) not in before)


def coverage_counts(site: Site, of: str, by: str) -> dict[str, int]:
    """How many clauses of framework ``of`` framework ``by`` covers, partly covers and does not cover."""
    counts = Counter(c.status for c in coverage(site.kb, site.mappings, of, by))
    return {s: counts[s] for s in COVERAGE_STATUSES}


def coverage_changes(base: Site, head: Site) -> list[tuple[str, str, str, dict, dict]]:
    """``(crosswalk, of, by, before, after)`` for each direction of each crosswalk whose counts moved."""
    pairs: dict[str, tuple[str, str]] = {}
    for site in (base, head):
        for cw in site.kb.crosswalks.values():
            pairs.setdefault(cw.id, (cw.source, cw.target))
    out = []
    for cw_id, (source, target) in sorted(pairs.items()):
        for of, by in ((target, source), (source, target)):
            before, after = coverage_counts(base, of, by), coverage_counts(head, of, by)
            if before != after:
                out.append((cw_id, of, by, before, after))
    return out


def _arrow(before: int, after: int) -> str:
    return str(after) if before == after else f"{before} → {after}"


def _listing(items: list[str]) -> list[str]:
    """A Markdown list, folded into a ``<details>`` block when longer than :data:`FOLD_AFTER`."""
    if len(items) <= FOLD_AFTER:
        return items
    return [f"<details><summary>{len(items)} items</summary>", "", *items, "", "</details>"]


def _items_section(title: str, ch: ItemChanges, describe: Callable[[str], str]) -> list[str]:
    lines = [f"### {title}", ""]
    if not ch:
        return [*lines, "No change.", ""]
    counts = (
        (len(ch.added), "added"),
        (len(ch.removed), "removed"),
        (len(ch.changed), "changed"),
        (len(ch.unloaded_head), "not loaded at head"),
        (len(ch.unloaded_base), "new or fixed"),
    )
    lines += [", ".join(f"{n} {what}" for n, what in counts if n) + ".", ""]
    items = [f"- added: {describe(k)}" for k in ch.added]
    items += [f"- removed: {describe(k)}" for k in ch.removed]
    items += [f"- changed: {describe(k)}: {', '.join(f)}" for k, f in ch.changed]
    items += [f"- not loaded at head (its file has errors): {describe(k)}" for k in ch.unloaded_head]
    items += [f"- new or fixed (its file had errors at base): {describe(k)}" for k in ch.unloaded_base]
    return [*lines, *_listing(items), ""]


def summarise(base: Side, head: Side) -> str:
    """The whole Markdown summary of what ``head`` changes relative to ``base``."""
    a, b = base.site.kb, head.site.kb
    out = [f"## Knowledge base: {md(base.label)} → {md(head.label)}", ""]
    out += ["| | base | head |", "|---|---:|---:|"]
    for name, count in (
        ("terms", lambda kb: len(kb.terms)),
        ("clauses", lambda kb: len(kb.clauses)),
        ("crosswalk mappings", lambda kb: sum(len(c.mappings) for c in kb.crosswalks.values())),
        ("decision guides", lambda kb: len(kb.decisions)),
    ):
        out.append(f"| {name} | {count(a)} | {count(b)} |")
    out += [f"| data problems | {len(base.problems)} | {len(head.problems)} |", ""]

    def term(key: str) -> str:
        t = b.terms.get(key) or a.terms.get(key)
        return f"`{key}` ({md(t.term)})" if t else f"`{key}`"

    def code(key: str) -> str:
        return f"`{key}`"

    describe = {"Terms": term, "Clauses": code, "Crosswalk mappings": code, "Decision guides": code}
    for title, ch in item_changes(base, head).items():
        out += _items_section(title, ch, describe[title])

    out += ["### Graph edges", ""]
    edges = edge_counts(base.site, head.site)
    if edges:
        out += ["| relation | added | removed |", "|---|---:|---:|"]
        out += [f"| {rel} | {n_add} | {n_rem} |" for rel, (n_add, n_rem) in edges.items()]
    else:
        out.append("No change.")
    out.append("")

    out += ["### New orphan terms", ""]
    lonely = new_orphans(base.site, head.site)
    out += _listing([f"- {term(t)}: no term relates to it and no guide cites it" for t in lonely]) or [
        "None."
    ]
    out.append("")

    out += ["### New dangling references", ""]
    dangling = new_dangling(base, head)
    out += _listing([f"- `{p.path}:{p.line}`: {md(p.message)}" for p in dangling]) or ["None."]
    out.append("")

    out += ["### Coverage", ""]
    moved = coverage_changes(base.site, head.site)
    if moved:
        out += ["| crosswalk | clauses of | covered by | " + " | ".join(COVERAGE_STATUSES) + " |"]
        out.append("|---|---|---|" + "---:|" * len(COVERAGE_STATUSES))
        for cw_id, of, by, before, after in moved:
            cells = " | ".join(_arrow(before[s], after[s]) for s in COVERAGE_STATUSES)
            out.append(f"| `{cw_id}` | {of} | {by} | {cells} |")
    else:
        out.append("No change.")
    out.append("")
    return "\n".join(out)
