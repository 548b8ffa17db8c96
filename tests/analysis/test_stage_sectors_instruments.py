"""Stages ``sectors`` and ``instruments``: ISIC divisions and cooperation instruments."""

from __future__ import annotations

import pytest

from coopwatch.model import Label


@pytest.fixture
def tagged(analysed):
    """(surface, value) of the SECTOR and INSTRUMENT mentions of a text."""

    def run(text, label, lang=None):
        return [(m.surface, m.value) for m in analysed(text, lang).of(label)]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les deux pays produiront des tracteurs et des machines agricoles.",
            [("tracteurs", "28"), ("machines agricoles", "28")],
        ),
        ("The two sides discussed tractors.", [("tractors", "28")]),
        ("Стороны создадут производство тракторов.", [("тракторов", "28")]),
        ("اتفق البلدان على إنتاج الجرارات.", [("الجرارات", "28")]),
    ],
)
def test_tractors_are_isic_28(tagged, text, expected):
    assert tagged(text, Label.SECTOR) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The two sides discussed dairy products.", "dairy products"),
        ("Les deux parties ont évoqué les produits laitiers.", "produits laitiers"),
    ],
)
def test_dairy_products_are_isic_10(tagged, text, surface):
    assert tagged(text, Label.SECTOR) == [(surface, "10")]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre des Mines a reçu la délégation.",
        "Le ministre de l'Agriculture a reçu la délégation.",
        "The Minister of Mines received the delegation.",
    ],
)
def test_portfolio_of_a_title_is_no_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


def test_sector_after_a_portfolio_sentence_is_still_found(tagged):
    found = tagged(
        "The Minister of Mines received the delegation. Mining cooperation was discussed.",
        Label.SECTOR,
    )
    assert found == [("Mining", "07")]


def test_sector_with_several_divisions_keeps_alternatives(analysed):
    mining = analysed("Mining cooperation was discussed.").of(Label.SECTOR)[0]
    assert (mining.value, mining.attrs["alternatives"]) == ("07", ["08"])


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Les deux pays créeront une unité de production conjointe.",
            "unité de production conjointe",
        ),
        ("The two firms will set up a joint company.", "joint company"),
        ("Стороны создадут совместное предприятие по выпуску тракторов.", "совместное предприятие"),
        ("اتفق البلدان على إنشاء مشروع مشترك لإنتاج الجرارات.", "مشروع مشترك"),
    ],
)
def test_joint_production_unit_is_a_joint_venture(tagged, text, surface):
    assert (surface, "joint_venture") in tagged(text, Label.INSTRUMENT)


def test_company_of_two_countries_is_a_joint_venture(analysed):
    text = "Ils ont créé une société algéro-tunisienne de montage de bus."
    instruments = analysed(text).of(Label.INSTRUMENT)
    assert [(m.surface, m.value, m.attrs.get("rule")) for m in instruments] == [
        ("algéro-tunisienne", "joint_venture", "two countries")
    ]


def test_same_country_twice_with_hyphen_is_no_joint_venture(tagged):
    assert tagged("Une société algéro-algérienne de montage.", Label.INSTRUMENT) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "L'accord prévoit le transfert de technologie vers l'Algérie.",
            "transfert de technologie",
        ),
        ("The agreement covers technology transfer.", "technology transfer"),
    ],
)
def test_technology_transfer(tagged, text, surface):
    assert tagged(text, Label.INSTRUMENT) == [(surface, "technology_transfer")]


def test_subcontracting(tagged):
    found = tagged(
        "Les sous-traitants biélorusses ont été invités à la sous-traitance.", Label.INSTRUMENT
    )
    assert ("sous-traitance", "subcontracting") in found


@pytest.mark.parametrize(
    "text",
    [
        "Le secrétaire d'État indien au Commerce, Vikram Sood, a été reçu lundi à Alger.",
        "Le vice-ministre vietnamien de l'Industrie et du Commerce, Nguyen Van Thang, était là.",
        "Japan's State Minister of Economy, Trade and Industry, Haruka Ishida, attended.",
    ],
)
def test_portfolio_after_a_nationality_or_in_a_list_is_no_instrument(tagged, text):
    assert tagged(text, Label.INSTRUMENT) == []


