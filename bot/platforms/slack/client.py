"""The Web API client: Slack's base URL unless configured, and 429s waited out."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings

DEFAULT_BASE_URL = "https://slack.com/api/"
RATE_LIMIT_RETRIES = 3


class SlackNotConfigured(Exception):
    """A setting Slack needs is missing; the message names it."""


def api_base_url(settings: Settings) -> str:
    base = settings.slack_api_base_url or DEFAULT_BASE_URL
    return base if base.endswith("/") else base + "/"


def web_client(settings: Settings) -> AsyncWebClient:
    """An AsyncWebClient that sleeps through ``429 Retry-After`` and retries 5xx and dropped connections."""
    if settings.slack_bot_token is None:
        raise SlackNotConfigured("QUIZBOT_SLACK_BOT_TOKEN is not set")
    return AsyncWebClient(
        token=settings.slack_bot_token.get_secret_value(),
        base_url=api_base_url(settings),
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(),
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
            AsyncServerErrorRetryHandler(),
        ],
    )


def error_code(error: SlackApiError) -> str:
    """The Web API's ``error`` field (e.g. ``channel_not_found``), or the HTTP status if there is none."""
    response = error.response
    data = getattr(response, "data", None)
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"http_{getattr(response, 'status_code', '?')}"
