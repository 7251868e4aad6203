"""What every Slack listener needs: the runtime (engine + unit of work), the port, the user directory."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.engine.errors import QuizError
from bot.engine.quiz import QuizEngine
from bot.engine.types import ChannelRef
from bot.i18n.render import error_text
from bot.platforms.slack.platform import SlackPlatform
from bot.platforms.slack.users import UserDirectory
from bot.runtime import Runtime

log = logging.getLogger(__name__)


class NotAdmin(QuizError):
    code = "error.not_admin"


class MalformedRequest(QuizError):
    code = "error.malformed_request"


@dataclass
class SlackServices:
    runtime: Runtime
    platform: SlackPlatform
    users: UserDirectory

    @property
    def engine(self) -> QuizEngine:
        return self.runtime.engine


def channel_of(team_id: str, channel_id: str, team_name: str = "", channel_name: str = "") -> ChannelRef:
    return ChannelRef("slack", team_id, channel_id, team_name, channel_name)


async def reply(respond: Any, *, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
    """An ephemeral reply through the response_url, never replacing the message clicked."""
    await respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)


async def reply_error(respond: Any, error: QuizError, language: str) -> None:
    await reply(respond, text=error_text(error, language))
