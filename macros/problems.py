"""Problems found in data: collected, sorted, printed as ``path:line: error: message``.

The same problems can also be printed as GitHub annotations (so each one shows
on the changed line of a pull request) or as a JSON document: see
:data:`FORMATS` and :func:`render`.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, located at a 1-based line (0 when the file has no lines)."""

    path: str
    line: int
    message: str
    hint: str = ""

    def format(self) -> str:
        """Render as the contract line contributors and tests rely on."""
        text = f"{self.path}:{self.line}: error: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class DataError(Exception):
    """Raised once, after validation, when any problem was found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__(format_report(self.problems))


def _sort_key(p: Problem) -> tuple:
    return (p.path, p.line, p.message)


def format_report(problems: Iterable[Problem]) -> str:
    """All problems, one per line, then a count line."""
    items = sorted(problems, key=_sort_key)
    return "\n".join([*(p.format() for p in items), count_line(len(items))])


def count_line(n: int) -> str:
    """``N errors found``, or ``ok: no errors`` when there are none."""
    return f"{n} error{'s' if n != 1 else ''} found" if n else "ok: no errors"


def _escape_data(text: str) -> str:
    """Escape an annotation's message as GitHub's workflow commands require."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape an annotation property (file, title): the message escapes plus ``:`` and ``,``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(p: Problem, title: str = "kb check") -> str:
    """One ``::error file=...,line=...,title=...::message`` workflow command (no line when it is 0)."""
    props = [f"file={_escape_property(p.path)}"]
    if p.line > 0:
        props.append(f"line={p.line}")
    props.append(f"title={_escape_property(title)}")
    message = f"{p.message} (hint: {p.hint})" if p.hint else p.message
    return f"::error {','.join(props)}::{_escape_data(message)}"


def format_github(problems: Iterable[Problem]) -> str:
    """Every problem as a GitHub annotation, then the same count line as the text report."""
    items = sorted(problems, key=_sort_key)
    return "\n".join([*(github_annotation(p) for p in items), count_line(len(items))])


def format_json(problems: Iterable[Problem]) -> str:
    """``{"problems": [{"path", "line", "message", "hint"}, ...], "count": N}``, sorted, indented."""
    items = sorted(problems, key=_sort_key)
    rows = [{"path": p.path, "line": p.line, "message": p.message, "hint": p.hint} for p in items]
    return json.dumps({"problems": rows, "count": len(rows)}, indent=2, ensure_ascii=False)


#: Output formats of ``scripts/check.py --format``: name -> renderer of a list of problems.
FORMATS = {"text": format_report, "github": format_github, "json": format_json}


def render(problems: Iterable[Problem], fmt: str = "text") -> str:
    """The problems in one of :data:`FORMATS` (``text``, ``github`` or ``json``)."""
    try:
        return FORMATS[fmt](problems)
    except KeyError:
        raise ValueError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}") from None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