def test_a_portfolio_does_not_swallow_the_next_clause(tagged):
    found = tagged(
        "The Minister of Trade, who visited Hanoi, said exports of rice would double.",
        Label.INSTRUMENT,
    )
    assert ("exports", "trade") in found


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Ils ont posé la première pierre de la raffinerie d'alumine.", "raffinerie d'alumine"),
        ("They laid the first stone of the alumina refinery.", "alumina refinery"),
    ],
)
def test_an_alumina_refinery_is_basic_metals_not_petroleum(tagged, text, surface):
    assert tagged(text, Label.SECTOR) == [(surface, "24")]


@pytest.mark.parametrize(
    "text",
    [
        "Mongolia's Ministry of Food, Agriculture and Light Industry said the talks went well.",
        "Le ministère de l'Agriculture a publié un communiqué sur la visite.",
    ],
)
def test_a_ministry_named_by_its_portfolio_says_no_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


def test_a_ministry_named_by_its_portfolio_says_no_instrument(tagged):
    text = "The plant opened in Andijan, the Ministry of Investment, Industry and Trade said."
    assert tagged(text, Label.INSTRUMENT) == []


def test_ministries_described_in_lower_case_still_name_the_field(tagged):
    found = tagged(
        "The ministries of higher education and research signed a memorandum.", Label.SECTOR
    )
    assert [value for _, value in found] == ["85", "72"]  # education, research


def test_a_russian_title_carries_its_portfolio_bare(tagged):
    found = tagged(
        "Заместитель министра сельского хозяйства Алжира Карим Хаддад посетил завод "
        "по производству тракторов.",
        Label.SECTOR,
    )
    assert [value for _, value in found] == ["28"]  # the tractors, not agriculture


def test_a_russian_portfolio_stops_at_the_verb(tagged):
    found = tagged(
        "Заместитель министра обсудил поставки сельскохозяйственной техники.", Label.SECTOR
    )
    assert "28" in [value for _, value in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey's Kestrel Construction will build the new cement plant.", ["23"]),
        (
            "Brazil's Cerrado Agricultural Research Corporation will train technicians in "
            "seed production.",
            ["01"],
        ),
        (
            "L'Institut national de recherche agronomique (INRA) formera des techniciens aux "
            "semences.",
            ["01"],
        ),
        (
            "Le Groupe des industries sidérurgiques (GIS) détient 51 % du fabricant de pompes.",
            ["28"],
        ),
    ],
)
def test_an_organisation_name_gives_no_sector_of_its_own(tagged, text, expected):
    assert [value for _, value in tagged(text, Label.SECTOR)] == expected


def test_a_surname_that_is_a_sector_word_is_no_sector(tagged):
    found = tagged(
        "Министр Иван Рудник встретился с послом. Рудник отметил рост поставок удобрений.",
        Label.SECTOR,
    )
    assert [value for _, value in found] == ["20"]


