"""mkdocs-macros module: the macros that pages call.

Each macro returns a string built by a pure renderer. mkdocs-macros does not
re-evaluate macro return values, so YAML text never meets Jinja.
"""

from __future__ import annotations

from .calls import INDEX_MACROS, PAGE_MACROS
from .render import index
from .state import current


def define_env(env) -> None:
    """Register the macros with mkdocs-macros."""

    def here() -> str:
        page = getattr(env, "page", None)
        return page.file.src_uri if page is not None else "index.md"

    for name, render in PAGE_MACROS.items():
        env.macro(lambda arg, _render=render: _render(current(), arg), name)
    for name, render in INDEX_MACROS.items():
        env.macro(lambda _render=render: _render(current(), here()), name)

    @env.macro
    def vocabularies() -> str:
        return index.vocabularies()

    @env.macro
    def kb_stats() -> str:
        kb = current().kb
        return (
            f"{len(kb.terms)} terms · {len(kb.clauses)} framework items in "
            f"{len(kb.frameworks)} frameworks · {len(kb.decisions)} decision guides"
        )
