"""Decision guides: YAML decision trees, checked as graphs, built into the model.

A guide (``frameworks/decisions/<id>.yml``) has question nodes whose answers
lead to other nodes, and outcome nodes that end a path. The structural shape
is in :data:`GUIDE`; the graph rules (one start, everything reachable, every
path ends at an outcome, no cycles, unique answers, known references) are
checked here with networkx so a broken guide fails `make check` and every
build with ``path:line`` messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from . import vocab
from .check import check
from .model import KnowledgeBase
from .problems import Problem, did_you_mean
from .schema import Field
from .source import Doc, load_file

DECISIONS_DIR = "frameworks/decisions"
README = "frameworks/decisions/README.md"
INTENSITIES: dict[str, str] = {
    "minimal": "Minimal: record the decision",
    "low": "Low: standard documentation and monitoring",
    "moderate": "Moderate: documented testing and a named owner",
    "high": "High: formal assessment, testing and sign-off",
    "very-high": "Very high: full compliance programme and independent review",
}

_S = "string"
ANSWER = Field(
    "",
    "map",
    fields=(
        Field("label", _S, "Answer text shown on the button and the flowchart edge."),
        Field("next", "id", "Id of the node this answer leads to."),
        Field("note", "text", "Optional: why this answer leads there.", required=False),
    ),
)
_REFS = Field("refs", "list", "Clause references.", required=False, item=Field("", "ref"))
_TERMS = Field("terms", "list", "Glossary term ids.", required=False, item=Field("", "id"))
NODE = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Node id, unique in the guide."),
        Field("type", "enum", "`question` or `outcome`.", choices=("question", "outcome")),
        Field("start", "bool", "true on the one node the guide starts from.", required=False),
        Field("phase", "id", "Id of a phase of this guide.", required=False),
        Field("question", _S, "Question (question nodes).", required=False),
        Field("help", "text", "Plain-text help (question nodes).", required=False),
        Field("answers", "list", "Answers (question nodes).", required=False, item=ANSWER),
        Field("title", _S, "Short outcome title (outcome nodes).", required=False),
        Field("recommendation", "text", "What to do (outcome nodes).", required=False),
        Field("rationale", "markdown", "Why, citing terms and clauses (outcome nodes).", required=False),
        Field(
            "intensity",
            "enum",
            "Governance intensity (outcome nodes).",
            required=False,
            choices=tuple(INTENSITIES),
        ),
        _TERMS,
        _REFS,
    ),
)
GUIDE = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Guide id; must equal the file name."),
        Field("title", _S, "Title of the guide."),
        Field("intro", "markdown", "What the guide decides and for whom."),
        Field(
            "phases",
            "list",
            "Optional phases grouping the questions.",
            required=False,
            item=Field("", "map", fields=(Field("id", "id"), Field("title", _S))),
        ),
        Field("nodes", "list", "Question and outcome nodes.", item=NODE, min_items=2),
        Field(
            "sources",
            "list",
            "Where the guide's reasoning comes from.",
            required=False,
            item=Field(
                "",
                "map",
                fields=(
                    Field("title", _S),
                    Field("url", "url", required=False),
                    Field("locator", _S, required=False),
                ),
            ),
        ),
    ),
)
_QUESTION_ONLY = ("question", "help", "answers")
_OUTCOME_ONLY = ("title", "recommendation", "rationale", "intensity")


@dataclass(frozen=True)
class Answer:
    """One answer of a question: its label and the node it leads to."""

    label: str
    next: str
    note: str = ""


@dataclass(frozen=True)
class Node:
    """A question or an outcome of a guide."""

    id: str
    type: str
    phase: str = ""
    question: str = ""
    help: str = ""
    answers: tuple[Answer, ...] = ()
    title: str = ""
    recommendation: str = ""
    rationale: str = ""
    intensity: str = ""
    terms: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guide:
    """A validated decision guide."""

    id: str
    title: str
    intro: str
    start: str
    nodes: dict[str, Node]
    phases: tuple[tuple[str, str], ...] = ()
    sources: tuple[tuple[str, str, str], ...] = ()
    path: str = ""

    @property
    def questions(self) -> list[Node]:
        """Question nodes in file order."""
        return [n for n in self.nodes.values() if n.type == "question"]

    @property
    def outcomes(self) -> list[Node]:
        """Outcome nodes in file order."""
        return [n for n in self.nodes.values() if n.type == "outcome"]

    @property
    def cited(self) -> set[str]:
        """Every term id and clause reference the guide cites."""
        out: set[str] = set()
        for n in self.nodes.values():
            out.update(n.terms)
            out.update(n.refs)
        return out


def load_decisions(
    root: Path, kb: KnowledgeBase, problems: list[Problem], known_terms: set[str]
) -> dict[str, Guide]:
    """Load and check every guide; append problems; return the valid guides.

    ``known_terms`` holds every glossary file's id, including invalid ones, so a
    broken entry is reported once, not again by each guide that cites it.
    """
    from .load import data_files

    guides: dict[str, Guide] = {}
    for path in data_files(root / DECISIONS_DIR, problems, root):
        doc, errs = load_file(path, path.relative_to(root).as_posix())
        problems += errs
        if doc is None:
            continue
        found = check(doc, GUIDE, README)
        if isinstance(doc.data, dict) and isinstance(doc.data.get("nodes"), list):
            found += list(_rules(doc, path.stem, kb, known_terms))
        problems += found
        if not found:
            guides[path.stem] = _guide(doc)
    return guides


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


def _rules(doc: Doc, stem: str, kb: KnowledgeBase, known_terms: set[str]) -> Iterator[Problem]:
    d = doc.data
    if isinstance(d.get("id"), str) and d["id"] != stem:
        yield doc.problem(("id",), f"id '{d['id']}' does not match the file name '{stem}.yml'")
    index: dict[str, int] = {}
    for i, n in _nodes(doc):
        if n["id"] in index:
            yield doc.problem(("nodes", i, "id"), f"duplicate node id '{n['id']}'")
        else:
            index[n["id"]] = i
    yield from _node_fields(doc, kb, known_terms)
    yield from _graph_rules(doc, index)


def _node_fields(doc: Doc, kb: KnowledgeBase, known_terms: set[str]) -> Iterator[Problem]:
    phases = {p.get("id") for p in doc.data.get("phases") or [] if isinstance(p, dict)}
    for i, n in _nodes(doc):
        kind = n.get("type")
        needed = (
            ("question", "answers")
            if kind == "question"
            else ("title", "recommendation", "rationale", "intensity")
        )
        wrong = _OUTCOME_ONLY if kind == "question" else _QUESTION_ONLY
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
            if isinstance(t, str) and vocab.ID_RE.match(t) and t not in known_terms:
                yield doc.problem(
                    ("nodes", i, "terms", k), f"term '{t}' does not exist{did_you_mean(t, known_terms)}"
                )
        for k, r in enumerate(n.get("refs") or []):
            if isinstance(r, str) and vocab.REF_RE.match(r) and r not in kb.clauses:
                yield doc.problem(
                    ("nodes", i, "refs", k), f"clause '{r}' does not exist{did_you_mean(r, kb.clauses)}"
                )


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


def _guide(doc: Doc) -> Guide:
    d = doc.data
    nodes = {}
    start = ""
    for n in d["nodes"]:
        if n.get("start"):
            start = n["id"]
        nodes[n["id"]] = Node(
            id=n["id"],
            type=n["type"],
            phase=n.get("phase", ""),
            question=n.get("question", "").strip(),
            help=(n.get("help") or "").strip(),
            answers=tuple(
                Answer(a["label"].strip(), a["next"], (a.get("note") or "").strip())
                for a in n.get("answers") or ()
            ),
            title=n.get("title", "").strip(),
            recommendation=" ".join(n.get("recommendation", "").split()),
            rationale=(n.get("rationale") or "").strip(),
            intensity=n.get("intensity", ""),
            terms=tuple(n.get("terms") or ()),
            refs=tuple(n.get("refs") or ()),
        )
    return Guide(
        id=d["id"],
        title=d["title"].strip(),
        intro=d["intro"].strip(),
        start=start,
        nodes=nodes,
        phases=tuple((p["id"], p["title"].strip()) for p in d.get("phases") or ()),
        sources=tuple(
            (s["title"].strip(), s.get("url", ""), s.get("locator", "")) for s in d.get("sources") or ()
        ),
        path=doc.path,
    )
