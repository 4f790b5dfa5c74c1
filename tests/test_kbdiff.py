"""`scripts/kbdiff.py BASE HEAD`: what a change does to the knowledge base, on a throw-away git repository.

The repository starts as a copy of the mini fixture; the second commit changes
one term's relation, adds a term nothing points to and removes a crosswalk row;
a third commit breaks a reference.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import MINI, PY, ROOT

from macros.kbdiff import FOLD_AFTER, Side, _listing, md, summarise
from macros.pipeline import load_kb
from macros.site import build_site

SCRIPT = str(ROOT / "scripts" / "kbdiff.py")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

MODEL_CARD = """\
id: model-card
term: Model card
aliases: []
acronyms: []
category: documentation
summary: A short document describing a model, its intended use and its limits.
explanation: Describes what a model does and does not do.
why_it_matters: It is the first thing a reviewer reads.
compel:
  pillars: [technology]
  stages: [produce]
  usage: Written in Produce.
references:
  - ref: eu-ai-act:art-25
    relation: related-to
related:
  - term: fine-tuning
    relation: related
definitions: []
sources:
  - title: Mitchell et al. 2019
    document: arXiv 1810.03993
review:
  status: draft
  last_reviewed: 2026-11-22
"""


def git(repo, *args):
    proc = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A git repository with three commits: the mini fixture, a clean change, a broken reference."""
    root = tmp_path_factory.mktemp("kbdiff") / "repo"
    shutil.copytree(MINI, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "mini fixture")
    git(root, "tag", "base")

    edit(
        root / "glossary" / "lora.yml",
        "  - term: provider\n    relation: related",
        "  - term: provider\n    relation: broader",
    )
    (root / "glossary" / "model-card.yml").write_text(MODEL_CARD, encoding="utf-8")
    crosswalk = root / "frameworks" / "crosswalks" / "eu-ai-act--nist-ai-rmf.yml"
    text = crosswalk.read_text(encoding="utf-8")
    start = text.index("  - source: eu-ai-act:art-25")
    end = text.index("  - source: eu-ai-act:art-3")
    crosswalk.write_text(text[:start] + text[end:], encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change a relation, add a term, remove a row")
    git(root, "tag", "head")

    edit(root / "glossary" / "provider.yml", "  - term: fine-tuning\n", "  - term: fine-tunning\n")
    edit(root / "glossary" / "lora.yml", "category: adaptation", "category: adaption")
    git(root, "commit", "-q", "-am", "a dangling reference and a bad category")
    git(root, "tag", "broken")
    return root


def kbdiff(repo, *args):
    return subprocess.run([PY, SCRIPT, *args], cwd=repo, capture_output=True, text=True)


@pytest.fixture(scope="module")
def summary(repo):
    proc = kbdiff(repo, "base", "head")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


def section(text: str, title: str) -> list[str]:
    """The non-empty lines of one ``### title`` section."""
    body = text.split(f"### {title}\n", 1)[1].split("\n### ", 1)[0]
    return [line for line in body.splitlines() if line]


def test_counts_table(summary):
    assert summary.startswith("## Knowledge base: base → head\n")
    assert "| terms | 3 | 4 |" in summary
    assert "| crosswalk mappings | 3 | 2 |" in summary
    assert "| data problems | 0 | 0 |" in summary


def test_terms_added_and_changed_with_fields(summary):
    assert section(summary, "Terms") == [
        "1 added, 1 changed.",
        "- added: `model-card` (Model card)",
        "- changed: `lora` (Low-rank adaptation): related",
    ]
    assert section(summary, "Clauses") == ["No change."]
    assert section(summary, "Decision guides") == ["No change."]


def test_crosswalk_row_removed(summary):
    assert section(summary, "Crosswalk mappings") == [
        "1 removed.",
        "- removed: `eu-ai-act:art-25 -> nist-ai-rmf:manage-3.2 (eu-ai-act--nist-ai-rmf)`",
    ]


def test_graph_edges_counted_by_relation(summary):
    assert section(summary, "Graph edges") == [
        "| relation | added | removed |",
        "|---|---:|---:|",
        "| applied-in-stage | 1 | 0 |",
        "| belongs-to-pillar | 1 | 0 |",
        "| broader | 1 | 0 |",
        "| intersects-with | 0 | 1 |",
        "| related | 1 | 1 |",
        "| related-to | 1 | 0 |",
    ]


def test_new_orphan_is_the_term_nothing_points_to(summary):
    assert section(summary, "New orphan terms") == [
        "- `model-card` (Model card): no term relates to it and no guide cites it"
    ]
    assert section(summary, "New dangling references") == ["None."]


def test_coverage_before_and_after(summary):
    assert section(summary, "Coverage") == [
        "| crosswalk | clauses of | covered by | covered | partly covered | not covered |",
        "|---|---|---|---:|---:|---:|",
        # manage-3.2 was partly covered by art-25; art-25 by manage-3.2 (art-3's row is not-related).
        "| `eu-ai-act--nist-ai-rmf` | nist-ai-rmf | eu-ai-act | 0 | 1 → 0 | 0 → 1 |",
        "| `eu-ai-act--nist-ai-rmf` | eu-ai-act | nist-ai-rmf | 0 | 1 → 0 | 1 → 2 |",
    ]


def test_a_head_with_errors_is_still_summarised(repo):
    proc = kbdiff(repo, "head", "broken")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "| data problems | 0 | 2 |" in out
    # An entry that fails the schema is left out of the model: it is not reported as removed.
    # A dangling relation is dropped from the graph, and the entry still loads.
    assert section(out, "Terms") == [
        "1 changed, 1 not loaded at head.",
        "- changed: `provider` (Provider): related",
        "- not loaded at head (its file has errors): `lora` (Low-rank adaptation)",
    ]
    assert section(out, "New dangling references") == [
        "- `glossary/provider.yml:17`: term 'fine-tunning' does not exist (did you mean 'fine-tuning'?)"
    ]


def test_unknown_ref_and_outside_a_repository_are_messages(repo, tmp_path):
    proc = kbdiff(repo, "base", "no-such-ref")
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error: 'no-such-ref' does not name a commit in ")
    proc = kbdiff(tmp_path, "base", "head")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {tmp_path} is not inside a git repository"
    assert "Traceback" not in proc.stderr


def test_same_knowledge_base_reports_no_change():
    kb, problems = load_kb(MINI)
    side = Side("a", build_site(kb), tuple(problems))
    out = summarise(side, side)
    for title in ("Terms", "Clauses", "Crosswalk mappings", "Decision guides", "Graph edges", "Coverage"):
        assert section(out, title) == ["No change."]
    assert section(out, "New orphan terms") == ["None."]


def test_markdown_from_data_is_escaped_and_long_lists_fold():
    assert md("a|b <script> *x* (y)") == "a\\|b \\<script\\> \\*x\\* (y)"
    items = [f"- {i}" for i in range(FOLD_AFTER + 1)]
    folded = _listing(items)
    assert folded[0] == f"<details><summary>{FOLD_AFTER + 1} items</summary>" and folded[-1] == "</details>"
    assert _listing(items[:FOLD_AFTER]) == items[:FOLD_AFTER]
