"""Rules for crosswalk files: shape, the pair in the file name, known clauses, one statement per pair.

Across every file, a pair of clauses may be stated once (in either direction).
Stated twice it is a duplicate when the two rows agree once one is inverted,
and a contradiction when they do not (A subset-of B plus B subset-of A says
the pair is `equal`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import schema, vocab
from ..check import check
from ..problems import Problem
from ..refs import ClauseRef
from ..source import Doc
from .common import sentences, text, unknown_clause


@dataclass(frozen=True)
class _Row:
    doc: Doc
    index: int
    source: str
    target: str
    relation: str

    def canonical(self) -> tuple[str, str, str]:
        """The pair in a fixed order, with the relation read in that order."""
        if self.source <= self.target:
            return self.source, self.target, self.relation
        return self.target, self.source, vocab.MAPPING_INVERSE[self.relation]

    @property
    def where(self) -> str:
        return f"{self.doc.path}:{self.doc.line('mappings', self.index)}"


def check_crosswalks(
    crosswalks: dict[str, Doc], clauses: dict[str, object]
) -> tuple[list[str], list[Problem]]:
    """Every crosswalk rule; returns the ids of files the model may be built from."""
    valid: list[str] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], _Row] = {}
    for stem, doc in sorted(crosswalks.items()):
        found = check(doc, schema.CROSSWALK, vocab.CROSSWALKS_README)
        if isinstance(doc.data, dict):
            found += list(_header(stem, doc))
            found += list(_rows(doc, clauses, seen))
        problems += found
        if not found:
            valid.append(stem)
    return valid, problems


def _header(stem: str, doc: Doc) -> Iterator[Problem]:
    source, target = text(doc.data.get("source")), text(doc.data.get("target"))
    if source and target:
        if source == target:
            yield doc.problem(("target",), "a crosswalk maps two different frameworks")
        elif stem != f"{source}--{target}":
            yield doc.problem(
                ("source",),
                f"file name '{stem}.yml' does not match its frameworks",
                f"name it {source}--{target}.yml",
            )
    prov = doc.data.get("provenance")
    if isinstance(prov, dict) and prov.get("status") == "reviewed" and not text(prov.get("reviewer")):
        yield _needs_reviewer(doc, ("provenance", "status"))


def _rows(doc: Doc, clauses: dict[str, object], seen: dict[tuple[str, str], _Row]) -> Iterator[Problem]:
    rows = doc.data.get("mappings")
    if not isinstance(rows, list):
        return
    file_prov = doc.data.get("provenance") if isinstance(doc.data.get("provenance"), dict) else {}
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        yield from _row(doc, i, row, clauses, file_prov)
        source, target, relation = text(row.get("source")), text(row.get("target")), row.get("relation")
        if not source or not target or relation not in vocab.MAPPING_RELATIONS or source == target:
            continue
        yield from _once(_Row(doc, i, source, target, relation), seen)


def _row(doc: Doc, i: int, row: dict, clauses: dict[str, object], file_prov: dict) -> Iterator[Problem]:
    for end in ("source", "target"):
        yield from unknown_clause(doc, ("mappings", i, end), row.get(end), clauses)
        ref = ClauseRef.parse(row.get(end)) if text(row.get(end)) else None
        expected = text(doc.data.get(end))
        if ref and expected and ref.framework != expected:
            yield doc.problem(
                ("mappings", i, end),
                f"{end} '{ref}' is not in {expected}, the file's {end} framework",
                "put the row in the crosswalk file for its two frameworks",
            )
    if text(row.get("source")) and row.get("source") == row.get("target"):
        yield doc.problem(("mappings", i, "target"), f"'{row['source']}' is mapped to itself")
    strength = row.get("strength")
    low, high = vocab.MAPPING_STRENGTH
    if isinstance(strength, int) and not isinstance(strength, bool) and not low <= strength <= high:
        yield doc.problem(
            ("mappings", i, "strength"), f"'strength' must be between {low} and {high}, not {strength}"
        )
    justification = text(row.get("justification"))
    if justification and sentences(justification) > 2:
        yield doc.problem(
            ("mappings", i, "justification"),
            f"'justification' has {sentences(justification)} sentences; use 1 or 2",
        )
    own = row.get("provenance") if isinstance(row.get("provenance"), dict) else {}
    merged = {**file_prov, **own}
    if own and merged.get("status") == "reviewed" and not text(merged.get("reviewer")):
        yield _needs_reviewer(doc, ("mappings", i, "provenance", "status"))


def _needs_reviewer(doc: Doc, key: tuple) -> Problem:
    return doc.problem(
        key, "'reviewed' needs a reviewer", "add 'reviewer:' with the name of the person who reviewed it"
    )


def _once(row: _Row, seen: dict[tuple[str, str], _Row]) -> Iterator[Problem]:
    a, b, relation = row.canonical()
    first = seen.get((a, b))
    if first is None:
        seen[(a, b)] = row
        return
    key = ("mappings", row.index, "relation")
    if first.canonical()[2] == relation:
        yield row.doc.problem(
            key, f"duplicate mapping {row.source} -> {row.target} (first stated at {first.where})"
        )
        return
    both = {first.canonical()[2], relation}
    hint = (
        "A subset-of B and B subset-of A means they are equal" if both == {"subset-of", "superset-of"} else ""
    )
    yield row.doc.problem(
        key,
        f"mapping {row.source} {row.relation} {row.target} contradicts "
        f"{first.source} {first.relation} {first.target} ({first.where})",
        hint or "state each pair once, with one relationship",
    )
