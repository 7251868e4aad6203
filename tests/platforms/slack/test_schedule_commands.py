"""/quiz schedule set|show|pause|resume for a channel, through the real app."""

from __future__ import annotations

from collections.abc import Callable

from bot.platforms.slack import SlackRunner
from bot.runtime import Runtime
from tests.platforms.slack.conftest import ADMIN
from tests.platforms.slack.standin import SlackStandIn, SlackUser


async def test_admin_sets_shows_pauses_and_resumes(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """An admin's schedule is stored as typed and shown back; pause and resume say so."""
    admin = user(ADMIN)

    async def ask(text: str) -> str:
        return (await standin.reply_to(await admin.slash(text))).text

    created = await ask("schedule set 09:00 Asia/Seoul mon,tue,wed topics=S3,EC2 window=6")
    assert "Posts at 09:00 (Asia/Seoul) · Mon, Tue, Wed" in created
    assert "Topics: EC2 기초, S3" in created
    assert "Answer window: 6 h" in created
    assert "Next post: 2026-11-30 09:00 (Mon)" in created
    assert "Posts at 09:00" in await ask("schedule show")
    assert "Paused" in await ask("schedule pause")
    resumed = await ask("schedule resume")
    assert "Paused" not in resumed
    assert "Next post:" in resumed


async def test_bad_schedules_are_explained(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """A wrong time, zone, day or topic, or no schedule yet, gets an ephemeral reason; nothing is stored."""
    admin = user(ADMIN)

    async def ask(text: str) -> str:
        reply = await standin.reply_to(await admin.slash(text))
        assert reply.body["response_type"] == "ephemeral"
        return reply.text

    assert "has no quiz schedule" in await ask("schedule show")
    assert "'25:00' is not a time of day" in await ask("schedule set 25:00")
    assert "unknown timezone 'Mars/Olympus'" in await ask("schedule set 09:00 Mars/Olympus")
    assert "unknown day 'someday'" in await ask("schedule set 09:00 someday")
    assert "No topic called 'Lambda'" in await ask("schedule set 09:00 topics=Lambda")
    assert "/quiz schedule set HH:MM" in await ask("schedule set 09:00 window=soon")  # help with the syntax
    assert "has no quiz schedule" in await ask("schedule pause")
