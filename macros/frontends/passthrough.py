"""mkdocs only: write the plan's pass-through files into the site while mkdocs renders pages.

Alias redirects and graph data files exist once per term or clause and nothing
in the build reads them (:attr:`macros.plan.Plan.passthrough`). Copied by
mkdocs from the docs folder they were a tenth of a 3,000-term build, nearly
all of it file-system work (one new folder per alias). So the mkdocs front
end leaves them out of the docs folder and out of mkdocs' files, and writes
them from memory in a forked child (:func:`macros.parallel.background`) while
mkdocs renders the pages; where forking is not allowed (``mkdocs serve`` runs
threads) it writes them when the build ends. ``tests/test_navcache.py``
checks the bytes against what the writer puts in the docs folder for Zensical.
"""

from __future__ import annotations

from pathlib import Path

from .. import parallel


class SiteWriter:
    """Writes ``files`` (path relative to the site -> text) under a site folder, beside the build."""

    def __init__(self, files: dict[str, str]):
        self.files = files
        self._pending: parallel.Pending | None = None
        self._later: Path | None = None

    def start(self, site_dir: Path) -> None:
        """Begin writing into ``site_dir`` (mkdocs has cleaned it by now)."""
        site = Path(site_dir)
        if parallel.available():
            self._pending = parallel.background(lambda: write_files(site, self.files), fork=True)
        else:
            self._later = site

    def finish(self) -> None:
        """Every file is written when this returns; a failure in the child is raised here."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()
        if self._later is not None:
            site, self._later = self._later, None
            write_files(site, self.files)


def write_files(site: Path, files: dict[str, str]) -> int:
    """Write every file under ``site``; return how many."""
    made: set[Path] = set()
    for path, text in files.items():
        target = site / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(text.encode("utf-8"))
    return len(files)
