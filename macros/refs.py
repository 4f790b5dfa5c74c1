"""Clause references: ``<framework>:<clause>`` parsed once, printed one way.

Every place that needs the framework or the clause id of a reference asks a
:class:`ClauseRef` instead of splitting the string itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import REF_RE


@dataclass(frozen=True, order=True)
class ClauseRef:
    """A parsed canonical clause reference such as ``eu-ai-act:art-25``."""

    framework: str
    id: str

    @classmethod
    def parse(cls, text: str) -> ClauseRef | None:
        """The reference in ``text``, or None when it is not of the form ``<framework>:<clause>``."""
        text = str(text).strip()
        if not REF_RE.match(text):
            return None
        framework, cid = text.split(":", 1)
        return cls(framework, cid)

    @classmethod
    def of(cls, text: str) -> ClauseRef:
        """Parse a reference already known to be valid (e.g. one that passed validation)."""
        ref = cls.parse(text)
        if ref is None:
            raise ValueError(f"not a clause reference: {text!r}")
        return ref

    def __str__(self) -> str:
        return f"{self.framework}:{self.id}"


def framework_of(text: str) -> str:
    """Framework id of a valid reference string (``eu-ai-act:art-25`` -> ``eu-ai-act``)."""
    return ClauseRef.of(text).framework
