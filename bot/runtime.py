"""Wiring: settings → database engine, session factory, quiz engine and the synced bank.

Every entry point (console, platforms, scheduler jobs) opens one unit of work per
event or job with :meth:`Runtime.store` and passes the store into the engine.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.engine.clock import SystemClock
from bot.engine.ports import Clock
from bot.engine.quiz import QuizEngine
from bot.engine.types import Question, SyncReport
from bot.storage.database import create_engine, ensure_migrated, session_factory
from bot.storage.schema import head_revision
from bot.storage.sql_store import SqlQuizStore, StoreCache
from questions.bank_format import BankError, BankQuestion, load_bank


class BankInvalid(Exception):
    """The bank has problems; the message lists the first few and how to see them all."""


def to_question(item: BankQuestion) -> Question:
    return Question(
        item.id, item.topic, item.section, item.source_line, item.stem, tuple(item.choices), item.answer,
        item.explanation, item.kind, item.status,
    )  # fmt: skip


def read_bank(folder: Path) -> list[Question]:
    """The bank's questions, or BankInvalid with a short, readable reason."""
    try:
        bank = load_bank(folder)
    except BankError as error:
        raise BankInvalid(str(error)) from None
    if bank.problems:
        shown = "; ".join(str(problem) for problem in bank.problems[:3])
        more = f" (and {len(bank.problems) - 3} more)" if len(bank.problems) > 3 else ""
        raise BankInvalid(f"{shown}{more} — see `quizbot bank validate {folder}`")
    return [to_question(item) for item in bank.questions]


@dataclass
class Runtime:
    settings: Settings
    db: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    engine: QuizEngine
    cache: StoreCache = field(default_factory=StoreCache)

    @asynccontextmanager
    async def store(self) -> AsyncIterator[SqlQuizStore]:
        """One session, one unit of work; rolled back if not committed."""
        async with self.sessions() as session:
            yield SqlQuizStore(session, self.cache)

    async def sync_bank(self, folder: Path | None = None) -> SyncReport:
        questions = read_bank(folder or self.settings.bank_dir)
        async with self.store() as store:
            return await self.engine.sync_bank(store, questions)

    async def close(self) -> None:
        await self.db.dispose()


async def open_runtime(settings: Settings, *, clock: Clock | None = None) -> Runtime:
    """Connect and check the schema; DatabaseNotReady (one line with the fix) otherwise."""
    db = create_engine(settings.effective_database_url)
    try:
        await ensure_migrated(db, head_revision())
    except BaseException:
        await db.dispose()
        raise
    engine = QuizEngine(clock or SystemClock(), settings.zone)
    return Runtime(settings, db, session_factory(db), engine)
