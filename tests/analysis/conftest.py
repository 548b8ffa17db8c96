"""Fixtures for the per-stage analysis tests: run the real pipeline on real sentences.

The test modules are imported with ``--import-mode=importlib``, so the helpers are
offered as fixtures (``analysed``, ``extracted``, ``mention_of``) rather than imports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from coopwatch import extract
from coopwatch.analysis.pipeline import analyse
from coopwatch.analysis.state import Analysis
from coopwatch.model import Document, Extraction, Label, Mention


def make_document(text: str, lang: str | None = None, published: date | None = None) -> Document:
    return Document.create(text, source="test", lang=lang, published=published)


def _analysed(text: str, lang: str | None = None, published: date | None = None) -> Analysis:
    """The analysis of one text, every stage run."""
    return analyse(make_document(text, lang=lang, published=published))


def _extracted(text: str, lang: str | None = None, published: date | None = None) -> Extraction:
    """The extraction (events and document facts) of one text."""
    return extract(make_document(text, lang=lang, published=published))


def _mention_of(analysis: Analysis, label: Label, surface: str | None = None) -> Mention:
    """The first mention of a label (with the given surface when one is asked)."""
    for m in analysis.of(label):
        if surface is None or m.surface == surface:
            return m
    found = [(m.surface, m.value) for m in analysis.of(label)]
    pytest.fail(f"no {label} mention {surface!r}; found {found}")


@pytest.fixture
def analysed() -> Callable[..., Analysis]:
    return _analysed


@pytest.fixture
def extracted() -> Callable[..., Extraction]:
    return _extracted


@pytest.fixture
def mention_of() -> Callable[..., Mention]:
    return _mention_of
