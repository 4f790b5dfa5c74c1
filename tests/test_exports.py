"""Crosswalk exports: parse what we wrote and compare it with the data; the reference tools accept it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros.pipeline import load_site
from macros.render import exports

VALIDATE_PY = ROOT / ".venv-validate" / "bin" / "python"


@pytest.fixture(scope="module")
def real():
    return load_site(ROOT)


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:2] in exports._FORMULA else text


def test_csv_round_trip(real):
    rows = list(csv.DictReader(io.StringIO(exports.crosswalks_csv(real))))
    data = exports.all_mappings(real)
    assert len(rows) == len(data) and set(rows[0]) == set(exports.CSV_COLUMNS)
    for row, m in zip(rows, data, strict=True):
        assert (row["source_id"], row["target_id"], row["strm_relationship"]) == (
            m.source,
            m.target,
            m.relation,
        )
        assert int(row["strength"]) == m.strength and _uncell(row["justification"]) == m.justification
        assert row["inferred"] == ("yes" if m.inferred else "no") and row["status"] == m.provenance.status


def test_formula_cells_are_neutralised():
    assert exports.cell("=1+1") == "'=1+1" and exports.cell("@SUM(A1)") == "'@SUM(A1)"
    assert exports.cell("-2") == "'-2" and exports.cell("+x") == "'+x" and exports.cell("Art. 9") == "Art. 9"


def test_sssom_round_trip(real):
    text = exports.crosswalks_sssom(real)
    meta = yaml.safe_load("\n".join(line[2:] for line in text.splitlines() if line.startswith("# ")))
    assert {"EUAIACT", "NISTAIRMF", "ISO42001", "skos", "semapv"} <= set(meta["curie_map"])
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body), delimiter="\t"))
    data = exports.all_mappings(real)
    assert len(rows) == len(data)
    for row, m in zip(rows, data, strict=True):
        assert row["subject_id"] == exports.curie(m.source) and row["object_id"] == exports.curie(m.target)
        assert row["predicate_id"] == exports.SKOS[m.relation]
        assert row["predicate_modifier"] == ("Not" if m.relation == "not-related" else "")
        assert float(row["confidence"]) == m.strength / 10


def test_oscal_round_trip(real):
    doc = json.loads(exports.crosswalks_oscal(real, "2026-12-01"))["mapping-collection"]
    assert doc["metadata"]["oscal-version"].startswith("1.2")
    by_pair = {(c["source-resource"]["href"], c["target-resource"]["href"]): c for c in doc["mappings"]}
    assert len(by_pair) == len(real.kb.crosswalks)
    for cw in real.kb.crosswalks.values():
        key = (exports.PREFIXES[cw.source][1].rstrip("#"), exports.PREFIXES[cw.target][1].rstrip("#"))
        maps = by_pair[key]["maps"]
        assert [(m["sources"][0]["id-ref"], m["targets"][0]["id-ref"], m["relationship"]) for m in maps] == [
            (r.source.split(":", 1)[1], r.target.split(":", 1)[1], r.relation) for r in cw.mappings
        ]
        assert len({m["uuid"] for m in maps}) == len(maps)


def test_kb_json_lists_direct_and_inferred_mappings(real):
    from macros.render.export import kb_json

    data = json.loads(kb_json(real))
    assert {"source", "target", "relation", "strength", "rationale", "status", "inferred", "path"} == set(
        data["mappings"][0]
    )
    inferred = [m for m in data["mappings"] if m["inferred"]]
    assert all(len(m["path"]) == 3 for m in inferred)
    assert sum(not m["inferred"] for m in data["mappings"]) == len(real.mappings.direct)


@pytest.mark.slow
def test_reference_tools_accept_the_exports(tmp_path: Path):
    if not VALIDATE_PY.exists():
        pytest.fail("the export validators are not installed: run `make setup`")
    gen = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", _WRITE, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert gen.returncode == 0, gen.stderr
    proc = subprocess.run(
        [str(VALIDATE_PY), str(ROOT / "scripts" / "validate_exports.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    assert "sssom:" in proc.stdout and "oscal: mapping-collection valid" in proc.stdout


_WRITE = """
import sys
from pathlib import Path
from macros.pipeline import load_site
from macros.plan import plan
out = Path(sys.argv[1])
for path, text in plan(load_site(Path('.'))).files.items():
    if path.startswith('exports/'):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text, encoding='utf-8')
"""
