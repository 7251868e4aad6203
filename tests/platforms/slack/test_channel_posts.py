"""Channel posts: /quiz post, a crowd clicking (twice, and as Slack retries), the close and reveal."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest

from bot.engine.clock import ManualClock
from bot.engine.errors import ChannelGone
from bot.engine.types import ChannelRef
from bot.platforms.slack import SlackRunner
from bot.runtime import Runtime
from bot.storage.models import Answer, Post
from tests.platforms.slack.conftest import ADMIN
from tests.platforms.slack.helpers import count, message_text, post_id_of, right_letter
from tests.platforms.slack.standin import Delivery, SlackStandIn, SlackUser

CROWD = 100
LETTERS = "ABCD"


async def post_question(standin: SlackStandIn, user: Callable[..., SlackUser]) -> dict:
    """An admin's /quiz post; returns the channel message the stand-in received."""
    delivery = await user(ADMIN).slash("post")
    assert delivery.status == 200
    confirmation = await standin.reply_to(delivery)
    assert "Posted question" in confirmation.text
    return standin.last_message()


async def close(runtime: Runtime, runner: SlackRunner, clock: ManualClock, post_id: int) -> None:
    clock.advance(timedelta(minutes=runtime.settings.manual_post_window_minutes))
    async with runtime.store() as store:
        assert await runtime.engine.close_and_show(store, runner.platform, post_id) is not None


async def test_crowd_clicks_once_each_then_reveal(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser],
    clock: ManualClock,
):  # fmt: skip
    """100 people click (some twice, some re-sent by Slack): one answer each, and the reveal adds up."""
    message = await post_question(standin, user)
    blocks, ts = message["blocks"], message["ts"]
    post_id = post_id_of(blocks)
    assert "Answers close at" not in message_text(message)  # channel posts use the default language (ko)
    assert "답안 마감" in message_text(message)
    people = [user(f"U{1000 + number}") for number in range(CROWD)]
    picks = {person.user_id: LETTERS[number % 4] for number, person in enumerate(people)}

    firsts = await asyncio.gather(*(person.click(blocks, picks[person.user_id], message_ts=ts) for person in people))
    retried = await asyncio.gather(
        *(
            person.click(blocks, picks[person.user_id], message_ts=ts, retry=1, again=first)
            for person, first in zip(people[:15], firsts[:15], strict=True)
        )
    )
    for person, first in zip(people, firsts, strict=True):
        reply = await standin.reply_to(first)
        assert reply.body["response_type"] == "ephemeral"
        assert reply.body["text"] == f"Recorded: {picks[person.user_id]}"  # never right or wrong
    seconds = await asyncio.gather(
        *(person.click(blocks, "D" if picks[person.user_id] != "D" else "A", message_ts=ts)
          for person in people[15:30])
    )  # fmt: skip
    for person, second in zip(people[15:30], seconds, strict=True):
        assert (await standin.reply_to(second)).body["text"] == f"Already answered: {picks[person.user_id]}"
    deliveries: list[Delivery] = [*firsts, *retried, *seconds]
    assert all(delivery.status == 200 for delivery in deliveries)
    slowest = max(delivery.seconds for delivery in deliveries)
    print(f"acks: {len(deliveries)}, slowest {slowest * 1000:.0f} ms")
    assert slowest < 3, f"slowest ack {slowest:.2f}s"
    assert all(len(standin.replies_to(first.token)) == 1 for first in firsts)
    assert await count(runtime, Answer) == CROWD

    await close(runtime, slack, clock, post_id)
    revealed = message_text(standin.messages[(message["channel"], ts)])
    right = await right_letter(runtime, post_id)
    assert f"정답 공개: {right}." in revealed
    assert "25명 (25%)" in revealed  # every choice was picked by a quarter of the crowd
    assert "맞힌 사람 (25명)" in revealed
    assert "가장 빠른 정답" in revealed
    assert not any(block["type"] == "actions" for block in standin.messages[(message["channel"], ts)]["blocks"])

    late = await user("U0LATE").click(blocks, "A", message_ts=ts)
    assert "closed" in (await standin.reply_to(late)).body["text"]
    assert await count(runtime, Answer) == CROWD


async def test_rate_limited_reveal_is_waited_out(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser],
    clock: ManualClock,
):  # fmt: skip
    """A 429 with Retry-After on chat.update delays the reveal instead of losing it."""
    message = await post_question(standin, user)
    standin.fail_next("chat.update", 429, "ratelimited", {"Retry-After": "1"})
    await close(runtime, slack, clock, post_id_of(message["blocks"]))
    limited, succeeded = standin.called("chat.update")
    assert (limited.status, succeeded.status) == (429, 200)
    assert succeeded.at - limited.at >= 1.0
    assert "정답 공개" in message_text(standin.messages[(message["channel"], message["ts"])])


async def test_post_where_the_bot_is_not_invited(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """/quiz post in a channel the bot is not in says to invite it, and keeps no post."""
    standin.fail_next("chat.postMessage", 200, "not_in_channel")
    reply = await standin.reply_to(await user(ADMIN).slash("post"))
    assert "/invite @Quizbot" in reply.text
    assert await count(runtime, Post) == 0


async def test_notice_to_an_archived_channel_raises_channel_gone(slack: SlackRunner, standin: SlackStandIn):
    """A digest to an archived channel tells the scheduler the channel is gone (so it pauses it)."""
    standin.fail_next("chat.postMessage", 200, "is_archived")
    channel = ChannelRef("slack", "T0QUIZ", "C0GONE")
    with pytest.raises(ChannelGone) as raised:
        await slack.platform.post_notice(channel, "Weekly", ["1. someone"])
    assert raised.value.params["reason"] == "is_archived"
