"""Persistent buttons: the custom_id carries everything, so clicks work after a restart.

``quiz:c:<post>:<choice>`` answers a channel post, ``quiz:p:<post>:<choice>`` a practice
question, ``quiz:next:<topic>`` asks for the next practice question. The client registers
these classes with ``add_dynamic_items``; no view state lives in memory.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.engine.types import PostKind
from bot.i18n import t
from bot.i18n.render import LETTERS

if TYPE_CHECKING:
    from bot.platforms.discord.client import QuizClient

CUSTOM_ID_LIMIT = 100
KIND_CODES = {PostKind.DAILY: "c", PostKind.PRACTICE: "p"}


ANSWER_TEMPLATE = r"quiz:(?P<kind>[cp]):(?P<post>\d+):(?P<choice>[0-3])(?::(?P<topic>.*))?"


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ANSWER_TEMPLATE):
    """An A-D button; practice ones also carry the practice topic for the Next button."""

    def __init__(self, kind: str, post_id: int, choice: int, topic: str = "") -> None:
        custom_id = f"quiz:{kind}:{post_id}:{choice}" + (f":{topic}" if topic else "")
        if len(custom_id) > CUSTOM_ID_LIMIT:
            topic, custom_id = "", f"quiz:{kind}:{post_id}:{choice}"
        self.kind, self.post_id, self.choice, self.topic = kind, post_id, choice, topic
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=LETTERS[choice], style=discord.ButtonStyle.primary, custom_id=custom_id
        )
        super().__init__(button)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AnswerButton:
        return cls(match["kind"], int(match["post"]), int(match["choice"]), match["topic"] or "")

    async def callback(self, interaction: discord.Interaction[QuizClient]) -> None:  # type: ignore[override]
        from bot.platforms.discord.handlers import answer_clicked

        await answer_clicked(interaction, self.kind, self.post_id, self.choice, self.topic or None)


class NextButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"quiz:next:(?P<topic>.*)"):
    def __init__(self, topic: str, label: str) -> None:
        self.topic = topic
        custom_id = f"quiz:next:{topic}"
        if len(custom_id) > CUSTOM_ID_LIMIT:
            self.topic, custom_id = "", "quiz:next:"
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=custom_id))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> NextButton:
        return cls(match["topic"], getattr(item, "label", None) or "")

    async def callback(self, interaction: discord.Interaction[QuizClient]) -> None:  # type: ignore[override]
        from bot.platforms.discord.handlers import next_clicked

        await next_clicked(interaction, self.topic or None)


def answer_view(kind: PostKind, post_id: int, topic: str | None = None) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for choice in range(len(LETTERS)):
        view.add_item(AnswerButton(KIND_CODES[kind], post_id, choice, topic or ""))
    return view


def next_view(topic: str | None, language: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(NextButton(topic or "", t(language, "discord.next")))
    return view
