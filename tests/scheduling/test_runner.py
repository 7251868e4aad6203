"""Scheduled posts, closes, restarts and digests with a hand-moved clock, on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.engine.clock import ManualClock
from bot.engine.schedules import ScheduleRequest
from bot.runtime import Runtime
from bot.scheduling.runner import Outcome
from tests.engine.fakes import RecordingPlatform
from tests.scheduling.helpers import (
    CHANNEL,
    ChatPlatformWithGone,
    at_local,
    channel_posts,
    member,
    runner_for,
    set_schedule,
)


async def test_daily_post_then_reveal_with_points(runtime: Runtime, clock: ManualClock):
    """09:00 posts once, a right answer scores once, and the reveal comes at 08:00 the next day."""
    clock.set(at_local("2026-11-30T08:00"))
    platform = RecordingPlatform()
    runner = runner_for(runtime, platform)
    await set_schedule(runtime, ScheduleRequest("09:00"))
    assert list((await runner.run_due()).values()) == [Outcome.NOTHING_DUE]
    clock.set(at_local("2026-11-30T09:00"))
    await runner.run_due()
    await runner.run_due()
    assert len(platform.posts) == 1
    post = (await channel_posts(runtime))[0]
    assert post.slot == "2026-11-30#1"
    assert post.closes_at == at_local("2026-12-01T08:00")
    async with runtime.store() as store:
        await runtime.engine.record_answer(store, post.id, member(1), post.question.answer)
    clock.set(at_local("2026-12-01T07:59"))
    await runner.run_due()
    assert platform.reveals == []
    clock.set(at_local("2026-12-01T08:00"))
    await runner.run_due()
    await runner.run_due()
    assert len(platform.reveals) == 1
    assert [w.display_name for w in platform.reveals[0][2].winners] == ["User 1"]
    async with runtime.store() as store:
        board = await runtime.engine.leaderboard(store, ("recording", "guild-1"))
    assert [(row.display_name, row.points) for row in board] == [("User 1", 1)]
    clock.set(at_local("2026-12-01T09:00"))
    await runner.run_due()
    assert [p.slot for p in await channel_posts(runtime)] == ["2026-11-30#1", "2026-12-01#1"]


async def test_setting_a_schedule_after_its_time_does_not_post_at_once(runtime: Runtime, clock: ManualClock):
    """An admin setting 09:00 at 10:00 waits for tomorrow instead of getting a 'missed' post now."""
    clock.set(at_local("2026-11-30T10:00"))
    platform = RecordingPlatform()
    await set_schedule(runtime, ScheduleRequest("09:00"))
    await runner_for(runtime, platform).run_due()
    assert platform.posts == []


async def test_restart_within_grace_posts_once(runtime: Runtime, clock: ManualClock):
    """Down from 08:30 to 10:30: the 09:00 question is posted once at start, not twice."""
    clock.set(at_local("2026-11-30T08:30"))
    await set_schedule(runtime, ScheduleRequest("09:00"))
    clock.set(at_local("2026-11-30T10:30"))
    platform = RecordingPlatform()
    first = runner_for(runtime, platform)
    assert list((await first.run_due()).values()) == [Outcome.POSTED]
    second = runner_for(runtime, platform)  # another restart right after
    assert list((await second.run_due()).values()) == [Outcome.NOTHING_DUE]
    assert len(platform.posts) == 1
    assert (await channel_posts(runtime))[0].closes_at == at_local("2026-12-01T08:00")


async def test_restart_after_grace_skips_with_a_log_line(
    runtime: Runtime, clock: ManualClock, caplog: pytest.LogCaptureFixture
):
    """Down until 11:30 (2.5 h late): no stale question appears, and the log says why."""
    clock.set(at_local("2026-11-30T08:30"))
    await set_schedule(runtime, ScheduleRequest("09:00"))
    clock.set(at_local("2026-11-30T11:30"))
    platform = RecordingPlatform()
    runner = runner_for(runtime, platform)
    with caplog.at_level(logging.WARNING, logger="bot.scheduling.runner"):
        assert list((await runner.run_due()).values()) == [Outcome.SKIPPED]
        await runner.run_due()
    assert platform.posts == []
    skips = [record for record in caplog.records if "skipped slot 2026-11-30#1" in record.getMessage()]
    assert len(skips) == 1


async def test_window_that_ended_during_downtime_is_revealed_at_start(runtime: Runtime, clock: ManualClock):
    """A post whose window closed while the bot was down is closed and revealed when it comes back."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("09:00", window_hours=2))
    clock.set(at_local("2026-11-30T09:00"))
    platform = RecordingPlatform()
    await runner_for(runtime, platform).run_due()
    clock.set(at_local("2026-11-30T15:00"))  # down from 09:01 to 15:00
    restarted = RecordingPlatform()
    await runner_for(runtime, restarted).run_due()
    assert len(restarted.reveals) == 1
    assert restarted.posts == []


