"""Answering and revealing channel posts, on real SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.engine.clock import ManualClock
from bot.engine.errors import InvalidChoice, NotYourPost, PostClosed, PostNotFound
from bot.engine.types import ChannelRef, Member, Period, PostKind
from bot.runtime import Runtime
from tests.engine.fakes import RecordingPlatform

CHANNEL = ChannelRef("discord", "guild-1", "chan-1", "Study", "daily-quiz")
COMMUNITY = ("discord", "guild-1")


def member(number: int) -> Member:
    return Member("discord", f"user-{number}", f"User {number}")


async def open_post(runtime: Runtime, platform: RecordingPlatform, clock: ManualClock, hours: int = 1):
    async with runtime.store() as store:
        view = await runtime.engine.open_channel_post(
            store, platform, CHANNEL, closes_at=clock.now() + timedelta(hours=hours)
        )
    assert view is not None
    return view


async def right_choice(runtime: Runtime, post_id: int) -> int:
    async with runtime.store() as store:
        post = await store.post(post_id)
    assert post is not None
    return post.question.answer


async def test_channel_answer_is_recorded_without_revealing_correctness(runtime: Runtime, clock: ManualClock):
    """A click on a channel post says 'recorded', never right or wrong, before the close."""
    platform = RecordingPlatform()
    view = await open_post(runtime, platform, clock)
    async with runtime.store() as store:
        receipt = await runtime.engine.record_answer(store, view.post_id, member(1), 2)
    assert receipt.kind is PostKind.DAILY
    assert receipt.choice == 2
    assert not receipt.already_answered
    assert receipt.feedback is None
    assert platform.posts[0][1].post_id == view.post_id


async def test_second_click_returns_the_first_choice(runtime: Runtime, clock: ManualClock):
    """A second click changes nothing and answers 'already answered' with the original choice."""
    view = await open_post(runtime, RecordingPlatform(), clock)
    async with runtime.store() as store:
        await runtime.engine.record_answer(store, view.post_id, member(1), 1)
    async with runtime.store() as store:
        again = await runtime.engine.record_answer(store, view.post_id, member(1), 3)
    assert again.already_answered
    assert again.choice == 1


async def test_reveal_counts_shares_winners_and_points(runtime: Runtime, clock: ManualClock):
    """The reveal shows the right answer, the count per choice, who got it right (fastest first)."""
    platform = RecordingPlatform()
    view = await open_post(runtime, platform, clock)
    right = await right_choice(runtime, view.post_id)
    wrong = (right + 1) % 4
    for number, choice in [(1, wrong), (2, right), (3, right), (4, wrong)]:
        clock.advance(timedelta(seconds=10))
        async with runtime.store() as store:
            await runtime.engine.record_answer(store, view.post_id, member(number), choice)
    clock.advance(timedelta(hours=1))
    async with runtime.store() as store:
        reveal = await runtime.engine.close_and_show(store, platform, view.post_id)
    assert reveal is not None
    assert reveal.counts[right] == 2
    assert reveal.counts[wrong] == 2
    assert reveal.shares[right] == pytest.approx(0.5)
    assert [winner.display_name for winner in reveal.winners] == ["User 2", "User 3"]
    assert reveal.fastest is not None
    assert reveal.fastest.seconds == pytest.approx(20.0)
    assert platform.reveals == [(CHANNEL, "msg-1", reveal)]
    async with runtime.store() as store:
        board = await runtime.engine.leaderboard(store, COMMUNITY, period=Period.WEEK)
    assert [(row.rank, row.display_name, row.points) for row in board[:2]] == [
        (1, "User 2", 1),
        (1, "User 3", 1),
    ]
    assert {row.display_name: row.points for row in board}["User 1"] == 0


async def test_close_twice_counts_points_once(runtime: Runtime, clock: ManualClock):
    """Two closers racing (a restart, a second replica) add the points once."""
    view = await open_post(runtime, RecordingPlatform(), clock)
    right = await right_choice(runtime, view.post_id)
    async with runtime.store() as store:
        await runtime.engine.record_answer(store, view.post_id, member(1), right)
    clock.advance(timedelta(hours=2))

    async def close():
        async with runtime.store() as store:
            return await runtime.engine.close_post(store, view.post_id)

    results = await asyncio.gather(close(), close())
    assert sum(result is not None for result in results) == 1
    async with runtime.store() as store:
        board = await runtime.engine.leaderboard(store, COMMUNITY)
    assert [(row.display_name, row.points, row.answered) for row in board] == [("User 1", 1, 1)]


async def test_answer_after_close_is_refused_and_not_stored(runtime: Runtime, clock: ManualClock):
    """Clicking a closed post says it is closed; nothing is stored."""
    view = await open_post(runtime, RecordingPlatform(), clock)
    clock.advance(timedelta(hours=1, seconds=1))
    with pytest.raises(PostClosed):
        async with runtime.store() as store:
            await runtime.engine.record_answer(store, view.post_id, member(1), 0)
    async with runtime.store() as store:
        assert await store.answers(view.post_id) == []


async def test_bad_choice_and_unknown_post(runtime: Runtime, clock: ManualClock):
    view = await open_post(runtime, RecordingPlatform(), clock)
    async with runtime.store() as store:
        with pytest.raises(InvalidChoice):
            await runtime.engine.record_answer(store, view.post_id, member(1), 4)
        with pytest.raises(PostNotFound):
            await runtime.engine.record_answer(store, 999_999, member(1), 0)


async def test_practice_gives_feedback_and_never_scores(runtime: Runtime, clock: ManualClock):
    """Practice answers come back right/wrong with the explanation, and stay off the leaderboard."""
    async with runtime.store() as store:
        view = await runtime.engine.start_practice(store, member(1), CHANNEL)
    right = await right_choice(runtime, view.post_id)
    async with runtime.store() as store:
        receipt = await runtime.engine.record_answer(store, view.post_id, member(1), right)
    assert receipt.feedback is not None
    assert receipt.feedback.correct
    assert receipt.feedback.explanation
    assert receipt.feedback.section == view.question.section
    with pytest.raises(NotYourPost):
        async with runtime.store() as store:
            await runtime.engine.record_answer(store, view.post_id, member(2), right)
    async with runtime.store() as store:
        assert await runtime.engine.leaderboard(store, COMMUNITY) == []
        stats = await runtime.engine.user_stats(store, member(1))
    assert (stats.total.answered, stats.total.correct, stats.streak_days) == (1, 1, 1)


async def test_platform_failure_keeps_nothing(runtime: Runtime, clock: ManualClock):
    """If the platform cannot show the post, no post is stored (and the slot stays free)."""
    from bot.engine.errors import PlatformUnavailable

    platform = RecordingPlatform(fail=True)
    with pytest.raises(PlatformUnavailable):
        async with runtime.store() as store:
            await runtime.engine.open_channel_post(store, platform, CHANNEL, slot="2026-11-30T09:00")
    async with runtime.store() as store:
        view = await runtime.engine.open_channel_post(store, RecordingPlatform(), CHANNEL, slot="2026-11-30T09:00")
    assert view is not None
