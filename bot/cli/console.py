"""``quizbot console``: play the quiz in a terminal."""

from __future__ import annotations

import asyncio
import sys

import typer

from bot.cli.common import load_settings, run_async
from bot.platforms.console.app import ConsoleApp, local_member
from bot.runtime import open_runtime


async def _read_line() -> str | None:
    try:
        return await asyncio.to_thread(input, "> ")
    except EOFError:
        return None


def _write(line: str) -> None:
    print(line, flush=True)


async def _play(language: str | None, topic: str | None, user: str | None) -> None:
    settings = load_settings(language=language)
    runtime = await open_runtime(settings)
    try:
        await runtime.sync_bank()
        topics = None
        if topic:
            async with runtime.store() as store:
                topics = [await runtime.engine.resolve_topic(store, topic)]
        app = ConsoleApp(runtime, _read_line, _write, settings.language, local_member(user), topics)
        await app.run()
    finally:
        await runtime.close()


async def _watch(language: str | None, user: str | None, speed: float, hours: float | None) -> None:
    from bot.platforms.console.scheduled import watch, watch_stdin

    settings = load_settings(language=language)
    runtime = await open_runtime(settings)
    try:
        await runtime.sync_bank()
        await watch(runtime, watch_stdin(), _write, settings.language, local_member(user), speed=speed, hours=hours)
    finally:
        await runtime.close()


def console(
    topic: str | None = typer.Option(None, "--topic", help="Only questions from this topic"),
    lang: str | None = typer.Option(None, "--lang", help="UI language: ko or en"),
    user: str | None = typer.Option(None, "--user", help="Play as this name (default: your login)"),
    schedule: bool = typer.Option(
        False, "--schedule", help="Watch this terminal's schedule run (see `quizbot schedule set`)"
    ),
    speed: float = typer.Option(720.0, "--speed", min=1.0, help="With --schedule: clock speed (720 = a day in 2 min)"),
    hours: float | None = typer.Option(None, "--hours", min=0.0, help="With --schedule: stop after this many hours"),
) -> None:
    """Play the quiz in this terminal: A-D to answer, h for help."""
    if not sys.stdin.isatty():
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    if schedule:
        run_async(_watch(lang, user, speed, hours), lang or "ko")
        return
    run_async(_play(lang, topic, user), lang or "ko")