async def test_vanished_channel_pauses_the_schedule(
    runtime: Runtime, clock: ManualClock, caplog: pytest.LogCaptureFixture
):
    """A deleted channel (404) pauses its schedule with a log line instead of retrying forever."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("09:00"))
    platform = ChatPlatformWithGone()
    platform.gone = True
    runner = runner_for(runtime, platform)
    clock.set(at_local("2026-11-30T09:00"))
    with caplog.at_level(logging.WARNING, logger="bot.scheduling.runner"):
        assert list((await runner.run_due()).values()) == [Outcome.PAUSED]
    assert any("is gone" in record.getMessage() for record in caplog.records)
    async with runtime.store() as store:
        assert (await runtime.engine.show_schedule(store, CHANNEL)).paused
    clock.advance(timedelta(minutes=1))
    assert await runner.run_due() == {}  # paused: not tried again
    assert await channel_posts(runtime) == []


async def test_new_york_posts_at_nine_local_across_dst(runtime: Runtime, clock: ManualClock):
    """In New York the quiz comes at 09:00 local before and after the spring-forward Sunday."""
    clock.set(datetime(2026, 3, 6, 20, 0, tzinfo=UTC))
    await set_schedule(runtime, ScheduleRequest("09:00", "America/New_York"))
    platform = RecordingPlatform()
    runner = runner_for(runtime, platform)
    while clock.now() < datetime(2026, 3, 10, 0, 0, tzinfo=UTC):
        clock.advance(timedelta(minutes=30))
        await runner.run_due()
    opened = [post.opened_at for post in await channel_posts(runtime)]
    assert opened == [
        datetime(2026, 3, 7, 14, 0, tzinfo=UTC),  # Sat 09:00 EST
        datetime(2026, 3, 8, 13, 0, tzinfo=UTC),  # Sun 09:00 EDT
        datetime(2026, 3, 9, 13, 0, tzinfo=UTC),  # Mon 09:00 EDT
    ]
    assert len(platform.reveals) == 2  # each closed 1 h before the next: 22 h and 23 h windows


async def test_late_post_window_crosses_midnight(runtime: Runtime, clock: ManualClock):
    """A 23:30 question with a 2 h window is revealed at 01:30 the next day, then posted again at 23:30."""
    clock.set(at_local("2026-11-30T20:00"))
    await set_schedule(runtime, ScheduleRequest("23:30", window_hours=2))
    platform = RecordingPlatform()
    runner = runner_for(runtime, platform)
    for moment in ("2026-11-30T23:30", "2026-12-01T01:29", "2026-12-01T01:30", "2026-12-01T23:30"):
        clock.set(at_local(moment))
        await runner.run_due()
    posts = await channel_posts(runtime)
    assert [post.slot for post in posts] == ["2026-11-30#1", "2026-12-01#1"]
    assert posts[0].revealed_at == at_local("2026-12-01T01:30")
    assert len(platform.reveals) == 1


async def test_edit_while_a_post_is_open(runtime: Runtime, clock: ManualClock):
    """Moving the time while today's question is open neither reposts today nor leaves two open."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("09:00"))
    platform = RecordingPlatform()
    runner = runner_for(runtime, platform)
    clock.set(at_local("2026-11-30T09:00"))
    await runner.run_due()
    clock.set(at_local("2026-11-30T12:00"))
    await set_schedule(runtime, ScheduleRequest("06:00", window_hours=3))  # earlier, shorter
    clock.set(at_local("2026-11-30T23:00"))
    await runner.run_due()
    assert len(platform.posts) == 1  # no second post today
    first = (await channel_posts(runtime))[0]
    assert first.revealed_at is None  # keeps its own close (Tue 08:00)
    clock.set(at_local("2026-12-01T06:00"))
    await runner.run_due()
    posts = await channel_posts(runtime)
    assert [post.slot for post in posts] == ["2026-11-30#1", "2026-12-01#1"]
    assert posts[0].revealed_at == at_local("2026-12-01T06:00")  # closed by the new post
    assert posts[1].closes_at == at_local("2026-12-01T09:00")
    assert len(platform.reveals) == 1


async def test_weekly_digest_once_on_its_day(runtime: Runtime, clock: ManualClock):
    """Monday's digest shows last week's top scorers once, before Monday's question."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("09:00", questions_per_post=2))
    platform = RecordingPlatform()
    runner = runner_for(runtime, platform)
    clock.set(at_local("2026-11-30T09:00"))
    await runner.run_due()
    assert platform.notices == []  # nobody scored last week: no empty digest
    posts = await channel_posts(runtime)
    assert [post.slot for post in posts] == ["2026-11-30#1", "2026-11-30#2"]
    async with runtime.store() as store:
        for post in posts:
            await runtime.engine.record_answer(store, post.id, member(1), post.question.answer)
        await runtime.engine.record_answer(store, posts[0].id, member(2), posts[0].question.answer)
    for day in range(1, 8):
        clock.set(at_local("2026-11-30T09:00") + timedelta(days=day))
        await runner.run_due()
        await runner.run_due()
    assert len(platform.notices) == 1
    _, title, lines = platform.notices[0]
    assert "2026-11-30" in title
    assert "2026-12-06" in title
    assert lines[1].startswith("1. User 1 — 2 pts")
    assert lines[2].startswith("2. User 2 — 1 pts")
    assert len(platform.posts) == 16  # 8 days x 2 questions
