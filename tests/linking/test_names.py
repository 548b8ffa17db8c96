from __future__ import annotations

import pytest

from coopwatch.linking.names import organization_keys, person_key, same_person, skeleton


@pytest.mark.parametrize(
    "spellings",
    [
        ("Ryzhenkov", "Рыженков", "ريجينكوف"),
        ("Sergueï Lavrov", "Сергей Лавров", "سيرغي لافروف"),
        ("Mohamed", "Muhammad", "محمد"),
        ("Yahia Bachir", "Яхья Башир", "يحيى بشير"),
    ],
)
def test_one_name_in_three_scripts_has_one_skeleton(spellings: tuple[str, ...]) -> None:
    assert len({skeleton(s) for s in spellings}) == 1


def test_arabic_articles_and_particles_do_not_make_the_surname() -> None:
    latin, arabic = person_key("Abdulaziz Al-Naama"), person_key("عبد العزيز النعمة")
    assert latin is not None and arabic is not None
    assert latin.surname == arabic.surname
    assert same_person(latin, arabic)


def test_a_surname_alone_matches_the_full_name_but_not_another_given_name() -> None:
    full, alone, other = (
        person_key("Maxim Ryzhenkov"),
        person_key("Рыженков"),
        person_key("Oleg Ryzhenkov"),
    )
    assert full is not None and alone is not None and other is not None
    assert same_person(full, alone)
    assert not same_person(full, other)


def test_short_surnames_alone_match_nothing() -> None:
    short, full = person_key("Li"), person_key("Li Qiang")
    assert short is not None and full is not None
    assert not same_person(short, full)


def test_organisations_meet_across_scripts_by_transliteration_or_long_skeletons() -> None:
    assert organization_keys("МАЗ") & organization_keys("MAZ")
    assert organization_keys("Ibérica de Cables") & organization_keys("إيبيريكا دي كابليس")
    assert not organization_keys("Sonatrach") & organization_keys("Sonelgaz")
