"""Escaping and sanitising of YAML text on its way into pages.

Three shapes leave here: ``md(text)`` for plain text inside generated
Markdown, ``attr(text)`` for HTML attributes, and ``prose(text)`` for the
Markdown prose fields, rendered to HTML by markdown-it-py with raw HTML
disabled and then sanitised with nh3 (ammonia) so only an allow-list of tags, attributes and
URL schemes survives. Jinja never sees any of it: these strings are macro
return values, which mkdocs-macros does not evaluate.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "a",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "h4",
    "h5",
    "h6",
    "sup",
    "sub",
    "hr",
}
_ALLOWED_ATTRS = {"a": {"href", "title"}}


def md(text: str) -> str:
    """Plain text made safe inside Markdown: HTML escaped, Markdown syntax neutralised."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def safe_title(title: str) -> str:
    """A page title that stays text even after a theme strips tags and unescapes entities.

    Material renders ``{{ page.title | striptags }}`` inside ``<title>``;
    ``striptags`` turns ``&lt;`` back into ``<``, so angle brackets from data
    are replaced by look-alike quotation marks first.
    """
    unescaped = html.unescape(str(title))
    return html.escape(unescaped.replace("<", "‹").replace(">", "›"), quote=False)


def attr(text: str) -> str:
    """Plain text made safe inside a double-quoted HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


def esc(text: str) -> str:
    """Plain text made safe inside HTML element content."""
    return html.escape(str(text), quote=False)


def href(url: str) -> str:
    """An http(s) URL made safe as a Markdown link target."""
    url = str(url).strip()
    if not url.lower().startswith(("https://", "http://")):
        return "#"
    table = {" ": "%20", '"': "%22", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}
    return "".join(table.get(ch, ch) for ch in url)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # CommonMark with tables; html=False shows raw HTML as text, and markdown-it
    # refuses javascript:/vbscript:/data: link targets on its own.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


#: Prose that is only sentences: no Markdown syntax, no HTML, no character markdown-it escapes but '"'.
_PLAIN = re.compile(r"[A-Za-z0-9 ,.;:'’\"?%/()\n\u2013\u2014-]+")
_NOT_PLAIN_LINE = re.compile(r"^[ \t\d-]|[ \t]$", re.M)


def _paragraphs(text: str) -> str | None:
    """What markdown-it renders for prose that is only plain paragraphs; ``None`` for anything else.

    Most prose fields are a few sentences, and markdown-it's full parser was a large share of the
    build; lines that could start a list, code block or heading, or end in a hard break, are left
    to it (tests/test_render.py compares the two on every real prose field and on generated text).
    """
    if not _PLAIN.fullmatch(text) or _NOT_PLAIN_LINE.search(text):
        return None
    paras, lines = [], []
    for line in [*text.split("\n"), ""]:
        if line:
            lines.append(line)
        elif lines:
            paras.append("<p>" + "\n".join(lines).replace('"', "&quot;") + "</p>\n")
            lines = []
    return "".join(paras) or None


def prose(text: str) -> str:
    """Markdown prose rendered to sanitised HTML, wrapped for the page."""
    text = str(text)
    body = _paragraphs(text)
    if body is None:
        body = _markdown().render(text)
    clean = nh3.clean(
        body,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRS,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    )
    return f'<div class="kb-prose">\n{clean.strip()}\n</div>'
