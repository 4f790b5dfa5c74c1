"""The template a new glossary entry starts from: every key, with TODO markers.

`make check` rejects any value still holding ``TODO``, so a scaffolded entry
fails validation until every field is filled in. The first line points editors
that use the YAML language server at the published schema, so they complete
and check keys as you type.
"""

from __future__ import annotations

import datetime as dt

from . import vocab

#: First line of a new entry: the schema, relative to the entry's folder (``glossary/``).
SCHEMA_MODELINE = "# yaml-language-server: $schema=schemas/entry.schema.json"


def _choices(values) -> str:
    return ", ".join(values)


def template(term_id: str, term: str, today: dt.date | None = None) -> str:
    """YAML text of a new entry for ``term_id`` / ``term``."""
    today = today or dt.date.today()
    name = term.replace('"', "'")
    return f"""\
{SCHEMA_MODELINE}
# New glossary entry. Fill in every TODO, then run `make check`.
# Format and an example: glossary/README.md and glossary/fine-tuning.yml.
id: {term_id}
term: "{name}"
aliases: []            # other names, spellings, plurals, e.g. [fine tuning, fine-tuned]
acronyms: []           # e.g. [PEFT]
category: TODO         # one of: {_choices(vocab.CATEGORIES)}
summary: >-
  TODO: one or two plain sentences, in your own words.
explanation: |
  TODO: what it is, in your own words (Markdown).
why_it_matters: |
  TODO: why a governance team should care (Markdown).
compel:
  pillars: [TODO]      # any of: {_choices(vocab.COMPEL_PILLARS)}
  stages: [TODO]       # any of: {_choices(vocab.COMPEL_STAGES)}
  usage: |
    TODO: how it applies in those stages (Markdown).
references:            # clause ids: frameworks/README.md
  - ref: TODO          # e.g. eu-ai-act:art-25, nist-ai-rmf:govern-1.1, iso-42001:a.6.2.4, compel:model
    relation: TODO     # one of: {_choices(vocab.REFERENCE_RELATIONS)}
    note: TODO what the clause says about the term.
related:
  - term: TODO         # id of another entry (file name without .yml)
    relation: TODO     # one of: {_choices(vocab.TERM_RELATIONS)}
definitions: []        # definitions the frameworks give, or [] when none do:
  # - source: EU AI Act
  #   locator: Art. 3(4)
  #   ref: eu-ai-act:art-3
  #   paraphrase: In your own words.
  #   jurisdiction: EU   # one of: {_choices(vocab.JURISDICTIONS)}
  #   binding: true
  #   status: binding-text   # one of: {_choices(vocab.SOURCE_STATUSES)}
# definitions_note: >-   # with two or more definitions: how they differ, in 1-3 sentences
sources:
  - title: TODO
    url: TODO          # https link; or replace with document: and locator:
review:
  status: draft        # one of: {_choices(vocab.REVIEW_STATUSES)}
  last_reviewed: {today.isoformat()}
"""
