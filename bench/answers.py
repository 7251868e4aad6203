"""Answers recorded per second through the engine, against plain Core inserts in the same run.

1,000 users answer one channel post, each answer its own unit of work (as a click is),
``CONCURRENCY`` at a time. Round 1 meets every user for the first time (their row is
created); later rounds, on new posts, are the steady state of a study group. The
baseline inserts the same rows into the same answers table with SQLAlchemy Core, one
transaction per row, same concurrency.

    python bench/answers.py            # SQLite file (the default deployment)
    BENCH_DATABASE_URL=postgresql+asyncpg://127.0.0.1/bench python bench/answers.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, insert

from bench._common import fresh_settings
from bot import eventloop
from bot.engine.types import ChannelRef, Member
from bot.runtime import open_runtime
from bot.storage.models import Answer
from tests.engine.fakes import RecordingPlatform

USERS = 1_000
CONCURRENCY = 20
ROUNDS = 3


async def _limited(jobs, limit: int) -> None:
    semaphore = asyncio.Semaphore(limit)

    async def run(job):
        async with semaphore:
            await job()

    await asyncio.gather(*(run(job) for job in jobs))


async def main() -> None:
    settings = await fresh_settings("bench-answers.db")
    runtime = await open_runtime(settings)
    await runtime.sync_bank()
    channel = ChannelRef("bench", "community", "channel")
    members = [Member("bench", f"user-{n}", f"User {n}") for n in range(USERS)]
    engine_rates, core_rates = [], []
    for _ in range(ROUNDS):
        async with runtime.store() as store:
            closes = datetime.now(UTC) + timedelta(hours=1)
            view = await runtime.engine.open_channel_post(store, RecordingPlatform(), channel, closes_at=closes)
        assert view is not None

        def engine_job(member: Member, post_id: int = view.post_id):
            async def job() -> None:
                async with runtime.store() as store:
                    await runtime.engine.record_answer(store, post_id, member, 1)

            return job

        started = time.perf_counter()
        await _limited([engine_job(member) for member in members], CONCURRENCY)
        engine_rates.append(USERS / (time.perf_counter() - started))

        async with runtime.store() as store:
            user_pks = [await store.ensure_user(member) for member in members]
            await store.commit()
        async with runtime.db.begin() as connection:
            await connection.execute(delete(Answer).where(Answer.post_id == view.post_id))

        def core_job(user_pk: int, post_id: int = view.post_id):
            async def job() -> None:
                async with runtime.db.begin() as connection:
                    await connection.execute(
                        insert(Answer).values(
                            post_id=post_id, user_id=user_pk, choice=1, correct=False,
                            answered_at=datetime.now(UTC),
                        )
                    )  # fmt: skip

            return job

        started = time.perf_counter()
        await _limited([core_job(pk) for pk in user_pks], CONCURRENCY)
        core_rates.append(USERS / (time.perf_counter() - started))
    await runtime.close()

    engine_rate, core_rate = max(engine_rates), max(core_rates)
    backend = settings.effective_database_url.split(":")[0]
    print(f"backend: {backend}; {USERS} users on one post, {CONCURRENCY} at a time, {ROUNDS} rounds (a new post each)")
    print(f"engine record_answer, round 1 (users seen for the first time): {engine_rates[0]:,.0f} answers/s")
    print(f"engine record_answer, best round (users already known):        {engine_rate:,.0f} answers/s")
    print(f"plain Core inserts, best round:                                 {core_rate:,.0f} answers/s")
    print(f"ratio (Core / engine): {core_rate / engine_rate:.2f}x  (target: engine >= 1,000/s and ratio <= 3x)")


if __name__ == "__main__":
    eventloop.run(main())
