"""``/quiz schedule set|show|pause|resume``: the channel's quiz schedule (admins only).

The scheduler owns what a schedule means; here the command surface, the admin check and
the translation of the engine's ScheduleInfo into an embed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.engine.schedules import MAX_QUESTIONS_PER_POST, ScheduleInfo, ScheduleRequest
from bot.i18n.render import schedule_lines
from bot.platforms.discord.access import require_admin
from bot.platforms.discord.context import channel_of, language, runtime_of
from bot.platforms.discord.embeds import lines_embed
from bot.platforms.discord.respond import Reply, respond
from bot.platforms.discord.translate import text

if TYPE_CHECKING:
    from bot.engine.types import ChannelRef
    from bot.storage.sql_store import SqlQuizStore

Interaction = discord.Interaction["QuizClient"]
Action = Callable[["SqlQuizStore", "ChannelRef"], Awaitable[ScheduleInfo]]
AUTOCOMPLETE_LIMIT = 25


async def topic_list_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Completes the last topic of a comma-separated list ("EC2 기초, S" → "EC2 기초, S3")."""
    done, _, last = current.rpartition(",")
    chosen = {part.strip() for part in done.split(",") if part.strip()}
    wanted = "".join(last.casefold().split())
    names = [name for name in await interaction.client.topic_names() if name not in chosen]
    prefix = ", ".join(part.strip() for part in done.split(",") if part.strip())
    values = [f"{prefix}, {name}" if prefix else name for name in names if wanted in "".join(name.casefold().split())]
    return [app_commands.Choice(name=value[:100], value=value[:100]) for value in values[:AUTOCOMPLETE_LIMIT]]


async def _run(interaction: Interaction, action: Action) -> None:
    if not await require_admin(interaction):
        return
    runtime, lang, where = runtime_of(interaction), language(interaction), channel_of(interaction)

    async def work() -> Reply:
        async with runtime.store() as store:
            info = await action(store, where)
        return Reply(embeds=[lines_embed(schedule_lines(info, lang))])

    await respond(interaction, lang, work)


def add_schedule_commands(quiz: app_commands.Group) -> None:
    schedule = app_commands.Group(name="schedule", description=text("discord.cmd.schedule"), parent=quiz)

    @schedule.command(name="set", description=text("discord.cmd.schedule_set"))
    @app_commands.describe(
        **{name: text(f"discord.opt.{name}") for name in (
            "time", "timezone", "days", "topics", "window_hours", "questions_per_post", "digest_day")}
    )  # fmt: skip
    @app_commands.autocomplete(topics=topic_list_choices)
    async def schedule_set(
        interaction: Interaction,
        time: str,
        timezone: str | None = None,
        days: str | None = None,
        topics: str | None = None,
        window_hours: float | None = None,
        questions_per_post: app_commands.Range[int, 1, MAX_QUESTIONS_PER_POST] = 1,
        digest_day: str | None = None,
    ) -> None:
        zone = timezone or runtime_of(interaction).settings.timezone
        request = ScheduleRequest(
            time=time, timezone=zone, days=days, topics=topics, window_hours=window_hours,
            questions_per_post=questions_per_post, digest_day=digest_day,
        )  # fmt: skip
        engine = runtime_of(interaction).engine
        await _run(interaction, lambda store, where: engine.set_schedule(store, where, request))

    @schedule.command(name="show", description=text("discord.cmd.schedule_show"))
    async def schedule_show(interaction: Interaction) -> None:
        await _run(interaction, runtime_of(interaction).engine.show_schedule)

    @schedule.command(name="pause", description=text("discord.cmd.schedule_pause"))
    async def schedule_pause(interaction: Interaction) -> None:
        await _run(interaction, runtime_of(interaction).engine.pause_schedule)

    @schedule.command(name="resume", description=text("discord.cmd.schedule_resume"))
    async def schedule_resume(interaction: Interaction) -> None:
        await _run(interaction, runtime_of(interaction).engine.resume_schedule)
