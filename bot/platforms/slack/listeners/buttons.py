"""Button clicks: A-D answers (channel posts and practice) and practice's Next.

Each click is acked first; the answer is stored after, so a busy database never
makes Slack wait past its 3 seconds.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.engine.errors import QuizError
from bot.engine.types import AnswerReceipt, PostKind, QuestionView
from bot.i18n import t
from bot.i18n.render import feedback_lines, letter, question_lines
from bot.platforms.slack.blocks import (
    ANSWER_ACTION_PATTERN,
    NEXT_ACTION,
    feedback_message,
    parse_answer_value,
    question_message,
)
from bot.platforms.slack.services import MalformedRequest, SlackServices, channel_of, reply, reply_error
from bot.platforms.slack.users import SlackUser

log = logging.getLogger(__name__)
Ack = Callable[..., Awaitable[None]]
Respond = Callable[..., Awaitable[Any]]


def register(app: AsyncApp, services: SlackServices) -> None:
    @app.action(re.compile(ANSWER_ACTION_PATTERN))
    async def answer(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        await ack()
        await _guarded(services, body, respond, lambda user: _answer(services, user, action, respond))

    @app.action(NEXT_ACTION)
    async def next_question(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        await ack()
        await _guarded(services, body, respond, lambda user: _next(services, user, body, action, respond))


async def _guarded(
    services: SlackServices,
    body: dict[str, Any],
    respond: Respond,
    work: Callable[[SlackUser], Awaitable[None]],
) -> None:
    """Look the clicker up, run ``work``, and turn domain errors into ephemeral messages."""
    language = services.platform.language
    try:
        user_id = (body.get("user") or {}).get("id")
        if not isinstance(user_id, str):
            raise MalformedRequest()
        user = await services.users.get(user_id, str((body.get("user") or {}).get("username", "")))
        language = user.language
        await work(user)
    except QuizError as error:
        await reply_error(respond, error, language)
    except Exception:
        log.exception("button click failed")
        await reply(respond, text=t(language, "error.generic"))


async def _answer(services: SlackServices, user: SlackUser, action: dict[str, Any], respond: Respond) -> None:
    parsed = parse_answer_value(action.get("value"))
    if parsed is None:
        raise MalformedRequest()
    post_id, choice, practice_topic = parsed
    async with services.runtime.store() as store:
        receipt = await services.engine.record_answer(store, post_id, user.member, choice)
        post = await store.post(post_id) if receipt.kind is PostKind.PRACTICE else None
    language = user.language
    if post is None or receipt.feedback is None:
        key = "answer.already" if receipt.already_answered else "answer.recorded"
        await reply(respond, text=t(language, key, letter=letter(receipt.choice)))
        return
    question = post.question
    view = QuestionView(question.id, question.topic, question.section, question.stem, question.choices)
    await _show_feedback(respond, receipt, question_lines(view, language), practice_topic, language)


async def _show_feedback(
    respond: Respond, receipt: AnswerReceipt, asked: list[str], topic: str | None, language: str
) -> None:
    """Replace the practice question with itself, the verdict, the explanation and a Next button."""
    assert receipt.feedback is not None
    lines = feedback_lines(receipt.feedback, receipt.choice, language)
    blocks = feedback_message(asked, lines, topic, language)
    await respond(text=lines[0], blocks=blocks, response_type="ephemeral", replace_original=True)


async def _next(
    services: SlackServices, user: SlackUser, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    team_id = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id")
    channel_id = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    if not (isinstance(team_id, str) and isinstance(channel_id, str)):
        raise MalformedRequest()
    topic = action.get("value") or None
    channel = channel_of(team_id, channel_id)
    async with services.runtime.store() as store:
        topics = [await services.engine.resolve_topic(store, topic)] if isinstance(topic, str) else None
        view = await services.engine.start_practice(store, user.member, channel, topics)
    blocks = question_message(view, user.language, services.platform.zone, topics[0] if topics else None)
    await reply(respond, text=view.question.stem, blocks=blocks)
