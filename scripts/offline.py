#!/usr/bin/env python3
"""Build the site for file:// browsing and zip it: ``python scripts/offline.py``.

Uses Material's ``offline`` plugin (KB_OFFLINE=true): plain ``.html`` URLs,
the search index inlined as a script, and the locally served iframe-worker
shim so search runs without a web server. Mermaid is served from the site.
Writes ``dist/offline-site/`` and ``dist/ai-governance-kb-offline.zip``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"


def build(out: Path) -> None:
    """Strict offline build of the repository's site into ``out``."""
    env = {**os.environ, "KB_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def zip_dir(folder: Path, target: Path) -> None:
    """Zip ``folder`` so that it unpacks into a folder of the same name."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, Path(folder.name) / path.relative_to(folder))


def main() -> int:
    """Build and zip; print where the result is and how to open it."""
    site = DIST / "offline-site"
    if site.exists():
        shutil.rmtree(site)
    DIST.mkdir(exist_ok=True)
    build(site)
    target = DIST / "ai-governance-kb-offline.zip"
    zip_dir(site, target)
    size = target.stat().st_size / 1e6
    print(f"wrote {target.relative_to(ROOT)} ({size:.1f} MB): unzip it and open offline-site/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
