"""The read-only model: frozen dataclasses built once from validated data.

Everything downstream (graph, render, export, front-end glue) reads these
objects and never touches files. Each object keeps the file (and line) it
came from so later checks can still point at the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .refs import ClauseRef
from .vocab import FRAMEWORKS


@dataclass(frozen=True)
class Framework:
    """A framework's metadata (``frameworks/<id>/framework.yml``)."""

    id: str
    name: str
    full_title: str
    version: str
    publisher: str
    published: str
    url: str
    binding: bool
    jurisdiction: str
    summary: str
    notes: str = ""
    path: str = ""


@dataclass(frozen=True)
class Clause:
    """One item of a framework catalog: article, subcategory, control, stage..."""

    framework: str
    id: str
    kind: str
    code: str
    title: str
    summary: str
    parent: str | None = None
    details: str = ""
    path: str = ""
    line: int = 0

    @property
    def ref(self) -> str:
        """Canonical reference ``<framework>:<id>``."""
        return f"{self.framework}:{self.id}"

    @property
    def parent_ref(self) -> str | None:
        """Canonical reference of the parent item, if any."""
        return f"{self.framework}:{self.parent}" if self.parent else None

    @property
    def framework_name(self) -> str:
        """Display name of the framework."""
        return FRAMEWORKS[self.framework]


@dataclass(frozen=True)
class Reference:
    """A typed link from a term to a clause."""

    ref: str
    relation: str
    note: str = ""

    @property
    def framework(self) -> str:
        """Framework id part of the reference."""
        return ClauseRef.of(self.ref).framework


@dataclass(frozen=True)
class Relation:
    """A typed link from a term to another term."""

    term: str
    relation: str
    note: str = ""


@dataclass(frozen=True)
class Definition:
    """A definition a framework or standard gives, paraphrased."""

    source: str
    locator: str
    paraphrase: str
    jurisdiction: str
    binding: bool
    ref: str | None = None
    status: str = ""


@dataclass(frozen=True)
class Source:
    """Where facts in an entry come from."""

    title: str
    url: str = ""
    document: str = ""
    locator: str = ""


@dataclass(frozen=True)
class Review:
    """Review state of an entry."""

    status: str
    last_reviewed: str
    reviewer: str = ""


@dataclass(frozen=True)
class CompelUsage:
    """How a term is used across COMPEL pillars and stages."""

    pillars: tuple[str, ...]
    stages: tuple[str, ...]
    usage: str


@dataclass(frozen=True)
class Term:
    """A glossary entry (``glossary/<id>.yml``)."""

    id: str
    term: str
    category: str
    summary: str
    explanation: str
    why_it_matters: str
    compel: CompelUsage
    review: Review
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    related: tuple[Relation, ...] = ()
    definitions: tuple[Definition, ...] = ()
    sources: tuple[Source, ...] = ()
    definitions_note: str = ""
    path: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """Every name a reader may type for this term: name, aliases, acronyms."""
        return (self.term, *self.aliases, *self.acronyms)


@dataclass(frozen=True)
class Answer:
    """One answer of a decision-guide question: its label and the node it leads to."""

    label: str
    next: str
    note: str = ""


@dataclass(frozen=True)
class RoleClaim:
    """A role an outcome or a rule gives, with the clause and point it rests on."""

    role: str
    basis: str
    pinpoint: str
    because: str
    was: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    """The structured result of an outcome: roles, risk levels, facts still open."""

    roles: tuple[RoleClaim, ...] = ()
    risks: tuple[str, ...] = ()
    open: str = ""


@dataclass(frozen=True)
class Node:
    """A question or an outcome of a decision guide."""

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
    result: Result | None = None


@dataclass(frozen=True)
class GuideSource:
    """A publication a decision guide's reasoning rests on."""

    title: str
    url: str = ""
    locator: str = ""


@dataclass(frozen=True)
class Guide:
    """A validated decision guide (``frameworks/decisions/<id>.yml``)."""

    id: str
    title: str
    intro: str
    start: str
    nodes: dict[str, Node]
    phases: tuple[tuple[str, str], ...] = ()
    sources: tuple[GuideSource, ...] = ()
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


@dataclass(frozen=True)
class Step:
    """One step of the modification spectrum."""

    term: str
    changes_weights: bool
    control: int
    cost: int
    accountability: int
    summary: str


@dataclass(frozen=True)
class Spectrum:
    """The modification spectrum (``frameworks/spectrum.yml``), in order."""

    title: str
    intro: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Provenance:
    """Who made a mapping, how, and whether a person has reviewed it."""

    method: str
    author: str
    status: str
    date: str
    reviewer: str = ""


@dataclass(frozen=True)
class Mapping:
    """A typed link from a clause of one framework to a clause of another (NIST IR 8477).

    Read "``source`` ``relation`` ``target``". Direct mappings come from a
    crosswalk file (``path``/``line``); inverse and inferred ones are derived,
    and an inferred one names the clauses it passed through in ``via``.
    """

    source: str
    target: str
    relation: str
    rationale: str
    strength: int
    justification: str
    provenance: Provenance
    basis: str = ""
    crosswalk: str = ""
    path: str = ""
    line: int = 0
    inverse: bool = False
    via: tuple[str, ...] = ()

    @property
    def inferred(self) -> bool:
        """True when the mapping was composed through a pivot clause."""
        return bool(self.via)

    @property
    def source_framework(self) -> str:
        """Framework id of the source clause."""
        return ClauseRef.of(self.source).framework

    @property
    def target_framework(self) -> str:
        """Framework id of the target clause."""
        return ClauseRef.of(self.target).framework


