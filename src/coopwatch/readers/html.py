"""HTML pages: main text, title, date and canonical URL, extracted by trafilatura.

``extract`` is the one HTML path: the WARC reader calls it for every page it holds.
The page's URL is the one given, else its canonical link, else its ``og:url``. The
date is the one its metadata declares; a date found only in its URL is left to the
dates stage, which takes it when the text gives none and says so.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

import trafilatura
from htmldate import find_date
from lxml import html as lxml_html
from trafilatura.settings import Document as ExtractedPage

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers import text
from coopwatch.readers._common import Item, optional_iso_date, read_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: Only dates the page declares (metadata, <time>, URL): a date guessed from the
#: body text or a copyright line would be wrong more often than missing.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: Elements that carry the page's URL: without them, the date search reads no URL.
_URL_ELEMENTS = ".//link[@rel='canonical'] | .//meta[@property='og:url'] | .//base"


def read(path: Path) -> Iterator[Item]:
    """Yield the document of one HTML page."""
    yield extract(read_bytes(path), str(path))


def parse(stream: BinaryIO, source: str) -> Iterator[Item]:
    """``read`` for bytes that come from elsewhere than a local file (a Spark job)."""
    yield extract(stream.read(), source)


def extract(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    published: date | None = None,
) -> Document:
    """The document of an HTML page; raises InputError when it has no main text.

    ``url`` (e.g. the URL a crawler fetched) wins over the page's canonical link;
    ``charset`` is a hint such as an HTTP header gives; ``published`` is the date to
    use when the page declares none.
    """
    markup = decode(data, source, charset)
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except ValueError as exc:  # lxml refuses some malformed documents outright
        raise InputError(source, f"cannot parse HTML ({exc})") from exc
    except (AssertionError, AttributeError, IndexError, KeyError, TypeError) as exc:
        # The extraction libraries trip on some broken markup ("<body><html><script>").
        raise InputError(source, f"cannot parse HTML ({type(exc).__name__})") from exc
    page = result if isinstance(result, ExtractedPage) else None
    body = page.text if page is not None and page.text else ""
    if page is None or not body.strip():
        raise InputError(source, "no main text found in the HTML page")
    tree = _tree(markup)
    declared = (_declared_date(tree) if tree is not None else None) or published
    if declared is None and tree is not None:
        dateline = _dateline(tree)
        if dateline and dateline not in body:
            body = f"{dateline}\n{body}"
    return Document.create(
        body,
        source,
        url=url or page.url or _og_url(markup),
        title=page.title,
        published=declared,
    )


#: Where the author's name begins in a byline: "NAIROBI, 9 October — By Jane Doe".
_BYLINE_AUTHOR = re.compile(r"\s*[—–|-]?\s*\b(?:By|Par|par|От|by)\s")
_DATELINE_CLASS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' dateline ')]"
)
#: Elements of the article's head that often carry its date ("meta", "date", "post-meta"):
#: only in the article or right below its headline, never in lists of other stories.
_HEAD_META = "//article//*[@class] | //h1/following-sibling::*[position() <= 3][@class]"
_META_CLASSES = frozenset(
    {"meta", "date", "post-meta", "entry-meta", "article-meta", "timestamp", "published",
     "pubdate", "article-date", "post-date", "entry-date", "story-date"}
)  # fmt: skip


def _tree(markup: str) -> lxml_html.HtmlElement | None:
    """The page parsed once for its declared date and its dateline."""
    try:
        return lxml_html.fromstring(markup.encode("utf-8"))
    except (ValueError, lxml_html.etree.ParserError):
        return None


def _dateline(tree: lxml_html.HtmlElement) -> str | None:
    """The text of the page's byline or dateline element when it holds a day number
    ("NAIROBI, Friday 9 October — By ..."): the extractor drops it as furniture, and on a
    page that declares no date it is the only one the report carries."""
    heads = [e for e in tree.xpath(_HEAD_META) if _META_CLASSES & set(e.get("class", "").split())]
    for element in [*tree.xpath(_DATELINE_CLASS), *heads]:
        line = _BYLINE_AUTHOR.split(" ".join(element.text_content().split()))[0].strip()
        if re.search(r"\d", line) and len(line) <= 160:
            return line
    return None


_OG_URL = re.compile(
    r"""<meta\s[^>]*property\s*=\s*["']og:url["'][^>]*content\s*=\s*["']([^"']+)["']"""
    r"""|<meta\s[^>]*content\s*=\s*["']([^"']+)["'][^>]*property\s*=\s*["']og:url["']""",
    re.IGNORECASE,
)


def _og_url(markup: str) -> str | None:
    found = _OG_URL.search(markup)
    url = (found.group(1) or found.group(2)).strip() if found else ""
    return url if url.startswith(("http://", "https://")) else None


def _declared_date(tree: lxml_html.HtmlElement) -> date | None:
    """The date the page's metadata or <time> elements declare, not one read in its URL
    (the elements that carry the URL are taken out of ``tree`` for it)."""
    for element in tree.xpath(_URL_ELEMENTS):
        element.getparent().remove(element)
    found = find_date(tree, url="", **_DATE_PARAMS)  # type: ignore[arg-type]
    return optional_iso_date(found) if isinstance(found, str) else None


def decode(data: bytes, source: str, charset: str | None = None) -> str:
    """The markup as text: the declared charset if it works, else detection as for text."""
    declared = _META_CHARSET.search(data[:4096])
    for name in (charset, declared.group(1).decode("ascii") if declared else None):
        encoding = _codec(name)
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    return text.decode(data, source)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do: pages labelled Latin-1 are written in its superset, CP1252.
    return "cp1252" if encoding == "iso8859-1" else encoding
