"""``quizbot schedule set|show|pause|resume``: a channel's daily quiz from the command line.

The running bot (any replica) picks changes up within a minute; see ``bot.scheduling.service``.
For the terminal platform the channel is ``terminal`` in community ``local``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import typer

from bot.cli.common import fail, load_settings, run_async
from bot.engine.schedules import ScheduleInfo, ScheduleRequest
from bot.engine.types import ChannelRef
from bot.i18n.render import schedule_lines
from bot.runtime import Runtime, open_runtime
from bot.storage.sql_store import SqlQuizStore

app = typer.Typer(pretty_exceptions_show_locals=False, no_args_is_help=True, help="Daily quiz schedules per channel.")

CONSOLE_COMMUNITY = "local"  # bot/platforms/console/app.py::CONSOLE_CHANNEL

PLATFORM = typer.Option(..., "--platform", help="discord, slack or console")
CHANNEL = typer.Option(..., "--channel", help="The channel id (console: terminal)")
COMMUNITY = typer.Option(
    None, "--community", help="Guild/workspace id; default: found from the channel (console: local)"
)
LANG = typer.Option(None, "--lang", help="Output language: ko or en")

Action = Callable[[Runtime, SqlQuizStore, ChannelRef], Awaitable[ScheduleInfo]]


async def _channel(store: SqlQuizStore, platform: str, channel: str, community: str | None) -> ChannelRef:
    if community:
        return ChannelRef(platform, community, channel)
    if platform == "console":
        return ChannelRef(platform, CONSOLE_COMMUNITY, channel)
    found = await store.find_channel(platform, channel)
    if found is None:
        raise fail(f"unknown {platform} channel {channel!r}: pass --community with its guild/workspace id")
    return found


def _run(platform: str, channel: str, community: str | None, lang: str | None, action: Action) -> None:
    settings = load_settings(language=lang)

    async def go() -> list[str]:
        runtime = await open_runtime(settings)
        try:
            async with runtime.store() as store:
                where = await _channel(store, platform.lower(), channel, community)
                return schedule_lines(await action(runtime, store, where), settings.language)
        finally:
            await runtime.close()

    for line in run_async(go(), settings.language):
        typer.echo(line)


@app.command("set")
def set_(
    platform: str = PLATFORM,
    channel: str = CHANNEL,
    time: str = typer.Option(..., "--time", help="Local time of day, HH:MM"),
    tz: str | None = typer.Option(None, "--tz", help="IANA timezone (default: QUIZBOT_TIMEZONE)"),
    days: str | None = typer.Option(None, "--days", help="mon,tue,... or weekdays/weekends (default: daily)"),
    topics: str | None = typer.Option(None, "--topics", help="T1,T2 (default: all topics)"),
    window_hours: float | None = typer.Option(
        None, "--window-hours", help="Answer window (default: until 1 hour before the next post)"
    ),
    per_post: int = typer.Option(1, "--questions", help="Questions per post (1-5)"),
    digest_day: str | None = typer.Option(None, "--digest-day", help="Weekly digest day (default mon; off)"),
    community: str | None = COMMUNITY,
    lang: str | None = LANG,
) -> None:
    """Set (or replace) a channel's daily quiz. Bad input changes nothing."""
    zone = tz or load_settings().timezone
    request = ScheduleRequest(time, zone, days, topics, window_hours, per_post, digest_day)

    async def action(runtime: Runtime, store: SqlQuizStore, where: ChannelRef) -> ScheduleInfo:
        return await runtime.engine.set_schedule(store, where, request)

    _run(platform, channel, community, lang, action)


@app.command()
def show(
    platform: str = PLATFORM,
    channel: str = CHANNEL,
    community: str | None = COMMUNITY,
    lang: str | None = LANG,
) -> None:
    """Show a channel's schedule and its next post."""

    async def action(runtime: Runtime, store: SqlQuizStore, where: ChannelRef) -> ScheduleInfo:
        return await runtime.engine.show_schedule(store, where)

    _run(platform, channel, community, lang, action)


@app.command()
def pause(
    platform: str = PLATFORM,
    channel: str = CHANNEL,
    community: str | None = COMMUNITY,
    lang: str | None = LANG,
) -> None:
    """Stop posting in a channel until resumed."""

    async def action(runtime: Runtime, store: SqlQuizStore, where: ChannelRef) -> ScheduleInfo:
        return await runtime.engine.pause_schedule(store, where)

    _run(platform, channel, community, lang, action)


@app.command()
def resume(
    platform: str = PLATFORM,
    channel: str = CHANNEL,
    community: str | None = COMMUNITY,
    lang: str | None = LANG,
) -> None:
    """Post again from the next scheduled time (missed days are not made up)."""

    async def action(runtime: Runtime, store: SqlQuizStore, where: ChannelRef) -> ScheduleInfo:
        return await runtime.engine.resume_schedule(store, where)

    _run(platform, channel, community, lang, action)
