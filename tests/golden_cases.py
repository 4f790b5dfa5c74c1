"""Every renderer's golden case over the mini fixture, shared by the test and `make golden`.

Golden files are rewritten only by ``python scripts/golden.py`` (``make golden``),
never by a test run or an environment variable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from macros.frontends.writer import page_source
from macros.plan import plan
from macros.render import (
    clause,
    crosswalk,
    decision,
    export,
    exports,
    index,
    redirect,
    spectrum,
    term,
    timeline,
)

GOLDEN = Path(__file__).resolve().parent / "golden"


def _planned(site, path: str) -> str:
    return page_source(next(p for p in plan(site).pages if p.path == path))


CASES = {
    "term-fine-tuning.md": lambda s: term.term_page(s, "fine-tuning"),
    "term-provider.md": lambda s: term.term_page(s, "provider"),
    "clause-eu-ai-act-art-25.md": lambda s: clause.clause_page(s, "eu-ai-act:art-25"),
    "clause-iso-42001-a.6.2.4.md": lambda s: clause.clause_page(s, "iso-42001:a.6.2.4"),
    "framework-eu-ai-act.md": lambda s: clause.framework_page(s, "eu-ai-act"),
    "glossary-index.md": lambda s: index.glossary_index(s),
    "frameworks-overview.md": lambda s: index.frameworks_overview(s),
    "compel-matrix.md": lambda s: index.compel_matrix(s),
    "vocabularies.md": lambda s: index.vocabularies(),
    "decisions-index.md": lambda s: decision.decisions_index(s),
    "decision-tune-or-not.md": lambda s: decision.decision_page(s, "tune-or-not"),
    "decision-tune-or-not.mermaid": lambda s: decision.mermaid(s.kb.decisions["tune-or-not"]) + "\n",
    "spectrum.md": lambda s: spectrum.modification_spectrum(s),
    "redirect-peft.html": lambda s: redirect.redirect_html("../parameter-efficient-fine-tuning/", "PEFT"),
    "kb.json": lambda s: export.kb_json(s),
    "planned-term-lora.md": lambda s: _planned(s, "glossary/lora.md"),
    "crosswalk-nist-ai-rmf--iso-42001.md": lambda s: crosswalk.crosswalk_page(s, "nist-ai-rmf--iso-42001"),
    "crosswalks-index.md": lambda s: crosswalk.crosswalks_index(s),
    "timeline-eu-ai-act.md": lambda s: timeline.timeline_page(s, "eu-ai-act", dt.date(2026, 12, 1)),
    "crosswalks.csv": lambda s: exports.crosswalks_csv(s),
    "crosswalks.sssom.tsv": lambda s: exports.crosswalks_sssom(s),
    "crosswalks.oscal.json": lambda s: exports.crosswalks_oscal(s, "2026-11-30"),
}


def render(site, name: str) -> str:
    """The current output of one golden case."""
    return CASES[name](site)
