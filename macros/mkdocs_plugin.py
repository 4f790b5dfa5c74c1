"""mkdocs glue: validate first, add generated pages, write ``kb.json``.

Thin by design: every decision lives in the engine (load, validate, site,
render). Registered as the ``kb`` plugin through the package entry point, so
any folder with a ``mkdocs.yml`` can use it once the project is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import state
from .problems import DataError, format_report
from .render.export import kb_json
from .render.text import safe_title
from .site import plan_pages


class _Options(Config):
    assets = opt.Type(list, default=[])


class KnowledgeBasePlugin(BasePlugin[_Options]):
    """Loads the knowledge base once per build and emits its pages."""

    def on_config(self, config):
        """Validate all data before anything renders; stop with the same report as `make check`."""
        root = Path(config.config_file_path).resolve().parent
        self.root = root
        try:
            site = state.load_site(root)
        except DataError as err:
            print(format_report(err.problems), file=sys.stderr)
            raise Abort(f"Aborted: {len(err.problems)} data error(s); run `make check`.") from None
        state.set_current(site)
        self.site = site
        return config

    def on_files(self, files: Files, config) -> Files:
        """Add one virtual page per term, clause, framework and guide (nothing written to docs/)."""
        for page in plan_pages(self.site):
            files.append(File.generated(config, page.path, content=page.content))
        for spec in self.config.assets:
            src = (self.root / spec["from"]).resolve()
            if not src.exists():
                raise Abort(f"Aborted: asset {spec['from']} is missing; run `make setup`.")
            files.append(File.generated(config, spec["to"], abs_src_path=str(src)))
        return files

    def on_page_content(self, html: str, page, config, files) -> str:
        """Make the page title safe for themes that unescape it (Material's ``striptags``)."""
        if page.title:
            page.title = safe_title(page.title)
        return html

    def on_post_build(self, config) -> None:
        """Write the machine-readable export next to the site."""
        out = Path(config.site_dir) / "kb.json"
        out.write_text(kb_json(self.site, config.use_directory_urls), encoding="utf-8")
