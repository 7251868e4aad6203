"""Slack's 3-second ack deadline holds while the database is busy."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy import text

from bot.runtime import Runtime
from bot.storage.models import Answer
from tests.platforms.slack.conftest import ADMIN, start_bot
from tests.platforms.slack.helpers import count
from tests.platforms.slack.standin import SlackStandIn, SlackUser

HOLD_SECONDS = 2.0


async def test_click_is_acked_while_another_writer_holds_the_lock(
    runtime: Runtime, standin: SlackStandIn, user: Callable[..., SlackUser], mode: str
):
    """A click during a long write elsewhere is acked at once (no Slack timeout) and recorded after."""
    runner = await start_bot(runtime, standin, socket_mode=mode == "socket")
    try:
        await clicked_while_locked(runtime, standin, user, socket_mode=mode == "socket")
    finally:
        await runner.stop()


async def clicked_while_locked(
    runtime: Runtime, standin: SlackStandIn, user: Callable[..., SlackUser], *, socket_mode: bool
) -> None:
    await standin.reply_to(await user(ADMIN, socket_mode=socket_mode).slash("post"))
    message = standin.last_message()
    locked, release = asyncio.Event(), asyncio.Event()

    async def hold_lock() -> None:
        async with runtime.db.connect() as connection, connection.begin():
            if connection.dialect.name == "postgresql":
                await connection.execute(text("LOCK TABLE users, answers IN ACCESS EXCLUSIVE MODE"))
            else:  # BEGIN IMMEDIATE already holds SQLite's write lock; make it a real write too
                await connection.execute(text("UPDATE users SET display_name = display_name"))
            locked.set()
            await asyncio.wait_for(release.wait(), HOLD_SECONDS * 3)

    holder = asyncio.create_task(hold_lock())
    await asyncio.wait_for(locked.wait(), 5)
    click = await user("U0BUSY", socket_mode=socket_mode).click(message["blocks"], "B", message_ts=message["ts"])
    assert click.status == 200
    print(f"ack while locked: {click.seconds * 1000:.0f} ms")
    assert click.seconds < 1.0, f"ack took {click.seconds:.2f}s"
    await asyncio.sleep(HOLD_SECONDS)
    assert not standin.replies_to(click.token)  # still waiting for the lock
    release.set()
    await holder
    assert (await standin.reply_to(click)).body["text"] == "Recorded: B"
    assert await count(runtime, Answer) == 1
