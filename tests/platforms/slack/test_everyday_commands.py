"""/quiz topics, team, leaderboard and stats through the real app."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.engine.clock import ManualClock
from bot.platforms.slack import SlackRunner
from bot.runtime import Runtime
from tests.platforms.slack.conftest import ADMIN
from tests.platforms.slack.helpers import post_id_of, right_letter
from tests.platforms.slack.standin import SlackStandIn, SlackUser


async def test_topics_teams_leaderboard_and_stats(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser],
    clock: ManualClock,
):  # fmt: skip
    """After one revealed post the winner shows on the board, in their team, and in stats (also via @mention)."""
    alice, bob = user("U0ALICE"), user("U0BOB")

    async def ask(person: SlackUser, text: str) -> str:
        return (await standin.reply_to(await person.slash(text))).text

    topics = await ask(alice, "topics")
    assert "S3 — 4 questions" in topics
    assert "You joined team 'Cloud Nine'" in await ask(alice, "team join Cloud Nine")
    assert "Cloud Nine — 1 member(s)" in await ask(bob, "team list")

    await standin.reply_to(await user(ADMIN).slash("post S3"))
    message = standin.last_message()
    post_id = post_id_of(message["blocks"])
    right = await right_letter(runtime, post_id)
    wrong = "ABCD"[("ABCD".index(right) + 1) % 4]
    await standin.reply_to(await alice.click(message["blocks"], right, message_ts=message["ts"]))
    await standin.reply_to(await bob.click(message["blocks"], wrong, message_ts=message["ts"]))
    clock.advance(timedelta(hours=2))
    async with runtime.store() as store:
        await runtime.engine.close_and_show(store, slack.platform, post_id)

    board = await ask(bob, "leaderboard S3 week")
    assert "1. Name U0ALICE — 1 pts (1 answered)" in board
    assert "2. Name U0BOB — 0 pts (1 answered)" in board
    assert "1. Cloud Nine — 1.00 pts per member" in await ask(bob, "leaderboard teams")
    assert "S3: 1/1 right (100%)" in await ask(bob, "stats <@U0ALICE|alice>")
    assert "S3: 0/1 right (0%)" in await ask(bob, "stats")
    assert "You left team 'Cloud Nine'" in await ask(alice, "team leave")
    assert "You are not in a team" in await ask(alice, "team leave")
