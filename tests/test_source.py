"""Safe YAML loading: hostile input gets one clear, located error in bounded time."""

from __future__ import annotations

import time

import pytest

from macros.source import load_bytes
from macros.vocab import MAX_FILE_BYTES


def messages(raw: bytes) -> list[str]:
    doc, problems = load_bytes(raw, "glossary/x.yml")
    assert doc is None
    return [p.format() for p in problems]


def test_plain_data_keeps_key_and_value_lines():
    doc, problems = load_bytes(b"a: 1\nb:\n  - x\n  - y\nc: 2026-01-02\n", "f.yml")
    assert problems == []
    assert doc.data == {"a": 1, "b": ["x", "y"], "c": "2026-01-02"}
    assert doc.line("b", 1) == 4
    assert doc.key_line("c") == 5


def test_billion_laughs_is_refused_quickly():
    lines = [b'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9).encode()
        lines.append(f"a{i}: &a{i} [".encode() + refs + b"]")
    start = time.perf_counter()
    out = messages(b"\n".join(lines) + b"\n")
    assert time.perf_counter() - start < 1.0
    assert out == [
        "glossary/x.yml:1: error: YAML anchors and aliases ('&name', '*name') are not allowed "
        "in data files (hint: write the value out in full)"
    ]


def test_python_tags_are_never_constructed():
    out = messages(b'term: !!python/object/apply:os.system ["touch /tmp/pwned"]\n')
    assert out == [
        "glossary/x.yml:1: error: YAML tag '!!python/object/apply:os.system' is not allowed "
        "in data files (hint: remove the tag)"
    ]


def test_custom_tags_on_collections_are_refused():
    out = messages(b"a: 1\nb: !!set {x: null}\n")
    assert out == [
        "glossary/x.yml:2: error: YAML tag '!!set' is not allowed in data files (hint: remove the tag)"
    ]


def test_non_utf8_bytes_report_their_line():
    out = messages(b"id: x\nterm: caf\xe9\n")
    assert out == [
        "glossary/x.yml:2: error: file is not valid UTF-8 (byte 0xe9) (hint: save the file as UTF-8)"
    ]


def test_empty_and_comment_only_files():
    for raw in (b"", b"   \n", b"# nothing here\n"):
        assert messages(raw) == [
            "glossary/x.yml:1: error: file is empty (hint: see the README next to it for an example)"
        ]


def test_syntax_error_is_located():
    out = messages(b"id: x\nterm: [unclosed\nsummary: y\n")
    assert len(out) == 1 and out[0].startswith("glossary/x.yml:3: error: invalid YAML:")


def test_duplicate_keys_are_errors_not_silently_overwritten():
    assert messages(b"id: x\nterm: a\nterm: b\n") == [
        "glossary/x.yml:3: error: duplicate key 'term' (hint: each key may appear once per mapping)"
    ]


def test_merge_keys_are_refused():
    out = messages(b"base: {a: 1}\nother:\n  <<: {b: 2}\n")
    assert out == [
        "glossary/x.yml:3: error: mapping keys must be plain words (hint: remove '<<' merges and complex keys)"
    ]


def test_deep_nesting_is_bounded():
    raw = b"a: " + b"[" * 200 + b"]" * 200 + b"\n"
    out = messages(raw)
    assert len(out) == 1 and "nested too deeply" in out[0]


def test_too_many_nodes_is_bounded():
    raw = b"a: [" + b", ".join([b"1"] * 30_000) + b"]\n"
    start = time.perf_counter()
    out = messages(raw)
    assert time.perf_counter() - start < 2.0
    assert out == ["glossary/x.yml:1: error: file has too many YAML nodes (limit 20000)"]


def test_huge_file_is_refused_before_parsing(tmp_path):
    from macros.source import load_file

    path = tmp_path / "big.yml"
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES + 1) + b"\n")
    doc, problems = load_file(path, "glossary/big.yml")
    assert doc is None
    assert [p.format() for p in problems] == [
        f"glossary/big.yml:1: error: file is too large ({MAX_FILE_BYTES + 5} bytes; the limit is "
        f"{MAX_FILE_BYTES}) (hint: split it or shorten the text)"
    ]


@pytest.mark.parametrize("raw", [b"- a\n- b\n", b"just text\n"])
def test_non_mapping_documents_load_for_the_checker(raw):
    doc, problems = load_bytes(raw, "f.yml")
    assert problems == [] and doc is not None
