"""Search keywords: the names, aliases and code spellings a reviewer may type.

They go into each page's search record (:mod:`.searchindex`), where
``assets/kb-search.js`` ranks an exact name or code first, and into the
names Pagefind weights. Pure functions over the model.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Clause, Term

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman_to_int(roman: str) -> int:
    """``xiii`` -> 13 (for chapter and annex numbers)."""
    total, prev = 0, 0
    for ch in reversed(roman.lower()):
        value = _ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def _variants(label: str) -> list[str]:
    """A label plus its hyphen/space/joined spellings."""
    out = [label]
    if "-" in label:
        out += [label.replace("-", " "), label.replace("-", "")]
    return out


def term_keywords(t: Term) -> list[str]:
    """Every spelling that should find this term's page."""
    seen: dict[str, None] = {}
    for label in (t.term, *t.aliases, *t.acronyms, t.id):
        for v in _variants(label):
            seen.setdefault(v, None)
    return list(seen)


def clause_keywords(c: Clause) -> list[str]:
    """Code spellings people type for a clause: "Art. 25", "Article 25", "GV-1.1", "A.6.2.4"."""
    code = c.code
    out = [code]
    if c.framework == "eu-ai-act":
        kind, num = c.id.split("-", 1)
        if kind == "art":
            out += [f"Article {num}", f"Art {num}", f"Art.{num}", f"Art{num}"]
        elif kind in ("annex", "ch"):
            word = "Annex" if kind == "annex" else "Chapter"
            out += [f"{word} {num.upper()}", f"{word} {roman_to_int(num)}"]
    elif c.framework == "nist-ai-rmf" and c.kind in ("function", "category", "subcategory"):
        m = re.match(r"^([A-Z]+)(?: (\S+))?$", code)
        if m:
            abbr = {"GOVERN": "GV", "MAP": "MP", "MEASURE": "MS", "MANAGE": "MG"}[m.group(1)]
            num = m.group(2)
            out += (
                [abbr]
                if not num
                else [f"{abbr}-{num}", f"{abbr} {num}", f"{abbr}{num}", f"{m.group(1).title()} {num}"]
            )
    elif c.framework == "iso-42001":
        if c.kind == "control":
            out += [f"Annex {code}", f"Control {code}", code.replace("A.", "A ", 1)]
        elif c.kind == "clause":
            out += [f"Clause {code}", f"ISO 42001 {code}"]
        else:
            out += [f"Annex {code}"]
    elif c.framework == "compel":
        out += [f"{c.title} {c.kind}", f"COMPEL {c.title}"]
    return list(dict.fromkeys(out))


# --- Search records -------------------------------------------------------------------------
# One record per term, clause, guide and crosswalk page. The browser ranks them
# (docs/assets/kb-search.js) with the same normalisation as here, so a name, alias,
# acronym or clause code typed any usual way finds its page first.

_NORM_DROP = re.compile(r"[’'`\"“”]")
_NORM_SPLIT = re.compile(r"[\s\-_/,:;!?()\[\]{}|+*&<>=~#]+")
_CODE_PREFIX = re.compile(
    r"^(art|article|annex|chapter|ch|clause|gv|mp|ms|mg|govern|map|measure|manage)\.?(\d.*)$"
)
_STOP = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
        "without",
        "when",
        "where",
        "who",
        "whom",
        "whose",
        "not",
        "no",
        "can",
        "may",
        "must",
        "should",
        "shall",
        "will",
        "than",
        "then",
        "there",
        "these",
        "those",
        "such",
        "also",
        "more",
        "most",
        "other",
        "any",
        "each",
        "all",
        "both",
        "only",
    )
)
#: Words that mean the same as a clause prefix.
_SYNONYMS = {"article": "art", "articles": "art", "arts": "art", "ch": "chapter"}


def singular(word: str) -> str:
    """A crude singular: ``systems`` -> ``system``, ``policies`` -> ``policy`` (never on codes)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Normalised tokens: lower case, hyphens as spaces, singular, clause prefixes split from numbers."""
    out: list[str] = []
    for raw in _NORM_SPLIT.split(_NORM_DROP.sub("", str(text).casefold())):
        out += _word_tokens(raw)
    return out


@lru_cache(maxsize=1 << 16)
def _word_tokens(raw: str) -> tuple[str, ...]:
    # Prose repeats its words: each distinct word is normalised once per build.
    word = raw.strip(".")
    if not word:
        return ()
    m = _CODE_PREFIX.match(word)
    if m:
        return (_SYNONYMS.get(m.group(1), m.group(1)), m.group(2).strip("."))
    return (_SYNONYMS.get(word, singular(word)),)


def normalise(text: str) -> str:
    """The key form of a name or code: its tokens joined by single spaces."""
    return " ".join(tokens(text))


def _keys(labels) -> list[str]:
    return list(dict.fromkeys(k for k in (normalise(x) for x in labels) if k))


def _words(text: str, skip: set[str], limit: int = 60) -> str:
    seen: dict[str, None] = {}
    for t in tokens(text):
        if len(t) > 2 and t not in _STOP and t not in skip and not t.isdigit():
            seen.setdefault(t, None)
            if len(seen) >= limit:
                break
    return " ".join(seen)


def search_record(
    kind: str, title: str, url: str, names, summary: str, body: str, framework: str = "", exact=()
) -> list:
    """A compact record: [kind, title, url, framework, keys, summary, body words, exact-only keys,
    summary tokens].

    Exact-only keys (``art 3 23`` for Art. 3's points) match a whole query and nothing less,
    so a page is not found through the words of its numbered points. The summary's tokens are
    written out so the browser need not normalise every summary after each page load.
    """
    keys = _keys(names)
    summary_text = " ".join(str(summary).split())
    summary_tokens = tokens(summary_text)
    skip = {t for k in keys for t in k.split()} | set(summary_tokens)
    return [
        kind,
        title,
        url,
        framework,
        keys,
        summary_text,
        _words(body, skip),
        list(exact),
        " ".join(summary_tokens),
    ]


def term_record(t: Term, url: str) -> list:
    """The record of a term page: its name, aliases, acronyms and id, summary and prose words."""
    return search_record(
        "term", t.term, url, term_keywords(t), t.summary, f"{t.explanation} {t.why_it_matters}"
    )


def clause_record(c: Clause, url: str, point_keys: tuple[str, ...] = ()) -> list:
    """The record of a clause page: its code in every spelling, its title, summary and details."""
    names = [*clause_keywords(c), f"{c.code} {c.title}"]
    title = c.title if c.code.casefold() == c.title.casefold() else f"{c.code} — {c.title}"
    return search_record("clause", title, url, names, c.summary, c.details, c.framework, point_keys)
