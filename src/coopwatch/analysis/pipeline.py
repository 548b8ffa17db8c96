"""The ordered analysis stages: what each needs, what each adds, and ``analyse``.

``analyse`` is a pure function of one document (plus options): the CLI, the store and
the Spark job all call it, so the same text always yields the same mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from coopwatch.analysis import (
    countries,
    dates,
    language,
    money,
    organizations,
    persons,
    sentences,
    vocabulary,
)
from coopwatch.analysis.state import Analysis
from coopwatch.model import Document


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[[Analysis], None]
    needs: tuple[str, ...]
    adds: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("language", language.run, (), ("lang", "lexicon")),
    Stage("sentences", sentences.run, ("lexicon",), ("tokens", "sentences")),
    Stage("dates", dates.run, ("tokens", "sentences"), ("DATE", "published")),
    Stage("countries", countries.run, ("tokens",), ("COUNTRY", "BOTH_PARTIES")),
    Stage("persons", persons.run, ("COUNTRY", "DATE", "sentences"), ("TITLE", "PERSON")),
    Stage("organizations", organizations.run, ("PERSON", "tokens"), ("ORGANIZATION",)),
    Stage("sectors", vocabulary.sectors, ("tokens",), ("SECTOR",)),
    Stage("instruments", vocabulary.instruments, ("tokens",), ("INSTRUMENT",)),
    Stage("money", money.run, ("tokens", "sentences"), ("MONEY", "JOBS")),
    Stage("triggers", vocabulary.triggers, ("tokens",), ("TRIGGER", "OFF_TOPIC")),
)


def check_order(stages: Sequence[Stage]) -> None:
    """Fail loudly if a stage needs something no earlier stage adds."""
    available: set[str] = set()
    for stage in stages:
        missing = set(stage.needs) - available
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {sorted(missing)} before it")
        available.update(stage.adds)


check_order(STAGES)

#: Optional statistical stages: spaCy for French, natasha for Russian.
MODELS = ("spacy", "natasha")


def analyse(document: Document, *, model: str = "none") -> Analysis:
    """Run every stage over one document and return its mentions.

    The stages fill in the language and the publication date they find on a copy of the
    document (``analysis.document``): the caller's document is left as it was given, so
    that analysing it again gives the same result."""
    analysis = Analysis(document=replace(document), options={"model": model})
    stages = STAGES
    if model in MODELS:
        from coopwatch.analysis import statistical

        after_organizations = [s.name for s in STAGES].index("organizations") + 1
        stage = Stage("statistical", statistical.run, ("ORGANIZATION",), ("PERSON", "ORGANIZATION"))
        stages = (*STAGES[:after_organizations], stage, *STAGES[after_organizations:])
        check_order(stages)
    elif model != "none":
        raise ValueError(f"unknown model {model!r}: none, {', '.join(MODELS)}")
    for stage in stages:
        stage.run(analysis)
    analysis.sort()
    return analysis
