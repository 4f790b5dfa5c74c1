"""The writer: materialises a plan into the docs folder, touching only what changed."""

from __future__ import annotations

import json
from dataclasses import replace

from macros.frontends.writer import macros_file, write_plan
from macros.plan import PlannedPage, plan


def _docs(tmp_path):
    docs = tmp_path / "docs"
    (docs / "about").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    (docs / "about" / "x.md").write_text("# X\n")
    return docs


def test_writes_once_then_leaves_unchanged_files_alone(mini_kb, tmp_path):
    docs, out = _docs(tmp_path), tmp_path / "build" / "docs"
    p = replace(plan(mini_kb), assets=())
    first = write_plan(p, tmp_path, docs, out)
    assert first.written > 10 and first.removed == 0
    again = write_plan(p, tmp_path, docs, out)
    assert again.written == 0 and again.unchanged == first.written
    assert (out / "index.md").read_text() == "# Home\n"
    assert (out / "glossary" / "lora.md").read_text().startswith("---\ntitle: Low-rank adaptation\n")


def test_removes_what_the_plan_no_longer_holds(mini_kb, tmp_path):
    docs, out = _docs(tmp_path), tmp_path / "build" / "docs"
    p = replace(plan(mini_kb), assets=())
    write_plan(p, tmp_path, docs, out)
    smaller = replace(p, pages=tuple(x for x in p.pages if x.path != "glossary/lora.md"))
    stats = write_plan(smaller, tmp_path, docs, out)
    assert stats.removed == 1 and not (out / "glossary" / "lora.md").exists()


def test_front_matter_is_yaml_that_keeps_data_as_text(tmp_path):
    docs, out = _docs(tmp_path), tmp_path / "out"
    page = PlannedPage("glossary/x.md", {"title": "A: {{ 7*7 }} 'q'", "render_macros": False}, "# x")
    write_plan(replace(_empty_plan(), pages=(page,)), tmp_path, docs, out)
    text = (out / "glossary" / "x.md").read_text()
    assert text.startswith("---\ntitle: ") and "render_macros: false" in text
    import yaml

    assert yaml.safe_load(text.split("---\n")[1])["title"] == "A: {{ 7*7 }} 'q'"


def test_macro_outputs_are_written_next_to_the_docs_folder(mini_kb, tmp_path):
    docs, out = _docs(tmp_path), tmp_path / "build" / "docs"
    write_plan(replace(plan(mini_kb), assets=()), tmp_path, docs, out)
    data = json.loads(macros_file(out).read_text())
    assert macros_file(out).parent == out.parent and "glossary_index" in data


def _empty_plan():
    from macros.plan import Plan

    return Plan(pages=(), files={}, assets=(), macros={})
