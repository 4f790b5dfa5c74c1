"""First-mention auto-linking: where it links, where it never does."""

from __future__ import annotations

import pytest
from conftest import MINI

from macros.autolink import Labels, link_generated_page
from macros.pipeline import load_kb


@pytest.fixture(scope="module")
def labels():
    kb, _ = load_kb(MINI)
    return Labels.build(kb)


def run(html, labels, self_id=None, prose_only=False):
    """Link ``html``; unless ``prose_only``, as the body of one prose block (how renderers emit prose)."""
    wrapped = html if prose_only else f'<div class="kb-prose">{html}</div>'
    out = link_generated_page(wrapped, labels, self_id, lambda t: f"../{t}/", lambda t: f"about {t}")
    return out if prose_only else out[len('<div class="kb-prose">') : -len("</div>")]


def test_first_mention_only_with_summary_tooltip(labels):
    out = run("<p>Fine-tuning is costly. Fine-tuning again.</p>", labels)
    assert out == (
        '<p><a class="kb-autolink" href="../fine-tuning/" title="about fine-tuning">Fine-tuning</a>'
        " is costly. Fine-tuning again.</p>"
    )


def test_aliases_and_case_sensitive_acronyms(labels):
    assert 'href="../lora/"' in run("<p>We used LoRA.</p>", labels)
    assert "kb-autolink" not in run("<p>the word lora in lower case is not the acronym</p>", labels)
    assert 'href="../lora/"' in run("<p>low rank adaptation</p>", labels)


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Fine-tuning</h2>",
        "<p><code>fine-tuning</code></p>",
        "<pre>fine-tuning</pre>",
        '<p><a href="x">fine-tuning</a></p>',
        "<script>var t = 'fine-tuning';</script>",
        "<button>Fine-tuning</button>",
    ],
)
def test_never_inside_headings_code_links_or_scripts(labels, html):
    assert run(html, labels) == html


def test_never_a_self_link(labels):
    assert run("<p>Fine-tuning and LoRA</p>", labels, self_id="fine-tuning").count("kb-autolink") == 1


def test_longest_label_wins_and_inner_labels_are_not_linked(labels):
    out = run("<p>low rank adaptation</p>", labels)
    assert out.count("<a ") == 1


def test_generated_pages_link_only_inside_prose_blocks(labels):
    html = (
        '<ul><li>LoRA in a list</li></ul><p class="kb-summary">About FT.</p>'
        '<div class="kb-prose"><p>LoRA in prose, <code>FT</code></p></div><p>fine-tuning</p>'
    )
    out = run(html, labels, self_id="provider", prose_only=True)
    assert out.startswith("<ul><li>LoRA in a list</li></ul>")
    assert '">FT</a>.</p>' in out and ">LoRA</a> in prose, <code>FT</code>" in out
    assert out.endswith("<p>fine-tuning</p>")


def test_escaped_text_stays_escaped(labels):
    out = run("<p>&lt;script&gt; fine-tuning &amp; more</p>", labels)
    assert out.startswith("<p>&lt;script&gt; <a ") and out.endswith("&amp; more</p>")
