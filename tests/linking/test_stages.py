"""Stage words: every phrase of every lexicon is found, in a sentence of its language."""

from __future__ import annotations

import pytest

from coopwatch.lexicons import available_languages, load
from coopwatch.linking.stages import cues, stage_of
from coopwatch.model import CommitmentStage


@pytest.mark.parametrize("lang", sorted(available_languages()))
def test_every_stage_phrase_is_found_past_the_quick_check(lang: str) -> None:
    stages = load(lang).stages
    listed = [
        (CommitmentStage.OPERATIONAL, stages.operational),
        (CommitmentStage.STALLED, stages.stalled),
        (CommitmentStage.CANCELLED, stages.cancelled),
    ]
    missed = [
        phrase
        for stage, phrases in listed
        for phrase in phrases
        if stage not in cues(f"« {phrase} » .", lang)
    ]
    assert missed == []


def test_a_sentence_without_stage_words_shows_its_type_stage() -> None:
    sentence = "The two ministers signed an agreement on the railway line."
    assert cues(sentence, "en") == set()
    assert stage_of("agreement", sentence, "en") is CommitmentStage.AGREED


def test_a_suspension_is_an_outcome_whatever_the_type() -> None:
    sentence = "Les livraisons de wagons ont été suspendues en septembre."
    assert stage_of("implementation", sentence, "fr") is CommitmentStage.STALLED
