"""The shape of an applicability file (``frameworks/applicability/<framework>.yml``).

Kept apart from :mod:`.schema` because it is the largest shape; it uses the same
:class:`~.schema.Field` trees, so the structural check, the published JSON Schema
and the documentation come from it in the same way. Cross-file rules (known ids,
current milestones, conditions on earlier questions) are in :mod:`.rules.applicability`.
"""

from __future__ import annotations

from . import vocab
from .schema import Field, _enum, _s

_IDS = Field("", "id")

ATOM = Field(
    "",
    "map",
    "One condition: `fact` with `in` or `not_in`, or `risk` (any of these risk levels derived).",
    fields=(
        Field("fact", "id", "Question id.", required=False),
        Field("in", "list", "Holds when the answer is one of these values.", False, item=_IDS, min_items=1),
        Field("not_in", "list", "Holds when the answer is none of these.", False, item=_IDS, min_items=1),
        Field(
            "risk", "list", "Holds when any of these risk levels was derived.", False, item=_IDS, min_items=1
        ),
    ),
)
_WHEN = Field("when", "list", "Conditions that must all hold.", item=ATOM, min_items=1)


def _basis() -> tuple[Field, ...]:
    return (
        Field("basis", "ref", "Clause the statement rests on."),
        _s("pinpoint", "Paragraph and point, e.g. `Art. 3(4)`."),
    )


#: A role or a risk level: its name, the clause and point that set it, and what it means.
LABEL = Field(
    "", "map", fields=(Field("id", "id"), _s("label", "Name."), *_basis(), Field("summary", "text"))
)

APPLICABILITY = Field(
    "",
    "map",
    fields=(
        _enum("framework", vocab.FRAMEWORKS, "Framework whose applicability this is."),
        _s("title", "Title of the applicability page."),
        Field("intro", "markdown", "What the check decides and how to read it."),
        Field(
            "roles",
            "list",
            "Roles an organisation can hold.",
            item=LABEL,
            min_items=1,
        ),
        Field(
            "risks",
            "list",
            "Risk levels a system or model can have.",
            item=LABEL,
            min_items=1,
        ),
        Field(
            "duties",
            "list",
            "Obligation packages: what a role carries at a risk level.",
            min_items=1,
            item=Field(
                "",
                "map",
                fields=(
                    Field("id", "id"),
                    _s("title", "Title."),
                    Field("roles", "list", "Roles that carry it.", item=_IDS, min_items=1),
                    Field("risks", "list", "Risk levels it applies at.", item=_IDS, min_items=1),
                    Field(
                        "dated_by",
                        "list",
                        "Timeline milestones that date the package at a risk level (else each clause's own).",
                        required=False,
                        item=Field(
                            "",
                            "map",
                            fields=(
                                Field("risk", "id"),
                                Field("milestones", "list", item=_IDS, min_items=1),
                            ),
                        ),
                    ),
                    Field(
                        "obligations",
                        "list",
                        "The obligations.",
                        min_items=1,
                        item=Field(
                            "",
                            "map",
                            fields=(
                                Field("ref", "ref", "The clause."),
                                _s("pinpoint", "Paragraph and point."),
                                Field("what", "text", "What to do, in our own words."),
                                Field("risks", "list", "Only at these risk levels.", False, item=_IDS),
                                Field("milestone", "id", "A milestone that dates this one.", required=False),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Field(
            "questions",
            "list",
            "Questions of the applicability check, in order.",
            min_items=1,
            item=Field(
                "",
                "map",
                fields=(
                    Field("id", "id"),
                    _enum("kind", vocab.QUESTION_KINDS, "check, choice or multi."),
                    _s("text", "The question."),
                    Field("help", "text", "Help, citing clauses."),
                    Field("refs", "list", "Clauses.", required=False, item=Field("", "ref")),
                    Field(
                        "options",
                        "list",
                        "Options (choice and multi).",
                        required=False,
                        item=Field("", "map", fields=(Field("id", "id"), _s("label", "Label."))),
                    ),
                    Field("unsure", "bool", "Offer 'Not sure' (choice questions).", required=False),
                    Field("ask_if", "list", "Ask only when these hold.", False, item=ATOM, min_items=1),
                ),
            ),
        ),
        Field(
            "rules",
            "map",
            "How answers give risk levels and roles.",
            fields=(
                Field(
                    "risks",
                    "list",
                    "Risk rules, in order.",
                    min_items=1,
                    item=Field("", "map", fields=(Field("risk", "id"), _WHEN, Field("because", "text"))),
                ),
                Field(
                    "roles",
                    "list",
                    "Role rules.",
                    min_items=1,
                    item=Field(
                        "",
                        "map",
                        fields=(
                            Field("role", "id"),
                            *_basis(),
                            Field("was", "list", "Roles this one replaces or adds to.", False, item=_IDS),
                            _WHEN,
                            Field("because", "text"),
                        ),
                    ),
                ),
            ),
        ),
    ),
)
