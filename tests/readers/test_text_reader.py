"""Plain text: encodings detected, not assumed; binary and empty files."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch.errors import DecodeError
from coopwatch.model import Document
from coopwatch.readers import text

RUSSIAN = (
    "Министр промышленности принял белорусскую делегацию.\n"
    "Стороны обсудили совместное производство тракторов и сельхозтехники."
)
ARABIC = (
    "استقبل وزير الصناعة وفدا بيلاروسيا رفيع المستوى.\n"
    "وبحث الطرفان سبل تعزيز التعاون الثنائي في المجالين الصناعي والفلاحي."
)
FRENCH = (
    "Le ministre a reçu une délégation étrangère à Alger.\n"
    "Les deux parties ont évoqué la création d'une coentreprise à capitaux mixtes."
)


def read_one(path: Path) -> Document:
    (item,) = text.read(path)
    assert isinstance(item, Document)
    return item


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, FRENCH.encode("utf-8")))
    assert doc.text == FRENCH
    assert doc.source == str(tmp_path / "doc.txt")


def test_utf8_with_bom(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8")))
    assert doc.text == RUSSIAN


def test_utf16_with_bom(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, ARABIC.encode("utf-16")))
    assert doc.text == ARABIC


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (ARABIC, "cp1256"),
        (FRENCH, "latin_1"),
        ("L’accord a été signé à Tunis – les travaux débuteront en été.", "cp1252"),
        ("Встреча", "cp1251"),
        ("Réunion à Dakar.", "latin_1"),
    ],
    ids=[
        "cp1251-russian",
        "cp1256-arabic",
        "latin1-french",
        "cp1252-french",
        "short-ru",
        "short-fr",
    ],
)
def test_legacy_encodings(tmp_path: Path, content: str, encoding: str) -> None:
    data = content.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_one(write(tmp_path, data))
    assert doc.text == Document.create(content, "x").text


def test_cp1252_punctuation_is_normalised(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "L’usine – enfin".encode("cp1252")))
    assert doc.text == "L'usine - enfin"


def test_french_read_as_cyrillic_is_rejected() -> None:
    garbled = FRENCH.encode("latin_1").decode("cp1251")
    assert "й" in garbled
    assert not text.looks_like(garbled, "CYRILLIC")
    assert text.looks_like(FRENCH, "LATIN")


def test_russian_read_as_latin_is_rejected() -> None:
    garbled = RUSSIAN.encode("cp1251").decode("cp1252")
    assert not text.looks_like(garbled, "LATIN")
    assert text.looks_like(RUSSIAN, "CYRILLIC")


def test_binary_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "pic.txt")
    with pytest.raises(DecodeError) as caught:
        list(text.read(path))
    assert str(path) in str(caught.value)
    assert "binary file, not text" in str(caught.value)
    assert caught.value.source == str(path)


def test_mostly_control_bytes_is_binary() -> None:
    assert text.is_binary(bytes([1, 2, 3, 4, 5, 6, 65, 66, 67, 68] * 50))
    assert not text.is_binary(FRENCH.encode("utf-8"))
    assert not text.is_binary(b"")


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty_file_is_an_empty_document(tmp_path: Path, data: bytes) -> None:
    doc = read_one(write(tmp_path, data))
    assert doc.text == ""
    assert doc.id


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    from coopwatch.errors import InputError

    with pytest.raises(InputError, match="no such file or directory"):
        list(text.read(tmp_path / "absent.txt"))
