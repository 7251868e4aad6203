"""SlackPlatform: the engine's ChatPlatform port on the Slack Web API."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.engine.errors import ChannelGone, PlatformUnavailable
from bot.engine.types import ChannelRef, PostView, Reveal
from bot.platforms.slack.blocks import notice_message, question_message, reveal_message
from bot.platforms.slack.client import error_code

# Web API errors meaning the channel is gone or closed to the bot: the scheduler pauses it.
CHANNEL_GONE_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "channel_is_archived",
        "restricted_action",
        "restricted_action_read_only_channel",
        "restricted_action_non_threadable_channel",
        "restricted_action_thread_only_channel",
        "team_access_not_granted",
        "access_denied",
    }
)


class SlackPlatform:
    """Implements :class:`bot.engine.ports.ChatPlatform`; a message reference is the message ``ts``."""

    name = "slack"

    def __init__(self, client: AsyncWebClient, language: str, zone: ZoneInfo) -> None:
        self.client = client
        self.language = language
        self.zone = zone

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        blocks = question_message(post, self.language, self.zone)
        response = await self._call(
            "chat_postMessage", channel=channel.channel_id, text=post.question.stem, blocks=blocks
        )
        return str(response["ts"])

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        blocks = reveal_message(reveal, self.language)
        await self._call(
            "chat_update",
            channel=channel.channel_id,
            ts=message_ref,
            text=reveal.question.stem,
            blocks=blocks,
        )

    async def post_notice(self, channel: ChannelRef, title: str, lines: Sequence[str]) -> str:
        response = await self._call(
            "chat_postMessage", channel=channel.channel_id, text=title, blocks=notice_message(title, lines)
        )
        return str(response["ts"])

    async def _call(self, method: str, **arguments: Any) -> Any:
        try:
            return await getattr(self.client, method)(**arguments)
        except SlackApiError as error:
            code = error_code(error)
            if code in CHANNEL_GONE_ERRORS:
                raise ChannelGone(platform=self.name, reason=code) from error
            raise PlatformUnavailable(platform=self.name, reason=code) from error
