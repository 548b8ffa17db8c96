"""Stage ``organizations``: names with acronyms, known names, head nouns, exclusions."""

from __future__ import annotations

import pytest

from coopwatch.model import Label


@pytest.fixture
def organizations(analysed):
    """(surface, names) of every ORGANIZATION mention of a text."""

    def run(text, lang=None):
        return [(m.surface, m.value) for m in analysed(text, lang).of(Label.ORGANIZATION)]

    return run


AGM = ["AGM", "groupe public des industries mécaniques"]


def test_long_name_with_acronym_gives_both_names(organizations):
    found = organizations(
        "Le ministre a évoqué le groupe public des industries mécaniques (AGM) et ses filiales."
    )
    assert found[0] == ("groupe public des industries mécaniques (AGM)", AGM)


def test_acronym_used_alone_later_adds_a_span(analysed):
    text = (
        "Le ministre a évoqué le groupe public des industries mécaniques (AGM). "
        "Le partenariat associera AGM et ses filiales."
    )
    analysis = analysed(text)
    later = text.rindex("AGM")
    spans = [(m.start, m.end) for m in analysis.of(Label.ORGANIZATION)]
    assert (later, later + 3) in spans
    assert all(m.value == AGM for m in analysis.of(Label.ORGANIZATION))


def test_english_agency_with_acronym(organizations):
    found = organizations(
        "The Japan International Cooperation Agency (JICA) will fund the metro. JICA said so."
    )
    names = {tuple(names) for _, names in found}
    assert names == {("JICA", "Japan International Cooperation Agency")}
    assert ("JICA", ["JICA", "Japan International Cooperation Agency"]) in found


def test_company_introduced_by_nationality(organizations):
    found = organizations("Kazakh operator Kcell signed a deal with the Uzbek side.")
    assert found == [("Kcell", ["Kcell"])]


def test_company_introduced_by_nationality_keeps_its_whole_name(organizations):
    found = organizations("Kazakh operator Dala Telecom signed a deal with the Uzbek side.")
    assert found == [("Dala Telecom", ["Dala Telecom"])]


def test_russian_company_in_guillemets_after_legal_form(organizations):
    found = organizations("ОАО «Гомсельмаш» поставит комбайны в Алжир.")
    assert {tuple(names) for _, names in found} == {("Гомсельмаш",)}
    assert "«Гомсельмаш»" in [surface for surface, _ in found]


def test_french_head_noun_with_proper_name(organizations):
    found = organizations("La société Baladna investira dans la production laitière.")
    assert found == [("Baladna", ["Baladna"])]


def test_known_arabic_company(organizations):
    found = organizations("وقعت وزارة الصناعة اتفاقا مع شركة سوناطراك.")
    assert found == [("سوناطراك", ["سوناطراك"])]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministère de l'Industrie a annoncé la signature de l'accord.",
        "Selon Algérie Presse Service (APS), le ministre a reçu la délégation.",
        "The Press Trust of India (PTI) reported that the deal was signed.",
        "Министерство промышленности Беларуси и агентство БелТА сообщили об этом.",
        "وقعت وزارة الصناعة ووكالة الأنباء الجزائرية على البيان.",
    ],
)
def test_ministries_and_news_agencies_are_never_organisations(organizations, text):
    assert organizations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of External Affairs (MEA) said the deal was signed.",
        "The Ministry of Commerce and Industry (MoCI) said the deal was signed.",
        "Le ministère de l'Industrie (MI) a annoncé un accord.",
    ],
)
def test_ministry_defined_with_an_acronym_is_no_organisation(organizations, text):
    assert organizations(text) == []


def test_organisation_spans_spell_their_text(analysed):
    text = (
        "The Japan International Cooperation Agency (JICA) and the firm Tata Electronics Ltd "
        "signed."
    )
    analysis = analysed(text)
    assert analysis.of(Label.ORGANIZATION)
    for m in analysis.of(Label.ORGANIZATION):
        assert text[m.start : m.end] == m.surface


