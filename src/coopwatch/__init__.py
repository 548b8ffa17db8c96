"""coopwatch: a register of economic cooperation between countries, from the news.

>>> from coopwatch import Document, extract
>>> doc = Document.create("...", source="note.txt")
>>> extraction = extract(doc)
"""

from __future__ import annotations

import logging

from coopwatch.analysis.pipeline import analyse
from coopwatch.assemble import assemble
from coopwatch.model import Commitment, Document, Event, Extraction

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Commitment", "Document", "Event", "Extraction", "analyse", "assemble", "extract"]
__version__ = "0.1.0"


def extract(document: Document, *, model: str = "none") -> Extraction:
    """Analyse one document and assemble its events: the whole default path."""
    return assemble(analyse(document, model=model))
