from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopwatch.model import Document, Event, EventType, Extraction, content_id
from coopwatch.store import Store
from coopwatch.store.search import fts5_query

from .samples import corpus

# One store per test, shared by its examples: every example is written for that.
SHARED_STORE = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

OPERATORS = [
    '"',
    "'",
    "*",
    "^",
    ":",
    "-",
    "+",
    "(",
    ")",
    "{",
    "}",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "text:",
    "title:",
    "document_id:",
    "\\",
    "%",
    "_",
    ";",
    "--",
    "/*",
    "\x00",
    "é",
    "&",
    "|",
    "!",
    "<->",
    "''",
    '""',
]
queries = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(OPERATORS), st.text(max_size=5)), max_size=8).map(" ".join),
)
# What no database can store, NUL and lone surrogates, is refused (test_ingest).
texts = st.text(alphabet=st.characters(exclude_characters="\x00", exclude_categories=["Cs"]))


def test_fts5_query_quotes_every_word() -> None:
    assert fts5_query('tracteurs "AGM" OR  bus* NEAR(a b)') == (
        '"tracteurs" """AGM""" "OR" "bus*" "NEAR(a" "b)"'
    )
    assert fts5_query(" \t\n") is None
    assert fts5_query("a\x00b") == '"ab"'


@SHARED_STORE
@given(query=queries)
def test_any_search_string_is_safe(store: Store, query: str) -> None:
    if not store.documents_count():
        store.ingest(corpus())
    rows = store.events(search=query)
    assert {r.id for r in rows} <= {r.id for r in store.events()}


@SHARED_STORE
@given(text=texts, title=st.none() | texts, source=texts)
def test_any_text_reads_back_unchanged(
    store: Store, text: str, title: str | None, source: str
) -> None:
    # Ids differ whenever any field does: a document already stored would be skipped.
    doc = Document(content_id(repr((text, title, source))), source, text, title=title)
    store.ingest([Extraction(doc)])
    assert store.document(doc.id) == doc
    store.events(search=text)


@SHARED_STORE
@given(words=st.lists(st.from_regex(r"[a-z]{3,12}", fullmatch=True), min_size=1, max_size=6))
def test_a_document_is_found_by_its_words(store: Store, words: list[str]) -> None:
    doc = Document.create(" ".join(words) + ".", "words.txt")
    event = Event(EventType.MEETING, date(2025, 1, 1), parties=["DZ"], document_ids=[doc.id])
    store.ingest([Extraction(doc, events=[event])])
    found = {r.id for r in store.events(search=" ".join(reversed(words)))}
    assert event.key in found
