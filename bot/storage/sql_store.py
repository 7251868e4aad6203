"""The engine's QuizStore on SQLAlchemy, bound to one AsyncSession (one unit of work).

Duplicates are stopped by unique keys with ``ON CONFLICT`` (SQLite and PostgreSQL
both have it), never by reading first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Select, bindparam, case, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.engine.schedules import WEEKDAYS, Schedule
from bot.engine.types import (
    AnswerRecord,
    Candidate,
    ChannelRef,
    Member,
    NewPost,
    Period,
    PostFacts,
    PostKind,
    PostRecord,
    Question,
    ScoreDelta,
    SyncReport,
    TopicCount,
    TopicStats,
)
from bot.storage.models import (
    Answer,
    Channel,
    Community,
    Post,
    QuestionRow,
    ScheduleRow,
    ScoreTotal,
    Team,
    TeamMembership,
    User,
    UTCDateTime,
)

QUESTION_FIELDS = ("topic", "section", "source_line", "stem", "choices", "answer", "explanation", "kind")


def _question(row: QuestionRow) -> Question:
    status = "disabled" if row.disabled else row.status
    return Question(
        row.id, row.topic, row.section, row.source_line, row.stem, tuple(row.choices), row.answer,
        row.explanation, row.kind, status,
    )  # fmt: skip


class StoreCache:
    """Facts that never change (a user's pk, a post's question), kept across sessions.

    Every click needs them; caching them takes two of the four statements off the
    click path. Entries are only added after the transaction that saw them commits.
    """

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self.users: OrderedDict[tuple[str, str], tuple[int, str, str | None]] = OrderedDict()
        self.posts: OrderedDict[int, PostFacts] = OrderedDict()
        self.communities: OrderedDict[tuple[str, str], int] = OrderedDict()

    def remember(self, table: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        table[key] = value
        table.move_to_end(key)
        while len(table) > self.size:
            table.popitem(last=False)


class SqlQuizStore:
    """QuizStore on one session. The caller owns the session; this class never opens one."""

    def __init__(self, session: AsyncSession, cache: StoreCache | None = None) -> None:
        self.session = session
        self._dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
        self._cache = cache or StoreCache()
        self._pending_users: dict[tuple[str, str], tuple[int, str, str | None]] = {}
        self._pending_communities: dict[tuple[str, str], int] = {}

    def _insert(self, table: Any) -> Any:
        module = postgresql if self._dialect == "postgresql" else sqlite
        return module.insert(table)

    async def commit(self) -> None:
        await self.session.commit()
        for key, value in self._pending_users.items():
            self._cache.remember(self._cache.users, key, value)
        for key, community_pk in self._pending_communities.items():
            self._cache.remember(self._cache.communities, key, community_pk)
        self._pending_users.clear()
        self._pending_communities.clear()

    # ----- identities ------------------------------------------------------------------
    async def ensure_community(self, platform: str, external_id: str, name: str = "") -> int:
        statement = self._insert(Community).values(platform=platform, external_id=external_id, name=name)
        if name:
            statement = statement.on_conflict_do_update(index_elements=["platform", "external_id"], set_={"name": name})
        else:
            statement = statement.on_conflict_do_nothing(index_elements=["platform", "external_id"])
        await self.session.execute(statement)
        found = select(Community.id).where(Community.platform == platform, Community.external_id == external_id)
        community_pk = int((await self.session.execute(found)).scalar_one())
        self._pending_communities[(platform, external_id)] = community_pk
        return community_pk

    async def find_community(self, platform: str, external_id: str) -> int | None:
        key = (platform, external_id)
        community_pk = self._pending_communities.get(key) or self._cache.communities.get(key)
        if community_pk is None:
            found = select(Community.id).where(Community.platform == platform, Community.external_id == external_id)
            community_pk = (await self._execute(found)).scalar()
            if community_pk is not None:  # only ensure_community creates them, and its rows are pending above
                self._cache.remember(self._cache.communities, key, community_pk)
        return community_pk

    async def find_user(self, platform: str, external_id: str) -> int | None:
        known = self._cache.users.get((platform, external_id))
        if known is not None:
            return known[0]
        found = select(User.id).where(User.platform == platform, User.external_id == external_id)
        return (await self._execute(found)).scalar()

    async def ensure_channel(self, channel: ChannelRef) -> tuple[int, int]:
        community_pk = await self.ensure_community(channel.platform, channel.community_id, channel.community_name)
        values = {
            "community_id": community_pk,
            "external_id": channel.channel_id,
            "name": channel.channel_name,
        }
        statement = self._insert(Channel).values(**values)
        if channel.channel_name:
            statement = statement.on_conflict_do_update(
                index_elements=["community_id", "external_id"], set_={"name": channel.channel_name}
            )
        else:
            statement = statement.on_conflict_do_nothing(index_elements=["community_id", "external_id"])
        await self.session.execute(statement)
        found = select(Channel.id).where(
            Channel.community_id == community_pk, Channel.external_id == channel.channel_id
        )
        return community_pk, int((await self.session.execute(found)).scalar_one())

    async def ensure_user(self, member: Member) -> int:
        key = (member.platform, member.external_id)
        known = self._pending_users.get(key) or self._cache.users.get(key)
        if known is not None and known[1] == member.display_name and (not member.locale or known[2] == member.locale):
            return known[0]
        statements = _statements(self._dialect)
        statement = statements.user_with_locale if member.locale else statements.user
        params = {
            "platform": member.platform,
            "external_id": member.external_id,
            "display_name": member.display_name,
            "locale": member.locale,
        }
        user_pk = int((await self._execute(statement, params)).scalar_one())
        self._pending_users[key] = (user_pk, member.display_name, member.locale or (known[2] if known else None))
        return user_pk

    # ----- questions -------------------------------------------------------------------
    async def sync_questions(self, questions: Sequence[Question], now: datetime) -> SyncReport:
        existing = {row.id: row for row in (await self.session.execute(select(QuestionRow))).scalars()}
        added = updated = unchanged = 0
        for question in questions:
            values = {name: getattr(question, name) for name in QUESTION_FIELDS}
            values["choices"] = list(question.choices)
            values["status"] = question.status
            row = existing.pop(question.id, None)
            if row is None:
                self.session.add(QuestionRow(id=question.id, updated_at=now, disabled=False, **values))
                added += 1
            elif any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                row.updated_at = now
                updated += 1
            else:
                unchanged += 1
        retired = 0
        for row in existing.values():
            if row.status != "retired":
                row.status = "retired"
                row.updated_at = now
                retired += 1
        await self.session.flush()
        return SyncReport(added, updated, retired, unchanged)

    def _active(self) -> Any:
        return (QuestionRow.status == "active") & QuestionRow.disabled.is_(False)

    async def topic_counts(self) -> list[TopicCount]:
        statement = (
            select(QuestionRow.topic, func.count())
            .where(self._active())
            .group_by(QuestionRow.topic)
            .order_by(QuestionRow.topic)
        )
        return [TopicCount(topic, count) for topic, count in await self.session.execute(statement)]

    async def question(self, question_id: str) -> Question | None:
        row = await self.session.get(QuestionRow, question_id)
        return _question(row) if row is not None else None

    async def disable_question(self, question_id: str) -> bool:
        statement = update(QuestionRow).where(QuestionRow.id == question_id).values(disabled=True)
        result = await self.session.execute(statement)
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def candidates(
        self, topics: Sequence[str] | None, channel_pk: int | None, user_pk: int | None
    ) -> list[Candidate]:
        scope = Post.channel_id == channel_pk if channel_pk is not None else Post.user_id == user_pk
        kind = PostKind.DAILY.value if channel_pk is not None else PostKind.PRACTICE.value
        statement = (
            select(QuestionRow.id, QuestionRow.topic, func.count(Post.id), func.max(Post.opened_at))
            .outerjoin(Post, (Post.question_id == QuestionRow.id) & scope & (Post.kind == kind))
            .where(self._active())
            .group_by(QuestionRow.id, QuestionRow.topic)
        )
        if topics:
            statement = statement.where(QuestionRow.topic.in_(list(topics)))
        rows = await self.session.execute(statement)
        return [Candidate(question_id, topic, count, last) for question_id, topic, count, last in rows]

    # ----- posts and answers -----------------------------------------------------------
    async def insert_post(self, post: NewPost) -> int | None:
        statement = self._insert(Post).values(
            kind=post.kind.value,
            question_id=post.question_id,
            community_id=post.community_pk,
            channel_id=post.channel_pk,
            user_id=post.user_pk,
            opened_at=post.opened_at,
            closes_at=post.closes_at,
            slot=post.slot,
        )
        if post.slot is not None:
            statement = statement.on_conflict_do_nothing(index_elements=["channel_id", "slot"])
        return (await self.session.execute(statement.returning(Post.id))).scalar()

    async def delete_post(self, post_id: int) -> None:
        self._cache.posts.pop(post_id, None)
        await self.session.execute(delete(Post).where(Post.id == post_id))

    async def set_message_ref(self, post_id: int, message_ref: str) -> None:
        await self.session.execute(update(Post).where(Post.id == post_id).values(message_ref=message_ref))

    async def _execute(self, statement: Any, params: dict[str, Any] | None = None) -> Any:
        """Core execution on the session's connection: the hot paths skip the ORM's per-call work."""
        connection = await self.session.connection()
        return await connection.execute(statement, params or {})

    async def post(self, post_id: int) -> PostRecord | None:
        row = (await self._execute(_statements(self._dialect).post, {"post_id": post_id})).first()
        return _post_record(row) if row is not None else None

    async def post_facts(self, post_id: int) -> PostFacts | None:
        facts = self._cache.posts.get(post_id)
        if facts is None:
            record = await self.post(post_id)
            if record is None:
                return None
            facts = PostFacts(
                record.id, record.kind, record.question, record.community_pk, record.user_pk, record.opened_at
            )
            self._cache.remember(self._cache.posts, post_id, facts)  # a post row, once read, never changes these
        return facts

    async def due_posts(self, now: datetime) -> list[PostRecord]:
        statement = (
            _post_select()
            .where(Post.kind == PostKind.DAILY.value, Post.revealed_at.is_(None), Post.closes_at <= now)
            .order_by(Post.closes_at, Post.id)
        )
        return [_post_record(row) for row in await self._execute(statement)]

    async def insert_answer(self, post_id: int, user_pk: int, choice: int, correct: bool, at: datetime) -> bool:
        params = {
            "post_id": post_id,
            "user_id": user_pk,
            "choice": choice,
            "correct": correct,
            "at": at,
        }
        return bool((await self._execute(_statements(self._dialect).answer, params)).rowcount)

    async def answer_choice(self, post_id: int, user_pk: int) -> int | None:
        statement = select(Answer.choice).where(Answer.post_id == post_id, Answer.user_id == user_pk)
        return (await self.session.execute(statement)).scalar()

    async def answers(self, post_id: int) -> list[AnswerRecord]:
        statement = (
            select(
                Answer.user_id,
                User.display_name,
                User.external_id,
                Answer.choice,
                Answer.correct,
                Answer.answered_at,
            )
            .join(User, User.id == Answer.user_id)
            .where(Answer.post_id == post_id)
            .order_by(Answer.answered_at, Answer.id)
        )
        return [AnswerRecord(*row) for row in await self.session.execute(statement)]

    async def mark_revealed(self, post_id: int, at: datetime) -> bool:
        statement = update(Post).where(Post.id == post_id, Post.revealed_at.is_(None)).values(revealed_at=at)
        return bool((await self.session.execute(statement)).rowcount)  # type: ignore[attr-defined]

    async def open_post_ids(self, channel_pk: int) -> list[int]:
        statement = (
            select(Post.id)
            .where(Post.channel_id == channel_pk, Post.kind == PostKind.DAILY.value, Post.revealed_at.is_(None))
            .order_by(Post.id)
        )
        return list((await self.session.execute(statement)).scalars())

    async def latest_post_at(self, channel_pk: int) -> datetime | None:
        statement = (
            select(Post.opened_at)
            .where(Post.channel_id == channel_pk, Post.kind == PostKind.DAILY.value)
            .order_by(Post.opened_at.desc())
            .limit(1)
        )
        return (await self.session.execute(statement)).scalar()

    async def slot_posted(self, channel_pk: int, slot: str) -> bool:
        statement = select(Post.id).where(Post.channel_id == channel_pk, Post.slot == slot)
        return (await self.session.execute(statement)).first() is not None

    async def next_close_at(self) -> datetime | None:
        statement = (
            select(Post.closes_at)
            .where(Post.kind == PostKind.DAILY.value, Post.revealed_at.is_(None), Post.closes_at.is_not(None))
            .order_by(Post.closes_at)
            .limit(1)
        )
        return (await self.session.execute(statement)).scalar()

    # ----- schedules -------------------------------------------------------------------
    async def find_channel(self, platform: str, channel_id: str) -> ChannelRef | None:
        statement = (
            select(Community, Channel)
            .join(Channel, Channel.community_id == Community.id)
            .where(Community.platform == platform, Channel.external_id == channel_id)
            .order_by(Channel.id)
        )
        row = (await self.session.execute(statement)).first()
        if row is None:
            return None
        community, channel = row
        return ChannelRef(platform, community.external_id, channel.external_id, community.name, channel.name)

    async def save_schedule(self, channel_pk: int, schedule: Schedule, now: datetime) -> None:
        values = _schedule_values(schedule)
        insert = self._insert(ScheduleRow).values(
            channel_id=channel_pk, paused=schedule.paused, updated_at=now, **values
        )
        statement = insert.on_conflict_do_update(index_elements=["channel_id"], set_={**values, "updated_at": now})
        await self.session.execute(statement)

    async def schedule(self, channel_pk: int) -> Schedule | None:
        statement = select(ScheduleRow).where(ScheduleRow.channel_id == channel_pk)
        row = (await self.session.execute(statement)).scalar()
        return _schedule(row) if row is not None else None

    async def set_schedule_paused(self, channel_pk: int, paused: bool, now: datetime) -> bool:
        changes: dict[str, Any] = {"paused": paused, "updated_at": now}
        if not paused:
            changes["active_since"] = now
        statement = update(ScheduleRow).where(ScheduleRow.channel_id == channel_pk).values(**changes)
        return bool((await self.session.execute(statement)).rowcount)  # type: ignore[attr-defined]

    async def schedules(self) -> list[tuple[int, ChannelRef, Schedule]]:
        statement = (
            select(ScheduleRow, Channel, Community)
            .join(Channel, Channel.id == ScheduleRow.channel_id)
            .join(Community, Community.id == Channel.community_id)
            .order_by(ScheduleRow.channel_id)
        )
        found: list[tuple[int, ChannelRef, Schedule]] = []
        for row, channel, community in await self.session.execute(statement):
            where = ChannelRef(
                community.platform, community.external_id, channel.external_id, community.name, channel.name
            )
            found.append((channel.id, where, _schedule(row)))
        return found

    async def claim_digest(self, channel_pk: int, day: str) -> bool:
        statement = (
            update(ScheduleRow)
            .where(
                ScheduleRow.channel_id == channel_pk,
                (ScheduleRow.last_digest.is_(None)) | (ScheduleRow.last_digest < day),
            )
            .values(last_digest=day)
        )
        return bool((await self.session.execute(statement)).rowcount)  # type: ignore[attr-defined]

    async def release_digest(self, channel_pk: int, day: str) -> None:
        statement = (
            update(ScheduleRow)
            .where(ScheduleRow.channel_id == channel_pk, ScheduleRow.last_digest == day)
            .values(last_digest=None)
        )
        await self.session.execute(statement)

    # ----- leaderboards and stats ------------------------------------------------------
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


def _post_select() -> Select[Any]:
    return (
        select(
            Post.id, Post.kind, Post.community_id, Post.channel_id, Post.user_id, Post.opened_at, Post.closes_at,
            Post.revealed_at, Post.message_ref, Post.slot,
            QuestionRow.id.label("q_id"), QuestionRow.topic, QuestionRow.section, QuestionRow.source_line,
            QuestionRow.stem, QuestionRow.choices, QuestionRow.answer, QuestionRow.explanation,
            QuestionRow.kind.label("q_kind"), QuestionRow.status, QuestionRow.disabled,
            Community.platform, Community.external_id.label("community_external_id"),
            Community.name.label("community_name"),
            Channel.external_id.label("channel_external_id"), Channel.name.label("channel_name"),
        )
        .join(QuestionRow, QuestionRow.id == Post.question_id)
        .join(Community, Community.id == Post.community_id)
        .outerjoin(Channel, Channel.id == Post.channel_id)
    )  # fmt: skip


def _post_record(row: Any) -> PostRecord:
    question = Question(
        row.q_id, row.topic, row.section, row.source_line, row.stem, tuple(row.choices), row.answer,
        row.explanation, row.q_kind, "disabled" if row.disabled else row.status,
    )  # fmt: skip
    where = None
    if row.channel_id is not None:
        where = ChannelRef(
            row.platform,
            row.community_external_id,
            row.channel_external_id,
            row.community_name,
            row.channel_name,
        )
    return PostRecord(
        row.id, PostKind(row.kind), question, row.community_id, row.channel_id, where, row.user_id,
        row.opened_at, row.closes_at, row.revealed_at, row.message_ref, row.slot,
    )  # fmt: skip


@dataclass(frozen=True)
class _Statements:
    """Statements of the per-click path, built once per dialect (building them is not free)."""

    post: Any
    user: Any
    user_with_locale: Any
    answer: Any


@cache
def _statements(dialect: str) -> _Statements:
    module = postgresql if dialect == "postgresql" else sqlite
    by_id = _post_select().where(Post.id == bindparam("post_id"))
    user_insert = module.insert(User).values(
        platform=bindparam("platform"),
        external_id=bindparam("external_id"),
        display_name=bindparam("display_name"),
        locale=bindparam("locale"),
    )
    keys = ["platform", "external_id"]
    name_only = {"display_name": user_insert.excluded.display_name}
    with_locale = {**name_only, "locale": user_insert.excluded.locale}
    at = bindparam("at", type_=UTCDateTime())
    open_post = (
        select(Post.id, bindparam("user_id"), bindparam("choice"), bindparam("correct", type_=Boolean()), at)
        .where(Post.id == bindparam("post_id"), Post.revealed_at.is_(None))
        .where(Post.closes_at.is_(None) | (Post.closes_at > at))
    )
    if dialect == "postgresql":
        open_post = open_post.with_for_update(read=True)  # a concurrent close waits for this answer
    answer = (
        module.insert(Answer)
        .from_select(["post_id", "user_id", "choice", "correct", "answered_at"], open_post)
        .on_conflict_do_nothing(index_elements=["post_id", "user_id"])
    )  # no RETURNING: the row count answers "stored?" without a fetch round trip
    return _Statements(
        post=by_id,
        user=user_insert.on_conflict_do_update(index_elements=keys, set_=name_only).returning(User.id),
        user_with_locale=user_insert.on_conflict_do_update(index_elements=keys, set_=with_locale).returning(User.id),
        answer=answer,
    )


def _schedule_values(schedule: Schedule) -> dict[str, Any]:
    window = schedule.window_hours
    return {
        "time_of_day": schedule.at.strftime("%H:%M"),
        "timezone": schedule.zone,
        "days": ",".join(WEEKDAYS[day] for day in schedule.days),
        "topics": list(schedule.topics) if schedule.topics else None,
        "window_minutes": round(window * 60) if window is not None else None,
        "questions_per_post": schedule.questions_per_post,
        "digest_day": WEEKDAYS[schedule.digest_day] if schedule.digest_day is not None else None,
        "active_since": schedule.active_since,
    }


def _schedule(row: ScheduleRow) -> Schedule:
    return Schedule(
        at=time.fromisoformat(row.time_of_day),
        zone=row.timezone,
        days=tuple(WEEKDAYS.index(day) for day in row.days.split(",")),
        topics=tuple(row.topics) if row.topics else None,
        window_hours=row.window_minutes / 60 if row.window_minutes is not None else None,
        questions_per_post=row.questions_per_post,
        digest_day=WEEKDAYS.index(row.digest_day) if row.digest_day else None,
        paused=row.paused,
        active_since=row.active_since,
    )
