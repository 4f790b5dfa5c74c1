"""The mkdocs front end's shortcuts change no byte of the site.

Three shortcuts of :mod:`macros.frontends.mkdocs_plugin` are checked here on
whole builds of the small fixture site, in both URL styles: the navigation
rendered once per folder (:mod:`macros.frontends.navcache`) and pages written
in two processes (:mod:`macros.frontends.splitbuild`), against a build that
renders the navigation for every page in one process; and the pass-through
files (alias redirects, graph data) written from memory against the copies in
the docs folder.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import MINI, PY, copy_site, mkdocs_build

from macros.frontends.navcache import _Urls

pytestmark = pytest.mark.slow


def _build(root: Path, offline: bool, *args: str) -> Path:
    return _run_build(root, offline, *args)[0]


def _run_build(root: Path, offline: bool, *args: str) -> tuple[Path, str]:
    proc = mkdocs_build(root, *args, env={"KB_OFFLINE": "true" if offline else "false"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site", proc.stderr


def _kb_options(root: Path, **options) -> None:
    """Give the ``kb`` plugin options in the copy's mkdocs.yml."""
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("- kb "))
    lines = "".join(f"\n      {k}: {str(v).lower()}" for k, v in options.items())
    yml.write_text(text.replace(line, f"  - kb:{lines}"), encoding="utf-8")


def _html(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


@pytest.mark.parametrize("offline", [False, True], ids=["directory-urls", "file-urls"])
def test_cached_navigation_and_split_build_are_byte_identical(tmp_path, offline):
    fast_root = copy_site(tmp_path / "fast", MINI)
    # The small site is written in two processes only when told to (the default wants 200 pages).
    _kb_options(fast_root, split_min_pages=1)
    cached, log = _run_build(fast_root, offline, "--verbose")
    assert "in a second process" in log  # the split really happened
    plain_root = copy_site(tmp_path / "plain", MINI)
    _kb_options(plain_root, nav_cache=False, split_build=False)
    plain, log = _run_build(plain_root, offline, "--verbose")
    assert "in a second process" not in log
    got, want = _html(cached), _html(plain)
    assert got.keys() == want.keys()
    differ = [k for k in want if got[k] != want[k]]
    assert differ == [], f"{len(differ)} pages differ, e.g. {differ[:3]}"
    # Not vacuous: term pages (unlisted, served from the cache) carry the whole navigation.
    term = "glossary/lora/index.html" if not offline else "glossary/lora.html"
    assert b'class="md-nav md-nav--primary' in got[term]
    assert b'class="md-tabs"' in got[term]


def test_pass_through_files_equal_what_zensical_gets(tmp_path):
    root = copy_site(tmp_path / "mini", MINI)
    site = _build(root, offline=False)
    docs = root / "build" / "docs"
    # mkdocs wrote them straight into the site; the docs folder does not hold them.
    assert not list(docs.glob("graph/nodes/*.js"))
    assert list(site.glob("graph/nodes/*.js"))
    # `make build-zensical` generates the docs folder with them: the same files, the same bytes.
    proc = subprocess.run([PY, "-m", "macros.frontends.generate"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    redirects = sorted(docs.glob("glossary/*/index.html"))
    graph = sorted(docs.glob("graph/nodes/*.js"))
    assert redirects and graph
    for path in [*redirects, *graph]:
        rel = path.relative_to(docs)
        assert (site / rel).read_bytes() == path.read_bytes(), rel
    assert len(list(site.glob("graph/nodes/*.js"))) == len(graph)


def _page(url: str, parent=None):
    return SimpleNamespace(url=url, parent=parent)


def _nav(*urls: str, pages=()):
    items = [SimpleNamespace(url=u, children=None) for u in urls]
    return SimpleNamespace(items=items, pages=list(pages), homepage=None)


def test_cache_key_is_the_folder_for_unlisted_pages_only():
    listed = _page("about/")
    nav = _nav("", "glossary/", "about/", "frameworks/eu-ai-act/", pages=[listed])
    urls = _Urls({})
    a, b = urls.key(_page("glossary/a/"), nav), urls.key(_page("glossary/b/"), nav)
    assert a is not None and a == b
    assert urls.key(_page("frameworks/eu-ai-act/art-5/"), nav) not in (None, a)
    assert urls.key(listed, nav) is None  # listed: an entry may be active
    assert urls.key(_page("x/", parent=object()), nav) is None
    assert urls.key(_page(""), nav) is None
    # A navigation URL below the page makes its links differ from its neighbours'.
    assert urls.key(_page("frameworks/"), nav) != urls.key(_page("fromages/"), nav)
    # File URLs: the links of glossary/a.html and glossary/b.html are made from glossary/.
    flat = _nav("index.html", "glossary/index.html")
    assert urls.key(_page("glossary/a.html"), flat) == urls.key(_page("glossary/b.html"), flat)
    assert urls.key(_page("glossary/a.html"), flat) != urls.key(_page("terms/a.html"), flat)
