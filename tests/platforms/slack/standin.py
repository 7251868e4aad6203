"""A stand-in for Slack on 127.0.0.1: the Web API, response URLs and Socket Mode.

It records every call, can answer a method with injected failures (429 with
Retry-After, channel errors), and plays the user's side: signed slash commands and
button clicks sent to the real bolt app over HTTP, or pushed as Socket Mode envelopes.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import aiohttp
from aiohttp import web

TEAM = {"id": "T0QUIZ", "domain": "quizteam"}
BOT_USER = "UBOT"
ACK_DEADLINE = 3.0


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    status: int
    at: float


@dataclass
class Reply:
    """A POST to a response_url (what ``respond()`` sends)."""

    token: str
    body: dict[str, Any]

    @property
    def text(self) -> str:
        parts = [str(self.body.get("text", ""))]
        for block in self.body.get("blocks") or []:
            parts.append(json.dumps(block, ensure_ascii=False))
        return "\n".join(parts)


@dataclass
class Delivery:
    """One request the stand-in sent to the app: its HTTP status (or Socket Mode ack) and latency."""

    status: int
    seconds: float
    token: str  # the response_url token of this request
    body: str = ""


@dataclass
class SlackStandIn:
    signing_secret: str
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list)
    messages: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    replies: list[Reply] = field(default_factory=list)
    failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = field(default_factory=dict)
    app_url: str = ""  # the bot's HTTP base URL (HTTP mode)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    async def start(self) -> None:
        server = web.Application()
        server.add_routes(
            [
                web.post("/api/{method}", self._api),
                web.get("/api/{method}", self._api),
                web.post("/respond/{token}", self._respond),
                web.get("/link", self._socket),
            ]
        )
        self._runner = web.AppRunner(server)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        self.session = aiohttp.ClientSession()
        self.socket: web.WebSocketResponse | None = None
        self.socket_ready = asyncio.Event()
        self.acks: dict[str, asyncio.Future[dict[str, Any]]] = {}

    async def stop(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        await self.session.close()
        await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    # ----- Web API ---------------------------------------------------------------------
    def fail_next(self, method: str, status: int, error: str, headers: dict[str, str] | None = None) -> None:
        """Answer the next call of ``method`` with ``status`` and ``{"ok": false, "error": error}``."""
        self.failures.setdefault(method, []).append((status, headers or {}, {"ok": False, "error": error}))

    def called(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.method == "GET":
            params: dict[str, Any] = dict(request.query)
        elif request.content_type == "application/json":
            params = await request.json()
        else:
            params = dict(await request.post())
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        expected = "xapp-" if method == "apps.connections.open" else "xoxb-"
        if not token.startswith(expected):
            return self._log(method, params, 200, {"ok": False, "error": "invalid_auth"})
        queued = self.failures.get(method)
        if queued:
            status, headers, body = queued.pop(0)
            return self._log(method, params, status, body, headers)
        handler: Callable[[dict[str, Any]], dict[str, Any]] = getattr(
            self, "_" + method.replace(".", "_"), self._unknown
        )
        return self._log(method, params, 200, handler(params))

    def _log(
        self, method: str, params: dict[str, Any], status: int, body: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> web.Response:  # fmt: skip
        self.calls.append(ApiCall(method, params, status, time.monotonic()))
        return web.json_response(body, status=status, headers=headers)

    def _unknown(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": False, "error": "unknown_method"}

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True, "url": "https://quizteam.slack.com/", "team": "Quiz Team", "user": "quizbot",
            "team_id": TEAM["id"], "user_id": BOT_USER, "bot_id": "B0QUIZ",
        }  # fmt: skip

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        ts = f"{1_780_000_000 + next(self._ids)}.000100"
        message = {"type": "message", "ts": ts, "user": BOT_USER, **params}
        self.messages[(params["channel"], ts)] = message
        return {"ok": True, "channel": params["channel"], "ts": ts, "message": message}

    def last_message(self) -> dict[str, Any]:
        """The latest message posted with chat.postMessage (with its ``channel``, ``ts`` and ``blocks``)."""
        return list(self.messages.values())[-1]

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (params["channel"], params["ts"])
        if key not in self.messages:
            return {"ok": False, "error": "message_not_found"}
        self.messages[key].update(params)
        return {"ok": True, "channel": params["channel"], "ts": params["ts"]}

    def _chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return {"ok": True, "message_ts": f"{time.time():.6f}"}

    def _users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        user_id = str(params.get("user"))
        extra = self.users.get(user_id, {})
        user = {
            "id": user_id, "team_id": TEAM["id"], "name": user_id.lower(), "real_name": f"Real {user_id}",
            "is_admin": False, "is_owner": False, "locale": "en-US",
            "profile": {"display_name": f"Name {user_id}", "real_name": f"Real {user_id}"},
        }  # fmt: skip
        user.update(extra)
        return {"ok": True, "user": user}

    def _apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": self.url.replace("http://", "ws://") + "/link"}

    # ----- response_url ----------------------------------------------------------------
    async def _respond(self, request: web.Request) -> web.Response:
        self.replies.append(Reply(request.match_info["token"], await request.json()))
        return web.Response(text="ok")

    def replies_to(self, token: str) -> list[Reply]:
        return [reply for reply in self.replies if reply.token == token]

    async def wait_for(self, predicate: Callable[[], Any], within: float = 5.0) -> Any:
        """Poll until ``predicate()`` is truthy; fail the test after ``within`` seconds."""
        deadline = time.monotonic() + within
        while not (result := predicate()):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {within}s waiting for {predicate}")
            await asyncio.sleep(0.01)
        return result

    async def reply_to(self, delivery: Delivery, count: int = 1, within: float = 5.0) -> Reply:
        """The ``count``-th reply to a delivery, once it has arrived."""
        replies = await self.wait_for(lambda: len(self.replies_to(delivery.token)) >= count or None, within)
        assert replies
        return self.replies_to(delivery.token)[count - 1]

    # ----- the user's side: HTTP mode --------------------------------------------------
    def sign(self, body: str, timestamp: int) -> str:
        base = f"v0:{timestamp}:{body}".encode()
        return "v0=" + hmac.new(self.signing_secret.encode(), base, hashlib.sha256).hexdigest()

    async def post_signed(
        self, body: str, content_type: str, *, token: str = "", retry: int | None = None,
        timestamp: int | None = None, signature: str | None = None,
    ) -> Delivery:  # fmt: skip
        stamp = int(time.time()) if timestamp is None else timestamp
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(stamp),
            "X-Slack-Signature": signature or self.sign(body, stamp),
        }
        if retry is not None:
            headers["X-Slack-Retry-Num"] = str(retry)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        started = time.monotonic()
        timeout = aiohttp.ClientTimeout(total=ACK_DEADLINE + 2)
        async with self.session.post(
            f"{self.app_url}/slack/events", data=body.encode(), headers=headers, timeout=timeout
        ) as response:
            text = await response.text()
            return Delivery(response.status, time.monotonic() - started, token, text)

    # ----- the user's side: Socket Mode ------------------------------------------------
    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self.socket = socket
        await socket.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "standin"}})
        self.socket_ready.set()
        async for message in socket:
            if message.type == aiohttp.WSMsgType.TEXT:
                data = json.loads(message.data)
                future = self.acks.get(str(data.get("envelope_id")))
                if future is not None and not future.done():
                    future.set_result(data)
        return socket

    async def push(self, kind: str, payload: dict[str, Any], *, token: str, retry: int = 0) -> Delivery:
        """Send an envelope over the WebSocket and wait (up to 3 s) for the app's ack."""
        await asyncio.wait_for(self.socket_ready.wait(), ACK_DEADLINE)
        assert self.socket is not None
        envelope_id = f"env-{next(self._ids)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.acks[envelope_id] = future
        envelope = {
            "envelope_id": envelope_id, "type": kind, "payload": payload,
            "accepts_response_payload": kind != "events_api", "retry_attempt": retry,
            "retry_reason": "timeout" if retry else "",
        }  # fmt: skip
        started = time.monotonic()
        await self.socket.send_json(envelope)
        try:
            await asyncio.wait_for(future, ACK_DEADLINE)
        except TimeoutError:
            return Delivery(0, time.monotonic() - started, token)
        return Delivery(200, time.monotonic() - started, token)


