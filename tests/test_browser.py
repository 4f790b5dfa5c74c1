"""The built site in a real browser (Playwright driving Debian's Chromium).

Every page visited must make zero requests to other hosts and log zero
console errors; search, flowcharts, the questionnaire, tooltips, alias
redirects, accessibility (axe-core, no serious or critical
violations) and the offline zip are checked as a reader would use them. Screenshots go to
``test-artifacts/screenshots/``. The concept graph's tests are in test_browser_graph.py
and the applicability check's in test_browser_applicability.py; both reuse this file's guard.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Debian's Chromium, headless, with every background network feature off."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make browser-deps` (see scripts/ensure_chromium.sh)"
        )
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(real_site):
    """The strictly built real site, served on 127.0.0.1 for the whole session."""
    handler = functools.partial(_Quiet, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Guard:
    """Records console errors and blocks (and records) every request to another host."""

    def __init__(self, page: Page, allowed_scheme: str = "http"):
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

        def route(r):
            parts = urlsplit(r.request.url)
            local = parts.scheme in ("file", "data", "blob") or parts.hostname == "127.0.0.1"
            if local:
                r.continue_()
            else:
                self.external.append(r.request.url)
                r.abort()

        page.route("**/*", route)

    def check(self):
        assert self.external == [], f"requests to other hosts: {self.external}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture
def kb(page: Page):
    """The Playwright page plus a guard asserted after the test."""
    guard = Guard(page)
    yield page
    guard.check()


def _path(url: str) -> str:
    return urlsplit(url).path


# ---- search -----------------------------------------------------------------

QUERIES = {
    "PEFT": "glossary/parameter-efficient-fine-tuning/",
    "LoRA": "glossary/lora/",
    "RAG": "glossary/retrieval-augmented-generation/",
    "RLHF": "glossary/rlhf/",
    "GPAI": "glossary/general-purpose-ai-model/",
    "FRIA": "glossary/fundamental-rights-impact-assessment/",
    "HITL": "glossary/human-in-the-loop/",
    "fine tuning": "glossary/fine-tuning/",
    "fine-tuned": "glossary/fine-tuning/",
    "deployer": "glossary/deployer/",
    "model cards": "glossary/model-card/",
    "catastrophic forgetting": "glossary/catastrophic-forgetting/",
    "substantial modification": "glossary/substantial-modification/",
    "Art. 25": "frameworks/eu-ai-act/art-25/",
    "Article 25": "frameworks/eu-ai-act/art-25/",
    "art 25": "frameworks/eu-ai-act/art-25/",
    "Art. 50": "frameworks/eu-ai-act/art-50/",
    "Annex III": "frameworks/eu-ai-act/annex-iii/",
    "GOVERN 1.1": "frameworks/nist-ai-rmf/govern-1.1/",
    "GV-1.1": "frameworks/nist-ai-rmf/govern-1.1/",
    "MAP 2.3": "frameworks/nist-ai-rmf/map-2.3/",
    "A.6.2.4": "frameworks/iso-42001/a.6.2.4/",
    "6.1.2": "frameworks/iso-42001/6.1.2/",
    "Calibrate": "frameworks/compel/calibrate/",
    # Plain names, aliases and codes that Material's own search ranked wrongly.
    "high-risk AI system": "glossary/high-risk-ai-system/",
    "human oversight": "glossary/human-oversight/",
    "data drift": "glossary/data-drift/",
    "Annex IV": "frameworks/eu-ai-act/annex-iv/",
    "Article 3(23)": "frameworks/eu-ai-act/art-3/",
    "importers": "glossary/importer/",
    "market surveillance authority": "glossary/market-surveillance-authority/",
    "confabulation": "glossary/hallucination/",
    "Art. 14(4)": "frameworks/eu-ai-act/art-14/",
    "GV 1.1": "frameworks/nist-ai-rmf/govern-1.1/",
    "Clause 6.1.2": "frameworks/iso-42001/6.1.2/",
    "statements of applicability": "glossary/statement-of-applicability/",
}


def _search(kb: Page, query: str):
    box = kb.locator("#kb-search-input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=10)
    return kb.locator(".kb-search__link").first


def test_search_lands_on_the_right_page_first(kb: Page, base_url):
    kb.goto(base_url + "/")
    wrong = {}
    for query, expected in QUERIES.items():
        first = _search(kb, query)
        try:
            expect(first).to_have_attribute("href", re.compile(re.escape(expected) + "$"), timeout=4000)
        except AssertionError:
            wrong[query] = first.get_attribute("href") if first.count() else None
        kb.keyboard.press("Escape")
    assert wrong == {}, f"queries whose first result is wrong: {wrong}"


def test_search_results_show_data_as_text(kb: Page, base_url):
    hostile = "<img src=x onerror=window.__pwned=1>"
    record = ["term", hostile, "glossary/x/", "", ["img src x onerror window pwned 1"], "<b>bold</b>", ""]
    kb.add_init_script(f"window.__kbSearchIndex = {{records: [{json.dumps(record)}]}};")
    kb.goto(base_url + "/")
    _search(kb, "img")
    expect(kb.locator(".kb-search__title").first).to_have_text(hostile)
    assert kb.locator(".kb-search__results img, .kb-search__results b").count() == 0
    assert kb.evaluate("window.__pwned") is None


@pytest.fixture(scope="session")
def pagefind_url(real_site, tmp_path_factory):
    """A copy of the real site indexed by Pagefind (make build-pagefind), served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("pagefind") / "site"
    shutil.copytree(real_site, site)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pagefind.py"), str(site)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_pagefind_mode_keeps_names_first_and_filters_by_kind_and_framework(kb: Page, pagefind_url):
    kb.goto(pagefind_url + "/")
    first = _search(kb, "human oversight")
    expect(first).to_have_attribute("href", re.compile(r"glossary/human-oversight/$"), timeout=8000)
    kb.select_option("select[data-filter=kind]", "clause")
    expect(kb.locator(".kb-search__link").first).to_have_attribute(
        "href", re.compile(r"/frameworks/"), timeout=8000
    )
    hrefs = kb.locator(".kb-search__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all("/frameworks/" in h for h in hrefs), hrefs
    kb.select_option("select[data-filter=framework]", "ISO/IEC 42001:2023")
    expect(kb.locator(".kb-search__link").first).to_have_attribute(
        "href", re.compile(r"/frameworks/iso-42001/"), timeout=8000
    )
    hrefs = kb.locator(".kb-search__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all("/frameworks/iso-42001/" in h for h in hrefs), hrefs


def test_enter_opens_the_first_result_and_search_works_again_after_navigation(kb: Page, base_url):
    kb.goto(base_url + "/")
    _search(kb, "human oversight")
    expect(kb.locator(".kb-search__link").first).to_have_attribute(
        "href", re.compile(r"glossary/human-oversight/$")
    )
    kb.locator("#kb-search-input").press("Enter")
    expect(kb).to_have_url(re.compile(r"/glossary/human-oversight/$"))
    first = _search(kb, "Annex IV")
    expect(first).to_have_attribute("href", re.compile(r"frameworks/eu-ai-act/annex-iv/$"), timeout=3000)


# ---- decision guides ----------------------------------------------------------


def _walk_to_outcome(page: Page) -> list[str]:
    labels = []
    for _ in range(30):
        if page.locator(".kb-q__outcome").count():
            return labels
        button = page.locator(".kb-q__answer").last
        labels.append(button.inner_text())
        button.click()
    raise AssertionError("no outcome after 30 answers")


GUIDES = [
    "use-as-is-or-fine-tune",
    "which-eu-ai-act-risk-tier",
    "does-our-change-make-us-a-provider",
    "how-much-governance",
    "prompting-rag-or-fine-tuning",
    "when-to-fine-tune-a-foundation-model",
]


@pytest.mark.parametrize("guide", GUIDES)
def test_flowchart_labels_are_readable_at_default_zoom(kb: Page, base_url, guide):
    kb.set_viewport_size({"width": 1400, "height": 900})
    kb.goto(base_url + f"/decisions/{guide}/")
    expect(kb.locator(".kb-flowchart__svg svg")).to_be_visible(timeout=15000)
    smallest = kb.evaluate(
        """() => {
            const svg = document.querySelector('.kb-flowchart__svg svg');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const labels = [...svg.querySelectorAll('g.node .nodeLabel, g.node text')];
            return Math.min(...labels.map(l => parseFloat(getComputedStyle(l).fontSize) * scale));
        }"""
    )
    small_print = kb.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize) * 0.8"
    )
    assert smallest >= small_print, (smallest, small_print)


