"""The crosswalk scaffold: a row with TODOs that `make check` reports, in the right pair file."""

from __future__ import annotations

import shutil
import subprocess

from conftest import MINI, PY, ROOT

from macros.pipeline import load_kb

SCRIPT = ROOT / "scripts" / "new_mapping.py"


def run(root, *args):
    return subprocess.run([PY, str(SCRIPT), *args, "--root", str(root)], capture_output=True, text=True)


def test_new_pair_file_and_each_todo_is_reported(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    proc = run(root, "eu-ai-act:art-25", "iso-42001:a.6.2.4")
    assert proc.returncode == 0, proc.stderr
    path = root / "frameworks" / "crosswalks" / "eu-ai-act--iso-42001.yml"
    assert "yaml-language-server: $schema=../schemas/crosswalk.schema.json" in path.read_text()
    _, problems = load_kb(root)
    mine = [p.format() for p in problems if p.path.endswith("eu-ai-act--iso-42001.yml")]
    assert len(mine) == 6 and all("TODO placeholder" in line for line in mine), mine


def test_rows_are_appended_to_an_existing_pair(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    path = root / "frameworks" / "crosswalks" / "nist-ai-rmf--iso-42001.yml"
    before = path.read_text()
    assert run(root, "nist-ai-rmf:manage-3.2", "iso-42001:a.6").returncode == 0
    after = path.read_text()
    assert after.startswith(before.rstrip("\n")) and after.count("- source:") == 2


def test_bad_references_are_refused(tmp_path):
    proc = run(tmp_path, "Art. 25", "iso-42001:a.6.2.4")
    assert proc.returncode == 2 and "is not a clause reference" in proc.stderr
    proc = run(tmp_path, "eu-ai-act:art-25", "eu-ai-act:art-3")
    assert proc.returncode == 2 and "two different frameworks" in proc.stderr
