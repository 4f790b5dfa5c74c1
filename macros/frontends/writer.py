"""Write a :class:`~macros.plan.Plan` into the docs folder the site engines read.

The folder is fully owned by the writer: hand-written pages from ``docs/``
are copied in, generated pages, files and assets are added, and anything
else is removed. Files whose bytes would not change are left alone, so
``mkdocs serve`` sees only real changes and a rebuild costs little.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..plan import Plan, PlannedPage

#: libyaml's emitter when PyYAML has it (the same text, several times faster), else PyYAML's own.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class WriteStats:
    """What one write changed."""

    written: int
    removed: int
    unchanged: int


def page_source(page: PlannedPage) -> str:
    """A generated page as Markdown with YAML front matter."""
    front = yaml.dump(page.meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{page.body}\n"


def handwritten(docs: Path) -> dict[str, Path]:
    """Every file under ``docs`` by its path relative to it."""
    return {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*")) if p.is_file()}


def write_plan(
    plan: Plan, asset_root: Path, docs: Path, out: Path, skip: frozenset[str] = frozenset()
) -> WriteStats:
    """Materialise ``plan`` plus the hand-written ``docs`` into ``out`` (assets read from ``asset_root``).

    Files of ``plan.files`` named in ``skip`` are left out (and removed if an earlier write left them).
    """
    wanted: dict[str, bytes | Path] = dict(handwritten(docs))
    for page in plan.pages:
        wanted[page.path] = page_source(page).encode("utf-8")
    for path, text in plan.files.items():
        if path not in skip:
            wanted[path] = text.encode("utf-8")
    for src, dest in plan.assets:
        wanted[dest] = asset_root / src
    written = unchanged = 0
    for rel, content in wanted.items():
        data = content.read_bytes() if isinstance(content, Path) else content
        if _write_if_changed(out / rel, data):
            written += 1
        else:
            unchanged += 1
    removed = _remove_others(out, set(wanted))
    macros = json.dumps(plan.macros, ensure_ascii=False, indent=0, sort_keys=True)
    _write_if_changed(macros_file(out), macros.encode("utf-8"))
    # Where this build's plan spent its time (``make bench`` reads it after each build).
    timings_file(out).write_text(json.dumps(plan.timings, sort_keys=True) + "\n", encoding="utf-8")
    return WriteStats(written, removed, unchanged)


def macros_file(out: Path) -> Path:
    """Where the hand-written pages' macro outputs live: next to the docs folder, never published."""
    return out.parent / f"{out.name}-macros.json"


def timings_file(out: Path) -> Path:
    """Where the last plan's timings (``Plan.timings``) go: next to the docs folder, never published."""
    return out.parent / f"{out.name}-timings.json"


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _remove_others(out: Path, keep: set[str]) -> int:
    removed = 0
    for dirpath, _dirs, filenames in os.walk(out, topdown=False):
        for name in filenames:
            path = Path(dirpath) / name
            # Dotfiles (the tracked .gitkeep) are the engines' to ignore, not ours to delete.
            if not name.startswith(".") and path.relative_to(out).as_posix() not in keep:
                path.unlink()
                removed += 1
        if Path(dirpath) != out and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return removed
