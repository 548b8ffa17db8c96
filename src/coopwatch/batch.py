"""Extraction over many documents, in this process or in worker processes.

Extraction is pure Python and holds the interpreter's lock, so one process uses one
core; ``workers=N`` spreads documents over N processes, started with the platform's
default method (fork on Linux, spawn on macOS and Windows). A worker loads its
lexicons on its first document, a second or two: parallel extraction pays from a few
thousand documents on. Results come back in input order, and documents are handed out
a window at a time, so a crawl of any size is never held in memory whole.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import Pool

from coopwatch.budget import Limits, check_size, time_budget
from coopwatch.errors import DocumentError
from coopwatch.model import Document, Extraction

_WINDOW = 256  # documents per worker handed out at a time
_CHUNK = 32  # documents sent to a worker in one message (fewer, larger messages)


@dataclass(slots=True)
class Failure:
    """A document whose extraction raised: a bug to report, never a lost batch."""

    document: Document
    error: str


def extract_one(
    document: Document,
    model: str = "none",
    *,
    mentions: bool = True,
    limits: Limits | None = None,
) -> Extraction | Failure:
    """``extract``, with an exception turned into a ``Failure`` naming the document.
    ``mentions=False`` leaves ``extraction.mentions`` empty (half of what a worker
    sends back, and nothing the store keeps). ``limits`` (default: the settings) bound
    the document's size and the time its extraction may take (see ``budget``)."""
    from coopwatch import extract

    limits = limits or Limits.from_settings()
    try:
        check_size(document, limits)
        _prepare(document, model)
        with time_budget(limits.time_budget):
            extraction = extract(document, model=model)
    except DocumentError as exc:
        return Failure(document, str(exc))
    except RecursionError:
        return Failure(document, "extraction failed: structure nested too deep")
    except Exception as exc:  # a bug on one document must not sink the batch
        return Failure(document, f"extraction failed: {exc!r}")
    if not mentions:
        extraction.mentions = []
    return extraction


_prepared: set[tuple[str | None, str]] = set()  # (language, model) loaded in this process


def _prepare(document: Document, model: str) -> None:
    """Load what the document's language needs (lexicons, automata, a model) before its
    time budget starts: a second or two once per language and process, which no
    document's budget should pay for. A short sample of the document is extracted.

    What is loaded then lives as long as the process: it is moved out of the garbage
    collector's sight (``gc.freeze``), so that the full collections that a long
    document's allocations set off no longer walk every lexicon entry (with them, 80 000
    new words took 7 times as long as 20 000; without, 4 times)."""
    from coopwatch import extract
    from coopwatch.analysis.language import detect_language

    lang = document.lang or detect_language(document.text)
    if (lang, model) in _prepared:
        return
    sample = Document.create(document.text[:300], "warm-up", lang=lang)
    with contextlib.suppress(Exception):  # the document's own run reports what fails
        extract(sample, model=model)
    _prepared.add((lang, model))
    gc.freeze()


def _extract_job(job: tuple[Document, str, bool, Limits]) -> Extraction | Failure:
    document, model, mentions, limits = job
    return extract_one(document, model, mentions=mentions, limits=limits)


def extract_many(
    documents: Iterable[Document],
    *,
    model: str = "none",
    workers: int = 1,
    mentions: bool = True,
    limits: Limits | None = None,
    in_process: bool = True,
) -> Iterator[Extraction | Failure]:
    """The extraction of each document, in input order, over ``workers`` processes
    (``mentions`` and ``limits`` as in ``extract_one``). A document that fails, is too
    large or runs past its time budget comes back as a ``Failure``; the others go on.

    With one worker and ``in_process``, documents are analysed in this process as they
    are read. Otherwise they go to worker processes, which work a window ahead of the
    caller: a caller with work of its own per result (``ingest`` writing to the store)
    passes ``in_process=False`` and has the next documents analysed meanwhile.

    The worker processes start at once, before any document is read: a caller that
    then starts threads (a progress display) never has them copied into a worker."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    limits = limits or Limits.from_settings()
    if workers == 1 and in_process:
        return (
            extract_one(document, model, mentions=mentions, limits=limits) for document in documents
        )
    pool = multiprocessing.Pool(workers)
    return _pooled(pool, workers, iter(documents), model, mentions, limits)


def _pooled(
    pool: Pool,
    workers: int,
    documents: Iterator[Document],
    model: str,
    mentions: bool,
    limits: Limits,
) -> Iterator[Extraction | Failure]:
    with pool:  # the workers stop when the results are read or abandoned
        pending: Iterator[Extraction | Failure] | None = None
        while True:
            window = list(islice(documents, _WINDOW * workers))
            jobs = [(document, model, mentions, limits) for document in window]
            # The next window is handed out before this one's results are read.
            ahead = pool.imap(_extract_job, jobs, chunksize=_CHUNK) if jobs else None
            if pending is not None:
                yield from pending
            if ahead is None:
                return
            pending = ahead
