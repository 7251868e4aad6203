"""DiscordPlatform: the engine's ChatPlatform port on a discord.py client (REST only)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import discord

from bot.engine.errors import ChannelGone, PlatformUnavailable
from bot.engine.types import ChannelRef, PostKind, PostView, Reveal
from bot.platforms.discord.embeds import lines_embed, question_embed, reveal_embed
from bot.platforms.discord.views import answer_view

NAME = "discord"
UNKNOWN_MESSAGE = 10008  # the message was deleted; the channel itself is fine


def message_ref(channel_id: int, message_id: int) -> str:
    return f"{channel_id}:{message_id}"


def parse_message_ref(ref: str) -> tuple[int, int]:
    channel_id, _, message_id = ref.partition(":")
    return int(channel_id), int(message_id)


class DiscordPlatform:
    """Posts channel questions with A-D buttons and edits them into reveals.

    Channel posts have no reader locale, so they use the configured language.
    """

    name = NAME

    def __init__(self, client: discord.Client, language: str) -> None:
        self.client = client
        self.language = language

    def _channel(self, channel: ChannelRef) -> discord.PartialMessageable:
        return self.client.get_partial_messageable(
            int(channel.channel_id), guild_id=int(channel.community_id), type=discord.ChannelType.text
        )

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        target = self._channel(channel)
        embed = question_embed(post, self.language)
        with _translated_errors():
            message = await target.send(embed=embed, view=answer_view(PostKind.DAILY, post.post_id))
        return message_ref(message.channel.id, message.id)

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        channel_id, message_id = parse_message_ref(message_ref)
        message = self.client.get_partial_messageable(channel_id).get_partial_message(message_id)
        with _translated_errors():
            await message.edit(embed=reveal_embed(reveal, self.language), view=None)

    async def post_notice(self, channel: ChannelRef, title: str, lines: Sequence[str]) -> str:
        with _translated_errors():
            message = await self._channel(channel).send(embed=lines_embed([title, *lines]))
        return message_ref(message.channel.id, message.id)


@contextmanager
def _translated_errors() -> Iterator[None]:
    """403, or 404 on the channel → ChannelGone; other HTTP failures → PlatformUnavailable."""
    try:
        yield
    except discord.HTTPException as error:
        gone = isinstance(error, discord.Forbidden) or (
            isinstance(error, discord.NotFound) and error.code != UNKNOWN_MESSAGE
        )
        failure = ChannelGone if gone else PlatformUnavailable
        raise failure(platform=NAME, reason=f"{error.status} {error.code}") from error
