"""Alembic migrations: empty → head → base → head, and the models match what they create."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import inspect

from bot.config import Settings
from bot.runtime import open_runtime
from bot.storage import schema
from bot.storage.database import DatabaseNotReady, create_engine, current_revision
from bot.storage.models import Base
from tests.storage.schema_diff import schema_diff as _diff


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


@pytest.fixture
async def empty_database(database_url: str) -> str:
    """The test database with nothing in it (PostgreSQL's may hold tables from other tests)."""
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.drop_all)
            await connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    finally:
        await engine.dispose()
    return database_url


async def test_upgrade_downgrade_upgrade(empty_database: str):
    """Migrations run from empty to head, back to base, and up again without leftovers."""
    url = empty_database
    await schema.upgrade(url)
    assert {table.name for table in Base.metadata.sorted_tables} <= await _tables(url)
    assert await _diff(url) == [], "models and migrations disagree"
    await schema.downgrade(url, "base")
    assert await _tables(url) <= {"alembic_version"}
    await schema.upgrade(url)
    engine = create_engine(url)
    try:
        assert await current_revision(engine) == schema.head_revision()
    finally:
        await engine.dispose()


async def test_service_refuses_an_unmigrated_database(empty_database: str):
    """Starting on an empty database says which command to run, in one line."""
    settings = Settings(_env_file=None, database_url=empty_database)  # type: ignore[call-arg]
    with pytest.raises(DatabaseNotReady, match="quizbot db upgrade"):
        await open_runtime(settings)


async def test_service_refuses_an_outdated_database(empty_database: str):
    """A database behind the code's head revision is refused with the upgrade command."""
    await schema.upgrade(empty_database)
    engine = create_engine(empty_database)
    try:
        async with engine.begin() as connection:
            await connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'old0'")
    finally:
        await engine.dispose()
    settings = Settings(_env_file=None, database_url=empty_database)  # type: ignore[call-arg]
    with pytest.raises(DatabaseNotReady, match=r"old0.*quizbot db upgrade"):
        await open_runtime(settings)


def test_unreachable_database_is_one_line():
    """A server that does not answer gives a short reason, not a driver traceback."""
    settings = Settings(_env_file=None, database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none")  # type: ignore[call-arg]
    with pytest.raises(DatabaseNotReady, match="cannot reach the database") as caught:
        asyncio.run(open_runtime(settings))
    assert "\n" not in str(caught.value)
