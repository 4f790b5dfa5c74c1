"""The GitHub side of contributing: workflows pass actionlint, pin every action by commit SHA,
ask for the least permissions and run what CONTRIBUTING.md promises; the issue forms and the
pull-request template ask for what reviewers need, in the vocabulary the data uses.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import PY, ROOT

from macros import vocab

WORKFLOWS = ROOT / ".github" / "workflows"
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(WORKFLOWS / name)


def steps(name: str, job: str) -> list[dict]:
    return workflow(name)["jobs"][job]["steps"]


def runs(name: str, job: str) -> list[str]:
    return [s["run"] for s in steps(name, job) if "run" in s]


def uses(name: str, job: str) -> dict[str, dict]:
    return {s["uses"].split("@")[0]: s for s in steps(name, job) if "uses" in s}


def test_actionlint_passes():
    proc = subprocess.run(
        [str(Path(PY).parent / "actionlint"), "-oneline", "-no-color"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_every_action_is_pinned_by_sha_with_a_version_comment(path):
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    used = [line.split("uses:", 1)[1].strip() for line in lines if re.match(r"^(- )?uses:", line)]
    assert used
    for ref in used:
        assert ref.startswith("./.github/workflows/") or PINNED.match(ref), ref


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_permissions_are_empty_by_default_and_granted_per_job(path):
    data = load(path)
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        granted = job.get("permissions")
        assert granted, f"{path.name}: job '{name}' states no permissions"
        assert "write-all" not in str(granted) and granted.get("contents") in (None, "read")


def test_pull_request_check_runs_everything_promised():
    data = workflow("pull-request.yml")
    assert set(data["on"]) == {"pull_request"}
    commands = runs("pull-request.yml", "check")
    assert "make setup browser-deps" in commands
    assert "make check CHECK_FORMAT=github" in commands
    for target in ("make test", "make build", "make build-zensical"):
        assert target in commands
    kbdiff = next(c for c in commands if "kbdiff.py" in c)
    assert kbdiff.endswith('>> "$GITHUB_STEP_SUMMARY"')
    actions = uses("pull-request.yml", "check")
    assert actions["actions/checkout"]["with"]["fetch-depth"] == 0  # kbdiff needs the base commit
    assert actions["actions/setup-node"]["with"]["node-version"] == 20
    assert actions["actions/upload-artifact"]["with"]["path"] == "test-artifacts/screenshots"
    assert data["jobs"]["check"]["container"]["image"] == "python:3.11.7-bookworm"


def test_makefile_check_takes_the_format_and_test_runs_actionlint():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(PY) scripts/check.py --format $(CHECK_FORMAT)" in makefile
    test_recipe = makefile.split("\ntest: ", 1)[1].split("\n\n", 1)[0]
    assert "$(ACTIONLINT)" in test_recipe
    assert "\nlint-workflows: " in makefile


def test_pages_deploy_from_main_and_weekly_rebuild():
    pages = workflow("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"] and "workflow_call" in pages["on"]
    assert "make build" in runs("pages.yml", "build")
    assert uses("pages.yml", "build")["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert "actions/deploy-pages" in uses("pages.yml", "deploy")
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    weekly = workflow("weekly.yml")
    assert weekly["on"]["schedule"][0]["cron"].endswith("* * 1")
    assert weekly["jobs"]["rebuild"]["uses"] == "./.github/workflows/pages.yml"


# ---- issue forms and the pull-request template -------------------------------------------------


def form(name: str) -> dict:
    return load(FORMS / name)


def fields(data: dict) -> dict[str, dict]:
    return {el["id"]: el for el in data["body"] if "id" in el}


def required(el: dict) -> bool:
    return bool(el.get("validations", {}).get("required"))


@pytest.mark.parametrize("name", ["propose-term.yml", "report-error.yml", "propose-mapping.yml"])
def test_issue_forms_are_well_formed(name):
    data = form(name)
    assert data["name"] and data["description"] and data["body"]
    kinds = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    ids = [el.get("id") for el in data["body"] if el["type"] != "markdown"]
    assert all(el["type"] in kinds for el in data["body"])
    assert len(ids) == len(set(ids)) and all(ids)
    assert all(el["attributes"].get("label") for el in data["body"] if el["type"] != "markdown")


def test_forms_use_the_data_vocabulary():
    term = fields(form("propose-term.yml"))
    assert term["category"]["attributes"]["options"] == list(vocab.CATEGORIES)
    assert all(required(term[k]) for k in ("term", "category", "summary", "clauses", "sources"))
    mapping = fields(form("propose-mapping.yml"))
    assert mapping["relation"]["attributes"]["options"] == list(vocab.MAPPING_RELATIONS)
    assert mapping["rationale"]["attributes"]["options"] == list(vocab.MAPPING_RATIONALES)
    assert all(
        required(mapping[k]) for k in ("source", "target", "relation", "justification", "source-document")
    )


def test_error_report_asks_for_entry_what_is_wrong_and_the_source():
    report = fields(form("report-error.yml"))
    assert all(required(report[k]) for k in ("entry", "wrong", "source"))


def test_forms_config_and_pull_request_checklist():
    assert form("config.yml")["blank_issues_enabled"] is True
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = [line for line in template.splitlines() if line.startswith("- [ ] ")]
    text = " ".join(template.split())
    assert len(boxes) == 5
    for phrase in (
        "`make check` passes",
        "own words",
        "cites the clause or source",
        "No application date",
        "Review status",
    ):
        assert phrase in text, phrase


def test_contributing_links_the_readmes_next_to_the_data():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for readme in re.findall(r"\]\(([^)]+README\.md)\)", text):
        assert (ROOT / readme).is_file(), readme
    assert {"glossary/README.md", "frameworks/crosswalks/README.md", "frameworks/timeline/README.md"} <= set(
        re.findall(r"\]\(([^)]+README\.md)\)", text)
    )
