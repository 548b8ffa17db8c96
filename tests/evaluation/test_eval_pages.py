"""``evaluate`` reads HTML pages where a corpus has no plain text, as ``extract`` would."""

import json
from pathlib import Path

import pytest

from coopwatch.errors import EvalError
from coopwatch.evaluation.run import evaluate

PAGE = """<html><head><meta charset="utf-8"><title>Engrais : accord algéro-tunisien</title>
<link rel="canonical" href="https://agence.example/eco/2024/05/21/engrais"></head>
<body><nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav><article>
<h1>Engrais : accord algéro-tunisien</h1>
<p>L'Algérie et la Tunisie ont signé hier à Alger un accord de partenariat pour la
production d'engrais, a indiqué le ministère de l'Industrie dans un communiqué.</p>
<p>Les deux pays ont convenu de créer une société mixte pour produire des engrais
azotés à Skikda, un projet de 300 millions de dollars.</p></article></body></html>"""

GOLD = {
    "id": "p1",
    "lang": "fr",
    "published": "2024-05-21",
    "parties": ["DZ", "TN"],
    "events": [{"type": "agreement", "date": "2024-05-20"}],
    "sectors": ["20"],
    "instruments": ["joint_venture"],
    "organizations": [],
    "persons": [],
    "amounts": [{"value": 300000000, "currency": "USD"}],
    "jobs": None,
}


def test_a_page_without_text_file_is_read_as_html(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "p1.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    result = evaluate(tmp_path)
    prediction = result.predictions["p1"]
    assert prediction["published"] == "2024-05-21"
    assert prediction["parties"] == ["DZ", "TN"]
    assert result.overall.fields["events"].tp == 1


def test_a_gold_id_with_neither_text_nor_page_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"p1\.txt.*\.html"):
        evaluate(tmp_path)


def test_the_calibration_counts_every_predicted_event_in_its_band(tmp_path: Path) -> None:
    from coopwatch.evaluation.run import band_of

    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "p1.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    result = evaluate(tmp_path)
    events = result.predictions["p1"]["events"]
    assert sum(total for _, total in result.bands.values()) == len(events)
    for event in events:
        assert result.bands[band_of(event["confidence"])][1] >= 1
    assert [band_of(x) for x in (0.2, 0.5, 0.89, 0.9)] == ["<0.5", "0.5-0.7", "0.7-0.9", ">=0.9"]


def test_confidence_grows_with_the_evidence_of_an_event() -> None:
    from datetime import date

    from coopwatch.assemble.confidence import confidence
    from coopwatch.model import Event, EventType, Organization, Span

    bare = Event(type=EventType.AGREEMENT, date=date(2024, 5, 20), parties=["DZ", "TN"])
    bare.evidence["type"] = [Span(0, 5)]
    backed = Event(type=EventType.AGREEMENT, date=date(2024, 5, 20), parties=["DZ", "TN"])
    backed.evidence.update(
        type=[Span(0, 5), Span(9, 14)], date=[Span(6, 8)], parties=[Span(20, 26)]
    )
    backed.organizations.append(Organization(["GETEX"]))
    published = date(2024, 5, 21)
    assert 0.0 < confidence(bare, published) < confidence(backed, published) < 1.0
    assert confidence(bare, None) < confidence(bare, published)
