"""``quizbot console --schedule``: watch the terminal channel's schedule run, a day in minutes.

The real scheduler (``bot.scheduling.service.QuizScheduler``) runs against a
:class:`~bot.scheduling.clock.FastClock`, with this terminal as the channel's platform.
The clock starts one minute before the next scheduled post (after any the previous
watch already made), so the first question appears at once.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.engine.errors import QuizError
from bot.engine.schedules import ScheduleInfo, next_post_at
from bot.engine.types import ChannelRef, Member, PostView, Reveal
from bot.i18n import t
from bot.i18n.render import error_text, letter, parse_letter, schedule_lines
from bot.platforms.console.app import CONSOLE_CHANNEL, ReadLine
from bot.platforms.console.platform import ConsolePlatform, Write
from bot.runtime import Runtime
from bot.scheduling.clock import FastClock
from bot.scheduling.service import QuizScheduler

LEAD_TIME = timedelta(minutes=1)


def watch_stdin() -> ReadLine:
    """Lines from stdin via a daemon thread, so quitting never waits for a pending ``input()``."""
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()

    def pump() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, None)

    threading.Thread(target=pump, name="stdin", daemon=True).start()
    return lines.get


class WatchPlatform(ConsolePlatform):
    """The console platform, stamping each post and reveal with the fast clock's local time."""

    def __init__(self, write: Write, language: str, runtime: Runtime, zone: ZoneInfo) -> None:
        super().__init__(write, language)
        self._runtime = runtime
        self._zone = zone
        self.open_post: int | None = None

    def _stamp(self) -> None:
        local = self._runtime.engine.clock.now().astimezone(self._zone)
        self._write("")
        self._write(t(self.language, "watch.clock", when=f"{local:%Y-%m-%d %H:%M}"))

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        self._stamp()
        ref = await super().post_question(channel, post)
        self._write(t(self.language, "watch.prompt"))
        self.open_post = post.post_id
        return ref

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        self._stamp()
        if self.open_post == reveal.post_id:
            self.open_post = None
        await super().show_reveal(channel, message_ref, reveal)


async def fast_start(runtime: Runtime, channel: ChannelRef, speed: float) -> ScheduleInfo:
    """Put the runtime on a fast clock starting just before the next post; the schedule (NoSchedule)."""
    engine = runtime.engine
    now = engine.clock.now()  # the runtime's clock (the wall clock outside tests), not datetime.now()
    async with runtime.store() as store:
        info = await engine.show_schedule(store, channel)
        _, channel_pk = await store.ensure_channel(channel)
        latest = await store.latest_post_at(channel_pk)
        schedule = await store.schedule(channel_pk)
    assert schedule is not None
    after = max(now, latest + timedelta(seconds=1)) if latest else now
    upcoming = next_post_at(schedule, after)
    start = max(upcoming - LEAD_TIME, after) if upcoming else now
    engine.clock = FastClock(start, speed)
    return info


async def watch(
    runtime: Runtime,
    read_line: ReadLine,
    write: Write,
    language: str,
    member: Member,
    *,
    speed: float,
    hours: float | None = None,
    channel: ChannelRef = CONSOLE_CHANNEL,
) -> None:
    """Run the channel's schedule on a fast clock until ``hours`` (simulated) pass or the user quits."""
    info = await fast_start(runtime, channel, speed)
    for line in schedule_lines(info, language):
        write(line)
    write(t(language, "watch.started", speed=f"{speed:g}", minutes=f"{24 * 60 / speed:.3g}"))
    logging.getLogger("apscheduler").setLevel(logging.ERROR)  # "skipped: already running" is normal here
    platform = WatchPlatform(write, language, runtime, ZoneInfo(info.zone))
    scheduler = QuizScheduler(runtime, {channel.platform: platform}, speed=speed, language=language)
    await scheduler.start()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + hours * 3600 / speed if hours is not None else None
    try:
        while True:
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                break
            try:
                async with asyncio.timeout(remaining):
                    entry = await read_line()
            except TimeoutError:
                break
            if entry is None:  # input closed: keep watching until the time is up
                await asyncio.sleep(remaining) if remaining is not None else await asyncio.Event().wait()
                break
            if not await _handle(runtime, platform, entry.strip(), write, language, member):
                break
    finally:
        await scheduler.stop()


async def _handle(
    runtime: Runtime, platform: WatchPlatform, text: str, write: Write, language: str, member: Member
) -> bool:
    if text.lower() in {"q", "quit", "exit"}:
        return False
    choice = parse_letter(text) if text else None
    if choice is None:
        return True
    if platform.open_post is None:
        write(t(language, "watch.no_open"))
        return True
    try:
        async with runtime.store() as store:
            receipt = await runtime.engine.record_answer(store, platform.open_post, member, choice)
    except QuizError as error:
        write(error_text(error, language))
        return True
    key = "answer.already" if receipt.already_answered else "answer.recorded"
    write(t(language, key, letter=letter(receipt.choice)))
    return True
