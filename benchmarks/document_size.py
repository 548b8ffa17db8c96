"""Seconds to extract one document of 20 000, 40 000 and 80 000 distinct words.

The words are random letters (no lexicon knows them, so every one is new to the key
memo), after a real cooperation dispatch, so that every stage has work to do; a second
series repeats real articles, so that the stages find countries, persons, organisations
and amounts all along the document. Each time is the fastest of ``--repeats`` runs, each
on a document of its own, in CPU time (a shared machine's other tenants left out),
through ``batch.extract_one``, what ``coopwatch extract`` and ``ingest`` run.
Analysis is linear in the size
of a document: 80 000 words should take about 4 times, and at most about 6 times, as
long as 20 000.

    python benchmarks/document_size.py [--repeats 3] [--sizes 20000 40000 80000]
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable
from pathlib import Path

from coopwatch.batch import extract_one
from coopwatch.budget import NO_LIMITS
from coopwatch.model import Document

ROOT = Path(__file__).resolve().parent.parent
DISPATCH = (ROOT / "examples" / "dz-by-tractor-plant-extension.txt").read_text("utf-8")
ARTICLES = [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]


def distinct_words(n: int, seed: int = 0) -> Document:
    rnd = random.Random(n * 1000 + seed)
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rnd.choices(string.ascii_lowercase, k=rnd.randint(6, 10))))
    return Document.create(f"{DISPATCH} {' '.join(sorted(words))}.", "words.txt")


def articles(n: int, seed: int = 0) -> Document:
    """Real articles one after the other, about ``n`` words in all."""
    parts, words, k = [], 0, 0
    while words < n:
        text = f"{ARTICLES[(k + seed) % len(ARTICLES)]} Paragraphe {k}."
        parts.append(text)
        words += len(text.split())
        k += 1
    return Document.create("\n\n".join(parts), "articles.txt", lang="fr")


def seconds(make: Callable[[int, int], Document], n: int, repeats: int) -> tuple[int, float]:
    """Characters and the fastest run's CPU seconds; each run on a document of its own
    (new random words), so that none finds its words already keyed by the one before."""
    best, chars = float("inf"), 0
    for seed in range(repeats):
        document = make(n, seed)
        start = time.process_time()
        extract_one(document, limits=NO_LIMITS)
        best, chars = min(best, time.process_time() - start), len(document.text)
    return chars, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 40_000, 80_000])
    args = parser.parse_args()
    extract_one(Document.create(DISPATCH, "warm-up.txt"))  # lexicons loaded once
    for name, make in (("distinct words", distinct_words), ("real articles", articles)):
        first = None
        for n in args.sizes:
            chars, took = seconds(make, n, args.repeats)
            first = first or took
            print(
                f"{name:>14}: {n:>6} words, {chars:>9,} characters: {took:6.3f} s "
                f"({took / first:4.1f}x the first)"
            )


if __name__ == "__main__":
    main()
