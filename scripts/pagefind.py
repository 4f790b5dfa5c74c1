#!/usr/bin/env python3
"""Index a built site with Pagefind and switch its search to it: ``python scripts/pagefind.py [SITE]``.

For sites served over HTTP (Pagefind cannot work from file://, so the offline
zip keeps the built-in search). Runs the pinned ``pagefind`` binary from PyPI
over the page content (``article`` elements), with the kind and framework
filters the build plan marks on every generated page, then rewrites
``assets/kb-search-mode.js`` so the search box uses Pagefind.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    """Index ``site/`` (or the given folder) and flip the search mode."""
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    mode = site / "assets" / "kb-search-mode.js"
    if not mode.is_file():
        print(f"error: {site} is not a built site of this project (no {mode.name}); run `make build` first")
        return 1
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stdout[-2000:] + proc.stderr[-2000:])
        return proc.returncode
    mode.write_text('window.__kbSearchMode = "pagefind";\n', encoding="utf-8")
    lines = proc.stdout.splitlines()
    pages = next((line for line in lines if "Indexed" in line and "page" in line), "").strip()
    print(f"pagefind: {pages or 'indexed'}; search now uses {site / 'pagefind'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
