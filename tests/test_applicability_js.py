"""The applicability check's engine (docs/assets/applicability.js) under Node, on the real data.

Each case of tests/applicability_cases.yml is evaluated by the browser's own code from the
page's JSON island; the obligations it finds in settled cases are also compared with the
Python resolver (:mod:`macros.obligations`), so the page and the guide outcomes agree.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml
from conftest import ROOT

from macros.obligations import resolve
from macros.pipeline import load_site
from macros.render.applicability import island

ENGINE = ROOT / "docs" / "assets" / "applicability.js"
EXPORT = ROOT / "docs" / "assets" / "kb-export.js"
CASES = yaml.safe_load((ROOT / "tests" / "applicability_cases.yml").read_text())
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is needed")


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@pytest.fixture(scope="module")
def assessed(site, tmp_path_factory):
    """Every case's assessment, computed in one Node run."""
    data = json.loads(island(site, site.kb.applicability["eu-ai-act"]))
    work = tmp_path_factory.mktemp("applies")
    (work / "data.json").write_text(json.dumps(data))
    (work / "cases.json").write_text(json.dumps([c["answers"] for c in CASES]))
    program = (
        f"const e = require({json.dumps(str(ENGINE))}); const fs = require('fs');"
        f"const d = JSON.parse(fs.readFileSync({json.dumps(str(work / 'data.json'))}));"
        f"const cs = JSON.parse(fs.readFileSync({json.dumps(str(work / 'cases.json'))}));"
        "console.log(JSON.stringify(cs.map(c => ({a: e.assess(d, c), h: e.parseHash(e.toHash(c, d), d)}))));"
    )
    out = subprocess.run([NODE, "-e", program], capture_output=True, text=True, timeout=60, check=True)
    return dict(zip([c["id"] for c in CASES], json.loads(out.stdout), strict=True)), data


def _clauses(items):
    return {o["ob"]["ref"] for o in items["obligations"]}


def _dates(items, data):
    out = {}
    for o in items["obligations"]:
        out.setdefault(o["ob"]["ref"], set()).update(data["milestones"][m]["date"] for m in o["dates"])
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case, assessed):
    results, data = assessed
    got = results[case["id"]]["a"]
    want = case["expect"]
    common = got["common"]
    assert {r["role"] for r in common["roles"]} == set(want["roles"])
    assert {r["id"] for r in common["risks"]} == set(want["risks"])
    assert set(want["clauses"]) <= _clauses(common)
    assert not set(want.get("absent", [])) & _clauses(common)
    for ref, days in want.get("dates", {}).items():
        assert _dates(common, data)[ref] == {str(d) for d in days}, ref
    for role, was in want.get("was", {}).items():
        assert {w for r in common["roles"] if r["role"] == role for w in r["was"]} == set(was)
    assert got["open"] == want.get("open", [])
    for dep in want.get("depends", []):
        when = [[k, v] for k, v in dep["when"].items()]
        match = [c for c in got["cases"] if c["when"] == when]
        assert match, f"no case for {when}: {[c['when'] for c in got['cases']]}"
        extra = match[0]["extra"]
        assert set(dep.get("roles", [])) <= {r["role"] for r in extra["roles"]}
        assert set(dep.get("risks", [])) <= {r["id"] for r in extra["risks"]}
        assert set(dep.get("clauses", [])) <= _clauses(extra) | _clauses(common)
    assert results[case["id"]]["h"] == case["answers"], "the URL fragment round-trips the answers"


@pytest.mark.parametrize("case", [c for c in CASES if not c["expect"].get("open")], ids=lambda c: c["id"])
def test_python_and_browser_resolve_the_same_obligations(case, assessed, site):
    results, data = assessed
    common = results[case["id"]]["a"]["common"]
    roles = {r["role"] for r in common["roles"]}
    risks = {r["id"] for r in common["risks"]}
    py = {
        (r.obligation.ref, r.obligation.pinpoint, tuple(m.date for m in r.dates))
        for r in resolve(site, site.kb.applicability["eu-ai-act"], roles, risks)
    }
    js = {
        (o["ob"]["ref"], o["ob"]["pinpoint"], tuple(data["milestones"][m]["date"] for m in o["dates"]))
        for o in common["obligations"]
    }
    assert py == js


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    program = (
        f"const x = require({json.dumps(str(EXPORT))});"
        "console.log(JSON.stringify(x.csv(['a','b'], [['=HYPERLINK(\"http://x\")', '+1'], ['-2', '@SUM(A1)'],"
        " ['<script>alert(1)</script>', 'plain, with \"quotes\"']])));"
    )
    out = json.loads(subprocess.run([NODE, "-e", program], capture_output=True, text=True, check=True).stdout)
    lines = out.split("\r\n")
    assert lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",'+1"
    assert lines[2] == "'-2,'@SUM(A1)"
    assert lines[3] == '<script>alert(1)</script>,"plain, with ""quotes"""'
