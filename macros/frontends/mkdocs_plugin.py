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

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.toc import get_toc

from .fastpages import FastPages
from .generate import SOURCE_DOCS, GenerateError, generate_plan, read_config, settings


class KnowledgeBasePlugin(BasePlugin):
    """Writes the generated docs folder at the start of every build."""

    fast: FastPages | None = None

    def on_config(self, config):
        """Validate all data and write the plan; stop with the same report as `make check`."""
        path = Path(config.config_file_path).resolve()
        try:
            the_plan, _ = generate_plan(settings(read_config(path), path.parent))
        except GenerateError as err:
            print(err, file=sys.stderr)
            raise Abort("Aborted: the knowledge base could not be generated; run `make check`.") from None
        self.fast = FastPages(the_plan, config["mdx_configs"].get("toc"), config["markdown_extensions"])
        return config

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
