"""Validation messages are a contract: broken fixtures produce exactly these lines."""

from __future__ import annotations

import shutil
import subprocess

from conftest import FIXTURES, MINI, PY, ROOT

from macros.pipeline import load_kb
from macros.problems import format_report

BROKEN = FIXTURES / "broken"


def broken_root(tmp_path):
    root = tmp_path / "broken"
    shutil.copytree(MINI, root)
    shutil.copytree(BROKEN / "glossary", root / "glossary", dirs_exist_ok=True)
    shutil.copytree(BROKEN / "frameworks", root / "frameworks", dirs_exist_ok=True)
    return root


def test_broken_fixtures_give_exact_messages(tmp_path):
    _, problems = load_kb(broken_root(tmp_path))
    expected = (BROKEN / "expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert format_report(problems) == expected


def test_check_command_prints_report_and_fails(tmp_path):
    root = broken_root(tmp_path)
    proc = subprocess.run([PY, str(ROOT / "scripts/check.py"), str(root)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout.rstrip("\n") == (BROKEN / "expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert "Traceback" not in proc.stderr


def test_clean_fixture_passes(tmp_path):
    proc = subprocess.run([PY, str(ROOT / "scripts/check.py"), str(MINI)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.startswith("ok: no errors")


def test_every_problem_line_has_the_contract_shape(tmp_path):
    _, problems = load_kb(broken_root(tmp_path))
    for p in problems:
        line = p.format()
        path, lineno, rest = line.split(":", 2)
        assert not path.startswith("/") and lineno.isdigit() and rest.startswith(" error: ")


def test_unknown_key_in_nested_mapping_names_the_full_path(tmp_path):
    root = tmp_path / "k"
    shutil.copytree(MINI, root)
    entry = root / "glossary" / "lora.yml"
    entry.write_text(entry.read_text().replace("  status: draft", "  status: draft\n  reviwer: me"))
    _, problems = load_kb(root)
    assert [p.format() for p in problems] == [
        "glossary/lora.yml:25: error: unknown key 'review.reviwer' (did you mean 'reviewer'?)"
    ]
