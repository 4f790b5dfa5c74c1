"""Validation messages are a contract: broken fixtures produce exactly these lines."""

from __future__ import annotations

import json
import shutil
import subprocess

from conftest import FIXTURES, MINI, PY, ROOT

from macros.pipeline import load_kb
from macros.problems import Problem, format_report, github_annotation, render

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


# ---- output formats: scripts/check.py --format text|github|json ---------------------------


def run_check(*args):
    return subprocess.run([PY, str(ROOT / "scripts/check.py"), *args], capture_output=True, text=True)


def test_github_format_annotates_each_problem_on_its_line(tmp_path):
    root = broken_root(tmp_path)
    proc = run_check("--format", "github", str(root))
    assert proc.returncode == 1
    lines = proc.stdout.rstrip("\n").splitlines()
    expected = (BROKEN / "expected.txt").read_text(encoding="utf-8").rstrip("\n").splitlines()
    assert len(lines) == len(expected) and lines[-1] == expected[-1]  # the same count line
    assert lines[0] == (
        "::error file=frameworks/eu-ai-act/zz-broken.yml,line=2,title=kb check::"
        "duplicate clause id 'art-3' (first defined at frameworks/eu-ai-act/items.yml:7)"
    )
    assert lines[2] == (
        "::error file=frameworks/eu-ai-act/zz-broken.yml,line=9,title=kb check::"
        "kind 'control' is not used in eu-ai-act (hint: one of: chapter, article, annex)"
    )
    assert all(line.startswith("::error file=") for line in lines[:-1])


def test_github_annotation_escapes_and_omits_line_zero():
    p = Problem("frameworks/odd,name:x", 0, "100% wrong\r\nsecond line", "fix: it")
    assert github_annotation(p) == (
        "::error file=frameworks/odd%2Cname%3Ax,title=kb check::100%25 wrong%0D%0Asecond line (hint: fix: it)"
    )
    assert github_annotation(Problem("a.yml", 3, "m")) == "::error file=a.yml,line=3,title=kb check::m"


def test_json_format_is_one_document_with_every_problem(tmp_path):
    root = broken_root(tmp_path)
    proc = run_check("--format", "json", str(root))
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    _, problems = load_kb(root)
    assert doc["count"] == len(problems) == len(doc["problems"])
    assert [Problem(**row).format() for row in doc["problems"]] == format_report(problems).splitlines()[:-1]
    assert set(doc["problems"][0]) == {"path", "line", "message", "hint"}


def test_formats_on_clean_data_and_default_is_text():
    assert json.loads(run_check("--format", "json", str(MINI)).stdout) == {"problems": [], "count": 0}
    proc = run_check("--format", "github", str(MINI))
    assert proc.returncode == 0 and proc.stdout.startswith("ok: no errors\nchecked 3 terms")
    assert run_check("--format", "text", str(MINI)).stdout == run_check(str(MINI)).stdout


def test_unknown_format_is_a_usage_message():
    proc = run_check("--format", "xml")
    assert proc.returncode == 2
    assert "invalid choice: 'xml'" in proc.stderr and "Traceback" not in proc.stderr
    assert render([], "text") == "ok: no errors"
