"""Rendered output is pinned by golden files (regenerate: UPDATE_GOLDEN=1 pytest tests/test_render.py)."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT

from macros.render import clause, export, index, term
from macros.site import plan_pages

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def site(mini_kb):
    return mini_kb


CASES = {
    "term-fine-tuning.md": lambda s: term.term_page(s, "fine-tuning"),
    "term-provider.md": lambda s: term.term_page(s, "provider"),
    "clause-eu-ai-act-art-25.md": lambda s: clause.clause_page(s, "eu-ai-act:art-25"),
    "clause-iso-42001-a.6.2.4.md": lambda s: clause.clause_page(s, "iso-42001:a.6.2.4"),
    "framework-eu-ai-act.md": lambda s: clause.framework_page(s, "eu-ai-act"),
    "glossary-index.md": lambda s: index.glossary_index(s),
    "compel-matrix.md": lambda s: index.compel_matrix(s),
    "kb.json": lambda s: export.kb_json(s),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(site, name):
    got = CASES[name](site)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8"), f"{name} changed; rerun with UPDATE_GOLDEN=1 if intended"


def test_generated_pages_hold_only_macro_calls(site):
    for page in plan_pages(site):
        body = page.content.split("---\n\n")[-1]
        assert body.startswith("{{ ") and body.rstrip().endswith(" }}"), page.path
        assert body.count("{{") == 1


def test_kb_json_shape(site):
    data = json.loads(export.kb_json(site))
    assert {"id", "term", "aliases", "url"} <= set(data["terms"][0])
    assert {"id", "framework", "kind", "code", "title", "url"} <= set(data["clauses"][0])
    assert {"source", "target", "relation"} == set(data["edges"][0])
    assert data["terms"][0]["url"] == "glossary/fine-tuning/"
    flat = json.loads(export.kb_json(site, use_directory_urls=False))
    assert flat["terms"][0]["url"] == "glossary/fine-tuning.html"


def test_inverse_relations_appear_on_the_target(site):
    page = term.term_page(site, "lora")
    assert "## Referenced by" in page and "### Broader terms" in page
    assert "[Fine-tuning](fine-tuning.md" in page
