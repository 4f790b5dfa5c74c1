"""Pure renderers: model and graph in, Markdown/HTML strings out.

Every piece of YAML text passes through :mod:`.text` on its way out, so it is
escaped (plain text) or rendered and sanitised (Markdown prose). Renderers
never read files and never see mkdocs.
"""
