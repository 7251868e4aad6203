"""The admin check for admin commands, run on the bot's side for every call."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.i18n.render import error_text
from bot.platforms.discord.context import NotAdmin, is_admin, language
from bot.platforms.discord.respond import answer_now

if TYPE_CHECKING:
    from bot.platforms.discord.client import QuizClient


async def require_admin(interaction: discord.Interaction[QuizClient]) -> bool:
    """True for admins; anyone else gets a private refusal (the command is not merely hidden)."""
    if is_admin(interaction):
        return True
    await answer_now(interaction, error_text(NotAdmin(), language(interaction)))
    return False
