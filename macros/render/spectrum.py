"""The modification spectrum page: each step, its term, and how control, cost and accountability grow."""

from __future__ import annotations

from ..site import Site
from . import paths
from .term import term_link
from .text import md, prose

HERE = "decisions/modification-spectrum.md"


def _meter(value: int, label: str) -> str:
    filled = "●" * value + "○" * (5 - value)
    return f'<span class="kb-meter" role="img" aria-label="{label} {value} of 5">{filled}</span>'


def modification_spectrum(site: Site, here: str = HERE) -> str:
    """Table of the spectrum from least to most modification, each step linked to its term."""
    spec = site.kb.spectrum
    if spec is None:
        return "The modification spectrum has not been written yet."
    rows = [
        "| # | Approach | Changes weights | Control | Cost | Accountability | What it means |",
        "|---|---|---|---|---|---|---|",
    ]
    for i, s in enumerate(spec.steps, 1):
        rows.append(
            f"| {i} | {term_link(site, s.term, here)} | {'Yes' if s.changes_weights else 'No'} | "
            f"{_meter(s.control, 'control')} | {_meter(s.cost, 'cost')} | "
            f"{_meter(s.accountability, 'accountability')} | {md(s.summary)} |"
        )
    guides = ", ".join(
        f"[{md(g.title)}]({paths.rel(here, paths.decision(g.id))})" for g in site.kb.decisions.values()
    )
    parts = [prose(spec.intro), "\n".join(rows)]
    if guides:
        parts.append(f"**Decision guides that walk this spectrum:** {guides}")
    return "\n\n".join(parts)
