"""The database schema. Alembic migrations in ``migrations/`` create exactly this.

Times are stored in UTC. ``score_totals`` holds pre-added leaderboard buckets
(community, user, topic or '*', period, period start) so a top-10 is one index range
read instead of a scan over every answer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit key.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (naive text) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Community(Base):
    """A Discord guild, a Slack workspace or the local terminal."""

    __tablename__ = "communities"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")


class Channel(Base):
    __tablename__ = "channels"
    __table_args__ = (UniqueConstraint("community_id", "external_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")


class User(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(200))
    locale: Mapped[str | None] = mapped_column(String(16))


class Team(Base):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("community_id", "name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TeamMembership(Base):
    """One team per user per community: the primary key makes a second one impossible."""

    __tablename__ = "team_memberships"

    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime())


class QuestionRow(Base):
    """A question synced from the bank by id. Never deleted: answers refer to it."""

    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'retired')", name="status"),
        CheckConstraint("answer BETWEEN 0 AND 3", name="answer"),
        Index("ix_questions_status_topic", "status", "topic"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    topic: Mapped[str] = mapped_column(String(200))
    section: Mapped[str] = mapped_column(String(500))
    source_line: Mapped[int] = mapped_column(Integer)
    stem: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[str]] = mapped_column(JSON)
    answer: Mapped[int] = mapped_column(SmallInteger)
    explanation: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="active")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Post(Base):
    """A question shown in a channel (daily) or to one user (practice)."""

    __tablename__ = "posts"
    __table_args__ = (
        CheckConstraint("kind IN ('daily', 'practice', 'exam')", name="kind"),
        # A scheduled slot can be posted once per channel, whichever process tries.
        UniqueConstraint("channel_id", "slot", name="uq_posts_channel_slot"),
        Index("ix_posts_channel_question", "channel_id", "question_id"),
        Index("ix_posts_user_question", "user_id", "question_id"),
        Index("ix_posts_open", "revealed_at", "closes_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_ref: Mapped[str | None] = mapped_column(String(128))
    slot: Mapped[str | None] = mapped_column(String(64))
    # The question as it was shown: a bank edit synced while the post is open must not change what a
    # click on 'B' means. NULL on posts stored before migration 0003, which read the question row.
    shown_stem: Mapped[str | None] = mapped_column(Text)
    shown_choices: Mapped[list[str] | None] = mapped_column(JSON)
    shown_answer: Mapped[int | None] = mapped_column(SmallInteger)


class Answer(Base):
    """One user's answer to one post: the unique key means the first click is the one that counts."""

    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("post_id", "user_id", name="uq_answers_post_user"),
        CheckConstraint("choice BETWEEN 0 AND 3", name="choice"),
        Index("ix_answers_user_time", "user_id", "answered_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    choice: Mapped[int] = mapped_column(SmallInteger)
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ScoreTotal(Base):
    """Leaderboard bucket, added to when a channel post closes. topic '*' is all topics."""

    __tablename__ = "score_totals"
    # The index matches the leaderboard's WHERE and ORDER BY: a top 10 reads 10 entries, no sort.
    __table_args__ = (
        Index(
            "ix_score_totals_board",
            *("community_id", "topic", "period", "period_start", text("points DESC"), "answered", "user_id"),
        ),
    )

    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    topic: Mapped[str] = mapped_column(String(200), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    period_start: Mapped[str] = mapped_column(String(10), primary_key=True)
    points: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)


class ScheduleRow(Base):
    """A channel's daily-quiz schedule (one per channel). Local time + IANA zone, weekdays as
    'mon,tue,...'. ``last_digest`` is the local date of the last weekly digest, claimed by a
    conditional update so only one process posts it."""

    __tablename__ = "schedules"
    __table_args__ = (
        UniqueConstraint("channel_id", name="uq_schedules_channel"),
        CheckConstraint("questions_per_post BETWEEN 1 AND 5", name="per_post"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    time_of_day: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    days: Mapped[str] = mapped_column(String(32))
    topics: Mapped[list[str] | None] = mapped_column(JSON)
    window_minutes: Mapped[int | None] = mapped_column(Integer)
    questions_per_post: Mapped[int] = mapped_column(SmallInteger, default=1)
    digest_day: Mapped[str | None] = mapped_column(String(3))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    active_since: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_digest: Mapped[str | None] = mapped_column(String(10))
