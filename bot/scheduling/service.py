"""The APScheduler side: timers that call the runner at the right moments.

Design (the database is the source of truth, APScheduler is only an alarm clock):

- At start, ``run_due`` once: slots missed while the bot was down are posted if still
  within ``grace_hours`` (older ones are skipped with a log line), and posts whose window
  ended during the downtime are closed and revealed.
- One date job per active schedule at its next post time (``post:<channel pk>``) and one
  at the earliest close of an open post (``close``). When a job fires, the runner reads
  the schedule again, so a pause or edit made a second ago by any process counts.
- A resync job every ``resync_seconds`` (default 60) reruns ``run_due`` and rebuilds the
  date jobs from the table: schedules created, edited, paused or resumed by another
  process (an admin command handled by replica A while replica B fires jobs, or the CLI)
  are picked up within a minute, and anything a failed job left undone is retried while
  still within grace.
- Several processes on one PostgreSQL all run these timers; advisory locks
  (``bot.scheduling.locks``) let exactly one of them do each job, and the unique slot key
  makes a double post impossible even if a lock were bypassed.

Times are computed with the engine's clock; ``speed`` > 1 (the console's compressed day)
converts clock time to wall time for the timers.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.engine.ports import ChatPlatform
from bot.engine.schedules import next_post_at
from bot.engine.types import ChannelRef
from bot.runtime import Runtime
from bot.scheduling.runner import ScheduleRunner

log = logging.getLogger(__name__)

RESYNC_SECONDS = 60.0
MIN_RESYNC_WALL_SECONDS = 0.5
STOP_TIMEOUT_SECONDS = 10.0


class QuizScheduler:
    def __init__(
        self,
        runtime: Runtime,
        platforms: Mapping[str, ChatPlatform],
        *,
        speed: float = 1.0,
        resync_seconds: float = RESYNC_SECONDS,
        language: str | None = None,
    ) -> None:
        settings = runtime.settings
        self.runtime = runtime
        self.runner = ScheduleRunner(
            runtime, platforms, timedelta(hours=settings.grace_hours), language or settings.language
        )
        self.speed = speed
        self.resync_seconds = resync_seconds
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._planned: dict[str, datetime] = {}
        self._running: set[asyncio.Task[object]] = set()

    @property
    def planned(self) -> dict[str, datetime]:
        """Job id → the clock time it is planned for (for tests and logs)."""
        return dict(self._planned)

    async def start(self) -> None:
        await self._guard("catch-up", self.runner.run_due)
        self._scheduler.start()
        every = max(self.resync_seconds / self.speed, MIN_RESYNC_WALL_SECONDS)
        self._scheduler.add_job(self.tick, IntervalTrigger(seconds=every), id="resync", max_instances=1, coalesce=True)
        await self.resync()
        log.info("scheduler started: %d job(s) planned", len(self._planned))

    async def stop(self) -> None:
        """Stop the timers and let a job that is running finish (bounded), so no post is cut in half."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        running = self._running - {asyncio.current_task()}
        if running:
            await asyncio.wait(running, timeout=STOP_TIMEOUT_SECONDS)

    async def tick(self) -> None:
        await self._guard("resync", self.runner.run_due, then_resync=True)

    async def resync(self) -> None:
        """Make the date jobs match the schedules table and the open posts."""
        now = self.runtime.engine.clock.now()
        async with self.runtime.store() as store:
            entries = await store.schedules()
            next_close = await store.next_close_at()
        wanted: dict[str, tuple[datetime, Callable[[], Awaitable[None]]]] = {}
        for channel_pk, channel, schedule in entries:
            if channel.platform not in self.runner.platforms:
                continue
            at = next_post_at(schedule, now + timedelta(microseconds=1))
            if at is not None:
                wanted[f"post:{channel_pk}"] = (at, self._poster(channel_pk, channel))
        if next_close is not None and next_close > now:  # overdue ones: the resync tick's sweep
            wanted["close"] = (next_close, self._closer)
        for job_id in set(self._planned) - set(wanted):
            self._planned.pop(job_id)
            if self._scheduler.get_job(job_id) is not None:
                self._scheduler.remove_job(job_id)
        for job_id, (at, job) in wanted.items():
            if self._planned.get(job_id) == at and self._scheduler.get_job(job_id) is not None:
                continue
            self._planned[job_id] = at
            self._scheduler.add_job(
                job, DateTrigger(self._wall_time(at, now)), id=job_id, replace_existing=True,
                misfire_grace_time=None,
            )  # fmt: skip

    def _wall_time(self, at: datetime, now: datetime) -> datetime:
        return datetime.now(UTC) + max(at - now, timedelta(0)) / self.speed

    def _poster(self, channel_pk: int, channel: ChannelRef) -> Callable[[], Awaitable[None]]:
        async def post() -> None:
            self._planned.pop(f"post:{channel_pk}", None)
            await self._guard(f"post {channel_pk}", lambda: self.runner.fire(channel_pk, channel), then_resync=True)

        return post

    async def _closer(self) -> None:
        self._planned.pop("close", None)
        await self._guard("close", self.runner.close_due, then_resync=True)

    async def _guard(self, name: str, job: Callable[[], Awaitable[object]], *, then_resync: bool = False) -> None:
        """Run a job (and the resync after it); an unexpected error is logged and the timers go on.

        The task is tracked for the whole of it, so ``stop`` waits for the resync too
        instead of closing the database under it.
        """
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            try:
                await job()
            except Exception:
                log.exception("scheduler job %s failed", name)
            if then_resync:
                try:
                    await self.resync()
                except Exception:
                    log.exception("scheduler resync after %s failed", name)
        finally:
            if task is not None:
                self._running.discard(task)
