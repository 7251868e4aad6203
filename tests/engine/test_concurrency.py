"""Many people clicking one channel post at once, on real SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from bot.engine.types import ChannelRef, Member
from bot.runtime import Runtime
from bot.storage.models import Answer
from tests.engine.fakes import RecordingPlatform

CHANNEL = ChannelRef("slack", "T1", "C1")
USERS = 200


async def test_200_users_and_200_duplicate_clicks_store_200_answers(runtime: Runtime, clock):
    """Duplicate clicks racing the first ones are never counted twice, and the board adds up."""
    async with runtime.store() as store:
        view = await runtime.engine.open_channel_post(
            store, RecordingPlatform(), CHANNEL, closes_at=clock.now() + timedelta(hours=1)
        )
    assert view is not None
    async with runtime.store() as store:
        post = await store.post(view.post_id)
    assert post is not None
    right = post.question.answer

    def choice_of(number: int) -> int:
        return right if number % 3 else (right + 1) % 4

    async def click(number: int, choice: int):
        async with runtime.store() as store:
            member = Member("slack", f"U{number:04d}", f"user {number}")
            return await runtime.engine.record_answer(store, view.post_id, member, choice)

    first = [click(number, choice_of(number)) for number in range(USERS)]
    duplicates = [click(number, (choice_of(number) + 2) % 4) for number in range(USERS)]
    receipts = await asyncio.gather(*[item for pair in zip(first, duplicates, strict=True) for item in pair])

    by_user: dict[int, set[int]] = {}
    for index, receipt in enumerate(receipts):
        by_user.setdefault(index // 2, set()).add(receipt.choice)
    assert all(len(choices) == 1 for choices in by_user.values()), "a user saw two different recorded choices"
    assert sum(not receipt.already_answered for receipt in receipts) == USERS

    async with runtime.store() as store:
        stored = await store.session.scalar(select(func.count()).select_from(Answer))
    assert stored == USERS

    clock.advance(timedelta(hours=1))
    async with runtime.store() as store:
        reveal = await runtime.engine.close_post(store, view.post_id)
    assert reveal is not None
    assert reveal.total == USERS
    async with runtime.store() as store:
        board = await runtime.engine.leaderboard(store, ("slack", "T1"), limit=USERS + 10)
    winners = {winner.external_id for winner in reveal.winners}
    assert {row.external_id for row in board if row.points == 1} == winners
    assert sum(row.points for row in board) == reveal.counts[right] == len(winners)
    assert sum(row.answered for row in board) == USERS