@dataclass(frozen=True)
class Crosswalk:
    """A file of direct mappings between two frameworks (``frameworks/crosswalks/<a>--<b>.yml``)."""

    id: str
    source: str
    target: str
    title: str
    intro: str
    provenance: Provenance
    mappings: tuple[Mapping, ...]
    basis: tuple[GuideSource, ...] = ()
    path: str = ""


@dataclass(frozen=True)
class Amendment:
    """An act that amended a framework's dates (e.g. Regulation (EU) 2026/1744)."""

    id: str
    title: str
    published: str
    in_force: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class Milestone:
    """An application date: what applies, to whom, from when, on what basis, how sure we are.

    A superseded milestone is history: ``superseded_by`` names the one that replaced it.
    """

    id: str
    date: str
    applies: str
    to: str
    basis: str
    status: str
    clauses: tuple[str, ...]
    amended_by: str = ""
    superseded_by: str = ""
    framework: str = ""
    path: str = ""
    line: int = 0

    @property
    def current(self) -> bool:
        """True unless a later act replaced this date."""
        return not self.superseded_by


@dataclass(frozen=True)
class Timeline:
    """Every application date of one framework (``frameworks/timeline/<framework>.yml``)."""

    framework: str
    title: str
    milestones: tuple[Milestone, ...]
    amendments: dict[str, Amendment] = field(default_factory=dict)
    path: str = ""


@dataclass(frozen=True)
class Label:
    """A role or a risk level: its name, where the Act sets it, and what it means."""

    id: str
    label: str
    basis: str
    pinpoint: str
    summary: str


@dataclass(frozen=True)
class Obligation:
    """One obligation of a package: the clause, its point, what to do, where it applies."""

    ref: str
    pinpoint: str
    what: str
    risks: tuple[str, ...] = ()
    milestone: str = ""


@dataclass(frozen=True)
class Duties:
    """What the holders of some roles must do at some risk levels, and which dates govern it."""

    id: str
    title: str
    roles: tuple[str, ...]
    risks: tuple[str, ...]
    obligations: tuple[Obligation, ...]
    dated_by: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Atom:
    """One condition: a question's answer in (or not in) some values, or a derived risk level."""

    fact: str = ""
    values: tuple[str, ...] = ()
    negate: bool = False
    risks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A question of the applicability check."""

    id: str
    kind: str
    text: str
    help: str
    options: tuple[tuple[str, str], ...] = ()
    unsure: bool = False
    ask_if: tuple[Atom, ...] = ()
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """Gives a risk level or a role when every condition holds."""

    gives: str
    when: tuple[Atom, ...]
    because: str
    claim: RoleClaim | None = None


@dataclass(frozen=True)
class Applicability:
    """Roles, risk levels, obligation packages, and the questions and rules that decide them."""

    framework: str
    title: str
    intro: str
    roles: dict[str, Label]
    risks: dict[str, Label]
    duties: tuple[Duties, ...]
    questions: tuple[Question, ...]
    risk_rules: tuple[Rule, ...]
    role_rules: tuple[Rule, ...]
    path: str = ""


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything loaded: frameworks, their clauses, glossary terms and decision guides.

    Treat as read-only; indexes are derived in :func:`build` and never edited.
    """

    frameworks: dict[str, Framework]
    clauses: dict[str, Clause]
    terms: dict[str, Term]
    decisions: dict[str, Guide] = field(default_factory=dict)
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    spectrum: Spectrum | None = None
    crosswalks: dict[str, Crosswalk] = field(default_factory=dict)
    timelines: dict[str, Timeline] = field(default_factory=dict)
    dates: dict[str, tuple[Milestone, ...]] = field(default_factory=dict)
    applicability: dict[str, Applicability] = field(default_factory=dict)

    def milestone(self, milestone_id: str) -> Milestone | None:
        """A milestone of any timeline by its id (current or superseded)."""
        for t in self.timelines.values():
            for m in t.milestones:
                if m.id == milestone_id:
                    return m
        return None

    def dates_of(self, ref: str) -> tuple[Milestone, ...]:
        """Application dates of a clause, current and superseded, by date."""
        return self.dates.get(ref, ())

    def framework_roots(self, framework: str) -> list[Clause]:
        """Top-level items of a framework, in catalog order."""
        return [c for c in self.clauses.values() if c.framework == framework and not c.parent]

    def children_of(self, ref: str) -> list[Clause]:
        """Direct children of a clause, in catalog order."""
        return [self.clauses[r] for r in self.children.get(ref, ())]

    def ancestors(self, ref: str) -> list[Clause]:
        """Parents of a clause from the top down (not including itself)."""
        out: list[Clause] = []
        seen: set[str] = set()
        parent = self.clauses[ref].parent_ref
        while parent and parent in self.clauses and parent not in seen:
            seen.add(parent)
            out.append(self.clauses[parent])
            parent = self.clauses[parent].parent_ref
        return out[::-1]


def index_children(clauses: dict[str, Clause]) -> dict[str, tuple[str, ...]]:
    """Map each clause reference to its children's references, in catalog order."""
    kids: dict[str, list[str]] = {}
    for c in clauses.values():
        if c.parent_ref and c.parent_ref in clauses:
            kids.setdefault(c.parent_ref, []).append(c.ref)
    return {k: tuple(v) for k, v in kids.items()}
