"""`scripts/new_term.py`: a complete template that fails the check until filled, never overwriting."""

from __future__ import annotations

import shutil
import subprocess

from conftest import MINI, PY, ROOT

from macros import schema
from macros.pipeline import load_kb
from macros.source import load_file

SCRIPT = str(ROOT / "scripts" / "new_term.py")


def run(root, *args):
    return subprocess.run([PY, SCRIPT, *args, "--root", str(root)], capture_output=True, text=True)


def test_scaffold_writes_every_key_and_check_flags_each_todo(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    proc = run(root, "model-card", "Model card")
    assert proc.returncode == 0, proc.stderr
    doc, problems = load_file(root / "glossary" / "model-card.yml", "glossary/model-card.yml")
    assert problems == []
    # definitions_note is offered as a comment: it only belongs on entries with two or more definitions.
    assert set(doc.data) == {f.name for f in schema.GLOSSARY_ENTRY.fields} - {"definitions_note"}
    _, found = load_kb(root)
    todo = [p.format() for p in found if p.path == "glossary/model-card.yml"]
    assert len(todo) == 14 and all("TODO placeholder" in line for line in todo)
    assert todo[0] == (
        "glossary/model-card.yml:8: error: 'category' still holds a TODO placeholder "
        "(hint: replace it with real text)"
    )


def test_scaffold_first_line_points_editors_at_the_schema(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    assert run(root, "model-card", "Model card").returncode == 0
    first = (root / "glossary" / "model-card.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/entry.schema.json"
    # The path is relative to the entry's folder, where the published schema lives.
    assert (ROOT / "glossary" / first.split("$schema=")[1]).is_file()


def test_scaffold_refuses_to_overwrite(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    before = (root / "glossary" / "lora.yml").read_text()
    proc = run(root, "lora", "LoRA")
    assert proc.returncode == 1
    assert "glossary/lora.yml already exists; not overwriting it" in proc.stderr
    assert (root / "glossary" / "lora.yml").read_text() == before


def test_scaffold_rejects_bad_ids(tmp_path):
    proc = run(tmp_path, "Model_Card", "Model card")
    assert proc.returncode == 2
    assert "'Model_Card' is not a valid id" in proc.stderr
    assert not (tmp_path / "glossary").exists()
