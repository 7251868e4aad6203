"""Embeds for questions, feedback, reveals and lists, built from the shared renderers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import discord

from bot.engine.types import PostView, PracticeFeedback, Reveal
from bot.i18n import t
from bot.i18n.render import feedback_lines, question_lines, reveal_lines

DESCRIPTION_LIMIT = 4096
TITLE_LIMIT = 256
QUESTION_COLOUR = discord.Colour.blurple()
RIGHT_COLOUR = discord.Colour.green()
WRONG_COLOUR = discord.Colour.red()
REVEAL_COLOUR = discord.Colour.gold()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def lines_embed(
    lines: Sequence[str], *, colour: discord.Colour | None = None, title_first: bool = True
) -> discord.Embed:
    """The first line as the title, the rest as the description (clipped to Discord's limits)."""
    title, body = (lines[0], lines[1:]) if title_first and lines else ("", lines)
    return discord.Embed(
        title=_clip(title, TITLE_LIMIT) or None,
        description=_clip("\n".join(body), DESCRIPTION_LIMIT) or None,
        colour=colour,
    )


def _closes_line(closes_at: datetime | None, language: str) -> list[str]:
    if closes_at is None:
        return []
    stamp = int(closes_at.timestamp())
    return ["", t(language, "discord.closes_at", when=f"<t:{stamp}:t> (<t:{stamp}:R>)")]


def question_embed(post: PostView, language: str) -> discord.Embed:
    header, stem, *choices = question_lines(post.question, language)
    body = [f"**{stem}**", "", *choices, *_closes_line(post.closes_at, language)]
    embed = discord.Embed(
        title=_clip(header, TITLE_LIMIT),
        description=_clip("\n".join(body), DESCRIPTION_LIMIT),
        colour=QUESTION_COLOUR,
    )
    embed.set_footer(text=f"#{post.post_id} · {post.question.question_id}")
    return embed


def feedback_embed(feedback: PracticeFeedback, choice: int, language: str) -> discord.Embed:
    """Practice feedback: the verdict, the explanation and the section to re-read."""
    verdict, *rest = feedback_lines(feedback, choice, language)
    return discord.Embed(
        title=_clip(verdict, TITLE_LIMIT),
        description=_clip("\n".join(rest), DESCRIPTION_LIMIT),
        colour=RIGHT_COLOUR if feedback.correct else WRONG_COLOUR,
    )


def reveal_embed(reveal: Reveal, language: str) -> discord.Embed:
    """The closed channel post: question, right answer, share per choice, winners, fastest."""
    question = reveal.question
    header = t(language, "question.header", topic=question.topic)
    title, *rest = reveal_lines(reveal, language)
    body = [f"**{question.stem}**", "", f"**{title}**", *rest]
    embed = discord.Embed(
        title=_clip(header, TITLE_LIMIT),
        description=_clip("\n".join(body), DESCRIPTION_LIMIT),
        colour=REVEAL_COLOUR,
    )
    embed.set_footer(text=f"#{reveal.post_id} · {question.id}")
    return embed
