"""mkdocs glue: validate first, add generated pages, feed search, link terms, write ``kb.json``.

Thin by design: every decision lives in the engine (load, validate, site,
render, search, autolink). Registered as the ``kb`` plugin through the package
entry point, so any folder with a ``mkdocs.yml`` can use it once the project
is installed.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from . import search, state
from .autolink import Labels, link_first_mentions, link_generated_page
from .calls import expand
from .problems import DataError, format_report
from .render import paths
from .render.export import kb_json, page_url
from .render.redirect import alias_slugs, redirect_html
from .render.text import safe_title
from .site import plan_pages
from .vocab import CATEGORIES

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class _Options(Config):
    assets = opt.Type(list, default=[])
    autolink = opt.Type(bool, default=True)


class KnowledgeBasePlugin(BasePlugin[_Options]):
    """Loads the knowledge base once per build and emits its pages."""

    def on_config(self, config):
        """Validate all data before anything renders; stop with the same report as `make check`."""
        root = Path(config.config_file_path).resolve().parent
        try:
            site = state.load_site(root)
        except DataError as err:
            print(format_report(err.problems), file=sys.stderr)
            raise Abort(f"Aborted: {len(err.problems)} data error(s); run `make check`.") from None
        state.set_current(site)
        self.site = site
        self.labels = Labels.build(site.kb)
        self.pages = {paths.term(t): ("term", t) for t in site.kb.terms}
        self.pages.update({paths.clause(r): ("clause", r) for r in site.kb.clauses})
        self.plan = plan_pages(site)
        self.generated = {p.path for p in self.plan}
        # The model and graph live for the whole build; without this, every full
        # garbage collection rescans them, which makes large builds superlinear.
        gc.freeze()
        return config

    def on_files(self, files: Files, config) -> Files:
        """Add the generated pages, vendored assets and alias redirects (nothing is written to docs/)."""
        for page in self.plan:
            files.append(File.generated(config, page.path, content=page.content))
        for spec in self.config.assets:
            # Relative to the project (where `make setup` installs node_modules), so
            # standalone copies such as synth.py's outputs find the same files.
            src = (PROJECT_ROOT / spec["from"]).resolve()
            if not src.exists():
                raise Abort(f"Aborted: asset {spec['from']} is missing; run `make setup`.")
            files.append(File.generated(config, spec["to"], abs_src_path=str(src)))
        self._add_redirects(files, config)
        return files

    def _add_redirects(self, files: Files, config) -> None:
        dirs = config.use_directory_urls
        for alias, tid in alias_slugs(self.site.kb).items():
            src = f"glossary/{alias}/index.html" if dirs else f"glossary/{alias}.html"
            if files.get_file_from_path(src) is not None:
                continue
            target = get_relative_url(
                page_url(paths.term(tid), dirs), src if not dirs else f"glossary/{alias}/"
            )
            html = redirect_html(target, self.site.kb.terms[tid].term)
            files.append(File.generated(config, src, content=html))

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Expand generated pages' macro call; set search keywords and browsing tags."""
        if page.file.src_uri in self.generated:
            rendered = expand(self.site, markdown)
            if rendered is not None:
                # Same function mkdocs-macros would call, without a Jinja pass over the page.
                page.meta["render_macros"] = False
                markdown = rendered
        kind, key = self.pages.get(page.file.src_uri, (None, None))
        if kind == "term":
            t = self.site.kb.terms[key]
            page.meta["tags"] = search.term_keywords(t)
            # Only controlled-vocabulary names: themes render tag names unescaped.
            page.meta["kb_tags"] = [
                CATEGORIES[t.category],
                *(f"Stage: {s.title()}" for s in t.compel.stages),
                *(f"Pillar: {p.title()}" for p in t.compel.pillars),
            ]
        elif kind == "clause":
            page.meta["tags"] = search.clause_keywords(self.site.kb.clauses[key])
        return markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        """Link first mentions of terms; make the title safe for themes that unescape it."""
        if page.title:
            page.title = safe_title(page.title)
        if not self.config.autolink:
            return html
        kind, key = self.pages.get(page.file.src_uri, (None, None))
        dirs = config.use_directory_urls
        terms = self.site.kb.terms
        # Generated pages: only their prose blocks (not link lists and tables).
        link = link_generated_page if page.file.src_uri in self.generated else link_first_mentions
        return link(
            html,
            self.labels,
            key if kind == "term" else None,
            lambda tid: get_relative_url(page_url(paths.term(tid), dirs), page.url),
            lambda tid: terms[tid].summary,
        )

    def on_serve(self, server, config, builder):
        """`make serve` rebuilds when glossary entries, catalogs or guides change."""
        root = Path(config.config_file_path).resolve().parent
        for folder in ("glossary", "frameworks"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    def on_post_build(self, config) -> None:
        """Write the machine-readable export next to the site."""
        out = Path(config.site_dir) / "kb.json"
        out.write_text(kb_json(self.site, config.use_directory_urls), encoding="utf-8")
        gc.unfreeze()  # let `mkdocs serve` rebuilds free the previous model

    def on_build_error(self, error) -> None:
        """Undo the freeze when a build fails."""
        gc.unfreeze()
