"""The one-scan vocabulary matcher: the Aho-Corasick scan used for Latin-script languages
must find exactly what the trie walk finds, on real documents and on the edge cases
(exact forms, acronyms, overlapping phrases of one list)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch.analysis.keying import LatinKeying
from coopwatch.analysis.matcher import PhraseMatch, VocabularyMatcher
from coopwatch.analysis.pipeline import STAGES
from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import tokenize
from coopwatch.model import Document

ROOT = Path(__file__).resolve().parents[2]
LATIN_TEXTS = sorted(
    [*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/corpus/fr_en/texts/*.txt")],
)


def _as_tuples(found: dict[str, list[PhraseMatch]]) -> dict[str, list[tuple]]:
    return {name: [(m.first, m.last, m.payloads) for m in ms] for name, ms in found.items() if ms}


def _tokens_and_keys(text: str) -> Analysis:
    analysis = Analysis(document=Document.create(text, source="test"))
    for stage in STAGES[:2]:  # language, then tokens and keys
        stage.run(analysis)
    return analysis


@pytest.mark.parametrize("path", LATIN_TEXTS, ids=lambda p: p.name)
def test_scan_finds_what_the_walk_finds(path: Path) -> None:
    analysis = _tokens_and_keys(path.read_text(encoding="utf-8"))
    assert analysis.lexicon is not None
    vocabulary = analysis.lexicon.vocabulary
    assert analysis.lexicon.keying.scan_key is not None
    walked = vocabulary._walk(analysis.tokens, analysis.keys)
    scanned = vocabulary.find_all(analysis.tokens, analysis.keys)
    assert _as_tuples(scanned) == _as_tuples(walked)
    assert scanned  # every document names something of the vocabulary


def _matcher(entries: list[tuple[str, str, str]]) -> tuple[VocabularyMatcher, LatinKeying]:
    keying = LatinKeying(["s", "e"])
    matcher = VocabularyMatcher(keying)
    for name, phrase, payload in entries:
        matcher.add(name, phrase, payload)
    return matcher, keying


def _find(matcher: VocabularyMatcher, keying: LatinKeying, text: str) -> dict[str, list[tuple]]:
    tokens = tokenize(text)
    keys = [keying.text_keys(t.text) for t in tokens]
    return _as_tuples(matcher.find_all(tokens, keys))


def test_scan_checks_exact_forms_and_acronyms() -> None:
    matcher, keying = _matcher(
        [("trigger", "=signeront", "pledge"), ("country", "US", "US"), ("trigger", "signer", "x")]
    )
    found = _find(matcher, keying, "Les US signeront; let us signer")
    assert found == {"country": [(1, 2, ("US",))], "trigger": [(2, 3, ("pledge",)), (6, 7, ("x",))]}


def test_scan_keeps_longest_match_and_resolves_overlaps_per_list() -> None:
    matcher, keying = _matcher(
        [
            ("sector", "machine", "28"),
            ("sector", "machine agricole", "2821"),
            ("sector", "agricole production", "01"),
            ("instrument", "production", "joint"),
        ]
    )
    found = _find(matcher, keying, "machines agricoles production")
    # The longest sector phrase wins at token 0; the one overlapping it is dropped, while
    # another list keeps its own match on the same tokens.
    assert found == {"sector": [(0, 2, ("2821",))], "instrument": [(2, 3, ("joint",))]}
