"""The current build's :class:`~macros.site.Site`, shared by the plugin and the macros.

The plugin sets it once per build (``on_config``); macros read it. When a
site uses the macros without the plugin, :func:`current` loads it lazily.
"""

from __future__ import annotations

from pathlib import Path

from .load import load_kb
from .problems import DataError
from .site import Site, build_site

_current: dict[str, Site] = {}


def set_current(site: Site) -> None:
    """Make ``site`` the one macros render from."""
    _current["site"] = site


def load_site(root: Path) -> Site:
    """Load, validate and build; raise :class:`DataError` with every problem."""
    kb, problems = load_kb(root)
    if problems:
        raise DataError(problems)
    return build_site(kb)


def current(root: Path | None = None) -> Site:
    """The site of the running build."""
    if "site" not in _current:
        set_current(load_site(root or Path.cwd()))
    return _current["site"]
