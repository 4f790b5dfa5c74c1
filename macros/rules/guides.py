"""Rules for decision guides: shape, node fields, and the tree as a graph.

One start, every answer leads to a known node, every node reachable, no dead
ends, no cycles (checked with networkx), unique answers, known terms, clauses
and phases. A broken guide fails `make check` and every build with
``path:line`` messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from .. import schema, vocab
from ..check import check
from ..problems import Problem, did_you_mean
from ..source import Doc
from .applicability import NO_OUTCOMES, OutcomeVocabulary
from .common import id_matches_file, items, text, typed_dates, unknown_clause, unknown_term


def check_guides(
    guides: dict[str, Doc],
    clauses: dict[str, object],
    known_terms: set[str],
    outcomes: OutcomeVocabulary = NO_OUTCOMES,
) -> tuple[list[str], list[Problem]]:
    """Every guide rule; returns the ids of guides the model may be built from."""
    valid: list[str] = []
    problems: list[Problem] = []
    for stem, doc in guides.items():
        found = check(doc, schema.GUIDE, vocab.DECISIONS_README)
        if isinstance(doc.data, dict) and isinstance(doc.data.get("nodes"), list):
            found += list(_rules(doc, stem, clauses, known_terms))
            found += list(_results(doc, clauses, outcomes))
        problems += found
        if not found:
            valid.append(stem)
    return valid, problems


def _nodes(doc: Doc) -> Iterator[tuple[int, dict[str, Any]]]:
    for i, n in enumerate(doc.data["nodes"]):
        if isinstance(n, dict) and isinstance(n.get("id"), str):
            yield i, n


def _answers(n: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    answers = n.get("answers")
    if isinstance(answers, list):
        for j, a in enumerate(answers):
            if isinstance(a, dict) and isinstance(a.get("next"), str):
                yield j, a


def _rules(doc: Doc, stem: str, clauses: dict[str, object], known_terms: set[str]) -> Iterator[Problem]:
    yield from id_matches_file(doc, stem)
    index: dict[str, int] = {}
    for i, n in _nodes(doc):
        if n["id"] in index:
            yield doc.problem(("nodes", i, "id"), f"duplicate node id '{n['id']}'")
        else:
            index[n["id"]] = i
    yield from _node_fields(doc, clauses, known_terms)
    yield from _graph_rules(doc, index)
    yield from _dates_in_text(doc)


def _results(doc: Doc, clauses: dict[str, object], known: OutcomeVocabulary) -> Iterator[Problem]:
    """An outcome's result names roles and risk levels the applicability file defines."""
    for i, n in _nodes(doc):
        result = n.get("result")
        if not isinstance(result, dict):
            continue
        if n.get("type") == "question":
            yield doc.problem(("nodes", i, "result"), "'result' does not belong on a question node")
        key = ("nodes", i, "result")
        for j, claim in items(result, "roles"):
            for field in ("role", "was"):
                value = text(claim.get(field))
                if value and value not in known.roles:
                    yield doc.problem(
                        (*key, "roles", j, field),
                        f"unknown role '{value}'{did_you_mean(value, known.roles)}",
                        f"roles are defined in {vocab.APPLICABILITY_DIR}/",
                    )
            yield from unknown_clause(doc, (*key, "roles", j, "basis"), claim.get("basis"), clauses)
            yield from typed_dates(doc, (*key, "roles", j, "because"), claim.get("because"))
        for j, risk in enumerate(result.get("risk") or []):
            value = text(risk)
            if value and value not in known.risks:
                yield doc.problem(
                    (*key, "risk", j),
                    f"unknown risk level '{value}'{did_you_mean(value, known.risks)}",
                    f"risk levels are defined in {vocab.APPLICABILITY_DIR}/",
                )
        yield from typed_dates(doc, (*key, "open"), result.get("open"))


def _dates_in_text(doc: Doc) -> Iterator[Problem]:
    """The guide's own words carry no application dates: they go stale; the clause data does not."""
    yield from typed_dates(doc, ("intro",), doc.data.get("intro"))
    for i, n in _nodes(doc):
        for key in ("help", "title", "recommendation", "rationale"):
            yield from typed_dates(doc, ("nodes", i, key), n.get(key))
        for j, a in _answers(n):
            yield from typed_dates(doc, ("nodes", i, "answers", j, "note"), a.get("note"))


