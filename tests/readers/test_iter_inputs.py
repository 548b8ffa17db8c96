"""iter_inputs: directories, formats by extension or content, one bad file at a time."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopwatch import readers
from coopwatch.errors import DecodeError, InputError, UnsupportedFormat
from coopwatch.model import Document
from coopwatch.readers import detect_format, iter_inputs

DATA = Path(__file__).parent / "data"
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    "<item><title>Item one</title><description>Body one.</description></item>"
    "</channel></rss>"
)


def sources(items: list[Document | InputError]) -> list[tuple[str, str]]:
    return [
        (type(item).__name__, Path(item.source).name if "/" in item.source else item.source)
        for item in items
    ]


def test_directory_with_good_and_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("hidden")
    (root / ".draft.txt").write_text("hidden too")
    (root / "README.md").write_text("What this folder holds.")
    (root / "a.txt").write_text("Premier texte.")
    (root / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (root / "c.jsonl").write_text('{"text": "one"}\nnot json\n{"text": "three"}\n')
    (root / "sub" / "d.html").write_bytes((DATA / "article.html").read_bytes())
    (root / "sub" / "e.rss").write_text(RSS)
    (root / "z.xml").write_text("<config/>")

    items = list(iter_inputs([root, tmp_path / "missing.txt"]))

    assert sources(items) == [
        ("Document", "a.txt"),
        ("DecodeError", "b.txt"),
        ("Document", "c.jsonl#1"),
        ("InputError", "c.jsonl#2"),
        ("Document", "c.jsonl#3"),
        ("Document", "d.html"),
        ("Document", "e.rss#1"),
        ("InputError", "z.xml"),
        ("InputError", "missing.txt"),
    ]
    assert items[0].source == str(root / "a.txt")
    assert str(root / "b.txt") in str(items[1])
    assert str(items[-1]) == f"{tmp_path / 'missing.txt'}: no such file or directory"


def test_source_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    Path("docs/a.txt").write_text("x")
    assert [item.source for item in iter_inputs(["docs"])] == ["docs/a.txt"]
    assert [item.source for item in iter_inputs(["docs/a.txt"])] == ["docs/a.txt"]
    assert [item.source for item in iter_inputs(["nope"])] == ["nope"]
    assert [item.source for item in iter_inputs("docs/a.txt")] == ["docs/a.txt"]


def test_a_readme_named_explicitly_is_read(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("Notes.")
    (doc,) = iter_inputs([tmp_path / "README.md"])
    assert isinstance(doc, Document) and doc.text == "Notes."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.TXT", "text"),
        ("a.text", "text"),
        ("a.md", "text"),
        ("a.htm", "html"),
        ("a.HTML", "html"),
        ("a.atom", "feed"),
        ("a.rss", "feed"),
        ("a.xml", "feed"),
        ("a.ndjson", "jsonl"),
        ("a.jsonl", "jsonl"),
        ("a.warc", "warc"),
        ("crawl.warc.gz", "warc"),
    ],
)
def test_format_by_extension(tmp_path: Path, name: str, expected: str) -> None:
    assert detect_format(tmp_path / name) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"\n  <html lang='fr'><head></head></html>", "html"),
        (RSS.encode(), "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), "warc"),
        (json.dumps({"text": "x"}).encode() + b"\n" + b'{"text": "y"}\n', "jsonl"),
        (b"{not json at all}\nfoo\n", "text"),
        ("Texte ordinaire, été comme hiver.".encode(), "text"),
        ("Текст".encode("cp1251"), "text"),
        (b"", "text"),
    ],
    ids=[
        "doctype",
        "html",
        "rss",
        "atom",
        "warc",
        "warc-gz",
        "jsonl",
        "braces",
        "fr",
        "ru",
        "empty",
    ],
)
def test_format_by_content(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "download.dat"
    path.write_bytes(content)
    assert detect_format(path) == expected


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", gzip.compress(b"plain"), b"\x1f\x8b\x08garbage"],
    ids=["png", "gz", "bad-gz"],
)
def test_unknown_binary_is_unsupported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(content)
    (error,) = iter_inputs([path])
    assert isinstance(error, UnsupportedFormat)
    assert error.source == str(path)


def test_binary_with_text_extension_is_a_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00" * 10)
    (error,) = iter_inputs([path])
    assert isinstance(error, DecodeError)


def test_an_unexpected_failure_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(path: Path) -> Iterator[Document]:
        raise RuntimeError("library bug")
        yield  # pragma: no cover

    monkeypatch.setitem(readers.READERS, "html", explode)
    (tmp_path / "a.html").write_text("<html></html>")
    (tmp_path / "b.txt").write_text("still read")
    error, doc = iter_inputs([tmp_path])
    assert isinstance(error, InputError)
    assert "RuntimeError: library bug" in error.reason
    assert isinstance(doc, Document) and doc.text == "still read"


def test_supported_suffixes() -> None:
    assert set(readers.SUPPORTED_SUFFIXES) >= {".txt", ".html", ".rss", ".jsonl", ".warc.gz"}
