"""One process per job: PostgreSQL advisory locks, held for the length of the job.

``job_lock`` opens its own connection and transaction and asks
``pg_try_advisory_xact_lock(key)``: the process that gets it runs the job, every other
process skips it at once (no waiting, no lease rows, no sleeps). The lock ends with the
transaction, so a crashed process never leaves it behind. What the job did is recorded by
unique keys (``posts.slot``, ``revealed_at``, ``schedules.last_digest``), so a process that
comes later, after the lock is free again, finds the work done and does nothing.

SQLite runs a single bot process (the file lock serialises writers anyway), so the lock is
always granted there.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from enum import IntEnum

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


class LockKind(IntEnum):
    POST = 1  # posting a channel's slot (key: channel pk)
    CLOSE = 2  # closing and revealing one post (key: post pk)


NAMESPACE = 0x5142 << 44  # 'QB': keeps our keys apart from other users of advisory locks


def lock_key(kind: LockKind, item: int) -> int:
    return NAMESPACE | (int(kind) << 40) | (item & ((1 << 40) - 1))


@asynccontextmanager
async def job_lock(db: AsyncEngine, kind: LockKind, item: int) -> AsyncIterator[bool]:
    """Yields True if this process holds the lock for ``(kind, item)`` until the block ends."""
    if db.dialect.name != "postgresql":
        yield True
        return
    async with db.connect() as connection, connection.begin():
        statement = text("SELECT pg_try_advisory_xact_lock(:key)")
        held = bool((await connection.execute(statement, {"key": lock_key(kind, item)})).scalar())
        yield held
