"""RSS and Atom feeds: one document per entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers import feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Agence économique</title><link>https://agence.example/</link>
<description>Dépêches</description>
<item>
  <title>Dakar et Ankara lancent une usine de transformation d'arachide</title>
  <link>https://agence.example/d/1</link>
  <pubDate>Tue, 11 Mar 2025 08:00:00 GMT</pubDate>
  <description><![CDATA[<p>DAKAR - La première pierre a été posée.</p>
  <p>L'usine emploiera 250 personnes.</p>]]></description>
</item>
<item>
  <title>Tunis et Rome: le câble électrique avance</title>
  <link>https://agence.example/d/2</link>
  <pubDate>Wed, 12 Mar 2025 23:30:00 +0100</pubDate>
  <description>Les travaux de l'interconnexion ont commencé.</description>
</item>
<item><title></title><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Rail news</title><id>urn:rail</id><updated>2025-03-12T00:00:00Z</updated>
<entry>
  <title>India and Japan sign rail signalling deal</title>
  <id>urn:rail:1</id>
  <link href="https://rail.example/1"/>
  <updated>2025-03-12T10:00:00Z</updated>
  <summary>Short summary.</summary>
  <content type="html"><![CDATA[<p>NEW DELHI - The agreement covers <b>signalling</b>.</p>
  <script>track()</script>]]></content>
</entry>
</feed>
"""


def write(tmp_path: Path, content: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_rss_items(tmp_path: Path) -> None:
    path = write(tmp_path, RSS, "wire.rss")
    first, second, third = feed.read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.source == f"{path}#1"
    assert first.url == "https://agence.example/d/1"
    assert first.title == "Dakar et Ankara lancent une usine de transformation d'arachide"
    assert first.published == date(2025, 3, 11)
    assert first.text == (
        f"{first.title}\nDAKAR - La première pierre a été posée.\n\n"
        "L'usine emploiera 250 personnes."
    )
    assert "<p>" not in first.text
    assert second.published == date(2025, 3, 12)
    assert second.text.endswith("Les travaux de l'interconnexion ont commencé.")
    assert isinstance(third, InputError)
    assert third.source == f"{path}#3"


def test_atom_entry_prefers_content_over_summary(tmp_path: Path) -> None:
    (entry,) = feed.read(write(tmp_path, ATOM, "rail.atom"))
    assert isinstance(entry, Document)
    assert entry.text == (
        "India and Japan sign rail signalling deal\nNEW DELHI - The agreement covers signalling."
    )
    assert entry.url == "https://rail.example/1"
    assert entry.published == date(2025, 3, 12)


def test_malformed_feed_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "<rss><channel><title>oops</chan", "broken.rss")
    with pytest.raises(InputError, match="malformed feed") as caught:
        list(feed.read(path))
    assert caught.value.source == str(path)


def test_truncated_feed_keeps_what_it_can(tmp_path: Path) -> None:
    complete = RSS.split("<item><title></title>")[0]
    items = list(feed.read(write(tmp_path, complete + "<item><title>Cut", "cut.rss")))
    assert [type(item) for item in items[:2]] == [Document, Document]


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, '<?xml version="1.0"?><config><a>1</a></config>', "config.xml")
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        list(feed.read(path))


def test_strip_tags_keeps_blocks_apart() -> None:
    assert feed.strip_tags("<p>a&amp;b</p><p>c<br>d</p><style>x{}</style>") == "\na&b\n\nc\nd\n"
