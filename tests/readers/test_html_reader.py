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


NEWS_PAGE = """<html><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Accueil</a></nav><article><h1>{title}</h1>
<p>L'Algérie et la Tunisie ont signé hier à Alger un accord de partenariat pour la
production d'engrais, a indiqué le ministère de l'Industrie dans un communiqué.</p>
<p>Les deux pays ont convenu de créer une société mixte pour produire des engrais
azotés à Skikda, un projet de 300 millions de dollars.</p></article></body></html>"""


def test_og_url_gives_the_url_and_its_date_is_left_to_the_text(tmp_path: Path) -> None:
    from coopwatch import extract

    head = '<meta property="og:url" content="https://agence.example/eco/2024/05/21/engrais">'
    path = tmp_path / "page.html"
    path.write_text(NEWS_PAGE.format(title="Engrais : accord algéro-tunisien", head=head))
    doc = read_one(path)
    assert doc.url == "https://agence.example/eco/2024/05/21/engrais"
    assert doc.published is None  # the URL's date is no declared date
    result = extract(doc).to_json()
    assert (result["published"], result["published_from"]) == ("2024-05-21", "url")
    assert {e["date"] for e in result["events"]} == {"2024-05-20"}


def test_a_declared_date_wins_over_the_urls(tmp_path: Path) -> None:
    head = (
        '<link rel="canonical" href="https://agence.example/eco/2024/05/21/engrais">'
        '<meta property="article:published_time" content="2024-05-22T08:00:00+01:00">'
    )
    path = tmp_path / "page.html"
    path.write_text(NEWS_PAGE.format(title="Engrais : accord algéro-tunisien", head=head))
    doc = read_one(path)
    assert doc.url == "https://agence.example/eco/2024/05/21/engrais"
    assert doc.published == date(2024, 5, 22)


def test_a_byline_with_a_date_is_kept_when_the_page_declares_none() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Avocados</title></head><body>'
        "<article><h1>Avocados</h1>"
        '<div class="byline">NAIROBI, Friday 9 October — By Jane Wambui</div>'
        "<p>The first sea-freight consignment of Kenyan avocados arrived in Shanghai on "
        "Thursday after a long voyage from Mombasa, opening a cheaper route.</p>"
        "<p>Exporters said the cold chain held for the whole voyage and more shipments "
        "would follow before the end of the season.</p></article></body></html>"
    )
    doc = html.extract(page.encode(), "avocados.html")
    assert doc.published is None
    assert "\nNAIROBI, Friday 9 October\n" in doc.text
    assert "Jane Wambui" not in doc.text


def test_a_byline_is_not_added_when_the_page_declares_its_date() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Avocados</title>'
        '<meta property="article:published_time" content="2026-10-09"></head>'
        "<body><article><h1>Avocados</h1>"
        '<div class="byline">NAIROBI, Friday 9 October — By Jane Wambui</div>'
        "<p>The first sea-freight consignment of Kenyan avocados arrived in Shanghai on "
        "Thursday after a long voyage from Mombasa, opening a cheaper route.</p>"
        "<p>Exporters said the cold chain held for the whole voyage and more shipments "
        "would follow before the end of the season.</p></article></body></html>"
    )
    doc = html.extract(page.encode(), "avocados.html")
    assert doc.published == date(2026, 10, 9)
    assert "NAIROBI" not in doc.text


_AVOCADO_BODY = (
    "<p>The first sea-freight consignment of Kenyan avocados arrived in Shanghai on "
    "Thursday after a long voyage from Mombasa, opening a cheaper route.</p>"
    "<p>Exporters said the cold chain held for the whole voyage and more shipments "
    "would follow before the end of the season.</p>"
)


def test_a_dated_meta_line_below_the_headline_is_kept_when_the_page_declares_none() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Avocados reach Shanghai</title></head><body>\n'
        '<div class="crumbs">Home / Business / Trade</div>\n<article>\n'
        "<h1>Avocados reach Shanghai</h1>\n"
        '<p class="meta">Friday 9 October · Jane Wambui · 6 214 views</p>\n'
        '<figure><img src="/i/a.jpg" alt=""><figcaption>Crates at the port.</figcaption>'
        f"</figure>\n{_AVOCADO_BODY}\n</article></body></html>"
    )
    doc = html.extract(page.encode(), "avocados.html")
    assert "\nFriday 9 October · Jane Wambui · 6 214 views\n" in doc.text


def test_dates_of_other_stories_outside_the_article_are_not_taken() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Avocados</title></head><body>'
        f"<article><h1>Avocados</h1>{_AVOCADO_BODY}</article>"
        '<aside><ul><li><span class="date">3 March 2019</span> Tea auction</li>'
        '<li><span class="date">4 March 2019</span> Coffee prices</li></ul></aside>'
        "</body></html>"
    )
    doc = html.extract(page.encode(), "avocados.html")
    assert "2019" not in doc.text
