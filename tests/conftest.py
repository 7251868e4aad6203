"""Shared fixtures: a migrated database on real SQLite and, when QUIZBOT_TEST_POSTGRES_URL
is set, the same tests again on real PostgreSQL (a throwaway database per test run)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.engine.clock import ManualClock
from bot.runtime import Runtime, open_runtime
from bot.storage.database import create_engine
from bot.storage.models import Base
from bot.storage.schema import head_revision

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_BANK = FIXTURES / "bank"
POSTGRES_URL = os.environ.get("QUIZBOT_TEST_POSTGRES_URL", "")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES_URL, reason="QUIZBOT_TEST_POSTGRES_URL is not set"),
    ),
]


def asyncpg_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


async def _admin(url: str, statement: str) -> None:
    engine = create_engine(asyncpg_url(url), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("QUIZBOT_TEST_POSTGRES_URL is not set")
    name = f"quizbot_test_{uuid.uuid4().hex[:10]}"
    asyncio.run(_admin(POSTGRES_URL, f'CREATE DATABASE "{name}"'))
    url = make_url(asyncpg_url(POSTGRES_URL)).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        asyncio.run(_admin(POSTGRES_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def prepare_schema(url: str) -> None:
    """Tables as the models define them (a migration test checks they match Alembic's), empty, at head."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
            await connection.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32))"))
            await connection.execute(text("DELETE FROM alembic_version"))
            await connection.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": head_revision()})
            tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
            if connection.dialect.name == "postgresql":
                await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            else:
                for table in reversed(Base.metadata.sorted_tables):
                    await connection.execute(table.delete())
    finally:
        await engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return f"sqlite+aiosqlite:///{tmp_path / 'quizbot.db'}"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 30, 0, 0, tzinfo=UTC))  # 09:00 Monday in Seoul


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(_env_file=None, database_url=database_url, bank_dir=FIXTURE_BANK)  # type: ignore[call-arg]


@pytest.fixture
async def runtime(settings: Settings, clock: ManualClock) -> AsyncIterator[Runtime]:
    """A runtime on an empty, migrated database with the fixture bank synced."""
    await prepare_schema(settings.effective_database_url)
    runtime = await open_runtime(settings, clock=clock)
    await runtime.sync_bank()
    try:
        yield runtime
    finally:
        await runtime.close()