def test_dateline_city_and_agency_make_no_organisation(organizations):
    found = organizations(
        "N'DJAMENA (ATP) – Le Tchad et la Chine ont signé un accord avec la société Sahel Power."
    )
    names = [names for _, names in found]
    assert all("DJAMENA" not in name for group in names for name in group)
    assert ["Sahel Power"] in names


def test_article_and_head_word_alone_make_no_organisation(organizations):
    found = organizations(
        "La Banque africaine de développement (BAD) a annoncé une enveloppe de 700 millions."
    )
    assert {tuple(names) for _, names in found} == {("BAD", "Banque africaine de développement")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The University of the Philippines will host the centre.",
            "University of the Philippines",
        ),
        (
            "It was signed with Hanoi University of Science and Technology.",
            "Hanoi University of Science and Technology",
        ),
        ("The Central Bank of Nigeria approved the loan.", "Central Bank of Nigeria"),
        (
            "The National Academy of Sciences of Belarus and BioCubaFarma signed it.",
            "National Academy of Sciences of Belarus",
        ),
    ],
)
def test_institution_of_a_capitalised_name(organizations, text, name):
    assert name in [names[0] for _, names in organizations(text, "en")]


def test_institution_of_lower_case_words_is_no_name(organizations):
    assert organizations("A bank of the region will lend to farmers.", "en") == []


def test_piece_of_a_longer_name_is_no_organisation_of_its_own(organizations):
    found = organizations(
        "The road was built by the Kivu Road and Bridge Corporation (KRBC) last year.", "en"
    )
    assert {tuple(names) for _, names in found} == {("KRBC", "Kivu Road and Bridge Corporation")}


def test_head_word_right_before_an_acronym_ends_the_name(organizations):
    found = organizations("Le contrat lie la Sahel Water Company (SWC) à un groupe marocain.", "fr")
    assert ("SWC", "Sahel Water Company") in {tuple(names) for _, names in found}


def test_name_before_an_acronym_stops_at_a_known_organisation_and(organizations):
    found = organizations(
        "Le Groupe OCP et la Sahel Fertiliser Company (SFC) construiront une usine.", "fr"
    )
    names = {tuple(names) for _, names in found}
    assert ("Groupe OCP", "OCP") in names
    assert ("SFC", "Sahel Fertiliser Company") in names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The kiln was commissioned on Friday by the Volta Salt Corporation (VSC).",
            ("VSC", "Volta Salt Corporation"),
        ),
        (
            "L'argent vient du Partenariat pour l'énergie en Afrique (PEA).",
            ("PEA", "Partenariat pour l'énergie en Afrique"),
        ),
        (
            "L'usine appartient à l'entreprise publique béninoise Atlantic Cement Works (ACW).",
            ("ACW", "Atlantic Cement Works"),
        ),
    ],
)
def test_name_before_an_acronym_leaves_out_the_sentence_before_it(organizations, text, names):
    assert names in {tuple(names) for _, names in organizations(text)}


def test_place_in_parentheses_is_no_acronym(organizations):
    assert organizations("La nouvelle fabrique se trouve à Ain Kercha (Mila).", "fr") == []


def test_word_acronym_after_an_organisation_name(organizations):
    found = organizations(
        "Elle a reçu l'Agence sénégalaise de promotion des exportations (Asepex) mardi.", "fr"
    )
    assert ("Asepex", "Agence sénégalaise de promotion des exportations") in {
        tuple(names) for _, names in found
    }


def test_known_organisation_carries_the_lexicon_spelling(organizations):
    found = organizations("Делегация встретилась с руководством Северстали и Уралкалия.", "ru")
    assert [names[0] for _, names in found] == ["Северсталь", "Уралкалий"]


