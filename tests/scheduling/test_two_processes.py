"""Two bot processes on one PostgreSQL database: every slot posted, revealed and summed up once."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import timedelta

import pytest

from bot.config import Settings
from bot.engine.clock import ManualClock
from bot.engine.schedules import ScheduleRequest
from bot.engine.types import ChannelRef, PostView, Reveal
from bot.runtime import Runtime, open_runtime
from bot.scheduling.runner import Outcome
from tests.engine.fakes import RecordingPlatform
from tests.scheduling.helpers import at_local, channel_posts, member, runner_for, set_schedule

OTHER = ChannelRef("recording", "guild-1", "chan-2", "Study", "night-quiz")


class SlowPlatform(RecordingPlatform):
    """A platform that takes a moment to answer, so the two processes' jobs overlap."""

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        await asyncio.sleep(0.02)
        return await super().post_question(channel, post)

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        await asyncio.sleep(0.02)
        await super().show_reveal(channel, message_ref, reveal)

    async def post_notice(self, channel: ChannelRef, title: str, lines: Sequence[str]) -> str:
        await asyncio.sleep(0.02)
        return await super().post_notice(channel, title, lines)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_two_schedulers_post_each_slot_once(runtime: Runtime, settings: Settings, clock: ManualClock):
    """Two replicas firing the same jobs at once never double-post, double-reveal or double-digest."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("09:00"))
    await set_schedule(runtime, ScheduleRequest("21:00", window_hours=4), OTHER)
    replica = await open_runtime(settings, clock=clock)
    try:
        a, b = SlowPlatform(), SlowPlatform()
        runner_a, runner_b = runner_for(runtime, a), runner_for(replica, b)
        outcomes: list[Outcome] = []
        scored = False
        while clock.now() < at_local("2026-12-08T12:00"):
            clock.advance(timedelta(hours=3))
            results = await asyncio.gather(runner_a.run_due(), runner_b.run_due())
            outcomes += [outcome for result in results for outcome in result.values()]
            if not scored and (posts := await channel_posts(runtime)):
                async with runtime.store() as store:
                    await runtime.engine.record_answer(store, posts[0].id, member(1), posts[0].question.answer)
                scored = True
    finally:
        await replica.close()
    days = 9  # Mon 30 Nov .. Tue 8 Dec
    posted = a.posts + b.posts
    assert len(posted) == 2 * days - 1  # the 21:00 channel's 8 Dec slot is still ahead
    assert len({post.post_id for _, post in posted}) == len(posted)
    assert len(await channel_posts(runtime)) == days
    assert len(await channel_posts(runtime, OTHER)) == days - 1
    assert outcomes.count(Outcome.POSTED) == len(posted)
    assert Outcome.BUSY in outcomes  # the advisory lock, not only the unique key, turned one away
    revealed = a.reveals + b.reveals
    assert len({reveal.post_id for _, _, reveal in revealed}) == len(revealed)
    notices = a.notices + b.notices
    assert sorted(channel.channel_id for channel, _, _ in notices) == ["chan-1", "chan-2"]  # once each
