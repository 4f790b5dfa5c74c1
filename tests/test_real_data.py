"""The repository's own data: validates, is complete at id level, and every entry is full."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from macros.pipeline import load_kb
from macros.problems import format_report

KB, PROBLEMS = load_kb(ROOT)


def test_repository_data_validates():
    assert PROBLEMS == [], format_report(PROBLEMS)


def count(framework: str, kind: str) -> int:
    return sum(1 for c in KB.clauses.values() if c.framework == framework and c.kind == kind)


@pytest.mark.parametrize(
    ("framework", "kind", "n"),
    [
        ("nist-ai-rmf", "function", 4),
        ("nist-ai-rmf", "category", 19),
        ("nist-ai-rmf", "subcategory", 72),
        ("nist-ai-rmf", "characteristic", 7),
        ("iso-42001", "area", 9),
        ("iso-42001", "control", 38),
        ("eu-ai-act", "chapter", 13),
        ("eu-ai-act", "article", 113),
        ("eu-ai-act", "annex", 13),
        ("compel", "stage", 6),
        ("compel", "pillar", 4),
    ],
)
def test_catalogs_are_complete(framework, kind, n):
    assert count(framework, kind) == n


def test_eu_ai_act_articles_are_numbered_1_to_113():
    ids = {c.id for c in KB.clauses.values() if c.framework == "eu-ai-act" and c.kind == "article"}
    assert ids == {f"art-{i}" for i in range(1, 114)}


def test_nist_subcategories_per_function():
    per: dict[str, int] = {}
    for c in KB.clauses.values():
        if c.framework == "nist-ai-rmf" and c.kind == "subcategory":
            fn = c.id.split("-")[0]
            per[fn] = per.get(fn, 0) + 1
    assert per == {"govern": 19, "map": 18, "measure": 22, "manage": 13}


def test_iso_controls_per_area():
    per: dict[str, int] = {}
    for c in KB.clauses.values():
        if c.framework == "iso-42001" and c.kind == "control":
            area = ".".join(c.id.split(".")[:2])
            per[area] = per.get(area, 0) + 1
    assert per == {"a.2": 3, "a.3": 2, "a.4": 5, "a.5": 4, "a.6": 9, "a.7": 5, "a.8": 4, "a.9": 3, "a.10": 3}


KEY_ARTICLES = [
    3,
    5,
    6,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    25,
    26,
    27,
    43,
    49,
    50,
    51,
    52,
    53,
    54,
    55,
    72,
    73,
    99,
    113,
]


@pytest.mark.parametrize("n", KEY_ARTICLES)
def test_key_articles_have_details_and_dates(n):
    art = KB.clauses[f"eu-ai-act:art-{n}"]
    assert len(art.details.split()) >= 60
    assert any(m.current for m in KB.dates_of(art.ref)), f"Art. {n} has no current application date"


def test_clause_codes_match_their_ids():
    for c in KB.clauses.values():
        if c.framework == "eu-ai-act" and c.kind == "article":
            assert c.code == "Art. " + c.id.split("-")[1]
        if c.framework == "nist-ai-rmf" and c.kind in ("category", "subcategory"):
            fn, num = c.id.split("-", 1)
            assert c.code == f"{fn.upper()} {num}"
        if c.framework == "iso-42001" and c.kind == "control":
            assert c.code == c.id.upper()


SEED_CONCEPTS = [
    "using-ai-as-is",
    "fine-tuning",
    "full-fine-tuning",
    "parameter-efficient-fine-tuning",
    "lora",
    "adapters",
    "prompt-tuning",
    "instruction-tuning",
    "rlhf",
    "transfer-learning",
    "prompt-engineering",
    "few-shot-learning",
    "retrieval-augmented-generation",
    "foundation-model",
    "general-purpose-ai-model",
    "catastrophic-forgetting",
    "model-drift",
    "provider",
    "deployer",
    "substantial-modification",
    "model-card",
    "datasheet",
    "data-provenance",
    "data-governance",
    "bias-audit",
    "human-in-the-loop",
    "mlops",
    "model-versioning",
    "ai-impact-assessment",
    "conformity-assessment",
    "risk-tolerance",
    "proportionality",
    "vendor-due-diligence",
]


def test_glossary_covers_the_seed_concepts_and_has_40_terms():
    assert len(KB.terms) >= 40
    assert [t for t in SEED_CONCEPTS if t not in KB.terms] == []


@pytest.mark.parametrize("term_id", sorted(KB.terms))
def test_entry_is_complete(term_id):
    t = KB.terms[term_id]
    frameworks = {r.framework for r in t.references}
    assert len(frameworks) >= 2, "reference at least two frameworks"
    assert t.related and t.sources and t.compel.stages and t.compel.pillars
    assert len(t.explanation.split()) >= 60 and len(t.why_it_matters.split()) >= 30
    assert not re.search(r"\]\((?!https?://)", t.explanation), "prose links must be https"
