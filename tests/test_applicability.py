"""The applicability data: exact messages for mistakes, and what the resolver gives a reader.

The resolver (:mod:`macros.obligations`) must date an obligation by its package's current
milestone for the reader's risk level, never by a superseded one, fall back to the clause's own
dates, and list mapped controls with direct rows before inferred ones. The guides' results must
name roles and risk levels the applicability file defines.
"""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURES, MINI, ROOT

from macros.obligations import resolve
from macros.pipeline import load_kb, load_site
from macros.problems import format_report
from macros.render import applicability, decision
from macros.render.obligations import outcome_result

BROKEN = FIXTURES / "broken-applicability"


def test_broken_applicability_gives_exact_messages(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    shutil.copy(BROKEN / "eu-ai-act.yml", root / "frameworks" / "applicability" / "eu-ai-act.yml")
    _, problems = load_kb(root)
    assert format_report(problems) == (BROKEN / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


def test_a_guide_result_must_use_known_roles_and_risk_levels(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    guide = root / "frameworks" / "decisions" / "tune-or-not.yml"
    guide.write_text(guide.read_text().replace("role: provider", "role: provder").replace("[high-risk]", "[hi-risk]"))
    _, problems = load_kb(root)
    report = format_report(problems)
    assert "tune-or-not.yml:52: error: unknown role 'provder' (did you mean 'provider'?)" in report
    assert "unknown risk level 'hi-risk' (did you mean 'high-risk'?)" in report


def test_package_dates_follow_the_risk_route_and_are_current(mini_kb):
    app = mini_kb.kb.applicability["eu-ai-act"]
    [item] = resolve(mini_kb, app, {"provider"}, {"high-risk"})
    assert [m.id for m in item.dates] == ["high-risk"]
    assert all(m.current for m in item.dates)
    assert resolve(mini_kb, app, {"provider"}, {"minimal"}) == []


def test_real_obligations_use_the_amended_dates_and_list_direct_controls_first():
    site = load_site(ROOT)
    app = site.kb.applicability["eu-ai-act"]
    annex_iii = {r.obligation.ref: r for r in resolve(site, app, {"provider"}, {"high-risk-annex-iii"})}
    annex_i = {r.obligation.ref: r for r in resolve(site, app, {"provider"}, {"high-risk-annex-i"})}
    assert [m.date for m in annex_iii["eu-ai-act:art-16"].dates] == ["2027-12-02"]
    assert [m.date for m in annex_i["eu-ai-act:art-16"].dates] == ["2028-08-02"]
    assert "eu-ai-act:art-49" in annex_iii and "eu-ai-act:art-49" not in annex_i  # Art. 49(1): Annex III only
    controls = annex_iii["eu-ai-act:art-9"].controls
    assert controls and not controls[0].inferred
    assert [m.inferred for m in controls] == sorted(m.inferred for m in controls)
    both = resolve(site, app, {"provider"}, {"high-risk"})
    assert {m.date for r in both if r.obligation.ref == "eu-ai-act:art-16" for m in r.dates} == {
        "2027-12-02",
        "2028-08-02",
    }


def test_outcome_without_a_result_points_to_the_check(mini_kb):
    text = outcome_result(mini_kb, None, "decisions/tune-or-not.md")
    assert "settles no EU AI Act role" in text and "(eu-ai-act-applicability.md)" in text


def test_an_unsettled_route_names_the_route_of_each_date():
    site = load_site(ROOT)
    page = decision.decision_page(site, "does-our-change-make-us-a-provider")
    section = page.split('id="outcome-o-provider-high-risk"', 1)[1].split("</div>", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith("| [Art. 16]"))
    assert "**2 December 2027** if high-risk through Annex III" in row
    assert "**2 August 2028** if high-risk through Annex I " in row


def test_data_in_the_check_cannot_close_its_script_or_become_markup(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    path = root / "frameworks" / "applicability" / "eu-ai-act.yml"
    evil = "</script><img src=x onerror=alert(1)>"
    path.write_text(path.read_text().replace("label: Deployer", f"label: '{evil}'"))
    site = load_site(root)
    page = applicability.applicability_page(site, "eu-ai-act")
    island = page.split('class="kb-applies-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in island and ">" not in island
    assert evil in json.loads(island)["roles"]["deployer"]["label"]
    assert "<img" not in page.replace(island, "")
