# ruff: noqa: F811  (the fixtures imported from test_browser are parameters here)
"""The concept graph in a real browser (same guard as test_browser): a page's neighbourhood and
the explorer, by mouse and keyboard, with the view kept in the URL; screenshots as artifacts.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from test_browser import (  # noqa: F401  (pytest fixtures)
    ARTIFACTS,
    UNDRAWN,
    Guard,
    _drawn,
    _graph_ready,
    _kb_json,
    _neighbours,
    _path,
    base_url,
    browser_type_launch_args,
    kb,
    pytestmark,
)


def test_local_graph_draws_exactly_the_neighbours(kb: Page, base_url, real_site):
    kb.goto(base_url + "/glossary/fine-tuning/")
    box = _graph_ready(kb)
    assert box.get_attribute("data-kb-graph") == "local"
    assert _drawn(box) == {"fine-tuning"} | _neighbours(_kb_json(real_site), "fine-tuning")
    # The lists of neighbours stay; the drawing is an addition.
    expect(kb.locator("#related-terms")).to_be_visible()
    expect(box.locator(".kb-graph__summary")).to_contain_text("Fine-tuning: ")
    # Depth 2 adds nodes two links away, and the summary says how many.
    box.get_by_label("Two links away").check()
    assert len(_drawn(box)) > len(_neighbours(_kb_json(real_site), "fine-tuning")) + 1
    expect(box.locator(".kb-graph__status")).to_contain_text("two links away")


def test_legend_filter_hides_a_relation(kb: Page, base_url, real_site):
    kb.goto(base_url + "/glossary/fine-tuning/")
    box = _graph_ready(kb)
    data = _kb_json(real_site)
    others = {e["relation"] for e in data["edges"]} - UNDRAWN - {"applied-in-stage"}
    kept = _neighbours(data, "fine-tuning", others)
    only_stage = _neighbours(data, "fine-tuning") - kept
    assert only_stage and only_stage <= _drawn(box)
    box.locator('input[data-kb-filter-key="rel:applied-in-stage"]').uncheck()
    # Nodes linked only by the hidden relation go; a stage also linked another way stays.
    assert _drawn(box) == {"fine-tuning"} | kept
    shown = box.evaluate("b => b.kbGraph.draw.cy.edges().not('.kb-hidden').map(e => e.data('rel'))")
    assert shown and "applied-in-stage" not in shown
    box.locator('input[data-kb-filter-key="rel:applied-in-stage"]').check()
    assert only_stage <= _drawn(box)


def test_local_graph_is_keyboard_usable(kb: Page, base_url):
    kb.goto(base_url + "/frameworks/eu-ai-act/art-25/")
    box = _graph_ready(kb)
    canvas = box.locator(".kb-graph__canvas")
    assert canvas.get_attribute("role") == "application" and canvas.get_attribute("aria-label")
    box.locator("input[type=checkbox]").last.focus()
    kb.keyboard.press("Tab")
    expect(canvas).to_be_focused()
    live = box.locator(".kb-graph__focus")
    expect(live).to_contain_text("Art. 25")
    kb.keyboard.press("ArrowRight")
    target = box.evaluate("b => b.kbGraph.draw.current.id()")
    assert target != "eu-ai-act:art-25"
    expect(live).not_to_contain_text("This page.")
    kb.keyboard.press("Enter")
    kb.wait_for_url(lambda url: _path(url) != "/frameworks/eu-ai-act/art-25/")
    _graph_ready(kb)
    assert kb.locator("[data-kb-graph]").get_attribute("data-kb-node") == target


def test_explorer_starts_with_honest_groups(kb: Page, base_url, real_site):
    kb.goto(base_url + "/graph/")
    box = _graph_ready(kb)
    data = _kb_json(real_site)
    total = len(data["terms"]) + len(data["clauses"]) + len(data["frameworks"])
    assert box.get_attribute("data-kb-view") == "groups"
    counts = box.evaluate(
        "b => b.kbGraph.draw.visible().map(n => n.hasClass('kb-group') ? n.data('count') : 1)"
    )
    assert sum(counts) == total and len(counts) <= 500
    expect(box.locator(".kb-graph__status")).to_contain_text(f"{total} nodes match the filters")
    # Opening a group draws its members one by one.
    box.evaluate("b => b.kbGraph.activate(b.kbGraph.draw.cy.getElementById('group:eu-ai-act:ch-iii'))")
    assert "eu-ai-act:art-25" in _drawn(box)
    assert "open=group:eu-ai-act:ch-iii" in kb.url


def test_explorer_restores_a_view_from_the_url_fragment(kb: Page, base_url, real_site):
    kb.goto(base_url + "/graph/#focus=eu-ai-act:art-25&rel=defined-in,obligation-in")
    box = _graph_ready(kb)
    wanted = {"defined-in", "obligation-in"}
    expected = _neighbours(_kb_json(real_site), "eu-ai-act:art-25", wanted)
    assert expected
    assert _drawn(box) == {"eu-ai-act:art-25"} | expected
    assert box.get_attribute("data-kb-view") == "focus"
    expect(box.locator('input[data-kb-filter-key="rel:obligation-in"]')).to_be_checked()
    expect(box.locator('input[data-kb-filter-key="rel:related"]')).not_to_be_checked()
    expect(box.locator(".kb-graph__info a")).to_have_text(re.compile(r"^Art\. 25"))
    # Search focuses another node and the fragment follows, so the view can be shared.
    search = box.get_by_label("Find a term, clause or framework")
    search.fill("LoRA")
    search.press("Enter")
    expect(box.locator(".kb-graph__info a")).to_contain_text("Low-rank adaptation")
    assert re.search(r"#focus=lora&rel=defined-in,obligation-in$", kb.url)
    # Enter on the centred node opens its page.
    expect(box.locator(".kb-graph__canvas")).to_be_focused()
    kb.keyboard.press("Home")
    kb.keyboard.press("Enter")
    kb.wait_for_url("**/glossary/lora/")


def test_graph_screenshots(kb: Page, base_url):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    kb.set_viewport_size({"width": 1280, "height": 1000})
    for name, path in (
        ("graph-term", "/glossary/fine-tuning/"),
        ("graph-clause-depth-2", "/frameworks/eu-ai-act/art-25/"),
        ("graph-explorer", "/graph/"),
        ("graph-explorer-focus", "/graph/#focus=fine-tuning&depth=2"),
    ):
        kb.goto(base_url + path)
        box = _graph_ready(kb)
        if name.endswith("depth-2"):
            box.get_by_label("Two links away").check()
        box.screenshot(path=str(ARTIFACTS / f"{name}.png"))
