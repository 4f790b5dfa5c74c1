"""mkdocs only: the last build's site is moved aside at once and deleted while this build runs.

mkdocs empties the site folder before it writes anything, one file at a time:
at 3,000 terms that is 16,000 files and took 1-3 s of every build, on the
build's one busy core. :func:`clear` instead renames each entry of the site
folder into a hidden folder next to it (a rename is one cheap system call, on
the same file system) and deletes that folder in a forked child
(:func:`macros.parallel.background`) while mkdocs goes on; mkdocs then finds
the site folder empty. Dot entries stay, as mkdocs' own cleaning leaves them.

Nothing changes where it cannot be done safely: when forking is not allowed
(``mkdocs serve`` runs threads), or when an entry cannot be renamed (the site
folder is a mount point, say), the rest is left to mkdocs. Old folders left by
a build that was killed are deleted by the next one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .. import parallel

#: The hidden folder's name next to the site folder: ``.<site>-old-<process id>``.
PREFIX = "-old-"


def clear(site_dir: str | Path) -> parallel.Pending | None:
    """Move the site folder's entries aside and start deleting them; ``None`` if nothing was moved."""
    site = Path(site_dir)
    if not parallel.available() or not site.is_dir():
        return None
    trash = site.parent / f".{site.name}{PREFIX}{os.getpid()}"
    try:
        trash.mkdir()
    except OSError:
        return None
    for entry in os.listdir(site):
        if entry.startswith("."):
            continue
        try:
            os.rename(site / entry, trash / entry)
        except OSError:
            break  # mkdocs deletes what is left
    # Folders of earlier builds that never finished deleting theirs.
    stale = [p for p in site.parent.glob(f".{site.name}{PREFIX}*") if p != trash and p.is_dir()]
    return parallel.background(lambda: _delete([trash, *stale]), fork=True)


def _delete(folders: list[Path]) -> int:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    return len(folders)
