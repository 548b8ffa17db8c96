"""Checks of the filter values of ``events``: a value coopwatch never stores is an
error that lists the valid ones, not an empty listing."""

from __future__ import annotations

from functools import cache

import typer

from coopwatch.model import EventType

#: Most events that one listing may ask for.
MAX_LIMIT = 1_000_000


@cache
def known_countries() -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes of the countries some lexicon names."""
    from coopwatch.lexicons import available_languages, load

    codes = {code for lang in available_languages() for code in load(lang).countries.country}
    return tuple(sorted(codes))


@cache
def known_sectors() -> tuple[str, ...]:
    """ISIC Rev.4 divisions that some lexicon's sector phrases give."""
    from coopwatch.lexicons import available_languages, load

    divisions: set[str] = set()
    for lang in available_languages():
        for sector in load(lang).sectors.sector:
            isic = sector.isic
            divisions.update([isic] if isinstance(isic, str) else isic)
    return tuple(sorted(d for d in divisions if d))


def _refuse(value: str, option: str, valid: tuple[str, ...], what: str) -> typer.BadParameter:
    return typer.BadParameter(
        f"unknown {what} {value!r}; valid: {', '.join(valid)}", param_hint=option
    )


def event_type(value: str | None) -> str | None:
    valid = tuple(str(t) for t in EventType)
    if value is not None and value.lower() not in valid:
        raise _refuse(value, "--type", valid, "event type")
    return value.lower() if value else None


def countries(values: list[str]) -> list[str]:
    valid = known_countries()
    codes = [v.upper() for v in values]
    for value, code in zip(values, codes, strict=True):
        if code not in valid:
            raise _refuse(value, "--country", valid, "country code")
    return codes


def sector(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.zfill(2) if value.isdigit() and len(value) == 1 else value
    valid = known_sectors()
    if code not in valid:
        raise _refuse(value, "--sector", valid, "ISIC division")
    return code
