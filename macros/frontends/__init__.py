"""Front ends: the only modules that know about a site engine.

``generate`` runs the pipeline and writes the plan into the folder both
engines read as docs; ``mkdocs_plugin`` and ``kbmacros`` are the thin wiring
for mkdocs and mkdocs-macros (which Zensical also runs); ``guard`` refuses a
``mkdocs.yml`` that relies on something Zensical would silently ignore.
"""
