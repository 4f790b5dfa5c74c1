"""Rules for the modification spectrum: shape, score bounds, known terms, rising accountability."""

from __future__ import annotations

from .. import schema, vocab
from ..check import check
from ..problems import Problem
from ..source import Doc
from .common import unknown_term


def check_spectrum(doc: Doc, known_terms: set[str]) -> list[Problem]:
    """Every problem of ``frameworks/spectrum.yml`` (empty when it may be built)."""
    found = check(doc, schema.SPECTRUM, vocab.FRAMEWORKS_README)
    if found:
        return found
    steps = doc.data["steps"]
    for i, step in enumerate(steps):
        for k in ("control", "cost", "accountability"):
            if not 1 <= step[k] <= 5:
                found.append(doc.problem(("steps", i, k), f"'{k}' must be between 1 and 5, not {step[k]}"))
        found += unknown_term(doc, ("steps", i, "term"), step["term"], known_terms)
        if i and step["accountability"] < steps[i - 1]["accountability"]:
            found.append(
                doc.problem(
                    ("steps", i, "accountability"),
                    "accountability must not fall along the spectrum",
                    "order steps from least to most modification",
                )
            )
    return found
