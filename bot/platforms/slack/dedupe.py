"""Drop repeated deliveries of one interaction (Slack retries, Socket Mode re-sends).

The engine already stores one answer per user per post; this keeps a retried
``/quiz post`` or ``/quiz practice`` from posting twice. Keyed by ``trigger_id``,
unique per user action, and kept for a bounded time in this process.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)
KEEP_SECONDS = 3600.0  # Slack's last retry comes about 5 minutes after the first delivery
KEEP_LIMIT = 20_000


class RecentDeliveries:
    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, key: str) -> bool:
        """True the first time ``key`` is offered (within the keep window), False for repeats."""
        now = self._monotonic()
        while self._seen and (len(self._seen) >= KEEP_LIMIT or now - next(iter(self._seen.values())) > KEEP_SECONDS):
            self._seen.popitem(last=False)
        if key in self._seen:
            return False
        self._seen[key] = now
        return True

    def middleware(self) -> Callable[..., Awaitable[Any]]:
        """A bolt global middleware that acks a repeat with an empty 200 and runs nothing."""

        async def drop_repeats(req: AsyncBoltRequest, next_: Callable[[], Awaitable[Any]]) -> Any:
            key = delivery_key(req.body)
            if key is not None and not self.first_time(key):
                retry = req.headers.get("x-slack-retry-num") or ["-"]
                log.info("ignoring a repeated delivery (retry %s)", retry[0])
                return BoltResponse(status=200, body="")
            return await next_()

        return drop_repeats


def delivery_key(body: dict[str, Any]) -> str | None:
    trigger = body.get("trigger_id")
    if isinstance(trigger, str) and trigger:
        return f"trigger:{trigger}"
    return None
