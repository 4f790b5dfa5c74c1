"""mkdocs only: render the theme's navigation once per folder, not once per page.

Material writes the whole navigation (the sidebar and the tabs) into every
page; at 3,000 terms that was half of all template time. For a page the
navigation does not list (every term and clause page), no entry is active and
the navigation's HTML depends on the page only through its URLs, which the
``url`` filter makes relative to the page's folder. So every unlisted page in
one folder gets the same bytes, and :func:`install` renders them once per
folder and build.

The cache is exact, not approximate: a page is served from it only when

- the navigation does not list it (nothing can be marked active), and
- it shares the cached copy only with pages whose relative links come out the
  same: those in the same folder, unless a navigation URL lies under the
  page's own URL (then only pages with that very URL base share it);

everything else renders as before. ``tests/test_navcache.py`` builds a site
with and without the cache and compares every HTML file. Zensical runs no
plugins, so it is untouched.
"""

from __future__ import annotations

from collections.abc import Iterator

#: Material's partials rendered once per folder for unlisted pages.
CACHED = ("partials/nav.html", "partials/tabs.html")


def install(env, config) -> None:
    """Wrap the cached partials of this build's Jinja environment (a fresh one every build)."""
    urls = _Urls(config)
    for name in CACHED:
        try:
            template = env.get_template(name)
        except Exception:  # another theme: nothing to cache
            continue
        template.root_render_func = _cached(template.root_render_func, urls)


def _cached(render, urls: _Urls):
    # Jinja's ``include`` calls ``root_render_func(context)`` and yields what it yields.
    cache: dict[tuple, str] = {}

    def root_render_func(context) -> Iterator[str]:
        key = urls.key(context.get("page"), context.get("nav"))
        if key is None:
            yield from render(context)
            return
        html = cache.get(key)
        if html is None:
            html = cache[key] = "".join(render(context))
        yield html

    return root_render_func


class _Urls:
    """The URLs the navigation makes relative, and the cache key they allow for a page."""

    def __init__(self, config):
        # Besides the entries, the partials link the home page and the logo.
        extra = [(config.get("extra") or {}).get("homepage"), (config.get("theme") or {}).get("logo")]
        self._extra = [u for u in extra if isinstance(u, str)]
        self._nav = None
        self._listed: set[int] = set()
        self._parts: list[list[str]] = []

    def _learn(self, nav) -> None:
        self._nav = nav
        self._listed = {id(p) for p in nav.pages}
        urls = [*self._extra, *(_item_urls(nav.items))]
        if nav.homepage is not None:
            urls.append(nav.homepage.url)
        self._parts = [_parts(u) for u in urls]

    def key(self, page, nav) -> tuple | None:
        """The key of the page's navigation HTML (shared by its folder), or ``None`` if it is its own."""
        if page is None or nav is None or not page.url:
            return None
        if nav is not self._nav:
            self._learn(nav)
        if id(page) in self._listed or page.parent is not None or page in nav.pages:
            return None
        # As mkdocs.utils.get_relative_url: a last part with a dot is a file name, not a folder.
        folder, _, last = page.url.rpartition("/")
        mine = _parts(folder if "." in last else page.url)
        if not mine:
            return None
        k = len(mine)
        # Relative links depend only on ``mine``; its last part matters only to a URL below it.
        if any(p[:k] == mine for p in self._parts):
            return (tuple(mine), k)
        return (tuple(mine[:-1]), k)


def _item_urls(items) -> Iterator[str]:
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        yield from _item_urls(getattr(item, "children", None) or ())


def _parts(url: str) -> list[str]:
    return [p for p in url.split("/") if p and p != "."]
