"""Gzipped WARC files of news pages built from plain texts, as a crawl would hold them.

Each text becomes an HTML page: its first line the headline, its other lines the
paragraphs of an ``<article>``, around it the boilerplate of a news site (navigation,
a list of related links, a footer) that the HTML reader must leave out. Each page is
one 200 ``text/html`` response record, after a ``request`` record as crawlers write;
every file starts with a ``warcinfo`` record.

    python benchmarks/warc_corpus.py OUT_DIR --pages 20000 --files 40 [--corpus DIR ...]

With ``copies`` beyond one text each, a serial number in each page keeps the pages
distinct documents, as in a real crawl. The Spark tests and ``spark_speed.py`` import
``write_corpus``.
"""

from __future__ import annotations

import argparse
import html
import io
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "tests" / "corpus" / name / "texts" for name in ("fr_en", "ar_ru", "fresh")]
CORPORA += [ROOT / "tests" / "corpus" / name / "texts" for name in ("fresh2", "fresh3")]

_NAV = " ".join(
    f'<li><a href="/{s}/">{s.title()}</a></li>'
    for s in ("economy", "politics", "world", "business", "energy", "sport", "culture", "opinion")
)
_RELATED = "".join(
    f'<li><a href="/news/{n}">Read also: market update number {n} and other stories</a></li>'
    for n in range(1, 7)
)


def page(text: str, serial: int | None = None) -> bytes:
    """An HTML page holding ``text`` (first line the headline) with site boilerplate."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title, paragraphs = (lines[0], lines[1:]) if lines else ("", [])
    if serial is not None:
        paragraphs = [*paragraphs, f"Dispatch reference {serial}."]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)} | Daily Wire Service</title></head>
<body>
<header><nav><ul>{_NAV}</ul></nav><form><input name="q"> <button>Search</button></form></header>
<main><article><h1>{html.escape(title)}</h1>
{body}
</article>
<aside><h2>Related</h2><ul>{_RELATED}</ul></aside></main>
<footer><p>Contact us - Advertise - Terms of use - Privacy policy</p>
<p>All rights reserved. Subscribe to our newsletter for the latest headlines.</p></footer>
</body></html>""".encode()


def records(writer: WARCWriter, uri: str, payload: bytes) -> list[object]:
    request = StatusAndHeaders(
        f"GET {uri} HTTP/1.1", [("Host", "news.example")], is_http_request=True
    )
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    headers = {"WARC-Date": "2025-06-01T08:00:00Z"}
    return [
        writer.create_warc_record(
            uri, "request", payload=io.BytesIO(b""), length=0, http_headers=request
        ),
        writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=http,
            warc_headers_dict=headers,
        ),
    ]


def read_texts(folders: Sequence[Path]) -> list[str]:
    """The texts of the ``.txt`` files of ``folders``, sorted by path."""
    paths = sorted(p for folder in folders for p in folder.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def write_corpus(
    texts: Sequence[str], out_dir: Path, *, pages: int | None = None, files: int = 1
) -> list[Path]:
    """Write ``pages`` pages (default: one per text; texts repeat, each page made
    distinct by a serial number) into ``files`` gzipped WARC files; their paths."""
    count = len(texts) if pages is None else pages
    serial = pages is not None and pages > len(texts)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    per_file = -(-count // files)
    for f in range(files):
        path = out_dir / f"crawl-{f:05d}.warc.gz"
        with path.open("wb") as stream:
            writer = WARCWriter(stream, gzip=True)
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "coopwatch"}))
            for n in range(f * per_file, min(count, (f + 1) * per_file)):
                payload = page(texts[n % len(texts)], n if serial else None)
                for record in records(writer, f"https://news.example/article/{n}", payload):
                    writer.write_record(record)
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=None)
    parser.add_argument("--files", type=int, default=1)
    parser.add_argument("--corpus", type=Path, action="append", default=None)
    args = parser.parse_args()
    paths = write_corpus(
        read_texts(args.corpus or CORPORA), args.out, pages=args.pages, files=args.files
    )
    print(f"{len(paths)} files in {args.out}")


if __name__ == "__main__":
    main()
