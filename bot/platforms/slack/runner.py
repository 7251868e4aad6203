"""Run the Slack app in HTTP mode (aiohttp at /slack/events) or Socket Mode, per settings."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from bot.platforms.slack.app import build_app
from bot.platforms.slack.platform import SlackPlatform
from bot.runtime import Runtime

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1_000_000


class SlackRunner:
    """The started app. ``url`` is the HTTP server's base URL (None in Socket Mode)."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.settings = runtime.settings
        self.app: AsyncApp
        self.app, self.services = build_app(runtime)
        self.url: str | None = None
        self.ready = False
        self._stopped = asyncio.Event()
        self._web: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None

    @property
    def platform(self) -> SlackPlatform:
        return self.services.platform

    async def start(self) -> None:
        identity = await self.app.client.auth_test()  # fails fast on a wrong token or base URL
        log.info("slack: signed in as %s in %s", identity.get("user"), identity.get("team"))
        if self.settings.slack_socket_mode:
            await self._start_socket_mode()
        else:
            await self._start_http()
        self.ready = True

    async def _start_http(self) -> None:
        server = web.Application(client_max_size=MAX_BODY_BYTES)
        server.add_routes([web.post(EVENTS_PATH, self._events), web.get(HEALTH_PATH, self._health)])
        self._web = web.AppRunner(server, access_log=None)
        await self._web.setup()
        site = web.TCPSite(self._web, self.settings.slack_http_host, self.settings.slack_http_port)
        await site.start()
        host, port = self._web.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        log.info("slack: HTTP mode, listening on %s%s", self.url, EVENTS_PATH)

    async def _start_socket_mode(self) -> None:
        token = self.settings.slack_app_token
        assert token is not None
        self._socket = AsyncSocketModeHandler(self.app, token.get_secret_value())
        await self._socket.connect_async()
        log.info("slack: Socket Mode connected")

    async def _events(self, request: web.Request) -> web.Response:
        try:
            bolt_request = await to_bolt_request(request)
        except ValueError:  # includes JSONDecodeError: a body that is not a Slack payload
            return web.json_response({"error": "malformed request"}, status=400)
        bolt_response = await self.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def _health(self, _request: web.Request) -> web.Response:
        if not self.ready:
            return web.json_response({"ok": False, "status": "starting"}, status=503)
        return web.json_response({"ok": True, "mode": "http"})

    async def wait(self) -> None:
        await self._stopped.wait()

    async def stop(self) -> None:
        self.ready = False
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if self._web is not None:
            await self._web.cleanup()
            self._web = None
        self._stopped.set()
