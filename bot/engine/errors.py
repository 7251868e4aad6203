"""Domain errors. Adapters catch :class:`QuizError` and show ``error.code`` as a user message."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class QuizError(Exception):
    """Something a user did or asked for that the quiz cannot do.

    ``code`` names a UI catalogue entry; ``params`` fill its placeholders.
    """

    code = "error.generic"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class UnknownTopic(QuizError):
    code = "error.unknown_topic"


class AmbiguousTopic(QuizError):
    code = "error.ambiguous_topic"


class NoQuestionsAvailable(QuizError):
    code = "error.no_questions"


class UnknownQuestion(QuizError):
    code = "error.unknown_question"


class PostNotFound(QuizError):
    code = "error.post_not_found"


class PostClosed(QuizError):
    code = "error.post_closed"


class NotYourPost(QuizError):
    code = "error.not_your_post"


class InvalidChoice(QuizError):
    code = "error.invalid_choice"


class InvalidTeamName(QuizError):
    code = "error.invalid_team_name"


class NotInTeam(QuizError):
    code = "error.not_in_team"


class UnknownTeam(QuizError):
    code = "error.unknown_team"


class PlatformUnavailable(QuizError):
    """The chat platform refused or failed to show a post; nothing was stored."""

    code = "error.platform_unavailable"


class ChannelGone(PlatformUnavailable):
    """The platform says the channel no longer exists or the bot may not post there (404/403).

    Adapters raise it from ChatPlatform methods; the scheduler pauses the channel's schedule.
    """

    code = "error.channel_gone"


@dataclass(frozen=True)
class Message:
    """A catalogue key with its params, for a param that must itself be translated.

    ``bot.i18n.render.error_text`` renders it in the reader's language first.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"{self.key}({shown})"


class InvalidSchedule(QuizError):
    """A schedule the admin asked for cannot work; ``reason`` (a Message) says why."""

    code = "error.bad_schedule"


class NoSchedule(QuizError):
    """The channel has no schedule to show, pause or resume."""

    code = "error.no_schedule"
