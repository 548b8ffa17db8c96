"""Stage ``persons``: titles, the persons they introduce, their role and country."""

from __future__ import annotations

import pytest

from coopwatch.model import Label


@pytest.fixture
def persons(analysed):
    """The PERSON mentions of a text (and the analysis they come from)."""

    def run(text, lang=None):
        analysis = analysed(text, lang)
        return analysis.of(Label.PERSON)

    return run


BACHIR_TWICE = (
    "Le ministre de l'Industrie, Yahia Bachir, a reçu la délégation. M. Bachir a salué la visite."
)


def test_french_title_with_portfolio_then_name(persons):
    found = persons("Le ministre de l'Industrie, Yahia Bachir, a reçu la délégation.")
    assert [(p.surface, p.value, p.attrs["role"]) for p in found] == [
        ("Yahia Bachir", "Yahia Bachir", "minister")
    ]


def test_french_name_before_title(persons):
    found = persons("Yahia Bachir, ministre de l'Industrie, a reçu la délégation biélorusse.")
    assert [(p.value, p.attrs["role"]) for p in found] == [("Yahia Bachir", "minister")]


def test_english_prime_minister_gets_country_from_adjective(persons):
    found = persons("Indian Prime Minister Narendra Modi met the Japanese delegation.")
    modi = found[0]
    assert (modi.value, modi.attrs["role"], modi.attrs["country"]) == (
        "Narendra Modi",
        "prime_minister",
        "IN",
    )


def test_english_title_without_country_leaves_country_empty(persons):
    found = persons("Prime Minister Narendra Modi met the delegation.")
    assert [(p.value, p.attrs["role"], p.attrs["country"]) for p in found] == [
        ("Narendra Modi", "prime_minister", None)
    ]


def test_counterpart_with_nationality_gets_that_country(analysed):
    text = (
        "Le ministre de l'Industrie, Yahia Bachir, a reçu son homologue biélorusse, "
        "Alexandre Rogojnik."
    )
    found = analysed(text).of(Label.PERSON)
    counterpart = next(p for p in found if p.value == "Alexandre Rogojnik")
    assert counterpart.attrs["country"] == "BY"
    start, end = counterpart.attrs["country_span"]
    assert text[start:end] == "biélorusse"
    assert next(p for p in found if p.value == "Yahia Bachir").attrs["country"] is None


def test_french_title_with_country_adjective(persons):
    found = persons("Le Premier ministre biélorusse Roman Golovtchenko a été reçu à Alger.")
    assert [(p.value, p.attrs["role"], p.attrs["country"]) for p in found] == [
        ("Roman Golovtchenko", "prime_minister", "BY")
    ]


def test_surname_with_honorific_is_found_again(persons):
    found = persons(BACHIR_TWICE)
    assert [p.surface for p in found] == ["Yahia Bachir", "Bachir"]


def test_surname_after_honorific_is_evidence_of_the_same_person(persons):
    found = persons(BACHIR_TWICE)
    repeat = found[1]
    assert repeat.value == "Yahia Bachir"
    assert repeat.attrs.get("repeat") is True
    assert repeat.attrs["role"] == "minister"


def test_bare_surname_without_honorific_is_a_repeat(persons):
    found = persons(
        "Le ministre de l'Industrie, Yahia Bachir, a reçu la délégation. "
        "Selon Bachir, la coopération progresse."
    )
    repeat = [p for p in found if p.surface == "Bachir"]
    assert len(repeat) == 1
    assert repeat[0].value == "Yahia Bachir"
    assert repeat[0].attrs["repeat"] is True
    assert repeat[0].attrs["role"] == "minister"


def test_russian_genitive_name_is_normalised_to_nominative(persons):
    found = persons(
        "Встреча министра промышленности Беларуси Александра Рогожника прошла в Минске."
    )
    assert [(p.surface, p.value, p.attrs["role"], p.attrs["country"]) for p in found] == [
        ("Александра Рогожника", "Александр Рогожник", "minister", "BY")
    ]


def test_arabic_name_between_commas_after_title(persons):
    found = persons("استقبل وزير الطاقة والمناجم، محمد عرقاب، سفير بيلاروسيا.")
    assert [(p.value, p.attrs["role"]) for p in found] == [("محمد عرقاب", "minister")]


def test_arabic_name_right_after_title_complement(persons):
    found = persons("استقبل وزير الطاقة والمناجم محمد عرقاب سفير بيلاروسيا.")
    assert [p.value for p in found] == ["محمد عرقاب"]


def test_title_mentions_carry_their_role(analysed):
    analysis = analysed("Le président Abdelmadjid Tebboune a reçu l'ambassadeur de Chine.")
    titles = {m.surface: m.value for m in analysis.of(Label.TITLE)}
    assert titles["président"] == "president"
    assert titles["ambassadeur"] == "ambassador"


def test_country_name_is_never_a_person(persons):
    found = persons("Le ministre de l'Industrie a reçu la délégation de Biélorussie.")
    assert all("Biélorussie" not in p.surface for p in found)


def test_extraction_merges_full_name_and_surname(extracted):
    extraction = extracted(
        "NEW DELHI, March 12, 2025 - Indian Prime Minister Narendra Modi met Japanese "
        "Prime Minister Shigeru Ishiba on Monday to discuss investment.\n"
        "Mr. Modi said the two sides agreed to boost cooperation in semiconductors."
    )
    people = {p.name: p for p in extraction.persons}
    assert set(people) == {"Narendra Modi", "Shigeru Ishiba"}
    assert people["Narendra Modi"].country == "IN"
    assert people["Shigeru Ishiba"].country == "JP"
    text = extraction.document.text
    assert [text[s.start : s.end] for s in people["Narendra Modi"].spans] == [
        "Narendra Modi",
        "Modi",
    ]


