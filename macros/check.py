"""Structural checks: one data file against its :class:`~.schema.Field` shape.

Every rule yields a :class:`Problem` located at the offending key or value;
nothing stops at the first mistake. Cross-file rules live in :mod:`.validate`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from . import vocab
from .problems import Problem, did_you_mean
from .schema import Field
from .source import Doc, Key

_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_TYPE_NAMES = {
    "map": "a mapping",
    "list": "a list",
    "bool": "true or false",
    "int": "a whole number",
}


def key_name(key: Key) -> str:
    """Human path of a key: ``references[2].relation``."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "document"


def check(doc: Doc, spec: Field, readme: str) -> list[Problem]:
    """All structural problems of ``doc`` against ``spec``; ``readme`` is named in hints."""
    return list(_check(doc, spec, doc.data, (), readme))


def check_at(doc: Doc, spec: Field, key: Key, readme: str) -> list[Problem]:
    """Structural problems of the part of ``doc`` at ``key`` (e.g. one catalog item)."""
    value = doc.data
    for part in key:
        value = value[part]
    return list(_check(doc, spec, value, key, readme))


def _check(doc: Doc, f: Field, value: Any, key: Key, readme: str) -> Iterator[Problem]:
    if f.kind == "map":
        yield from _check_map(doc, f, value, key, readme)
    elif f.kind == "list":
        yield from _check_list(doc, f, value, key, readme)
    else:
        yield from _check_scalar(doc, f, value, key)


def _type_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "empty"
    if isinstance(value, int | float):
        return "a number"
    return "text"


def _check_map(doc: Doc, f: Field, value: Any, key: Key, readme: str) -> Iterator[Problem]:
    if not isinstance(value, dict):
        yield doc.problem(key, f"'{key_name(key)}' must be a mapping, not {_type_of(value)}")
        return
    names = [x.name for x in f.fields]
    for name in value:
        if f.field(name) is None:
            hint = "" if did_you_mean(name, names) else f"allowed keys: {', '.join(names)}"
            yield doc.problem(
                (*key, name),
                f"unknown key '{key_name((*key, name))}'{did_you_mean(name, names)}",
                hint,
                at_key=True,
            )
    for sub in f.fields:
        if sub.name not in value:
            if sub.required:
                yield Problem(
                    doc.path,
                    doc.line(*key),
                    f"missing required key '{key_name((*key, sub.name))}'",
                    f"add '{sub.name}:'; {readme} has an example",
                )
            continue
        yield from _check(doc, sub, value[sub.name], (*key, sub.name), readme)


def _check_list(doc: Doc, f: Field, value: Any, key: Key, readme: str) -> Iterator[Problem]:
    if value is None and f.min_items == 0:
        value = []
    if not isinstance(value, list):
        yield doc.problem(key, f"'{key_name(key)}' must be a list, not {_type_of(value)}")
        return
    if len(value) < f.min_items:
        yield doc.problem(
            key, f"'{key_name(key)}' needs at least {f.min_items} item{'s' * (f.min_items > 1)}"
        )
    assert f.item is not None
    for i, item in enumerate(value):
        yield from _check(doc, f.item, item, (*key, i), readme)


def _check_scalar(doc: Doc, f: Field, value: Any, key: Key) -> Iterator[Problem]:
    name = key_name(key)
    if f.kind in _TYPE_NAMES and f.kind not in ("map", "list"):
        ok = (
            isinstance(value, bool)
            if f.kind == "bool"
            else (isinstance(value, int) and not isinstance(value, bool))
        )
        if not ok:
            yield doc.problem(key, f"'{name}' must be {_TYPE_NAMES[f.kind]}, not {_type_of(value)}")
        return
    if not isinstance(value, str):
        yield doc.problem(key, f"'{name}' must be text, not {_type_of(value)}", "quote the value")
        return
    text = value.strip()
    if not text:
        yield doc.problem(key, f"'{name}' must not be empty")
        return
    if vocab.TODO_MARKER in text:
        yield doc.problem(
            key, f"'{name}' still holds a {vocab.TODO_MARKER} placeholder", "replace it with real text"
        )
        return
    yield from _check_text_kind(doc, f, text, key, name)


def _check_text_kind(doc: Doc, f: Field, text: str, key: Key, name: str) -> Iterator[Problem]:
    if f.kind == "string" and "\n" in text:
        yield doc.problem(key, f"'{name}' must be a single line")
    elif f.kind == "id" and not vocab.ID_RE.match(text):
        yield doc.problem(
            key,
            f"'{name}' is not a valid id: '{text}'",
            "use lower-case letters and digits joined by single hyphens or dots",
        )
    elif f.kind == "ref" and not vocab.REF_RE.match(text):
        yield doc.problem(
            key,
            f"'{name}' is not a clause reference: '{text}'",
            "write <framework>:<clause>, e.g. eu-ai-act:art-25",
        )
    elif f.kind == "enum" and text not in f.choices:
        close = did_you_mean(text, f.choices)
        yield doc.problem(
            key,
            f"'{name}' has unknown value '{text}'{close}",
            "" if close else f"one of: {', '.join(f.choices)}",
        )
    elif f.kind == "date":
        yield from _check_date(doc, text, key, name)
    elif f.kind == "url" and not _URL_RE.match(text):
        yield doc.problem(key, f"'{name}' is not an http(s) URL: '{text}'")


def _check_date(doc: Doc, text: str, key: Key, name: str) -> Iterator[Problem]:
    try:
        if not re.match(vocab.DATE_PATTERN, text):
            raise ValueError
        dt.date.fromisoformat(text)
    except ValueError:
        yield doc.problem(key, f"'{name}' is not a valid date: '{text}'", "use YYYY-MM-DD")
