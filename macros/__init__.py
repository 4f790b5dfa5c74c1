"""AI-governance knowledge base engine.

Data flows one way: ``load`` (files -> documents that remember lines) ->
``rules`` (every structural and cross-file check, each message written once)
-> ``build`` (typed, frozen model; every dataclass in ``model``) -> ``site``
(the networkx concept graph and look-ups, built once) -> ``plan`` (every page,
file and asset the site needs, with no site engine involved) -> ``render``
(pure functions the plan calls) -> ``frontends`` (the writer, the mkdocs
plugin, the mkdocs-macros module and the Zensical guard). ``pipeline`` runs
the first steps for every caller. Only ``frontends`` imports a site engine.
"""
