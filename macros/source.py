"""Safe, bounded YAML loading that remembers the line of every key and value.

Data files are plain data: no tags, no aliases, one document, UTF-8, bounded
size, node count and depth. Anything else becomes a :class:`Problem` with the
line it sits on, never an exception or a traceback. YAML is composed into a
node tree (libyaml when available) and converted here, so nothing is ever
constructed from a tag and an alias bomb costs at most ``MAX_NODES`` steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .vocab import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

Key = tuple[Any, ...]


@dataclass
class Doc:
    """One loaded data file: plain Python data plus where each part came from.

    Line maps are built on first use, i.e. only when a problem has to be located,
    by composing the text again: clean files never pay for them, and no node
    tree is kept alive (it was most of the loaded knowledge base's memory).
    """

    path: str
    data: Any
    text: str | None = None
    _lines: dict[Key, int] | None = field(default=None, repr=False)
    _key_lines: dict[Key, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Key, int]:
        """Key path -> 1-based line of its value."""
        if self._lines is None:
            self._index()
        return self._lines  # type: ignore[return-value]

    @property
    def key_lines(self) -> dict[Key, int]:
        """Key path -> 1-based line of its mapping key."""
        if self._key_lines is None:
            self._index()
        return self._key_lines  # type: ignore[return-value]

    def _index(self) -> None:
        self._lines, self._key_lines = {}, {}
        node = _compose(self.text) if self.text is not None else None
        stack: list[tuple[yaml.Node, Key]] = [(node, ())] if node is not None else []
        while stack:
            node, key = stack.pop()
            self._lines[key] = node.start_mark.line + 1
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    self._key_lines[(*key, k.value)] = k.start_mark.line + 1
                    stack.append((v, (*key, k.value)))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((v, (*key, i)) for i, v in enumerate(node.value))

    def line(self, *key: Any) -> int:
        """Line of the value at ``key``; falls back to the nearest enclosing value."""
        k = tuple(key)
        while k and k not in self.lines:
            k = k[:-1]
        return self.lines.get(k, 1)

    def key_line(self, *key: Any) -> int:
        """Line of the mapping key ``key`` (or of its value for list items)."""
        k = tuple(key)
        return self.key_lines.get(k) or self.line(*k)

    def problem(self, key: Key, message: str, hint: str = "", at_key: bool = False) -> Problem:
        """A problem located at the value (or key) of ``key``."""
        line = self.key_line(*key) if at_key else self.line(*key)
        return Problem(self.path, line, message, hint)


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0


class _Stop(Exception):
    """Conversion aborted; carries the problem to report."""

    def __init__(self, line: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def load_file(path: Path, rel: str) -> tuple[Doc | None, list[Problem]]:
    """Load one YAML data file; return the document or the problems that stop it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(rel, 0, f"cannot read file: {exc.strerror}")]
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                rel,
                1,
                f"file is too large ({size} bytes; the limit is {MAX_FILE_BYTES})",
                "split it or shorten the text",
            )
        ]
    raw = path.read_bytes()
    return load_bytes(raw, rel)


def load_bytes(raw: bytes, rel: str) -> tuple[Doc | None, list[Problem]]:
    """Load YAML from bytes (see :func:`load_file`)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start : exc.start + 1].hex()
        return None, [Problem(rel, line, f"file is not valid UTF-8 (byte 0x{bad})", "save the file as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "syntax error"
        return None, [Problem(rel, line, f"invalid YAML: {what}", "check indentation and quoting")]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 1, f"invalid YAML: {exc}")]
    if node is None:
        return None, [Problem(rel, 1, "file is empty", "see the README next to it for an example")]
    try:
        data = _convert(node, _Budget(), set(), 0)
    except _Stop as stop:
        return None, [Problem(rel, stop.line, stop.message, stop.hint)]
    return Doc(rel, data, text), []


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree of one document (libyaml when available); raises ``yaml.YAMLError``."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _convert(node: yaml.Node, budget: _Budget, seen: set[int], depth: int):
    budget.nodes += 1
    if budget.nodes > MAX_NODES:
        raise _Stop(_line(node), f"file has too many YAML nodes (limit {MAX_NODES})")
    if depth > MAX_DEPTH:
        raise _Stop(_line(node), f"YAML nested too deeply (limit {MAX_DEPTH} levels)")
    if id(node) in seen:
        raise _Stop(
            _line(node),
            "YAML anchors and aliases ('&name', '*name') are not allowed in data files",
            "write the value out in full",
        )
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, budget, seen, depth)
    if isinstance(node, yaml.SequenceNode):
        _check_tag(node, _TAG + "seq")
        return [_convert(item, budget, seen, depth + 1) for item in node.value]
    return _scalar(node)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node, budget, seen, depth) -> dict:
    _check_tag(node, _TAG + "map")
    out: dict[str, Any] = {}
    for knode, vnode in node.value:
        if not isinstance(knode, yaml.ScalarNode) or knode.tag == _TAG + "merge":
            raise _Stop(
                _line(knode), "mapping keys must be plain words", "remove '<<' merges and complex keys"
            )
        name = knode.value
        if name in out:
            raise _Stop(_line(knode), f"duplicate key '{name}'", "each key may appear once per mapping")
        out[name] = _convert(vnode, budget, seen, depth + 1)
    return out


def _check_tag(node: yaml.Node, expected: str) -> None:
    if node.tag != expected:
        raise _Stop(
            _line(node), f"YAML tag '{_short(node.tag)}' is not allowed in data files", "remove the tag"
        )


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _scalar(node: yaml.ScalarNode):
    tag = node.tag
    if tag not in _PLAIN_TAGS:
        raise _Stop(_line(node), f"YAML tag '{_short(tag)}' is not allowed in data files", "remove the tag")
    if tag == _TAG + "str" or tag == _TAG + "timestamp":
        # Dates stay text: the validator checks them and reports bad ones by line.
        return node.value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    if tag == _TAG + "int":
        return _CONSTRUCTOR.construct_yaml_int(node)
    return _CONSTRUCTOR.construct_yaml_float(node)