def test_known_organisation_after_its_head_word_carries_its_bare_name(organizations):
    found = organizations("وقع مجمع سونلغاز اتفاقا مع شركة إيطالية.", "ar")
    assert found == [("مجمع سونلغاز", ["مجمع سونلغاز", "سونلغاز"])]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les exportations vers les Émirats ont doublé en 2024.", "fr"),
        ("أكد الوزير استعداد بلاده للمساهمة في إعادة الإعمار في ليبيا.", "ar"),
    ],
)
def test_common_word_spelt_like_a_known_name_is_no_organisation(organizations, text, lang):
    assert organizations(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "Группа ГАЗ подписала контракт с египетской компанией.",
        "Делегация посетила Минский автомобильный завод и обсудила поставки.",
    ],
)
def test_russian_name_holding_a_generic_noun_is_an_organisation(organizations, text):
    assert len(organizations(text, "ru")) == 1


def test_acronym_after_an_inflected_russian_plant_name(organizations):
    found = organizations(
        "Стороны обсудили поставки проката Белорусского металлургического завода (БМЗ) в Египет.",
        "ru",
    )
    assert {tuple(names) for _, names in found} == {
        ("БМЗ", "Белорусского металлургического завода")
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The Japan International Cooperation Agency will fund the line; JICA experts "
            "will train the staff.",
            "en",
        ),
        ("Делегация посетила Белорусский металлургический завод. Позже БМЗ подписал.", "ru"),
    ],
)
def test_acronym_and_name_with_its_initials_are_one_organisation(organizations, text, lang):
    assert len({tuple(names) for _, names in organizations(text, lang)}) == 1


def test_russian_economic_zone_is_no_organisation(organizations):
    found = organizations("Цех построят в особой экономической зоне (ОЭЗ) под Тулой.", "ru")
    assert found == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "التقى رئيس مجلس الأعمال العماني الهندي وفدا من رجال الأعمال.",
            "مجلس الأعمال العماني الهندي",
        ),
        (
            "وقعت الشركة السعودية للأسمدة الكيماوية عقدا مع شريك هندي.",
            "الشركة السعودية للأسمدة الكيماوية",
        ),
    ],
)
def test_arabic_descriptive_name_after_a_long_head_or_a_country(organizations, text, name):
    assert organizations(text, "ar") == [(name, [name])]


def test_arabic_head_with_a_country_adjective_alone_is_no_name(organizations):
    found = organizations('ووقعت الغرفة التونسية مذكرة مع الشركة الإيطالية "ميدتيك" أمس.', "ar")
    assert [names for _, names in found] == [["ميدتيك"]]


def test_russian_legal_forms_of_neighbouring_countries(organizations):
    found = organizations("Кредиты получили ОсОО «Талас Цемент» и СЗАО «Гомель Агро».", "ru")
    assert {tuple(names) for _, names in found} == {("Талас Цемент",), ("Гомель Агро",)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The line was built by Turkish contractor Kenya Rail Systems.", "Kenya Rail Systems"),
        ("A team from the Ghana utility Volta Grid Services will help.", "Volta Grid Services"),
        ("The mine is run by Peruvian state-owned Andes Minerales.", "Andes Minerales"),
    ],
)
def test_company_after_its_country_and_what_it_is(organizations, text, name):
    assert (name, [name]) in organizations(text, "en")


def test_arabic_head_whose_first_letter_looks_like_a_preposition(organizations):
    found = organizations("وقع بنك الإسكان الأردني اتفاقية مع شركة تركية.", "ar")
    assert found == [("بنك الإسكان الأردني", ["بنك الإسكان الأردني"])]


@pytest.mark.parametrize(
    "text",
    [
        "تم وضع حجر الأساس لمصنع الزجاج الجزائري الجديد أمس.",
        "ووقعت الحكومة أمس عقدا مع شركة تركية.",
    ],
)
def test_arabic_plant_or_company_described_makes_no_name(organizations, text):
    assert organizations(text, "ar") == []


