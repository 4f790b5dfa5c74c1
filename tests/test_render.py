"""Rendered output is pinned by golden files (rewrite them only with `make golden`)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
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


def _markdown_it(text: str) -> str:
    from macros.render import text as t

    return t._markdown().render(text)


def test_plain_prose_takes_the_short_path_with_markdown_it_output():
    import random

    from macros.pipeline import load_kb
    from macros.render.text import _paragraphs

    kb, _ = load_kb(ROOT)
    fields = [x for t in kb.terms.values() for x in (t.explanation, t.why_it_matters, t.compel.usage)]
    fields += [c.details for c in kb.clauses.values() if c.details]
    rng = random.Random(3)
    alphabet = "ab Z9 ,.;:'’\"?%/()–—-\n\n  \t*_[]<>&#1.)=|`"
    plain = "ab Z9 ,.;:'’\"?%/()–—-\n"
    for chars in (alphabet, plain):
        fields += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 40))) for _ in range(10000)]
    short = 0
    for text in fields:
        fast = _paragraphs(text)
        if fast is not None:
            short += 1
            assert fast == _markdown_it(text), repr(text)
    assert short > 100
