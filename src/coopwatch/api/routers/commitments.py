"""/api/commitments: undertakings followed over time, and one thread stage by stage."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from coopwatch.api.deps import Country, Limit, Offset, reading
from coopwatch.api.models import CommitmentDetailOut, CommitmentRowOut, PageOut
from coopwatch.errors import NotFoundError
from coopwatch.model import CommitmentStage
from coopwatch.store import commitments
from coopwatch.store.view_rows import CommitmentDetail, CommitmentRow, Page

router = APIRouter(prefix="/api/commitments", tags=["commitments"])

CommitmentId = Annotated[str, Path(pattern=r"^c[0-9a-f]{1,32}$", description="commitment id")]


def list_data(
    request: Request, country: list[str], stage: str | None, limit: int, offset: int
) -> Page[CommitmentRow]:
    with reading(request) as db:
        rows, total = commitments.list_commitments(
            db, countries=country, stage=stage, limit=limit, offset=offset
        )
    return Page(rows, total, limit, offset)


def detail_data(request: Request, commitment_id: str) -> CommitmentDetail:
    with reading(request) as db:
        found = commitments.commitment_detail(db, commitment_id)
    if found is None:
        raise NotFoundError(f"no commitment {commitment_id!r}")
    return found


@router.get("", response_model=PageOut[CommitmentRowOut])
def list_commitments(
    request: Request,
    country: Annotated[list[Country] | None, Query(max_length=5)] = None,
    stage: CommitmentStage | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[CommitmentRow]:
    """Commitments whose parties include every country given, latest activity first."""
    return list_data(request, country or [], str(stage) if stage else None, limit, offset)


@router.get("/{commitment_id}", response_model=CommitmentDetailOut)
def get_commitment(request: Request, commitment_id: CommitmentId) -> CommitmentDetail:
    """A commitment's thread: its timeline stage by stage with the evidence of each
    stage, every event with the stage it shows, amounts and jobs per source."""
    return detail_data(request, commitment_id)
