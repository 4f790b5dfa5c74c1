"""Redirect pages: every alias gets a URL (``glossary/<alias>/``) that forwards to its term."""

from __future__ import annotations

import re

from ..model import KnowledgeBase
from .text import attr, esc


def slug(label: str) -> str:
    """URL slug of an alias: lower-case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")


def alias_slugs(kb: KnowledgeBase) -> dict[str, str]:
    """Alias slug -> term id, for every alias and acronym whose slug is not a term id itself.

    The first term (by id) keeps a slug two labels share; the validator keeps
    names unique, so a clash only happens between spellings that differ in
    punctuation alone.
    """
    out: dict[str, str] = {}
    for t in sorted(kb.terms.values(), key=lambda t: t.id):
        for label in (t.term, *t.aliases, *t.acronyms):
            s = slug(label)
            if s and s not in kb.terms and s not in out:
                out[s] = t.id
    return out


def redirect_html(target_url: str, term: str) -> str:
    """A tiny page that forwards to ``target_url`` (relative), with and without JavaScript."""
    url = attr(target_url)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f"<title>Redirecting to {esc(term)}</title>\n"
        f'<link rel="canonical" href="{url}">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f"<script>location.replace({_js_string(target_url)} + location.hash);</script>\n"
        f'</head><body><p>This name is an alias. Go to <a href="{url}">{esc(term)}</a>.</p></body></html>\n'
    )


def _js_string(text: str) -> str:
    import json

    return json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
