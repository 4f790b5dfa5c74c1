"""mkdocs-macros module: the macros that pages call.

Each macro returns a string built by a pure renderer. mkdocs-macros does not
re-evaluate macro return values, so YAML text never meets Jinja.
"""

from __future__ import annotations

from .render import clause, index, term
from .state import current


def define_env(env) -> None:
    """Register the macros with mkdocs-macros."""

    def here() -> str:
        page = getattr(env, "page", None)
        return page.file.src_uri if page is not None else "index.md"

    @env.macro
    def term_page(term_id: str) -> str:
        return term.term_page(current(), term_id)

    @env.macro
    def clause_page(ref: str) -> str:
        return clause.clause_page(current(), ref)

    @env.macro
    def framework_page(framework_id: str) -> str:
        return clause.framework_page(current(), framework_id)

    @env.macro
    def decision_page(decision_id: str) -> str:
        from .render import decision

        return decision.decision_page(current(), decision_id)

    @env.macro
    def glossary_index() -> str:
        return index.glossary_index(current(), here())

    @env.macro
    def frameworks_overview() -> str:
        return index.frameworks_overview(current(), here())

    @env.macro
    def compel_matrix() -> str:
        return index.compel_matrix(current(), here())

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
