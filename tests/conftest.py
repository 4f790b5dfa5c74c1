"""Shared fixtures: repository paths, throw-away copies of sites, a site builder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"
PY = sys.executable


def copy_site(dest: Path, data: Path | None = None) -> Path:
    """Copy mkdocs.yml and docs/ into ``dest``, with the frameworks and glossary of ``data``."""
    data = data or ROOT
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "build" / "docs").mkdir(parents=True)  # mkdocs checks docs_dir before the plugin writes it
    for part in ("frameworks", "glossary"):
        if (data / part).exists():
            shutil.copytree(data / part, dest / part)
    return dest


def mkdocs_build(site_root: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` in ``site_root`` (``env``: extra variables); returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [PY, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=site_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def mini_site(tmp_path: Path) -> Path:
    """A writable copy of the small fixture knowledge base with the real docs/ and mkdocs.yml."""
    return copy_site(tmp_path / "mini", MINI)


@pytest.fixture(scope="session")
def mini_kb():
    """The small fixture knowledge base, loaded (it must be clean) and built into a Site."""
    from macros.pipeline import load_kb
    from macros.site import build_site

    kb, problems = load_kb(MINI)
    assert problems == []
    return build_site(kb)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real repository's site, built once per test session (strict)."""
    dest = copy_site(tmp_path_factory.mktemp("real") / "site-src")
    proc = mkdocs_build(dest)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return dest / "site"
