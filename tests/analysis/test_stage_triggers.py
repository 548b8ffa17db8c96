"""Stage ``triggers``: event triggers with their type, cooperation cues, negations and
off-topic vocabulary."""

from __future__ import annotations

import pytest

from coopwatch.model import Label


@pytest.fixture
def triggers(analysed):
    """(surface, value, kind) of the TRIGGER mentions of a text."""

    def run(text, lang=None):
        return [
            (m.surface, m.value, m.attrs["kind"]) for m in analysed(text, lang).of(Label.TRIGGER)
        ]

    return run


def steps(found):
    return [(surface, value) for surface, value, kind in found if kind == "trigger"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les deux pays ont signé un mémorandum. Ils signeront un accord.",
            [("ont signé", "agreement"), ("signeront", "pledge")],
        ),
        (
            "India and Japan signed an agreement. They will sign a deal.",
            [("signed", "agreement"), ("will sign", "pledge")],
        ),
        (
            "Стороны подписали соглашение и подпишут контракт.",
            [("подписали", "agreement"), ("подпишут", "pledge")],
        ),
        (
            "وقع البلدان اتفاقية وسيوقعان مذكرة تفاهم.",
            [("وقع", "agreement"), ("وسيوقعان", "pledge")],
        ),
    ],
)
def test_past_signing_is_agreement_future_signing_is_pledge(triggers, text, expected):
    assert steps(triggers(text)) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Le ministre a inauguré l'usine de montage.", "a inauguré"),
        ("The plant was inaugurated by the minister.", "inaugurated"),
        ("Завод был открыт в Минске.", "был открыт"),
        ("وتم تدشين المصنع بالجزائر.", "تدشين"),
    ],
)
def test_inauguration_is_implementation(triggers, text, surface):
    assert steps(triggers(text)) == [(surface, "implementation")]


def test_meeting_triggers(triggers):
    found = steps(triggers("Le ministre a reçu l'ambassadeur et s'est entretenu avec lui."))
    assert found == [("a reçu", "meeting"), ("s'est entretenu", "meeting")]


def test_cooperation_cues_are_not_steps(triggers):
    found = triggers("Les deux pays ont signé un mémorandum d'entente.")
    assert ("mémorandum d'entente", None, "cooperation") in found


@pytest.mark.parametrize(
    ("text", "negation"),
    [
        ("Les deux pays n'ont pas signé l'accord.", "n'ont pas"),
        ("India refused to sign the agreement.", "refused"),
        ("La signature de l'accord a été reportée.", "reportée"),
    ],
)
def test_negations_are_tagged(triggers, text, negation):
    assert (negation, None, "negation") in triggers(text)


def test_sport_vocabulary_is_off_topic(analysed):
    analysis = analysed("L'équipe nationale a battu la Tunisie en match amical.")
    assert [m.surface for m in analysis.of(Label.OFF_TOPIC)] == ["équipe nationale", "match amical"]
    assert analysis.of(Label.TRIGGER) == []


def test_arabic_technical_is_not_intent_read_after_a_clitic(triggers):
    # "فنية" (technical) is not "ف" + "نية" (intent); "نية" and "نيتهما" stay pledges.
    technical = triggers("وقرر البلدان إنشاء لجنة فنية مشتركة.")
    assert not any(surface == "فنية" for surface, _, _ in technical)
    intent = triggers("وأعرب الوزير عن نية بلاده الاستثمار في المغرب.")
    assert ("نية", "pledge", "trigger") in intent
    dual = triggers("وأكد الجانبان نيتهما إنشاء مصنع مشترك.")
    assert ("نيتهما", "pledge", "trigger") in dual


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Le premier tronçon a été ouvert à la circulation dimanche.", "ouvert à la circulation"),
        ("The new bridge was opened to traffic on Sunday.", "opened to traffic"),
        ("The first container of chilled beef arrived on Sunday.", "first container"),
    ],
)
def test_opening_and_first_arrivals_are_implementation(triggers, text, surface):
    assert (surface, "implementation") in steps(triggers(text))


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Les travaux avaient été lancés le 8 octobre 2019.", "avaient été lancés"),
        ("Ebro opened its first Mexican factory on March 14, 2016.", "opened its first"),
    ],
)
def test_past_perfect_and_first_openings_are_implementation(triggers, text, surface):
    assert (surface, "implementation") in steps(triggers(text))
