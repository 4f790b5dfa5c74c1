"""Refuse a ``mkdocs.yml`` that relies on something Zensical would silently ignore.

Zensical reads ``mkdocs.yml`` but re-implements only some plugins and skips
the rest without a word, and ignores some options of those it knows. The
tables below are taken from Zensical 0.0.73 (``zensical/config.py``); a test
compares them with the installed Zensical so an upgrade cannot drift unseen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

#: Plugins Zensical re-implements, with the options it accepts but ignores.
ZENSICAL_PLUGINS: dict[str, tuple[str, ...]] = {
    "search": (
        "fields",
        "indexing",
        "jieba_dict",
        "jieba_dict_user",
        "lang",
        "min_search_length",
        "pipeline",
        "prebuild_index",
    ),
    "tags": (
        "tags_compare",
        "tags_compare_reverse",
        "tags_pages_compare",
        "tags_pages_compare_reverse",
        "tags_file",
        "tags_extra_files",
        "export",
        "export_file",
        "export_only",
    ),
    "macros": (),
    "offline": (),
    "privacy": (),
    "meta": (),
    "exclude": (),
    "redirects": (),
    "minify": (),
    "blog": (),
    "rss": (),
    "social": (),
    "autorefs": (),
    "literate-nav": (),
}

#: Plugins that exist only for mkdocs, allowed because nothing they do is lost under Zensical.
MKDOCS_ONLY_PLUGINS: dict[str, str] = {
    "kb": "runs the build plan; `make build-zensical` runs the same plan before Zensical starts",
}

#: Top-level keys Zensical does not act on, and why each is (or is not) acceptable.
MKDOCS_ONLY_KEYS: dict[str, str] = {
    "validation": "mkdocs' extra link checks; the pages are the same either way",
}
REFUSED_KEYS: dict[str, str] = {
    "hooks": "Zensical has no hook API: move the logic into the build plan (macros/plan.py)",
}


def problems(config: dict[str, Any]) -> list[str]:
    """Every reliance of ``config`` (a parsed mkdocs.yml) on something Zensical ignores."""
    return list(_problems(config))


def _problems(config: dict[str, Any]) -> Iterator[str]:
    for key, why in REFUSED_KEYS.items():
        if key in config:
            yield f"mkdocs.yml: '{key}:' is ignored by Zensical ({why})"
    for name, options in _plugins(config.get("plugins")):
        name = name.removeprefix("material/")
        if name in MKDOCS_ONLY_PLUGINS:
            continue
        if name not in ZENSICAL_PLUGINS:
            yield (
                f"mkdocs.yml: plugin '{name}' is silently skipped by Zensical "
                "(do its work in the build plan, or list it in macros/frontends/guard.py with the reason)"
            )
            continue
        for option in options:
            if option in ZENSICAL_PLUGINS[name]:
                yield f"mkdocs.yml: option '{option}' of plugin '{name}' is ignored by Zensical"


def _plugins(value: Any) -> Iterator[tuple[str, dict]]:
    if isinstance(value, dict):
        value = [{k: v} for k, v in value.items()]
    for item in value or []:
        if isinstance(item, str):
            yield item, {}
        elif isinstance(item, dict):
            for name, options in item.items():
                yield name, options if isinstance(options, dict) else {}
