"""Slack adapter: slack-bolt's AsyncApp over HTTP (/slack/events) or Socket Mode."""

from __future__ import annotations

from bot.platforms.slack.runner import SlackRunner
from bot.runtime import Runtime
from bot.service import PlatformHandle


async def start(runtime: Runtime) -> PlatformHandle:
    """Sign in, start serving, and hand the service the port for scheduled posts."""
    runner = SlackRunner(runtime)
    await runner.start()
    return PlatformHandle(runner.platform, runner.wait, runner.stop)


__all__ = ["SlackRunner", "start"]
