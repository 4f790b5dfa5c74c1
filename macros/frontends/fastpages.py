"""mkdocs only: turn pages planned as blocks into HTML without Python-Markdown re-reading them.

Term and clause pages are planned as blocks (:mod:`macros.render.markup`):
raw HTML blocks between Markdown headings. Python-Markdown would copy the
HTML through unchanged, but only after running its HTML parser over it, and
mkdocs parses it once more for anchors; at 3,000 terms that was most of the
build. Zensical reads the same Markdown and parses it in full; mkdocs gets the
result directly:

- a page whose Markdown blocks are all plain headings (``## Text``, at most one
  bare attribute such as ``{ data-search-exclude }``) is rendered here: each
  heading gets the id, permalink and table-of-contents entry Python-Markdown's
  ``toc`` extension would give it, using that extension's own ``slugify`` and
  ``unique``;
- any other page (a clause page with a dates table, say) is converted by
  Python-Markdown with each HTML block swapped for a one-word paragraph, and the
  blocks are put back afterwards, as Python-Markdown's own raw-HTML stash does.

Hand-written pages that call a macro listing every term (the glossary index,
the COMPEL matrix) get the second treatment for the macro's output, which the
plan also keeps as blocks (the plugin's ``on_page_markdown`` runs after
mkdocs-macros has expanded the call).

Either way the output is what Python-Markdown makes of the whole page
(``tests/test_fastpages.py`` compares them on every generated page). Pages
whose Markdown on disk no longer matches the plan, or a ``toc`` configuration
this module does not reproduce, fall back to the ordinary conversion.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.extensions.toc import nest_toc_tokens, slugify, unique

from ..plan import Plan
from ..render.markup import join

_TOKEN = "kbrawblock{}"
_PLACED = re.compile(r"<p>kbrawblock(\d+)</p>")
_IDS = re.compile(r'\bid="([^"]+)"')
_HEADING = re.compile(r"(#{1,6}) (?P<text>[^{}\n]*?)(?: \{ (?P<attr>[a-z][a-z-]*) \})?")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+!|])")
#: The ``toc`` settings rendered here: mkdocs.yml's (permalinks on, everything else default).
SUPPORTED_TOC = ({"permalink": True},)


@dataclass
class Rendered:
    """A page rendered here: its HTML, ``toc`` tokens and every id it holds."""

    html: str
    toc_tokens: list
    ids: set[str]


class FastPages:
    """The planned blocks of every page written as blocks, by source path."""

    def __init__(self, plan: Plan, toc_config: dict | None = None, extensions=()):
        self._pages = {p.path: p for p in plan.pages if p.blocks}
        # Each HTML macro's output as the page's Markdown holds it, with its blocks.
        self._macros = [(join(b), b) for b in plan.macro_blocks.values() if b]
        # Headings are rendered here only under the settings reproduced exactly.
        self._headings = (toc_config or {}) in SUPPORTED_TOC and "attr_list" in extensions
        self._pending: dict[str, list[str]] = {}
        self._rendered: dict[str, Rendered] = {}

    def markdown(self, src_uri: str, markdown: str) -> str:
        """What Python-Markdown should convert: nothing, placeholders for HTML blocks, or the page."""
        page = self._pages.get(src_uri)
        if page is None:
            return self._macro_output(src_uri, markdown)
        if markdown.strip() != page.body.strip():
            return markdown
        if self._headings:
            done = render_blocks(page.blocks)
            if done is not None:
                self._rendered[src_uri] = done
                return ""
        raw: list[str] = []
        text = _stash(page.blocks, raw)
        self._pending[src_uri] = raw
        return text

    def _macro_output(self, src_uri: str, markdown: str) -> str:
        """A hand-written page: the HTML blocks of any listing macro's output become placeholders."""
        raw: list[str] = []
        for text, blocks in self._macros:
            # Only output standing as blocks of its own (the call alone in its paragraph).
            at = markdown.find(text)
            if at < 0 or not _alone(markdown, at, at + len(text)):
                continue
            markdown = markdown[:at] + _stash(blocks, raw) + markdown[at + len(text) :]
        if raw:
            self._pending[src_uri] = raw
        return markdown

    def rendered(self, src_uri: str) -> bool:
        """Whether :meth:`markdown` rendered this page itself (Python-Markdown has nothing to do)."""
        return src_uri in self._rendered

    def content(self, src_uri: str, html_text: str) -> tuple[str, Rendered | None, set[str]]:
        """The page's HTML, the page rendered here (if it was), and the ids of its HTML blocks."""
        done = self._rendered.pop(src_uri, None)
        if done is not None:
            return done.html, done, done.ids
        raw = self._pending.pop(src_uri, None)
        if raw is None:
            return html_text, None, set()
        ids = _ids(raw)
        # As in Python-Markdown's own stash: each raw block is followed by a blank line.
        html_text = _PLACED.sub(lambda m: raw[int(m.group(1))] + "\n", html_text)
        return html_text.rstrip("\n"), None, ids


def _ids(texts) -> set[str]:
    """Every ``id`` attribute in the HTML texts (a page's anchors besides its headings)."""
    # Most blocks hold none: a plain substring test is far cheaper than the pattern's scan.
    return {i for text in texts if 'id="' in text for i in _IDS.findall(text)}


def _stash(blocks, raw: list[str]) -> str:
    """The blocks as Markdown with each HTML block replaced by a placeholder (kept in ``raw``)."""
    parts = []
    for block in blocks:
        if block.html:
            parts.append(_TOKEN.format(len(raw)))
            raw.append(block.text)
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


def _alone(markdown: str, start: int, end: int) -> bool:
    """Whether ``markdown[start:end]`` has a blank line (or the page's edge) on both sides."""
    before, after = markdown[:start].rstrip(" "), markdown[end:].lstrip(" ")
    return (before == "" or before.endswith("\n\n")) and (after.strip() == "" or after.startswith("\n\n"))


def render_blocks(blocks) -> Rendered | None:
    """HTML and table of contents of blocks whose Markdown is only headings; ``None`` otherwise."""
    heads = []
    for b in blocks:
        if not b.html:
            m = _HEADING.fullmatch(b.text)
            if m is None:
                return None
            heads.append(m)
    used: set[str] = set()
    counters: dict[str, int] = {}
    tokens = []
    out = []
    it = iter(heads)
    for b in blocks:
        if b.html:
            # Python-Markdown follows each raw HTML block with a blank line.
            out.append(b.text + "\n")
            continue
        m = next(it)
        level = len(m.group(1))
        inner = _UNESCAPE.sub(r"\1", m.group("text").strip())
        hid = unique(slugify(html.unescape(inner), "-"), used, counters)
        extra = f" {m.group('attr')}" if m.group("attr") else ""
        out.append(
            f'<h{level}{extra} id="{hid}">{inner}<a class="headerlink" href="#{hid}" '
            f'title="Permanent link">&para;</a></h{level}>'
        )
        tokens.append({"level": level, "id": hid, "name": inner, "html": inner, "data-toc-label": ""})
    ids = used | _ids(b.text for b in blocks if b.html)
    return Rendered("\n".join(out).rstrip("\n"), nest_toc_tokens(tokens), ids)