def test_a_university_that_takes_part_is_education(tagged):
    found = tagged("The University of Lagos will train the plant's engineers.", Label.SECTOR)
    assert [value for _, value in found] == ["85"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cash crops and their post-harvest handling (ISIC 0163)
        ("The deal covers cotton ginning.", ("cotton ginning", "01", [])),
        ("Ils ont évoqué l'égrenage du coton.", ("égrenage du coton", "01", [])),
        ("Стороны обсудили хлопкоочистительный завод.", ("хлопкоочистительный", "01", [])),
        ("بحث الجانبان حلج القطن.", ("حلج القطن", "01", [])),
        # farming and processing together
        ("They discussed agribusiness.", ("agribusiness", "01", ["10"])),
        ("Ils ont évoqué l'agrobusiness.", ("agrobusiness", "01", ["10"])),
        # fish, caught or processed
        ("They discussed seafood.", ("seafood", "03", ["10"])),
        ("Стороны обсудили поставки рыбы.", ("рыбы", "03", ["10"])),
        ("بحث الجانبان المنتجات البحرية.", ("المنتجات البحرية", "03", [])),
        # stones, quarried or cut
        ("They discussed rough diamonds.", ("rough diamonds", "08", ["32"])),
        ("Ils ont évoqué les diamants.", ("diamants", "08", ["32"])),
        ("Стороны обсудили добычу алмазов.", ("алмазов", "08", ["32"])),
        ("بحث الجانبان تجارة الماس.", ("الماس", "08", ["32"])),
        # packaging, paper or plastic
        ("They discussed the packaging industry.", ("packaging industry", "17", ["22"])),
        ("Стороны обсудили производство упаковки.", ("упаковки", "17", ["22"])),
        ("بحث الجانبان صناعة التغليف.", ("صناعة التغليف", "17", ["22"])),
        # space, industry or research
        ("They discussed the space industry.", ("space industry", "30", ["72"])),
        ("Стороны обсудили освоение космоса.", ("освоение космоса", "30", ["72"])),
        ("بحث الجانبان تكنولوجيا الفضاء.", ("تكنولوجيا الفضاء", "30", ["72"])),
        # wiring harnesses (dev README: 27 or 29)
        ("Ils ont évoqué les faisceaux de câbles.", ("faisceaux de câbles", "29", ["27"])),
        # veterinarians
        ("They discussed veterinarians.", ("veterinarians", "75", [])),
        ("Стороны обсудили подготовку ветеринаров.", ("ветеринаров", "75", [])),
        ("بحث الجانبان تدريب الأطباء البيطريين.", ("الأطباء البيطريين", "75", [])),
        # air services
        ("Ils ont signé un accord aérien.", ("accord aérien", "51", [])),
        ("They signed an air services agreement.", ("air services agreement", "51", [])),
        ("Стороны обсудили воздушное сообщение.", ("воздушное сообщение", "51", [])),
        # titanium is a basic metal
        ("They discussed titanium sponge.", ("titanium sponge", "24", [])),
        ("Ils ont évoqué l'éponge de titane.", ("éponge de titane", "24", [])),
        ("Стороны обсудили поставки титановой губки.", ("титановой губки", "24", [])),
        ("بحث الجانبان إنتاج التيتانيوم.", ("التيتانيوم", "24", [])),
        # banking groups and supervisors are the banking sector
        ("The banking group will open branches.", ("banking group", "64", [])),
        ("Le groupe bancaire ouvrira des agences.", ("groupe bancaire", "64", [])),
        ("Стороны обсудили банковский надзор.", ("банковский надзор", "64", [])),
        ("بحث الجانبان الرقابة المصرفية.", ("الرقابة المصرفية", "64", [])),
        # medical imaging
        ("They will supply imaging equipment.", ("imaging equipment", "26", ["32"])),
        ("Ils fourniront des équipements d'imagerie.", ("équipements d'imagerie", "26", ["32"])),
        # a medical industry makes devices, it does not treat patients
        ("Стороны обсудили медицинскую промышленность.", ("медицинскую промышленность", "32", [])),
        # processing of the catch
        (
            "Ils ont évoqué la transformation des produits halieutiques.",
            ("transformation des produits halieutiques", "10", []),
        ),
        (
            "Ils formeront des menuisiers dans des instituts techniques.",
            ("instituts techniques", "85", []),
        ),
        ("They will supply natural gas buses.", ("natural gas buses", "29", [])),
        ("They will study a sugarcane ethanol distillery.", ("sugarcane ethanol", "20", [])),
        ("Стороны построят молочно-товарный комплекс.", ("молочно-товарный", "01", [])),
        ("Стороны модернизируют медеобогатительную фабрику.", ("медеобогатительную", "07", [])),
        # green ammonia is a chemical whatever powers it
        ("Ils ont évoqué l'ammoniac vert.", ("ammoniac vert", "20", [])),
        ("بحث الجانبان إنشاء مصنع للإطارات المطاطية.", ("مصنع للإطارات", "22", [])),
    ],
)
def test_common_sector_phrases(analysed, text, expected):
    found = [(m.surface, m.value, m.attrs["alternatives"]) for m in analysed(text).of(Label.SECTOR)]
    assert found == [expected]


def test_arabic_energy_is_not_a_plants_capacity(tagged):
    assert tagged("بحث الجانبان التعاون في قطاع الطاقة.", Label.SECTOR) == [("قطاع الطاقة", "35")]
    assert tagged("ستبلغ الطاقة الإنتاجية للمصنع 200 طن.", Label.SECTOR) == []
    assert tagged("سترتفع الطاقة التصديرية للمصنع.", Label.SECTOR) == []
    assert tagged("وقع الجانبان اتفاقا في الطاقة والمناجم.", Label.SECTOR)[0] == ("الطاقة", "35")


@pytest.mark.parametrize(
    "text",
    [
        "Il a souligné l'importance du projet pour la sécurité énergétique de la région.",
        "He stressed the project's importance for the region's energy security.",
        "Он подчеркнул значение проекта для энергетической безопасности региона.",
        "وأكد أهمية المشروع لأمن الطاقة في المنطقة.",
    ],
)
def test_energy_security_is_an_aim_not_a_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


