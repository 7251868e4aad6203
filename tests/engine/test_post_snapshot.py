"""A bank edit synced while a post is open changes nothing about that post (real SQLite and PostgreSQL).

Regenerating a bank can reorder a question's choices or reword it. A click on 'B' must still mean the
choice that was shown as 'B', and the reveal must count and name the choices people saw.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import update

from bot.engine.clock import ManualClock
from bot.engine.types import ChannelRef, Member
from bot.runtime import Runtime, read_bank
from bot.storage.models import Post
from tests.conftest import FIXTURE_BANK
from tests.engine.fakes import RecordingPlatform

CHANNEL = ChannelRef("discord", "guild-1", "chan-1", "Study", "daily-quiz")


def member(number: int) -> Member:
    return Member("discord", f"user-{number}", f"User {number}")


async def _edit_question(runtime: Runtime, question_id: str) -> None:
    """Sync the bank with this question reworded and its choices rotated (the right one moves)."""
    edited = []
    for question in read_bank(FIXTURE_BANK):
        if question.id == question_id:
            rotated = question.choices[1:] + question.choices[:1]
            question = replace(
                question, stem=question.stem + " (개정)", choices=rotated, answer=(question.answer - 1) % 4
            )
        edited.append(question)
    async with runtime.store() as store:
        report = await runtime.engine.sync_bank(store, edited)
    assert report.updated == 1


async def test_open_channel_post_is_judged_and_revealed_as_shown(runtime: Runtime, clock: ManualClock):
    platform = RecordingPlatform()
    async with runtime.store() as store:
        view = await runtime.engine.open_channel_post(
            store, platform, CHANNEL, closes_at=clock.now() + timedelta(hours=1)
        )
        assert view is not None
        shown = await store.post(view.post_id)
    assert shown is not None
    right, shown_choices = shown.question.answer, shown.question.choices
    wrong = (right + 2) % 4

    await _edit_question(runtime, shown.question.id)
    for number, choice in [(1, right), (2, right), (3, wrong)]:
        async with runtime.store() as store:
            await runtime.engine.record_answer(store, view.post_id, member(number), choice)
    clock.advance(timedelta(hours=1))
    async with runtime.store() as store:
        reveal = await runtime.engine.close_and_show(store, platform, view.post_id)
        after = await store.post(view.post_id)

    assert reveal is not None
    assert reveal.question.answer == right
    assert reveal.question.choices == shown_choices
    assert reveal.question.stem == shown.question.stem
    assert reveal.counts[right] == 2
    assert reveal.counts[wrong] == 1
    assert sorted(winner.display_name for winner in reveal.winners) == ["User 1", "User 2"]
    assert after is not None
    assert after.question.choices == shown_choices
    async with runtime.store() as store:
        board = await runtime.engine.leaderboard(store, ("discord", "guild-1"))
    assert sorted(row.display_name for row in board if row.points > 0) == ["User 1", "User 2"]


async def test_open_practice_post_gives_feedback_on_the_choices_shown(runtime: Runtime):
    async with runtime.store() as store:
        view = await runtime.engine.start_practice(store, member(7), CHANNEL)
        shown = await store.post(view.post_id)
    assert shown is not None
    await _edit_question(runtime, shown.question.id)
    async with runtime.store() as store:
        receipt = await runtime.engine.record_answer(store, view.post_id, member(7), shown.question.answer)
    assert receipt.feedback is not None
    assert receipt.feedback.correct
    assert receipt.feedback.right_choice == shown.question.answer


async def test_post_stored_before_the_snapshot_reads_its_question_row(runtime: Runtime, clock: ManualClock):
    """Posts from before migration 0003 have no snapshot: they are judged on the question row, as before."""
    async with runtime.store() as store:
        view = await runtime.engine.open_channel_post(
            store, RecordingPlatform(), CHANNEL, closes_at=clock.now() + timedelta(hours=1)
        )
    assert view is not None
    async with runtime.store() as store:
        await store.session.execute(
            update(Post).where(Post.id == view.post_id).values(shown_stem=None, shown_choices=None, shown_answer=None)
        )
        await store.commit()
        row = await store.question(view.question.question_id)
        old = await store.post(view.post_id)
    assert row is not None
    assert old is not None
    assert (old.question.stem, old.question.choices, old.question.answer) == (row.stem, row.choices, row.answer)
