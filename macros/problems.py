"""Problems found in data: collected, sorted, printed as ``path:line: error: message``."""

from __future__ import annotations

import difflib
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
    lines = [p.format() for p in items]
    n = len(items)
    lines.append(f"{n} error{'s' if n != 1 else ''} found" if n else "ok: no errors")
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