@pytest.mark.parametrize(
    "text",
    [
        "They set up a joint committee on food security.",
        "Ils ont créé un comité mixte sur la sécurité alimentaire.",
        "Стороны создали комиссию по продовольственной безопасности.",
        "اتفق الجانبان على تأسيس لجنة مشتركة للأمن الغذائي.",
    ],
)
def test_food_security_is_an_aim_not_a_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


@pytest.mark.parametrize(
    "text",
    [
        # the form of a contract or of its financing, not the field of the project
        "Стороны подписали EPC-контракт на модернизацию станции.",
        "Компания получила контракт на проектирование завода.",
        "Фонд выделит средства на лизинг оборудования.",
        "Стороны договорились о расчетах в национальных валютах.",
    ],
)
def test_a_contract_form_or_payment_says_no_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


def test_a_chamber_named_after_its_trades_says_no_sector(tagged):
    assert tagged("نظمت غرفة التجارة والصناعة والزراعة المنتدى.", Label.SECTOR) == []


@pytest.mark.parametrize(
    "text",
    [
        "The railway will link the port of Mombasa to Kampala.",
        "Стороны построят завод в порту Латакия.",
        "ستقام الوحدة بميناء طرطوس.",
    ],
)
def test_a_port_named_as_a_place_is_no_sector(tagged, text):
    assert "52" not in [value for _, value in tagged(text, Label.SECTOR)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The two sides discussed port development.", "port development"),
        ("Стороны обсудили развитие портов.", "развитие портов"),
        ("اتفق الجانبان على توسيع الشراكة لتشمل مشاريع الموانئ.", "مشاريع الموانئ"),
    ],
)
def test_ports_as_a_field_are_isic_52(tagged, text, surface):
    assert tagged(text, Label.SECTOR) == [(surface, "52")]


def test_a_portfolio_in_brackets_after_a_name_is_no_sector(tagged):
    found = tagged(
        "Deux ministres, Karim Belhadj (Agriculture) et Nadia Ferhat (Énergie), ont assisté "
        "à la signature de l'accord sur les engrais.",
        Label.SECTOR,
    )
    assert [value for _, value in found] == ["20"]


def test_a_sector_phrase_with_its_acronym_stays_a_sector(tagged):
    found = tagged(
        "Les technologies de l'information et de la communication (TIC) seront au menu.",
        Label.SECTOR,
    )
    assert [value for _, value in found] == ["61", "61"]


@pytest.mark.parametrize(
    "text",
    [
        "ومن المنتظر أن يوفر المشروع 500 منصب شغل خلال مرحلة البناء.",
        "وأعلن الوزيران انطلاق أعمال تشييد المصنع.",
    ],
)
def test_arabic_building_the_project_is_no_construction_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


def test_russian_it_is_software_and_services(tagged):
    assert tagged("Стороны подготовят IT-специалистов.", Label.SECTOR) == [("IT", "62")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ils construiront une centrale à gaz.", [("centrale à gaz", "35")]),
        ("L'Inde fournira des voitures de voyageurs.", [("voitures de voyageurs", "30")]),
        ("La banque financera des pistes rurales.", [("pistes rurales", "42")]),
        ("Ils ont évoqué la transformation du café.", [("transformation du café", "10")]),
        ("Une usine de concentré de tomate sera construite.", [("concentré de tomate", "10")]),
        # an electric car is a car, not electrical equipment
        ("Ils assembleront des voitures électriques.", [("voitures", "29")]),
    ],
)
def test_french_sector_phrases(tagged, text, expected):
    assert tagged(text, Label.SECTOR) == expected


def test_english_construction_of_a_project_gives_the_projects_sector(tagged):
    found = tagged("The loan covers the construction of grain silos.", Label.SECTOR)
    assert found == [("grain silos", "25")]


