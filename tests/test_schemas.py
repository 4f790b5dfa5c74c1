"""The published JSON Schemas are current and agree with the checker on the real data."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest
import yaml
from conftest import PY, ROOT

from macros.vocab import FRAMEWORKS


def test_committed_schemas_are_up_to_date():
    proc = subprocess.run(
        [PY, str(ROOT / "scripts" / "schemas.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout


def _validator(name: str):
    folder = "glossary" if name == "entry" else "frameworks"
    schema = json.loads((ROOT / folder / "schemas" / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def data_files(name: str) -> list:
    """The files each published schema describes (what the pre-commit hooks validate)."""
    catalogs = [
        p
        for fw in FRAMEWORKS
        for p in sorted((ROOT / "frameworks" / fw).glob("*.yml"))
        if p.name != "framework.yml"
    ]
    return {
        "entry": sorted(ROOT.glob("glossary/*.yml")),
        "framework": [ROOT / "frameworks" / fw / "framework.yml" for fw in FRAMEWORKS],
        "catalog": catalogs,
        "decision": sorted(ROOT.glob("frameworks/decisions/*.yml")),
        "crosswalk": sorted(ROOT.glob("frameworks/crosswalks/*.yml")),
        "timeline": sorted(ROOT.glob("frameworks/timeline/*.yml")),
        "applicability": sorted(ROOT.glob("frameworks/applicability/*.yml")),
        "spectrum": [ROOT / "frameworks" / "spectrum.yml"],
    }[name]


def as_checked(path):
    """A data file as JSON data: dates as ISO text, as the checker and check-jsonschema see them."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize(
    "name", ["entry", "framework", "catalog", "decision", "crosswalk", "timeline", "applicability", "spectrum"]
)
def test_real_files_validate_against_their_schema(name):
    validator = _validator(name)
    files = data_files(name)
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(as_checked(path))]
        assert errors == [], f"{path.relative_to(ROOT)}: {errors[:3]}"


def test_every_data_file_has_a_schema():
    described = {
        p
        for name in ("entry", "framework", "catalog", "decision", "crosswalk", "timeline", "applicability", "spectrum")
        for p in data_files(name)
    }
    data = set(ROOT.glob("glossary/*.yml")) | set(ROOT.glob("frameworks/**/*.yml"))
    assert data - described == set()


def test_timeline_schema_rejects_a_milestone_without_basis():
    data = as_checked(ROOT / "frameworks" / "timeline" / "eu-ai-act.yml")
    del data["milestones"][0]["basis"]
    data["milestones"][0]["status"] = "rumour"
    found = {(e.validator, tuple(e.path)) for e in _validator("timeline").iter_errors(data)}
    assert ("required", ("milestones", 0)) in found and ("enum", ("milestones", 0, "status")) in found


def test_schema_rejects_what_the_checker_rejects():
    validator = _validator("entry")
    data = yaml.safe_load((ROOT / "glossary" / "fine-tuning.yml").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    data["category"] = "adaption"
    data["sumary"] = "typo"
    messages = {e.validator for e in validator.iter_errors(data)}
    assert {"enum", "additionalProperties"} <= messages
