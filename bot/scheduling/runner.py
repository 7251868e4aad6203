"""What the scheduled jobs do: post due slots, close ended posts, post the weekly digest.

Everything is decided from the database and the engine's clock at the moment a job runs:
the schedule is read again (an admin on another replica may just have paused or edited
it), the slot is the latest one at or before now, and whether it was posted is answered
by the ``(channel, slot)`` unique key. So the same call serves the on-time job, the
catch-up at start (slots missed while down, within ``grace``) and the periodic resync,
and running it twice, or in two processes at once, posts nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.engine.errors import ChannelGone, PlatformUnavailable, QuizError
from bot.engine.ports import ChatPlatform
from bot.engine.schedules import (
    Schedule,
    close_time,
    is_digest_slot,
    last_slot,
    local_date,
    slot_key,
)
from bot.engine.types import ChannelRef, Period
from bot.i18n import t
from bot.i18n.render import digest_lines
from bot.runtime import Runtime
from bot.scheduling.locks import LockKind, job_lock

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    POSTED = "posted"
    NOTHING_DUE = "nothing due"  # no slot now, or already posted
    BUSY = "busy"  # another process holds the channel's lock and is doing it
    SKIPPED = "skipped"  # missed beyond the grace window, or its window already ended
    NO_PLATFORM = "no platform"  # the channel's platform does not run in this process
    FAILED = "failed"  # the platform failed; tried again on the next run within grace
    PAUSED = "paused"  # the channel is gone: its schedule was paused


@dataclass
class ScheduleRunner:
    runtime: Runtime
    platforms: Mapping[str, ChatPlatform]
    grace: timedelta = timedelta(hours=2)
    language: str = "ko"
    _logged_skips: set[tuple[int, str]] = field(default_factory=set)

    @property
    def now(self) -> datetime:
        return self.runtime.engine.clock.now()

    async def run_due(self) -> dict[int, Outcome]:
        """Post every due slot of every active schedule, then close posts whose window ended."""
        async with self.runtime.store() as store:
            entries = await store.schedules()
        outcomes = {
            channel_pk: await self.fire(channel_pk, channel)
            for channel_pk, channel, schedule in entries
            if not schedule.paused
        }
        await self.close_due()
        return outcomes

    async def fire(self, channel_pk: int, channel: ChannelRef) -> Outcome:
        """Post the channel's current slot if it is due and not posted yet (one process only)."""
        platform = self.platforms.get(channel.platform)
        if platform is None:
            return Outcome.NO_PLATFORM
        async with job_lock(self.runtime.db, LockKind.POST, channel_pk) as mine:
            if not mine:
                return Outcome.BUSY
            return await self._fire(channel_pk, channel, platform)

    async def _fire(self, channel_pk: int, channel: ChannelRef, platform: ChatPlatform) -> Outcome:
        now = self.now
        async with self.runtime.store() as store:
            schedule = await store.schedule(channel_pk)
            if schedule is None or schedule.paused:
                return Outcome.NOTHING_DUE
            slot = last_slot(schedule, now)
            if slot is None or (schedule.active_since is not None and slot < schedule.active_since):
                return Outcome.NOTHING_DUE
            keys = [slot_key(schedule, slot, n) for n in range(1, schedule.questions_per_post + 1)]
            missing = [key for key in keys if not await store.slot_posted(channel_pk, key)]
        if not missing:
            return Outcome.NOTHING_DUE
        closes_at = close_time(schedule, slot)
        if now - slot > self.grace or now >= closes_at:
            self._log_skip(channel_pk, channel, missing[0], slot, closes_at)
            return Outcome.SKIPPED
        try:
            if is_digest_slot(schedule, slot):
                await self._digest(channel_pk, channel, platform, schedule, slot)
            if len(missing) == len(keys):
                await self._close_open(channel_pk, platform)
            for key in missing:
                async with self.runtime.store() as store:
                    await self.runtime.engine.open_channel_post(
                        store, platform, channel, topics=schedule.topics, closes_at=closes_at, slot=key
                    )
                log.info("posted %s in %s (closes %s)", key, _where(channel), closes_at.isoformat())
        except ChannelGone as error:
            await self._pause_gone(channel_pk, channel, error)
            return Outcome.PAUSED
        except PlatformUnavailable as error:
            log.warning("could not post %s in %s, will retry within grace: %s", missing[0], _where(channel), error)
            return Outcome.FAILED
        except QuizError as error:
            log.warning("could not post %s in %s: %s", missing[0], _where(channel), error)
            return Outcome.FAILED
        return Outcome.POSTED

    def _log_skip(self, channel_pk: int, channel: ChannelRef, key: str, slot: datetime, closes_at: datetime) -> None:
        if (channel_pk, key) in self._logged_skips:
            return
        self._logged_skips.add((channel_pk, key))
        log.warning(
            "skipped slot %s in %s: due at %s, more than %s ago or its window (until %s) is over",
            key, _where(channel), slot.isoformat(), self.grace, closes_at.isoformat(),
        )  # fmt: skip

    async def _pause_gone(self, channel_pk: int, channel: ChannelRef, error: ChannelGone) -> None:
        async with self.runtime.store() as store:
            await store.set_schedule_paused(channel_pk, True, self.now)
            await store.commit()
        log.warning("channel %s is gone (%s): its schedule is paused", _where(channel), error)

    # ----- closing ---------------------------------------------------------------------
    async def _close_open(self, channel_pk: int, platform: ChatPlatform) -> None:
        """A new scheduled post closes the channel's earlier ones (after an edit moved the time
        earlier, or a manual post still open), so a channel never shows two open questions."""
        async with self.runtime.store() as store:
            open_ids = await store.open_post_ids(channel_pk)
        for post_id in open_ids:
            await self._close(post_id, platform)

    async def _close(self, post_id: int, platform: ChatPlatform) -> bool:
        async with job_lock(self.runtime.db, LockKind.CLOSE, post_id) as mine:
            if not mine:
                return False
            async with self.runtime.store() as store:
                reveal = await self.runtime.engine.close_and_show(store, platform, post_id)
        if reveal is not None:
            log.info("revealed post %s", post_id)
        return reveal is not None

    async def close_due(self) -> int:
        """Close and reveal every channel post whose window has ended; the number this process closed."""
        async with self.runtime.store() as store:
            due = await self.runtime.engine.due_posts(store)
        closed = 0
        for post in due:
            channel = post.channel
            platform = self.platforms.get(channel.platform) if channel is not None else None
            if channel is None or platform is None:
                continue
            try:
                closed += await self._close(post.id, platform)
            except ChannelGone as error:
                await self._pause_gone(post.channel_pk or 0, channel, error)
            except PlatformUnavailable as error:  # points are counted; only the edit failed
                log.warning("closed post %s but could not show its reveal: %s", post.id, error)
        return closed

    # ----- weekly digest ---------------------------------------------------------------
    async def _digest(
        self, channel_pk: int, channel: ChannelRef, platform: ChatPlatform, schedule: Schedule, slot: datetime
    ) -> None:
        """Post the digest of the week before ``slot`` once (claimed first; released if it fails)."""
        day = local_date(schedule, slot).isoformat()
        async with self.runtime.store() as store:
            claimed = await store.claim_digest(channel_pk, day)
            await store.commit()
        if not claimed:
            return
        try:
            digest = await self.digest_text(channel, schedule, slot - timedelta(days=1))
            if digest is None:
                log.info("no digest %s in %s: nobody scored that week", day, _where(channel))
                return
            await platform.post_notice(channel, *digest)
        except ChannelGone:
            raise
        except Exception as error:
            async with self.runtime.store() as store:
                await store.release_digest(channel_pk, day)
                await store.commit()
            if isinstance(error, PlatformUnavailable):
                raise
            raise PlatformUnavailable(platform=platform.name, reason=str(error)) from error
        log.info("posted the weekly digest %s in %s", day, _where(channel))

    async def digest_text(
        self, channel: ChannelRef, schedule: Schedule, week_of: datetime
    ) -> tuple[str, list[str]] | None:
        """Title and lines of the digest for the week containing ``week_of``; None if nobody scored."""
        engine = self.runtime.engine
        community = (channel.platform, channel.community_id)
        async with self.runtime.store() as store:
            overall = await engine.leaderboard(store, community, period=Period.WEEK, at=week_of)
            topics = schedule.topics or [count.topic for count in await engine.topics(store)]
            per_topic = [
                (
                    topic,
                    await engine.leaderboard(store, community, topic=topic, period=Period.WEEK, at=week_of),
                )
                for topic in topics
            ]
            teams = await engine.team_leaderboard(store, community, period=Period.WEEK, at=week_of)
            await store.commit()
        if not overall:
            return None
        local = week_of.astimezone(engine.zone).date()
        monday = local - timedelta(days=local.weekday())
        title = t(self.language, "digest.title", start=monday.isoformat(),
                  end=(monday + timedelta(days=6)).isoformat())  # fmt: skip
        return title, digest_lines(overall, per_topic, teams, self.language)


def _where(channel: ChannelRef) -> str:
    return f"{channel.platform}:{channel.community_id}/{channel.channel_id}"
