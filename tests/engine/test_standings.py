"""Leaderboards per topic and period, team rankings, stats and streaks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.engine.errors import InvalidTeamName, NotInTeam
from bot.engine.periods import current_streak
from bot.engine.types import ChannelRef, Member, Period
from bot.runtime import Runtime
from tests.engine.fakes import RecordingPlatform

CHANNEL = ChannelRef("discord", "g1", "c1")
COMMUNITY = ("discord", "g1")


def person(name: str) -> Member:
    return Member("discord", name, name.title())


async def play(runtime: Runtime, clock, answers: dict[str, bool], topic: str | None = None) -> str:
    """Post one question, let each person answer right or wrong, close it; return its topic."""
    async with runtime.store() as store:
        topics = [await runtime.engine.resolve_topic(store, topic)] if topic else None
        view = await runtime.engine.open_channel_post(
            store, RecordingPlatform(), CHANNEL, topics=topics, closes_at=clock.now() + timedelta(hours=1)
        )
        assert view is not None
        post = await store.post(view.post_id)
    assert post is not None
    for name, right in answers.items():
        choice = post.question.answer if right else (post.question.answer + 1) % 4
        async with runtime.store() as store:
            await runtime.engine.record_answer(store, view.post_id, person(name), choice)
    clock.advance(timedelta(hours=1))
    async with runtime.store() as store:
        await runtime.engine.close_post(store, view.post_id)
    return post.question.topic


async def test_leaderboard_by_topic_and_period(runtime: Runtime, clock):
    """Points land in the right topic and period; last week's points leave 'this week'."""
    await play(runtime, clock, {"ann": True, "bob": False}, topic="S3")
    await play(runtime, clock, {"ann": True, "bob": True}, topic="EC2")
    clock.advance(timedelta(days=7))
    await play(runtime, clock, {"bob": True}, topic="S3")
    engine = runtime.engine
    async with runtime.store() as store:
        overall = await engine.leaderboard(store, COMMUNITY)
        s3 = await engine.leaderboard(store, COMMUNITY, topic="S3")
        week = await engine.leaderboard(store, COMMUNITY, period=Period.WEEK)
        month = await engine.leaderboard(store, COMMUNITY, period=Period.MONTH)
    assert [(r.rank, r.display_name, r.points) for r in overall] == [(1, "Ann", 2), (1, "Bob", 2)]
    # same points: the one who needed fewer answers is listed first, both ranked 1
    assert [(r.rank, r.display_name, r.points, r.answered) for r in s3] == [
        (1, "Ann", 1, 1),
        (1, "Bob", 1, 2),
    ]
    assert [(r.display_name, r.points) for r in week] == [("Bob", 1)]
    # 2026-11-30 + 7 days is December: the month board starts again
    assert [(r.display_name, r.points) for r in month] == [("Bob", 1)]


async def test_teams_ranked_by_points_per_member(runtime: Runtime, clock):
    """A small team that scores well per head ranks above a big team with more total points."""
    engine = runtime.engine
    async with runtime.store() as store:
        for name, team in [("ann", "Owls"), ("bob", "Owls"), ("cat", "Owls"), ("dan", "Foxes")]:
            await engine.join_team(store, COMMUNITY, person(name), team)
    await play(runtime, clock, {"ann": True, "bob": True, "cat": False, "dan": True})
    async with runtime.store() as store:
        rows = await engine.team_leaderboard(store, COMMUNITY)
        teams = await engine.teams(store, COMMUNITY)
    assert [(r.rank, r.team, r.members, r.points) for r in rows] == [(1, "Foxes", 1, 1), (2, "Owls", 3, 2)]
    assert teams == [("Foxes", 1), ("Owls", 3)]


async def test_team_membership_rules(runtime: Runtime):
    """One team per person; names are trimmed, 1-32 characters; leaving with no team is explained."""
    engine = runtime.engine
    async with runtime.store() as store:
        assert await engine.join_team(store, COMMUNITY, person("ann"), "  Night   Owls ") == "Night Owls"
        await engine.join_team(store, COMMUNITY, person("ann"), "Foxes")
        assert await engine.teams(store, COMMUNITY) == [("Foxes", 1)]
        with pytest.raises(InvalidTeamName):
            await engine.join_team(store, COMMUNITY, person("ann"), "   ")
        with pytest.raises(InvalidTeamName):
            await engine.join_team(store, COMMUNITY, person("ann"), "x" * 33)
        assert await engine.leave_team(store, COMMUNITY, person("ann")) == "Foxes"
        with pytest.raises(NotInTeam):
            await engine.leave_team(store, COMMUNITY, person("ann"))


async def test_stats_per_topic_and_streak(runtime: Runtime, clock):
    """Stats count every answer per topic; the streak counts days in a row with a right answer."""
    await play(runtime, clock, {"ann": True})
    clock.advance(timedelta(days=1))
    await play(runtime, clock, {"ann": False})
    clock.advance(timedelta(days=1))
    await play(runtime, clock, {"ann": True})
    async with runtime.store() as store:
        stats = await runtime.engine.user_stats(store, person("ann"))
    assert (stats.total.answered, stats.total.correct) == (3, 2)
    assert stats.streak_days == 1
    assert sum(topic.answered for topic in stats.topics) == 3


def test_streak_counts_back_from_today_or_yesterday():
    today = date(2026, 11, 30)
    days = {today - timedelta(days=n) for n in (1, 2, 3, 5)}
    assert current_streak(days, today) == 3
    assert current_streak(days | {today}, today) == 4
    assert current_streak({today - timedelta(days=2)}, today) == 0


async def test_bank_sync_retires_missing_questions_and_keeps_history(runtime: Runtime, clock):
    """A question removed from the bank is retired, never deleted, so its answers survive."""
    await play(runtime, clock, {"ann": True})
    from bot.runtime import read_bank

    questions = read_bank(runtime.settings.bank_dir)
    async with runtime.store() as store:
        report = await runtime.engine.sync_bank(store, questions[1:])
    assert report.retired == 1
    async with runtime.store() as store:
        gone = await store.question(questions[0].id)
        stats = await runtime.engine.user_stats(store, person("ann"))
    assert gone is not None
    assert gone.status == "retired"
    assert stats.total.answered == 1
    async with runtime.store() as store:
        again = await runtime.engine.sync_bank(store, questions)
    assert (again.added, again.updated, again.retired) == (0, 1, 0)
