"""Who, where and in which language: engine values read off a Discord interaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.engine.errors import QuizError
from bot.engine.types import ChannelRef, Member
from bot.i18n import language_for

if TYPE_CHECKING:
    from bot.platforms.discord.client import QuizClient
    from bot.runtime import Runtime

PLATFORM = "discord"


class GuildOnly(QuizError):
    code = "discord.guild_only"


class NotAdmin(QuizError):
    code = "error.not_admin"


def runtime_of(interaction: discord.Interaction[QuizClient]) -> Runtime:
    return interaction.client.runtime


def language(interaction: discord.Interaction[QuizClient]) -> str:
    """The user's Discord locale if we have that language, else the configured default."""
    return language_for(interaction.locale.value, runtime_of(interaction).settings.language)


def member_of(user: discord.abc.User, locale: str | None = None) -> Member:
    """The engine's member; the display name is cached with every interaction (no members intent)."""
    return Member(PLATFORM, str(user.id), user.display_name, locale)


def actor(interaction: discord.Interaction[QuizClient]) -> Member:
    return member_of(interaction.user, interaction.locale.value)


def channel_of(interaction: discord.Interaction[QuizClient]) -> ChannelRef:
    if interaction.guild_id is None or interaction.channel_id is None:
        raise GuildOnly()
    guild_name = getattr(interaction.guild, "name", None) or ""
    channel_name = getattr(interaction.channel, "name", None) or ""
    return ChannelRef(PLATFORM, str(interaction.guild_id), str(interaction.channel_id), guild_name, channel_name)


def community_of(interaction: discord.Interaction[QuizClient]) -> tuple[str, str]:
    if interaction.guild_id is None:
        raise GuildOnly()
    return PLATFORM, str(interaction.guild_id)


def is_admin(interaction: discord.Interaction[QuizClient]) -> bool:
    """Manage Server (from the permissions Discord resolved for this interaction), the configured
    admin role, or a ``discord:<id>`` entry in ``admin_users``."""
    settings = runtime_of(interaction).settings
    if f"{PLATFORM}:{interaction.user.id}" in settings.admin_users:
        return True
    if interaction.guild_id is None:
        return False
    permissions = interaction.permissions
    if permissions.manage_guild or permissions.administrator:
        return True
    role_name = settings.discord_admin_role.strip()
    roles = getattr(interaction.user, "roles", [])
    return bool(role_name) and any(role.name == role_name for role in roles)
