"""HTML pages: main text without boilerplate, title, date, canonical URL."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers import html

DATA = Path(__file__).parent / "data"


def read_one(path: Path) -> Document:
    (item,) = html.read(path)
    assert isinstance(item, Document)
    return item


def test_main_text_title_date_and_url() -> None:
    doc = read_one(DATA / "article.html")
    assert doc.title == "Tracteurs : un accord industriel signé à Constantine"
    assert doc.text.startswith(doc.title + "\nCONSTANTINE, 14 mars 2025 - Le groupe public")
    assert "programme de formation des techniciens" in doc.text
    for boilerplate in ("Accueil", "Abonnez-vous", "Tous droits réservés", "Mentions légales"):
        assert boilerplate not in doc.text
    assert doc.published == date(2025, 3, 14)
    assert doc.url == "https://quotidien-est.example/economie/tracteurs-accord-constantine"
    assert doc.source == str(DATA / "article.html")


PAGE = """<html><head><meta charset="{charset}"><title>{title}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>{body}</p><p>{body}</p></article></body></html>"""


def test_declared_legacy_charset(tmp_path: Path) -> None:
    title = "Минск и Алжир договорились о сборке тракторов"
    body = "Стороны подписали соглашение о совместном производстве тракторов в Алжире."
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="windows-1251", title=title, body=body).encode("cp1251"))
    doc = read_one(path)
    assert doc.title == title
    assert body in doc.text
    assert doc.published is None
    assert doc.url is None


def test_undeclared_legacy_charset_is_detected(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="{charset}">', "")
    body = "Les deux délégations ont examiné le financement de la centrale électrique."
    path = tmp_path / "page.html"
    path.write_bytes(page.format(title="Énergie", body=body).encode("latin_1"))
    assert body in read_one(path).text


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title></title></head><body><nav></nav></body></html>")
    with pytest.raises(InputError, match="no main text") as caught:
        list(html.read(path))
    assert caught.value.source == str(path)


def test_extract_prefers_given_url_and_falls_back_to_given_date() -> None:
    data = re.sub(rb"<meta property=.*?>", b"", (DATA / "article.html").read_bytes())
    doc = html.extract(data, "crawl#3", url="https://fetched.example/a", published=date(2025, 1, 2))
    assert doc.url == "https://fetched.example/a"
    assert doc.published == date(2025, 1, 2)
    assert doc.source == "crawl#3"
