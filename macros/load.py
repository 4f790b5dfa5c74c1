"""Find and read every data file: files -> documents that remember lines.

:func:`read_sources` only reads. It reports problems with files and folders
(unparseable YAML, a ``.yaml`` extension, an unknown framework folder) and
leaves every rule about content to :mod:`.rules`. Nothing here builds model
objects; :mod:`.build` does, from what the rules accept.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab
from .problems import Problem
from .source import Doc, load_file


@dataclass
class Sources:
    """Every parsed data file of a knowledge base, by kind.

    ``terms`` keeps an entry for every glossary file, with ``data=None`` when
    it could not be parsed, so rules do not report references to it again.
    """

    frameworks: dict[str, Doc] = field(default_factory=dict)
    catalogs: list[tuple[str, Doc]] = field(default_factory=list)
    terms: dict[str, Doc] = field(default_factory=dict)
    guides: dict[str, Doc] = field(default_factory=dict)
    spectrum: Doc | None = None
    crosswalks: dict[str, Doc] = field(default_factory=dict)
    timelines: dict[str, Doc] = field(default_factory=dict)
    applicability: dict[str, Doc] = field(default_factory=dict)


@contextmanager
def no_cyclic_gc():
    """Pause the cyclic garbage collector while loading.

    Loading allocates many small, acyclic objects (refcounting frees them);
    letting full collections rescan the growing heap made loading superlinear
    in the number of files (measured: 4.5 s -> 2.3 s for 3,000 entries).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_sources(root: Path) -> tuple[Sources, list[Problem]]:
    """Parse every data file under ``root``; return them with the problems that stopped any."""
    root = Path(root)
    reader = _Reader(root)
    src = Sources()
    _read_frameworks(reader, src)
    for path in reader.data_files(root / vocab.GLOSSARY_DIR):
        doc = reader.read(path)
        src.terms[path.stem] = doc or Doc(reader.rel(path), None)
    for path in reader.data_files(root / vocab.DECISIONS_DIR):
        doc = reader.read(path)
        if doc is not None:
            src.guides[path.stem] = doc
    for folder, found in (
        (vocab.CROSSWALKS_DIR, src.crosswalks),
        (vocab.TIMELINE_DIR, src.timelines),
        (vocab.APPLICABILITY_DIR, src.applicability),
    ):
        for path in reader.data_files(root / folder):
            doc = reader.read(path)
            if doc is not None:
                found[path.stem] = doc
    if (root / vocab.SPECTRUM_PATH).exists():
        src.spectrum = reader.read(root / vocab.SPECTRUM_PATH)
    return src, reader.problems


class _Reader:
    """Reads files relative to one root and collects the problems met on the way."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read(self, path: Path) -> Doc | None:
        doc, errs = load_file(path, self.rel(path))
        self.problems += errs
        return doc

    def data_files(self, folder: Path) -> list[Path]:
        """The ``*.yml`` files of a folder, sorted; ``.yaml`` files are reported, not read."""
        if not folder.is_dir():
            return []
        for odd in sorted(folder.glob("*.yaml")):
            self.problems.append(Problem(self.rel(odd), 1, "data files must end in '.yml'", "rename it"))
        return sorted(folder.glob("*.yml"))


def _read_frameworks(reader: _Reader, src: Sources) -> None:
    base = reader.root / vocab.FRAMEWORKS_DIR
    folders = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    for folder in folders:
        if folder.name in vocab.NOT_CATALOGS:
            continue
        if folder.name not in vocab.FRAMEWORKS:
            reader.problems.append(
                Problem(
                    reader.rel(folder),
                    0,
                    f"unknown framework folder '{folder.name}'",
                    f"framework ids are: {', '.join(vocab.FRAMEWORKS)}",
                )
            )
            continue
        meta = folder / "framework.yml"
        if not meta.exists():
            reader.problems.append(Problem(reader.rel(folder), 0, "missing framework.yml"))
        else:
            doc = reader.read(meta)
            if doc is not None:
                src.frameworks[folder.name] = doc
        for path in reader.data_files(folder):
            if path.name != "framework.yml":
                doc = reader.read(path)
                if doc is not None:
                    src.catalogs.append((folder.name, doc))
    for fw in vocab.FRAMEWORKS:
        if not (base / fw).is_dir():
            reader.problems.append(Problem(vocab.FRAMEWORKS_DIR, 0, f"framework '{fw}' has no folder"))
