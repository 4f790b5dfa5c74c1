"""AI-governance knowledge base engine.

Data flows one way: ``load`` (YAML with file and line for every value) ->
``validate`` (collect every problem) -> ``model`` (frozen dataclasses) ->
``graph`` (networkx, derived) -> ``render`` (pure functions returning
Markdown/HTML/JSON strings) -> thin front-end glue (``mkdocs_plugin``,
``kbmacros``). Nothing upstream knows about mkdocs.
"""
