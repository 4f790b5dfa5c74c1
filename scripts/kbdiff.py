#!/usr/bin/env python3
"""Summarise, in Markdown, what the change from BASE to HEAD does to the knowledge base.

Usage: ``python scripts/kbdiff.py BASE HEAD`` inside the repository (both git
refs: branches, tags, SHAs). Prints terms, clauses, mappings and guides added,
removed or changed, graph edges by relation, new orphan terms, new dangling
references and coverage changes. A ref whose data has errors is still
summarised. Exit status 0, or 2 when a ref cannot be read.
The pull-request workflow appends the output to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros import gitref
from macros.kbdiff import Side, summarise
from macros.pipeline import load_kb
from macros.site import build_site


def load_ref(repo: Path, ref: str, dest: Path) -> Side:
    """Load the knowledge base as it is at ``ref``."""
    kb, problems = load_kb(gitref.export(repo, ref, dest))
    return Side(ref, build_site(kb), tuple(problems))


def main(argv: list[str]) -> int:
    """Parse the refs, load both sides and print the summary."""
    parser = argparse.ArgumentParser(prog="kbdiff.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="git ref before the change, e.g. origin/main")
    parser.add_argument("head", help="git ref after the change, e.g. HEAD")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="repository (default: here)")
    args = parser.parse_args(argv[1:])
    try:
        repo = gitref.toplevel(args.repo)
        with tempfile.TemporaryDirectory(prefix="kbdiff-") as tmp:
            base = load_ref(repo, args.base, Path(tmp) / "base")
            head = load_ref(repo, args.head, Path(tmp) / "head")
    except gitref.GitError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(summarise(base, head))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
