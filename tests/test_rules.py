"""Rules: each message is written once and reads the same wherever it fires."""

from __future__ import annotations

import shutil

import yaml
from conftest import MINI

from macros.pipeline import load_kb


def _write(path, data):
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_a_wrong_framework_id_reads_the_same_in_a_term_and_a_guide(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    term = yaml.safe_load((root / "glossary" / "lora.yml").read_text())
    term["references"][0]["ref"] = "eu-aiact:art-25"
    _write(root / "glossary" / "lora.yml", term)
    guide = yaml.safe_load((root / "frameworks" / "decisions" / "tune-or-not.yml").read_text())
    outcome = next(n for n in guide["nodes"] if n["type"] == "outcome")
    outcome["refs"] = ["eu-aiact:art-25"]
    _write(root / "frameworks" / "decisions" / "tune-or-not.yml", guide)
    _, problems = load_kb(root)
    messages = {p.message for p in problems}
    assert len(problems) == 2 and len(messages) == 1
    assert messages == {"unknown framework 'eu-aiact' in 'eu-aiact:art-25' (did you mean 'eu-ai-act'?)"}


def test_an_unknown_term_reads_the_same_in_a_term_a_guide_and_the_spectrum(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    term = yaml.safe_load((root / "glossary" / "lora.yml").read_text())
    term["related"][0]["term"] = "no-such-term"
    _write(root / "glossary" / "lora.yml", term)
    guide = yaml.safe_load((root / "frameworks" / "decisions" / "tune-or-not.yml").read_text())
    next(n for n in guide["nodes"] if n["type"] == "outcome")["terms"] = ["no-such-term"]
    _write(root / "frameworks" / "decisions" / "tune-or-not.yml", guide)
    _, problems = load_kb(root)
    assert [p.format().split(": error: ")[1] for p in problems] == [
        "term 'no-such-term' does not exist (hint: create it with scripts/new_term.py)"
    ] * 2


def test_clean_data_builds_every_part(tmp_path):
    kb, problems = load_kb(MINI)
    assert problems == []
    assert kb.terms and kb.clauses and kb.frameworks and kb.decisions
