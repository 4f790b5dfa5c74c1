"""The build plan: every page, file and asset a site needs, with no site engine involved."""

from __future__ import annotations

import json

import pytest

from macros.plan import ASSETS, plan
from macros.render import paths


@pytest.fixture(scope="module")
def planned(mini_kb):
    return plan(mini_kb)


def test_every_item_has_exactly_one_page(mini_kb, planned):
    kb = mini_kb.kb
    expected = (
        {paths.term(t) for t in kb.terms}
        | {paths.clause(r) for r in kb.clauses}
        | {paths.framework(f) for f in kb.frameworks}
        | {paths.decision(d) for d in kb.decisions}
        | {paths.crosswalk(c) for c in kb.crosswalks}
        | {paths.CROSSWALKS_INDEX}
        | {paths.timeline(f) for f in kb.timelines}
        | {paths.applicability(f) for f in kb.applicability}
        | {paths.GRAPH_EXPLORER}
    )
    got = [p.path for p in planned.pages]
    assert sorted(got) == sorted(expected)


def test_pages_never_meet_jinja_and_carry_safe_titles(planned):
    for page in planned.pages:
        assert page.meta["render_macros"] is False, page.path
        assert "<" not in page.meta["title"], page.path


def test_terms_carry_browsing_tags_and_weighted_names(planned):
    lora = next(p for p in planned.pages if p.path == "glossary/lora.md")
    assert "Model adaptation technique" in lora.meta["kb_tags"]
    # Names reach search through the records and Pagefind's weighted names, not front matter.
    assert "tags" not in lora.meta
    names = lora.blocks[0].text  # the invisible marks Pagefind weights
    assert "kb-pagefind-names" in names and "LoRA" in names and "low rank adaptation" in names


def test_prose_is_auto_linked_with_final_urls_for_each_url_style(mini_kb):
    def body(p, path):
        return next(x.body for x in p.pages if x.path == path)

    dirs, flat = plan(mini_kb, directory_urls=True), plan(mini_kb, directory_urls=False)
    assert 'class="kb-autolink" href="../lora/"' in body(dirs, "glossary/fine-tuning.md")
    assert 'class="kb-autolink" href="lora.html"' in body(flat, "glossary/fine-tuning.md")
    art25 = "frameworks/eu-ai-act/art-25.md"
    assert 'class="kb-autolink" href="../../../glossary/provider/"' in body(dirs, art25)
    assert 'class="kb-autolink" href="../../glossary/provider.html"' in body(flat, art25)


def test_term_and_clause_pages_link_with_final_urls_for_each_url_style(mini_kb):
    def body(p, path):
        return next(x.body for x in p.pages if x.path == path)

    dirs, flat = plan(mini_kb, directory_urls=True), plan(mini_kb, directory_urls=False)
    ft, art25 = "glossary/fine-tuning.md", "frameworks/eu-ai-act/art-25.md"
    assert '<a href="../../frameworks/eu-ai-act/art-25/">Art. 25 — ' in body(dirs, ft)
    assert '<a href="../frameworks/eu-ai-act/art-25.html">Art. 25 — ' in body(flat, ft)
    assert '<a href="../../../glossary/fine-tuning/" title=' in body(dirs, art25)
    assert '<a href="../../glossary/fine-tuning.html" title=' in body(flat, art25)
    assert '<a href="../">EU AI Act</a> › ' in body(dirs, art25)
    assert '<a href="index.html">EU AI Act</a> › ' in body(flat, art25)
    assert ".md" not in "".join(b.text for b in next(x for x in dirs.pages if x.path == ft).blocks if b.html)


def test_files_hold_kb_json_and_alias_redirects(mini_kb):
    dirs, flat = plan(mini_kb, True), plan(mini_kb, False)
    assert json.loads(dirs.files["kb.json"])["terms"][0]["url"] == "glossary/fine-tuning/"
    assert json.loads(flat.files["kb.json"])["terms"][0]["url"] == "glossary/fine-tuning.html"
    assert 'url=../lora/"' in dirs.files["glossary/low-rank-adaptation/index.html"] or any(
        k.startswith("glossary/") and k.endswith("/index.html") for k in dirs.files
    )
    redirect = next(k for k in dirs.files if k.endswith("/index.html"))
    assert redirect.replace("/index.html", ".html") in flat.files


def test_hand_written_pages_win_over_generated_ones(mini_kb):
    reserved = frozenset({"glossary/lora.md"})
    assert "glossary/lora.md" not in {p.path for p in plan(mini_kb, reserved=reserved).pages}


def test_crosswalk_exports_are_files_of_the_plan(planned):
    assert set(paths.EXPORTS.values()) <= set(planned.files)
    assert planned.files["exports/crosswalks.csv"].startswith("source_framework,")


def test_assets_and_macros_are_part_of_the_plan(planned):
    assert planned.assets == ASSETS
    assert {"glossary_index", "kb_stats", "vocabularies"} <= set(planned.macros)
    assert "terms" in planned.macros["kb_stats"]


def test_pages_carry_pagefind_filters_and_weighted_names(planned):
    lora = next(p for p in planned.pages if p.path == "glossary/lora.md")
    assert lora.body.startswith('<p><span data-pagefind-filter="kind:term"></span>')
    assert 'data-pagefind-weight="10">' in lora.body and "LoRA" in lora.body.split("\n", 1)[0]
    art25 = next(p for p in planned.pages if p.path == "frameworks/eu-ai-act/art-25.md")
    assert 'data-pagefind-filter="framework:EU AI Act"' in art25.body


def test_search_files_are_part_of_the_plan(planned):
    from macros.searchindex import NAMES_INDEX, SEARCH_INDEX, SEARCH_MODE

    assert planned.files[SEARCH_INDEX].startswith("window.__kbSearchIndex = {")
    assert planned.files[NAMES_INDEX].startswith("window.__kbSearchNames = {")
    assert planned.files[SEARCH_MODE] == 'window.__kbSearchMode = "builtin";\n'
