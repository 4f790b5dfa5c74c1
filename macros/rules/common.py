"""Messages that several rules share, each written once.

A wrong clause reference, an unknown term or an id that does not match its
file name reads the same in a glossary entry, a guide or the spectrum.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .. import vocab
from ..problems import Problem, did_you_mean
from ..refs import ClauseRef
from ..source import Doc, Key


def text(value: Any) -> str | None:
    """The stripped string, or None for anything that is not non-empty text."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def items(d: dict, key: str) -> Iterator[tuple[int, dict]]:
    """The mapping items of list ``d[key]``, with their index; anything else is skipped."""
    value = d.get(key)
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def unknown_clause(doc: Doc, key: Key, value: Any, known: dict[str, object]) -> Iterator[Problem]:
    """A reference to a clause that no catalog defines (malformed ones are the structural check's)."""
    ref = ClauseRef.parse(value) if text(value) else None
    if ref is None or str(ref) in known:
        return
    if ref.framework not in vocab.FRAMEWORKS:
        yield doc.problem(
            key,
            f"unknown framework '{ref.framework}' in '{ref}'{did_you_mean(ref.framework, vocab.FRAMEWORKS)}",
            f"framework ids are: {', '.join(vocab.FRAMEWORKS)}",
        )
        return
    same = [r for r in known if r.startswith(ref.framework + ":")]
    yield doc.problem(key, f"clause '{ref}' does not exist{did_you_mean(str(ref), same)}")


def unknown_term(doc: Doc, key: Key, value: Any, known: set[str]) -> Iterator[Problem]:
    """A reference to a glossary term that has no file (malformed ids are the structural check's)."""
    term = text(value)
    if not term or not vocab.ID_RE.match(term) or vocab.TODO_MARKER in term or term in known:
        return
    close = did_you_mean(term, known)
    yield doc.problem(
        key, f"term '{term}' does not exist{close}", "" if close else "create it with scripts/new_term.py"
    )


def id_matches_file(doc: Doc, stem: str) -> Iterator[Problem]:
    """The ``id`` key must equal the file name."""
    found = text(doc.data.get("id"))
    if found and found != stem:
        yield doc.problem(
            ("id",),
            f"id '{found}' does not match the file name '{stem}.yml'",
            f"rename the file or set id: {stem}",
        )


#: Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = (
    "art",
    "arts",
    "e.g",
    "i.e",
    "cf",
    "no",
    "nos",
    "para",
    "sec",
    "vs",
    "etc",
    "reg",
    "p",
    "pp",
)
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z])")


def sentences(value: str) -> int:
    """How many sentences a plain-text value has (``Art. 25`` and ``e.g. X`` do not end one)."""
    count = 1
    for m in _BOUNDARY.finditer(value.strip()):
        before = value[: m.start()].rsplit(None, 1)[-1].rstrip(".!?").casefold()
        if before not in _ABBREVIATIONS:
            count += 1
    return count


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_IN_TEXT = re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b")


def typed_dates(doc: Doc, key: Key, value: object) -> Iterator[Problem]:
    """Calendar dates typed into prose: application dates belong in frameworks/timeline/, not in text."""
    found = _DATE_IN_TEXT.search(value) if isinstance(value, str) else None
    if found:
        yield doc.problem(
            key,
            f"date '{found.group(0)}' typed into the text",
            "application dates live in frameworks/timeline/ and show on clause pages; name the article",
        )
