"""Documents per second of ``coopwatch extract`` beside spaCy fr_core_news_md NER alone.

Both run in one process on the same texts: the example corpus (and any extra folder
given), replicated to a thousand documents or more. Each side goes over the texts
``--rounds`` times and keeps its fastest round, the usual way (as ``timeit`` does) to
factor out other work on a shared machine. A round lasts the smaller of its wall-clock
and its CPU time: CPU time leaves out what other tenants of a virtual machine take,
wall-clock time stays fair to a library that computes on several threads. Prints a
table and the ratio.

    python benchmarks/extract_speed.py [--docs 1000] [--rounds 3] [--corpus DIR ...]
                                       [--no-spacy]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from coopwatch import extract
from coopwatch.analysis.language import detect_language
from coopwatch.model import Document
from coopwatch.readers import iter_inputs

ROOT = Path(__file__).resolve().parent.parent


def _texts(folders: list[Path]) -> dict[str, list[str]]:
    by_lang: dict[str, list[str]] = defaultdict(list)
    for item in iter_inputs(folders):
        if isinstance(item, Document) and item.text.strip():
            by_lang[detect_language(item.text) or "?"].append(item.text)
    return by_lang


def _replicate(texts: list[str], count: int) -> list[str]:
    # A serial number in each copy keeps the documents distinct, as in a real crawl.
    return [f"{texts[i % len(texts)]}\n[{i}]" for i in range(count)]


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


class _Round:
    """Times one round: the smaller of wall-clock and CPU time (see the module doc)."""

    def __enter__(self) -> _Round:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        wall = time.perf_counter() - self._wall
        self.seconds = min(wall, time.process_time() - self._cpu)


def bench_extract(texts: list[str], rounds: int = 1) -> float:
    extract(Document.create(texts[0], source="warm-up"))  # load lexicons outside the timing
    best = float("inf")
    for _ in range(rounds):
        # Fresh documents each round: extraction sets a document's language and date.
        docs = [Document.create(t, source=f"bench-{i}") for i, t in enumerate(texts)]
        with _Round() as timed:
            for doc in docs:
                extract(doc)
        best = min(best, timed.seconds)
    return _rate(len(texts), best)


def bench_spacy(texts: list[str], rounds: int = 1) -> float | None:
    try:
        import spacy
    except ImportError:
        return None
    try:
        nlp = spacy.load(
            "fr_core_news_md",
            disable=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"],
        )
    except OSError:
        return None
    list(nlp.pipe(texts[:5]))
    best = float("inf")
    for _ in range(rounds):
        with _Round() as timed:
            for doc in nlp.pipe(texts, batch_size=64):
                _ = doc.ents
        best = min(best, timed.seconds)
    return _rate(len(texts), best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents per language")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the fastest counts")
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="extra folders")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy baseline")
    args = parser.parse_args()
    folders = [ROOT / "examples", *args.corpus]
    by_lang = _texts(folders)
    header = ("language", "documents", "extract docs/s", "spaCy NER docs/s", "ratio")
    print(f"{header[0]:<10}{header[1]:>10}{header[2]:>16}{header[3]:>18}{header[4]:>8}")
    for lang in sorted(by_lang):
        texts = _replicate(by_lang[lang], args.docs)
        ours = bench_extract(texts, args.rounds)
        theirs = bench_spacy(texts, args.rounds) if lang == "fr" and not args.no_spacy else None
        ratio = f"{ours / theirs:.1f}x" if theirs else "-"
        shown = f"{theirs:.1f}" if theirs else "-"
        print(f"{lang:<10}{len(texts):>10}{ours:>16.1f}{shown:>18}{ratio:>8}")


if __name__ == "__main__":
    main()
