"""Every rule over the data, structural and cross-file, collected in one pass.

:func:`check_sources` runs each family of rules (catalogs, glossary, guides,
crosswalks, timelines, applicability, spectrum) and returns a :class:`Verdict`:
which parts the model may be built from, and every problem found. Nothing here builds model objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..load import Sources
from ..problems import Problem
from .applicability import check_applicability
from .catalogs import ItemSite, check_catalogs, check_frameworks
from .crosswalks import check_crosswalks
from .guides import check_guides
from .spectrum import check_spectrum
from .terms import check_terms
from .timeline import check_timelines


@dataclass
class Verdict:
    """What passed the rules (and so may become the model), plus every problem."""

    frameworks: list[str] = field(default_factory=list)
    items: dict[str, ItemSite] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)
    guides: list[str] = field(default_factory=list)
    spectrum: bool = False
    crosswalks: list[str] = field(default_factory=list)
    timelines: list[str] = field(default_factory=list)
    applicability: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def check_sources(src: Sources) -> Verdict:
    """Run every rule over ``src``."""
    v = Verdict()
    v.frameworks, found = check_frameworks(src)
    v.problems += found
    v.items, found = check_catalogs(src)
    v.problems += found
    v.terms, found = check_terms(src.terms, v.items)
    v.problems += found
    known_terms = set(src.terms)
    v.timelines, found = check_timelines(src.timelines, v.items)
    v.problems += found
    # Packages are dated only by timelines that passed their own rules (no cascade of errors).
    valid_timelines = {stem: src.timelines[stem] for stem in v.timelines}
    v.applicability, found, outcomes = check_applicability(src.applicability, v.items, valid_timelines)
    v.problems += found
    v.guides, found = check_guides(src.guides, v.items, known_terms, outcomes)
    v.problems += found
    v.crosswalks, found = check_crosswalks(src.crosswalks, v.items)
    v.problems += found
    if src.spectrum is not None:
        found = check_spectrum(src.spectrum, known_terms)
        v.problems += found
        v.spectrum = not found
    return v
