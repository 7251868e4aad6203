"""Plain data passed between the engine, storage and adapters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class PostKind(StrEnum):
    DAILY = "daily"  # a question posted to a channel, revealed at its close
    PRACTICE = "practice"  # a question shown privately to one user, answered at once
    EXAM = "exam"


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"
    ALL = "all"


ALL_TOPICS = "*"


@dataclass(frozen=True)
class Member:
    """A person on a platform, as the adapter sees them."""

    platform: str
    external_id: str
    display_name: str
    locale: str | None = None


@dataclass(frozen=True)
class ChannelRef:
    """Where a post goes: a channel in a community (Discord guild, Slack workspace)."""

    platform: str
    community_id: str
    channel_id: str
    community_name: str = ""
    channel_name: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    section: str
    source_line: int
    stem: str
    choices: tuple[str, ...]
    answer: int
    explanation: str
    kind: str | None = None
    status: str = "active"


@dataclass(frozen=True)
class QuestionView:
    """What users see before answering: never the right answer."""

    question_id: str
    topic: str
    section: str
    stem: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class PostView:
    post_id: int
    kind: PostKind
    question: QuestionView
    opened_at: datetime
    closes_at: datetime | None


@dataclass(frozen=True)
class PracticeFeedback:
    """Shown at once after a practice answer (never for a channel post before its close)."""

    correct: bool
    right_choice: int
    explanation: str
    section: str
    source_line: int


@dataclass(frozen=True)
class AnswerReceipt:
    post_id: int
    kind: PostKind
    choice: int
    already_answered: bool
    feedback: PracticeFeedback | None = None


@dataclass(frozen=True)
class Winner:
    display_name: str
    external_id: str
    seconds: float


@dataclass(frozen=True)
class Reveal:
    post_id: int
    question: Question
    counts: tuple[int, ...]
    winners: tuple[Winner, ...]  # right answers, fastest first

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def shares(self) -> tuple[float, ...]:
        total = self.total
        return tuple((count / total if total else 0.0) for count in self.counts)

    @property
    def fastest(self) -> Winner | None:
        return self.winners[0] if self.winners else None


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    display_name: str
    external_id: str
    points: int
    answered: int


@dataclass(frozen=True)
class TeamRow:
    rank: int
    team: str
    members: int
    points: int

    @property
    def points_per_member(self) -> float:
        return self.points / self.members if self.members else 0.0


@dataclass(frozen=True)
class TopicStats:
    topic: str
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class UserStats:
    display_name: str
    topics: tuple[TopicStats, ...]
    streak_days: int
    total: TopicStats = field(default_factory=lambda: TopicStats(ALL_TOPICS, 0, 0))


@dataclass(frozen=True)
class TopicCount:
    topic: str
    questions: int


@dataclass(frozen=True)
class SyncReport:
    added: int
    updated: int
    retired: int
    unchanged: int


@dataclass(frozen=True)
class PostRecord:
    """A stored post with its question; what the engine reads back from storage."""

    id: int
    kind: PostKind
    question: Question
    community_pk: int
    channel_pk: int | None
    channel: ChannelRef | None
    user_pk: int | None
    opened_at: datetime
    closes_at: datetime | None
    revealed_at: datetime | None
    message_ref: str | None
    slot: str | None = None


@dataclass(frozen=True)
class PostFacts:
    """The parts of a post that never change once it exists: safe to cache."""

    id: int
    kind: PostKind
    question: Question
    community_pk: int
    user_pk: int | None
    opened_at: datetime


@dataclass(frozen=True)
class NewPost:
    """A post to store. The question's stem, choices and answer are kept on the post as shown, so a bank
    edit synced while it is open cannot change what a click means or what the reveal counts."""

    kind: PostKind
    question: Question
    community_pk: int
    channel_pk: int | None
    user_pk: int | None
    opened_at: datetime
    closes_at: datetime | None
    slot: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A question that may be picked, with how often and when it was last used in this scope."""

    question_id: str
    topic: str
    times_used: int
    last_used_at: datetime | None


@dataclass(frozen=True)
class AnswerRecord:
    user_pk: int
    display_name: str
    external_id: str
    choice: int
    correct: bool
    answered_at: datetime


@dataclass(frozen=True)
class ScoreDelta:
    """Points to add to one leaderboard bucket (community, user, topic, period)."""

    community_pk: int
    user_pk: int
    topic: str
    period: Period
    period_start: str
    points: int
    answered: int
