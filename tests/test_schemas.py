"""The published JSON Schemas are current and agree with the checker on the real data."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest
import yaml
from conftest import PY, ROOT


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


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("entry", "glossary/*.yml"),
        ("framework", "frameworks/*/framework.yml"),
        ("decision", "frameworks/decisions/*.yml"),
        ("crosswalk", "frameworks/crosswalks/*.yml"),
    ],
)
def test_real_files_validate_against_their_schema(name, pattern):
    validator = _validator(name)
    files = sorted(ROOT.glob(pattern))
    assert files
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # dates as ISO text, as the checker sees them
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path.relative_to(ROOT)}: {errors[:3]}"


def test_schema_rejects_what_the_checker_rejects():
    validator = _validator("entry")
    data = yaml.safe_load((ROOT / "glossary" / "fine-tuning.yml").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    data["category"] = "adaption"
    data["sumary"] = "typo"
    messages = {e.validator for e in validator.iter_errors(data)}
    assert {"enum", "additionalProperties"} <= messages
