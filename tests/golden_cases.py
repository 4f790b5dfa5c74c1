"""Every renderer's golden case over the mini fixture, shared by the test and `make golden`.

Golden files are rewritten only by ``python scripts/golden.py`` (``make golden``),
never by a test run or an environment variable.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from macros.frontends.writer import page_source
from macros.plan import plan
from macros.render import (
    applicability,
    clause,
    crosswalk,
    decision,
    export,
    exports,
    graphdata,
    graphpage,
    index,
    redirect,
    spectrum,
    term,
    timeline,
)
from macros.render.markup import join

GOLDEN = Path(__file__).resolve().parent / "golden"


def _planned(site, path: str) -> str:
    return page_source(next(p for p in plan(site).pages if p.path == path))


def _graph_json(site, node: str | None) -> str:
    # Re-indented so a diff shows what changed; tests/test_graphdata.py checks the compact, escaped form.
    data = graphdata.GraphData(site)
    text = graphdata.explorer_json(data) if node is None else data.local_json(data.neighbourhood(node))
    return json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"


def _graph_section(site, node: str) -> str:
    data = graphdata.GraphData(site)
    return join(graphpage.section(data, data.neighbourhood(node))) + "\n"


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
    "graph-fine-tuning.json": lambda s: _graph_json(s, "fine-tuning"),
    "graph-section-eu-ai-act-art-25.md": lambda s: _graph_section(s, "eu-ai-act:art-25"),
    "graph-explorer.json": lambda s: _graph_json(s, None),
    "applicability-eu-ai-act.md": lambda s: applicability.applicability_page(s, "eu-ai-act"),
    "graph-explorer.md": lambda s: graphpage.explorer_page(graphdata.GraphData(s)) + "\n",
}


def render(site, name: str) -> str:
    """The current output of one golden case."""
    return CASES[name](site)
