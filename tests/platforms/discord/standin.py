"""A Discord stand-in: the gateway and the REST routes discord.py 2.x uses, served on 127.0.0.1.

It plays Discord's side of the rules the bot must honour and records every breach:
the first response to an interaction within 3 seconds, exactly one initial response,
no follow-up before it. Replies carry exactly ``Content-Type: application/json``
(discord.py parses nothing else). A 429 can be injected on any route.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord
from aiohttp import WSMsgType, web

API = "/api/v10"
FIRST_RESPONSE_DEADLINE = 3.0
EPHEMERAL = 64
LOADING = 128
DISCORD_EPOCH_MS = 1_420_070_400_000
MEMBER_PERMISSIONS = discord.Permissions(
    view_channel=True, send_messages=True, read_message_history=True, use_application_commands=True
)
ADMIN_PERMISSIONS = MEMBER_PERMISSIONS | discord.Permissions(manage_guild=True)
OPTION_TYPES = {str: 3, int: 4, bool: 5}


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


@dataclass(frozen=True)
class FakeUser:
    id: int
    name: str
    manage_server: bool = False
    roles: tuple[int, ...] = ()

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name.lower().replace(" ", "_"),
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": False,
        }

    def member(self) -> dict[str, Any]:
        permissions = ADMIN_PERMISSIONS if self.manage_server else MEMBER_PERMISSIONS
        return {
            "user": self.payload(),
            "roles": [str(role) for role in self.roles],
            "joined_at": _now_iso(),
            "flags": 0,
            "nick": None,
            "avatar": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "premium_since": None,
            "permissions": str(permissions.value),
        }


@dataclass
class InteractionRecord:
    """One interaction the stand-in sent, and everything the bot answered to it."""

    id: int
    token: str
    type: int
    user: FakeUser
    sent_at: float
    message_id: int | None = None  # the clicked message
    callback_type: int | None = None
    callback_at: float | None = None
    original_id: int | None = None
    loading: bool = False
    responses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    reply: dict[str, Any] | None = None
    choices: list[dict[str, Any]] | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def first_response_latency(self) -> float | None:
        return None if self.callback_at is None else self.callback_at - self.sent_at

    @property
    def ephemeral(self) -> bool:
        return bool(self.reply and self.reply.get("flags", 0) & EPHEMERAL)

    async def answer(self, within: float = 10.0) -> str:
        """The text of the bot's final visible answer (content and embeds)."""
        async with asyncio.timeout(within):
            await self.done.wait()
        return message_text(self.reply or {})


def message_text(message: dict[str, Any]) -> str:
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(part for part in parts if part)


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [button["custom_id"] for row in message.get("components") or [] for button in row["components"]]


@dataclass
class RateLimit:
    method: str
    pattern: re.Pattern[str]
    retry_after: float
    times: int


