"""Command and option descriptions from the UI catalogues: English by default, Korean for
Discord clients set to Korean (sent as ``description_localizations`` when commands sync)."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.i18n import t

KOREAN = "ko"


def text(key: str) -> app_commands.locale_str:
    """A description: the English catalogue text, carrying its key for the translator."""
    return app_commands.locale_str(t("en", key), key=key)


class CatalogueTranslator(app_commands.Translator):
    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContext
    ) -> str | None:
        key = string.extras.get("key")
        if key is None or locale.value.split("-")[0] != KOREAN:
            return None
        return t(KOREAN, key)
