"""The real discord.py client against the Discord stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route
from pydantic import SecretStr

from bot.platforms.discord import start
from bot.runtime import Runtime
from bot.service import PlatformHandle
from tests.platforms.discord.standin import DiscordStandIn

StartBot = Callable[[], Awaitable[PlatformHandle]]


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    fake = DiscordStandIn()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved


@pytest.fixture
async def start_bot(runtime: Runtime, standin: DiscordStandIn) -> AsyncIterator[StartBot]:
    """Starts the bot as `quizbot run` does (stops every one started); fails on any breach."""
    runtime.settings = runtime.settings.model_copy(
        update={
            "discord_token": SecretStr(standin.token),
            "discord_api_base": standin.api_base,
            "discord_gateway_url": standin.gateway_url,
            "discord_admin_role": "Quiz Admin",
        }
    )
    handles: list[PlatformHandle] = []

    async def starter() -> PlatformHandle:
        handle = await start(runtime, guild_ready_timeout=0.1, ready_timeout=10)
        handles.append(handle)
        return handle

    try:
        yield starter
    finally:
        for handle in handles:
            await handle.stop()
    standin.check()


@pytest.fixture
async def bot(start_bot: StartBot) -> PlatformHandle:
    return await start_bot()
