"""Properties that hold for any text: extraction never raises, every span is honest."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coopwatch import extract
from coopwatch.model import Document

# Text built from the pieces that make the stages work hard: numbers with separators,
# currency signs, capitals, Arabic and Cyrillic letters, brackets and quotes.
_pieces = st.sampled_from(
    [
        "Le ministre",
        " de l'Industrie, ",
        "Yahia Bachir",
        " (AGM) ",
        "4,7 milliards de dinars",
        "$1.2 billion",
        " 612 emplois ",
        "mardi",
        "04.12.2025",
        "Algérie",
        "биélo",
        "Белоруссии",
        "وزير الصناعة",
        "مليار دولار",
        "«",
        "»",
        "\n",
        ". ",
        "-",
        "'",
    ]
)
_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_pieces, st.text(max_size=5)), max_size=40).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts, lang=st.sampled_from([None, "fr", "en", "ar", "ru", "xx"]))
# A letter without a Unicode name (a Tangut ideograph) beside Cyrillic: pymorphy3 raised.
@example(text="\U00017000\u0410", lang=None)
def test_extract_never_raises_and_spans_spell_their_surface(text: str, lang: str | None) -> None:
    doc = Document.create(text, source="hypothesis", lang=lang)
    extraction = extract(doc)
    for mention in extraction.mentions:
        assert 0 <= mention.start <= mention.end <= len(doc.text)
        assert doc.text[mention.start : mention.end] == mention.surface
    for event in extraction.events:
        for spans in event.evidence.values():
            for span in spans:
                assert 0 <= span.start < span.end <= len(doc.text)
