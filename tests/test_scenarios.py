"""Scenario suite: every worked example in tests/scenarios/ reaches its expected outcome in its guide,
and for the EU AI Act guides that outcome states the expected roles and risk levels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros.pipeline import load_kb

SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.yml"))
KB, _ = load_kb(ROOT)


def walk(guide, answers: list[str]) -> tuple[str, list[str]]:
    """Follow answer labels from the start; return the node reached and the questions asked."""
    node = guide.nodes[guide.start]
    asked = []
    for label in answers:
        assert node.type == "question", f"the path reached outcome '{node.id}' before answer '{label}'"
        asked.append(node.id)
        match = [a for a in node.answers if a.label.casefold() == str(label).casefold()]
        assert match, f"'{node.id}' has no answer '{label}' (answers: {[a.label for a in node.answers]})"
        node = guide.nodes[match[0].next]
    return node.id, asked


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_are_at_least_40_scenarios_across_the_guides():
    data = [_load(p) for p in SCENARIOS]
    assert len(data) >= 40, len(data)
    assert {d["guide"] for d in data} >= {"which-eu-ai-act-risk-tier", "does-our-change-make-us-a-provider"}


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario_reaches_its_expected_outcome(path: Path):
    s = _load(path)
    assert s["id"] == path.stem
    assert s["source"]["title"] and (s["source"].get("url") or s["source"].get("locator"))
    guide = KB.decisions[s["guide"]]
    reached, _ = walk(guide, s["answers"])
    assert reached == s["expect"]["outcome"], f"{s['title']}: reached {reached}"
    outcome = guide.nodes[reached]
    assert outcome.type == "outcome", f"{s['title']}: the answers stop at question '{reached}'"
    cited = set(outcome.refs)
    missing = set(s["expect"].get("refs", [])) - cited
    assert not missing, f"{s['title']}: outcome '{reached}' does not cite {sorted(missing)}"
    want_roles, want_risk = s["expect"].get("roles"), s["expect"].get("risk")
    if want_roles is None and want_risk is None:
        return
    assert outcome.result is not None, f"{s['title']}: outcome '{reached}' has no result"
    if want_roles is not None:
        got = {r.role for r in outcome.result.roles}
        assert got == set(want_roles), (
            f"{s['title']}: '{reached}' settles roles {sorted(got)}, expected {sorted(want_roles)}"
        )
    if want_risk is not None:
        got = set(outcome.result.risks)
        assert got == set(want_risk), (
            f"{s['title']}: '{reached}' states risk {sorted(got)}, expected {sorted(want_risk)}"
        )


#: Guides whose every outcome carries a structured EU AI Act result; their scenarios state it.
EU_AI_ACT_GUIDES = {"which-eu-ai-act-risk-tier", "does-our-change-make-us-a-provider", "how-much-governance"}


def test_every_outcome_of_the_eu_ai_act_guides_has_a_result():
    for gid in sorted(EU_AI_ACT_GUIDES):
        missing = [o.id for o in KB.decisions[gid].outcomes if o.result is None or not o.result.risks]
        assert not missing, f"{gid}: outcomes without a result and risk level: {missing}"


def test_eu_ai_act_scenarios_state_roles_and_risk():
    data = [_load(p) for p in SCENARIOS]
    cases = [d for d in data if d["guide"] in EU_AI_ACT_GUIDES]
    assert len(cases) >= 40, len(cases)
    missing = [d["id"] for d in cases if "roles" not in d["expect"] or not d["expect"].get("risk")]
    assert not missing, f"scenarios without expected roles and risk: {missing}"
