"""One bad document never sinks a batch: on SQLite and PostgreSQL, the failing one is
reported with its file and reason, every other one is stored, nothing stored before is
touched, and values that do not fit their column get the same message on both."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwatch.cli.main import app
from coopwatch.errors import StoreError
from coopwatch.model import Amount, Document, Extraction
from coopwatch.store import Store

from .samples import dz_by, dz_tr, plain

ROOT = Path(__file__).resolve().parents[2]
COOPERATION = (ROOT / "examples" / "dz-by-tractor-plant-extension.txt").read_text("utf-8")
OTHER = (ROOT / "examples" / "in-jp-rail-loan.txt").read_text("utf-8")


def _variant(n: int) -> str:
    return COOPERATION.replace("tracteurs", f"tracteurs (lot {n})")


@pytest.fixture
def bad_batch(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """A folder of good and bad inputs: the names of the good documents' sources and of
    the bad ones' (with what the error line says)."""
    docs = tmp_path / "batch"
    docs.mkdir()
    (docs / "a-good.txt").write_text(_variant(1), "utf-8")
    (docs / "b-huge-amount.txt").write_text(
        _variant(2)
        + " Un fonds de 9223372036854775808 dollars et de "
        + "1" * 400
        + " milliards de dollars.",
        "utf-8",
    )
    lines = [
        json.dumps({"text": _variant(3), "url": "https://news.example/\u0000x"}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"text": _variant(4), "url": "https://news.example/4"}),
        json.dumps({"text": _variant(5), "lang": "a-language-code-far-too-long"}),
    ]
    (docs / "c-feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (docs / "d-huge.txt").write_text(OTHER * 400, "utf-8")
    os.mkdir(os.fsencode(docs) + b"/e-caf\xe9")
    (Path(os.fsdecode(os.fsencode(docs) + b"/e-caf\xe9")) / "f.txt").write_text(
        _variant(6), "utf-8"
    )
    archive = gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 400\r\n\r\n")
    (docs / "g-cut.warc.gz").write_bytes(archive[: len(archive) // 2])
    good = ["a-good.txt", "b-huge-amount.txt", "c-feed.jsonl#3", "c-feed.jsonl#4", "f.txt"]
    bad = [
        "c-feed.jsonl#1: line 1: field 'url' contains a NUL character",
        "c-feed.jsonl#2: line 2: JSON nested too deep",
        "d-huge.txt: document too large",
        "g-cut.warc.gz",
    ]
    return docs, good, bad


def test_a_batch_of_bad_inputs_stores_its_good_documents(
    store_url: str, bad_batch: tuple[Path, list[str], list[str]]
) -> None:
    docs, good, bad = bad_batch
    with Store.open(store_url) as store:
        store.ingest([dz_by()])
        before = store.extraction(dz_by().document.id)
    result = CliRunner().invoke(
        app, ["ingest", "--db", store_url, "--max-chars", "100000", str(docs)]
    )
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for line in bad:
        assert line in result.stderr, line
    assert f"{len(good)} new" in result.stdout and f"{len(bad)} failed" in result.stdout
    with Store.open(store_url) as store:
        assert store.documents_count() == 1 + len(good)
        assert store.extraction(dz_by().document.id) == before
        stored = [store.document(d) for d in _ids(store)]
    names = sorted(Path(d.source).name for d in stored if d is not None)
    assert [n for n in names if n.startswith("f.txt")] == ["f.txt"]
    cafe = next(d for d in stored if d is not None and d.source.endswith("f.txt"))
    assert "e-caf\\xe9" in cafe.source  # the undecodable byte, written out
    long_lang = next(d for d in stored if d is not None and d.source.endswith("#4"))
    assert long_lang.lang == "fr"  # detected from the text


def _ids(store: Store) -> list[str]:
    import sqlalchemy as sa

    with store.engine.connect() as db:
        return list(db.execute(sa.text("SELECT id FROM documents")).scalars())


def _with_amount(value: int) -> Extraction:
    extraction = dz_tr()
    extraction.events[0].amounts = [Amount(value, "USD")]
    return extraction


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (_with_amount(2**63), "amount 9223372036854775808 is out of range"),
        (_with_amount(-(2**63) - 1), "amount -9223372036854775809 is out of range"),
        (
            Extraction(Document.create("Texte.", "l.txt", lang="x" * 17)),
            "lang 'xxxxxxxxxxxxxxxxx' is 17 characters long, at most 16 fit",
        ),
    ],
)
def test_values_beyond_their_column_get_one_message_on_every_database(
    store: Store, bad: Extraction, message: str
) -> None:
    empty = store.counts()
    with pytest.raises(StoreError, match=f"{bad.document.source}.*{message}"):
        store.ingest([dz_by(), bad])
    assert store.counts() == empty
    report = store.ingest([dz_by(), bad, plain("Une autre dépêche.")], isolate=True)
    assert report.documents_new == 2
    [(source, reason)] = report.failures
    assert source == bad.document.source and message in reason
    assert store.documents_count() == 2


def test_the_largest_values_that_fit_are_stored(store: Store) -> None:
    report = store.ingest([_with_amount(2**63 - 1)], isolate=True)
    assert report.failures == [] and report.documents_new == 1
    [row] = store.export_rows()
    assert row["amounts"] == f"{2**63 - 1} USD"


def test_a_database_error_in_one_document_leaves_the_others_of_its_batch(store: Store) -> None:
    bad = dz_tr()
    bad.events[0].parties = [None]  # type: ignore[list-item]  # violates NOT NULL
    report = store.ingest([dz_by(), bad, plain("Une autre dépêche.")], isolate=True)
    assert report.documents_new == 2
    assert [source for source, _ in report.failures] == [bad.document.source]
    assert store.document(bad.document.id) is None
    assert store.document(dz_by().document.id) is not None
