"""The store: documents, events, entities, corrections; SQLite or PostgreSQL.

All the SQL of coopwatch is in this package. ``Store.open(url)`` migrates the database
to the newest schema; everything it returns is a plain dataclass.
"""

from __future__ import annotations

from coopwatch.store.collection import rare_collections
from coopwatch.store.database import Store
from coopwatch.store.rows import (
    AmountRow,
    CorrectionRow,
    EventDetail,
    EventRow,
    EvidenceRow,
    IngestReport,
    OrganizationRow,
    PersonRow,
    SourceRow,
)

__all__ = [
    "AmountRow",
    "CorrectionRow",
    "EventDetail",
    "EventRow",
    "EvidenceRow",
    "IngestReport",
    "OrganizationRow",
    "PersonRow",
    "SourceRow",
    "Store",
    "rare_collections",
]