def test_hyphenated_company_name_before_its_closing_noun(organizations):
    found = organizations("Le chantier revient au groupe chinois Sino-Touareg Energy.", "fr")
    assert [names for _, names in found] == [["Sino-Touareg Energy"]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Кредит предоставит Уральский промышленный банк.",
            ["Уральский промышленный банк"],
        ),
        (
            "Договор заключен с Брестским электромеханическим заводом.",
            ["Брестский электромеханический завод", "Брестским электромеханическим заводом"],
        ),
    ],
)
def test_russian_name_of_adjectives_and_a_head_noun(organizations, text, names):
    assert [found for _, found in organizations(text, "ru")] == [names]


@pytest.mark.parametrize(
    "text",
    [
        "Крупный частный банк выдал кредит.",
        "МИНСК, 3 мая – Российская компания построит цех.",
    ],
)
def test_russian_adjectives_of_a_sentence_start_or_a_country_make_no_name(organizations, text):
    assert organizations(text, "ru") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kenya team defeated Uganda Cranes on Sunday.",
        "The Kenyan team defeated Uganda Cranes on Sunday.",
        "The Ghana squad beat Atlas Lions in Rabat.",
    ],
)
def test_verb_between_country_and_capitalised_words_makes_no_company(organizations, text):
    assert organizations(text, "en") == []


def test_name_followed_by_a_country_names_its_branch(organizations):
    found = organizations("Le groupe a recapitalisé sa filiale Sahel Bank Niger mardi.", "fr")
    assert {tuple(names) for _, names in found} == {("Sahel Bank", "Sahel Bank Niger")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Un centre d'excellence ouvrira au sein de l'Université de Sfax.", "Université de Sfax"),
        ("L'accord lie l'Université d'Oran à ses partenaires.", "Université d'Oran"),
        ("Le prêt est garanti par la Banque d'Algérie.", "Banque d'Algérie"),
        (
            "La Chambre de Commerce et d'Industrie de Tunis organise le forum.",
            "Chambre de Commerce et d'Industrie de Tunis",
        ),
    ],
)
def test_french_institution_named_de_capitalised_words(organizations, text, name):
    assert [names for _, names in organizations(text)] == [[name]]


def test_french_institution_needs_capitalised_words_after_de(organizations):
    text = "Le projet associe une banque de la région et l'université de la ville."
    assert organizations(text) == []


def test_lower_case_nationality_noun_introduces_a_company(organizations):
    found = organizations("La société est détenue à 49 % par l'italien Caprari et le turc Karsan.")
    assert [names for _, names in found] == [["Caprari"], ["Karsan"]]


def test_capitalised_nationality_noun_introduces_a_person_not_a_company(organizations):
    assert organizations("Le Chinois Li Qiang a rencontré son homologue à Pékin.") == []


def test_nationality_noun_company_keeps_foreign_name_particles(organizations):
    found = organizations("Le consortium réunit l'espagnol Aguas del Levante et un groupe local.")
    assert [names for _, names in found] == [["Aguas del Levante"]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "A deal was signed with BioCubaFarma, the Cuban state group for biotechnology.",
            [["BioCubaFarma"]],
        ),
        ("The deal was signed with Ooredoo, the Qatari operator, on Monday.", [["Ooredoo"]]),
        ("Le contrat a été remporté par Caprari, le fabricant italien de pompes.", [["Caprari"]]),
    ],
)
def test_name_followed_by_an_apposition_saying_what_it_is(organizations, text, names):
    assert [found for _, found in organizations(text)] == names


def test_main_clause_after_a_place_is_no_apposition(organizations):
    assert organizations("In Sfax, the company will build a plant for the group.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Equipment will come from firms such as GEA, Valmont and AFKO.",
            ["GEA", "Valmont", "AFKO"],
        ),
        (
            "It is owned by four operators: Azerenerji, Georgian State Electrosystem, "
            "Transelectrica and MAVIR.",
            ["Azerenerji", "Georgian State Electrosystem", "Transelectrica", "MAVIR"],
        ),
        ("Des entreprises comme Cevital et Condor ont participé.", ["Cevital", "Condor"]),
    ],
)
def test_names_listed_after_a_plural_noun_of_companies(organizations, text, names):
    assert [found[0] for _, found in organizations(text)] == names


