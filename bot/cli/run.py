"""``quizbot run``: start the bot service."""

from __future__ import annotations

import logging

from bot.cli.common import fail, load_settings, run_async
from bot.service import NothingToRun, PlatformStartFailed, run_service


def run() -> None:
    """Start every platform whose token is set (Discord, Slack) and the scheduler."""
    settings = load_settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        run_async(run_service(settings))
    except (NothingToRun, PlatformStartFailed) as error:
        raise fail(str(error)) from None
