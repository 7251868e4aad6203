"""Setting, showing, pausing and resuming a channel's schedule, on real SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.engine.clock import ManualClock
from bot.engine.errors import InvalidSchedule, NoSchedule, UnknownTopic
from bot.engine.schedules import ScheduleRequest
from bot.engine.types import ChannelRef
from bot.i18n.render import error_text, schedule_lines
from bot.runtime import Runtime

CHANNEL = ChannelRef("slack", "T1", "C1", "Study", "daily-quiz")


async def test_set_then_show(runtime: Runtime, clock: ManualClock):
    """An admin sets 21:00 on weekdays for one topic and sees exactly that back, with the next post."""
    engine = runtime.engine
    async with runtime.store() as store:
        topic = (await engine.topics(store))[0].topic
        request = ScheduleRequest("21:00", "Asia/Seoul", "mon,tue,wed,thu,fri", topic[:6], 3)
        info = await engine.set_schedule(store, CHANNEL, request)
    async with runtime.store() as store:
        shown = await engine.show_schedule(store, CHANNEL)
    assert shown == info
    assert info.time == "21:00"
    assert info.days == ("mon", "tue", "wed", "thu", "fri")
    assert info.topics == (topic,)
    assert info.window_hours == 3
    assert info.digest_day == "mon"
    assert not info.paused
    assert info.next_post_at == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # Monday 21:00 KST


async def test_invalid_input_keeps_the_old_schedule(runtime: Runtime):
    """A typo in an edit (bad zone, bad time, unknown topic) leaves yesterday's schedule running."""
    engine = runtime.engine
    async with runtime.store() as store:
        before = await engine.set_schedule(store, CHANNEL, ScheduleRequest("09:00"))
    for bad in (
        ScheduleRequest("09:00", "Asia/Seul"),
        ScheduleRequest("24:00"),
        ScheduleRequest("10:00", days=""),
        ScheduleRequest("10:00", window_hours=48),
    ):
        async with runtime.store() as store:
            with pytest.raises(InvalidSchedule):
                await engine.set_schedule(store, CHANNEL, bad)
    async with runtime.store() as store:
        with pytest.raises(UnknownTopic):
            await engine.set_schedule(store, CHANNEL, ScheduleRequest("10:00", topics="no-such-topic"))
    async with runtime.store() as store:
        assert await engine.show_schedule(store, CHANNEL) == before


async def test_pause_resume_and_edit(runtime: Runtime, clock: ManualClock):
    """Pause hides the next post, an edit keeps it paused, resume brings the next post back."""
    engine = runtime.engine
    async with runtime.store() as store:
        await engine.set_schedule(store, CHANNEL, ScheduleRequest("09:00"))
        paused = await engine.pause_schedule(store, CHANNEL)
        assert paused.paused
        assert paused.next_post_at is None
        edited = await engine.set_schedule(store, CHANNEL, ScheduleRequest("10:30", window_hours=2))
        assert edited.paused
        assert edited.time == "10:30"
        clock.advance(timedelta(hours=2))  # 11:00 KST Monday
        resumed = await engine.resume_schedule(store, CHANNEL)
    assert not resumed.paused
    assert resumed.next_post_at == datetime(2026, 12, 1, 1, 30, tzinfo=UTC)  # Tuesday 10:30 KST


async def test_no_schedule_is_a_clear_error(runtime: Runtime):
    """Show/pause/resume on a channel without a schedule says so instead of failing silently."""
    engine = runtime.engine
    for action in (engine.show_schedule, engine.pause_schedule, engine.resume_schedule):
        async with runtime.store() as store:
            with pytest.raises(NoSchedule) as caught:
                await action(store, CHANNEL)
        assert "schedule" in error_text(caught.value, "en")


async def test_schedule_lines_in_both_languages(runtime: Runtime):
    """The schedule reads naturally in Korean and English, with no unfilled placeholders."""
    async with runtime.store() as store:
        info = await runtime.engine.set_schedule(
            store, CHANNEL, ScheduleRequest("07:30", "America/New_York", "sat,sun", digest_day="off")
        )
    english = schedule_lines(info, "en")
    korean = schedule_lines(info, "ko")
    assert "07:30 (America/New_York) · Sat, Sun" in english[1]
    assert "토, 일" in korean[1]
    assert any("off" in line for line in english)
    assert all("{" not in line for line in english + korean)
    assert "2026-12-05 07:30" in english[-1]  # next Saturday, local time
