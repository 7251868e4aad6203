"""Bolt listeners, one module per kind, each with ``register(app, services)``."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.platforms.slack.listeners import buttons, slash
from bot.platforms.slack.services import SlackServices


def register_listeners(app: AsyncApp, services: SlackServices) -> None:
    slash.register(app, services)
    buttons.register(app, services)
