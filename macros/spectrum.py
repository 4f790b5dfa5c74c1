"""The modification spectrum: from prompting to RLHF, how control, cost and accountability grow.

Data: ``frameworks/spectrum.yml`` (one file). Each step names a glossary
term, so the page links every step to its term page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .check import check
from .model import KnowledgeBase
from .problems import Problem, did_you_mean
from .schema import Field
from .source import load_file

PATH = "frameworks/spectrum.yml"
SCORE = "int"
STEP = Field(
    "",
    "map",
    fields=(
        Field("term", "id", "Glossary term id of this step."),
        Field("changes_weights", "bool", "true when the step changes model weights."),
        Field("control", SCORE, "Control over behaviour, 1 (least) to 5 (most)."),
        Field("cost", SCORE, "Cost and effort, 1 to 5."),
        Field("accountability", SCORE, "Accountability the organisation takes on, 1 to 5."),
        Field("summary", "text", "What the step means for governance, in one or two sentences."),
    ),
)
SPECTRUM = Field(
    "",
    "map",
    fields=(
        Field("title", "string", "Page title."),
        Field("intro", "markdown", "Introduction, citing the seed article."),
        Field("steps", "list", "Steps from least to most modification.", item=STEP, min_items=3),
    ),
)


@dataclass(frozen=True)
class Step:
    """One step of the spectrum."""

    term: str
    changes_weights: bool
    control: int
    cost: int
    accountability: int
    summary: str


@dataclass(frozen=True)
class Spectrum:
    """The whole spectrum, in order."""

    title: str
    intro: str
    steps: tuple[Step, ...]


def load_spectrum(
    root: Path, kb: KnowledgeBase, problems: list[Problem], known_terms: set[str]
) -> Spectrum | None:
    """Load and check the spectrum file (absent file: no spectrum page)."""
    path = root / PATH
    if not path.exists():
        return None
    doc, errs = load_file(path, PATH)
    problems += errs
    if doc is None:
        return None
    found = check(doc, SPECTRUM, "frameworks/README.md")
    if not found:
        for i, step in enumerate(doc.data["steps"]):
            for k in ("control", "cost", "accountability"):
                if not 1 <= step[k] <= 5:
                    found.append(
                        doc.problem(("steps", i, k), f"'{k}' must be between 1 and 5, not {step[k]}")
                    )
            if step["term"] not in known_terms:
                found.append(
                    doc.problem(
                        ("steps", i, "term"),
                        f"term '{step['term']}' does not exist{did_you_mean(step['term'], known_terms)}",
                    )
                )
            if i and step["accountability"] < doc.data["steps"][i - 1]["accountability"]:
                found.append(
                    doc.problem(
                        ("steps", i, "accountability"),
                        "accountability must not fall along the spectrum",
                        "order steps from least to most modification",
                    )
                )
    problems += found
    if found:
        return None
    d = doc.data
    steps = tuple(
        Step(**{k: (v.strip() if isinstance(v, str) else v) for k, v in s.items()}) for s in d["steps"]
    )
    return Spectrum(d["title"].strip(), d["intro"].strip(), steps)
