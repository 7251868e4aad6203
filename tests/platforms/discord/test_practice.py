"""Slash-command practice: a private question, instant feedback, a Next button."""

from __future__ import annotations

from bot.engine.errors import UnknownTopic
from bot.i18n import t
from bot.i18n.render import error_text
from bot.runtime import Runtime
from bot.service import PlatformHandle
from tests.platforms.discord.helpers import button, count_rows, post_id_of
from tests.platforms.discord.standin import EPHEMERAL, DiscordStandIn, message_text


async def right_letter(runtime: Runtime, post_id: int) -> str:
    async with runtime.store() as store:
        post = await store.post(post_id)
    assert post is not None
    return "ABCD"[post.question.answer]


async def test_practice_end_to_end(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """A learner gets a private question, feedback with the section to re-read, then a next one;
    the channel leaderboard never moves."""
    learner = standin.user("Mina")
    asked = await standin.slash(learner, "quiz practice", topic="s3")
    shown = await asked.answer()
    assert asked.ephemeral
    assert "[S3]" in shown
    question = asked.reply
    assert question is not None
    first_post = post_id_of(question)
    right = await right_letter(runtime, first_post)
    wrong = next(letter for letter in "ABCD" if letter != right)

    clicked = await standin.click(learner, int(question["id"]), button(question, wrong))
    feedback = await clicked.answer()
    assert clicked.callback_type == 7  # the question message itself turns into the feedback
    assert t("ko", "answer.wrong", letter=wrong, right=right) in feedback
    assert "다시 볼 곳: " in feedback
    assert "해설:" in feedback

    updated = standin.messages[int(question["id"])]
    again = await standin.click(learner, int(updated["id"]), button(updated, "next"))
    assert "[S3]" in await again.answer()
    second_post = post_id_of(standin.messages[int(updated["id"])])
    assert second_post != first_post

    latest = standin.messages[int(updated["id"])]
    right = await right_letter(runtime, second_post)
    correct = await standin.click(learner, int(latest["id"]), button(latest, right))
    assert t("ko", "answer.right", letter=right) in await correct.answer()

    assert await count_rows(runtime, "answers") == 2
    assert await count_rows(runtime, "score_totals") == 0
    board = await standin.slash(learner, "quiz leaderboard")
    assert t("ko", "leaderboard.empty") in await board.answer()


async def test_practice_speaks_english_to_an_english_client(bot: PlatformHandle, standin: DiscordStandIn):
    """Someone whose Discord is in English gets English buttons and feedback."""
    learner = standin.user("Sam")
    asked = await standin.slash(learner, "quiz practice", locale="en-US")
    await asked.answer()
    question = asked.reply
    assert question is not None
    clicked = await standin.click(learner, int(question["id"]), button(question, "A"), locale="en-US")
    text = await clicked.answer()
    assert "Correct!" in text or "Not quite." in text
    assert "Re-read:" in text
    assert [item["label"] for row in clicked.reply["components"] for item in row["components"]] == ["Next question"]


async def test_unknown_topic_is_explained_and_nothing_is_stored(
    bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime
):
    """A typo in the topic gets a private message listing the topics, and no practice starts."""
    asked = await standin.slash(standin.user("Mina"), "quiz practice", topic="Lambda")
    text = await asked.answer()
    assert asked.ephemeral
    known = "AWS의 모니터링 개요, EC2 기초, S3"
    assert text == error_text(UnknownTopic(topic="Lambda", known=known), "ko")
    assert await count_rows(runtime, "posts") == 0


async def test_topic_autocomplete_offers_bank_topics(bot: PlatformHandle, standin: DiscordStandIn):
    """Typing 'ec' in the topic box offers the EC2 topic."""
    typed = await standin.autocomplete(standin.user("Mina"), "quiz practice", "topic", "ec")
    await typed.answer()
    assert typed.callback_type == 8
    assert typed.choices == [{"name": "EC2 기초", "value": "EC2 기초"}]


async def test_practice_question_is_only_shown_to_the_learner(bot: PlatformHandle, standin: DiscordStandIn):
    """Practice questions never land in the channel for everyone."""
    asked = await standin.slash(standin.user("Mina"), "quiz practice")
    await asked.answer()
    assert asked.reply is not None
    assert asked.reply["flags"] & EPHEMERAL
    assert standin.channel_messages() == []
    assert message_text(asked.reply)
