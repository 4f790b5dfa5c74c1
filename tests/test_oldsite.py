"""The last build's site is moved aside and deleted in the background; dot entries stay."""

from __future__ import annotations

import os

import pytest

from macros import parallel
from macros.frontends import oldsite

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _old_site(root):
    site = root / "site"
    (site / "glossary" / "lora").mkdir(parents=True)
    (site / "glossary" / "lora" / "index.html").write_text("old")
    (site / "index.html").write_text("old")
    (site / ".git").mkdir()  # e.g. a gh-pages checkout: mkdocs' own cleaning keeps it too
    (site / ".nojekyll").write_text("")
    return site


def test_the_old_site_is_moved_aside_at_once_and_deleted(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "available", lambda: True)
    site = _old_site(tmp_path)
    stale = tmp_path / ".site-old-1"  # left by a build that was killed
    (stale / "x").mkdir(parents=True)
    pending = oldsite.clear(site)
    assert pending is not None
    # Right away, before the child is done: only the dot entries are left for mkdocs.
    assert sorted(os.listdir(site)) == [".git", ".nojekyll"]
    pending.result()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_nothing_moves_where_forking_is_not_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "available", lambda: False)
    site = _old_site(tmp_path)
    assert oldsite.clear(site) is None
    assert (site / "index.html").exists()


def test_a_missing_site_is_nothing_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "available", lambda: True)
    assert oldsite.clear(tmp_path / "site") is None
    assert list(tmp_path.iterdir()) == []
