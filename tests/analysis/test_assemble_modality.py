"""Steps told as the object of an intent, still to come, on "the same day", or recalled
by a participle: their type and date (through ``coopwatch.extract``)."""

from __future__ import annotations

from datetime import date

import pytest

from coopwatch.model import EventType


def steps(extraction):
    return [(e.type, e.date) for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "الجزائر في 18 فبراير 2025 - وقعت الجزائر وإيطاليا يوم الأحد اتفاقا لإنجاز مشروع "
            "للهيدروجين الأخضر. وفي اليوم ذاته، انطلقت أشغال توسعة محطة ضغط الغاز.",
            date(2025, 2, 16),
        ),
        (
            "NEW DELHI, March 14, 2025 - India and Japan signed on Monday an agreement on a "
            "metro line. On the same day, construction began on the Indian plant.",
            date(2025, 3, 10),
        ),
    ],
)
def test_a_step_of_the_same_day_takes_the_day_of_the_step_before(extracted, text, day):
    implementation = [e for e in extracted(text).events if e.type == EventType.IMPLEMENTATION]
    assert [e.date for e in implementation] == [day]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "طرابلس في 2 مارس 2025 - بحث وزير الكهرباء الليبي مع السفير التركي تسريع إنجاز "
            "المحطة، واتفق الجانبان على توقيع عقد للصيانة لمدة خمس سنوات.",
            EventType.AGREEMENT,
        ),
        (
            "МОСКВА, 18 июня 2024 года. Россия и Вьетнам договорились о регулярных встречах "
            "по вопросам торгово-экономического сотрудничества.",
            EventType.MEETING,
        ),
    ],
)
def test_a_step_that_is_the_object_of_an_intent_is_a_pledge(extracted, text, kind):
    kinds = [e.type for e in extracted(text).events]
    assert EventType.PLEDGE in kinds and kind not in kinds


def test_a_signing_joined_to_an_agreement_by_a_conjunction_is_still_a_signing(extracted):
    extraction = extracted(
        "الجزائر في 12 مارس 2025 - اتفق الجانبان الجزائري والسعودي ووقعا يوم الثلاثاء "
        "اتفاقية شراكة لإنتاج الجرارات."
    )
    assert (EventType.AGREEMENT, date(2025, 3, 11)) in steps(extraction)


def test_works_that_start_once_a_deal_is_signed_give_no_signing(extracted):
    extraction = extracted(
        "القاهرة في 10 فبراير 2025 - بحث وزير الكهرباء المصري أمس مع وفد سعودي مشروع "
        "الرياح، وأكد رئيس الشركة أن الأشغال ستنطلق فور توقيع الاتفاقيات."
    )
    assert EventType.AGREEMENT not in [e.type for e in extraction.events]


def test_a_russian_signed_participle_is_an_agreement_only_with_its_own_date(extracted):
    dated = extracted(
        "АЛМАТЫ, 30 сентября 2025 года. Казахстан и Южная Корея в понедельник договорились "
        "о поставках титана по контракту, подписанному 14 марта 2024 года."
    )
    assert (EventType.AGREEMENT, date(2024, 3, 14)) in steps(dated)
    undated = extracted(
        "МИНСК, 13 марта 2023 года. Беларусь и Оман вчера договорились о сотрудничестве: "
        "выполнение всех подписанных документов позволит нарастить торговлю."
    )
    assert EventType.AGREEMENT not in [e.type for e in undated.events]


@pytest.mark.parametrize(
    "text",
    [
        "МИНСК, 12 марта 2025 года. Узбекская компания во вторник получила партию из 20 "
        "белорусских автобусов. Сотрудничество двух стран успешно развивается.",
        "МИНСК, 12 марта 2025 года. Во вторник Беларусь и Узбекистан начали строительство "
        "совместного завода. Сотрудничество двух стран успешно развивается.",
        "МИНСК, 12 марта 2025 года. Во вторник в Ташкенте открыли совместное белорусско-"
        "узбекское предприятие по сборке тракторов. Сотрудничество двух стран развивается.",
    ],
)
def test_russian_batches_received_and_plants_opened_are_implementation(extracted, text):
    assert steps(extracted(text)) == [(EventType.IMPLEMENTATION, date(2025, 3, 11))]


def test_an_arabic_step_told_with_a_future_verb_of_starting_is_no_implementation(extracted):
    extraction = extracted(
        "الجزائر في 12 مارس 2025 - بحث وزير الصناعة الجزائري أمس مع نظيره التركي المشروع، "
        "وأكد أن المصنع سيدخل حيز الإنتاج قبل نهاية العام."
    )
    assert EventType.IMPLEMENTATION not in [e.type for e in extraction.events]


def test_an_arabic_plant_that_entered_production_is_implementation(extracted):
    extraction = extracted(
        "الجزائر في 12 مارس 2025 - دخل المصنع الجزائري التركي للحافلات يوم الثلاثاء حيز "
        "الإنتاج. ويأتي ذلك في إطار التعاون الاقتصادي بين البلدين."
    )
    assert steps(extraction) == [(EventType.IMPLEMENTATION, date(2025, 3, 11))]