def test_title_holder_comes_after_the_company_of_the_complement(persons):
    found = persons(
        "Le directeur général de Sahel Agro-Industries, Mamadou Lamine Diop, a annoncé une "
        "seconde ligne."
    )
    assert [p.value for p in found] == ["Mamadou Lamine Diop"]


def test_no_name_after_the_verb_that_follows_a_title(persons):
    found = persons("Le Premier ministre a inauguré jeudi à Richard-Toll une usine de tomate.")
    assert found == []
    found = persons("The prime minister said on Monday in Port Louis that the plant would open.")
    assert found == []


def test_place_after_a_preposition_does_not_end_the_title_reach(persons):
    found = persons("L'ambassadeur de Corée à Tunis, Park Jin-ho, a reçu le ministre.")
    assert [p.value for p in found] == ["Park Jin-ho"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "Thi" is the stem of the stopword "this", not a stopword itself
        (
            "Nguyen Thi Huong, general director of the company, said the yards were ready.",
            "Nguyen Thi Huong",
        ),
        # the company after "of the" is the title's complement
        ("Le Thi Huong, general director of the Hai Phong company, said so.", "Le Thi Huong"),
        # a continent is no first name
        (
            "Selon le directeur des projets Afrique de Poma, Jean-Marc Vial, l'usine ouvrira.",
            "Jean-Marc Vial",
        ),
        # "Sayed" after a hyphen is part of the name, not an honorific
        (
            "The opening was attended by Investment Minister Hassan El-Sayed and others.",
            "Hassan El-Sayed",
        ),
    ],
)
def test_names_of_holders_in_hard_positions(persons, text, name):
    assert [p.value for p in persons(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le ministre de l'Économie, Koffi Ahoua N'Guessan, a signé la convention.",
            "Koffi Ahoua N'Guessan",
        ),
        (
            "Le directeur général du groupe agroalimentaire Frigorífico Serra Gaúcha, "
            "Rafael Teixeira, a annoncé une usine.",
            "Rafael Teixeira",
        ),
    ],
)
def test_apostrophe_names_and_holders_after_their_company(persons, text, name):
    assert [p.value for p in persons(text)] == [name]


def test_name_before_a_possessive_country_and_its_title(persons):
    found = persons(
        "The launch was attended by Ana Paula Moreira, national secretary for industry at "
        "Brazil's ministry, and by Tian Min, China's consul general in Rio."
    )
    assert [(p.value, p.attrs["country"], p.attrs["role"]) for p in found] == [
        ("Ana Paula Moreira", "BR", "deputy_minister"),
        ("Tian Min", "CN", "consul"),
    ]


def test_deputy_chief_of_mission_is_a_title(persons):
    found = persons("The minister witnessed the ceremony with Wang Lixin, Deputy Chief of Mission.")
    assert [p.value for p in found] == ["Wang Lixin"]


def test_place_after_in_is_no_holder(persons):
    found = persons("The consul general in Rio de Janeiro, Tian Min, attended the launch.")
    assert [p.value for p in found] == ["Tian Min"]


def test_legal_form_is_no_name(persons):
    found = persons("The chief executive of Karadeniz Private Limited said the plant would open.")
    assert found == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The agreement was signed by TalTech Rector Rein Kask and NUST Vice-Chancellor "
            "Elias Shikongo.",
            ["Rein Kask", "Elias Shikongo"],
        ),
        (
            "The delegation was led by Zeynep Aksoy, Vice Chairperson of the exporters' union.",
            ["Zeynep Aksoy"],
        ),
        (
            "Le ministre s'est entretenu avec le vice-gouverneur du Shaanxi, Zhao Jianping.",
            ["Zhao Jianping"],
        ),
    ],
)
def test_academic_and_deputy_titles(persons, text, names):
    assert [p.value for p in persons(text)] == names


def test_short_surname_written_like_a_function_word(persons):
    found = persons(
        "Lors de la cérémonie, le président du conseil d'administration de Huayu, Ma Qiang, "
        "a indiqué que son groupe investirait."
    )
    assert [p.value for p in found] == ["Ma Qiang"]
    assert persons("Le ministre a reçu la délégation. Ma délégation est prête, a-t-il dit.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AMMAN, March 12, 2025 - King Abdullah II received the Qatari delegation.", "Abdullah II"),
        ("RABAT, 12 mars 2025 - Le roi Mohammed VI a reçu la délégation qatarie.", "Mohammed VI"),
        ("МОСКВА, 12 марта 2025 года. Король Иордании Абдалла II прибыл в Москву.", "Абдалла II"),
        (
            "NEW DELHI, January 29, 2025 - External Affairs Minister S. Jaishankar met the "
            "Omani delegation.",
            "S. Jaishankar",
        ),
        (
            "SEOUL, June 18, 2024 - The MOU was signed by K-SURE chief executive Lee In-ho in "
            "Tashkent.",
            "Lee In-ho",
        ),
    ],
)
def test_regnal_numbers_initials_and_two_part_given_names(analysed, text, name):
    assert name in [m.surface for m in analysed(text).of(Label.PERSON)]
