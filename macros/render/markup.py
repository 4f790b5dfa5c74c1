"""Generated pages as blocks: Markdown headings between pre-rendered HTML blocks.

Pages that exist once per term or clause are most of a build, and
Python-Markdown's inline parsing of their links, lists and tables was most of
its cost. Their renderers therefore write each part as finished HTML (one
block-level element per :class:`Block`, with final relative URLs, since no
engine rewrites links inside raw HTML) and keep only headings as Markdown, so
both engines still build the table of contents and permalinks the same way.
Joined with blank lines, the blocks are ordinary Markdown that any engine
renders to the same HTML; the mkdocs front end can also skip parsing the HTML
blocks entirely (:mod:`macros.frontends.fastpages`).

Every piece of data text goes through :func:`~.text.esc` or
:func:`~.text.attr` here, exactly as through :func:`~.text.md` in Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import paths
from .text import attr, esc


@dataclass(frozen=True)
class Block:
    """One block of a page: raw HTML (one block-level element) or Markdown (a heading, say)."""

    text: str
    html: bool = True

    def __reduce__(self):
        # The plan's forked child sends pages back by the ten thousand blocks: a constructor
        # call pickles and loads several times faster than a dataclass's state dictionary.
        return (Block, (self.text, self.html))


def md_block(text: str) -> Block:
    """A block left to the engine's Markdown (headings, and sections kept in Markdown)."""
    return Block(text, html=False)


def join(blocks) -> str:
    """The page's Markdown: every non-empty block, separated by blank lines."""
    return "\n\n".join(b.text for b in blocks if b.text)


@dataclass(frozen=True)
class Here:
    """The page being rendered and the URL style, so links come out final (``../x/``)."""

    src: str
    directory_urls: bool = True

    def to(self, target: str, anchor: str = "") -> str:
        """Relative URL from this page to the page with source path ``target``."""
        dirs = self.directory_urls
        url = paths.url_rel(paths.page_url(target, dirs), paths.page_url(self.src, dirs))
        return f"{url}#{anchor}" if anchor else url


def text(value: str) -> str:
    """Data text as HTML element content, whitespace collapsed as Markdown would."""
    return esc(" ".join(str(value).split()))


def link(url: str, content: str, title: str = "") -> str:
    """``<a href=... title=...>content</a>``; ``content`` is already HTML, ``title`` plain text."""
    t = f' title="{attr(title)}"' if title else ""
    return f'<a href="{attr(url)}"{t}>{content}</a>'


def para(content: str, cls: str = "") -> Block:
    """A paragraph block of inline HTML."""
    c = f' class="{cls}"' if cls else ""
    return Block(f"<p{c}>{content}</p>")


def items(lines) -> Block:
    """A bulleted list block; each line is inline HTML."""
    return Block("<ul>\n" + "\n".join(f"<li>{x}</li>" for x in lines) + "\n</ul>")


def heading(level: int, content_md: str) -> Block:
    """A Markdown heading (already escaped with :func:`~.text.md`)."""
    return md_block(f"{'#' * level} {content_md}")
