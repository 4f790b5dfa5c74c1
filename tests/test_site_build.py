"""The real site: strict build, a page per item, working links, nothing external, kb.json."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.slow


class _Refs(HTMLParser):
    """Collects links (a href) and loaded resources (src, link href) of one page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.loads: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "video", "audio") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.loads.append(a["href"])


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        parser = _Refs()
        parser.feed(path.read_text(encoding="utf-8"))
        yield path, parser


def _resolve(site: Path, page: Path, href: str) -> Path | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target


def test_kb_json_has_every_count(real_site):
    data = json.loads((real_site / "kb.json").read_text(encoding="utf-8"))
    kinds: dict[tuple[str, str], int] = {}
    for c in data["clauses"]:
        kinds[(c["framework"], c["kind"])] = kinds.get((c["framework"], c["kind"]), 0) + 1
    assert kinds[("nist-ai-rmf", "function")] == 4
    assert kinds[("nist-ai-rmf", "category")] == 19
    assert kinds[("nist-ai-rmf", "subcategory")] == 72
    assert kinds[("iso-42001", "control")] == 38
    assert kinds[("iso-42001", "area")] == 9
    assert kinds[("eu-ai-act", "chapter")] == 13
    assert kinds[("eu-ai-act", "article")] == 113
    assert kinds[("eu-ai-act", "annex")] == 13
    assert kinds[("compel", "stage")] == 6 and kinds[("compel", "pillar")] == 4
    assert len(data["terms"]) >= 40
    assert {e["relation"] for e in data["edges"]} >= {
        "defined-in",
        "obligation-in",
        "addressed-by",
        "part-of",
    }


def test_every_item_in_kb_json_has_its_page(real_site):
    data = json.loads((real_site / "kb.json").read_text(encoding="utf-8"))
    for item in data["terms"] + data["clauses"] + data["decisions"]:
        assert (real_site / item["url"] / "index.html").is_file(), item["url"]


def test_no_broken_internal_links(real_site):
    broken = []
    for page, refs in _pages(real_site):
        if page.name == "404.html":
            continue  # served at any missing URL, so mkdocs writes it with root-absolute links
        for href in refs.links + refs.loads:
            target = _resolve(real_site, page, href)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(real_site)} -> {href}")
    assert broken == []


def test_no_request_to_any_external_host(real_site):
    external = []
    for page, refs in _pages(real_site):
        external += [f"{page.relative_to(real_site)}: {u}" for u in refs.loads if urlsplit(u).netloc]
    assert external == []
    css_js = [p for p in real_site.rglob("*") if p.suffix in (".css", ".html")]
    for p in css_js:
        text = p.read_text(encoding="utf-8", errors="ignore")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, p


def test_nav_stays_small(real_site):
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="md-nav__link') < 80
