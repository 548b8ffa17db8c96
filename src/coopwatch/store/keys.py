"""API keys that may write: created once (the secret is shown then only), stored hashed.

A key is ``cw_`` and 43 random URL-safe characters (256 bits). The store keeps its
SHA-256 digest, which is enough for secrets that random (no password stretching needed),
and its first characters, so that a person can tell keys apart in a listing.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.errors import CorrectionError, NotFoundError
from coopwatch.store.schema import api_keys

PREFIX = "cw_"
_SHOWN = 8  # characters of the secret kept in clear for listings
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


@dataclass(slots=True)
class ApiKey:
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(db: Connection, name: str) -> tuple[ApiKey, str]:
    """A new key named ``name`` and its secret, which the store does not keep."""
    if not _NAME.fullmatch(name):
        raise CorrectionError(f"key name {name!r}: 1 to 64 letters, digits, '.', '_', '@' or '-'")
    if db.scalar(sa.select(api_keys.c.id).where(api_keys.c.name == name)) is not None:
        raise CorrectionError(f"a key named {name!r} exists already (revoke it or pick another)")
    secret = PREFIX + secrets.token_urlsafe(32)
    row = {
        "name": name,
        "prefix": secret[: len(PREFIX) + _SHOWN],
        "digest": digest(secret),
        "created_at": datetime.now(UTC),
    }
    key_id = db.execute(sa.insert(api_keys).returning(api_keys.c.id), row).scalar_one()
    return _by(db, api_keys.c.id == key_id), secret


def list_keys(db: Connection) -> list[ApiKey]:
    return [_key(r) for r in db.execute(sa.select(api_keys).order_by(api_keys.c.id))]


def revoke_key(db: Connection, name: str) -> ApiKey:
    """Revoke the key named ``name``: it can no longer write. Revoking twice is an error."""
    try:
        key = _by(db, api_keys.c.name == name)
    except LookupError as exc:
        raise NotFoundError(f"no API key named {name!r}") from exc
    if key.revoked_at is not None:
        raise CorrectionError(f"key {name!r} was already revoked on {key.revoked_at:%Y-%m-%d}")
    db.execute(
        sa.update(api_keys).where(api_keys.c.id == key.id).values(revoked_at=datetime.now(UTC))
    )
    return _by(db, api_keys.c.id == key.id)


def verify_key(db: Connection, secret: str) -> ApiKey | None:
    """The active key whose secret this is (and note its use), or None."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    try:
        key = _by(db, api_keys.c.digest == digest(secret))
    except LookupError:
        return None
    if not key.active:
        return None
    db.execute(
        sa.update(api_keys).where(api_keys.c.id == key.id).values(last_used_at=datetime.now(UTC))
    )
    return key


def _by(db: Connection, condition: sa.ColumnElement[bool]) -> ApiKey:
    row = db.execute(sa.select(api_keys).where(condition)).first()
    if row is None:
        raise LookupError("no such key")
    return _key(row)


def _key(row: sa.Row[object]) -> ApiKey:
    return ApiKey(
        id=row.id,
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
    )
