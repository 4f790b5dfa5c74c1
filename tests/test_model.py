"""The model and clause references: parsed once, navigated without rescanning files."""

from __future__ import annotations

import pytest

from macros.refs import ClauseRef, framework_of


def test_clause_reference_round_trip():
    ref = ClauseRef.parse(" iso-42001:a.6.2.4 ")
    assert ref == ClauseRef("iso-42001", "a.6.2.4") and str(ref) == "iso-42001:a.6.2.4"
    assert framework_of("eu-ai-act:art-25") == "eu-ai-act"


@pytest.mark.parametrize("text", ["Art. 25", "eu-ai-act", "eu-ai-act:", ":art-25", "EU-AI-ACT:art-25"])
def test_malformed_references_do_not_parse(text):
    assert ClauseRef.parse(text) is None
    with pytest.raises(ValueError):
        ClauseRef.of(text)


def test_ancestors_and_children_follow_the_catalog(mini_kb):
    kb = mini_kb.kb
    ref = "iso-42001:a.6.2.4"
    assert [c.ref for c in kb.ancestors(ref)][-1] == kb.clauses[ref].parent_ref
    parent = kb.clauses[ref].parent_ref
    assert ref in [c.ref for c in kb.children_of(parent)]


def test_guides_are_typed_and_know_what_they_cite(mini_kb):
    guide = mini_kb.kb.decisions["tune-or-not"]
    assert guide.start in guide.nodes
    assert all(n.type in ("question", "outcome") for n in guide.nodes.values())
    assert guide.cited and all(isinstance(x, str) for x in guide.cited)
