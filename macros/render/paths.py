"""Where each generated page lives, and relative links between pages.

Links are written to ``.md`` source paths relative to the current page, so
mkdocs resolves them for either URL style and ``--strict`` catches any that
break.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from ..refs import ClauseRef


def term(term_id: str) -> str:
    """Source path of a glossary term page."""
    return f"glossary/{term_id}.md"


def clause(ref: str) -> str:
    """Source path of a clause page, from its canonical reference."""
    r = ClauseRef.of(ref)
    return clause_in(r.framework, r.id)


def clause_in(framework_id: str, clause_id: str) -> str:
    """Source path of a clause page, from its framework and clause ids."""
    return f"frameworks/{framework_id}/{clause_id}.md"


def framework(framework_id: str) -> str:
    """Source path of a framework's tree page."""
    return f"frameworks/{framework_id}/index.md"


def decision(decision_id: str) -> str:
    """Source path of a decision guide page."""
    return f"decisions/{decision_id}.md"


def applicability(framework_id: str) -> str:
    """Source path of a framework's applicability check."""
    return f"decisions/{framework_id}-applicability.md"


def timeline(framework_id: str) -> str:
    """Source path of a framework's timeline page."""
    return f"frameworks/{framework_id}/timeline.md"


def crosswalk(crosswalk_id: str) -> str:
    """Source path of a crosswalk (framework pair) page."""
    return f"crosswalks/{crosswalk_id}.md"


CROSSWALKS_INDEX = "crosswalks/index.md"
EXPORTS = {
    "csv": "exports/crosswalks.csv",
    "sssom": "exports/crosswalks.sssom.tsv",
    "oscal": "exports/crosswalks.oscal.json",
}
GLOSSARY_INDEX = "glossary/index.md"
FRAMEWORKS_INDEX = "frameworks/index.md"
COMPEL_MATRIX = "compel-matrix.md"
DECISIONS_INDEX = "decisions/index.md"
GRAPH_EXPLORER = "graph/index.md"
#: The explorer's data file (one file for the whole graph).
GRAPH_EXPLORER_DATA = "graph/explorer.js"


def graph_slug(node: str) -> str:
    """File name stem of a node's neighbourhood data: ``eu-ai-act:art-25`` -> ``eu-ai-act--art-25``.

    Ids never hold two hyphens in a row, so the stem is unique and never needs a colon
    (which some file systems and zip tools refuse).
    """
    return node.replace(":", "--")


def graph_data(node: str) -> str:
    """Path of a node's neighbourhood data file, relative to the site root."""
    return f"graph/nodes/{graph_slug(node)}.js"


def rel(here: str, target: str, anchor: str = "") -> str:
    """Link from page ``here`` to page ``target`` (both source paths)."""
    link = "" if target == here else _relpath(target, posixpath.dirname(here) or ".")
    return f"{link}#{anchor}" if anchor else (link or posixpath.basename(target))


@lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    # posixpath.relpath resolves both against the working directory first, which is most of
    # a build's link cost; these are clean site-relative paths, so their common prefix is enough.
    t = [p for p in target.split("/") if p not in ("", ".")]
    s = [p for p in start.split("/") if p not in ("", ".")]
    common = 0
    for a, b in zip(t, s, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(s) - common) + t[common:]) or "."


@lru_cache(maxsize=65536)
def page_url(src_path: str, directory_urls: bool = True) -> str:
    """Site-root-relative URL of a page, as the site engines compute it."""
    stem, _ = posixpath.splitext(src_path)
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        d = posixpath.dirname(stem)
        return f"{d}/" if d else ""
    return stem + "/"


def url_rel(target_url: str, from_url: str) -> str:
    """Relative link from the page at ``from_url`` to ``target_url`` (both site-root-relative)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    link = _relpath(target_url or ".", base.rstrip("/") or ".")
    if target_url.endswith("/") or not target_url:
        link = "./" if link == "." else link + "/"
    return link