@dataclass
class SlackUser:
    """A person in the stand-in's workspace who types /quiz and clicks buttons."""

    standin: SlackStandIn
    user_id: str
    socket_mode: bool = False
    channel: str = "C0QUIZ"
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def _new_token(self) -> str:
        return f"{self.user_id}-{next(self._ids)}-{time.monotonic_ns()}"

    def _response_url(self, token: str) -> str:
        return f"{self.standin.url}/respond/{token}"

    def slash_payload(self, text: str, token: str, trigger: str | None = None) -> dict[str, str]:
        return {
            "token": "legacy", "team_id": TEAM["id"], "team_domain": TEAM["domain"],
            "channel_id": self.channel, "channel_name": "quiz", "user_id": self.user_id,
            "user_name": self.user_id.lower(), "command": "/quiz", "text": text, "api_app_id": "A0QUIZ",
            "is_enterprise_install": "false", "response_url": self._response_url(token),
            "trigger_id": trigger or f"trigger-{token}",
        }  # fmt: skip

    async def slash(self, text: str, *, retry: int | None = None, again: Delivery | None = None) -> Delivery:
        """``/quiz text``; ``again`` re-sends an earlier delivery (same trigger) as Slack's retry."""
        token = again.token if again is not None else self._new_token()
        payload = self.slash_payload(text, token)
        if self.socket_mode:
            return await self.standin.push("slash_commands", payload, token=token, retry=retry or 0)
        form = urlencode(payload)
        return await self.standin.post_signed(form, "application/x-www-form-urlencoded", token=token, retry=retry)

    def click_payload(
        self, blocks: list[dict[str, Any]], label: str, token: str, *, message_ts: str | None = None
    ) -> dict[str, Any]:
        button = next(
            element
            for block in blocks if block.get("type") == "actions"
            for element in block["elements"] if element["text"]["text"] == label
        )  # fmt: skip
        block_id = next(block["block_id"] for block in blocks if button in block.get("elements", []))
        container = {"type": "message", "channel_id": self.channel, "is_ephemeral": message_ts is None}
        payload: dict[str, Any] = {
            "type": "block_actions", "api_app_id": "A0QUIZ", "token": "legacy",
            "user": {"id": self.user_id, "username": self.user_id.lower(), "name": self.user_id.lower(),
                     "team_id": TEAM["id"]},
            "team": dict(TEAM), "channel": {"id": self.channel, "name": "quiz"},
            "container": container, "trigger_id": f"trigger-{token}",
            "response_url": self._response_url(token),
            "is_enterprise_install": False, "enterprise": None,
            "actions": [{**button, "block_id": block_id, "action_ts": f"{time.time():.6f}"}],
        }  # fmt: skip
        if message_ts is not None:
            container["message_ts"] = message_ts
            payload["message"] = {"type": "message", "ts": message_ts, "blocks": blocks, "user": BOT_USER}
        return payload

    async def click(
        self, blocks: list[dict[str, Any]], label: str, *, message_ts: str | None = None,
        retry: int | None = None, again: Delivery | None = None,
    ) -> Delivery:  # fmt: skip
        """Click the button labelled ``label`` in ``blocks`` (a channel message if ``message_ts``)."""
        token = again.token if again is not None else self._new_token()
        payload = self.click_payload(blocks, label, token, message_ts=message_ts)
        if self.socket_mode:
            return await self.standin.push("interactive", payload, token=token, retry=retry or 0)
        body = "payload=" + quote(json.dumps(payload), safe="")
        return await self.standin.post_signed(body, "application/x-www-form-urlencoded", token=token, retry=retry)
