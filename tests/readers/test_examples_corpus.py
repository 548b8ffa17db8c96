"""The example corpus the demo ingests reads cleanly, one document per dispatch."""

from __future__ import annotations

from pathlib import Path

from coopwatch.model import Document
from coopwatch.readers import iter_inputs

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_examples_read_without_errors() -> None:
    items = list(iter_inputs([EXAMPLES]))
    errors = [item for item in items if not isinstance(item, Document)]
    assert errors == []
    assert len(items) == 16
    assert not any(Path(item.source).name == "README.md" for item in items)
    for doc in items:
        assert isinstance(doc, Document)
        headline, dateline = doc.text.split("\n")[:2]
        assert headline and dateline[:1].isalnum()
