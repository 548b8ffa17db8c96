"""Documents per second of ``ingest`` (extraction, store and cross-document linking)
beside ``extract`` alone, on the same documents in one run, at two sizes.

The documents are the project's real corpora (examples and tests/corpus), varied: copy
k of the corpus has every year in its text and its publication date moved k mod 40
years back, and a line naming the copy, so each copy is new content. Years move back,
never on: a publication date after the day of the analysis is refused (as a page's
wrong date would be), and copies dated in the future would lose their dates. Copies 40
apart tell the same steps on the same days, as more outlets report one step; people,
organisations and places recur across copies as they recur in years of real news. The
register therefore grows as a real one does: steps stay local in time and gather a few
reports each, entities and commitment threads gather reports across the copies.

For each size it prints documents per second of ``extract`` (extract_many, one
process), of a first ``ingest`` into a new SQLite file (the same extraction, then the
store and the linking, in batches of 200, as the command line does it: the documents
are analysed by as many worker processes as ``extract`` used, one by default, while
this process stores and links the batch before), and of a second
``ingest`` of the same documents (recognised as stored by their content before any
analysis); then the ratios the register's targets speak of: ingest / extract (>= 0.7),
cost per document at the larger size / at the smaller (<= 1.3), first / second ingest
(>= 10).

    python benchmarks/ingest_speed.py [--sizes 10000 100000] [--workers 1]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from coopwatch.batch import Failure, extract_many
from coopwatch.model import Document, Extraction
from coopwatch.readers import iter_inputs
from coopwatch.store import Store, rare_collections

ROOT = Path(__file__).resolve().parent.parent
# A year alone, or opening a compact date (20240809, story ids like AEN2026092300412).
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?:(?!\d)|(?=[01]\d[0-3]\d))")
_BATCH = 200
_PROGRESS = 10_000  # documents between two progress lines
_YEARS = 40  # copies move up to this many years back, then tell the same years again


def base_corpus() -> list[Document]:
    folders = [ROOT / "examples", *sorted((ROOT / "tests" / "corpus").glob("*/texts"))]
    return [d for d in iter_inputs(folders) if isinstance(d, Document)]


def varied(base: list[Document], count: int) -> Iterator[Document]:
    """``count`` documents: copy k of ``base`` with its years moved k mod 40 years back."""
    for n in range(count):
        copy, index = divmod(n, len(base))
        doc = base[index]
        back = copy % _YEARS

        def earlier(m: re.Match[str], k: int = back) -> str:
            return str(int(m.group()) - k)

        text = _YEAR.sub(earlier, doc.text)
        published = None
        if doc.published is not None:
            try:
                published = doc.published.replace(year=doc.published.year - back)
            except ValueError:  # 29 February
                published = doc.published.replace(year=doc.published.year - back, day=28)
        yield Document.create(
            f"{text}\n(copy {copy})",
            f"{doc.source}#{copy}",
            url=f"{_YEAR.sub(earlier, doc.url)}#{copy}" if doc.url else None,
            published=published,
            lang=doc.lang,
        )


def _extracted(
    documents: list[Document], workers: int, in_process: bool = True
) -> Iterator[Extraction]:
    found = extract_many(documents, workers=workers, mentions=False, in_process=in_process)
    for result in found:
        if not isinstance(result, Failure):
            yield result


def time_extract(documents: list[Document], workers: int) -> float:
    start = time.perf_counter()
    for _ in _extracted(documents, workers):
        pass
    return time.perf_counter() - start


def time_ingest(documents: list[Document], workers: int, store: Store) -> float:
    """An ingest as the command line runs it: stored documents skipped before analysis."""
    start = time.perf_counter()
    fresh: list[Document] = []
    for i in range(0, len(documents), _BATCH):
        chunk = documents[i : i + _BATCH]
        known = store.known_documents([d.id for d in chunk])
        fresh += [d for d in chunk if d.id not in known]
    found = _extracted(fresh, workers, in_process=False)
    done, mark = 0, time.perf_counter()
    with rare_collections():  # as the command line's ingest and load run
        while batch := list(itertools.islice(found, _BATCH)):
            store.ingest(batch, isolate=True)
            done += len(batch)
            if done % _PROGRESS == 0:  # how the cost per document moves as the store grows
                now = time.perf_counter()
                print(f"  {done:>7} stored, last {_PROGRESS}: "
                      f"{(now - mark) / _PROGRESS * 1000:.1f} ms per document",
                      file=sys.stderr, flush=True)  # fmt: skip
                mark = now
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    base = base_corpus()
    print(f"base corpus: {len(base)} documents; workers: {args.workers}")
    time_extract(base, 1)  # warm up: every language's lexicons loaded before timing
    header = f"{'documents':>10} {'extract/s':>10} {'ingest/s':>10} {'re-ingest/s':>12} "
    print(header + f"{'ingest/extract':>15} {'first/second':>13} {'events':>8} {'threads':>8}")
    per_doc: dict[int, float] = {}
    for size in args.sizes:
        documents = list(varied(base, size))
        extract_s = time_extract(documents, args.workers)
        with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "b.db")) as store:
            first = time_ingest(documents, args.workers, store)
            second = time_ingest(documents, args.workers, store)
            counts = store.counts()
        per_doc[size] = first / size
        print(
            f"{size:>10} {size / extract_s:>10.1f} {size / first:>10.1f} {size / second:>12.1f} "
            f"{extract_s / first:>15.2f} {first / second:>13.1f} {counts['events']:>8} "
            f"{counts['commitments']:>8}"
        )
    if len(per_doc) > 1:
        small, large = min(per_doc), max(per_doc)
        print(
            f"ingest cost per document at {large} / at {small}: "
            f"{per_doc[large] / per_doc[small]:.2f}"
        )


if __name__ == "__main__":
    main()
