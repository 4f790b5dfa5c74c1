"""mkdocs glue: run the build plan before mkdocs reads its docs; re-run it while serving.

Registered as the ``kb`` plugin through the package entry point. Every
feature lives upstream (pipeline, plan, writer); this module only wires
mkdocs events to :func:`~macros.frontends.generate.generate_plan` and, for
pages planned as blocks, to :class:`~macros.frontends.fastpages.FastPages`.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.toc import get_toc

from . import navcache, oldsite
from .fastpages import FastPages
from .generate import SOURCE_DOCS, GenerateError, generate_plan, read_config, settings
from .passthrough import SiteWriter
from .splitbuild import MIN_PAGES, SplitBuild, usable


class KnowledgeBasePlugin(BasePlugin):
    """Writes the generated docs folder at the start of every build."""

    # ``nav_cache: false`` renders the navigation for every page, ``split_build: false`` writes
    # every page in this process (tests compare each with its shortcut); ``split_min_pages``:
    # smaller sites are written in one process (a fork costs more than it saves).
    config_scheme = (
        ("nav_cache", config_options.Type(bool, default=True)),
        ("split_build", config_options.Type(bool, default=True)),
        ("split_min_pages", config_options.Type(int, default=MIN_PAGES)),
    )

    fast: FastPages | None = None
    #: Writes the plan's pass-through files (redirects, graph data) into the site.
    direct: SiteWriter | None = None
    #: Writes part of the pages in a forked child (this build only).
    split: SplitBuild | None = None
    #: Deletes the last build's site, moved aside (this build only).
    old_site = None
    #: ``mkdocs build --dirty`` or ``serve --dirty``: the old site stays (mkdocs' choice).
    dirty = False

    def on_startup(self, *, command, dirty):
        """Remember whether builds keep the old site (``--dirty``)."""
        self.dirty = dirty or command == "serve"

    def on_pre_build(self, config):
        """Move the last build's site aside at once, and delete it beside this build."""
        if not self.dirty:
            self.old_site = oldsite.clear(config["site_dir"])

    def on_config(self, config):
        """Validate all data and write the plan; stop with the same report as `make check`."""
        path = Path(config.config_file_path).resolve()
        try:
            # Pass-through files go from memory to the site (on_files), not through build/docs.
            the_plan, _ = generate_plan(settings(read_config(path), path.parent), direct=True)
        except GenerateError as err:
            print(err, file=sys.stderr)
            raise Abort("Aborted: the knowledge base could not be generated; run `make check`.") from None
        self.fast = FastPages(the_plan, config["mdx_configs"].get("toc"), config["markdown_extensions"])
        self.direct = SiteWriter({p: the_plan.files[p] for p in the_plan.passthrough})
        return config

    def on_files(self, files, config):
        """Start writing the pass-through files into the freshly cleaned site, beside mkdocs' work."""
        if self.direct is not None:
            for path in self.direct.files:
                found = files.get_file_from_path(path)  # none: the writer leaves them out of docs_dir
                if found is not None:
                    files.remove(found)
            self.direct.start(Path(config["site_dir"]))
        return files

    # First: other plugins' post_build (the offline plugin's, say) may read the written pages.
    @event_priority(100)
    def on_post_build(self, config):
        """Every page and pass-through file is in the site before the build ends."""
        split, self.split = self.split, None
        if split is not None:
            split.finish()
        if self.direct is not None:
            self.direct.finish()
        self._old_site_gone()

    def on_build_error(self, error):
        """A failed build leaves no child process behind and mkdocs' page writing as it was."""
        split, self.split = self.split, None
        if split is not None:
            split.abandon()
        self._old_site_gone()

    def _old_site_gone(self) -> None:
        # Deleting never fails the build: what is left is deleted by the next one.
        old, self.old_site = self.old_site, None
        if old is not None:
            old.result_quietly()

    def on_env(self, env, config, files):
        """Material's navigation is rendered once per folder for pages it does not list."""
        # Templates cannot change during one build (a fresh environment is made for every
        # build); without this, Jinja checks each one's file on disk at every include.
        env.auto_reload = False
        if self.config.get("nav_cache", True):
            navcache.install(env, config)
        if self.config.get("split_build", True) and usable(config):
            self.split = SplitBuild(self.config.get("split_min_pages", MIN_PAGES))
            self.split.install()
        return env

    # After every other plugin's: hand-written pages must have their macros expanded by then.
    @event_priority(-50)
    def on_page_markdown(self, markdown, page, config, files):
        """Generated pages planned as blocks: at most their headings go through Python-Markdown."""
        if not self.fast:
            return markdown
        text = self.fast.markdown(page.file.src_uri, markdown)
        if self.fast.rendered(page.file.src_uri):
            # Nothing is left to convert: skip building a Markdown instance with every extension
            # (about a millisecond a page); on_page_content hands mkdocs the finished page.
            page.render = functools.partial(_nothing_to_render, page)
        return text

    def on_page_content(self, html, page, config, files):
        """The page's finished HTML; its ids count as anchors for link validation."""
        if not self.fast:
            return html
        html, rendered, ids = self.fast.content(page.file.src_uri, html)
        if rendered is not None:
            page.toc = get_toc(rendered.toc_tokens)
        if ids:
            page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
        return html

    def on_serve(self, server, config, builder):
        """`make serve` rebuilds when hand-written pages, glossary entries, catalogs or guides change."""
        project = Path(config.config_file_path).resolve().parent
        for folder in (SOURCE_DOCS, "glossary", "frameworks"):
            if (project / folder).is_dir():
                server.watch(str(project / folder))
        return server


def _nothing_to_render(page, config, files) -> None:
    """``Page.render`` for a page rendered by FastPages: its HTML, TOC and anchors come next."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
