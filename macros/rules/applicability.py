"""Rules for the applicability check: known ids, current dates, conditions that can hold.

Every role, risk level, question, option and milestone a file names must
exist; a package is dated only by milestones that are still current (a
superseded date is history and never dates an obligation); a condition names a
question asked earlier and a value that question can take; no text carries a
typed date. Outcome results of the decision guides are checked against the
role and risk ids found here (:func:`outcome_vocabulary`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import schema_applicability, vocab
from ..check import check
from ..problems import Problem, did_you_mean
from ..source import Doc, Key
from .common import items, text, typed_dates, unknown_clause


@dataclass(frozen=True)
class OutcomeVocabulary:
    """Role and risk-level ids that decision-guide results may use."""

    roles: frozenset[str] = frozenset()
    risks: frozenset[str] = frozenset()


NO_OUTCOMES = OutcomeVocabulary()


@dataclass
class _Scope:
    """What one file defines, for the cross-checks inside it."""

    roles: set[str] = field(default_factory=set)
    risks: set[str] = field(default_factory=set)
    current: set[str] = field(default_factory=set)
    superseded: dict[str, str] = field(default_factory=dict)
    answers: dict[str, set[str]] = field(default_factory=dict)


def check_applicability(
    files: dict[str, Doc], clauses: dict[str, object], timelines: dict[str, Doc]
) -> tuple[list[str], list[Problem], OutcomeVocabulary]:
    """Every applicability rule; returns valid file ids, problems, and the ids guides may use."""
    valid: list[str] = []
    problems: list[Problem] = []
    roles: set[str] = set()
    risks: set[str] = set()
    for stem, doc in sorted(files.items()):
        found = check(doc, schema_applicability.APPLICABILITY, vocab.APPLICABILITY_README)
        if isinstance(doc.data, dict):
            scope = _scope(doc, timelines.get(stem))
            roles |= scope.roles
            risks |= scope.risks
            found += list(_rules(stem, doc, clauses, scope))
        problems += found
        if not found:
            valid.append(stem)
    return valid, problems, OutcomeVocabulary(frozenset(roles), frozenset(risks))


def _scope(doc: Doc, timeline: Doc | None) -> _Scope:
    s = _Scope()
    s.roles = {text(r.get("id")) for _, r in items(doc.data, "roles")} - {None}
    s.risks = {text(r.get("id")) for _, r in items(doc.data, "risks")} - {None}
    if timeline is not None and isinstance(timeline.data, dict):
        for _, m in items(timeline.data, "milestones"):
            mid, successor = text(m.get("id")), text(m.get("superseded_by"))
            if mid and successor:
                s.superseded[mid] = successor
            elif mid:
                s.current.add(mid)
    return s


def _rules(stem: str, doc: Doc, clauses: dict[str, object], s: _Scope) -> Iterator[Problem]:
    framework = text(doc.data.get("framework"))
    if framework and framework != stem:
        yield doc.problem(
            ("framework",), f"framework '{framework}' does not match the file name '{stem}.yml'"
        )
    yield from typed_dates(doc, ("intro",), doc.data.get("intro"))
    for section in ("roles", "risks"):
        yield from _unique(doc, section, "id")
        for i, entry in items(doc.data, section):
            yield from unknown_clause(doc, (section, i, "basis"), entry.get("basis"), clauses)
            yield from typed_dates(doc, (section, i, "summary"), entry.get("summary"))
    yield from _unique(doc, "duties", "id")
    for i, duty in items(doc.data, "duties"):
        yield from _duty(doc, i, duty, clauses, s)
    yield from _unique(doc, "questions", "id")
    for i, q in items(doc.data, "questions"):
        yield from _question(doc, i, q, clauses, s)
        qid = text(q.get("id"))
        if qid:
            s.answers[qid] = _values(q)
    rules = doc.data.get("rules")
    if isinstance(rules, dict):
        for kind, known in (("risks", s.risks), ("roles", s.roles)):
            one = kind[:-1]
            for i, rule in items(rules, kind):
                key: Key = ("rules", kind, i)
                yield from _known(doc, (*key, one), rule.get(one), known, one.replace("risk", "risk level"))
                yield from unknown_clause(doc, (*key, "basis"), rule.get("basis"), clauses)
                for k, was in enumerate(rule.get("was") or []):
                    yield from _known(doc, (*key, "was", k), was, s.roles, "role")
                yield from _conditions(doc, (*key, "when"), rule.get("when"), s)
                yield from typed_dates(doc, (*key, "because"), rule.get("because"))


def _unique(doc: Doc, section: str, key: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, entry in items(doc.data, section):
        value = text(entry.get(key))
        if value in seen:
            yield doc.problem((section, i, key), f"duplicate {section[:-1]} id '{value}'")
        if value:
            seen.add(value)


def _known(doc: Doc, key: Key, value: Any, known: set[str], what: str) -> Iterator[Problem]:
    value = text(value)
    if value and value not in known:
        yield doc.problem(key, f"unknown {what} '{value}'{did_you_mean(value, known)}")


def _milestone(doc: Doc, key: Key, value: Any, s: _Scope) -> Iterator[Problem]:
    mid = text(value)
    if not mid or mid in s.current or not (s.current or s.superseded):
        return  # no valid timeline: its own problems are reported, not a cascade here
    if mid in s.superseded:
        yield doc.problem(
            key,
            f"milestone '{mid}' is superseded by '{s.superseded[mid]}': it is history and dates nothing",
            f"use '{s.superseded[mid]}'",
        )
    else:
        yield doc.problem(
            key,
            f"unknown milestone '{mid}'{did_you_mean(mid, s.current)}",
            "milestones are the ids in frameworks/timeline/<framework>.yml",
        )


def _duty(doc: Doc, i: int, duty: dict, clauses: dict[str, object], s: _Scope) -> Iterator[Problem]:
    key: Key = ("duties", i)
    for k, role in enumerate(duty.get("roles") or []):
        yield from _known(doc, (*key, "roles", k), role, s.roles, "role")
    own = {text(r) for r in duty.get("risks") or []} - {None}
    for k, risk in enumerate(duty.get("risks") or []):
        yield from _known(doc, (*key, "risks", k), risk, s.risks, "risk level")
    for j, d in items(duty, "dated_by"):
        yield from _own_risk(doc, (*key, "dated_by", j, "risk"), d.get("risk"), own)
        for k, m in enumerate(d.get("milestones") or []):
            yield from _milestone(doc, (*key, "dated_by", j, "milestones", k), m, s)
    for j, ob in items(duty, "obligations"):
        at: Key = (*key, "obligations", j)
        yield from unknown_clause(doc, (*at, "ref"), ob.get("ref"), clauses)
        for k, risk in enumerate(ob.get("risks") or []):
            yield from _own_risk(doc, (*at, "risks", k), risk, own)
        yield from _milestone(doc, (*at, "milestone"), ob.get("milestone"), s)
        yield from typed_dates(doc, (*at, "what"), ob.get("what"))


def _own_risk(doc: Doc, key: Key, value: Any, own: set[str]) -> Iterator[Problem]:
    value = text(value)
    if value and value not in own:
        yield doc.problem(
            key,
            f"'{value}' is not one of this package's risk levels ({', '.join(sorted(own))})",
            "add it to the package's 'risks' or drop it here",
        )


def _values(q: dict) -> set[str]:
    if q.get("kind") == "check":
        return set(vocab.CHECK_VALUES) | {vocab.UNSURE}
    values = {text(o.get("id")) for _, o in items(q, "options")} - {None}
    return values | ({vocab.UNSURE} if q.get("unsure") is True else set())


def _question(doc: Doc, i: int, q: dict, clauses: dict[str, object], s: _Scope) -> Iterator[Problem]:
    key: Key = ("questions", i)
    kind = q.get("kind")
    if kind == "check" and "options" in q:
        yield doc.problem((*key, "options"), "a 'check' question is answered yes, no or not sure: no options")
    if kind in ("choice", "multi") and not q.get("options"):
        yield doc.problem(key, f"a '{kind}' question needs 'options'")
    if "unsure" in q and kind != "choice":
        yield doc.problem(
            (*key, "unsure"), "'unsure' is only for 'choice' questions (checks always offer it)"
        )
    yield from _unique_options(doc, key, q)
    for k, ref in enumerate(q.get("refs") or []):
        yield from unknown_clause(doc, (*key, "refs", k), ref, clauses)
    yield from typed_dates(doc, (*key, "help"), q.get("help"))
    if "ask_if" in q:
        yield from _conditions(doc, (*key, "ask_if"), q.get("ask_if"), s)


def _unique_options(doc: Doc, key: Key, q: dict) -> Iterator[Problem]:
    seen: set[str] = set()
    for j, o in items(q, "options"):
        value = text(o.get("id"))
        if value in seen:
            yield doc.problem((*key, "options", j, "id"), f"duplicate option id '{value}'")
        if value:
            seen.add(value)


def _conditions(doc: Doc, key: Key, atoms: Any, s: _Scope) -> Iterator[Problem]:
    """Each condition is `fact` + `in`/`not_in` over an earlier question's values, or `risk`."""
    if not isinstance(atoms, list):
        return
    for k, atom in enumerate(atoms):
        if not isinstance(atom, dict):
            continue
        at: Key = (*key, k)
        forms = [f for f in ("in", "not_in") if f in atom]
        if "risk" in atom:
            if "fact" in atom or forms:
                yield doc.problem(at, "a condition is either 'risk' or 'fact' with 'in'/'not_in', not both")
            for j, risk in enumerate(atom.get("risk") or []):
                yield from _known(doc, (*at, "risk", j), risk, s.risks, "risk level")
            continue
        fact = text(atom.get("fact"))
        if not fact or len(forms) != 1:
            yield doc.problem(at, "a condition needs 'fact' and exactly one of 'in' or 'not_in' (or 'risk')")
            continue
        if fact not in s.answers:
            yield doc.problem(
                (*at, "fact"),
                f"unknown or later question '{fact}'{did_you_mean(fact, s.answers)}",
                "conditions may only name questions asked before this point",
            )
            continue
        for j, value in enumerate(atom.get(forms[0]) or []):
            value = text(value)
            if value and value not in s.answers[fact]:
                yield doc.problem(
                    (*at, forms[0], j),
                    f"'{value}' is not an answer to '{fact}'{did_you_mean(value, s.answers[fact])}",
                    f"answers to '{fact}': {', '.join(sorted(s.answers[fact]))}",
                )
