"""Database engines and sessions, and the check that the schema is migrated.

SQLite runs in WAL mode with a busy timeout, and every transaction starts with
``BEGIN IMMEDIATE``: writers queue for the lock up front instead of failing with
"database is locked" when two of them try to upgrade a read lock at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.util import await_

SQLITE_BUSY_TIMEOUT_MS = 30_000


class DatabaseNotReady(Exception):
    """The database cannot be used as it is; the message says what to run."""


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def prepare_sqlite_file(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str, **options: Any) -> AsyncEngine:
    """An async engine for ``url`` (sqlite+aiosqlite or postgresql+asyncpg)."""
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True, **options)
    prepare_sqlite_file(url)
    # SQLite has one writer at a time. Connections contending for its lock back off by
    # sleeping (1-100 ms steps), which caps throughput far below what one connection
    # does in a queue: so in one process, units of work share a single connection and
    # wait their turn in the pool instead. Other processes still meet the busy timeout.
    # Sessions end their own transactions, so the pool's extra ROLLBACK on check-in
    # is a wasted round trip to the driver thread on every unit of work.
    options = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60, "pool_reset_on_return": None, **options}
    engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **options)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Straight to aiosqlite: one trip to its thread instead of three through a cursor.
        driver = connection.connection.driver_connection
        await_(driver.execute("BEGIN IMMEDIATE"))

    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def current_revision(engine: AsyncEngine) -> str | None:
    """The Alembic revision the database is at, or None if it was never migrated."""
    async with engine.connect() as connection:
        has_table = await connection.run_sync(lambda sync: sync.dialect.has_table(sync, "alembic_version"))
        if not has_table:
            return None
        return (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()


async def ensure_migrated(engine: AsyncEngine, head: str) -> None:
    """Raise DatabaseNotReady (one line, with the command to run) unless the schema is at ``head``."""
    try:
        revision = await current_revision(engine)
    except (OperationalError, DBAPIError, OSError) as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        raise DatabaseNotReady(f"cannot reach the database ({reason})") from error
    if revision is None:
        raise DatabaseNotReady("the database is not migrated: run `quizbot db upgrade`")
    if revision != head:
        raise DatabaseNotReady(
            f"the database schema is at {revision}, this version needs {head}: run `quizbot db upgrade`"
        )