def test_arabic_sectors_inside_a_guessed_name_are_kept(tagged):
    # the persons stage reads the words after "الوزير" as his name
    found = tagged("زار الوزير مصنعا للأدوية ينتج الأنسولين.", Label.SECTOR)
    assert [value for _, value in found] == ["21", "21"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Турецкие подрядчики построят 20 тысяч квартир.", [("квартир", "41")]),
        ("Стороны обсудили подготовку врачей.", [("врачей", "86")]),
        ("Стороны обсудили профессиональную подготовку.", [("профессиональную подготовку", "85")]),
        ("Банк профинансирует ирригационные системы.", [("ирригационные системы", "01")]),
        ("ستنجز الشركة 20 ألف وحدة سكنية.", [("وحدة سكنية", "41")]),
        ("بحث الجانبان الاستثمار الفندقي.", [("الفندقي", "55")]),
        ("تشمل المذكرة تدريب الأطباء.", [("الأطباء", "86")]),
    ],
)
def test_russian_and_arabic_sector_phrases(tagged, text, expected):
    assert tagged(text, Label.SECTOR) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two countries pledged to cut greenhouse gas emissions.",
        "They spoke in defence of multilateralism and of student mobility.",
        "Les deux pays réduiront leurs émissions de gaz à effet de serre.",
        "Sur le papier, l'accord favorise la mobilité des étudiants.",
        "Стороны обсудили сокращение выбросов парниковых газов и академическую мобильность.",
        "بحث الجانبان الطرق الكفيلة بتعزيز التعاون وسد الفجوة التمويلية.",
        "أكد الوزير الدفاع عن مصالح البلدين وتسهيل تنقل الأشخاص.",
    ],
)
def test_sector_words_in_another_sense_give_no_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


def test_data_mining_is_data_processing_not_mining(tagged):
    assert tagged("They discussed data mining.", Label.SECTOR) == [("data mining", "63")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They discussed timber.", ("timber", "02", ["16"])),
        ("They discussed spices.", ("spices", "01", ["10"])),
        ("They discussed agricultural mechanisation.", ("agricultural mechanisation", "28", [])),
        ("They discussed the film industry.", ("film industry", "59", [])),
        ("They discussed financial inclusion.", ("financial inclusion", "64", [])),
        ("Ils ont évoqué les industries créatives.", ("industries créatives", "90", [])),
        ("Ils ont évoqué le commerce en ligne.", ("commerce en ligne", "47", [])),
        ("Ils ont évoqué le combustible nucléaire.", ("combustible nucléaire", "20", [])),
        ("Ils ont évoqué la coopération bancaire.", ("coopération bancaire", "64", [])),
        ("Стороны обсудили энергоэффективность.", ("энергоэффективность", "35", [])),
        ("Стороны обсудили ядерное топливо.", ("ядерное топливо", "20", [])),
        ("Стороны обсудили мобильные сети.", ("мобильные сети", "61", [])),
        ("Стороны обсудили поставки лесоматериалов.", ("лесоматериалов", "16", [])),
        ("بحث الجانبان المكننة الزراعية.", ("المكننة الزراعية", "28", [])),
        ("بحث الجانبان التعاون المصرفي.", ("التعاون المصرفي", "64", [])),
        ("بحث الجانبان الانتقال الطاقي.", ("الانتقال الطاقي", "35", [])),
        ("بحث الجانبان الصناعات الإبداعية.", ("الصناعات الإبداعية", "90", [])),
        ("They discussed financial infrastructure.", ("financial infrastructure", "64", [])),
        (
            "Стороны обсудили развитие финансовой инфраструктуры.",
            ("финансовой инфраструктуры", "64", []),
        ),
        # digitalisation is mostly software and IT services, or else networks
        ("They discussed digital transformation.", ("digital transformation", "62", ["61"])),
        ("Ils ont évoqué la transformation numérique.", ("transformation numérique", "62", ["61"])),
        ("Стороны обсудили цифровизацию.", ("цифровизацию", "62", ["61"])),
        ("بحث الجانبان التحول الرقمي.", ("التحول الرقمي", "62", ["61"])),
    ],
)
def test_more_common_sector_phrases(analysed, text, expected):
    found = [(m.surface, m.value, m.attrs["alternatives"]) for m in analysed(text).of(Label.SECTOR)]
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "L'Algérie et la Turquie ont créé la Société algéro-turque de pneumatiques (SATP).",
            "pneumatiques",
        ),
        ("Algeria and Turkey set up the Algerian-Turkish Tyre Company in Batna.", "Tyre"),
    ],
)
def test_a_joint_company_named_after_two_countries_names_the_sector(tagged, text, surface):
    assert tagged(text, Label.SECTOR) == [(surface, "22")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le ministre souhaite que des fabricants brésiliens s'installent à Bouaké.",
            ("s'installent", "investment"),
        ),
        (
            "Sonatrach et PetroVietnam ont signé un avenant au contrat d'association.",
            ("contrat d'association", "joint_venture"),
        ),
        (
            "Des ingénieurs détachés par le groupe japonais encadreront les équipes.",
            ("ingénieurs détachés", "technology_transfer"),
        ),
        (
            "L'agence a confirmé une contribution financière pour la phase pilote.",
            ("contribution financière", "finance"),
        ),
        (
            "Engineers from the Dutch utility will be seconded to the water board.",
            ("seconded", "technology_transfer"),
        ),
        (
            "The two companies amended their association contract for the oilfield.",
            ("association contract", "joint_venture"),
        ),
        (
            "Seoul announced a financial contribution to the regional programme.",
            ("financial contribution", "finance"),
        ),
    ],
)
def test_settling_secondment_association_and_contribution_name_their_instrument(
    tagged, text, expected
):
    assert expected in tagged(text, Label.INSTRUMENT)


