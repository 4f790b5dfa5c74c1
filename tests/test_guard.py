"""The Zensical guard: a mkdocs.yml may not rely on what Zensical silently ignores."""

from __future__ import annotations

import pytest
from conftest import ROOT

from macros.frontends import guard
from macros.frontends.generate import read_config


def test_the_real_configuration_passes():
    assert guard.problems(read_config(ROOT / "mkdocs.yml")) == []


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({"plugins": ["search", "git-revision-date"]}, "plugin 'git-revision-date' is silently skipped"),
        ({"plugins": [{"search": {"lang": "en"}}]}, "option 'lang' of plugin 'search' is ignored"),
        ({"hooks": ["hooks.py"]}, "'hooks:' is ignored by Zensical"),
        ({"plugins": {"material/tags": {"tags_file": "t.md"}}}, "option 'tags_file' of plugin 'tags'"),
    ],
)
def test_reliance_on_ignored_features_is_refused(config, expected):
    found = guard.problems(config)
    assert len(found) == 1 and expected in found[0]


def test_table_matches_the_installed_zensical():
    config = pytest.importorskip("zensical.config")
    installed = config._PLUGIN_UNSUPPORTED_OPTIONS
    for name, ignored in guard.ZENSICAL_PLUGINS.items():
        assert name in installed, f"Zensical no longer re-implements '{name}'"
        assert set(ignored) == set(installed[name]), name