def test_list_of_countries_after_a_plural_noun_gives_no_company(organizations):
    assert organizations("Investors such as Algeria, Tunisia and Egypt took part.") == []


def test_report_credits_name_no_company(organizations):
    assert organizations("(Reporting by Mariana Duque; Editing by Tom Hales)") == []
    assert organizations("The plant was built by Karadeniz Tekstil.") != []


def test_known_name_needs_its_capital_where_letters_have_case(organizations):
    assert organizations("Le personnel sera mobilisé dès lundi.") == []
    assert organizations("Mobilis a signé un accord.") == [("Mobilis", ["Mobilis"])]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Danish developer Nordvind Offshore A/S signed a contract.", "Nordvind Offshore A/S"),
        ("Les deux pays ont prolongé leur coentreprise KATCO, qui exploite l'uranium.", "KATCO"),
        ("Le groupe dominicain Textiles del Cibao a inauguré une usine.", "Textiles del Cibao"),
    ],
)
def test_company_forms_and_heads(organizations, text, name):
    assert [names for _, names in organizations(text)] == [[name]]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre de la Fédération de Russie a signé l'accord.",
        "Le forum s'est tenu au Centre international de conférences (CIC) d'Alger.",
        "The forum was held at the Abuja International Conference Centre.",
    ],
)
def test_states_and_venues_are_no_organisations(organizations, text):
    assert organizations(text) == []


@pytest.mark.parametrize(
    "text",
    ["By Laura Whitfield | 10 September 2025", "Published: 16 July 2025 | By Daniel Hartley"],
)
def test_bylines_name_no_company(organizations, text):
    assert organizations(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "It was signed with Hokuriku Mining & Smelting Co., Ltd. last week.",
            "Hokuriku Mining & Smelting Co., Ltd",
        ),
        ("The plant of Hanjiang do Brasil Ltda. opened.", "Hanjiang do Brasil Ltda"),
        (
            "The deal was signed by Dilmun Farms Holding B.S.C. on Monday.",
            "Dilmun Farms Holding B.S.C",
        ),
        ("Shares of Mekong Grain Joint Stock Company rose.", "Mekong Grain Joint Stock Company"),
    ],
)
def test_company_names_with_ampersands_particles_and_dotted_forms(organizations, text, name):
    assert [names for _, names in organizations(text)] == [[name]]


@pytest.mark.parametrize(
    "text",
    [
        "Malaysia and Vietnam today signed two memoranda of understanding (MoUs) on halal trade.",
        "La Zone de libre-échange continentale africaine (ZLECAf) offre des débouchés.",
    ],
)
def test_agreements_and_trade_areas_with_acronyms_are_no_organisations(organizations, text):
    assert organizations(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le contrat a été signé avec Shaanxi Huayu Heavy Truck Co., Ltd. lundi.",
            "Shaanxi Huayu Heavy Truck Co., Ltd",
        ),
        (
            "The plant of Ebro Automotive Mexico S. de R.L. de C.V. opened.",
            "Ebro Automotive Mexico S. de R.L. de C.V",
        ),
        (
            "A contract went to Baltic Digital Solutions OÜ last week.",
            "Baltic Digital Solutions OÜ",
        ),
    ],
)
def test_legal_forms_of_other_countries_close_names(organizations, text, name):
    assert [names for _, names in organizations(text)] == [[name]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ce mardi, la Chambre de commerce de la République de Cuba accueille un forum.",
            "Chambre de commerce de la République de Cuba",
        ),
        (
            "Le président du Conseil d'affaires algéro-saoudien a pris la parole.",
            "Conseil d'affaires algéro-saoudien",
        ),
    ],
)
def test_head_named_by_its_countries(organizations, text, name):
    assert [names for _, names in organizations(text)] == [[name]]


