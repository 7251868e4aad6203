"""Alembic revision 0002 creates the schedules table exactly as the models define it."""

from __future__ import annotations

import uuid

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.storage import schema
from bot.storage.database import create_engine
from bot.storage.models import Base
from tests.conftest import _admin


async def _diff(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
    finally:
        await engine.dispose()


async def test_upgrade_downgrade_upgrade_matches_models(database_url: str):
    """`quizbot db upgrade` gives the schedules table the code expects; 0002 undoes cleanly."""
    url = database_url
    if url.startswith("postgresql"):  # a clean database of its own: other tests use create_all
        name = f"quizbot_mig_{uuid.uuid4().hex[:8]}"
        await _admin(url, f'CREATE DATABASE "{name}"')
        url = make_url(url).set(database=name).render_as_string(hide_password=False)
    await schema.upgrade(url)
    assert await _diff(url) == []
    await schema.downgrade(url, "0001")
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: sync.dialect.get_table_names(sync))
            assert "schedules" not in tables
            assert (
                await connection.execute(text("SELECT version_num FROM alembic_version"))
            ).scalar() == "0001"
    finally:
        await engine.dispose()
    await schema.upgrade(url)
    assert await _diff(url) == []
    if url != database_url:
        await _admin(database_url, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
