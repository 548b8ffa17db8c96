from coopwatch.analysis.keying import ArabicKeying, LatinKeying
from coopwatch.analysis.matcher import PhraseMatcher
from coopwatch.analysis.sentences import split_sentences
from coopwatch.analysis.tokens import tokenize
from coopwatch.text import normalise_text


def test_normalise_unifies_quotes_spaces_and_digits():
    raw = "L’Algérie\u00a0 et  la «Biélorussie»\r\n\r\n\r\n٣٠٠ مليون"
    assert normalise_text(raw) == "L'Algérie et la «Biélorussie»\n\n300 مليون"


def test_normalise_is_idempotent_and_drops_arabic_marks():
    once = normalise_text("وَزِيرُ الصِّنَاعَةِ")
    assert once == "وزير الصناعة"
    assert normalise_text(once) == once


def test_tokens_split_apostrophes_and_hyphens():
    assert [t.text for t in tokenize("l'Algérie, Al-Naama")] == [
        "l",
        "'",
        "Algérie",
        ",",
        "Al",
        "-",
        "Naama",
    ]


def test_latin_keying_folds_accents_and_plurals():
    keying = LatinKeying(["s", "x", "e"])
    matcher = PhraseMatcher(keying)
    matcher.add("machine agricole", "28")
    tokens = tokenize("des Machines Agricoles et des tracteurs")
    keys = [keying.text_keys(t.text) for t in tokens]
    found = matcher.find(tokens, keys)
    assert [(m.first, m.last, m.payloads) for m in found] == [(1, 3, ("28",))]


def test_acronyms_match_only_in_capitals():
    keying = LatinKeying(["s"])
    matcher = PhraseMatcher(keying)
    matcher.add("US", "US")
    for text, expected in (("the US and us", 1), ("let us", 0)):
        tokens = tokenize(text)
        found = matcher.find(tokens, [keying.text_keys(t.text) for t in tokens])
        assert len(found) == expected


def test_exact_marker_keeps_tense():
    keying = LatinKeying(["s", "e"])
    matcher = PhraseMatcher(keying)
    matcher.add("=signeront", "pledge")
    tokens = tokenize("ils signeront puis signent")
    found = matcher.find(tokens, [keying.text_keys(t.text) for t in tokens])
    assert [tokens[m.first].text for m in found] == ["signeront"]


def test_arabic_keying_strips_clitics():
    keying = ArabicKeying(["و", "ب", "ل", "ال", "وال", "بال", "لل"])
    matcher = PhraseMatcher(keying)
    matcher.add("الجزائر", "DZ")
    matcher.add("وزير", "minister")
    tokens = tokenize("والجزائر وللجزائر ووزير الجزائر")
    found = matcher.find(tokens, [keying.text_keys(t.text) for t in tokens])
    assert [m.payloads[0] for m in found] == ["DZ", "DZ", "minister", "DZ"]


def test_arabic_keying_reads_the_indefinite_accusative_without_its_alef():
    keying = ArabicKeying(["و", "ب", "ل", "ال"])
    matcher = PhraseMatcher(keying)
    matcher.add("اتفاق", "agreement")
    matcher.add("مصنع", "plant")
    tokens = tokenize("وقع البلدان اتفاقا لإنشاء مصنعا في روسيا كما")
    found = matcher.find(tokens, [keying.text_keys(t.text) for t in tokens])
    assert [m.payloads[0] for m in found] == ["agreement", "plant"]


def test_sentences_respect_abbreviations_and_lines():
    text = "Titre\nM. Bachir a reçu la délégation. Les deux parties ont signé. Fin"
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Titre",
        "M. Bachir a reçu la délégation.",
        "Les deux parties ont signé.",
        "Fin",
    ]
