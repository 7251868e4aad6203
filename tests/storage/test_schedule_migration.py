"""Alembic revision 0002 adds the schedules table as the models define it, and undoes cleanly to 0001."""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.storage import schema
from bot.storage.database import create_engine
from tests.conftest import _admin
from tests.storage.schema_diff import schema_diff as _diff


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
            assert (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar() == "0001"
    finally:
        await engine.dispose()
    await schema.upgrade(url)
    assert await _diff(url) == []
    if url != database_url:
        await _admin(database_url, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
