"""The APScheduler wiring: a short real run, and picking up schedule changes made elsewhere."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.engine.clock import ManualClock
from bot.engine.schedules import ScheduleRequest
from bot.runtime import Runtime
from bot.scheduling.clock import FastClock
from bot.scheduling.service import QuizScheduler
from tests.engine.fakes import RecordingPlatform
from tests.scheduling.helpers import CHANNEL, at_local, channel_posts, set_schedule


async def _until(condition, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 - polling a fake platform's list, bounded
            await asyncio.sleep(0.02)


async def test_real_run_posts_and_reveals_on_time(runtime: Runtime, clock: ManualClock):
    """Left alone, the running scheduler posts at 09:00 and reveals at 10:00 (an hour per second here)."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("09:00", window_hours=1))
    runtime.engine.clock = FastClock(at_local("2026-11-30T08:59:59"), speed=3600)
    platform = RecordingPlatform()
    scheduler = QuizScheduler(runtime, {platform.name: platform}, speed=3600, resync_seconds=7200)
    await scheduler.start()
    try:
        await _until(lambda: platform.reveals)
        planned = scheduler.planned
    finally:
        await scheduler.stop()
    posts = await channel_posts(runtime)
    assert len(platform.posts) == 1
    assert posts[0].slot == "2026-11-30#1"
    assert posts[0].revealed_at is not None
    assert posts[0].revealed_at - at_local("2026-11-30T10:00") < timedelta(minutes=30)
    assert set(planned.values()) == {at_local("2026-12-01T09:00")}


async def test_resync_follows_changes_made_by_another_process(runtime: Runtime, clock: ManualClock):
    """A pause, resume or new time set through another replica (or the CLI) reaches the timers."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("09:00"))
    platform = RecordingPlatform()
    scheduler = QuizScheduler(runtime, {platform.name: platform})
    await scheduler.start()
    try:
        assert list(scheduler.planned.values()) == [at_local("2026-11-30T09:00")]
        async with runtime.store() as store:  # another unit of work, as another process would
            await runtime.engine.set_schedule(store, CHANNEL, ScheduleRequest("12:15"))
        await scheduler.resync()
        assert list(scheduler.planned.values()) == [at_local("2026-11-30T12:15")]
        async with runtime.store() as store:
            await runtime.engine.pause_schedule(store, CHANNEL)
        await scheduler.resync()
        assert scheduler.planned == {}
        async with runtime.store() as store:
            await runtime.engine.resume_schedule(store, CHANNEL)
        await scheduler.resync()
        assert list(scheduler.planned.values()) == [at_local("2026-11-30T12:15")]
    finally:
        await scheduler.stop()
    assert platform.posts == []
