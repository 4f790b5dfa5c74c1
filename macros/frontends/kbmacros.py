"""mkdocs-macros module (run by mkdocs-macros and by Zensical alike): the macros hand-written pages call.

Each macro returns text the build plan rendered (``build/docs-macros.json``,
written next to the generated docs folder before the engine starts), so
calling one costs a look-up, not a load of the knowledge base. mkdocs-macros
does not re-evaluate macro return values, so YAML text never meets Jinja.
Pages opt in with ``render_macros: true`` (the config sets
``render_by_default: false``).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..plan import HTML_MACROS, PAGE_MACROS
from .writer import macros_file

#: Macros available to hand-written pages (each rendered for the page it belongs on).
NAMES = (*PAGE_MACROS, *HTML_MACROS, "kb_stats", "vocabularies")


def _docs_dir(conf) -> Path:
    docs = Path(conf.get("docs_dir") or "build/docs")
    if docs.is_absolute():
        return docs
    root = conf.get("root_dir") or Path(conf.get("config_file_path") or "mkdocs.yml").parent
    return Path(root) / docs


def define_env(env) -> None:
    """Register the macros; their output is read once per environment, when first needed."""
    loaded: dict[str, str] = {}

    def output(name: str) -> str:
        if not loaded:
            path = macros_file(_docs_dir(env.conf))
            loaded.update(json.loads(path.read_text(encoding="utf-8")))
        return loaded[name]

    for name in NAMES:
        env.macro(lambda _name=name: output(_name), name)
