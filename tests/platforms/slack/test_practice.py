"""Slash-command practice end to end, over HTTP and Socket Mode."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from bot.runtime import Runtime
from bot.storage.models import Answer, Post
from tests.platforms.slack.conftest import start_bot
from tests.platforms.slack.standin import SlackStandIn, SlackUser


async def count(runtime: Runtime, model: type) -> int:
    async with runtime.store() as store:
        return int((await store.session.execute(select(func.count()).select_from(model))).scalar_one())


async def right_letter(runtime: Runtime, post_id: int) -> str:
    async with runtime.store() as store:
        post = await store.post(post_id)
    assert post is not None
    return "ABCD"[post.question.answer]


def post_id_of(blocks: list[dict]) -> int:
    value = next(block for block in blocks if block["type"] == "actions")["elements"][0]["value"]
    return int(value.split(":")[0])


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


async def test_retried_slash_command_does_not_start_a_second_practice(
    runtime: Runtime, slack, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """Slack re-sending /quiz practice (X-Slack-Retry-Num) must not give the user two questions."""
    alice = user()
    first = await alice.slash("practice")
    await standin.reply_to(first)
    retried = await alice.slash("practice", retry=1, again=first)
    assert retried.status == 200
    assert await count(runtime, Post) == 1
    assert len(standin.replies_to(first.token)) == 1
