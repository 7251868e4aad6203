"""Slash-command practice end to end, over HTTP and Socket Mode."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bot.runtime import Runtime
from bot.storage.models import Answer, Post
from tests.platforms.slack.conftest import start_bot
from tests.platforms.slack.helpers import count, post_id_of, right_letter
from tests.platforms.slack.standin import SlackStandIn, SlackUser


async def test_practice_question_answer_and_next(
    runtime: Runtime, standin: SlackStandIn, user: Callable[..., SlackUser], mode: str
):
    """/quiz practice shows a private question; a click says right or wrong, explains, and Next asks again."""
    runner = await start_bot(runtime, standin, socket_mode=mode == "socket")
    try:
        alice = user("U0001", socket_mode=mode == "socket")
        delivery = await alice.slash("practice S3")
        assert delivery.status == 200
        assert delivery.seconds < 3
        question = await standin.reply_to(delivery)
        assert question.body["response_type"] == "ephemeral"
        assert "[S3]" in question.text
        post_id = post_id_of(question.body["blocks"])
        right = await right_letter(runtime, post_id)

        click = await alice.click(question.body["blocks"], right)
        assert click.status == 200
        feedback = await standin.reply_to(click)
        assert feedback.body["replace_original"] is True
        assert f"Correct! ({right})" in feedback.text
        assert "Explanation:" in feedback.text
        assert "Re-read:" in feedback.text

        following = await alice.click(feedback.body["blocks"], "Next question")
        again = await standin.reply_to(following)
        assert "[S3]" in again.text
        assert post_id_of(again.body["blocks"]) != post_id
        assert await count(runtime, Answer) == 1
        assert await count(runtime, Post) == 2
    finally:
        await runner.stop()


async def test_wrong_practice_answer_names_the_right_one(
    runtime: Runtime, slack, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """A wrong practice answer says which letter was right, in the user's Slack locale (Korean here)."""
    standin.users["U0KO"] = {"locale": "ko-KR"}
    kim = user("U0KO")
    question = await standin.reply_to(await kim.slash("practice"))
    post_id = post_id_of(question.body["blocks"])
    right = await right_letter(runtime, post_id)
    wrong = "ABCD"[("ABCD".index(right) + 1) % 4]
    feedback = await standin.reply_to(await kim.click(question.body["blocks"], wrong))
    assert f"정답은 {right}입니다" in feedback.text
    assert "다음 문제" in feedback.text


async def test_retried_deliveries_do_nothing_twice(
    runtime: Runtime, standin: SlackStandIn, user: Callable[..., SlackUser], mode: str
):
    """Slack re-sending /quiz practice or a click (HTTP retry header, Socket Mode retry) acts only once."""
    runner = await start_bot(runtime, standin, socket_mode=mode == "socket")
    try:
        alice = user(socket_mode=mode == "socket")
        first = await alice.slash("practice")
        question = await standin.reply_to(first)
        retried = await alice.slash("practice", retry=1, again=first)
        assert retried.status == 200
        click = await alice.click(question.body["blocks"], "A")
        await standin.reply_to(click)
        again = await alice.click(question.body["blocks"], "A", retry=2, again=click)
        assert again.status == 200
        await asyncio.sleep(0.2)  # give a wrongly handled repeat the time to show up
        assert len(standin.replies_to(first.token)) == 1
        assert len(standin.replies_to(click.token)) == 1
        assert (await count(runtime, Post), await count(runtime, Answer)) == (1, 1)
    finally:
        await runner.stop()
