"""Russian organisations named by a capitalised head and a genitive complement, in
an oblique case, and regions that act for their country."""

from __future__ import annotations

from coopwatch.model import Label


def _org_names(analysis) -> list[list[str]]:
    return [list(m.value) for m in analysis.of(Label.ORGANIZATION)]


def test_head_in_the_instrumental_gives_the_name_in_the_nominative(analysed):
    analysis = analysed(
        "Кредитную линию открыл белорусским заводам Фондом поддержки экспорта в марте.",
        lang="ru",
    )
    assert any("Фонд поддержки экспорта" in names for names in _org_names(analysis))


def test_the_complement_stops_before_a_verb(analysed):
    analysis = analysed(
        "Договор с Банком развития подписали в среду в Минске представители завода.",
        lang="ru",
    )
    found = _org_names(analysis)
    assert ["Банк развития", "Банком развития"] in found


def test_a_capital_opening_the_sentence_makes_no_name(analysed):
    analysis = analysed("Банк выдал кредит заводу. Фонд развития промышленности ждёт.", lang="ru")
    assert _org_names(analysis) == []


def test_an_indeclinable_abbreviation_is_no_complement(analysed):
    analysis = analysed("Проект одобрило Агентство по развитию экспорта.", lang="ru")
    assert all(names[0] != "Агентство по" for names in _org_names(analysis))


def test_a_russian_region_is_a_party_for_russia(extracted):
    extraction = extracted(
        "Глава Татарстана провёл переговоры с президентом Узбекистана в Ташкенте 3 марта "
        "2025 года. Стороны подписали соглашение о поставках грузовиков.",
        lang="ru",
    )
    assert extraction.parties == ["RU", "UZ"]


def test_a_region_without_a_foreign_country_named_is_domestic_news(extracted):
    extraction = extracted(
        "Татарстан открыл завод полимерных труб\n"
        "В Казани 2 декабря 2026 года открылся завод полимерных труб. Трубы заменят "
        "продукцию, которую раньше водоканалы республики закупали у немецких и итальянских "
        "производителей. На открытии присутствовал заместитель премьер-министра Татарстана, "
        "который отметил, что сотрудничество предприятия с водоканалами позволит обновить "
        "до 300 километров сетей.",
        lang="ru",
    )
    assert extraction.parties == [] and extraction.events == []
