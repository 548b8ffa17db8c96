"""Russian persons and jobs, Arabic organisations and sectors: the rules for names with
patronymics and particles, oblique cases, company names after head nouns, waters and
ships."""

from __future__ import annotations

from coopwatch.analysis.keying import RussianKeying
from coopwatch.model import Label

RU_PAIR = " Россия и Египет подписали соглашение о сотрудничестве."
AR_PAIR = " ووقعت مصر وروسيا اتفاقية للتعاون الصناعي."


def _persons(analysed, text, lang):
    return [p.value for p in analysed(text, lang).of(Label.PERSON) if not p.attrs.get("repeat")]


def _organizations(analysed, text, lang):
    return [m.value for m in analysed(text, lang).of(Label.ORGANIZATION)]


def test_russian_particles_stay_inside_a_name(analysed):
    text = "Протокол подписал министр энергетики Египта Мустафа ад-Дин аль-Бахри." + RU_PAIR
    assert _persons(analysed, text, "ru") == ["Мустафа ад-Дин аль-Бахри"]


def test_russian_ould_particle(analysed):
    text = "В переговорах участвовал министр торговли Мавритании Сиди ульд Ахмед." + RU_PAIR
    assert _persons(analysed, text, "ru") == ["Сиди ульд Ахмед"]


def test_patronymic_name_after_company_noun_in_genitive(analysed):
    text = "Документ подписал директор комбината Олег Петрович Ганин." + RU_PAIR
    assert _persons(analysed, text, "ru") == ["Олег Петрович Ганин"]
    assert "Олег Петрович Ганин" not in str(_organizations(analysed, text, "ru"))


def test_known_first_name_after_company_noun_in_genitive(analysed):
    text = "Как сообщил председатель правления банка Игорь Смирнов, кредит выдан." + RU_PAIR
    assert _persons(analysed, text, "ru") == ["Игорь Смирнов"]


def test_patronymic_starts_the_name_after_an_organisation(analysed):
    text = "Его подписал заместитель руководителя Роснедр Пётр Ильич Зорин." + RU_PAIR
    assert _persons(analysed, text, "ru") == ["Пётр Ильич Зорин"]


def test_quoted_company_is_no_person_and_the_name_after_it_is(analysed):
    text = (
        "Прибыла делегация во главе с генеральным директором АО «Волга Энерго» Денисом Кравцом."
        + RU_PAIR
    )
    found = _persons(analysed, text, "ru")
    assert "Волга Энерго" not in found
    assert found == ["Денис Кравец"]


def test_second_name_joined_by_and_shares_the_title(analysed):
    text = (
        "Премьер-министры двух стран Бахтияр Каримов и Нурлан Есимов провели переговоры." + RU_PAIR
    )
    assert _persons(analysed, text, "ru") == ["Бахтияр Каримов", "Нурлан Есимов"]


def test_bare_head_title_introduces_a_name(analysed):
    text = "Глава РЭЦ Вадим Орлов заявил о готовности к поставкам." + RU_PAIR
    assert _persons(analysed, text, "ru") == ["Вадим Орлов"]


def test_name_agrees_with_an_adjective_opening_the_title():
    keying = RussianKeying()
    assert keying.name_form("Нгуен Ван Зунгом", "Генеральным") == "Нгуен Ван Зунг"
    assert keying.name_form("Виктором Шульгой", "Чрезвычайным") == "Виктор Шульга"


def test_unknown_surnames_lose_their_oblique_ending():
    keying = RussianKeying()
    assert keying.name_form("Батбаяра Цэрэнга", "министра") == "Батбаяр Цэрэнг"
    assert keying.name_form("Анила Кхаммы", "секретаря") == "Анил Кхамма"
    assert keying.name_form("Сергеем Ефимовым", "торговым") == "Сергей Ефимов"


def test_russian_hiring_verbs_make_jobs(extracted):
    text = "Новый завод даст работу 420 местным жителям." + RU_PAIR
    assert extracted(text, "ru").jobs == 420
    text = "На совместном предприятии трудоустроены 260 человек." + RU_PAIR
    assert extracted(text, "ru").jobs == 260


def test_russian_session_of_a_commission_is_a_meeting(extracted):
    text = (
        "В Каире в четверг завершилась пятая сессия Смешанной российско-египетской комиссии."
        + RU_PAIR
    )
    assert "meeting" in [e.type.value for e in extracted(text, "ru").events]


def test_arabic_family_name_after_al_may_be_a_title_word(analysed):
    text = "وحضر اللقاء وزير الصناعة السعودي المهندس سلمان بن خالد آل الشيخ." + AR_PAIR
    assert _persons(analysed, text, "ar") == ["سلمان بن خالد آل الشيخ"]


def test_arabic_regnal_ordinal_ends_a_kings_name(analysed):
    text = "وجاء ذلك تنفيذا لتوجيهات جلالة الملك عبد الله الثاني بتحسين خدمات النقل." + AR_PAIR
    assert _persons(analysed, text, "ar") == ["عبد الله الثاني"]


def test_arabic_title_with_possessive_suffix(analysed):
    text = "ووقع عن الشركة الهندية عضو مجلس إدارتها المنتدب راهول ميهتا." + AR_PAIR
    assert _persons(analysed, text, "ar") == ["راهول ميهتا"]


def test_arabic_long_descriptive_name_keeps_its_last_words(analysed):
    text = "وأعلنت الهيئة العامة للمناطق الاقتصادية الخاصة والمناطق الحرة عن المشروع." + AR_PAIR
    names = _organizations(analysed, text, "ar")
    assert ["الهيئة العامة للمناطق الاقتصادية الخاصة والمناطق الحرة"] in names