@pytest.mark.parametrize(
    ("text", "coordinated"),
    [
        (
            "Les deux pays coopéreront dans les industries aéronautique et médicale.",
            ("médicale", "32"),
        ),
        (
            "Стороны договорились о сотрудничестве авиационной и медицинской промышленности.",
            ("авиационной", "30"),
        ),
        (
            "اتفق البلدان على التعاون في الصناعات الغذائية والدوائية.",
            ("والدوائية", "21"),
        ),
    ],
)
def test_a_qualifier_coordinated_with_a_sector_phrase_shares_its_head(tagged, text, coordinated):
    assert coordinated in tagged(text, Label.SECTOR)


def test_a_coordinated_word_that_makes_no_sector_phrase_adds_nothing(tagged):
    found = tagged("Il a visité les industries aéronautique et française.", Label.SECTOR)
    assert [surface for surface, _ in found] == ["industries aéronautique"]


@pytest.mark.parametrize(
    "text",
    [
        "Japan granted 1.9 billion yen to expand water supply in Kampot province.",
        "Le prêt financera l'alimentation en eau potable de trois villes.",
        "La mise en service commerciale de la ligne est annoncée pour octobre.",
    ],
)
def test_utility_supply_and_commissioning_are_no_trade(tagged, text):
    assert "trade" not in [value for _, value in tagged(text, Label.INSTRUMENT)]


def test_supply_between_firms_is_still_trade(tagged):
    found = tagged("The Kenyan firm will supply avocados to Chinese importers.", Label.INSTRUMENT)
    assert ("supply", "trade") in found


@pytest.mark.parametrize(
    "text",
    [
        "Le poste frontière sera modernisé, où les files de camions atteignent deux kilomètres.",
        "A parking area of 15 hectares will be reserved for Chadian trucks at the port.",
    ],
)
def test_vehicles_in_use_name_no_sector(tagged, text):
    assert tagged(text, Label.SECTOR) == []


@pytest.mark.parametrize(
    "text",
    [
        "Les deux groupes assembleront des camions à Rouiba.",
        "The plant will assemble 5,000 trucks a year.",
        "Kenya will import 300 buses from China.",
    ],
)
def test_vehicles_made_or_traded_are_isic_29(tagged, text):
    assert "29" in [value for _, value in tagged(text, Label.SECTOR)]


def test_urban_mobility_is_transport(tagged):
    assert tagged(
        "La France restera aux côtés de Madagascar pour la mobilité urbaine.", Label.SECTOR
    ) == [("mobilité urbaine", "49")]


def test_lithium_is_mining(tagged):
    assert tagged("The two sides will explore lithium brine blocks in Salta.", Label.SECTOR) == [
        ("lithium brine", "07")
    ]


@pytest.mark.parametrize(
    ("text", "division"),
    [
        ("They will build an edible oil refinery in Mirsarai.", "10"),
        ("Pose de la première pierre de la raffinerie d'alumine de Boké.", "24"),
        ("La raffinerie de sucre ouvrira en mai.", "10"),
        ("The oil refinery will double its capacity.", "19"),
    ],
)
def test_a_refinery_is_of_what_it_refines(tagged, text, division):
    assert [value for _, value in tagged(text, Label.SECTOR)] == [division]


@pytest.mark.parametrize(
    "text",
    [
        "Beras Utama Bhd and Mekong Grain Joint Stock Company signed a rice contract.",
        "A rail spur will link the depot to Tanzania's standard gauge railway.",
        "The first block train left Alat for Kars on Tuesday.",
    ],
)
def test_legal_forms_gauges_and_trains_are_no_instruments(tagged, text):
    values = [value for _, value in tagged(text, Label.INSTRUMENT)]
    assert "joint_venture" not in values and "technology_transfer" not in values
