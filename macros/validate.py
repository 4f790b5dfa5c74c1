"""Cross-file rules: ids, duplicates, references, relation cycles.

Runs after the structural pass (:mod:`.check`), on documents that passed it.
Each rule is a small generator of :class:`Problem`; :func:`cross_check` runs
them all so a contributor sees every mistake at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import networkx as nx

from . import vocab
from .model import Clause, KnowledgeBase
from .problems import Problem, did_you_mean
from .source import Doc


def add_clauses(doc: Doc, framework: str, clauses: dict[str, Clause]) -> list[Problem]:
    """Add a catalog file's items to ``clauses``; report wrong kinds and duplicate ids."""
    from .load import clause_from  # the loader owns object construction

    problems: list[Problem] = []
    allowed = vocab.KINDS[framework]
    for i, item in enumerate(doc.data["items"]):
        ref = f"{framework}:{item['id']}"
        if item["kind"] not in allowed:
            problems.append(
                doc.problem(
                    ("items", i, "kind"),
                    f"kind '{item['kind']}' is not used in {framework}",
                    f"one of: {', '.join(allowed)}",
                )
            )
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
    for stem, doc in term_docs.items():
        if doc.data is None:
            continue
        problems += _term_identity(stem, doc)
        problems += _term_links(kb, doc, known_terms)
    problems += _duplicate_labels(kb, term_docs)
    problems += _broader_cycles(kb, term_docs)
    return problems


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
    if d["id"] != stem:
        yield doc.problem(
            ("id",),
            f"id '{d['id']}' does not match the file name '{stem}.yml'",
            f"rename the file or set id: {stem}",
        )
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", d["summary"].strip()) if s]
    if len(sentences) > 2:
        yield doc.problem(("summary",), f"'summary' has {len(sentences)} sentences; use 1 or 2")


def _term_links(kb: KnowledgeBase, doc: Doc, known_terms: set[str]) -> Iterator[Problem]:
    d = doc.data
    for i, ref in enumerate(d["references"]):
        yield from _clause_exists(kb, doc, ("references", i, "ref"), ref["ref"])
    for i, df in enumerate(d.get("definitions") or ()):
        if df.get("ref"):
            yield from _clause_exists(kb, doc, ("definitions", i, "ref"), df["ref"])
    for i, rel in enumerate(d["related"]):
        target = rel["term"]
        if target == d["id"]:
            yield doc.problem(("related", i, "term"), "a term cannot be related to itself")
        elif target not in known_terms:
            yield doc.problem(
                ("related", i, "term"),
                f"related term '{target}' does not exist{did_you_mean(target, known_terms)}",
                "" if did_you_mean(target, known_terms) else "create it with scripts/new_term.py",
            )


def _clause_exists(kb: KnowledgeBase, doc: Doc, key: tuple, ref: str) -> Iterator[Problem]:
    if ref in kb.clauses:
        return
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


def _duplicate_labels(kb: KnowledgeBase, docs: dict[str, Doc]) -> Iterator[Problem]:
    """Names, aliases and acronyms must point to one term only."""
    owner: dict[str, tuple[str, str]] = {}
    for tid in sorted(kb.terms):
        t = kb.terms[tid]
        doc = docs[tid]
        keyed = [(("term",), t.term), (("id",), t.id.replace("-", " "))]
        keyed += [(("aliases", i), a) for i, a in enumerate(t.aliases)]
        keyed += [(("acronyms", i), a) for i, a in enumerate(t.acronyms)]
        mine: set[str] = set()
        for key, label in keyed:
            norm = normalise_label(label)
            if norm in owner and owner[norm][0] != tid:
                other = owner[norm][0]
                yield doc.problem(
                    key,
                    f"'{label}' is already a name of term '{other}' ({docs[other].path})",
                    "aliases and acronyms must be unique across the glossary",
                )
            elif label.casefold() in mine and key[0] != "id":
                yield doc.problem(key, f"'{label}' is listed twice for this term")
            if key[0] != "id":
                mine.add(label.casefold())
            owner.setdefault(norm, (tid, doc.path))


def _broader_cycles(kb: KnowledgeBase, docs: dict[str, Doc]) -> Iterator[Problem]:
    """broader/narrower/part-of must form a hierarchy: report each cycle once."""
    g = nx.DiGraph()
    where: dict[tuple[str, str], tuple[str, int]] = {}
    for t in kb.terms.values():
        for i, r in enumerate(t.related):
            if r.term not in kb.terms:
                continue
            if r.relation in ("broader", "part-of"):
                edge = (t.id, r.term)
            elif r.relation == "narrower":
                edge = (r.term, t.id)
            else:
                continue
            g.add_edge(*edge)
            where.setdefault(edge, (t.id, i))
    for cycle in sorted(nx.simple_cycles(g), key=lambda c: sorted(c)):
        start = min(cycle)
        k = cycle.index(start)
        cycle = cycle[k:] + cycle[:k]
        edge = (cycle[0], cycle[1 % len(cycle)])
        tid, i = where.get(edge, (start, 0))
        yield docs[tid].problem(
            ("related", i, "relation"),
            f"broader/narrower cycle: {' -> '.join([*cycle, cycle[0]])}",
            "a term cannot be broader than itself; remove one of these relations",
        )
