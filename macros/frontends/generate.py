"""Run the pipeline and write the build plan: what every engine needs before it starts.

``python -m macros.frontends.generate [-f mkdocs.yml]`` is what
`make build-zensical` runs first; the mkdocs plugin calls :func:`generate`
from its ``on_config``. Data problems print as ``path:line: error:`` lines,
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import no_cyclic_gc
from ..pipeline import load_site
from ..plan import Plan, plan
from ..problems import DataError, format_report
from . import guard
from .writer import WriteStats, handwritten, write_plan

#: Hand-written pages live here; the engines read the generated folder named by ``docs_dir``.
SOURCE_DOCS = "docs"
#: Vendored assets come from this checkout's node_modules (where `make setup` installs them), so
#: standalone copies of the site (tests, synth.py) find the same files.
ASSET_ROOT = Path(__file__).resolve().parents[2]


class GenerateError(Exception):
    """Generation stopped; the message is for people (a data report or a config problem)."""


@dataclass(frozen=True)
class Settings:
    """What generation needs from mkdocs.yml."""

    project: Path
    docs_dir: Path
    directory_urls: bool


def settings(config: dict[str, Any], project: Path) -> Settings:
    """Read the settings from a parsed ``mkdocs.yml``; refuse what Zensical would ignore."""
    found = guard.problems(config)
    if found:
        raise GenerateError("\n".join(found))
    docs_dir = Path(config.get("docs_dir") or "docs")
    docs_dir = docs_dir if docs_dir.is_absolute() else project / docs_dir
    if docs_dir.resolve() == (project / SOURCE_DOCS).resolve():
        raise GenerateError(
            f"mkdocs.yml: docs_dir must be the generated folder (e.g. build/docs), not {SOURCE_DOCS}/"
        )
    offline = any(
        isinstance(p, dict)
        and "offline" in p
        and (p["offline"] or {}).get("enabled", True) not in (False, "false")
        for p in config.get("plugins") or []
    )
    dirs = bool(config.get("use_directory_urls", True)) and not offline
    return Settings(project, docs_dir, dirs)


def generate(s: Settings) -> WriteStats:
    """Load, check, plan and write; raise :class:`GenerateError` with every data problem."""
    return generate_plan(s)[1]


def generate_plan(s: Settings, direct: bool = False) -> tuple[Plan, WriteStats]:
    """:func:`generate`, also returning the plan (the mkdocs front end reuses its page blocks).

    ``direct``: the caller writes the plan's pass-through files into the site itself, so they
    are left out of the docs folder (the mkdocs front end; Zensical needs them there).
    """
    try:
        site = load_site(s.project)
    except DataError as err:
        raise GenerateError(format_report(err.problems)) from None
    reserved = frozenset(handwritten(s.project / SOURCE_DOCS))
    # The plan makes no reference cycles: the cyclic collector would only rescan the model.
    with no_cyclic_gc():
        the_plan = plan(site, s.directory_urls, reserved)
    missing = [src for src, _ in the_plan.assets if not (ASSET_ROOT / src).is_file()]
    if missing:
        raise GenerateError(f"asset {missing[0]} is missing; run `make setup`")
    skip = the_plan.passthrough if direct else frozenset()
    return the_plan, write_plan(the_plan, ASSET_ROOT, s.project / SOURCE_DOCS, s.docs_dir, skip)


def read_config(path: Path) -> dict[str, Any]:
    """Parse mkdocs.yml the way mkdocs does (``!ENV`` resolved)."""
    from mkdocs.utils.yaml import yaml_load

    with path.open(encoding="utf-8") as f:
        return yaml_load(f) or {}


def main(argv: list[str] | None = None) -> int:
    """Command line: generate the docs folder for the given mkdocs.yml."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--timings", action="store_true", help="also print where the time went")
    args = parser.parse_args(argv)
    path = Path(args.config_file).resolve()
    start = time.perf_counter()
    try:
        s = settings(read_config(path), path.parent)
        the_plan, stats = generate_plan(s)
    except GenerateError as err:
        print(err, file=sys.stderr)
        return 1
    print(
        f"generated {s.docs_dir.relative_to(s.project)}: {stats.written} written, "
        f"{stats.unchanged} unchanged, {stats.removed} removed"
    )
    if args.timings:
        parts = " ".join(f"{k}={v:.2f}" for k, v in the_plan.timings.items())
        print(f"timings: generate={time.perf_counter() - start:.2f} {parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
