"""Load benchmarks/warc_corpus.py (pages and WARC files built from plain texts) for tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "warc_corpus", ROOT / "benchmarks" / "warc_corpus.py"
)
assert _spec and _spec.loader
warc_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(warc_corpus)
