"""What every part of the SQL store shares: the session it is bound to and dialect-aware helpers."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


class SessionBound:
    """Bound to one AsyncSession (one unit of work). The caller owns the session."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._dialect = session.bind.dialect.name if session.bind is not None else "sqlite"

    def _insert(self, table: Any) -> Any:
        """INSERT with ON CONFLICT support for the session's dialect (SQLite or PostgreSQL)."""
        module = postgresql if self._dialect == "postgresql" else sqlite
        return module.insert(table)

    async def _execute(self, statement: Any, params: dict[str, Any] | None = None) -> Any:
        """Core execution on the session's connection: the hot paths skip the ORM's per-call work."""
        connection = await self.session.connection()
        return await connection.execute(statement, params or {})
