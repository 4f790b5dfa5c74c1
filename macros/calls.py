"""The page macros, by name: one table shared by the mkdocs-macros module and the plugin.

Generated pages hold a single call such as ``{{ term_page("lora") }}``. The
plugin expands that call itself through this table (no Jinja involved), and
mkdocs-macros exposes the same functions to hand-written pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .render import clause, decision, index, spectrum, term
from .site import Site

#: Macros taking one id argument, used by generated pages.
PAGE_MACROS: dict[str, Callable[[Site, str], str]] = {
    "term_page": term.term_page,
    "clause_page": clause.clause_page,
    "framework_page": clause.framework_page,
    "decision_page": decision.decision_page,
}

#: Macros for hand-written pages, taking the current page's source path.
INDEX_MACROS: dict[str, Callable[[Site, str], str]] = {
    "glossary_index": index.glossary_index,
    "frameworks_overview": index.frameworks_overview,
    "compel_matrix": index.compel_matrix,
    "decisions_index": decision.decisions_index,
    "modification_spectrum": spectrum.modification_spectrum,
}

_CALL = re.compile(r'\A\s*\{\{ (\w+)\("([^"]+)"\) \}\}\s*\Z')


def expand(site: Site, source: str) -> str | None:
    """Rendered Markdown for a generated page's single macro call, or None if it is not one."""
    m = _CALL.match(source)
    if not m or m.group(1) not in PAGE_MACROS:
        return None
    return PAGE_MACROS[m.group(1)](site, m.group(2))
