"""Clause mappings seen from every clause: direct rows, their inverses, and inferences through a pivot.

Inference follows NIST IR 8477 set theory. Composing "A r1 B" with "B r2 C"
gives a relationship between A and C only where set logic guarantees one
(:data:`COMPOSE`); everything else, and anything through ``not-related``,
infers nothing. The weakest link decides the strength. Nothing is ever
inferred from a missing row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from .model import KnowledgeBase, Mapping, Provenance
from .refs import framework_of
from .vocab import MAPPING_INVERSE

EQUAL, SUBSET, SUPERSET, INTERSECTS, UNRELATED = (
    "equal",
    "subset-of",
    "superset-of",
    "intersects-with",
    "not-related",
)

#: (A r1 B, B r2 C) -> A r C, only where set theory decides it. Missing pairs infer nothing.
COMPOSE: dict[tuple[str, str], str] = {
    **{(EQUAL, r): r for r in (EQUAL, SUBSET, SUPERSET, INTERSECTS)},
    **{(r, EQUAL): r for r in (SUBSET, SUPERSET, INTERSECTS)},
    (SUBSET, SUBSET): SUBSET,  # A ⊆ B ⊆ C
    (SUPERSET, SUPERSET): SUPERSET,  # A ⊇ B ⊇ C
    (SUPERSET, SUBSET): INTERSECTS,  # A and C both contain B
    (INTERSECTS, SUBSET): INTERSECTS,  # A meets B, and B lies inside C
    (SUPERSET, INTERSECTS): INTERSECTS,  # A contains B, which meets C
}

#: Relationships under which the source fully or partly covers the target.
COVERS = (EQUAL, SUPERSET)
PARTLY_COVERS = (INTERSECTS, SUBSET)

INFERENCE_AUTHOR = "inference through a pivot framework (IR 8477 composition, weakest link)"


def inverse(m: Mapping) -> Mapping:
    """The same mapping read from its target: "B superset-of A" for "A subset-of B"."""
    return replace(m, source=m.target, target=m.source, relation=MAPPING_INVERSE[m.relation], inverse=True)


def compose(first: Mapping, second: Mapping) -> Mapping | None:
    """A mapping from ``first.source`` to ``second.target`` through their shared clause, if sound."""
    relation = COMPOSE.get((first.relation, second.relation))
    if relation is None:
        return None
    weak = min((first, second), key=lambda m: m.strength)
    return Mapping(
        source=first.source,
        target=second.target,
        relation=relation,
        rationale=weak.rationale,
        strength=weak.strength,
        justification=(
            f"{first.source} {first.relation} {first.target}, and {second.source} {second.relation} "
            f"{second.target}; composed, the weaker link (strength {weak.strength}) decides."
        ),
        provenance=Provenance(
            "automated", INFERENCE_AUTHOR, "draft", max(first.provenance.date, second.provenance.date)
        ),
        via=(first.target,),
    )


@dataclass(frozen=True)
class MappingIndex:
    """Every mapping touching a clause, from that clause's side, built once per build."""

    direct: tuple[Mapping, ...] = ()
    inferred: tuple[Mapping, ...] = ()
    _from: dict[str, tuple[Mapping, ...]] = field(default_factory=dict)

    def of(self, ref: str) -> tuple[Mapping, ...]:
        """Mappings whose source is ``ref`` (direct, inverted and inferred), strongest first."""
        return self._from.get(ref, ())

    def between(self, source_fw: str, target_fw: str, inferred: bool = False) -> list[Mapping]:
        """Mappings from one framework to another, read in that direction."""
        out = []
        for rows in self._from.values():
            for m in rows:
                if (
                    m.inferred == inferred
                    and m.source_framework == source_fw
                    and m.target_framework == target_fw
                ):
                    out.append(m)
        return out


def build_index(kb: KnowledgeBase) -> MappingIndex:
    """Direct rows, their inverses, and one-pivot inferences between three different frameworks."""
    direct = tuple(m for cw in kb.crosswalks.values() for m in cw.mappings)
    oriented: dict[str, list[Mapping]] = defaultdict(list)
    for m in direct:
        oriented[m.source].append(m)
        oriented[m.target].append(inverse(m))
    linked = {(m.source, m.target) for rows in oriented.values() for m in rows}
    best: dict[tuple[str, str], Mapping] = {}
    for a, rows in oriented.items():
        for first in rows:
            for second in oriented.get(first.target, ()):
                if len({framework_of(a), framework_of(first.target), framework_of(second.target)}) != 3:
                    continue
                if (a, second.target) in linked:
                    continue  # a direct statement always wins over an inference
                made = compose(first, second)
                key = (a, second.target)
                if made and (key not in best or made.strength > best[key].strength):
                    best[key] = made
    inferred = tuple(best[k] for k in sorted(best))
    by_source: dict[str, list[Mapping]] = defaultdict(list)
    for rows in oriented.values():
        for m in rows:
            by_source[m.source].append(m)
    for m in inferred:
        by_source[m.source].append(m)
    ordered = {
        k: tuple(sorted(v, key=lambda m: (m.inferred, -m.strength, m.target))) for k, v in by_source.items()
    }
    return MappingIndex(direct, inferred, ordered)


@dataclass(frozen=True)
class Coverage:
    """How one clause of a framework is covered by the clauses of another."""

    ref: str
    status: str  # "covered", "partly covered" or "not covered"
    by: tuple[Mapping, ...]


def in_universe(kind: str, framework: str, cid: str) -> bool:
    """True for the clauses coverage counts: articles, subcategories, ISO 4-10 subclauses, controls."""
    if framework == "eu-ai-act":
        return kind == "article"
    if framework == "nist-ai-rmf":
        return kind == "subcategory"
    if framework == "iso-42001":
        return kind == "control" or (kind == "clause" and "." in cid and 4 <= int(cid.split(".")[0]) <= 10)
    return kind in ("stage", "pillar")


def coverage(
    kb: KnowledgeBase,
    index: MappingIndex,
    of: str,
    by: str,
    scope: set[str] | None = None,
    inferred: bool = False,
) -> list[Coverage]:
    """Coverage of each clause of framework ``of`` (or of ``scope``) by framework ``by``, in catalog order."""
    rows: dict[str, list[Mapping]] = defaultdict(list)
    for m in index.between(by, of):
        rows[m.target].append(m)
    if inferred:
        for m in index.between(by, of, inferred=True):
            rows[m.target].append(m)
    out = []
    for c in kb.clauses.values():
        if c.framework != of or not in_universe(c.kind, c.framework, c.id):
            continue
        if scope is not None and c.ref not in scope:
            continue
        found = tuple(
            sorted((m for m in rows.get(c.ref, ()) if m.relation != UNRELATED), key=lambda m: -m.strength)
        )
        if any(m.relation in COVERS for m in found):
            status = "covered"
        elif found:
            status = "partly covered"
        else:
            status = "not covered"
        out.append(Coverage(c.ref, status, found))
    return out