def test_questionnaire_path_is_highlighted_on_the_flowchart(kb: Page, base_url):
    kb.goto(base_url + "/decisions/use-as-is-or-fine-tune/")
    expect(kb.locator(".kb-flowchart__svg svg")).to_be_visible(timeout=15000)
    kb.locator(".kb-q__answer").first.click()
    expect(kb.locator(".kb-flowchart g.node.kb-on-path")).to_have_count(2)
    kb.locator(".kb-flowchart__tool[aria-label='Zoom in']").click()
    assert kb.locator(".kb-flowchart__svg").get_attribute("data-zoom") == "1.25"


def test_guide_flowchart_renders_and_questionnaire_reaches_an_outcome(kb: Page, base_url):
    kb.goto(base_url + "/decisions/use-as-is-or-fine-tune/")
    svg = kb.locator(".kb-flowchart__svg svg")
    expect(svg).to_be_visible(timeout=15000)
    assert kb.locator(".kb-flowchart__svg g.node").count() >= 10
    expect(kb.locator(".kb-q__title")).to_be_visible()
    answers = _walk_to_outcome(kb)
    assert answers
    outcome = kb.locator(".kb-q__title").inner_text()
    assert outcome.startswith("Outcome: ")
    assert re.search(r"#q=[0-9.]+$", kb.url)
    expect(kb.locator(".kb-q__outcome a").first).to_be_visible()
    # The fragment restores the result on a fresh load (bookmark / share).
    shared = kb.url
    kb.goto(base_url + "/")
    kb.goto(shared)
    expect(kb.locator(".kb-q__title")).to_have_text(outcome)
    # Back returns to the last question; breadcrumbs show the path taken.
    assert kb.locator(".kb-q__crumb").count() == len(answers)
    kb.locator(".kb-q__back").click()
    expect(kb.locator(".kb-q__answer").first).to_be_visible()
    assert kb.locator(".kb-q__crumb").count() == len(answers) - 1


