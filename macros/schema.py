"""Declarative shapes of every data file, written once.

The same :class:`Field` trees drive structural validation (:mod:`.check`),
the published JSON Schema files (:func:`json_schema`) and the scaffold
(:mod:`.scaffold`). Cross-file rules (does a referenced term exist?) live in
:mod:`.validate`, which runs after this structural pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import vocab


@dataclass(frozen=True)
class Field:
    """One key of a mapping, or the item shape of a list.

    ``kind`` is one of: ``string`` (one line), ``text`` (prose, Markdown for
    ``markdown``), ``id``, ``ref``, ``enum``, ``date``, ``bool``, ``url``,
    ``int``, ``list`` (of ``item``) and ``map`` (of ``fields``).
    """

    name: str
    kind: str
    doc: str = ""
    required: bool = True
    choices: tuple[str, ...] = ()
    item: Field | None = None
    fields: tuple[Field, ...] = ()
    min_items: int = 0
    example: Any = None

    def field(self, name: str) -> Field | None:
        """The sub-field called ``name`` of a ``map`` field."""
        return next((f for f in self.fields if f.name == name), None)


def _s(name: str, doc: str, required: bool = True, example: Any = None) -> Field:
    return Field(name, "string", doc, required, example=example)


def _strings(name: str, doc: str, required: bool = False, min_items: int = 0) -> Field:
    return Field(name, "list", doc, required, item=Field("", "string"), min_items=min_items)


def _enum(name: str, choices, doc: str, required: bool = True) -> Field:
    return Field(name, "enum", doc, required, choices=tuple(choices))


def _enums(name: str, choices, doc: str, min_items: int = 1) -> Field:
    return Field(name, "list", doc, True, item=_enum("", choices, ""), min_items=min_items)


REFERENCE = Field(
    "",
    "map",
    fields=(
        Field("ref", "ref", "Canonical clause reference `<framework>:<clause>`, e.g. `eu-ai-act:art-25`."),
        _enum("relation", vocab.REFERENCE_RELATIONS, "How the clause relates to the term."),
        Field("note", "text", "One sentence: what the clause says about the term.", required=False),
    ),
)

RELATED = Field(
    "",
    "map",
    fields=(
        Field("term", "id", "Id of another glossary entry (its file name without `.yml`)."),
        _enum("relation", vocab.TERM_RELATIONS, "How that term relates to this one."),
        Field("note", "text", "Optional: why they are related.", required=False),
    ),
)

DEFINITION = Field(
    "",
    "map",
    fields=(
        _s("source", "Who defines it, e.g. `EU AI Act`, `ISO/IEC 22989:2022`, `NIST AI 100-1`."),
        _s("locator", "Where: article, clause or section, e.g. `Art. 3(4)`."),
        Field("ref", "ref", "Canonical clause reference when the source is in our catalogs.", False),
        Field("paraphrase", "text", "The definition in our own words (never a copied sentence)."),
        _enum("jurisdiction", vocab.JURISDICTIONS, "Where the definition has force."),
        Field("binding", "bool", "true when the definition is legally binding."),
        _enum(
            "status",
            vocab.SOURCE_STATUSES,
            "What the definition rests on: binding-text, official-guidance, standard or interpretation.",
            required=False,
        ),
    ),
)

SOURCE = Field(
    "",
    "map",
    fields=(
        _s("title", "Title of the source."),
        Field("url", "url", "https link, when the source is online.", required=False),
        _s("document", "Document id when there is no URL (e.g. `ISO/IEC 42001:2023`).", False),
        _s("locator", "Article, clause or section within the source.", False),
    ),
)

REVIEW = Field(
    "review",
    "map",
    "Review state of the entry.",
    fields=(
        _enum("status", vocab.REVIEW_STATUSES, "Review status."),
        Field("last_reviewed", "date", "Date of the last review, `YYYY-MM-DD`."),
        _s("reviewer", "Who reviewed it.", required=False),
    ),
)

GLOSSARY_ENTRY = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Lower-case id; must equal the file name without `.yml`."),
        _s("term", "The term as it should be displayed."),
        _strings("aliases", "Other names, spellings and plurals that mean the same thing."),
        _strings("acronyms", "Acronyms and abbreviations (e.g. `PEFT`)."),
        _enum("category", vocab.CATEGORIES, "One category from the closed list."),
        Field("summary", "text", "One or two plain sentences, no Markdown."),
        Field("explanation", "markdown", "What it is, in our own words (Markdown)."),
        Field("why_it_matters", "markdown", "Why a governance team should care (Markdown)."),
        Field(
            "compel",
            "map",
            "How the term is used in COMPEL.",
            fields=(
                _enums("pillars", vocab.COMPEL_PILLARS, "COMPEL pillars it belongs to."),
                _enums("stages", vocab.COMPEL_STAGES, "COMPEL stages where it is applied."),
                Field("usage", "markdown", "How it applies in those stages (Markdown)."),
            ),
        ),
        Field("references", "list", "Framework clauses.", item=REFERENCE, min_items=1),
        Field("related", "list", "Typed relations to other terms.", item=RELATED, min_items=1),
        Field("definitions", "list", "Definitions the frameworks give (may be `[]`).", item=DEFINITION),
        Field(
            "definitions_note",
            "markdown",
            "With two or more definitions: how they differ, in one to three sentences.",
            required=False,
        ),
        Field("sources", "list", "Where the facts come from.", item=SOURCE, min_items=1),
        REVIEW,
    ),
)

CLAUSE = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Clause id, unique in the framework (e.g. `art-25`, `govern-1.1`, `a.6.2.4`)."),
        Field(
            "kind",
            "enum",
            "Kind of item; allowed kinds depend on the framework.",
            choices=tuple(sorted({k for ks in vocab.KINDS.values() for k in ks})),
        ),
        _s("code", "Code as the framework writes it (e.g. `Art. 25`, `GOVERN 1.1`, `A.6.2.4`)."),
        _s("title", "Official short title."),
        Field("parent", "id", "Id of the parent item in the same framework.", required=False),
        Field("summary", "text", "One or two sentences in our own words."),
        Field("details", "markdown", "Fuller explanation for key items (Markdown).", required=False),
    ),
)

FRAMEWORK = Field(
    "",
    "map",
    fields=(
        Field("id", "enum", "Framework id; must equal the folder name.", choices=tuple(vocab.FRAMEWORKS)),
        _s("name", "Short name."),
        _s("full_title", "Full official title."),
        _s("version", "Version or edition."),
        _s("publisher", "Who publishes it."),
        Field("published", "date", "Publication date, `YYYY-MM-DD`."),
        Field("url", "url", "Official page."),
        Field("binding", "bool", "true when it is law."),
        _enum("jurisdiction", vocab.JURISDICTIONS, "Where it has force."),
        Field("summary", "text", "Two or three sentences in our own words."),
        Field("notes", "markdown", "Caveats: what was verified and what was not.", required=False),
    ),
)

CATALOG = Field(
    "",
    "map",
    fields=(Field("items", "list", "Framework items.", item=CLAUSE, min_items=1),),
)


_REFS = Field("refs", "list", "Clause references.", required=False, item=Field("", "ref"))
_TERMS = Field("terms", "list", "Glossary term ids.", required=False, item=Field("", "id"))

ANSWER = Field(
    "",
    "map",
    fields=(
        _s("label", "Answer text shown on the button and the flowchart edge."),
        Field("next", "id", "Id of the node this answer leads to."),
        Field("note", "text", "Optional: why this answer leads there.", required=False),
    ),
)

ROLE_CLAIM = Field(
    "",
    "map",
    fields=(
        Field("role", "id", "Role id (frameworks/applicability/), e.g. `provider`."),
        Field("basis", "ref", "Clause that gives the role, e.g. `eu-ai-act:art-25`."),
        _s("pinpoint", "Paragraph and point, e.g. `Art. 25(1)(b)`."),
        Field("was", "id", "Optional: the role held before (a role change).", required=False),
        Field("because", "text", "Why the role applies, in our own words."),
    ),
)

NODE = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Node id, unique in the guide."),
        Field("type", "enum", "`question` or `outcome`.", choices=("question", "outcome")),
        Field("start", "bool", "true on the one node the guide starts from.", required=False),
        Field("phase", "id", "Id of a phase of this guide.", required=False),
        _s("question", "Question (question nodes).", required=False),
        Field("help", "text", "Plain-text help (question nodes).", required=False),
        Field("answers", "list", "Answers (question nodes).", required=False, item=ANSWER),
        _s("title", "Short outcome title (outcome nodes).", required=False),
        Field("recommendation", "text", "What to do (outcome nodes).", required=False),
        Field("rationale", "markdown", "Why, citing terms and clauses (outcome nodes).", required=False),
        Field(
            "intensity",
            "enum",
            "Governance intensity (outcome nodes).",
            required=False,
            choices=tuple(vocab.INTENSITIES),
        ),
        _TERMS,
        _REFS,
        Field(
            "result",
            "map",
            "Structured result (outcome nodes): roles, risk level, facts still open.",
            required=False,
            fields=(
                Field("roles", "list", "Roles the reader holds on every path here.", False, item=ROLE_CLAIM),
                Field(
                    "risk",
                    "list",
                    "Risk-level ids (frameworks/applicability/).",
                    False,
                    item=Field("", "id"),
                ),
                Field("open", "text", "Facts still to settle, and what turns on them.", required=False),
            ),
        ),
    ),
)

#: Keys that belong on one node type only.
QUESTION_ONLY = ("question", "help", "answers")
OUTCOME_ONLY = ("title", "recommendation", "rationale", "intensity")

GUIDE = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Guide id; must equal the file name."),
        _s("title", "Title of the guide."),
        Field("intro", "markdown", "What the guide decides and for whom."),
        Field(
            "phases",
            "list",
            "Optional phases grouping the questions.",
            required=False,
            item=Field("", "map", fields=(Field("id", "id"), Field("title", "string"))),
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
                    Field("title", "string"),
                    Field("url", "url", required=False),
                    Field("locator", "string", required=False),
                ),
            ),
        ),
    ),
)

STEP = Field(
    "",
    "map",
    fields=(
        Field("term", "id", "Glossary term id of this step."),
        Field("changes_weights", "bool", "true when the step changes model weights."),
        Field("control", "int", "Control over behaviour, 1 (least) to 5 (most)."),
        Field("cost", "int", "Cost and effort, 1 to 5."),
        Field("accountability", "int", "Accountability the organisation takes on, 1 to 5."),
        Field("summary", "text", "What the step means for governance, in one or two sentences."),
    ),
)

SPECTRUM = Field(
    "",
    "map",
    fields=(
        _s("title", "Page title."),
        Field("intro", "markdown", "Introduction."),
        Field("steps", "list", "Steps from least to most modification.", item=STEP, min_items=3),
    ),
)


def _provenance(required: bool) -> tuple[Field, ...]:
    return (
        _enum("method", vocab.MAPPING_METHODS, "How the mappings were made.", required),
        _s("author", "Who (or what) drafted them.", required),
        _s("reviewer", "Who reviewed them; required when status is `reviewed`.", False),
        _enum("status", vocab.MAPPING_STATUSES, "`draft` until a person has reviewed them.", required),
        Field("date", "date", "Date of the last change, `YYYY-MM-DD`.", required),
    )


MAPPING = Field(
    "",
    "map",
    fields=(
        Field("source", "ref", "Source clause, `<framework>:<clause>` in the file's source framework."),
        Field("target", "ref", "Target clause, in the file's target framework."),
        _enum(
            "relation", vocab.MAPPING_RELATIONS, 'Set-theory relationship, read "source <relation> target".'
        ),
        _enum(
            "rationale", vocab.MAPPING_RATIONALES, "Why they are mapped: syntactic, semantic or functional."
        ),
        Field("strength", "int", "How strong the link is, 1 (weak) to 10 (the clauses say the same)."),
        Field(
            "justification",
            "text",
            "One or two sentences, in our own words, on why this type and direction hold.",
        ),
        _s("basis", "A public document that links the same pair (cite it; never copy its text).", False),
        Field(
            "provenance",
            "map",
            "Overrides of the file's provenance for this row.",
            required=False,
            fields=_provenance(False),
        ),
    ),
)

CROSSWALK = Field(
    "",
    "map",
    fields=(
        _enum("source", vocab.FRAMEWORKS, "Framework id of every row's source clause."),
        _enum("target", vocab.FRAMEWORKS, "Framework id of every row's target clause."),
        _s("title", "Title of the crosswalk page."),
        Field("intro", "markdown", "How to read the mappings and what they cannot tell (Markdown)."),
        Field(
            "provenance",
            "map",
            "Provenance of every row unless the row says otherwise.",
            fields=_provenance(True),
        ),
        Field(
            "basis",
            "list",
            "Public documents that link pairs of these frameworks.",
            required=False,
            item=Field(
                "",
                "map",
                fields=(
                    _s("title", "Title."),
                    Field("url", "url", "Link.", required=False),
                    _s("locator", "", False),
                ),
            ),
        ),
        Field("mappings", "list", "The clause-to-clause rows.", item=MAPPING, min_items=1),
    ),
)


AMENDMENT = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Id the milestones cite in `amended_by`."),
        _s("title", "The amending act, e.g. `Regulation (EU) 2026/1744 (AI omnibus)`."),
        Field("published", "date", "Publication in the Official Journal."),
        Field("in_force", "date", "Date it entered into force."),
        _enum("status", vocab.DATE_STATUSES, "How its text was checked."),
        Field("note", "text", "What was and was not checked.", required=False),
    ),
)

MILESTONE = Field(
    "",
    "map",
    fields=(
        Field("id", "id", "Id, unique in the timeline."),
        Field("date", "date", "The application date, `YYYY-MM-DD`."),
        Field("applies", "text", "What applies from that date (plain text)."),
        Field("to", "text", "To whom it applies."),
        _s(
            "basis",
            "Legal basis, e.g. `Art. 113, third paragraph, point (a)` or `Art. 113 as amended by ...`.",
        ),
        _enum("status", vocab.DATE_STATUSES, "binding-text, secondary-sources or reported."),
        Field("amended_by", "id", "Id of the amendment that set this date.", required=False),
        Field(
            "superseded_by", "id", "Id of the milestone that replaced this date (history).", required=False
        ),
        Field("clauses", "list", "The clauses the date applies to.", item=Field("", "ref"), min_items=1),
    ),
)

TIMELINE = Field(
    "",
    "map",
    fields=(
        _enum("framework", vocab.FRAMEWORKS, "Framework whose dates these are."),
        _s("title", "Title of the timeline page."),
        Field("amendments", "list", "Amending acts the timeline includes.", required=False, item=AMENDMENT),
        Field(
            "milestones",
            "list",
            "Every application date, current and superseded.",
            item=MILESTONE,
            min_items=1,
        ),
    ),
)


def json_schema(spec: Field, title: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) describing ``spec``, for editors and pre-commit."""
    out = _json(spec)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **out}


def _json(f: Field) -> dict[str, Any]:
    base: dict[str, Any] = {"description": f.doc} if f.doc else {}
    if f.kind == "map":
        return {
            **base,
            "type": "object",
            "additionalProperties": False,
            "required": [x.name for x in f.fields if x.required],
            "properties": {x.name: _json(x) for x in f.fields},
        }
    if f.kind == "list":
        assert f.item is not None
        return {**base, "type": "array", "minItems": f.min_items, "items": _json(f.item)}
    simple: dict[str, dict[str, Any]] = {
        "string": {"type": "string", "minLength": 1},
        "text": {"type": "string", "minLength": 1},
        "markdown": {"type": "string", "minLength": 1},
        "id": {"type": "string", "pattern": vocab.ID_PATTERN},
        "ref": {"type": "string", "pattern": vocab.REF_PATTERN},
        "enum": {"type": "string", "enum": list(f.choices)},
        "date": {"type": "string", "pattern": vocab.DATE_PATTERN},
        "bool": {"type": "boolean"},
        "int": {"type": "integer"},
        "url": {"type": "string", "pattern": "^https?://"},
    }
    return {**base, **simple[f.kind]}
