"""Two engines, same site: mkdocs+Material and Zensical build the same pages from the same plan."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import PY, copy_site

pytestmark = pytest.mark.slow

ZENSICAL = Path(PY).parent / "zensical"
_H2 = re.compile(r'<h2\b[^>]*\bid="([^"]+)"')


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real repository's site built by Zensical (strict), after the build plan is written."""
    if not ZENSICAL.exists():
        pytest.fail("zensical is not installed: run `make setup`")
    src = copy_site(tmp_path_factory.mktemp("zensical") / "site-src")
    env = {**os.environ, "KB_SITE_DIR": "site-zensical"}
    gen = subprocess.run(
        [PY, "-m", "macros.frontends.generate"], cwd=src, env=env, capture_output=True, text=True
    )
    assert gen.returncode == 0, gen.stderr
    proc = subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict"],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    return src / "site-zensical"


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}


def test_same_page_urls_including_every_item_and_redirect(real_site, zensical_site):
    material, zensical = _pages(real_site), _pages(zensical_site)
    assert material == zensical
    data = json.loads((real_site / "kb.json").read_text(encoding="utf-8"))
    for item in data["terms"] + data["clauses"] + data["decisions"] + data["frameworks"]:
        assert f"{item['url']}index.html" in zensical, item["url"]


def test_same_kb_json(real_site, zensical_site):
    assert (real_site / "kb.json").read_bytes() == (zensical_site / "kb.json").read_bytes()


def test_same_sections_on_term_and_clause_pages(real_site, zensical_site):
    data = json.loads((real_site / "kb.json").read_text(encoding="utf-8"))
    differ = []
    for item in data["terms"] + data["clauses"]:
        page = f"{item['url']}index.html"
        a = _H2.findall((real_site / page).read_text(encoding="utf-8"))
        b = _H2.findall((zensical_site / page).read_text(encoding="utf-8"))
        if a != b or not a:
            differ.append(f"{page}: {a} != {b}")
    assert differ == []


def test_hand_written_pages_get_their_macros_under_both(real_site, zensical_site):
    for site in (real_site, zensical_site):
        home = (site / "index.html").read_text(encoding="utf-8")
        assert re.search(r"\d+ terms · \d+ framework items", home)
        assert "{{" not in home
        assert "Fine-tuning" in (site / "glossary" / "index.html").read_text(encoding="utf-8")
