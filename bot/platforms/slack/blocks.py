"""Block Kit messages built from the shared renderers' lines (same wording on every platform)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.engine.types import PostView, Reveal
from bot.i18n import t
from bot.i18n.render import LETTERS, question_lines, reveal_lines

Block = dict[str, Any]
ANSWER_ACTION = "quiz_answer_{choice}"
ANSWER_ACTION_PATTERN = r"^quiz_answer_[0-3]$"
NEXT_ACTION = "quiz_practice_next"
SECTION_LIMIT = 3000  # Slack's limit for a section's text


def escape(text: str) -> str:
    """Slack's three control characters, escaped so user text never becomes a mention or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def section(lines: Sequence[str]) -> Block:
    text = "\n".join(escape(line) for line in lines)
    if len(text) > SECTION_LIMIT:
        text = text[: SECTION_LIMIT - 1] + "…"
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(text)}]}


def answer_value(post_id: int, choice: int, topic: str | None = None) -> str:
    """``post:choice``, plus ``:topic`` for practice so Next keeps the user's topic filter."""
    return f"{post_id}:{choice}" + (f":{topic}" if topic else "")


def parse_answer_value(value: object) -> tuple[int, int, str | None] | None:
    """(post id, choice, practice topic) from a button value, or None if it is not one of ours."""
    if not isinstance(value, str):
        return None
    post, _, rest = value.partition(":")
    choice, _, topic = rest.partition(":")
    if not (post.isdigit() and choice.isdigit()):
        return None
    return int(post), int(choice), topic or None


def answer_buttons(post_id: int, topic: str | None = None) -> Block:
    return {
        "type": "actions",
        "block_id": f"quiz_answers_{post_id}",
        "elements": [
            {
                "type": "button",
                "action_id": ANSWER_ACTION.format(choice=index),
                "text": {"type": "plain_text", "text": letter},
                "value": answer_value(post_id, index, topic),
            }
            for index, letter in enumerate(LETTERS)
        ],
    }


def _question_blocks(post: PostView, language: str) -> list[Block]:
    header, *rest = question_lines(post.question, language)
    return [context(header), section(rest)]


def question_message(post: PostView, language: str, zone: ZoneInfo, practice_topic: str | None = None) -> list[Block]:
    """A question with its A-D buttons (channel post or practice) and, if set, when it closes."""
    blocks = _question_blocks(post, language)
    if post.closes_at is not None:
        blocks.append(context(t(language, "slack.closes_at", time=when(post.closes_at, zone))))
    blocks.append(answer_buttons(post.post_id, practice_topic))
    return blocks


def feedback_message(
    post_lines: Sequence[str], feedback: Sequence[str], next_topic: str | None, language: str
) -> list[Block]:
    """The answered practice question, its feedback and a Next button."""
    next_button = {
        "type": "button",
        "action_id": NEXT_ACTION,
        "text": {"type": "plain_text", "text": t(language, "slack.next")},
        "value": next_topic or "",
        "style": "primary",
    }
    return [
        section(post_lines),
        section(feedback),
        {"type": "actions", "block_id": "quiz_practice", "elements": [next_button]},
    ]


def reveal_message(reveal: Reveal, language: str) -> list[Block]:
    """The closed channel post: the question without buttons, then the reveal."""
    question = reveal.question
    header = t(language, "question.header", topic=question.topic)
    choices = [f"{LETTERS[index]}. {choice}" for index, choice in enumerate(question.choices)]
    return [context(header), section([question.stem, *choices]), section(reveal_lines(reveal, language))]


def notice_message(title: str, lines: Sequence[str]) -> list[Block]:
    blocks: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": title[:150]}}]
    if lines:
        blocks.append(section(lines))
    return blocks


def lines_message(lines: Sequence[str]) -> list[Block]:
    return [section(lines)] if lines else []


def when(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")
