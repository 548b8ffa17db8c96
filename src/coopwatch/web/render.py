"""Templates (autoescaped) and the filters they use to show untrusted text safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from coopwatch.store.view_rows import Excerpt

TEMPLATES = Path(__file__).parent / "templates"
RTL = {"ar", "fa", "he", "ur"}


def link_url(url: str | None) -> str | None:
    """The URL if it is a web address one may link to (http or https), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def text_dir(lang: str | None) -> str:
    """``dir`` of a block of text in ``lang``: rtl for Arabic, else let the browser tell."""
    return "rtl" if (lang or "").split("-")[0] in RTL else "auto"


def segments(ex: Excerpt) -> list[tuple[str, list[str]]]:
    """The excerpt's text in pieces, each with the fields its words support (or none)."""
    out: list[tuple[str, list[str]]] = []
    cursor = 0
    for mark in ex.marks:
        if mark.start > cursor:
            out.append((ex.text[cursor : mark.start], []))
        out.append((ex.text[mark.start : mark.end], mark.fields))
        cursor = mark.end
    if cursor < len(ex.text):
        out.append((ex.text[cursor:], []))
    return out


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template: article text is untrusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(link_url=link_url, text_dir=text_dir, segments=segments)
    return env


ENV = _environment()


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    page = ENV.get_template(template).render(request=request, **context)
    return HTMLResponse(page, status_code=status, headers=headers)


def render_error(
    request: Request, status: int, message: str, *, headers: dict[str, str] | None = None
) -> HTMLResponse:
    return render(
        request,
        "error.html",
        {"status": status, "message": message, "json_url": None},
        status=status,
        headers=headers,
    )
