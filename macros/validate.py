"""Cross-file rules: ids, duplicates, references, relation cycles.

Runs on every parsed document, including ones with structural problems, so a
contributor sees every mistake at once. Each rule reads the raw data
defensively (a wrongly typed part was already reported by :mod:`.check` and
is skipped here) and yields :class:`Problem` objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from . import vocab
from .model import Clause, KnowledgeBase
from .problems import Problem, did_you_mean
from .source import Doc


def add_clauses(doc: Doc, framework: str, clauses: dict[str, Clause], good: Iterable[int]) -> list[Problem]:
    """Add the structurally valid items of a catalog to ``clauses``; report kinds and duplicates."""
    from .load import clause_from  # the loader owns object construction

    problems: list[Problem] = []
    allowed = vocab.KINDS[framework]
    for i in good:
        item = doc.data["items"][i]
        ref = f"{framework}:{item['id']}"
        if item["kind"] not in allowed:
            problems.append(
                doc.problem(
                    ("items", i, "kind"),
                    f"kind '{item['kind']}' is not used in {framework}",
                    f"one of: {', '.join(allowed)}",
                )
            )
        if item["id"] == "index":
            problems.append(doc.problem(("items", i, "id"), "'index' is reserved for the framework page"))
        if ref in clauses:
            first = clauses[ref]
            problems.append(
                doc.problem(
                    ("items", i, "id"),
                    f"duplicate clause id '{item['id']}' (first defined at {first.path}:{first.line})",
                )
            )
            continue
        clauses[ref] = clause_from(framework, item, doc.path, doc.line("items", i))
    return problems


def cross_check(kb: KnowledgeBase, term_docs: dict[str, Doc]) -> list[Problem]:
    """Every cross-file problem of the catalogs and the glossary."""
    problems = list(_clause_parents(kb))
    known_terms = set(term_docs)
    for stem, doc in sorted(term_docs.items()):
        if isinstance(doc.data, dict):
            problems += _term_identity(stem, doc)
            problems += _term_links(kb, doc, known_terms)
    problems += _duplicate_labels(term_docs)
    problems += _broader_cycles(term_docs)
    return problems


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _items(d: dict, key: str) -> Iterator[tuple[int, dict]]:
    """The mapping items of list ``d[key]``, with their index; anything else is skipped."""
    value = d.get(key)
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def _clause_parents(kb: KnowledgeBase) -> Iterator[Problem]:
    for c in kb.clauses.values():
        if c.parent and c.parent_ref not in kb.clauses:
            siblings = [x.id for x in kb.clauses.values() if x.framework == c.framework]
            yield Problem(
                c.path,
                c.line,
                f"parent '{c.parent}' of '{c.id}' does not exist in {c.framework}"
                + did_you_mean(c.parent, siblings),
            )
    g = nx.DiGraph((c.ref, c.parent_ref) for c in kb.clauses.values() if c.parent_ref)
    for cycle in nx.simple_cycles(g):
        first = kb.clauses[min(cycle)]
        yield Problem(first.path, first.line, f"parent cycle: {' -> '.join([*cycle, cycle[0]])}")


def _term_identity(stem: str, doc: Doc) -> Iterator[Problem]:
    d = doc.data
    tid = _text(d.get("id"))
    if tid and tid != stem:
        yield doc.problem(
            ("id",),
            f"id '{tid}' does not match the file name '{stem}.yml'",
            f"rename the file or set id: {stem}",
        )
    if tid in vocab.FRAMEWORKS:
        yield doc.problem(("id",), f"id '{tid}' is reserved: it is a framework id")
    summary = _text(d.get("summary"))
    if summary:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", summary) if s]
        if len(sentences) > 2:
            yield doc.problem(("summary",), f"'summary' has {len(sentences)} sentences; use 1 or 2")


def _term_links(kb: KnowledgeBase, doc: Doc, known_terms: set[str]) -> Iterator[Problem]:
    d = doc.data
    for i, ref in _items(d, "references"):
        yield from _clause_exists(kb, doc, ("references", i, "ref"), ref.get("ref"))
    for i, df in _items(d, "definitions"):
        if df.get("ref") is not None:
            yield from _clause_exists(kb, doc, ("definitions", i, "ref"), df.get("ref"))
    own = _text(d.get("id"))
    for i, rel in _items(d, "related"):
        target = _text(rel.get("term"))
        if not target or not vocab.ID_RE.match(target) or vocab.TODO_MARKER in target:
            continue
        if target in (own, doc.path.rsplit("/", 1)[-1][:-4]):
            yield doc.problem(("related", i, "term"), "a term cannot be related to itself")
        elif target not in known_terms:
            close = did_you_mean(target, known_terms)
            yield doc.problem(
                ("related", i, "term"),
                f"related term '{target}' does not exist{close}",
                "" if close else "create it with scripts/new_term.py",
            )


def _clause_exists(kb: KnowledgeBase, doc: Doc, key: tuple, ref: Any) -> Iterator[Problem]:
    ref = _text(ref)
    if not ref or not vocab.REF_RE.match(ref) or ref in kb.clauses:
        return  # missing or malformed references were reported by the structural check
    fw = ref.split(":", 1)[0]
    if fw not in vocab.FRAMEWORKS:
        yield doc.problem(
            key,
            f"unknown framework '{fw}' in '{ref}'{did_you_mean(fw, vocab.FRAMEWORKS)}",
            f"framework ids are: {', '.join(vocab.FRAMEWORKS)}",
        )
        return
    same = [r for r in kb.clauses if r.startswith(fw + ":")]
    yield doc.problem(key, f"clause '{ref}' does not exist{did_you_mean(ref, same)}")


def normalise_label(label: str) -> str:
    """Case- and punctuation-insensitive form used to detect clashing names."""
    return re.sub(r"[\s\-_.]+", " ", label.casefold()).strip()


def _labels(stem: str, d: dict) -> Iterator[tuple[tuple, str]]:
    yield ("id",), stem.replace("-", " ")
    if _text(d.get("term")):
        yield ("term",), d["term"]
    for field in ("aliases", "acronyms"):
        values = d.get(field)
        if isinstance(values, list):
            for i, a in enumerate(values):
                if _text(a):
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
        for i, r in _items(doc.data, "related"):
            target, relation = _text(r.get("term")), r.get("relation")
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
