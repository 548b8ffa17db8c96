from __future__ import annotations

from datetime import date

from coopwatch.linking.commitments import Milestone, current_stage, label, timeline
from coopwatch.linking.facts import report_facts
from coopwatch.linking.stages import stage_of
from coopwatch.model import CommitmentStage as S


def test_the_timeline_keeps_each_step_further_and_each_outcome() -> None:
    steps = [
        ("e3", date(2026, 11, 4), S.UNDER_WAY),
        ("e1", date(2026, 2, 10), S.PLEDGED),
        ("e2", date(2026, 6, 16), S.AGREED),
        ("e2b", date(2026, 6, 20), S.PLEDGED),  # a pledge after the signing adds nothing
        ("e4", date(2027, 9, 22), S.OPERATIONAL),
    ]
    milestones = timeline(steps)
    assert [(m.stage, m.event_id) for m in milestones] == [
        (S.PLEDGED, "e1"),
        (S.AGREED, "e2"),
        (S.UNDER_WAY, "e3"),
        (S.OPERATIONAL, "e4"),
    ]
    assert current_stage(milestones) == S.OPERATIONAL


def test_a_cancellation_after_the_signing_is_where_the_thread_stands() -> None:
    steps = [("a", date(2025, 10, 14), S.AGREED), ("b", date(2026, 5, 19), S.CANCELLED)]
    assert current_stage(timeline(steps)) == S.CANCELLED
    assert current_stage([Milestone(S.STALLED, None, "x")]) == S.STALLED


def test_stage_words_of_the_sentence_in_four_languages() -> None:
    opened = "L'usine a été inaugurée hier à Bouira."
    assert stage_of("implementation", opened, "fr") == S.OPERATIONAL
    assert stage_of("implementation", "Work began on the new plant.", "en") == S.UNDER_WAY
    assert stage_of("agreement", "The deal signed in 2024 was cancelled.", "en") == S.CANCELLED
    assert stage_of("agreement", "Проект заморожен.", "ru") == S.STALLED
    assert stage_of("implementation", "تم تدشين المصنع", "ar") == S.OPERATIONAL
    assert stage_of("meeting", "They met in Algiers.", "en") == S.DISCUSSED


def test_conveners_in_four_scripts_are_no_object_of_an_undertaking() -> None:
    from coopwatch.linking.objects import is_convener

    conveners = [
        "Chambre de commerce et d'industrie d'Oran",
        "Conseil d'affaires algéro-saoudien",
        "Confederation of Indian Industry",
        "Торгово-промышленной палаты Беларуси",
        "Межправительственная комиссия",
        "مجلس الأعمال السعودي الروسي",
        "الغرفة التجارية الصناعية الأردنية",
    ]
    objects = ["Baladna", "Союзнефтегаз", "Unionbank", "Tata Electronics", "هينغشي مصر"]
    assert all(is_convener(n) for n in conveners)
    assert not any(is_convener(n) for n in objects)


def test_steps_sharing_only_a_convener_have_no_thread_key() -> None:
    from coopwatch.linking.commitments import thread_keys
    from coopwatch.linking.facts import report_facts

    def agreement(orgs: list[list[str]]) -> list:
        event = {"id": "r1", "type": "agreement", "parties": ["DZ", "SA"],
                 "organizations": orgs, "date": "2025-04-20"}  # fmt: skip
        return [report_facts(event, document_id="d", sentence="", lang="fr", published=None)]

    chamber = ["CACI", "Chambre algérienne de commerce et d'industrie"]
    assert thread_keys(agreement([chamber])) == set()
    assert thread_keys(agreement([chamber, ["Baladna"]])) == {"DZ;SA|org:baladna"}


def test_a_large_city_keys_an_implementation_but_not_a_signing_held_there() -> None:
    def keys(kind: str, place: str) -> set[str]:
        event = {"id": kind, "type": kind, "parties": ["SN", "TR"], "location": place}
        facts = report_facts(event, document_id="d", sentence="", lang="en", published=None)
        return facts.object_keys()

    assert keys("agreement", "Istanbul") == set()  # a forum's venue
    assert keys("implementation", "Istanbul") == {"loc:istanbul"}  # a plant there
    assert keys("agreement", "Relizane") == {"loc:relizane"}


def test_a_label_writes_a_dateline_place_in_capitals_as_a_name() -> None:
    assert (
        label(["EG", "ES"], [], ["LE CAIRE"], ["36"]) == "EG-ES: undertaking in Le Caire (ISIC 36)"
    )
    assert label(["DZ", "TR"], ["Tayal"], ["Relizane"], []) == "DZ-TR: Tayal in Relizane"
