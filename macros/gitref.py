"""Read a git ref's files without touching the work tree: ``git archive`` into a folder.

Used by ``scripts/kbdiff.py`` to load the knowledge base as it was at a
commit. Errors are :class:`GitError` with a message for people.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

#: The folders a knowledge base is loaded from; nothing else is extracted.
DATA_FOLDERS = ("glossary", "frameworks")


class GitError(Exception):
    """A git command failed; the message says which and why."""


def _git(repo: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args)} failed: {detail[-1] if detail else 'no message'}")
    return proc.stdout


def toplevel(path: Path) -> Path:
    """The root of the git repository containing ``path``."""
    try:
        out = _git(path, "rev-parse", "--show-toplevel")
    except GitError:
        raise GitError(f"{path} is not inside a git repository") from None
    return Path(out.decode().strip())


def resolve(repo: Path, ref: str) -> str:
    """The full commit id ``ref`` names (a branch, tag, SHA or expression such as ``HEAD~1``)."""
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"'{ref}' does not name a commit in {repo}") from None


def export(repo: Path, ref: str, dest: Path) -> Path:
    """Write the data folders of ``ref`` into ``dest`` (created); returns ``dest``."""
    commit = resolve(repo, ref)
    listed = _git(repo, "ls-tree", "--name-only", commit).decode().splitlines()
    present = [f for f in DATA_FOLDERS if f in listed]
    dest.mkdir(parents=True, exist_ok=True)
    if present:
        data = _git(repo, "archive", "--format=tar", commit, *present)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(dest, filter="data")
    return dest
