"""The controlled vocabularies, defined once.

Imported by the loader, the validator, the JSON Schema generator, the
scaffold command and the docs page that lists them. Change a term here and
every consumer follows.
"""

from __future__ import annotations

import re

#: Lower-case ids: letters, digits, single dots or hyphens between them.
ID_PATTERN = r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)

#: Canonical clause reference ``<framework>:<clause>``.
REF_PATTERN = r"^[a-z0-9-]+:[a-z0-9]+(?:[.-][a-z0-9]+)*$"
REF_RE = re.compile(REF_PATTERN)

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

#: Framework ids, in display order.
FRAMEWORKS: dict[str, str] = {
    "eu-ai-act": "EU AI Act",
    "nist-ai-rmf": "NIST AI RMF 1.0",
    "iso-42001": "ISO/IEC 42001:2023",
    "compel": "COMPEL",
}

#: Clause kinds allowed per framework.
KINDS: dict[str, tuple[str, ...]] = {
    "eu-ai-act": ("chapter", "article", "annex"),
    "nist-ai-rmf": ("function", "category", "subcategory", "characteristic"),
    "iso-42001": ("clause", "area", "group", "control"),
    "compel": ("stage", "pillar"),
}

#: Glossary categories (closed): id -> label.
CATEGORIES: dict[str, str] = {
    "adaptation": "Model adaptation technique",
    "model": "Models and systems",
    "data": "Data",
    "risk": "Risk and harm",
    "role": "Roles and accountability",
    "regulation": "Regulatory concept",
    "process": "Governance process",
    "documentation": "Documentation",
    "assurance": "Testing and assurance",
    "operations": "Operations and lifecycle",
}

#: How a term relates to a framework clause: id -> label shown on pages.
REFERENCE_RELATIONS: dict[str, str] = {
    "defined-in": "Defined in",
    "obligation-in": "Obligation in",
    "addressed-by": "Addressed by",
    "related-to": "Related to",
}

#: Typed relations between terms (SKOS-style), with the inverse shown on the target.
TERM_RELATIONS: dict[str, str] = {
    "broader": "Broader terms",
    "narrower": "Narrower terms",
    "related": "Related terms",
    "alternative-to": "Alternatives",
    "contrasts-with": "Contrasts with",
    "part-of": "Part of",
}
TERM_RELATION_INVERSE: dict[str, str] = {
    "broader": "narrower",
    "narrower": "broader",
    "related": "related",
    "alternative-to": "alternative-to",
    "contrasts-with": "contrasts-with",
    "part-of": "has-part",
}
TERM_RELATION_LABELS: dict[str, str] = {**TERM_RELATIONS, "has-part": "Has parts"}

REVIEW_STATUSES: dict[str, str] = {
    "draft": "Draft: not yet reviewed",
    "in-review": "In review",
    "reviewed": "Reviewed",
}

JURISDICTIONS: tuple[str, ...] = ("EU", "US", "international", "none")

#: What kind of text a definition or legal claim rests on.
SOURCE_STATUSES: dict[str, str] = {
    "binding-text": "Binding legal text (paraphrased)",
    "official-guidance": "Official guidance (non-binding)",
    "standard": "Standard (paraphrased, cited by clause)",
    "interpretation": "Our interpretation",
}

COMPEL_STAGES: tuple[str, ...] = ("calibrate", "organize", "model", "produce", "evaluate", "learn")
COMPEL_PILLARS: tuple[str, ...] = ("people", "process", "technology", "governance")

#: Governance intensity of a decision-guide outcome: id -> label.
INTENSITIES: dict[str, str] = {
    "minimal": "Minimal: record the decision",
    "low": "Low: standard documentation and monitoring",
    "moderate": "Moderate: documented testing and a named owner",
    "high": "High: formal assessment, testing and sign-off",
    "very-high": "Very high: full compliance programme and independent review",
}

#: Set-theory relationship of a clause mapping (NIST IR 8477), read "SOURCE <relation> TARGET".
MAPPING_RELATIONS: dict[str, str] = {
    "equal": "Equal",
    "subset-of": "Subset of",
    "superset-of": "Superset of",
    "intersects-with": "Intersects with",
    "not-related": "Not related",
}
MAPPING_INVERSE: dict[str, str] = {
    "equal": "equal",
    "subset-of": "superset-of",
    "superset-of": "subset-of",
    "intersects-with": "intersects-with",
    "not-related": "not-related",
}
#: Why two clauses are mapped (NIST IR 8477 rationale types).
MAPPING_RATIONALES: dict[str, str] = {
    "syntactic": "Syntactic: nearly the same wording",
    "semantic": "Semantic: the same meaning in different words",
    "functional": "Functional: doing one helps achieve the other",
}
#: How a mapping was made (OSCAL mapping provenance methods).
MAPPING_METHODS: dict[str, str] = {
    "human": "Made by a person",
    "automated": "Drafted by an automated assistant",
    "hybrid": "Drafted by an automated assistant and edited by a person",
}
MAPPING_STATUSES: dict[str, str] = {
    "draft": "Draft: not reviewed by a person",
    "reviewed": "Reviewed by a person",
}
MAPPING_STRENGTH = (1, 10)

#: How sure we are of an application date: id -> label shown next to the date.
DATE_STATUSES: dict[str, str] = {
    "binding-text": "Binding text read",
    "secondary-sources": "Checked against secondary sources; Official Journal text not read",
    "reported": "Reported, not verified",
}

#: Question kinds of the applicability check: id -> what the answer is.
QUESTION_KINDS: dict[str, str] = {
    "check": "yes, no or not sure",
    "choice": "one of the options (or not sure, when allowed)",
    "multi": "any number of the options",
}
#: Values a `check` question takes; "unsure" is "Not sure", settled by trying each other value.
CHECK_VALUES = ("yes", "no")
UNSURE = "unsure"

#: Where the data lives, relative to the project root (one definition for every reader).
GLOSSARY_DIR = "glossary"
FRAMEWORKS_DIR = "frameworks"
DECISIONS_DIR = "frameworks/decisions"
SPECTRUM_PATH = "frameworks/spectrum.yml"
SCHEMAS_DIR = "schemas"
GLOSSARY_README = "glossary/README.md"
FRAMEWORKS_README = "frameworks/README.md"
DECISIONS_README = "frameworks/decisions/README.md"
CROSSWALKS_DIR = "frameworks/crosswalks"
CROSSWALKS_README = "frameworks/crosswalks/README.md"
TIMELINE_DIR = "frameworks/timeline"
TIMELINE_README = "frameworks/timeline/README.md"
APPLICABILITY_DIR = "frameworks/applicability"
APPLICABILITY_README = "frameworks/applicability/README.md"
#: Folders under frameworks/ that are not framework catalogs.
NOT_CATALOGS = ("decisions", "schemas", "crosswalks", "timeline", "applicability")
#: Clause ids that name generated pages of a framework's folder.
RESERVED_CLAUSE_IDS = ("index", "timeline")

#: Marker the scaffold writes; the validator rejects any text that still holds it.
TODO_MARKER = "TODO"

#: Bounds on what one data file may cost to load.
MAX_FILE_BYTES = 512 * 1024
MAX_NODES = 20_000
MAX_DEPTH = 20
