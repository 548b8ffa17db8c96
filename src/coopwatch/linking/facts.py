"""What the linker compares of one report: an event as one document tells it.

A *report* is an event of a single document's extraction (its ``Event.to_json()``); a
*step* of the register is one or more reports of the same real-world event. Everything
here is computed from the report and its document alone, so that every decision of the
linker depends on the two reports it compares and never on what else is stored: this
is what makes the register independent of the order of ingestion.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coopwatch.linking.names import PersonKey, aliases_key, person_key
from coopwatch.linking.objects import is_convener, is_venue
from coopwatch.linking.stages import stage_of
from coopwatch.model import CommitmentStage
from coopwatch.text import fold

_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True, slots=True)
class PersonFact:
    name: str
    key: PersonKey
    country: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class OrganizationFact:
    names: tuple[str, ...]
    keys: frozenset[str]
    country: str | None
    #: A chamber, council, ministry...: an actor of a step, never an undertaking's object.
    convener: bool = False


@dataclass(slots=True)
class ReportFacts:
    """One report, reduced to what linking compares."""

    id: str
    document_id: str
    type: str
    date: dt.date | None
    published: dt.date | None
    lang: str | None
    parties: tuple[str, ...]
    stage: CommitmentStage
    sentence: str = ""
    persons: list[PersonFact] = field(default_factory=list)
    organizations: list[OrganizationFact] = field(default_factory=list)
    sectors: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    amounts: tuple[tuple[int, str], ...] = ()
    jobs: int | None = None
    location: str | None = None
    words: frozenset[str] = frozenset()
    #: The persons and organisations the whole document names, whatever the step.
    document_persons: list[PersonFact] = field(default_factory=list)
    document_organizations: list[OrganizationFact] = field(default_factory=list)

    @property
    def parties_key(self) -> str:
        return ";".join(self.parties)

    @property
    def day(self) -> dt.date | None:
        """The date the report gives the step, else the date of the report."""
        return self.date or self.published

    def object_keys(self) -> set[str]:
        """Keys of the definite objects this report is about: organisations and places.

        A large city is a place key only for an implementation: a signing or a forum there
        is a venue, shared by undertakings that have nothing else in common."""
        keys = {f"org:{k}" for o in self.organizations if not o.convener for k in o.keys}
        if self.location and (self.type == "implementation" or not is_venue(self.location)):
            keys.add(f"loc:{fold(self.location)}")
        return keys


def sentence_of(event: dict[str, Any], text: str) -> str:
    """The sentence of a document's ``text`` that tells ``event``."""
    span = event.get("sentence")
    return text[span[0] : span[1]] if span else ""


def report_facts(
    event: dict[str, Any],
    *,
    document_id: str,
    sentence: str,
    lang: str | None,
    published: dt.date | None,
    context: dict[str, Any] | None = None,
    stage: CommitmentStage | None = None,
) -> ReportFacts:
    """The facts of one event of ``Extraction.to_json()``, told in ``sentence``.

    ``context`` holds the document's own ``persons`` and ``organizations`` lists;
    ``stage``, the stage the sentence shows when it was worked out already.
    """
    context = context or {}
    day = date.fromisoformat(event["date"]) if event.get("date") else None
    return ReportFacts(
        id=event["id"],
        document_id=document_id,
        type=event["type"],
        date=day,
        published=published,
        lang=lang,
        parties=tuple(sorted(event.get("parties", []))),
        stage=stage or stage_of(event["type"], sentence, lang),
        sentence=sentence,
        persons=_persons(event.get("persons", [])),
        organizations=_organizations(event.get("organizations", [])),
        sectors=frozenset(event.get("sectors", [])),
        instruments=frozenset(event.get("instruments", [])),
        amounts=tuple((a["value"], a["currency"]) for a in event.get("amounts", [])),
        jobs=event.get("jobs"),
        location=event.get("location"),
        words=frozenset(fold(w) for w in _WORD.findall(sentence)),
        document_persons=_persons(context.get("persons", [])),
        document_organizations=_organizations(context.get("organizations", [])),
    )


def _persons(items: list[dict[str, Any]]) -> list[PersonFact]:
    out = []
    for p in items:
        names = [p["name"]] + ([p["latin"]] if p.get("latin") else [])
        key = next((k for k in map(person_key, names) if k is not None), None)
        if key is not None:
            out.append(PersonFact(p["name"], key, p.get("country"), p.get("role")))
    return out


def _organizations(items: list[list[str]]) -> list[OrganizationFact]:
    found = (
        OrganizationFact(tuple(n), aliases_key(list(n)), None, any(map(is_convener, n)))
        for n in items
        if n
    )
    return [o for o in found if o.keys]