def test_head_with_nationality_whose_name_goes_on_is_not_cut(organizations):
    found = organizations(
        "L'Union tunisienne de l'industrie, du commerce et de l'artisanat (UTICA) a signé."
    )
    assert ["Union tunisienne"] not in [names for _, names in found]


def test_arabic_company_and_authority_named_by_their_activity(analysed):
    from coopwatch.model import Label

    analysis = analysed(
        "ووقعت أكوا باور اتفاقية شراء الطاقة مع الشركة المصرية لنقل الكهرباء، واتفاقية أخرى "
        "مع هيئة الطاقة الجديدة والمتجددة. وتسعى الشركات الطاقوية الوطنية إلى التوسع."
    )
    names = {n for m in analysis.of(Label.ORGANIZATION) for n in m.value}
    assert "الشركة المصرية لنقل الكهرباء" in names
    assert "هيئة الطاقة الجديدة والمتجددة" in names
    assert not any(n.startswith("الشركات") for n in names)


def test_russian_abbreviations_of_kinds_of_plants_are_no_organisations(analysed):
    analysis = analysed(
        "Корпус реактора для первого энергоблока АЭС «Эль-Дабаа» доставлен на площадку\n"
        "Египетская площадка АЭС «Эль-Дабаа» получила первую партию оборудования от "
        "Госкорпорации «Росатом»."
    )
    names = {n for m in analysis.of(Label.ORGANIZATION) for n in m.value}
    assert "АЭС" not in names


def test_a_legal_form_in_brackets_belongs_to_the_name_and_is_no_acronym(organizations):
    names = [
        n
        for _, n in organizations(
            "JAKARTA, May 9 - The Japanese bank signed a loan with PT Perusahaan Listrik Negara "
            "(Persero) and with Namib Data Centre (Pty) Ltd for two power plants."
        )
    ]
    assert ["PT Perusahaan Listrik Negara (Persero)"] in names
    assert ["Namib Data Centre (Pty) Ltd"] in names
    assert not any("Persero" in n or "Pty" in n for org in names for n in org if len(n) < 8)


@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "The deal was signed by Ms. Anna Kovacs, Vice-President of the Hungarian Chamber "
            "of Commerce and Industry (MKIK), in Bishkek.",
            "Hungarian Chamber of Commerce and Industry",
        ),
        (
            "The Gulf company Wahat Renewables PJSC and the Tanzania Electric Supply Company "
            "Limited (TANESCO) signed a power purchase agreement.",
            "Tanzania Electric Supply Company Limited",
        ),
        (
            "The ministers met Chief Executive Officer Mulugeta Assefa and Kenya Power and "
            "Lighting Company (KPLC) officials.",
            "Kenya Power and Lighting Company",
        ),
    ],
)
def test_a_name_before_its_acronym_starts_after_a_title_or_another_party(organizations, text, full):
    found = [names for _, names in organizations(text, "en")]
    assert any(names[1:] == [full] for names in found), found


def test_a_long_name_before_its_acronym_opens_with_the_acronyms_letter(organizations):
    found = [
        names
        for _, names in organizations(
            "Deux entreprises ont signé un accord avec l'Office de la formation professionnelle "
            "et de la promotion du travail (OFPPT) à Rabat."
        )
    ]
    assert [
        "OFPPT",
        "Office de la formation professionnelle et de la promotion du travail",
    ] in found


def test_a_noun_saying_what_a_company_makes_introduces_its_name(organizations):
    found = [
        names
        for _, names in organizations(
            "L'accord lie le GIVEC à l'industriel portugais Vidralis, et le constructeur "
            "ferroviaire indonésien PT Nusantara Rail Industri fournira les voitures."
        )
    ]
    assert ["Vidralis"] in found
    assert not any(names[0] == "PT" for names in found)


