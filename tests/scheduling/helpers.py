"""Shared helpers for scheduler tests: a channel, schedules, and a platform that can vanish."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.engine.errors import ChannelGone
from bot.engine.schedules import ScheduleRequest
from bot.engine.types import ChannelRef, Member, PostRecord, PostView, Reveal
from bot.runtime import Runtime
from bot.scheduling.runner import ScheduleRunner
from bot.storage.models import Post
from tests.engine.fakes import RecordingPlatform

CHANNEL = ChannelRef("recording", "guild-1", "chan-1", "Study", "daily-quiz")


class ChatPlatformWithGone(RecordingPlatform):
    """A RecordingPlatform whose channel can disappear (the platform answers 404)."""

    def __init__(self) -> None:
        super().__init__()
        self.gone = False

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        if self.gone:
            raise ChannelGone(platform=self.name)
        return await super().post_question(channel, post)

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        if self.gone:
            raise ChannelGone(platform=self.name)
        await super().show_reveal(channel, message_ref, reveal)

    async def post_notice(self, channel: ChannelRef, title: str, lines: Sequence[str]) -> str:
        if self.gone:
            raise ChannelGone(platform=self.name)
        return await super().post_notice(channel, title, lines)


def runner_for(runtime: Runtime, platform: RecordingPlatform) -> ScheduleRunner:
    return ScheduleRunner(runtime, {platform.name: platform}, timedelta(hours=2), "en")


async def set_schedule(runtime: Runtime, request: ScheduleRequest, channel: ChannelRef = CHANNEL) -> None:
    async with runtime.store() as store:
        await runtime.engine.set_schedule(store, channel, request)


async def channel_posts(runtime: Runtime, channel: ChannelRef = CHANNEL) -> list[PostRecord]:
    """Every post of the channel, oldest first."""
    async with runtime.store() as store:
        _, channel_pk = await store.ensure_channel(channel)
        await store.commit()
        ids = (await store.session.execute(select(Post.id).where(Post.channel_id == channel_pk))).scalars()
        records = [await store.post(post_id) for post_id in sorted(ids)]
    return [record for record in records if record is not None]


def member(number: int) -> Member:
    return Member("recording", f"user-{number}", f"User {number}")


def at_local(text: str, zone: str = "Asia/Seoul") -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))