def test_questionnaire_is_keyboard_usable(kb: Page, base_url):
    kb.goto(base_url + "/decisions/which-eu-ai-act-risk-tier/")
    expect(kb.locator(".kb-q__answer").first).to_be_visible()
    kb.locator(".kb-q__answer").first.focus()
    kb.keyboard.press("Enter")
    expect(kb.locator(".kb-q__title")).to_be_focused()
    assert "#q=0" in kb.url


def test_every_guide_renders_its_flowchart(kb: Page, base_url, real_site):
    data = json.loads((real_site / "kb.json").read_text(encoding="utf-8"))
    guides = sorted(d["id"] for d in data["decisions"])
    assert len(guides) >= 6
    for g in guides:
        kb.goto(f"{base_url}/decisions/{g}/")
        expect(kb.locator(".kb-flowchart__svg svg")).to_be_visible(timeout=15000)


# ---- tooltips and redirects ----------------------------------------------------


def test_term_tooltips_on_hover_and_focus(kb: Page, base_url):
    kb.goto(base_url + "/glossary/lora/")
    link = kb.locator("article a.kb-autolink").first
    title = link.get_attribute("title") or ""
    assert len(title) > 20
    link.hover()
    tip = kb.locator('[role="tooltip"]').filter(has_text=title[:30]).first
    expect(tip).to_be_visible()
    kb.mouse.move(0, 0)
    other = kb.locator("article a.kb-autolink").nth(1)
    other.focus()
    expect(
        kb.locator('[role="tooltip"]').filter(has_text=(other.get_attribute("title") or "")[:30]).first
    ).to_be_visible()


@pytest.mark.parametrize(
    ("alias", "target"),
    [
        ("peft", "parameter-efficient-fine-tuning"),
        ("rag", "retrieval-augmented-generation"),
        ("fria", "fundamental-rights-impact-assessment"),
        ("off-the-shelf-ai", "using-ai-as-is"),
    ],
)
def test_alias_urls_redirect(kb: Page, base_url, alias, target):
    kb.goto(f"{base_url}/glossary/{alias}/")
    kb.wait_for_url(f"**/glossary/{target}/")
    assert _path(kb.url) == f"/glossary/{target}/"


