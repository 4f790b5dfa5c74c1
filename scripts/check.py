#!/usr/bin/env python3
"""Validate every data file and report each problem; exit 1 when any was found, else 0.

Usage: ``python scripts/check.py [--format text|github|json] [ROOT]`` (ROOT
defaults to the repository).

- ``text`` (the default): ``path:line: error: message`` lines and a count.
- ``github``: one ``::error file=...,line=...::...`` annotation per problem, so
  a pull request shows each on the line it concerns; then the count.
- ``json``: ``{"problems": [{"path", "line", "message", "hint"}], "count": N}``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.pipeline import load_kb
from macros.problems import FORMATS, render


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line: an optional root and an output format."""
    parser = argparse.ArgumentParser(prog="check.py", description="Validate the knowledge base's data.")
    parser.add_argument("root", nargs="?", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--format", choices=list(FORMATS), default="text", help="output format")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the checks and print the report."""
    args = parse_args(argv[1:])
    if not args.root.is_dir():
        print(f"error: {args.root} is not a folder", file=sys.stderr)
        return 2
    kb, problems = load_kb(args.root)
    print(render(problems, args.format))
    if not problems and args.format != "json":
        rows = sum(len(c.mappings) for c in kb.crosswalks.values())
        print(
            f"checked {len(kb.terms)} terms, {len(kb.clauses)} clauses, "
            f"{len(kb.frameworks)} frameworks, {len(kb.decisions)} decision guides, "
            f"{len(kb.crosswalks)} crosswalks ({rows} mappings), "
            f"{sum(len(t.milestones) for t in kb.timelines.values())} dated milestones, "
            f"{sum(len(a.duties) for a in kb.applicability.values())} obligation packages"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
