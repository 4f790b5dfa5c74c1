"""Where each generated page lives, and relative links between pages.

Links are written to ``.md`` source paths relative to the current page, so
mkdocs resolves them for either URL style and ``--strict`` catches any that
break.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def term(term_id: str) -> str:
    """Source path of a glossary term page."""
    return f"glossary/{term_id}.md"


def clause(ref: str) -> str:
    """Source path of a clause page, from its canonical reference."""
    framework, cid = ref.split(":", 1)
    return f"frameworks/{framework}/{cid}.md"


def framework(framework_id: str) -> str:
    """Source path of a framework's tree page."""
    return f"frameworks/{framework_id}/index.md"


def decision(decision_id: str) -> str:
    """Source path of a decision guide page."""
    return f"decisions/{decision_id}.md"


GLOSSARY_INDEX = "glossary/index.md"
FRAMEWORKS_INDEX = "frameworks/index.md"
COMPEL_MATRIX = "compel-matrix.md"
DECISIONS_INDEX = "decisions/index.md"


def rel(here: str, target: str, anchor: str = "") -> str:
    """Link from page ``here`` to page ``target`` (both source paths)."""
    link = "" if target == here else _relpath(target, posixpath.dirname(here) or ".")
    return f"{link}#{anchor}" if anchor else (link or posixpath.basename(target))


@lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    # relpath is costly and pages in one folder share their targets: cache per folder.
    return posixpath.relpath(target, start)