# ---- concept graph -------------------------------------------------------------

#: Relations the drawing leaves out (see macros/render/graphdata.py).
UNDRAWN = {"cites", "not-related"}


def _kb_json(real_site) -> dict:
    return json.loads((real_site / "kb.json").read_text(encoding="utf-8"))


def _graph_ready(page: Page):
    box = page.locator("[data-kb-graph]").first
    expect(box).to_have_class(re.compile(r"kb-graph--ready"), timeout=15000)
    return box


def _drawn(box) -> set[str]:
    return set(box.evaluate("b => b.kbGraph.draw.visible().map(n => n.id())"))


def _neighbours(data: dict, node: str, relations: set[str] | None = None) -> set[str]:
    nodes = {t["id"] for t in data["terms"]} | {c["id"] for c in data["clauses"]}
    nodes |= {f"framework:{f['id']}" for f in data["frameworks"]}
    out = set()
    for e in data["edges"]:
        if e["relation"] in UNDRAWN or (relations is not None and e["relation"] not in relations):
            continue
        if e["source"] == node and e["target"] in nodes:
            out.add(e["target"])
        if e["target"] == node and e["source"] in nodes:
            out.add(e["source"])
    return out


# ---- accessibility and screenshots ---------------------------------------------

PAGES = {
    "home": "/",
    "term": "/glossary/fine-tuning/",
    "clause": "/frameworks/eu-ai-act/art-25/",
    "index": "/glossary/",
    "guide": "/decisions/use-as-is-or-fine-tune/",
    "applicability": "/decisions/eu-ai-act-applicability/#a=subject:system~excluded:no~activities:use~annex-iii:unsure",
    "explorer": "/graph/",
    "explorer-focus": "/graph/#focus=eu-ai-act:art-25&depth=2",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_accessibility_violations_and_screenshot(kb: Page, base_url, name):
    kb.goto(base_url + PAGES[name])
    if name == "guide":
        expect(kb.locator(".kb-flowchart__svg svg")).to_be_visible(timeout=15000)
    if name in ("term", "clause") or name.startswith("explorer"):
        _graph_ready(kb)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    kb.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    kb.add_script_tag(path=str(AXE))
    violations = kb.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"""
    )
    assert violations == []


# ---- offline zip from file:// --------------------------------------------------


@pytest.fixture(scope="session")
def offline_dir(tmp_path_factory):
    """`make offline`'s zip, unpacked."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "offline.py")], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(ROOT / "dist" / "ai-governance-kb-offline.zip") as zf:
        zf.extractall(out)
    shutil.rmtree(ROOT / "dist" / "offline-site", ignore_errors=True)
    return out / "offline-site"


def test_offline_zip_works_from_file_urls(kb: Page, offline_dir):
    kb.goto((offline_dir / "index.html").as_uri())
    first = _search(kb, "LoRA")
    expect(first).to_have_attribute("href", re.compile(r"glossary/lora\.html$"), timeout=8000)
    kb.goto((offline_dir / "decisions" / "does-our-change-make-us-a-provider.html").as_uri())
    expect(kb.locator(".kb-flowchart__svg svg")).to_be_visible(timeout=15000)
    _walk_to_outcome(kb)
    expect(kb.locator(".kb-q__outcome")).to_be_visible()
    # The concept graph loads its data with a <script> element, which file:// allows (fetch would not).
    kb.goto((offline_dir / "glossary" / "fine-tuning.html").as_uri())
    box = _graph_ready(kb)
    assert len(_drawn(box)) > 10
    kb.goto((offline_dir / "graph" / "index.html").as_uri() + "#focus=lora")
    assert "lora" in _drawn(_graph_ready(kb))
    # The applicability check keeps its answers in the fragment, which file:// pages may rewrite too.
    kb.goto((offline_dir / "decisions" / "eu-ai-act-applicability.html").as_uri())
    for q, value in (("subject", "system"), ("excluded", "no"), ("activities", "use"), ("annex-iii", "yes"), ("exemption", "no")):
        kb.locator(f'fieldset[data-q="{q}"] input[value="{value}"]').check()
    expect(kb.locator(".kb-applies__roles").first).to_contain_text("Deployer")
    assert "#a=subject:system" in kb.url
