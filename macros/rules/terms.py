"""Rules for glossary entries: shape, identity, links, unique names, relation cycles.

Runs on every parsed entry, including ones with structural problems, so a
contributor sees every mistake at once. Each rule reads the raw data
defensively (a wrongly typed part was already reported by the structural
check and is skipped here).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import networkx as nx

from .. import schema, vocab
from ..check import check
from ..problems import Problem
from ..source import Doc
from .common import id_matches_file, items, sentences, text, unknown_clause, unknown_term


def check_terms(terms: dict[str, Doc], clauses: dict[str, object]) -> tuple[list[str], list[Problem]]:
    """Every glossary rule; returns the ids of structurally valid entries."""
    valid: list[str] = []
    problems: list[Problem] = []
    known = set(terms)  # every glossary file, valid or not, so errors do not cascade
    for stem, doc in terms.items():
        if doc.data is None:
            continue
        found = check(doc, schema.GLOSSARY_ENTRY, vocab.GLOSSARY_README)
        problems += found
        if not found:
            valid.append(stem)
    for stem, doc in sorted(terms.items()):
        if isinstance(doc.data, dict):
            problems += _identity(stem, doc)
            problems += _links(stem, doc, clauses, known)
    problems += _art3_locators({stem: terms[stem] for stem in valid})
    problems += _duplicate_labels(terms)
    problems += _broader_cycles(terms)
    return valid, problems


def _identity(stem: str, doc: Doc) -> Iterator[Problem]:
    yield from id_matches_file(doc, stem)
    if text(doc.data.get("id")) in vocab.FRAMEWORKS:
        yield doc.problem(("id",), f"id '{doc.data['id'].strip()}' is reserved: it is a framework id")
    summary = text(doc.data.get("summary"))
    if summary and sentences(summary) > 2:
        yield doc.problem(("summary",), f"'summary' has {sentences(summary)} sentences; use 1 or 2")


def _links(stem: str, doc: Doc, clauses: dict[str, object], known: set[str]) -> Iterator[Problem]:
    d = doc.data
    for i, ref in items(d, "references"):
        yield from unknown_clause(doc, ("references", i, "ref"), ref.get("ref"), clauses)
    for i, df in items(d, "definitions"):
        if df.get("ref") is not None:
            yield from unknown_clause(doc, ("definitions", i, "ref"), df.get("ref"), clauses)
    own = text(d.get("id"))
    for i, rel in items(d, "related"):
        target = text(rel.get("term"))
        if target and target in (own, stem):
            yield doc.problem(("related", i, "term"), "a term cannot be related to itself")
        else:
            yield from unknown_term(doc, ("related", i, "term"), target, known)


_ART3 = re.compile(r"^Art\. 3\((\d+)\)$")
ART3_POINTS = 68


def _art3_locators(docs: dict[str, Doc]) -> Iterator[Problem]:
    """Each EU AI Act Art. 3 point (1-68) is defined on one term only (among well-formed entries)."""
    owner: dict[int, str] = {}
    for stem in sorted(docs):
        doc = docs[stem]
        if not isinstance(doc.data, dict):
            continue
        for i, d in items(doc.data, "definitions"):
            m = _ART3.match(str(d.get("locator", "")).strip())
            if not m or text(d.get("source")) != "EU AI Act":
                continue
            n = int(m.group(1))
            key = ("definitions", i, "locator")
            if not 1 <= n <= ART3_POINTS:
                yield doc.problem(key, f"Art. 3 has points 1 to {ART3_POINTS}, not {n}")
            elif n in owner and owner[n] != stem:
                yield doc.problem(
                    key,
                    f"Art. 3({n}) is already defined on term '{owner[n]}' ({docs[owner[n]].path})",
                    "keep each Art. 3 definition on one term; relate the terms instead",
                )
            else:
                owner.setdefault(n, stem)


def normalise_label(label: str) -> str:
    """Case- and punctuation-insensitive form used to detect clashing names."""
    return re.sub(r"[\s\-_.]+", " ", label.casefold()).strip()


def _labels(stem: str, d: dict) -> Iterator[tuple[tuple, str]]:
    yield ("id",), stem.replace("-", " ")
    if text(d.get("term")):
        yield ("term",), d["term"]
    for field in ("aliases", "acronyms"):
        values = d.get(field)
        if isinstance(values, list):
            for i, a in enumerate(values):
                if text(a):
                    yield (field, i), a


def _duplicate_labels(docs: dict[str, Doc]) -> Iterator[Problem]:
    """Names, aliases and acronyms must point to one term only."""
    owner: dict[str, str] = {}
    for stem in sorted(docs):
        doc = docs[stem]
        if not isinstance(doc.data, dict):
            continue
        mine: set[str] = set()
        for key, label in _labels(stem, doc.data):
            norm = normalise_label(label)
            if norm in owner and owner[norm] != stem:
                other = owner[norm]
                yield doc.problem(
                    key,
                    f"'{label}' is already a name of term '{other}' ({docs[other].path})",
                    "aliases and acronyms must be unique across the glossary",
                )
            elif key[0] != "id" and label.casefold() in mine:
                yield doc.problem(key, f"'{label}' is listed twice for this term")
            if key[0] != "id":
                mine.add(label.casefold())
            owner.setdefault(norm, stem)


def _broader_cycles(docs: dict[str, Doc]) -> Iterator[Problem]:
    """broader/narrower/part-of must form a hierarchy: report each cycle once."""
    g = nx.DiGraph()
    where: dict[tuple[str, str], tuple[str, int]] = {}
    for stem, doc in docs.items():
        if not isinstance(doc.data, dict):
            continue
        for i, r in items(doc.data, "related"):
            target, relation = text(r.get("term")), r.get("relation")
            if target not in docs or target == stem:
                continue
            if relation in ("broader", "part-of"):
                edge = (stem, target)
            elif relation == "narrower":
                edge = (target, stem)
            else:
                continue
            g.add_edge(*edge)
            where.setdefault(edge, (stem, i))
    for cycle in sorted(nx.simple_cycles(g), key=sorted):
        k = cycle.index(min(cycle))
        cycle = cycle[k:] + cycle[:k]
        stem, i = where[(cycle[0], cycle[1 % len(cycle)])]
        yield docs[stem].problem(
            ("related", i, "relation"),
            f"broader/narrower cycle: {' -> '.join([*cycle, cycle[0]])}",
            "a term cannot be broader than itself; remove one of these relations",
        )
