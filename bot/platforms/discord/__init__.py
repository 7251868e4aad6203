"""Discord adapter: ``start(runtime)`` logs in, connects the gateway and returns the handle.

``QUIZBOT_DISCORD_API_BASE`` (e.g. ``https://discord.com/api/v10``) and
``QUIZBOT_DISCORD_GATEWAY_URL`` (e.g. ``wss://gateway.discord.gg/``) point discord.py
elsewhere, for proxies and for the test stand-in.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.platforms.discord import redact
from bot.platforms.discord.client import QuizClient
from bot.service import PlatformHandle

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

READY_TIMEOUT = 30.0


def apply_endpoints(api_base: str, gateway_url: str) -> None:
    """Point discord.py's REST and gateway at other addresses (process-wide class attributes)."""
    if api_base:
        Route.BASE = api_base.rstrip("/")
    if gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


async def start(
    runtime: Runtime, *, guild_ready_timeout: float = 2.0, ready_timeout: float = READY_TIMEOUT
) -> PlatformHandle:
    settings = runtime.settings
    if settings.discord_token is None:
        raise ValueError("QUIZBOT_DISCORD_TOKEN is not set")
    token = settings.discord_token.get_secret_value()
    redact.install(token)
    apply_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    client = QuizClient(runtime, guild_ready_timeout=guild_ready_timeout)
    try:
        await client.login(token)
    except BaseException:
        await client.close()
        raise
    gateway = asyncio.create_task(client.connect(reconnect=True), name="discord-gateway")
    await _until_ready(client, gateway, ready_timeout)

    async def wait() -> None:
        await gateway

    async def stop() -> None:
        await client.close()
        with contextlib.suppress(asyncio.CancelledError, discord.ConnectionClosed):
            await asyncio.wait_for(gateway, timeout=10)

    return PlatformHandle(client.platform, wait, stop)


async def _until_ready(client: QuizClient, gateway: asyncio.Task[None], limit: float) -> None:
    """Wait for READY; re-raise if the gateway task fails first (e.g. the intents are refused)."""
    ready = asyncio.create_task(client.wait_until_ready())
    done, _ = await asyncio.wait({ready, gateway}, timeout=limit, return_when=asyncio.FIRST_COMPLETED)
    if gateway in done:
        ready.cancel()
        await client.close()
        gateway.result()
        raise RuntimeError("the Discord gateway closed before READY")
    if ready not in done:
        ready.cancel()
        log.warning("Discord gateway not ready after %.0f s; still trying in the background", limit)
