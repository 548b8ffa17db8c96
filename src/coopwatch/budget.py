"""Limits on one document in a batch run: its size and the time its analysis may take.

``check_size`` refuses a document longer than the limit before any work is done.
``time_budget`` interrupts the analysis of one document once its budget has run out,
with a timer signal (``SIGALRM``): that works in the main thread of a process on
POSIX systems, which is where the CLI and the worker processes of ``extract_many``
run; elsewhere (another thread, Windows) the budget is not enforced and only the size
limit holds. A signal is handled between Python bytecodes, so a single long call into
C code ends before the budget does.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from coopwatch.errors import DocumentTooLarge, TimeBudgetExceeded
from coopwatch.model import Document
from coopwatch.settings import Settings


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost: characters (0: no limit) and seconds (0: no budget)."""

    max_chars: int = Settings().max_chars
    time_budget: float = Settings().time_budget

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Limits:
        settings = settings or Settings.from_env()
        return cls(settings.max_chars, settings.time_budget)


NO_LIMITS = Limits(0, 0.0)
_AGAIN = 0.05  # seconds between two interruptions once the budget is spent


def check_size(document: Document, limits: Limits) -> None:
    if limits.max_chars and len(document.text) > limits.max_chars:
        raise DocumentTooLarge(
            f"document too large: {len(document.text):,} characters, the limit is "
            f"{limits.max_chars:,} (COOPWATCH_MAX_CHARS or --max-chars)"
        )


def can_interrupt() -> bool:
    """Whether ``time_budget`` is enforced in this thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ``TimeBudgetExceeded`` in the block once ``seconds`` have passed."""
    if seconds <= 0 or not can_interrupt():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeBudgetExceeded(
            f"analysis took longer than its time budget of {seconds:g} s "
            "(COOPWATCH_TIME_BUDGET or --time-budget)"
        )

    previous = signal.signal(signal.SIGALRM, expired)
    # Repeated until the block has ended: an exception raised while a garbage
    # collector callback or a __del__ runs is printed and dropped, so one is not enough.
    signal.setitimer(signal.ITIMER_REAL, seconds, _AGAIN)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
