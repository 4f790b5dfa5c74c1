"""mkdocs glue: run the build plan before mkdocs reads its docs; re-run it while serving.

Registered as the ``kb`` plugin through the package entry point. Every
feature lives upstream (pipeline, plan, writer); this module only wires
mkdocs events to :func:`~macros.frontends.generate.generate`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

from .generate import SOURCE_DOCS, GenerateError, generate, read_config, settings


class KnowledgeBasePlugin(BasePlugin):
    """Writes the generated docs folder at the start of every build."""

    def on_config(self, config):
        """Validate all data and write the plan; stop with the same report as `make check`."""
        path = Path(config.config_file_path).resolve()
        try:
            generate(settings(read_config(path), path.parent))
        except GenerateError as err:
            print(err, file=sys.stderr)
            raise Abort("Aborted: the knowledge base could not be generated; run `make check`.") from None
        return config

    def on_serve(self, server, config, builder):
        """`make serve` rebuilds when hand-written pages, glossary entries, catalogs or guides change."""
        project = Path(config.config_file_path).resolve().parent
        for folder in (SOURCE_DOCS, "glossary", "frameworks"):
            if (project / folder).is_dir():
                server.watch(str(project / folder))
        return server
