"""/api/pairs: country pairs with counts, and what one pair did together."""

from __future__ import annotations

from fastapi import APIRouter, Request

from coopwatch.api.deps import Limit, Offset, PairSlug, pair_codes, reading
from coopwatch.api.models import HomeOut, PairDetailOut, PairRowOut
from coopwatch.store import views
from coopwatch.store.view_rows import Home, PairDetail, PairRow

router = APIRouter(prefix="/api", tags=["pairs"])


def home_data(request: Request) -> Home:
    with reading(request) as db:
        return views.home(db)


def pair_data(request: Request, slug: str, limit: int, offset: int) -> PairDetail:
    a, b = pair_codes(slug)
    with reading(request) as db:
        return views.pair_detail(db, a, b, limit=limit, offset=offset)


@router.get("/home", response_model=HomeOut)
def home(request: Request) -> Home:
    """The home page's data: totals, the country pairs, the latest events."""
    return home_data(request)


@router.get("/pairs", response_model=list[PairRowOut])
def list_pairs(request: Request, limit: Limit = 100) -> list[PairRow]:
    """Country pairs by the number of events both are parties to."""
    with reading(request) as db:
        return views.pairs(db, limit=limit)


@router.get("/pairs/{pair}", response_model=PairDetailOut)
def get_pair(request: Request, pair: PairSlug, limit: Limit = 50, offset: Offset = 0) -> PairDetail:
    """Counts by type and year, sectors, commitments and events of two countries."""
    return pair_data(request, pair, limit, offset)