def test_a_portfolio_before_a_ministers_title_is_no_organisation(organizations):
    found = organizations(
        "The Sultan received Indian External Affairs Minister S. Jaishankar in Muscat.", "en"
    )
    assert not any("External Affairs" in n for _, names in found for n in names)


def test_a_capitalised_industry_word_closes_an_english_company_name(organizations):
    found = [
        names
        for _, names in organizations(
            "Once the deal is signed, Hyundai Engineering & Construction could start work, "
            "while Khaleej Logistics Group will run the port.",
            "en",
        )
    ]
    assert ["Hyundai Engineering & Construction"] in found
    assert ["Khaleej Logistics Group"] in found


def test_an_acronym_in_brackets_may_carry_its_legal_form(organizations):
    found = [
        names
        for _, names in organizations(
            "La coopération repose sur la Société algéro-omanaise des engrais (SAOE SPA), "
            "coentreprise détenue par Sonatrach."
        )
    ]
    assert ["SAOE", "Société algéro-omanaise des engrais"] in found


def test_an_acronym_in_brackets_may_hold_accented_letters(organizations):
    found = [
        names
        for _, names in organizations(
            "Le groupe a signé lundi à Cotonou avec la Société d'investissement et de "
            "promotion de l'industrie (SIPI-Bénin), gestionnaire de la zone industrielle."
        )
    ]
    assert ["SIPI-Bénin", "Société d'investissement et de promotion de l'industrie"] in found


def test_a_short_name_written_like_a_word_reaches_back_to_its_foreign_head(organizations):
    found = [
        names
        for _, names in organizations(
            "Un accord a été signé entre le Groupe OCP et la Cooperativa Agroindustrial do "
            "Cerrado (Coacer), qui regroupe des producteurs de soja."
        )
    ]
    assert ["Coacer", "Cooperativa Agroindustrial do Cerrado"] in found


def test_a_province_is_no_organisation(organizations):
    found = organizations(
        "The sulphate will be shipped to the company's battery base in central China's Henan "
        "Province.",
        "en",
    )
    assert not any("Henan" in n for _, names in found for n in names)


def test_arabic_name_before_a_legal_suffix_starts_at_its_head_noun(organizations):
    found = [
        names
        for _, names in organizations(
            "ووقعت الشركة اليوم في عمان اتفاقية مع شركة البوتاس الهندية المحدودة (IPL) "
            "لتوريد البوتاس.",
            "ar",
        )
    ]
    assert ["IPL", "شركة البوتاس الهندية المحدودة"] in found
    assert not any("اتفاقية" in n for names in found for n in names)


def test_arabic_relative_pronoun_ends_a_descriptive_name(organizations):
    found = organizations("وخصص اليوم للقاء مجلس الأعمال السعودي الروسي الذي ضم نحو 60 شركة.", "ar")
    assert [names for _, names in found] == [["مجلس الأعمال السعودي الروسي"]]


def test_arabic_conjunction_before_a_head_is_not_part_of_the_name(organizations):
    found = organizations("المشروع المشترك بين البلدين وجمعية المزارعين الهنود للأسمدة.", "ar")
    assert all(not n.startswith("وجمعية") for _, names in found for n in names)


def test_acronym_after_a_quoted_name_names_it(organizations):
    found = organizations(
        "АО «Трансмашхолдинг» (ТМХ) и египетский партнёр договорились о создании предприятия.",
        "ru",
    )
    assert any(set(names) == {"ТМХ", "Трансмашхолдинг"} for _, names in found)


def test_russian_name_holding_organisation_with_its_acronym(organizations):
    found = organizations(
        "Арабская организация индустриализации (АОИ) получит контрольную долю.", "ru"
    )
    assert ["АОИ", "Арабская организация индустриализации"] in [names for _, names in found]
