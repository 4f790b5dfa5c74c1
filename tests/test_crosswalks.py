"""Crosswalks: exact messages for broken rows, IR 8477 composition, coverage, and the real pairs' scope."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, MINI, ROOT

from macros.mappings import COMPOSE, compose, coverage, inverse
from macros.model import Mapping, Provenance
from macros.pipeline import load_kb, load_site
from macros.problems import format_report

BROKEN = FIXTURES / "broken-crosswalks"
PROV = Provenance("human", "t", "draft", "2026-11-30")


def _m(source, target, relation, strength=5):
    return Mapping(source, target, relation, "semantic", strength, "j", PROV)


def test_broken_crosswalks_give_exact_messages(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    shutil.rmtree(root / "frameworks" / "crosswalks")
    shutil.copytree(BROKEN, root / "frameworks" / "crosswalks", ignore=shutil.ignore_patterns("expected.txt"))
    _, problems = load_kb(root)
    assert format_report(problems) == (BROKEN / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


def test_inverse_swaps_ends_and_relationship():
    inv = inverse(_m("eu-ai-act:art-9", "iso-42001:6.1.2", "subset-of"))
    assert (inv.source, inv.target, inv.relation, inv.inverse) == (
        "iso-42001:6.1.2",
        "eu-ai-act:art-9",
        "superset-of",
        True,
    )


@pytest.mark.parametrize(
    ("r1", "r2", "expected"),
    [
        ("equal", "intersects-with", "intersects-with"),
        ("subset-of", "subset-of", "subset-of"),
        ("superset-of", "superset-of", "superset-of"),
        ("superset-of", "subset-of", "intersects-with"),
        ("intersects-with", "subset-of", "intersects-with"),
        ("superset-of", "intersects-with", "intersects-with"),
        ("subset-of", "superset-of", None),
        ("intersects-with", "intersects-with", None),
        ("subset-of", "intersects-with", None),
        ("not-related", "equal", None),
        ("equal", "not-related", None),
    ],
)
def test_composition_infers_only_what_set_theory_decides(r1, r2, expected):
    made = compose(
        _m("eu-ai-act:art-9", "nist-ai-rmf:map-1.1", r1, 7),
        _m("nist-ai-rmf:map-1.1", "iso-42001:6.1.2", r2, 3),
    )
    assert (made.relation if made else None) == expected
    if made:
        assert made.strength == 3 and made.via == ("nist-ai-rmf:map-1.1",) and made.inferred


def test_not_related_never_composes():
    assert all("not-related" not in pair for pair in COMPOSE)


def test_mini_inference_has_its_path_and_the_weakest_strength(mini_kb):
    inferred = {(m.source, m.target): m for m in mini_kb.mappings.inferred}
    m = inferred[("eu-ai-act:art-25", "iso-42001:a.6.2.4")]
    assert m.relation == "intersects-with" and m.strength == 4 and m.via == ("nist-ai-rmf:manage-3.2",)
    # Nothing is inferred through the not-related row from Art. 3.
    assert not any(s == "eu-ai-act:art-3" for s, _ in inferred)


def test_clause_pages_see_direct_inverse_and_inferred_mappings(mini_kb):
    seen = {(m.target, m.relation, m.inverse, m.inferred) for m in mini_kb.mappings.of("iso-42001:a.6.2.4")}
    assert ("nist-ai-rmf:manage-3.2", "superset-of", True, False) in seen
    assert ("eu-ai-act:art-25", "intersects-with", False, True) in seen


def test_coverage_counts_superset_as_covered_and_the_rest_as_partial(mini_kb):
    rows = {c.ref: c for c in coverage(mini_kb.kb, mini_kb.mappings, "iso-42001", "nist-ai-rmf")}
    assert rows["iso-42001:a.6.2.4"].status == "partly covered"  # MANAGE 3.2 is a subset of it
    back = {c.ref: c for c in coverage(mini_kb.kb, mini_kb.mappings, "nist-ai-rmf", "iso-42001")}
    assert back["nist-ai-rmf:manage-3.2"].status == "covered"  # A.6.2.4 contains it


REAL = load_site(ROOT) if (ROOT / "frameworks" / "crosswalks").is_dir() else None
ARTICLES = [4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 26, 27, 50, 72, 73]


def test_real_crosswalks_have_200_direct_rows():
    assert len(REAL.mappings.direct) >= 200


@pytest.mark.parametrize("article", ARTICLES)
@pytest.mark.parametrize("other", ["iso-42001", "nist-ai-rmf"])
def test_required_articles_are_mapped_to_both_frameworks(article, other):
    targets = {m.target_framework for m in REAL.mappings.of(f"eu-ai-act:art-{article}") if not m.inferred}
    assert other in targets


def test_every_iso_control_and_requirement_subclause_is_mapped_to_the_rmf():
    cov = coverage(REAL.kb, REAL.mappings, "iso-42001", "nist-ai-rmf")
    assert len(cov) == 38 + 36
    assert [c.ref for c in cov if c.status == "not covered"] == []
