"""Discord's rules under stress: a busy database, a vanished channel, a dropped gateway, secret tokens."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import discord
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from bot.engine.errors import ChannelGone
from bot.engine.types import ChannelRef
from bot.i18n import t
from bot.runtime import Runtime
from bot.service import PlatformHandle, start_platforms
from tests.platforms.discord.conftest import StartBot
from tests.platforms.discord.helpers import button, count_rows, post_channel_question
from tests.platforms.discord.standin import DiscordStandIn

LOCK_SECONDS = 3.5
CLICKS = 20


@asynccontextmanager
async def database_busy(runtime: Runtime) -> AsyncIterator[None]:
    """Another transaction holds the write lock (SQLite) or locks the answers table (PostgreSQL)."""
    async with runtime.db.connect() as connection:
        await connection.begin()  # BEGIN IMMEDIATE on SQLite: every other writer waits
        if connection.dialect.name == "postgresql":
            await connection.execute(text("LOCK TABLE answers, posts IN ACCESS EXCLUSIVE MODE"))
        try:
            yield
        finally:
            await connection.rollback()


async def test_first_response_within_three_seconds_while_the_database_is_busy(
    bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime
):
    """With the database stuck for 3.5 s, every click and command is acknowledged in time
    (deferred) and still answered once the database is free."""
    post = await post_channel_question(standin, standin.user("Teacher", manage_server=True))
    users = [standin.user(f"Busy {number}") for number in range(CLICKS)]
    async with database_busy(runtime):
        clicks = [await standin.click(user, int(post["id"]), button(post, "B")) for user in users]
        practice = await standin.slash(users[0], "quiz practice")
        await asyncio.sleep(LOCK_SECONDS)
    replies = await asyncio.gather(*(record.answer(within=30) for record in clicks))
    assert replies == [t("ko", "answer.recorded", letter="B")] * CLICKS
    assert "A." in await practice.answer(within=30)
    assert practice.ephemeral
    records = [*clicks, practice]
    assert {record.callback_type for record in records} == {5}  # deferred, then followed up
    latencies = [record.first_response_latency or 99.0 for record in records]
    print(f"\nbusy database: max first response {max(latencies) * 1000:.0f} ms")
    assert max(latencies) < 3.0
    assert await count_rows(runtime, "answers") == CLICKS

    question = practice.reply
    assert question is not None
    clicked = await standin.click(users[0], int(question["id"]), button(question, "A"))
    assert "다시 볼 곳" in await clicked.answer()


async def test_a_vanished_channel_raises_channel_gone(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """A post to a deleted channel tells the engine the channel is gone (so the scheduler can pause it)
    and stores no post."""
    gone = ChannelRef("discord", str(standin.guild_id), str(standin.snowflake()), "Study", "deleted")
    async with runtime.store() as store:
        with pytest.raises(ChannelGone):
            await runtime.engine.open_channel_post(store, bot.platform, gone)
    assert await count_rows(runtime, "posts") == 0


async def test_notices_are_posted_to_the_channel(bot: PlatformHandle, standin: DiscordStandIn):
    """The weekly digest (a notice) reaches the channel as an embed."""
    channel = ChannelRef("discord", str(standin.guild_id), str(standin.channel_id))
    reference = await bot.platform.post_notice(channel, "Weekly digest", ["1. Mina — 5", "2. Jun — 3"])
    assert reference == f"{standin.channel_id}:{standin.channel_messages()[0]['id']}"
    assert standin.channel_messages()[0]["embeds"][0]["title"] == "Weekly digest"


async def test_commands_keep_working_after_the_gateway_drops(bot: PlatformHandle, standin: DiscordStandIn):
    """A dropped gateway connection is resumed and interactions keep arriving."""
    await standin.drop_connection()
    await standin.wait_connected()
    record = await standin.slash(standin.user("Mina"), "quiz topics")
    assert "S3" in await record.answer()
    assert standin.resumed + len(standin.identified) >= 2


async def test_tokens_never_reach_the_log(
    start_bot: StartBot, standin: DiscordStandIn, caplog: pytest.LogCaptureFixture
):
    """Even at DEBUG level, neither the bot token nor interaction tokens are logged."""
    caplog.set_level(logging.DEBUG)
    await start_bot()
    learner = standin.user("Mina")
    asked = await standin.slash(learner, "quiz practice")
    await asked.answer()
    assert asked.reply is not None
    clicked = await standin.click(learner, int(asked.reply["id"]), button(asked.reply, "A"))
    await clicked.answer()
    logged = caplog.text
    assert "INTERACTION_CREATE" in logged or "/callback" in logged  # debug logging did happen
    assert standin.token not in logged
    for record in standin.interactions.values():
        assert record.token not in logged


async def test_quizbot_run_starts_discord_when_its_token_is_set(runtime: Runtime, standin: DiscordStandIn):
    """`quizbot run` with QUIZBOT_DISCORD_TOKEN brings the bot online without privileged intents."""
    runtime.settings = runtime.settings.model_copy(
        update={
            "discord_token": SecretStr(standin.token),
            "discord_api_base": standin.api_base,
            "discord_gateway_url": standin.gateway_url,
        }
    )
    handles = await start_platforms(runtime)
    try:
        assert list(handles) == ["discord"]
        intents = discord.Intents._from_value(standin.identified[0]["intents"])
        assert intents == discord.Intents(guilds=True)  # no members, presences or message content
        record = await standin.slash(standin.user("Mina"), "quiz help")
        assert "/quiz practice" in await record.answer()
    finally:
        for handle in handles.values():
            await handle.stop()
    standin.check()
