"""The mkdocs fast path renders pages planned as blocks exactly as Python-Markdown renders their Markdown."""

from __future__ import annotations

import markdown
import pytest
from conftest import ROOT

from macros.frontends.fastpages import FastPages, render_blocks
from macros.frontends.generate import read_config
from macros.pipeline import load_site
from macros.plan import plan
from macros.render.markup import Block

CONFIG = read_config(ROOT / "mkdocs.yml")


def _extensions():
    names, configs = [], {}
    for ext in CONFIG["markdown_extensions"]:
        if isinstance(ext, dict):
            ((name, cfg),) = ext.items()
            names.append(name)
            configs[name] = cfg or {}
        else:
            names.append(ext)
    return names, configs


def _convert(text: str) -> tuple[str, list]:
    names, configs = _extensions()
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    return md.convert(text), md.toc_tokens


def _fast(pages: FastPages, path: str, body: str) -> tuple[str, list]:
    text = pages.markdown(path, body)
    if text == "":
        html, done, _ = pages.content(path, "")
        return html, done.toc_tokens
    html, toc = _convert(text)
    return pages.content(path, html)[0], toc


@pytest.fixture(scope="module", params=["mini", "real"])
def planned(request, mini_kb):
    site = mini_kb if request.param == "mini" else load_site(ROOT)
    return plan(site)


def test_every_page_planned_as_blocks_renders_as_python_markdown_does(planned):
    names, configs = _extensions()
    fast = FastPages(planned, configs.get("toc"), names)
    pages = [p for p in planned.pages if p.blocks]
    assert any(p.path.startswith("glossary/") for p in pages)
    assert any(p.path.startswith("frameworks/") for p in pages)
    for page in pages:
        assert _fast(fast, page.path, page.body) == _convert(page.body), page.path


def test_term_pages_skip_python_markdown_entirely(planned):
    names, configs = _extensions()
    fast = FastPages(planned, configs.get("toc"), names)
    term = next(p for p in planned.pages if p.path.startswith("glossary/") and p.blocks)
    assert fast.markdown(term.path, term.body) == ""


def test_a_changed_page_or_other_toc_settings_take_the_ordinary_path(planned):
    names, configs = _extensions()
    page = next(p for p in planned.pages if p.blocks)
    fast = FastPages(planned, configs.get("toc"), names)
    assert fast.markdown(page.path, page.body + "\n\nEdited.") == page.body + "\n\nEdited."
    other = FastPages(planned, {"permalink": "#"}, names)
    assert other.markdown(page.path, page.body) not in ("", page.body)  # placeholders, still exact


def test_headings_with_markdown_beyond_plain_text_are_left_to_python_markdown():
    assert render_blocks([Block("## A *b*", html=False)]) is not None  # escaped by md(): plain text
    assert render_blocks([Block("| a | b |\n|---|---|", html=False)]) is None


@pytest.mark.parametrize(
    "name",
    [
        "R&D <b>x</b> \"q\" 'a' ISO/IEC 42001:2023 Art. 3(23) — ü ñ",
        "a*b*c _d_ #e +f !g |h `i` [j](k) \\ back\\slash",
        "Same",
        "  spaced   out  ",
    ],
)
def test_headings_render_as_python_markdown_renders_them(name):
    from macros.render.markup import heading, para
    from macros.render.text import md

    blocks = [heading(1, md(name)), para("x"), heading(2, md(name)), heading(2, md(name)), para("y")]
    done = render_blocks(blocks)
    assert done is not None
    assert (done.html, done.toc_tokens) == _convert("\n\n".join(b.text for b in blocks))


def test_prose_with_code_and_blank_lines_renders_as_python_markdown_renders_it():
    from macros.render.markup import heading
    from macros.render.text import prose

    body = prose("Intro *x* <b>y</b>\n\n```\na\n\n\nb\n```\n\n- one\n\n- two\n\n    code\n\n    more")
    blocks = [heading(2, "A"), Block(body), heading(2, "B"), Block("<p>z</p>")]
    done = render_blocks(blocks)
    assert (done.html, done.toc_tokens) == _convert("\n\n".join(b.text for b in blocks))


@pytest.mark.parametrize("page,macro", [("glossary/index.md", "glossary_index"), ("compel-matrix.md", "compel_matrix")])
def test_pages_calling_a_listing_macro_render_as_python_markdown_does(planned, page, macro):
    from mkdocs.utils.meta import get_data

    names, configs = _extensions()
    fast = FastPages(planned, configs.get("toc"), names)
    source, _ = get_data((ROOT / "docs" / page).read_text(encoding="utf-8"))
    call = "{{ " + macro + "() }}"
    assert call in source
    body = source.replace(call, planned.macros[macro])  # what mkdocs-macros hands on
    assert fast.markdown(page, body) != body  # the fast path is taken
    assert _fast(fast, page, body) == _convert(body)
    # Output that is not a block of its own is left alone.
    inline = source.replace(call, "Before " + planned.macros[macro])
    assert fast.markdown(page, inline) == inline
