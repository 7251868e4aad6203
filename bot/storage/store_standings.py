"""Leaderboard buckets, stats and teams."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, select

from bot.engine.types import Period, ScoreDelta, TopicStats
from bot.storage.models import Answer, Post, QuestionRow, ScoreTotal, Team, TeamMembership, User
from bot.storage.store_base import SessionBound


class StandingQueries(SessionBound):
    async def add_scores(self, deltas: Sequence[ScoreDelta]) -> None:
        if not deltas:
            return
        rows = [
            {
                "community_id": delta.community_pk,
                "user_id": delta.user_pk,
                "topic": delta.topic,
                "period": delta.period.value,
                "period_start": delta.period_start,
                "points": delta.points,
                "answered": delta.answered,
            }
            for delta in deltas
        ]
        insert = self._insert(ScoreTotal)
        statement = insert.on_conflict_do_update(
            index_elements=["community_id", "user_id", "topic", "period", "period_start"],
            set_={
                "points": ScoreTotal.points + insert.excluded.points,
                "answered": ScoreTotal.answered + insert.excluded.answered,
            },
        )
        await self.session.execute(statement, rows)

    def _bucket(self, community_pk: int, topic: str, period: Period, period_start: str) -> Any:
        return (
            (ScoreTotal.community_id == community_pk)
            & (ScoreTotal.topic == topic)
            & (ScoreTotal.period == period.value)
            & (ScoreTotal.period_start == period_start)
        )

    async def top_users(
        self, community_pk: int, topic: str, period: Period, period_start: str, limit: int
    ) -> list[tuple[str, str, int, int]]:
        statement = (
            select(User.display_name, User.external_id, ScoreTotal.points, ScoreTotal.answered)
            .join(User, User.id == ScoreTotal.user_id)
            .where(self._bucket(community_pk, topic, period, period_start))
            .order_by(ScoreTotal.points.desc(), ScoreTotal.answered, ScoreTotal.user_id)
            .limit(limit)
        )
        return [
            (name, external, points, answered)
            for name, external, points, answered in await self.session.execute(statement)
        ]

    async def team_totals(
        self, community_pk: int, topic: str, period: Period, period_start: str
    ) -> list[tuple[str, int, int]]:
        points = (
            select(ScoreTotal.user_id, ScoreTotal.points)
            .where(self._bucket(community_pk, topic, period, period_start))
            .subquery()
        )
        statement = (
            select(Team.name, func.count(TeamMembership.user_id), func.coalesce(func.sum(points.c.points), 0))
            .join(TeamMembership, TeamMembership.team_id == Team.id)
            .outerjoin(points, points.c.user_id == TeamMembership.user_id)
            .where(Team.community_id == community_pk)
            .group_by(Team.id, Team.name)
        )
        return [(name, int(members), int(total)) for name, members, total in await self.session.execute(statement)]

    async def user_topic_stats(self, user_pk: int) -> list[TopicStats]:
        correct = func.sum(case((Answer.correct.is_(True), 1), else_=0))
        statement = (
            select(QuestionRow.topic, func.count(Answer.id), correct)
            .select_from(Answer)
            .join(Post, Post.id == Answer.post_id)
            .join(QuestionRow, QuestionRow.id == Post.question_id)
            .where(Answer.user_id == user_pk)
            .group_by(QuestionRow.topic)
        )
        return [
            TopicStats(topic, int(count), int(right or 0))
            for topic, count, right in await self.session.execute(statement)
        ]

    async def correct_answer_times(self, user_pk: int) -> list[datetime]:
        statement = select(Answer.answered_at).where(Answer.user_id == user_pk, Answer.correct.is_(True))
        return list((await self.session.execute(statement)).scalars())

    # ----- teams -----------------------------------------------------------------------
    async def team_of(self, community_pk: int, user_pk: int) -> str | None:
        statement = (
            select(Team.name)
            .join(TeamMembership, TeamMembership.team_id == Team.id)
            .where(TeamMembership.community_id == community_pk, TeamMembership.user_id == user_pk)
        )
        return (await self.session.execute(statement)).scalar()

    async def join_team(self, community_pk: int, user_pk: int, name: str, at: datetime) -> None:
        create = (
            self._insert(Team)
            .values(community_id=community_pk, name=name, created_at=at)
            .on_conflict_do_nothing(index_elements=["community_id", "name"])
        )
        await self.session.execute(create)
        team_pk = (
            await self.session.execute(select(Team.id).where(Team.community_id == community_pk, Team.name == name))
        ).scalar_one()
        insert = self._insert(TeamMembership).values(
            community_id=community_pk, user_id=user_pk, team_id=team_pk, joined_at=at
        )
        membership = insert.on_conflict_do_update(
            index_elements=["community_id", "user_id"],
            set_={"team_id": insert.excluded.team_id, "joined_at": insert.excluded.joined_at},
        )
        await self.session.execute(membership)

    async def leave_team(self, community_pk: int, user_pk: int) -> str | None:
        name = await self.team_of(community_pk, user_pk)
        if name is not None:
            await self.session.execute(
                delete(TeamMembership).where(
                    TeamMembership.community_id == community_pk, TeamMembership.user_id == user_pk
                )
            )
        return name

    async def teams(self, community_pk: int) -> list[tuple[str, int]]:
        statement = (
            select(Team.name, func.count(TeamMembership.user_id))
            .outerjoin(TeamMembership, TeamMembership.team_id == Team.id)
            .where(Team.community_id == community_pk)
            .group_by(Team.id, Team.name)
            .having(func.count(TeamMembership.user_id) > 0)
            .order_by(Team.name)
        )
        return [(name, int(count)) for name, count in await self.session.execute(statement)]
