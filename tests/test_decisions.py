"""Decision guides: graph rules with exact messages, safe diagrams and data, every real path ends."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, MINI, ROOT

from macros.pipeline import load_kb
from macros.problems import format_report
from macros.render import decision

BROKEN = FIXTURES / "broken-decisions"


@pytest.fixture(scope="module")
def mini(mini_kb):
    return mini_kb


def test_broken_guides_give_exact_messages(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    for f in BROKEN.glob("*.yml"):
        shutil.copy(f, root / "frameworks" / "decisions" / f.name)
    _, problems = load_kb(root)
    assert format_report(problems) == (BROKEN / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


def test_mermaid_labels_cannot_break_the_diagram():
    assert (
        decision.mermaid_label('Say "hi" <b>#1</b> `x`')
        == "Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #96;x#96;"
    )


def test_json_island_cannot_close_its_script(mini):
    page = decision.decision_page(mini, "tune-or-not")
    island = page.split('class="kb-guide-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in island and ">" not in island
    data = json.loads(island)
    assert data["start"] == "q-weights"
    assert data["nodes"]["q-weights"]["help"].endswith('Quotes " and <tags> stay text.')


def test_outcomes_list_what_applies_through_the_graph(mini):
    found = decision.applies(mini, mini.kb.decisions["tune-or-not"].nodes["o-full"])
    assert found["eu-ai-act"][0] == ("eu-ai-act:art-25", None)
    via = {ref: term for refs in found.values() for ref, term in refs if term}
    assert via["iso-42001:a.6.2.4"] == "fine-tuning"
    assert via["nist-ai-rmf:manage-3.2"] == "fine-tuning"


def test_terms_and_clauses_link_back_to_guides(mini):
    from macros.render import clause, term

    assert '<a href="../../decisions/tune-or-not/">Tune or not?</a>' in term.term_page(mini, "lora")
    assert '<a href="../../../decisions/tune-or-not/">Tune or not?</a>' in clause.clause_page(
        mini, "eu-ai-act:art-25"
    )


# ---- the real guides -------------------------------------------------------

KB, PROBLEMS = load_kb(ROOT)


def paths_from(guide, node_id, seen=()):
    node = guide.nodes[node_id]
    if node.type == "outcome":
        yield (*seen, node_id)
        return
    assert node.answers, f"{node_id} is a dead end"
    for a in node.answers:
        assert a.next not in seen, f"cycle through {a.next}"
        yield from paths_from(guide, a.next, (*seen, node_id))


def test_there_are_at_least_six_guides_and_they_validate():
    assert PROBLEMS == [], format_report(PROBLEMS)
    assert len(KB.decisions) >= 6


@pytest.mark.parametrize("guide_id", sorted(KB.decisions))
def test_every_path_reaches_an_outcome_and_every_outcome_is_reached(guide_id):
    guide = KB.decisions[guide_id]
    paths = list(paths_from(guide, guide.start))
    assert paths and all(guide.nodes[p[-1]].type == "outcome" for p in paths)
    assert {p[-1] for p in paths} == {o.id for o in guide.outcomes}


@pytest.mark.parametrize("guide_id", sorted(KB.decisions))
def test_outcomes_cite_across_frameworks(guide_id):
    for o in KB.decisions[guide_id].outcomes:
        frameworks = {r.split(":", 1)[0] for r in o.refs}
        assert len(frameworks) >= 2, f"{o.id} cites {sorted(frameworks)}"
        assert o.terms, f"{o.id} cites no term"
