"""Who is clicking: display name, UI language and admin rights, from ``users.info``.

Answers are cached for a few minutes per user so a busy channel post does not call
``users.info`` once per click; the database keeps the display name (``ensure_user``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.engine.types import Member
from bot.i18n import language_for
from bot.platforms.slack.client import error_code

log = logging.getLogger(__name__)
CACHE_SECONDS = 600.0
CACHE_LIMIT = 5000


@dataclass(frozen=True)
class SlackUser:
    member: Member
    language: str
    is_admin: bool


class UserDirectory:
    def __init__(
        self,
        client: AsyncWebClient,
        default_language: str,
        admin_users: Collection[str],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.default_language = default_language
        self.admin_users = {entry.strip() for entry in admin_users}
        self._monotonic = monotonic
        self._cache: dict[str, tuple[float, SlackUser]] = {}

    async def get(self, user_id: str, fallback_name: str = "") -> SlackUser:
        """The user as Slack describes them; if ``users.info`` fails, the payload's name, no admin rights."""
        cached = self._cache.get(user_id)
        now = self._monotonic()
        if cached is not None and now - cached[0] < CACHE_SECONDS:
            return cached[1]
        try:
            response = await self.client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            log.warning("users.info failed for %s: %s", user_id, error_code(error))
            return self._user(user_id, fallback_name or user_id, None, admin=False)
        info = response.get("user") or {}
        profile = info.get("profile") or {}
        name = (
            profile.get("display_name") or profile.get("real_name") or info.get("real_name")
            or info.get("name") or fallback_name or user_id
        )  # fmt: skip
        admin = bool(info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"))
        user = self._user(user_id, str(name), info.get("locale"), admin=admin)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[user_id] = (now, user)
        return user

    def _user(self, user_id: str, name: str, locale: str | None, *, admin: bool) -> SlackUser:
        member = Member("slack", user_id, name, locale)
        language = language_for(locale, self.default_language)
        return SlackUser(member, language, admin or f"slack:{user_id}" in self.admin_users)
