""".pre-commit-config.yaml stays honest without running pre-commit (its hook repositories are
downloaded from GitHub): the config is valid, every pattern matches real files, every schema
exists, the schema hooks cover every data file and run the same validation here, and the
ruff pin agrees with the lockfile.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import PY, ROOT
from test_schemas import as_checked

CONFIG = ROOT / ".pre-commit-config.yaml"
TOP = ("glossary", "frameworks", "macros", "scripts", "tests", "docs", ".github")


def hooks() -> list[dict]:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return [{**h, "repo": r["repo"], "rev": r.get("rev")} for r in config["repos"] for h in r["hooks"]]


def schema_hooks() -> list[dict]:
    return [h for h in hooks() if h["id"] == "check-jsonschema"]


def repo_files() -> list[str]:
    """Every file a hook could see, as a path relative to the repository (git's view)."""
    out = []
    for top in TOP:
        for path in (ROOT / top).rglob("*"):
            rel = path.relative_to(ROOT).as_posix()
            if path.is_file() and "__pycache__" not in rel and not rel.startswith("tests/fixtures"):
                out.append(rel)
    return sorted(out)


def selected(hook: dict) -> list[str]:
    """The files pre-commit would pass to ``hook`` (``files`` matched, ``exclude`` not)."""
    files = re.compile(hook.get("files", ""))
    exclude = re.compile(hook["exclude"]) if hook.get("exclude") else None
    return [f for f in repo_files() if files.search(f) and not (exclude and exclude.search(f))]


def schema_of(hook: dict) -> Path:
    args = hook["args"]
    return ROOT / args[args.index("--schemafile") + 1]


def test_config_is_valid_for_pre_commit():
    proc = subprocess.run(
        [str(Path(PY).parent / "pre-commit"), "validate-config", str(CONFIG)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_hook_is_pinned_and_matches_real_files():
    for hook in hooks():
        assert hook["repo"] == "local" or re.fullmatch(r"v?\d+\.\d+\.\d+", hook["rev"]), hook
        assert selected(hook), f"{hook.get('alias', hook['id'])}: 'files' matches no file"


def test_every_schema_exists_and_every_data_file_is_covered():
    covered: set[str] = set()
    for hook in schema_hooks():
        assert schema_of(hook).is_file(), schema_of(hook)
        covered.update(selected(hook))
    data = {f for f in repo_files() if re.match(r"^(glossary|frameworks)/.*\.yml$", f)}
    assert data - covered == set(), "data files no schema hook checks"
    assert covered - data == set()


@pytest.mark.parametrize("alias", [h["alias"] for h in schema_hooks()])
def test_schema_hook_files_validate_as_the_hook_would(alias):
    hook = next(h for h in schema_hooks() if h["alias"] == alias)
    validator = jsonschema.Draft202012Validator(yaml.safe_load(schema_of(hook).read_text(encoding="utf-8")))
    for rel in selected(hook):
        errors = [e.message for e in validator.iter_errors(as_checked(ROOT / rel))]
        assert errors == [], f"{rel}: {errors[:3]}"


def test_ruff_hooks_use_the_locked_ruff():
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = next(d for d in dev["optional-dependencies"]["dev"] if d.startswith("ruff=="))
    ruff = [h for h in hooks() if h["id"].startswith("ruff")]
    assert {h["id"] for h in ruff} == {"ruff-check", "ruff-format"}
    assert all(h["additional_dependencies"] == [pinned] for h in ruff)
    assert pinned in (ROOT / "requirements.lock").read_text(encoding="utf-8")


def test_local_check_hook_runs_make_check():
    hook = next(h for h in hooks() if h["id"] == "kb-check")
    assert hook["entry"] == "make check" and hook["pass_filenames"] is False
