"""Small steps shared by the Discord scenarios."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import text

from bot.runtime import Runtime
from tests.platforms.discord.standin import DiscordStandIn, FakeUser, custom_ids


async def count_rows(runtime: Runtime, table: str) -> int:
    async with runtime.db.connect() as connection:
        return int((await connection.execute(text(f"SELECT COUNT(*) FROM {table}"))).scalar_one())


async def post_channel_question(standin: DiscordStandIn, admin: FakeUser, **options: Any) -> dict[str, Any]:
    """An admin's `/quiz post`; returns a snapshot of the channel message with its buttons."""
    before = {m["id"] for m in standin.channel_messages()}
    record = await standin.slash(admin, "quiz post", **options)
    await record.answer()
    assert record.ephemeral
    posted = [m for m in standin.channel_messages() if m["id"] not in before]
    assert len(posted) == 1, await record.answer()
    return copy.deepcopy(posted[0])


def button(message: dict[str, Any], letter: str) -> str:
    """The custom_id of the button labelled ``letter`` (A-D) or 'next'."""
    for row in message["components"]:
        for item in row["components"]:
            if item["label"] == letter or (letter == "next" and item["custom_id"].startswith("quiz:next:")):
                return str(item["custom_id"])
    raise AssertionError(f"no {letter} button in {custom_ids(message)}")


def post_id_of(message: dict[str, Any]) -> int:
    return int(button(message, "A").split(":")[2])
