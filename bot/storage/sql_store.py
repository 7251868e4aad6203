"""The engine's QuizStore on SQLAlchemy, bound to one AsyncSession (one unit of work).

Duplicates are stopped by unique keys with ``ON CONFLICT`` (SQLite and PostgreSQL
both have it), never by reading first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.engine.types import (
    AnswerRecord,
    Candidate,
    ChannelRef,
    Member,
    NewPost,
    PostFacts,
    PostKind,
    PostRecord,
    Question,
    SyncReport,
    TopicCount,
)
from bot.storage.hot_statements import click_statements, post_record, post_select, question_from_row
from bot.storage.models import (
    Answer,
    Channel,
    Community,
    Post,
    QuestionRow,
    User,
)
from bot.storage.store_base import SessionBound
from bot.storage.store_schedules import ScheduleQueries
from bot.storage.store_standings import StandingQueries

QUESTION_FIELDS = ("topic", "section", "source_line", "stem", "choices", "answer", "explanation", "kind")


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


class SqlQuizStore(ScheduleQueries, StandingQueries, SessionBound):
    """QuizStore on one session. The caller owns the session; this class never opens one.

    Identities, questions, posts and answers live here; leaderboards, stats and teams in
    ``store_standings``, schedules in ``store_schedules``.
    """

    def __init__(self, session: AsyncSession, cache: StoreCache | None = None) -> None:
        super().__init__(session)
        self._cache = cache or StoreCache()
        self._pending_users: dict[tuple[str, str], tuple[int, str, str | None]] = {}
        self._pending_communities: dict[tuple[str, str], int] = {}

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
        statements = click_statements(self._dialect)
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
        return question_from_row(row) if row is not None else None

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
            question_id=post.question.id,
            shown_stem=post.question.stem,
            shown_choices=list(post.question.choices),
            shown_answer=post.question.answer,
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

    async def post(self, post_id: int) -> PostRecord | None:
        row = (await self._execute(click_statements(self._dialect).post, {"post_id": post_id})).first()
        return post_record(row) if row is not None else None

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
            post_select()
            .where(Post.kind == PostKind.DAILY.value, Post.revealed_at.is_(None), Post.closes_at <= now)
            .order_by(Post.closes_at, Post.id)
        )
        return [post_record(row) for row in await self._execute(statement)]

    async def insert_answer(self, post_id: int, user_pk: int, choice: int, correct: bool, at: datetime) -> bool:
        params = {
            "post_id": post_id,
            "user_id": user_pk,
            "choice": choice,
            "correct": correct,
            "at": at,
        }
        return bool((await self._execute(click_statements(self._dialect).answer, params)).rowcount)

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
