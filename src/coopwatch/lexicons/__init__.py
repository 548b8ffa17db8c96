"""Per-language lexicons: TOML files validated by ``schema.py``, compiled to matchers."""

from __future__ import annotations

import tomllib
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from coopwatch.analysis.keying import (
    EXACT,
    UPPER,
    ArabicKeying,
    Keying,
    LatinKeying,
    RussianKeying,
)
from coopwatch.analysis.matcher import PhraseMatcher, VocabularyMatcher
from coopwatch.errors import LexiconError
from coopwatch.lexicons import schema
from coopwatch.text import fold

LEXICON_DIR = Path(__file__).parent

M = TypeVar("M", bound=BaseModel)


def _load(lang_dir: Path, name: str, model: type[M]) -> M:
    path = lang_dir / f"{name}.toml"
    if not path.exists():
        return model()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        return model.model_validate(data)
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


class Lexicon:
    """Everything one language knows, with its phrase matchers built on first use."""

    def __init__(self, code: str) -> None:
        lang_dir = LEXICON_DIR / code
        if not (lang_dir / "language.toml").exists():
            raise LexiconError(f"no lexicon for language {code!r} (expected {lang_dir})")
        self.code = code
        self.language = language_settings(code)
        self.countries = _load(lang_dir, "countries", schema.CountriesFile)
        self.dates = _load(lang_dir, "dates", schema.DatesFile)
        self.titles = _load(lang_dir, "titles", schema.TitlesFile)
        self.triggers = _load(lang_dir, "triggers", schema.TriggersFile)
        self.sectors = _load(lang_dir, "sectors", schema.SectorsFile)
        self.instruments = _load(lang_dir, "instruments", schema.InstrumentsFile)
        self.money = _load(lang_dir, "money", schema.MoneyFile)
        self.jobs = _load(lang_dir, "jobs", schema.JobsFile)
        self.organizations = _load(lang_dir, "organizations", schema.OrganizationsFile)
        self.off_topic = _load(lang_dir, "off_topic", schema.OffTopicFile)
        self.stages = _load(lang_dir, "stages", schema.StagesFile)

    @cached_property
    def keying(self) -> Keying:
        lang = self.language
        if lang.keying == "russian":
            return RussianKeying()
        if lang.keying == "arabic":
            return ArabicKeying(lang.clitic_prefixes)
        return LatinKeying(lang.strip_suffixes)

    def matcher(self, entries: dict[str, Any] | list[tuple[list[str], Any]]) -> PhraseMatcher:
        m = PhraseMatcher(self.keying)
        items = entries.items() if isinstance(entries, dict) else entries
        for phrases, payload in items:
            m.add_all(phrases, payload)
        return m

    @cached_property
    def vocabulary(self) -> VocabularyMatcher:
        """All the phrase lists of the language in one matcher (see analysis.vocabularies)."""
        from coopwatch.analysis.vocabularies import vocabularies

        matcher = VocabularyMatcher(self.keying)
        for name, entries in vocabularies(self).items():
            for phrases, payload in entries:
                for phrase in phrases:
                    matcher.add(name, phrase, payload)
        return matcher

    @cached_property
    def name_stopwords(self) -> frozenset[str]:
        keys = (k for w in self.language.name_stopwords for k in self._stopword_keys(w))
        return frozenset(keys)

    def _stopword_keys(self, word: str) -> tuple[str, ...]:
        keys = self.keying.text_keys(word)
        if self.language.keying != "latin":
            return keys  # lemmas: every inflected form of the word is a stopword
        # A stem cut from a longer word would stop names: "this" -> "thi", and the
        # Vietnamese "Nguyen Thi Huong" loses its middle name. Only words that are
        # their own stem stand for their inflected forms.
        return tuple(k for k in keys if k[:1] in (EXACT, UPPER) or k == fold(word))


@cache
def load(code: str) -> Lexicon:
    return Lexicon(code)


@cache
def language_settings(code: str) -> schema.LanguageFile:
    """The settings of one language (its ``language.toml``), without its phrase lists."""
    return _load(LEXICON_DIR / code, "language", schema.LanguageFile)


@cache
def available_languages() -> list[str]:
    return sorted(p.parent.name for p in LEXICON_DIR.glob("*/language.toml"))
