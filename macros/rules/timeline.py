"""Rules for timelines: every date has a basis and a status, cites known clauses, and history links hold.

A superseded date must name the milestone that replaced it, which must be
current; a date set by an amendment must name an amendment the timeline lists.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import schema, vocab
from ..check import check
from ..problems import Problem, did_you_mean
from ..source import Doc
from .common import items, text, unknown_clause


def check_timelines(timelines: dict[str, Doc], clauses: dict[str, object]) -> tuple[list[str], list[Problem]]:
    """Every timeline rule; returns the ids of files the model may be built from."""
    valid: list[str] = []
    problems: list[Problem] = []
    for stem, doc in sorted(timelines.items()):
        found = check(doc, schema.TIMELINE, vocab.TIMELINE_README)
        if isinstance(doc.data, dict):
            found += list(_rules(stem, doc, clauses))
        problems += found
        if not found:
            valid.append(stem)
    return valid, problems


def _rules(stem: str, doc: Doc, clauses: dict[str, object]) -> Iterator[Problem]:
    framework = text(doc.data.get("framework"))
    if framework and framework != stem:
        yield doc.problem(
            ("framework",), f"framework '{framework}' does not match the file name '{stem}.yml'"
        )
    amendments = {text(a.get("id")) for _, a in items(doc.data, "amendments")}
    milestones = dict(items(doc.data, "milestones"))
    ids: dict[str, int] = {}
    for i, m in milestones.items():
        mid = text(m.get("id"))
        if mid in ids:
            yield doc.problem(("milestones", i, "id"), f"duplicate milestone id '{mid}'")
        elif mid:
            ids[mid] = i
    for i, m in milestones.items():
        seen: set[str] = set()
        for k, ref in enumerate(m.get("clauses") or []):
            yield from unknown_clause(doc, ("milestones", i, "clauses", k), ref, clauses)
            if ref in seen:
                yield doc.problem(("milestones", i, "clauses", k), f"'{ref}' is listed twice")
            seen.add(ref)
        amended = text(m.get("amended_by"))
        if amended and amended not in amendments:
            yield doc.problem(
                ("milestones", i, "amended_by"),
                f"unknown amendment '{amended}'{did_you_mean(amended, amendments)}",
                "list the amending act under 'amendments:'",
            )
        successor = text(m.get("superseded_by"))
        if not successor:
            continue
        if successor not in ids:
            yield doc.problem(
                ("milestones", i, "superseded_by"),
                f"unknown milestone '{successor}'{did_you_mean(successor, ids)}",
            )
        elif text(milestones[ids[successor]].get("superseded_by")):
            yield doc.problem(
                ("milestones", i, "superseded_by"),
                f"'{successor}' is itself superseded: point to the date that is current",
            )
