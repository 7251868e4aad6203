"""Build the bolt AsyncApp: the client, the port, the listeners and the repeat filter."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp

from bot.config import Settings
from bot.platforms.slack.client import SlackNotConfigured, web_client
from bot.platforms.slack.dedupe import RecentDeliveries
from bot.platforms.slack.listeners import register_listeners
from bot.platforms.slack.platform import SlackPlatform
from bot.platforms.slack.services import SlackServices
from bot.platforms.slack.users import UserDirectory
from bot.runtime import Runtime

log = logging.getLogger(__name__)


def check_settings(settings: Settings) -> None:
    """SlackNotConfigured naming the missing setting for the chosen connection mode."""
    if settings.slack_bot_token is None:
        raise SlackNotConfigured("QUIZBOT_SLACK_BOT_TOKEN is not set")
    if settings.slack_socket_mode and settings.slack_app_token is None:
        raise SlackNotConfigured("Socket Mode needs QUIZBOT_SLACK_APP_TOKEN (an xapp- app-level token)")
    if not settings.slack_socket_mode and settings.slack_signing_secret is None:
        raise SlackNotConfigured("HTTP mode needs QUIZBOT_SLACK_SIGNING_SECRET (or set QUIZBOT_SLACK_SOCKET_MODE=true)")


def build_app(runtime: Runtime) -> tuple[AsyncApp, SlackServices]:
    settings = runtime.settings
    check_settings(settings)
    client = web_client(settings)
    platform = SlackPlatform(client, settings.language, settings.zone)
    services = SlackServices(runtime, platform, UserDirectory(client, settings.language, settings.admin_users))
    secret = settings.slack_signing_secret
    app = AsyncApp(
        client=client,
        signing_secret=secret.get_secret_value() if secret is not None else None,
        # Socket Mode messages come over our own authenticated WebSocket: nothing to sign.
        request_verification_enabled=not settings.slack_socket_mode,
        logger=logging.getLogger("bot.platforms.slack.bolt"),
    )
    app.middleware(RecentDeliveries().middleware())
    register_listeners(app, services)
    return app, services
