"""The discord.py client: no privileged intents, the ``/quiz`` tree, persistent buttons."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.i18n import t
from bot.platforms.discord.commands import build_quiz_group
from bot.platforms.discord.context import language
from bot.platforms.discord.platform import DiscordPlatform
from bot.platforms.discord.translate import CatalogueTranslator
from bot.platforms.discord.views import AnswerButton, NextButton

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

TOPIC_CACHE_SECONDS = 60.0
TOPIC_LOOKUP_TIMEOUT = 2.0  # autocomplete must answer within Discord's 3 s too


# Quizbot never joins voice: without this, every start logs two warnings about voice libraries.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


def quiz_intents() -> discord.Intents:
    """Guilds only: interactions need no intent, and we never read messages or member lists."""
    return discord.Intents(guilds=True)


class QuizClient(discord.Client):
    def __init__(self, runtime: Runtime, *, guild_ready_timeout: float = 2.0, sync_commands: bool = True) -> None:
        super().__init__(
            intents=quiz_intents(),
            guild_ready_timeout=guild_ready_timeout,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.runtime = runtime
        self.sync_commands = sync_commands
        self.tree: app_commands.CommandTree[QuizClient] = app_commands.CommandTree(self)
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        self.platform = DiscordPlatform(self, runtime.settings.language)
        self._topics: tuple[float, list[str]] | None = None

    async def setup_hook(self) -> None:
        self.add_dynamic_items(AnswerButton, NextButton)
        self.tree.add_command(build_quiz_group())
        await self.tree.set_translator(CatalogueTranslator())
        if self.sync_commands:
            synced = await self.tree.sync()
            log.info("synced %d application command(s)", len(synced))

    async def topic_names(self) -> list[str]:
        """Bank topics for autocomplete, cached briefly so typing does not hit the database."""
        now = time.monotonic()
        if self._topics is not None and now - self._topics[0] < TOPIC_CACHE_SECONDS:
            return self._topics[1]
        try:
            async with asyncio.timeout(TOPIC_LOOKUP_TIMEOUT):
                async with self.runtime.store() as store:
                    counts = await self.runtime.engine.topics(store)
        except TimeoutError:
            return self._topics[1] if self._topics else []
        names = [count.topic for count in counts]
        self._topics = (now, names)
        return names

    async def _on_tree_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        log.error("command %s failed", getattr(interaction.command, "qualified_name", "?"), exc_info=error)
        if not interaction.response.is_done():
            await interaction.response.send_message(t(language(interaction), "error.generic"), ephemeral=True)
