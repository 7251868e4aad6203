"""The ``/quiz`` command tree. Handlers only translate between Discord and the engine."""

from __future__ import annotations

from datetime import timedelta

import discord
from discord import app_commands

from bot.engine.types import Period
from bot.i18n import t
from bot.i18n.render import leaderboard_lines, stats_lines, team_lines, topic_lines
from bot.platforms.discord.access import require_admin
from bot.platforms.discord.context import (
    actor,
    channel_of,
    community_of,
    language,
    member_of,
    runtime_of,
)
from bot.platforms.discord.embeds import lines_embed
from bot.platforms.discord.handlers import practice_reply
from bot.platforms.discord.respond import Reply, respond
from bot.platforms.discord.schedule_commands import add_schedule_commands
from bot.platforms.discord.translate import text

Interaction = discord.Interaction["QuizClient"]
AUTOCOMPLETE_LIMIT = 25
PERIOD_CHOICES = [
    app_commands.Choice(name=text(f"period.{period.value}"), value=period.value)
    for period in (Period.WEEK, Period.MONTH, Period.ALL)
]


async def topic_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Bank topics containing what the user typed so far."""
    wanted = "".join(current.casefold().split())
    names = await interaction.client.topic_names()
    matches = [name for name in names if wanted in "".join(name.casefold().split())]
    return [app_commands.Choice(name=name, value=name) for name in matches[:AUTOCOMPLETE_LIMIT]]


def build_quiz_group() -> app_commands.Group:
    """A fresh ``/quiz`` group (one per client, so a restarted client gets its own)."""
    quiz = app_commands.Group(name="quiz", description=text("discord.cmd.quiz"), guild_only=True)
    team = app_commands.Group(name="team", description=text("discord.cmd.team"), parent=quiz)
    question = app_commands.Group(name="question", description=text("discord.cmd.question"), parent=quiz)
    add_schedule_commands(quiz)

    @quiz.command(name="practice", description=text("discord.cmd.practice"))
    @app_commands.describe(topic=text("discord.opt.topic"))
    @app_commands.autocomplete(topic=topic_choices)
    async def practice(interaction: Interaction, topic: str | None = None) -> None:
        await respond(interaction, language(interaction), lambda: practice_reply(interaction, topic))

    @quiz.command(name="leaderboard", description=text("discord.cmd.leaderboard"))
    @app_commands.describe(
        topic=text("discord.opt.topic"), period=text("discord.opt.period"), teams=text("discord.opt.teams")
    )
    @app_commands.choices(period=PERIOD_CHOICES)
    @app_commands.autocomplete(topic=topic_choices)
    async def leaderboard(
        interaction: Interaction,
        topic: str | None = None,
        period: app_commands.Choice[str] | None = None,
        teams: bool = False,
    ) -> None:
        runtime, lang, community = runtime_of(interaction), language(interaction), community_of(interaction)
        chosen = Period(period.value) if period else Period.ALL

        async def work() -> Reply:
            engine = runtime.engine
            async with runtime.store() as store:
                name = await engine.resolve_topic(store, topic) if topic else None
                if teams:
                    rows = await engine.team_leaderboard(store, community, topic=name, period=chosen)
                    return Reply(embeds=[lines_embed(team_lines(rows, name, chosen, lang))])
                board = await engine.leaderboard(store, community, topic=name, period=chosen)
                return Reply(embeds=[lines_embed(leaderboard_lines(board, name, chosen, lang))])

        await respond(interaction, lang, work)

    @quiz.command(name="stats", description=text("discord.cmd.stats"))
    @app_commands.describe(user=text("discord.opt.user"))
    async def stats(interaction: Interaction, user: discord.User | None = None) -> None:
        runtime, lang = runtime_of(interaction), language(interaction)
        member = member_of(user) if user is not None else actor(interaction)

        async def work() -> Reply:
            async with runtime.store() as store:
                found = await runtime.engine.user_stats(store, member)
            return Reply(embeds=[lines_embed(stats_lines(found, lang))])

        await respond(interaction, lang, work)

    @quiz.command(name="topics", description=text("discord.cmd.topics"))
    async def topics(interaction: Interaction) -> None:
        runtime, lang = runtime_of(interaction), language(interaction)

        async def work() -> Reply:
            async with runtime.store() as store:
                counts = await runtime.engine.topics(store)
            return Reply(embeds=[lines_embed(topic_lines(counts, lang))])

        await respond(interaction, lang, work)

    @quiz.command(name="help", description=text("discord.cmd.help"))
    async def help_(interaction: Interaction) -> None:
        lang = language(interaction)
        await interaction.response.send_message(
            embed=lines_embed([t(lang, "app.title"), t(lang, "discord.help")]), ephemeral=True
        )

    @team.command(name="join", description=text("discord.cmd.team_join"))
    @app_commands.describe(name=text("discord.opt.team_name"))
    async def team_join(interaction: Interaction, name: str) -> None:
        runtime, lang, community = runtime_of(interaction), language(interaction), community_of(interaction)
        member = actor(interaction)

        async def work() -> Reply:
            async with runtime.store() as store:
                joined = await runtime.engine.join_team(store, community, member, name)
            return Reply(content=t(lang, "team.joined", team=joined))

        await respond(interaction, lang, work)

    @team.command(name="leave", description=text("discord.cmd.team_leave"))
    async def team_leave(interaction: Interaction) -> None:
        runtime, lang, community = runtime_of(interaction), language(interaction), community_of(interaction)
        member = actor(interaction)

        async def work() -> Reply:
            async with runtime.store() as store:
                left = await runtime.engine.leave_team(store, community, member)
            return Reply(content=t(lang, "team.left", team=left))

        await respond(interaction, lang, work)

    @team.command(name="list", description=text("discord.cmd.team_list"))
    async def team_list(interaction: Interaction) -> None:
        runtime, lang, community = runtime_of(interaction), language(interaction), community_of(interaction)

        async def work() -> Reply:
            async with runtime.store() as store:
                found = await runtime.engine.teams(store, community)
            rows = [t(lang, "team.row", team=name, members=count) for name, count in found]
            return Reply(embeds=[lines_embed([t(lang, "team.list_title"), *(rows or [t(lang, "team.none")])])])

        await respond(interaction, lang, work)

    @quiz.command(name="post", description=text("discord.cmd.post"))
    @app_commands.describe(topic=text("discord.opt.topic"))
    @app_commands.autocomplete(topic=topic_choices)
    async def post(interaction: Interaction, topic: str | None = None) -> None:
        if not await require_admin(interaction):
            return
        runtime, lang, where = runtime_of(interaction), language(interaction), channel_of(interaction)
        platform = interaction.client.platform

        async def work() -> Reply:
            engine = runtime.engine
            closes_at = engine.clock.now() + timedelta(minutes=runtime.settings.manual_post_window_minutes)
            async with runtime.store() as store:
                topics = await engine.resolve_topics(store, [topic] if topic else None)
                await engine.open_channel_post(store, platform, where, topics=topics, closes_at=closes_at)
            stamp = int(closes_at.timestamp())
            return Reply(content=t(lang, "discord.posted", when=f"<t:{stamp}:t> (<t:{stamp}:R>)"))

        await respond(interaction, lang, work)

    @question.command(name="disable", description=text("discord.cmd.question_disable"))
    @app_commands.describe(question_id=text("discord.opt.question_id"))
    async def question_disable(interaction: Interaction, question_id: str) -> None:
        if not await require_admin(interaction):
            return
        runtime, lang = runtime_of(interaction), language(interaction)

        async def work() -> Reply:
            async with runtime.store() as store:
                disabled = await runtime.engine.disable_question(store, question_id.strip())
            return Reply(content=t(lang, "discord.disabled", question_id=disabled.id, stem=disabled.stem))

        await respond(interaction, lang, work)

    return quiz