class DiscordStandIn:
    def __init__(self) -> None:
        self.token = f"standin.{secrets.token_urlsafe(24)}"
        self._ids = itertools.count(1)
        self.app_id = self.snowflake()
        self.bot_id = self.app_id
        self.guild_id = self.snowflake()
        self.channel_id = self.snowflake()
        self.admin_role_id = self.snowflake()
        self.owner = FakeUser(self.snowflake(), "Owner", manage_server=True)
        self.messages: dict[int, dict[str, Any]] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.breaches: list[str] = []
        self.requests: list[tuple[str, str, int]] = []
        self.commands: list[dict[str, Any]] = []
        self.identified: list[dict[str, Any]] = []
        self.resumed = 0
        self.rate_limits: list[RateLimit] = []
        self.rate_limited: list[tuple[str, str]] = []
        self._socket: web.WebSocketResponse | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self._seq = 0
        self._ready = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base = ""

    # ----- lifecycle ---------------------------------------------------------------------
    def snowflake(self) -> int:
        return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) + next(self._ids)

    async def start(self) -> None:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_get("/", self._gateway)
        routes = [
            ("GET", "/users/@me", self._me),
            ("GET", "/oauth2/applications/@me", self._application),
            ("GET", "/gateway/bot", self._gateway_bot),
            ("PUT", "/applications/{app}/commands", self._sync),
            ("PUT", "/applications/{app}/guilds/{guild}/commands", self._sync),
            ("POST", "/channels/{channel}/messages", self._create_message),
            ("PATCH", "/channels/{channel}/messages/{message}", self._edit_message),
            ("GET", "/channels/{channel}/messages/{message}", self._get_message),
            ("POST", "/interactions/{interaction}/{token}/callback", self._callback),
            ("POST", "/webhooks/{app}/{token}", self._followup),
            ("GET", "/webhooks/{app}/{token}/messages/{message}", self._webhook_get),
            ("PATCH", "/webhooks/{app}/{token}/messages/{message}", self._webhook_edit),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, API + path, handler)
        self._runner = web.AppRunner(app, access_log=None)  # Discord's logs are not the bot's
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}"

    @property
    def api_base(self) -> str:
        return self.base + API

    @property
    def gateway_url(self) -> str:
        return self.base.replace("http://", "ws://") + "/"

    async def stop(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def check(self) -> None:
        """Fail on any breach of Discord's rules, including interactions never answered."""
        for record in self.interactions.values():
            if record.callback_type is None:
                self.breaches.append(f"interaction {record.id} (type {record.type}) was never answered")
        assert not self.breaches, "\n".join(self.breaches)

    # ----- HTTP plumbing -------------------------------------------------------------------
    @staticmethod
    def json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        """Exactly ``application/json`` (no charset), as Discord sends it."""
        return web.Response(
            body=json.dumps(data).encode(),
            status=status,
            headers={"Content-Type": "application/json", **(headers or {})},
        )

    def _error(self, status: int, code: int, message: str) -> web.Response:
        return self.json({"code": code, "message": message}, status)

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        path = request.path.removeprefix(API)
        if request.path.startswith(API):
            for limit in self.rate_limits:
                if limit.times > 0 and limit.method == request.method and limit.pattern.fullmatch(path):
                    limit.times -= 1
                    self.rate_limited.append((request.method, path))
                    self.requests.append((request.method, path, 429))
                    body = {
                        "message": "You are being rate limited.",
                        "retry_after": limit.retry_after,
                        "global": False,
                    }
                    return self.json(body, 429, {"Via": "1.1 google", "Retry-After": "1"})
            bot_route = not path.startswith(("/interactions/", "/webhooks/"))
            if bot_route and request.headers.get("Authorization") != f"Bot {self.token}":
                self.requests.append((request.method, path, 401))
                return self._error(401, 0, "401: Unauthorized")
        response = await handler(request)
        self.requests.append((request.method, path, response.status))
        return response

    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            return dict(json.loads(str(form["payload_json"])))
        raw = await request.read()
        return dict(json.loads(raw)) if raw else {}

    # ----- gateway -----------------------------------------------------------------------
    async def _send(self, socket: web.WebSocketResponse, event: str, data: dict[str, Any]) -> None:
        self._seq += 1
        await socket.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.add(socket)
        await socket.send_json({"op": 10, "d": {"heartbeat_interval": 41_250}})
        try:
            async for frame in socket:
                if frame.type is not WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                op = message["op"]
                if op == 1:
                    await socket.send_json({"op": 11})
                elif op == 2:
                    await self._identify(socket, message["d"])
                elif op == 6:
                    self.resumed += 1
                    self._socket = socket
                    await self._send(socket, "RESUMED", {})
                    self._ready.set()
        finally:
            self._sockets.discard(socket)
            if self._socket is socket:
                self._socket = None
                self._ready.clear()
        return socket

    async def _identify(self, socket: web.WebSocketResponse, data: dict[str, Any]) -> None:
        if data.get("token") != self.token:
            await socket.close(code=4004, message=b"Authentication failed.")
            return
        self.identified.append({"intents": data.get("intents")})
        ready = {
            "v": 10,
            "user": self._bot_user(),
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": secrets.token_hex(8),
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.app_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self._send(socket, "READY", ready)
        await self._send(socket, "GUILD_CREATE", self._guild())
        self._socket = socket
        self._ready.set()

    async def wait_connected(self, within: float = 10.0) -> None:
        async with asyncio.timeout(within):
            await self._ready.wait()

    async def drop_connection(self) -> None:
        """Close the gateway socket as a network blip would; discord.py reconnects and resumes."""
        if self._socket is not None:
            socket, self._socket = self._socket, None
            self._ready.clear()
            await socket.close(code=4000, message=b"reconnect")

    # ----- canned objects ----------------------------------------------------------------------
    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": str(self.bot_id),
            "username": "quizbot",
            "global_name": None,
            "discriminator": "0",
            "avatar": None,
            "bot": True,
            "verified": True,
            "mfa_enabled": False,
            "flags": 0,
        }

    def _role(self, role_id: int, name: str, permissions: discord.Permissions, position: int) -> dict[str, Any]:
        return {
            "id": str(role_id),
            "name": name,
            "permissions": str(permissions.value),
            "position": position,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        }

    def _channel(self) -> dict[str, Any]:
        return {
            "id": str(self.channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": "daily-quiz",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
        }

    def _guild(self) -> dict[str, Any]:
        bot_member = {
            "user": self._bot_user(),
            "roles": [],
            "joined_at": _now_iso(),
            "flags": 0,
            "deaf": False,
            "mute": False,
            "nick": None,
            "avatar": None,
            "pending": False,
        }
        return {
            "id": str(self.guild_id),
            "name": "Study Group",
            "icon": None,
            "splash": None,
            "owner_id": str(self.owner.id),
            "roles": [
                self._role(self.guild_id, "@everyone", MEMBER_PERMISSIONS, 0),
                self._role(self.admin_role_id, "Quiz Admin", MEMBER_PERMISSIONS, 1),
            ],
            "channels": [self._channel()],
            "members": [bot_member],
            "member_count": 60,
            "unavailable": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "threads": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "voice_states": [],
            "presences": [],
            "large": False,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "preferred_locale": "ko",
            "system_channel_id": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "joined_at": _now_iso(),
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "description": None,
            "banner": None,
        }

    def _message(self, payload: dict[str, Any], *, flags: int = 0, webhook: bool = False) -> dict[str, Any]:
        message_id = self.snowflake()
        message = {
            "id": str(message_id),
            "channel_id": str(self.channel_id),
            "guild_id": str(self.guild_id),
            "author": self._bot_user(),
            "content": payload.get("content") or "",
            "embeds": payload.get("embeds") or [],
            "components": payload.get("components") or [],
            "type": 0,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "pinned": False,
            "flags": flags | int(payload.get("flags") or 0),
        }
        if webhook:
            message["webhook_id"] = str(self.app_id)
            message["application_id"] = str(self.app_id)
        self.messages[message_id] = message
        return message

    def _edit(self, message_id: int, payload: dict[str, Any]) -> dict[str, Any]:
        message = self.messages[message_id]
        for key in ("content", "embeds", "components"):
            if key in payload:
                message[key] = payload[key] if payload[key] is not None else ([] if key != "content" else "")
        message["edited_timestamp"] = _now_iso()
        message["flags"] = message["flags"] & ~LOADING
        return message

    # ----- REST routes ---------------------------------------------------------------------
    async def _me(self, request: web.Request) -> web.Response:
        return self.json(self._bot_user())

    async def _application(self, request: web.Request) -> web.Response:
        return self.json(
            {
                "id": str(self.app_id),
                "name": "Quizbot",
                "description": "",
                "icon": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": self.owner.payload(),
                "verify_key": "0" * 64,
                "flags": 0,
                "team": None,
                "summary": "",
            }
        )

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return self.json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    async def _sync(self, request: web.Request) -> web.Response:
        commands = await request.json()
        synced = []
        for command in commands:
            synced.append(
                {
                    **command,
                    "id": str(self.snowflake()),
                    "application_id": str(self.app_id),
                    "version": str(self.snowflake()),
                    "default_member_permissions": None,
                }
            )
        self.commands = synced
        return self.json(synced)

    async def _create_message(self, request: web.Request) -> web.Response:
        if int(request.match_info["channel"]) != self.channel_id:
            return self._error(404, 10003, "Unknown Channel")
        return self.json(self._message(await self._body(request)))

    async def _edit_message(self, request: web.Request) -> web.Response:
        message_id = int(request.match_info["message"])
        if message_id not in self.messages:
            return self._error(404, 10008, "Unknown Message")
        return self.json(self._edit(message_id, await self._body(request)))

    async def _get_message(self, request: web.Request) -> web.Response:
        message = self.messages.get(int(request.match_info["message"]))
        return self.json(message) if message else self._error(404, 10008, "Unknown Message")

    # ----- interaction responses --------------------------------------------------------------
    def _record_for_token(self, token: str) -> InteractionRecord | None:
        return next((record for record in self.interactions.values() if record.token == token), None)

    async def _callback(self, request: web.Request) -> web.Response:
        record = self.interactions.get(int(request.match_info["interaction"]))
        if record is None or record.token != request.match_info["token"]:
            return self._error(404, 10062, "Unknown interaction")
        body = await self._body(request)
        elapsed = time.monotonic() - record.sent_at
        if elapsed > FIRST_RESPONSE_DEADLINE:
            self.breaches.append(f"interaction {record.id}: first response after {elapsed:.2f} s")
            return self._error(404, 10062, "Unknown interaction")
        if record.callback_type is not None:
            self.breaches.append(f"interaction {record.id}: second initial response (type {body.get('type')})")
            return self._error(400, 40060, "Interaction has already been acknowledged.")
        kind, data = int(body["type"]), body.get("data") or {}
        record.callback_type, record.callback_at = kind, time.monotonic()
        record.responses.append(("callback", body))
        message: dict[str, Any] | None = None
        if kind == 4:
            message = self._message(data, webhook=True)
            record.original_id, record.reply = int(message["id"]), message
            record.done.set()
        elif kind == 5:
            message = self._message({"flags": int(data.get("flags") or 0)}, flags=LOADING, webhook=True)
            record.original_id, record.loading = int(message["id"]), True
        elif kind == 6:
            record.original_id = record.message_id
        elif kind == 7:
            assert record.message_id is not None
            message = self._edit(record.message_id, data)
            record.original_id, record.reply = record.message_id, message
            record.done.set()
        elif kind == 8:
            record.choices = list(data.get("choices") or [])
            record.done.set()
        interaction = {
            "id": str(record.id),
            "type": record.type,
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
        }
        if record.original_id is not None:
            interaction["response_message_id"] = str(record.original_id)
        resource: dict[str, Any] = {"type": kind}
        if message is not None:
            resource["message"] = message
        return self.json({"interaction": interaction, "resource": resource})

    async def _followup(self, request: web.Request) -> web.Response:
        record = self._record_for_token(request.match_info["token"])
        if record is None:
            return self._error(404, 10015, "Unknown Webhook")
        if record.callback_type is None:
            self.breaches.append(f"interaction {record.id}: follow-up before the initial response")
            return self._error(404, 10015, "Unknown Webhook")
        body = await self._body(request)
        record.responses.append(("followup", body))
        if record.loading and record.original_id is not None:
            record.loading = False  # the first follow-up after a "thinking" defer replaces it
            message = self._edit(record.original_id, body)
        else:
            message = self._message(body, webhook=True)
        record.reply = message
        record.done.set()
        return self.json(message)

    def _webhook_target(self, request: web.Request) -> tuple[InteractionRecord | None, int | None]:
        record = self._record_for_token(request.match_info["token"])
        wanted = request.match_info["message"]
        if record is None:
            return None, None
        return record, record.original_id if wanted == "@original" else int(wanted)

    async def _webhook_get(self, request: web.Request) -> web.Response:
        record, message_id = self._webhook_target(request)
        if record is None or message_id not in self.messages:
            return self._error(404, 10008, "Unknown Message")
        return self.json(self.messages[message_id])

    async def _webhook_edit(self, request: web.Request) -> web.Response:
        record, message_id = self._webhook_target(request)
        if record is None or record.callback_type is None:
            self.breaches.append("edit of @original before the initial response")
            return self._error(404, 10015, "Unknown Webhook")
        if message_id not in self.messages:
            return self._error(404, 10008, "Unknown Message")
        body = await self._body(request)
        record.responses.append(("edit", body))
        record.loading = False
        record.reply = self._edit(message_id, body)
        record.done.set()
        return self.json(record.reply)

    # ----- what users do ---------------------------------------------------------------------
    def user(self, name: str, *, manage_server: bool = False, admin_role: bool = False) -> FakeUser:
        roles = (self.admin_role_id,) if admin_role else ()
        return FakeUser(self.snowflake(), name, manage_server, roles)

    def rate_limit(self, method: str, path_pattern: str, retry_after: float, times: int = 1) -> None:
        self.rate_limits.append(RateLimit(method, re.compile(path_pattern), retry_after, times))

    def channel_messages(self) -> list[dict[str, Any]]:
        return [m for m in self.messages.values() if "webhook_id" not in m]

    async def slash(self, who: FakeUser, command: str, /, *, locale: str = "ko", **options: Any) -> InteractionRecord:
        """``/quiz team join name:x`` is ``slash(who, "quiz team join", name="x")``."""
        names = command.split()
        resolved: dict[str, Any] = {}
        leaf = []
        for name, value in options.items():
            if isinstance(value, FakeUser):
                leaf.append({"name": name, "type": 6, "value": str(value.id)})
                member = {k: v for k, v in value.member().items() if k != "user"}
                resolved = {"users": {str(value.id): value.payload()}, "members": {str(value.id): member}}
            else:
                leaf.append({"name": name, "type": OPTION_TYPES[type(value)], "value": value})
        nested: list[dict[str, Any]] = leaf
        for depth, name in reversed(list(enumerate(names[1:], start=1))):
            kind = 1 if depth == len(names) - 1 else 2
            nested = [{"name": name, "type": kind, "options": nested}]
        command_id = next((c["id"] for c in self.commands if c["name"] == names[0]), str(self.snowflake()))
        data: dict[str, Any] = {"id": command_id, "name": names[0], "type": 1, "options": nested}
        if resolved:
            data["resolved"] = resolved
        return await self._dispatch(who, 2, data, locale)

    async def autocomplete(
        self, user: FakeUser, command: str, focused: str, typed: str, *, locale: str = "ko"
    ) -> InteractionRecord:
        names = command.split()
        nested: list[dict[str, Any]] = [{"name": focused, "type": 3, "value": typed, "focused": True}]
        for depth, name in reversed(list(enumerate(names[1:], start=1))):
            nested = [{"name": name, "type": 1 if depth == len(names) - 1 else 2, "options": nested}]
        command_id = next((c["id"] for c in self.commands if c["name"] == names[0]), "0")
        return await self._dispatch(user, 4, {"id": command_id, "name": names[0], "type": 1, "options": nested}, locale)

    async def click(
        self, user: FakeUser, message: int | dict[str, Any], custom_id: str, *, locale: str = "ko"
    ) -> InteractionRecord:
        """A button click on a message (an id, or a snapshot to click a button since removed)."""
        shown = self.messages[message] if isinstance(message, int) else message
        assert custom_id in custom_ids(shown), f"{custom_id} is not a button of message {shown['id']}"
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._dispatch(user, 3, data, locale, message=shown)

    async def _dispatch(
        self,
        user: FakeUser,
        kind: int,
        data: dict[str, Any],
        locale: str,
        message: dict[str, Any] | None = None,
    ) -> InteractionRecord:
        if self._socket is None:
            await self.wait_connected()
        assert self._socket is not None
        interaction_id = self.snowflake()
        token = f"aW50ZXJhY3Rpb24.{secrets.token_urlsafe(32)}"
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.app_id),
            "type": kind,
            "token": token,
            "version": 1,
            "guild_id": str(self.guild_id),
            "channel_id": str(self.channel_id),
            "channel": self._channel(),
            "member": user.member(),
            "app_permissions": str(ADMIN_PERMISSIONS.value),
            "locale": locale,
            "guild_locale": "ko",
            "entitlements": [],
            "context": 0,
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "attachment_size_limit": 8_388_608,
            "data": data,
        }
        record = InteractionRecord(interaction_id, token, kind, user, time.monotonic())
        if message is not None:
            payload["message"] = json.loads(json.dumps(message))
            record.message_id = int(message["id"])
        self.interactions[interaction_id] = record
        await self._send(self._socket, "INTERACTION_CREATE", payload)
        return record

    def latencies(self) -> list[float]:
        return [r.first_response_latency for r in self.interactions.values() if r.first_response_latency is not None]
