"""Channel posts: clicks recorded without spoilers, the reveal at the close, restarts, rate limits."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

from bot.engine.clock import ManualClock
from bot.engine.errors import PostClosed
from bot.i18n import t
from bot.i18n.render import error_text, reveal_lines
from bot.runtime import Runtime
from bot.service import PlatformHandle
from tests.platforms.discord.conftest import StartBot
from tests.platforms.discord.helpers import button, count_rows, post_channel_question, post_id_of
from tests.platforms.discord.standin import DiscordStandIn, message_text

USERS = 50
TWICE = 12


async def test_fifty_users_click_then_the_close_reveals(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """50 people click (12 of them twice): each hears only 'recorded', repeats keep the first choice,
    exactly 50 answers count, and the close edits the post with answer, shares, winners, fastest."""
    admin = standin.user("Teacher", manage_server=True)
    post = await post_channel_question(standin, admin)
    assert "A." in message_text(post)
    assert len(post["components"][0]["components"]) == 4
    users = [standin.user(f"Student {number:02d}") for number in range(USERS)]
    firsts = {user.id: "ABCD"[number % 4] for number, user in enumerate(users)}

    clicks = [await standin.click(user, int(post["id"]), button(post, firsts[user.id])) for user in users]
    texts = await asyncio.gather(*(click.answer(within=30) for click in clicks))
    seconds = [await standin.click(user, int(post["id"]), button(post, "D")) for user in users[:TWICE]]
    texts += await asyncio.gather(*(click.answer(within=30) for click in seconds))

    for user, reply in zip(users, texts[:USERS], strict=True):
        assert reply == t("ko", "answer.recorded", letter=firsts[user.id])
    for user, reply in zip(users[:TWICE], texts[USERS:], strict=True):
        assert reply == t("ko", "answer.already", letter=firsts[user.id])
    assert all(click.ephemeral for click in clicks + seconds)
    assert await count_rows(runtime, "answers") == USERS
    latencies = [click.first_response_latency or 0 for click in clicks + seconds]
    print(f"\n50-user burst: max first response {max(latencies) * 1000:.0f} ms")

    async with runtime.store() as store:
        reveal = await runtime.engine.close_and_show(store, bot.platform, post_id_of(post))
    assert reveal is not None
    assert reveal.total == USERS
    assert reveal.counts == (13, 13, 12, 12)
    shown = standin.messages[int(post["id"])]
    text = message_text(shown)
    assert all(line in text for line in reveal_lines(reveal, "ko"))  # answer, shares, winners, fastest
    assert reveal.fastest is not None
    assert reveal.fastest.display_name in text
    assert shown["components"] == []


async def test_buttons_work_after_a_restart(start_bot: StartBot, standin: DiscordStandIn, runtime: Runtime):
    """A question posted before a redeploy still takes answers afterwards."""
    first = await start_bot()
    post = await post_channel_question(standin, standin.user("Teacher", manage_server=True))
    await first.stop()

    second = await start_bot()
    assert len(standin.identified) == 2
    click = await standin.click(standin.user("Jun"), int(post["id"]), button(post, "C"))
    assert await click.answer() == t("ko", "answer.recorded", letter="C")
    assert await count_rows(runtime, "answers") == 1
    async with runtime.store() as store:
        reveal = await runtime.engine.close_and_show(store, second.platform, post_id_of(post))
    assert reveal is not None
    assert reveal.counts[2] == 1


async def test_a_rate_limited_reveal_is_retried(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """Discord answering 429 to the reveal edit delays it by retry_after; it is not lost."""
    post = await post_channel_question(standin, standin.user("Teacher", manage_server=True))
    click = await standin.click(standin.user("Jun"), int(post["id"]), button(post, "B"))
    assert await click.answer() == t("ko", "answer.recorded", letter="B")
    standin.rate_limit("PATCH", rf"/channels/\d+/messages/{post['id']}", retry_after=0.4)
    started = time.monotonic()
    async with runtime.store() as store:
        reveal = await runtime.engine.close_and_show(store, bot.platform, post_id_of(post))
    assert reveal is not None
    assert time.monotonic() - started >= 0.4
    assert len(standin.rate_limited) == 1
    assert standin.messages[int(post["id"])]["components"] == []
    assert reveal_lines(reveal, "ko")[0] in message_text(standin.messages[int(post["id"])])


async def test_a_click_on_a_closed_post_is_refused(
    bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime, clock: ManualClock
):
    """Clicks after the window (before or after the reveal) say the question is closed; none count."""
    post = await post_channel_question(standin, standin.user("Teacher", manage_server=True))
    clock.advance(timedelta(minutes=runtime.settings.manual_post_window_minutes + 1))
    late = await standin.click(standin.user("Late"), int(post["id"]), button(post, "A"))
    assert await late.answer() == error_text(PostClosed(), "ko")

    async with runtime.store() as store:
        await runtime.engine.close_and_show(store, bot.platform, post_id_of(post))
    stale = await standin.click(standin.user("Stale"), post, button(post, "B"))  # an old client still shows it
    assert await stale.answer() == error_text(PostClosed(), "ko")
    assert late.ephemeral
    assert stale.ephemeral
    assert await count_rows(runtime, "answers") == 0
