"""``quizbot run``: every configured platform and the scheduler in one process, one engine.

Each platform package exposes ``async def start(runtime) -> PlatformHandle``; the
service keeps the handles by platform name so scheduled jobs can reach the right one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.config import Settings
from bot.engine.ports import ChatPlatform
from bot.runtime import Runtime, open_runtime
from bot.scheduling.service import QuizScheduler

log = logging.getLogger(__name__)


@dataclass
class PlatformHandle:
    """A started platform: its port for the engine, a task that runs until stopped, a stopper."""

    platform: ChatPlatform
    wait: Callable[[], Awaitable[None]]
    stop: Callable[[], Awaitable[None]]


class NothingToRun(Exception):
    """No platform is configured."""


class PlatformStartFailed(Exception):
    """A configured platform could not start; the message names it and says why, in one line."""


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


async def start_platforms(runtime: Runtime) -> dict[str, PlatformHandle]:
    """Start every configured platform; if one fails, stop those already started and say which."""
    settings = runtime.settings
    starters: dict[str, Callable[[Runtime], Awaitable[PlatformHandle]]] = {}
    if settings.discord_token is not None:
        from bot.platforms.discord import start as start_discord

        starters["discord"] = start_discord
    if settings.slack_bot_token is not None:
        from bot.platforms.slack import start as start_slack

        starters["slack"] = start_slack
    handles: dict[str, PlatformHandle] = {}
    for name, start in starters.items():
        try:
            handles[name] = await start(runtime)
        except Exception as error:
            log.debug("%s failed to start", name, exc_info=True)
            for handle in handles.values():
                await handle.stop()
            raise PlatformStartFailed(f"{name} did not start: {_reason(error)}") from error
    return handles


async def run_service(settings: Settings) -> None:
    if settings.discord_token is None and settings.slack_bot_token is None:
        raise NothingToRun(
            "no platform is configured: set QUIZBOT_DISCORD_TOKEN or QUIZBOT_SLACK_BOT_TOKEN "
            "(see README), or play in the terminal with `quizbot console`"
        )
    runtime = await open_runtime(settings)
    try:
        report = await runtime.sync_bank()
        log.info("bank synced: %s", report)
        handles = await start_platforms(runtime)
        log.info("running: %s", ", ".join(sorted(handles)))
        scheduler = QuizScheduler(runtime, {name: handle.platform for name, handle in handles.items()})
        try:
            await scheduler.start()
            await asyncio.gather(*(handle.wait() for handle in handles.values()))
        finally:
            await scheduler.stop()
            for handle in handles.values():
                await handle.stop()
    finally:
        await runtime.close()