def test_arabic_coordinated_construct_closes_the_name(analysed):
    text = "ويتعاون المعهد الوطني لبحوث الزراعة وعلوم التربة لتقييم الأراضي مع الجامعة." + AR_PAIR
    names = _organizations(analysed, text, "ar")
    assert ["المعهد الوطني لبحوث الزراعة وعلوم التربة"] in names


def test_arabic_proper_name_before_a_definite_nationality(analysed):
    text = "وأعلنت شركة فولغا-ترانس الروسية عزمها إنشاء مصنع في الإسكندرية." + AR_PAIR
    names = _organizations(analysed, text, "ar")
    assert ["شركة فولغا-ترانس", "فولغا-ترانس"] in names


def test_arabic_indefinite_adjective_makes_no_name(analysed):
    text = "وأعلنت شركة تابعة روسية عزمها إنشاء مصنع في الإسكندرية." + AR_PAIR
    assert not any("تابعة" in " ".join(n) for n in _organizations(analysed, text, "ar"))


def test_arabic_company_also_named_without_its_head(analysed):
    text = "ووقعت شركة نوفا للصناعات الغذائية ش.م.م عقدا مع الهيئة." + AR_PAIR
    names = [n for org in _organizations(analysed, text, "ar") for n in org]
    assert "نوفا للصناعات الغذائية ش.م.م" in names


def test_arabic_countrys_waters_name_no_water_sector(extracted):
    text = "ويحدد المحضر شروط نشاط سفن الصيد في المياه المغربية." + AR_PAIR
    assert "36" not in extracted(text, "ar").sectors


def test_arabic_ships_in_use_name_no_shipbuilding_but_built_ships_do(extracted):
    text = "وتدرب البحارة على متن السفن الروسية." + AR_PAIR
    assert "30" not in extracted(text, "ar").sectors
    text = "واتفق الجانبان على بناء السفن في حوض الإسكندرية." + AR_PAIR
    assert "30" in extracted(text, "ar").sectors


def test_capitals_adjective_with_side_names_the_country(extracted):
    text = "Ханойская сторона подписала с Минском контракт на поставку тракторов."
    assert extracted(text, "ru").parties == ["BY", "VN"]


def test_plenary_session_of_a_show_is_no_meeting(extracted):
    text = "Выступая на пленарной сессии выставки, министр Беларуси призвал Россию к кооперации."
    assert "meeting" not in [e.type.value for e in extracted(text, "ru").events]


def test_signatures_set_by_a_first_deputy_are_no_delivery(extracted):
    text = (
        "Подписи под контрактом поставили первый заместитель министра Египта Ахмед Фарид"
        " и посол России Олег Зимин."
    )
    assert "implementation" not in [e.type.value for e in extracted(text, "ru").events]


def test_gathering_opened_in_a_relative_clause_is_a_meeting(extracted):
    text = "واختتمت أشغال الدورة الخامسة للجنة المشتركة المغربية الروسية التي افتتحت أمس."
    types = [e.type.value for e in extracted(text, "ar").events]
    assert "implementation" not in types


def test_place_ending_a_titles_complement_is_not_the_name(analysed):
    text = (
        "В церемонии участвовал региональный директор компании по Центральной Азии"
        " Тарик аль-Амри." + RU_PAIR
    )
    assert _persons(analysed, text, "ru") == ["Тарик аль-Амри"]


def test_quoted_company_in_genitive_before_the_name(analysed):
    text = "Об этом сообщил генеральный директор «Волга-Зерно Терминала» Игорь Лапин." + RU_PAIR
    assert _persons(analysed, text, "ru") == ["Игорь Лапин"]


def test_arabic_body_named_by_one_definite_noun(analysed):
    text = "وقال مدير سلطة الطاقة إن المشروع سيكتمل قبل نهاية العام." + AR_PAIR
    assert ["سلطة الطاقة"] in _organizations(analysed, text, "ar")
    text = "وسيتم إنشاء مركز التكوين في العاصمة." + AR_PAIR
    assert ["مركز التكوين"] not in _organizations(analysed, text, "ar")


def _types(extracted, text, lang):
    return [e.type.value for e in extracted(text, lang).events]


def test_russian_restated_commitment_is_a_pledge(extracted):
    text = "Индийская сторона подтвердила приверженность условиям контракта с Россией."
    assert _types(extracted, text, "ru") == ["pledge"]


def test_russian_conditional_offer_stays_a_pledge(extracted):
    text = "Россия готова поставить Индии 40 турбин при условии, что Дели оплатит аванс."
    assert _types(extracted, text, "ru") == ["pledge"]


def test_russian_conveyor_in_either_order(extracted):
    text = "С конвейера сошел сотый трактор белорусско-узбекского предприятия в Ташкенте."
    assert _types(extracted, text, "ru") == ["implementation"]


def test_russian_commercial_offer_is_a_pledge(extracted):
    text = "Российская компания направила индийской стороне коммерческое предложение на 40 турбин."
    assert _types(extracted, text, "ru") == ["pledge"]


def test_arabic_definite_head_after_a_definite_word_is_an_adjective(analysed):
    text = "وتملك الحصة جمعية الصيادين المغاربة للتسويق التعاونية المحدودة (MFMC)." + AR_PAIR
    names = [n for org in _organizations(analysed, text, "ar") for n in org]
    assert "جمعية الصيادين المغاربة للتسويق التعاونية المحدودة" in names
