"""First-mention auto-linking: the first time a page's prose names a glossary term
(by name, alias or acronym), that mention links to the term page, with the
summary as its tooltip.

Never inside headings, code, preformatted text, existing links, scripts,
buttons or diagrams, and never a link from a term page to itself. Matching
looks word n-grams up in a dictionary built once per build, so the cost per
page is linear in its text, whatever the glossary's size.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from .model import KnowledgeBase

_SKIP = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "script",
    "style",
    "button",
    "svg",
    "textarea",
    "nav",
    "kbd",
    "abbr",
    "label",
    "select",
    "title",
    "head",
}
_VOID = {
    "br",
    "hr",
    "img",
    "input",
    "meta",
    "link",
    "wbr",
    "source",
    "area",
    "col",
    "embed",
    "param",
    "track",
}
_TOKEN = re.compile(r"<!--.*?-->|<[^>]+>", re.S)
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z0-9]+)")
_WORD = re.compile(r"[A-Za-z0-9]+(?:[.'’][A-Za-z0-9]+)*")
MAX_WORDS = 6


@dataclass(frozen=True)
class Labels:
    """Label n-grams -> term id; acronyms match case-sensitively, names case-insensitively.

    ``starts``/``exact_starts`` map a label's first word to the longest label
    beginning with it, so most words of a page cost one dictionary miss.
    """

    folded: dict[str, str]
    exact: dict[str, str]
    starts: dict[str, int]
    exact_starts: dict[str, int]

    @classmethod
    def build(cls, kb: KnowledgeBase) -> Labels:
        """Index every name, alias and acronym (hyphens read as spaces)."""
        folded: dict[str, str] = {}
        exact: dict[str, str] = {}
        starts: dict[str, int] = {}
        exact_starts: dict[str, int] = {}
        for t in sorted(kb.terms.values(), key=lambda t: t.id):
            for label in (t.term, *t.aliases):
                words = [w.casefold() for w in _WORD.findall(label.replace("-", " "))][:MAX_WORDS]
                if words and (len(words) > 1 or len(words[0]) > 3):
                    folded.setdefault(" ".join(words), t.id)
                    starts[words[0]] = max(starts.get(words[0], 0), len(words))
            for acronym in t.acronyms:
                words = _WORD.findall(acronym)[:MAX_WORDS]
                if words:
                    exact.setdefault(" ".join(words), t.id)
                    exact_starts[words[0]] = max(exact_starts.get(words[0], 0), len(words))
        return cls(folded, exact, starts, exact_starts)

    def find(self, raws: list[str], folds: list[str], i: int) -> tuple[int, str] | None:
        """Longest label starting at word ``i``: (number of words, term id)."""
        n_folded = self.starts.get(folds[i], 0)
        n_exact = self.exact_starts.get(raws[i], 0)
        for n in range(min(max(n_folded, n_exact), len(raws) - i), 0, -1):
            hit = None
            if n <= n_exact:
                hit = self.exact.get(" ".join(raws[i : i + n]))
            if hit is None and n <= n_folded:
                hit = self.folded.get(" ".join(folds[i : i + n]))
            if hit is not None:
                return n, hit
        return None


# Prose blocks as the renderers write them: sanitised prose never contains a
# <div>, and a summary paragraph never contains a </p>, so the first closing
# tag ends the block.
_PROSE_BLOCK = re.compile(r'(<div class="kb-prose">)(.*?)(</div>)|(<p class="kb-summary">)(.*?)(</p>)', re.S)


def link_generated_page(
    page_html: str,
    labels: Labels,
    self_id: str | None,
    url_of: Callable[[str], str],
    summary_of: Callable[[str], str],
    done: set[str] | None = None,
) -> str:
    """Like :func:`link_first_mentions` for generated pages: only their prose blocks are read.

    ``done`` holds the terms already linked, so a page written in several blocks links each term once.
    """
    done = set() if done is None else done
    if self_id:
        done.add(self_id)
    out: list[str] = []
    pos = 0
    for m in _PROSE_BLOCK.finditer(page_html):
        start, end = (m.start(2), m.end(2)) if m.group(1) else (m.start(5), m.end(5))
        out.append(page_html[pos:start])
        out.append(_link_html(page_html[start:end], labels, done, url_of, summary_of))
        pos = end
    out.append(page_html[pos:])
    return "".join(out)


def _link_html(page_html: str, labels: Labels, done: set[str], url_of, summary_of) -> str:
    out: list[str] = []
    skip_depth = 0
    pos = 0
    for m in _TOKEN.finditer(page_html):
        text = page_html[pos : m.start()]
        out.append(
            _link_text(text, labels, done, url_of, summary_of) if skip_depth == 0 and text.strip() else text
        )
        tag = m.group(0)
        out.append(tag)
        pos = m.end()
        t = _TAG.match(tag)
        if not t or tag.startswith("<!--"):
            continue
        name = t.group(2).lower()
        if name in _SKIP and name not in _VOID and not tag.endswith("/>"):
            skip_depth = max(skip_depth + (-1 if t.group(1) else 1), 0)
    tail = page_html[pos:]
    out.append(_link_text(tail, labels, done, url_of, summary_of) if skip_depth == 0 else tail)
    return "".join(out)


def _link_text(text, labels: Labels, done: set[str], url_of, summary_of) -> str:
    # The text is already HTML-escaped; links are cut at word boundaries of that
    # escaped text, so nothing is ever unescaped on the way through.
    words = list(_WORD.finditer(text))
    if not words:
        return text
    raws = [m.group(0) for m in words]
    folds = [w.casefold() for w in raws]
    pieces: list[str] = []
    cursor = 0
    i = 0
    starts, exact_starts = labels.starts, labels.exact_starts
    while i < len(words):
        # Most words start no label: skip them without a call (find would return None).
        if folds[i] not in starts and raws[i] not in exact_starts:
            i += 1
            continue
        hit = labels.find(raws, folds, i)
        if hit is None:
            i += 1
            continue
        n, tid = hit
        if tid not in done:
            start, end = words[i].start(), words[i + n - 1].end()
            done.add(tid)
            pieces.append(text[cursor:start])
            pieces.append(
                f'<a class="kb-autolink" href="{html.escape(url_of(tid), quote=True)}" '
                f'title="{html.escape(summary_of(tid), quote=True)}">{text[start:end]}</a>'
            )
            cursor = end
        i += n  # never link a shorter label inside a longer one
    pieces.append(text[cursor:])
    return "".join(pieces)
