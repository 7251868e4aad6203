"""``/quiz``: ack at once, then look the user up, run the subcommand and answer ephemerally."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.engine.errors import ChannelGone, QuizError
from bot.engine.schedules import ScheduleRequest
from bot.engine.types import ChannelRef
from bot.i18n import t
from bot.i18n.render import leaderboard_lines, schedule_lines, stats_lines, team_lines, topic_lines
from bot.platforms.slack.blocks import lines_message, question_message, when
from bot.platforms.slack.commands import Command, parse
from bot.platforms.slack.services import (
    MalformedRequest,
    NotAdmin,
    SlackServices,
    channel_of,
    reply,
    reply_error,
)
from bot.platforms.slack.users import SlackUser

log = logging.getLogger(__name__)
Respond = Callable[..., Awaitable[Any]]
Lines = list[str]


def register(app: AsyncApp, services: SlackServices) -> None:
    @app.command("/quiz")
    async def quiz(ack: Callable[..., Awaitable[None]], command: dict[str, Any], respond: Respond) -> None:
        await ack()  # within 3 s: everything slow happens after this
        await run(services, command, respond)


async def run(services: SlackServices, payload: dict[str, Any], respond: Respond) -> None:
    user_id, team_id, channel_id = (payload.get(key) for key in ("user_id", "team_id", "channel_id"))
    language = services.platform.language
    try:
        if not (isinstance(user_id, str) and isinstance(team_id, str) and isinstance(channel_id, str)):
            raise MalformedRequest()
        user = await services.users.get(user_id, str(payload.get("user_name", "")))
        language = user.language
        command = parse(str(payload.get("text", "")))
        if command.admin_only and not user.is_admin:
            raise NotAdmin()
        channel = channel_of(
            team_id, channel_id, str(payload.get("team_domain", "")), str(payload.get("channel_name", ""))
        )
        await Subcommand(services, user, channel, respond).run(command)
    except QuizError as error:
        await reply_error(respond, error, language)
    except Exception:
        log.exception("/quiz failed")
        await reply(respond, text=t(language, "error.generic"))


class Subcommand:
    """One ``/quiz`` invocation; each method runs one subcommand in its own unit of work."""

    def __init__(self, services: SlackServices, user: SlackUser, channel: ChannelRef, respond: Respond):
        self.services = services
        self.engine = services.engine
        self.user = user
        self.language = user.language
        self.channel = channel
        self.community = ("slack", channel.community_id)
        self.respond = respond

    async def run(self, command: Command) -> None:
        handler = getattr(self, f"do_{command.name}")
        await handler(command)

    async def show(self, lines: Lines) -> None:
        await reply(self.respond, text="\n".join(lines), blocks=lines_message(lines))

    async def do_help(self, command: Command) -> None:
        lines = [t(self.language, "slack.unknown", text=command.unknown)] if command.unknown else []
        lines.append(t(self.language, "slack.help"))
        if self.user.is_admin:
            lines.append(t(self.language, "slack.help_admin"))
        await self.show(lines)

    async def do_practice(self, command: Command) -> None:
        async with self.services.runtime.store() as store:
            topics = [await self.engine.resolve_topic(store, command.topic)] if command.topic else None
            view = await self.engine.start_practice(store, self.user.member, self.channel, topics)
        zone = self.services.platform.zone
        blocks = question_message(view, self.language, zone, topics[0] if topics else None)
        await reply(self.respond, text=view.question.stem, blocks=blocks)

    async def do_topics(self, command: Command) -> None:
        async with self.services.runtime.store() as store:
            await self.show(topic_lines(await self.engine.topics(store), self.language))

    async def do_leaderboard(self, command: Command) -> None:
        async with self.services.runtime.store() as store:
            topic = await self.engine.resolve_topic(store, command.topic) if command.topic else None
            if command.teams:
                rows = await self.engine.team_leaderboard(store, self.community, topic=topic, period=command.period)
                lines = team_lines(rows, topic, command.period, self.language)
            else:
                board = await self.engine.leaderboard(store, self.community, topic=topic, period=command.period)
                lines = leaderboard_lines(board, topic, command.period, self.language)
        await self.show(lines)

    async def do_stats(self, command: Command) -> None:
        target = self.user
        if command.user_id and command.user_id != self.user.member.external_id:
            target = await self.services.users.get(command.user_id)
        async with self.services.runtime.store() as store:
            stats = await self.engine.user_stats(store, target.member)
        await self.show(stats_lines(stats, self.language))

    async def do_team(self, command: Command) -> None:
        async with self.services.runtime.store() as store:
            if command.action == "join":
                team = await self.engine.join_team(store, self.community, self.user.member, command.argument)
                lines = [t(self.language, "team.joined", team=team)]
            elif command.action == "leave":
                team = await self.engine.leave_team(store, self.community, self.user.member)
                lines = [t(self.language, "team.left", team=team)]
            else:
                teams = await self.engine.teams(store, self.community)
                lines = [t(self.language, "team.list_title")]
                lines += [t(self.language, "team.row", team=name, members=count) for name, count in teams]
                if not teams:
                    lines.append(t(self.language, "team.none"))
        await self.show(lines)

    # ----- admin -------------------------------------------------------------------------
    async def do_post(self, command: Command) -> None:
        settings = self.services.runtime.settings
        closes_at = self.engine.clock.now() + timedelta(minutes=settings.manual_post_window_minutes)
        async with self.services.runtime.store() as store:
            topics = [await self.engine.resolve_topic(store, command.topic)] if command.topic else None
            try:
                view = await self.engine.open_channel_post(
                    store, self.services.platform, self.channel, topics=topics, closes_at=closes_at
                )
            except ChannelGone:
                await self.show([t(self.language, "slack.not_in_channel")])
                return
        if view is not None:
            closes = when(closes_at, self.services.platform.zone)
            await self.show([t(self.language, "slack.posted", post_id=view.post_id, time=closes)])

    async def do_question(self, command: Command) -> None:
        async with self.services.runtime.store() as store:
            question = await self.engine.disable_question(store, command.argument)
        await self.show([t(self.language, "slack.question_disabled", question_id=question.id)])

    async def do_schedule(self, command: Command) -> None:
        """set/show/pause/resume this channel's schedule; the engine validates and explains."""
        engine = self.engine
        async with self.services.runtime.store() as store:
            if command.action == "set":
                request = ScheduleRequest(**dict(command.schedule))
                info = await engine.set_schedule(store, self.channel, request)
            elif command.action == "pause":
                info = await engine.pause_schedule(store, self.channel)
            elif command.action == "resume":
                info = await engine.resume_schedule(store, self.channel)
            else:
                info = await engine.show_schedule(store, self.channel)
        await self.show(schedule_lines(info, self.language))
