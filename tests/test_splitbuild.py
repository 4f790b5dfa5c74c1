"""Pages written in a forked child: every page once, the child's warnings counted, its failures reported.

Whole builds compare the bytes in ``test_navcache.py``; here mkdocs' page
writer is replaced by one that records which process wrote each page.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from macros import parallel
from macros.frontends import splitbuild
from macros.frontends.splitbuild import SplitBuild, usable

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


class _Page:
    def __init__(self, out: Path, i: int):
        self.out = out / f"p{i:03d}.txt"
        self.content = "x" * 100
        self.file = SimpleNamespace(src_uri=f"p{i:03d}.md", inclusion=SimpleNamespace(is_excluded=lambda: False))
        self.fail = self.warn = False


def _writer(page, config, doc_files, nav, env, dirty=False, excluded=False):
    """Stands in for mkdocs' ``_build_page``: writes which process wrote the page."""
    if page.warn:
        logging.getLogger("mkdocs.plugins.test").warning("careful with %s", page.file.src_uri)
    if page.fail:
        raise RuntimeError(f"boom in {page.file.src_uri}")
    page.out.write_text(str(os.getpid()))


@pytest.fixture
def pages(tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_build, "_build_page", _writer)
    return [_Page(tmp_path, i) for i in range(40)]


def _build(pages, split: SplitBuild) -> None:
    """What mkdocs' build loop does: every page through the (wrapped) module function."""
    split.install()
    files = [SimpleNamespace(page=p) for p in pages]
    for p in pages:
        mkdocs_build._build_page(p, None, files, None, None, False, False)


def test_every_page_is_written_once_part_of_them_by_the_child(pages):
    split = SplitBuild(min_pages=2)
    _build(pages, split)
    split.finish()
    writers = [int(p.out.read_text()) for p in pages]
    assert set(writers[: len(pages) - split.child_pages]) == {os.getpid()}
    child = set(writers[len(pages) - split.child_pages :])
    assert len(child) == 1 and os.getpid() not in child
    assert 0 < split.child_pages < len(pages)
    assert mkdocs_build._build_page is _writer  # put back


def test_the_child_takes_a_run_of_pages_at_the_end(tmp_path):
    pages = [_Page(tmp_path, i) for i in range(10)]
    assert splitbuild._share(pages, 0.5) == pages[5:]
    # Never every page, never none.
    assert splitbuild._share(pages, 1.0) == pages[1:]
    assert splitbuild._share(pages[:2], 0.1) == pages[1:2]


def test_small_sites_stay_in_one_process(pages):
    split = SplitBuild(min_pages=len(pages) + 1)
    _build(pages, split)
    split.finish()
    assert split.child_pages == 0
    assert {int(p.out.read_text()) for p in pages} == {os.getpid()}


def test_a_failure_in_the_child_stops_the_build_with_its_message(pages):
    pages[-1].fail = True
    split = SplitBuild(min_pages=2)
    _build(pages, split)
    with pytest.raises(PluginError, match=r"boom in p039\.md"):
        split.finish()
    assert mkdocs_build._build_page is _writer


def test_the_childs_warnings_count_for_strict_mode(pages):
    pages[-1].warn = True
    counter = CountHandler(level=logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        split = SplitBuild(min_pages=2)
        _build(pages, split)
        split.finish()
    finally:
        logger.removeHandler(counter)
    assert counter.get_counts() == [("WARNING", 1)]


def test_abandon_waits_for_the_child_and_restores_mkdocs(pages):
    split = SplitBuild(min_pages=2)
    _build(pages, split)
    split.abandon()
    assert mkdocs_build._build_page is _writer
    assert all(p.out.exists() for p in pages)


def _config(origin: str):
    def on_page_context(context, **kwargs):
        return context

    events = {"page_context": [on_page_context], "post_page": []}
    return SimpleNamespace(plugins=SimpleNamespace(events=events, _event_origins={on_page_context: origin}))


def test_only_known_stateless_plugins_allow_the_split(monkeypatch):
    monkeypatch.setattr(parallel, "available", lambda: True)
    assert usable(_config("material/tags"))
    # Material's search gathers every page's text while pages are written: one process only.
    assert not usable(_config("material/search"))
    monkeypatch.setattr(parallel, "available", lambda: False)
    assert not usable(_config("material/tags"))
