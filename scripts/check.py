#!/usr/bin/env python3
"""Validate every data file: prints ``path:line: error: message`` lines and a count.

Exit status 0 when clean, 1 when any problem was found. Usage:
``python scripts/check.py [ROOT]`` (ROOT defaults to the repository).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.pipeline import load_kb
from macros.problems import format_report


def main(argv: list[str]) -> int:
    """Run the checks and print the report."""
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1]
    kb, problems = load_kb(root)
    print(format_report(problems))
    if not problems:
        rows = sum(len(c.mappings) for c in kb.crosswalks.values())
        print(
            f"checked {len(kb.terms)} terms, {len(kb.clauses)} clauses, "
            f"{len(kb.frameworks)} frameworks, {len(kb.decisions)} decision guides, "
            f"{len(kb.crosswalks)} crosswalks ({rows} mappings), "
            f"{sum(len(t.milestones) for t in kb.timelines.values())} dated milestones"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