def _node_fields(doc: Doc, clauses: dict[str, object], known_terms: set[str]) -> Iterator[Problem]:
    phases = {p.get("id") for p in doc.data.get("phases") or [] if isinstance(p, dict)}
    for i, n in _nodes(doc):
        kind = n.get("type")
        needed = ("question", "answers") if kind == "question" else schema.OUTCOME_ONLY
        wrong = schema.OUTCOME_ONLY if kind == "question" else schema.QUESTION_ONLY
        for key in needed:
            if key not in n and not (key == "answers" and kind == "question"):
                yield doc.problem(("nodes", i), f"{kind} '{n['id']}' needs '{key}'")
        for key in wrong:
            if key in n and kind in ("question", "outcome"):
                article = "an" if kind == "outcome" else "a"
                yield doc.problem(("nodes", i, key), f"'{key}' does not belong on {article} {kind} node")
        if n.get("phase") and isinstance(n.get("phase"), str) and n["phase"] not in phases:
            yield doc.problem(
                ("nodes", i, "phase"), f"unknown phase '{n['phase']}'{did_you_mean(n['phase'], phases)}"
            )
        seen: dict[str, int] = {}
        for j, a in _answers(n):
            label = str(a.get("label", "")).strip().casefold()
            if label in seen:
                yield doc.problem(
                    ("nodes", i, "answers", j, "label"),
                    f"duplicate answer '{a.get('label')}' in question '{n['id']}'",
                    "answer labels must be unique within a question",
                )
            seen[label] = j
        for k, t in enumerate(n.get("terms") or []):
            yield from unknown_term(doc, ("nodes", i, "terms", k), t, known_terms)
        for k, r in enumerate(n.get("refs") or []):
            yield from unknown_clause(doc, ("nodes", i, "refs", k), r, clauses)


def _graph_rules(doc: Doc, index: dict[str, int]) -> Iterator[Problem]:
    """One start, known targets, reachability, no dead ends, no cycles (networkx)."""
    g = nx.DiGraph()
    starts = []
    for i, n in _nodes(doc):
        g.add_node(n["id"], type=n.get("type"))
        if n.get("start") is True:
            starts.append((i, n["id"]))
        for j, a in _answers(n):
            if a["next"] not in index:
                yield doc.problem(
                    ("nodes", i, "answers", j, "next"),
                    f"answer '{a.get('label')}' leads to unknown node '{a['next']}'"
                    + did_you_mean(a["next"], index),
                )
            else:
                g.add_edge(n["id"], a["next"])
    if len(starts) != 1:
        where = ("nodes", starts[1][0], "start") if len(starts) > 1 else ("nodes",)
        found = ", ".join(s for _, s in starts) or "none"
        yield doc.problem(
            where,
            f"a guide needs exactly one start node (found: {found})",
            "set 'start: true' on the first question only",
        )
        if not starts:
            return
    start = starts[0][1]
    reachable = nx.descendants(g, start) | {start}
    for node_id, i in index.items():
        if node_id not in reachable:
            yield doc.problem(
                ("nodes", i, "id"), f"node '{node_id}' cannot be reached from the start '{start}'"
            )
    for node_id, i in index.items():
        if g.nodes[node_id].get("type") == "question" and g.out_degree(node_id) == 0:
            yield doc.problem(
                ("nodes", i, "id"),
                f"question '{node_id}' is a dead end: no answer leads on to an outcome",
                "give it answers whose 'next' nodes end at outcomes",
            )
    for cycle in sorted(nx.simple_cycles(g), key=sorted):
        k = cycle.index(min(cycle, key=lambda x: index[x]))
        cycle = cycle[k:] + cycle[:k]
        yield doc.problem(
            ("nodes", index[cycle[0]], "id"),
            f"cycle: {' -> '.join([*cycle, cycle[0]])}",
            "every path must end at an outcome",
        )
