"""mkdocs only: write the pages in two processes, half of them in a forked child.

After every page is read and converted, mkdocs passes each one through the
theme's templates and writes it, one after the other: at 3,000 terms that is
the longest single stretch of the build, on one core. Each page's output
depends only on what was gathered before (the page, the navigation, the
files), so :class:`SplitBuild` hands a share of the pages to a forked copy of
the process (:func:`macros.parallel.background`), which renders and writes
them while this process does the rest. The files are the same bytes either
way (``tests/test_navcache.py`` builds a site both ways and compares them).

It is used only where that holds and is safe:

- where :func:`macros.parallel.available` allows a fork (never under ``mkdocs
  serve``, which runs threads);
- when every plugin that acts while a page is written (``on_page_context``,
  ``on_post_page``) is one known to keep nothing from it (:data:`STATELESS`):
  a plugin that gathers data there (Material's search, say) would miss the
  child's pages, so with any other plugin the build stays in one process;
- with the mkdocs version whose page-writing function this wraps
  (:data:`EXPECTED`).

The child's warnings are printed as they happen and added to the counts
mkdocs keeps for ``strict`` mode; a page that fails in the child stops the
build with the child's traceback.
"""

from __future__ import annotations

import inspect
import logging

from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from .. import parallel

log = logging.getLogger("mkdocs.plugins.kb")

#: Plugins whose page-writing events only read: Material's tags (adds the page's tags to the
#: context), mkdocs-macros and ours (no such events). Any other plugin keeps one process.
STATELESS = frozenset({"material/tags", "macros", "kb", "offline", "material/offline"})
#: The wrapped function's parameters in mkdocs 1.6.
EXPECTED = ("page", "config", "doc_files", "nav", "env", "dirty", "excluded")
#: Share of the pages the child writes. Pages cost about the same whatever their size (3-4 ms
#: each at 3,000 terms, nearly all of it Material's templates; a 1.7 MB listing took 14 ms), and
#: this process also checks every page's anchors afterwards.
CHILD_SHARE = 0.48
#: Below this many pages a fork costs more than it saves.
MIN_PAGES = 200


def usable(config) -> bool:
    """Whether this build may write pages in two processes (see the module notes)."""
    params = tuple(inspect.signature(mkdocs_build._build_page).parameters)
    if params != EXPECTED or not parallel.available():
        return False
    # mkdocs 1.6 records which plugin registered each event handler; without that, no split.
    origins = getattr(config.plugins, "_event_origins", None)
    events = getattr(config.plugins, "events", None)
    if not isinstance(origins, dict) or not isinstance(events, dict):
        return False
    return all(origins.get(m) in STATELESS for event in ("page_context", "post_page") for m in events[event])


class SplitBuild:
    """Stands in for mkdocs' page-writing function during one build (:meth:`install`, :meth:`finish`)."""

    def __init__(self, min_pages: int = MIN_PAGES) -> None:
        self.min_pages = min_pages
        self._original = None
        self._pending: parallel.Pending | None = None
        self._theirs: set[int] = set()
        self.child_pages = 0

    def install(self) -> None:
        """Route mkdocs' page writing through this object until :meth:`finish`."""
        self._original = mkdocs_build._build_page
        mkdocs_build._build_page = self

    def __call__(self, page, config, doc_files, nav, env, dirty=False, excluded=False):
        # The first page: every page is read and the theme is ready, so the child can start.
        if self._pending is None and self._original is not None:
            self._start(config, doc_files, nav, env, dirty)
        if id(page) in self._theirs:
            return None
        return self._original(page, config, doc_files, nav, env, dirty, excluded)

    def _start(self, config, doc_files, nav, env, dirty) -> None:
        pages = [f.page for f in doc_files if f.page is not None]
        if len(pages) < max(self.min_pages, 2):
            self._pending = parallel.Pending(value={})
            return
        theirs = _share(pages, CHILD_SHARE)
        self._theirs = {id(p) for p in theirs}
        self.child_pages = len(theirs)
        write = self._original

        def child() -> dict[int, int]:
            counter = CountHandler(level=logging.WARNING)
            logging.getLogger("mkdocs").addHandler(counter)
            for p in theirs:
                write(p, config, doc_files, nav, env, dirty, p.file.inclusion.is_excluded())
            return dict(counter.counts)

        self._pending = parallel.background(child, fork=True)
        log.debug(f"kb: writing {len(theirs)} of {len(pages)} pages in a second process")

    def _uninstall(self) -> parallel.Pending | None:
        """Put mkdocs' function back; return the child's part, if one was started."""
        if self._original is not None:
            mkdocs_build._build_page = self._original
            self._original = None
        pending, self._pending = self._pending, None
        return pending

    def finish(self) -> None:
        """Wait for the child's pages, count its warnings here, and put mkdocs' function back."""
        pending = self._uninstall()
        if pending is None:
            return
        try:
            counts = pending.result()
        except parallel.ChildFailed as err:
            raise PluginError(f"Writing pages in a second process failed: {err}") from None
        _add_counts(counts)

    def abandon(self) -> None:
        """The build failed here: wait for the child, ignore what it did, and undo :meth:`install`."""
        pending = self._uninstall()
        if pending is not None:
            pending.result_quietly()


def _share(pages: list, share: float) -> list:
    """A run of about ``share`` of the pages at the end of the list (at least one stays here).

    A run, not every other page: pages of one folder stay together, so each process renders
    a folder's navigation once (:mod:`.navcache`).
    """
    theirs = min(max(round(len(pages) * share), 1), len(pages) - 1)
    return pages[len(pages) - theirs :]


def _add_counts(counts: dict[int, int]) -> None:
    """Add the child's warning counts to mkdocs' strict-mode counters in this process."""
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler):
            for level, n in counts.items():
                if level >= handler.level:
                    handler.counts[level] += n  # a defaultdict(int)
