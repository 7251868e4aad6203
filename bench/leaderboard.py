"""Top-10 leaderboard latency with 1,000,000 answers from 10,000 users over 16 topics.

The data is written in bulk (answers, and the score buckets that closing those posts
adds, computed with the engine's own period functions); then every leaderboard a user
can ask for (16 topics and all topics × week, month, all time) is read through the
engine, each read in its own session as a slash command would, and timed.

    python bench/leaderboard.py
    BENCH_DATABASE_URL=postgresql+asyncpg://127.0.0.1/bench python bench/leaderboard.py
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text

from bench._common import describe, fresh_settings
from bot import eventloop
from bot.engine.periods import period_start
from bot.engine.types import ALL_TOPICS, Period
from bot.runtime import open_runtime
from bot.storage.models import Answer, Channel, Community, Post, QuestionRow, ScoreTotal, User

USERS = 10_000
TOPICS = 16
ANSWERS = 1_000_000
ANSWERS_PER_POST = 1_000
READS_PER_BOARD = 100
CHUNK = 20_000


async def insert_chunks(connection, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        await connection.execute(insert(table), rows[start : start + CHUNK])


async def populate(runtime, rng: random.Random, now: datetime) -> None:
    zone = runtime.engine.zone
    topics = [f"Topic {n:02d}" for n in range(TOPICS)]
    async with runtime.db.begin() as connection:
        await connection.execute(insert(Community), [{"id": 1, "platform": "bench", "external_id": "c", "name": ""}])
        await connection.execute(insert(Channel), [{"id": 1, "community_id": 1, "external_id": "ch", "name": ""}])
        await insert_chunks(connection, User, [
            {"id": n + 1, "platform": "bench", "external_id": f"u{n}", "display_name": f"User {n}", "locale": None}
            for n in range(USERS)
        ])  # fmt: skip
        await insert_chunks(connection, QuestionRow, [
            {"id": f"q{t}-{n}", "topic": topics[t], "section": "s", "source_line": 1, "stem": "?",
             "choices": ["a", "b", "c", "d"], "answer": 0, "explanation": "e", "kind": None, "status": "active",
             "disabled": False, "updated_at": now}
            for t in range(TOPICS) for n in range(10)
        ])  # fmt: skip
    posts = ANSWERS // ANSWERS_PER_POST
    buckets: dict[tuple[int, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for post in range(posts):
        topic_index = post % TOPICS
        opened = now - timedelta(days=90) + timedelta(minutes=post * 90 * 24 * 60 // posts)
        starts = {period: period_start(period, opened, zone) for period in Period}
        async with runtime.db.begin() as connection:
            await connection.execute(insert(Post), [{
                "id": post + 1, "kind": "daily", "question_id": f"q{topic_index}-{post % 10}", "community_id": 1,
                "channel_id": 1, "user_id": None, "opened_at": opened, "closes_at": opened + timedelta(hours=1),
                "revealed_at": opened + timedelta(hours=1), "message_ref": None, "slot": None,
            }])  # fmt: skip
            answers = []
            for user in rng.sample(range(1, USERS + 1), ANSWERS_PER_POST):
                correct = rng.random() < 0.6
                answers.append(
                    {
                        "post_id": post + 1,
                        "user_id": user,
                        "choice": 0 if correct else 1,
                        "correct": correct,
                        "answered_at": opened + timedelta(seconds=rng.randint(1, 3000)),
                    }
                )
                for topic in (topics[topic_index], ALL_TOPICS):
                    for period, start in starts.items():
                        bucket = buckets[(user, topic, period.value, start)]
                        bucket[0] += int(correct)
                        bucket[1] += 1
            await connection.execute(insert(Answer), answers)
    async with runtime.db.begin() as connection:
        await insert_chunks(connection, ScoreTotal, [
            {"community_id": 1, "user_id": user, "topic": topic, "period": period, "period_start": start,
             "points": points, "answered": answered}
            for (user, topic, period, start), (points, answered) in buckets.items()
        ])  # fmt: skip
        await connection.execute(text("ANALYZE"))


async def main() -> None:
    settings = await fresh_settings("bench-leaderboard.db")
    runtime = await open_runtime(settings)
    rng = random.Random(7)
    now = datetime.now(UTC)
    started = time.perf_counter()
    await populate(runtime, rng, now)
    async with runtime.db.connect() as connection:
        answers = (await connection.execute(text("SELECT count(*) FROM answers"))).scalar()
        buckets = (await connection.execute(text("SELECT count(*) FROM score_totals"))).scalar()
    print(f"populated {answers:,} answers, {buckets:,} score buckets in {time.perf_counter() - started:.0f} s")

    community = ("bench", "c")
    per_topic: list[float] = []
    overall: list[float] = []
    topics = [f"Topic {n:02d}" for n in range(TOPICS)]
    for round_number in range(READS_PER_BOARD + 1):  # round 0 warms statement caches, as a running bot has
        for period in Period:
            for topic in [None, *topics]:
                began = time.perf_counter()
                async with runtime.store() as store:
                    rows = await runtime.engine.leaderboard(store, community, topic=topic, period=period)
                elapsed = (time.perf_counter() - began) * 1000
                if round_number:
                    (overall if topic is None else per_topic).append(elapsed)
                assert period is not Period.ALL or len(rows) == 10
    await runtime.close()
    backend = settings.effective_database_url.split(":")[0]
    print(
        f"backend: {backend}; {USERS:,} users, {TOPICS} topics; week, month and all time; {READS_PER_BOARD} reads each"
    )
    print(f"top-10 per topic: {describe(per_topic)}  ({len(per_topic)} reads)")
    print(f"top-10 overall:   {describe(overall)}  ({len(overall)} reads)   target: p99 < 20 ms")


if __name__ == "__main__":
    eventloop.run(main())