def test_a_step_named_by_its_eve_is_the_day_after_it(extracted):
    extraction = extracted(
        "مدريد - 3 دجنبر 2025 - احتضنت مدريد، اليوم الأربعاء، منتدى اقتصاديا مغربيا إسبانيا، "
        "عشية الاجتماع رفيع المستوى بين البلدين، بحضور رئيس الحكومة. ودعا المشاركون إلى "
        "تعزيز الاستثمارات المتبادلة."
    )
    assert (EventType.MEETING, date(2025, 12, 3)) in steps(extraction)
    assert date(2025, 12, 2) not in [e.date for e in extraction.events]


def test_the_eve_dates_the_other_step_of_its_sentence(extracted):
    extraction = extracted(
        "ТАШКЕНТ, 29 октября 2025 года. Вчера в Ташкенте прошел российско-узбекский форум "
        "цифровых технологий. Накануне форума министр цифровых технологий Узбекистана "
        "встретился с заместителем министра цифрового развития России."
    )
    meetings = [e.date for e in extraction.events if e.type == EventType.MEETING]
    assert meetings == [date(2025, 10, 27), date(2025, 10, 28)]


def test_the_future_of_building_and_creating_is_no_russian_pledge(extracted):
    extraction = extracted(
        "ТАШКЕНТ, 8 апреля 2025 года. Вчера Узбекистан и Южная Корея подписали соглашения о "
        "строительстве фармацевтических заводов. Южнокорейские компании построят в "
        "Узбекистане три завода, на которых будет создано 1200 рабочих мест."
    )
    assert steps(extraction) == [(EventType.AGREEMENT, date(2025, 4, 7))]


def test_the_year_of_the_next_clause_does_not_make_a_plan_background(extracted):
    extraction = extracted(
        "МИНСК, 16 июня 2026 года. Беларусь и Алжир сегодня подписали соглашение о создании "
        "совместного предприятия. По словам министра, строительство планируется начать "
        "осенью, а первые тракторы должны сойти с конвейера в 2027 году."
    )
    assert (EventType.PLEDGE, date(2026, 6, 16)) in steps(extraction)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "نواكشوط، 20 أكتوبر 2024 - افتتح وزير التجارة الجزائري، كمال بوعزة، ونظيره "
            "الموريتاني، أمس السبت بنواكشوط، الطبعة السابعة للمعرض الجزائري للمنتجات. ويأتي "
            "ذلك في إطار التعاون الاقتصادي بين البلدين.",
            EventType.MEETING,
        ),
        (
            "الجزائر في 12 مارس 2025 - افتتح وزيرا الصناعة الجزائري والتركي يوم الثلاثاء "
            "مصنعا مشتركا للحافلات على هامش المعرض الدولي. ويأتي ذلك في إطار التعاون "
            "الاقتصادي بين البلدين.",
            EventType.IMPLEMENTATION,
        ),
    ],
)
def test_an_opening_is_a_meeting_when_it_opens_a_gathering(extracted, text, kind):
    assert [e.type for e in extracted(text).events] == [kind]


def test_terms_of_a_deal_signed_in_the_same_clause_are_no_pledge(extracted):
    extraction = extracted(
        "ASTANA, May 8, 2025 - Kazakhstan's rail company and a Chinese wagon maker signed "
        "an agreement on Wednesday to form a joint venture that will build wagons."
    )
    assert steps(extraction) == [(EventType.AGREEMENT, date(2025, 5, 7))]


def test_a_deal_that_will_raise_exports_is_no_pledge_of_its_own(extracted):
    extraction = extracted(
        "ADDIS ABABA, May 8, 2025 - Ethiopia and Kenya today signed an amended power "
        "purchase agreement that will raise Ethiopia's electricity exports to Kenya."
    )
    assert steps(extraction) == [(EventType.AGREEMENT, date(2025, 5, 8))]


def test_a_pledge_joined_to_a_signing_by_and_is_kept(extracted):
    extraction = extracted(
        "ASTANA, May 8, 2025 - Kazakhstan and China signed an agreement on Wednesday and "
        "agreed to double their trade by 2030."
    )
    assert (EventType.PLEDGE, date(2025, 5, 7)) in steps(extraction)


@pytest.mark.parametrize(
    "text",
    [
        "ABUJA, May 8, 2025 - The spokesman has denied social media reports that a deal for "
        "a stake in the state refinery was signed with the Emirati fund today.",
        "NOUAKCHOTT, 8 mai 2025 - Le ministère a démenti les informations selon lesquelles "
        "un nouvel accord aurait déjà été signé avec un investisseur saoudien hier.",
    ],
)
def test_a_step_told_after_a_denial_in_its_clause_is_denied(extracted, text):
    extraction = extracted(text)
    assert EventType.AGREEMENT not in [e.type for e in extraction.events]


def test_a_denial_does_not_reach_past_its_clause(extracted):
    extraction = extracted(
        "ABUJA, May 8, 2025 - Nigeria denied reports of delays with Morocco, and the two "
        "countries signed on Wednesday an agreement on a fertiliser plant."
    )
    assert (EventType.AGREEMENT, date(2025, 5, 7)) in steps(extraction)
