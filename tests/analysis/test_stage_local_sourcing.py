"""Parts bought from local firms are subcontracting."""

from __future__ import annotations

import pytest

from coopwatch.model import Label


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Tyres and batteries are now sourced from three Kenyan firms.", "en"),
        ("The chief executive said local firms would supply cabins and seats.", "en"),
        ("Les sièges seront fournis par des entreprises locales dès l'an prochain.", "fr"),
    ],
)
def test_parts_from_local_firms_are_subcontracting(analysed, text, lang):
    values = [m.value for m in analysed(text, lang).of(Label.INSTRUMENT)]
    assert "subcontracting" in values
