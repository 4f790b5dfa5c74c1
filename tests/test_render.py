"""Rendered output is pinned by golden files (rewrite them only with `make golden`)."""

from __future__ import annotations

import json

import pytest
from golden_cases import CASES, GOLDEN, render

from macros.render import export, term


@pytest.fixture(scope="module")
def site(mini_kb):
    return mini_kb


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(site, name):
    got = render(site, name)
    assert got == (GOLDEN / name).read_text(encoding="utf-8"), (
        f"{name} changed: review it, then run `make golden`"
    )


def test_every_golden_file_has_a_case():
    assert {p.name for p in GOLDEN.iterdir()} == set(CASES)


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
    assert '<a href="../fine-tuning/" title=' in page
