"""Compare a migrated database with the models, as Alembic's autogenerate would."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.storage.database import create_engine
from bot.storage.models import Base

# Alembic cannot compare indexes with expressions (points DESC); it reports them as
# removed and added again. Their shape is checked by the leaderboard benchmark's plan.
EXPRESSION_INDEXES = {"ix_score_totals_board"}


def _is_expression_index_noise(change: object) -> bool:
    return (
        isinstance(change, tuple)
        and change[0] in {"add_index", "remove_index"}
        and getattr(change[1], "name", None) in EXPRESSION_INDEXES
    )


async def schema_diff(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            changes = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
    finally:
        await engine.dispose()
    return [change for change in changes if not _is_expression_index_noise(change)]
