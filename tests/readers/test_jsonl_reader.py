"""JSON Lines: one document per line; a bad line is reported and the rest read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers import jsonl


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_line_in_the_middle(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            json.dumps(
                {
                    "text": "Accord signé à Rabat.",
                    "url": "https://a.example/1",
                    "title": "Rabat et Madrid",
                    "published": "2025-03-10",
                    "lang": "fr",
                    "extra": 1,
                },
                ensure_ascii=False,
            ),
            '{"text": "broken", ',
            json.dumps({"text": "Work started.", "published": "2025-03-12T08:15:00Z"}),
        ],
    )
    first, bad, third = jsonl.read(path)
    assert isinstance(first, Document)
    assert first.text == "Rabat et Madrid\nAccord signé à Rabat."
    assert (first.url, first.title, first.lang) == ("https://a.example/1", "Rabat et Madrid", "fr")
    assert first.published == date(2025, 3, 10)
    assert first.source == f"{path}#1"
    assert isinstance(bad, InputError)
    assert bad.source == f"{path}#2"
    assert str(path) in str(bad) and "line 2" in str(bad) and "invalid JSON" in str(bad)
    assert isinstance(third, Document)
    assert third.published == date(2025, 3, 12)
    assert third.source == f"{path}#3"


def test_field_errors_name_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            '{"title": "no text"}',
            '["not", "an", "object"]',
            '{"text": 42}',
            '{"text": "ok", "published": "sometime soon"}',
            "",
            '{"text": "fine"}',
        ],
    )
    items = list(jsonl.read(path))
    reasons = [item.reason for item in items if isinstance(item, InputError)]
    assert reasons == [
        "line 1: missing required field 'text'",
        "line 2: expected a JSON object, got list",
        "line 3: field 'text' must be a string, got int",
        "line 4: field 'published' is not a date: 'sometime soon'",
    ]
    (doc,) = [item for item in items if isinstance(item, Document)]
    assert doc.text == "fine"
    assert doc.source == f"{path}#6"


def test_published_written_in_words_is_parsed_day_first(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            '{"text": "a", "published": "12 mars 2025"}',
            '{"text": "b", "published": "04/12/2025"}',
            '{"text": "c", "published": "4 декабря 2025"}',
        ],
    )
    dates = [item.published.isoformat() for item in jsonl.read(path)]  # type: ignore[union-attr]
    assert dates == ["2025-03-12", "2025-12-04", "2025-12-04"]


def test_bom_and_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "un"}\n{"text": "d\xe9ux"}\n')
    first, second = jsonl.read(path)
    assert isinstance(first, Document) and first.text == "un"
    assert isinstance(second, InputError) and second.reason == "line 2: not UTF-8 text"
