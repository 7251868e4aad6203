"""`quizbot console --schedule`: a compressed day in the terminal, and the schedule CLI."""

from __future__ import annotations

import asyncio
import re

from typer.testing import CliRunner

from bot.cli import app
from bot.engine.clock import ManualClock
from bot.engine.schedules import ScheduleRequest
from bot.engine.types import Member
from bot.platforms.console.app import CONSOLE_CHANNEL
from bot.platforms.console.scheduled import watch
from bot.runtime import Runtime
from tests.conftest import prepare_schema
from tests.scheduling.helpers import at_local, channel_posts, set_schedule


async def test_watch_shows_a_post_and_its_reveal(runtime: Runtime, clock: ManualClock):
    """A newcomer watching the terminal sees the 21:00 question, answers it, and sees the reveal."""
    clock.set(at_local("2026-11-30T08:00"))
    await set_schedule(runtime, ScheduleRequest("21:00", window_hours=3), CONSOLE_CHANNEL)
    lines: list[str] = []
    answers: asyncio.Queue[str | None] = asyncio.Queue()

    def write(line: str) -> None:
        lines.append(line)
        if line.startswith("A-D") or "A-D before" in line:
            answers.put_nowait("c")

    me = Member("console", "me", "me")
    await watch(runtime, answers.get, write, "en", me, speed=7200, hours=3.5)  # 3.5 h in 1.75 s
    text = "\n".join(lines)
    assert re.search(r"\[2026-11-30 2[12]:[0-5]\d\]", text)  # a few simulated minutes of lag at 7200x
    assert "Recorded: C" in text
    assert "Answer: " in text
    posts = await channel_posts(runtime, CONSOLE_CHANNEL)
    assert len(posts) == 1
    assert posts[0].revealed_at is not None


def test_cli_rejects_bad_input_and_changes_nothing(database_url: str, monkeypatch):  # type: ignore[no-untyped-def]
    """An admin's typo at the command line gets one clear line and a non-zero exit; the schedule stays."""
    asyncio.run(prepare_schema(database_url))
    monkeypatch.setenv("QUIZBOT_DATABASE_URL", database_url)
    monkeypatch.setenv("QUIZBOT_LANGUAGE", "en")
    cli = CliRunner()
    where = ["--platform", "console", "--channel", "terminal"]
    good = ["--time", "07:30", "--tz", "Asia/Seoul", "--days", "mon,fri"]
    ok = cli.invoke(app, ["schedule", "set", *where, *good])
    assert ok.exit_code == 0, ok.output
    assert "07:30 (Asia/Seoul) · Mon, Fri" in ok.output
    typos = (["--time", "25:00"], ["--time", "08:00", "--tz", "Seoul"], ["--time", "08:00", "--days", ","])
    for bad in typos:
        result = cli.invoke(app, ["schedule", "set", *where, *bad])
        assert result.exit_code == 1
        assert result.output.count("\n") == 1
        assert result.output.startswith("error: Cannot use this schedule")
    shown = cli.invoke(app, ["schedule", "show", *where])
    assert "07:30 (Asia/Seoul) · Mon, Fri" in shown.output
    assert cli.invoke(app, ["schedule", "pause", *where]).exit_code == 0
    assert "Paused" in cli.invoke(app, ["schedule", "show", *where]).output
    missing = cli.invoke(app, ["schedule", "resume", "--platform", "console", "--channel", "other"])
    assert missing.exit_code == 1
    assert "no quiz schedule" in missing.output
