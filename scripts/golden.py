#!/usr/bin/env python3
"""Rewrite the golden files from the current renderers: ``python scripts/golden.py`` (``make golden``).

The only way golden files change: review the diff (``git diff tests/golden``) before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from golden_cases import CASES, GOLDEN, render  # noqa: E402

from macros.pipeline import load_site  # noqa: E402


def main() -> int:
    """Render every case over the mini fixture and write the files that changed."""
    site = load_site(ROOT / "tests" / "fixtures" / "mini")
    changed = []
    for name in sorted(CASES):
        path = GOLDEN / name
        got = render(site, name)
        if not path.exists() or path.read_text(encoding="utf-8") != got:
            path.write_text(got, encoding="utf-8")
            changed.append(name)
    print(
        f"golden: {len(changed)} of {len(CASES)} files rewritten"
        + (f": {', '.join(changed)}" if changed else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
