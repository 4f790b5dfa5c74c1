"""Dates as data: every date has a basis and a status, superseded dates are history, 'now' and 'next' follow the build date."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from conftest import FIXTURES, MINI, ROOT

from macros.pipeline import load_kb, load_site
from macros.problems import format_report
from macros.render import clause, timeline
from macros.render.export import kb_json

BROKEN = FIXTURES / "broken-timeline"


def test_broken_timeline_gives_exact_messages(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    shutil.copy(BROKEN / "eu-ai-act.yml", root / "frameworks" / "timeline" / "eu-ai-act.yml")
    _, problems = load_kb(root)
    assert format_report(problems) == (BROKEN / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


def test_superseded_dates_are_history_on_the_clause_page(mini_kb):
    page = clause.clause_page(mini_kb, "eu-ai-act:art-25")
    section = page.split("## Application dates", 1)[1]
    current, history = section.split("Superseded dates", 1)
    assert "2 December 2027" in current and "2 August 2026" not in current
    assert "<del>2 August 2026</del>, replaced by <strong>2 December 2027</strong>" in history


@pytest.mark.parametrize(
    ("today", "now", "next_"),
    [
        (dt.date(2026, 12, 1), "2 February 2025 · applies now", "2 December 2027 · next"),
        (dt.date(2027, 12, 2), "2 December 2027 · applies now", None),
    ],
)
def test_now_and_next_follow_the_build_date(mini_kb, today, now, next_):
    page = timeline.timeline_page(mini_kb, "eu-ai-act", today)
    assert now in page
    assert (next_ in page) if next_ else ("· next" not in page)
    assert "2 August 2026 ·" not in page  # superseded dates never get a current heading


def test_kb_json_clauses_carry_their_dates(mini_kb):
    data = json.loads(kb_json(mini_kb))
    art25 = next(c for c in data["clauses"] if c["id"] == "eu-ai-act:art-25")
    assert {tuple(sorted(d)) for d in art25["dates"]} == {
        ("amended_by", "applies", "basis", "date", "status", "superseded", "to")
    }
    by_date = {d["date"]: d for d in art25["dates"]}
    assert by_date["2026-08-02"]["superseded"] is True
    assert by_date["2027-12-02"]["superseded"] is False and by_date["2027-12-02"]["amended_by"]


REAL = load_site(ROOT)
ORIGINAL_HIGH_RISK = re.compile(r"2 August 2026|2 August 2027")


@pytest.mark.parametrize("n", range(6, 28))
def test_high_risk_articles_never_show_a_pre_omnibus_date_as_current(n):
    ref = f"eu-ai-act:art-{n}"
    current = {m.date for m in REAL.kb.dates_of(ref) if m.current}
    assert "2027-12-02" in current and "2026-08-02" not in current
    page = clause.clause_page(REAL, ref)
    outside_history = re.sub(r"<del>.*?</del>", "", page)
    assert not ORIGINAL_HIGH_RISK.search(outside_history), ref


def test_real_timeline_has_the_amended_dates_and_their_history():
    t = REAL.kb.timelines["eu-ai-act"]
    current = {m.id: m for m in t.milestones if m.current}
    assert current["annex-iii-high-risk"].date == "2027-12-02"
    assert current["annex-i-high-risk"].date == "2028-08-02"
    assert current["sandboxes"].date == "2027-08-02"
    assert current["new-prohibitions"].date == "2026-12-02"
    for m in t.milestones:
        if not m.current:
            assert current[m.superseded_by].amended_by == "reg-2026-1744"
    assert all(m.basis and m.status for m in t.milestones)


def test_every_eu_article_has_a_current_date():
    missing = [
        c.ref
        for c in REAL.kb.clauses.values()
        if c.framework == "eu-ai-act"
        and c.kind == "article"
        and not any(m.current for m in REAL.kb.dates_of(c.ref))
    ]
    assert missing == []
