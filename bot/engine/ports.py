"""The engine's ports: what it needs from the clock, storage and a chat platform.

Adapters implement these; tests use the real storage adapter on SQLite/PostgreSQL and
the console platform (or a recording fake) for ``ChatPlatform``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.engine.schedules import Schedule
from bot.engine.types import (
    AnswerRecord,
    Candidate,
    ChannelRef,
    Member,
    NewPost,
    Period,
    PostFacts,
    PostRecord,
    PostView,
    Question,
    Reveal,
    ScoreDelta,
    SyncReport,
    TopicCount,
    TopicStats,
)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class ChatPlatform(Protocol):
    """What the engine asks of a chat platform. Adapters translate, nothing more."""

    name: str

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        """Show a channel post with its A-D buttons; return the platform's message reference."""
        ...

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        """Edit the channel post to show the right answer, shares and winners."""
        ...

    async def post_notice(self, channel: ChannelRef, title: str, lines: Sequence[str]) -> str:
        """Post a plain announcement (e.g. the weekly digest); return the message reference."""
        ...


class QuizStore(Protocol):
    """Storage bound to one database session (one unit of work).

    Methods write inside the session's open transaction; :meth:`commit` ends it.
    """

    async def commit(self) -> None: ...

    # identities
    async def ensure_community(self, platform: str, external_id: str, name: str = "") -> int: ...
    async def ensure_channel(self, channel: ChannelRef) -> tuple[int, int]:
        """(community pk, channel pk), created on first sight."""
        ...

    async def find_community(self, platform: str, external_id: str) -> int | None:
        """The community's pk if it was ever seen (reads only)."""
        ...

    async def find_user(self, platform: str, external_id: str) -> int | None:
        """The user's pk if they were ever seen (reads only)."""
        ...

    async def ensure_user(self, member: Member) -> int:
        """The user's pk; refreshes the cached display name and locale."""
        ...

    # questions
    async def sync_questions(self, questions: Sequence[Question], now: datetime) -> SyncReport: ...
    async def topic_counts(self) -> list[TopicCount]: ...
    async def question(self, question_id: str) -> Question | None: ...
    async def disable_question(self, question_id: str) -> bool: ...
    async def candidates(
        self, topics: Sequence[str] | None, channel_pk: int | None, user_pk: int | None
    ) -> list[Candidate]:
        """Active questions (in ``topics`` if given) with their use in this channel or by this user."""
        ...

    # posts and answers
    async def insert_post(self, post: NewPost) -> int | None:
        """The new post's pk, or None when its (channel, slot) was already posted."""
        ...

    async def delete_post(self, post_id: int) -> None: ...
    async def set_message_ref(self, post_id: int, message_ref: str) -> None: ...
    async def post(self, post_id: int) -> PostRecord | None: ...
    async def post_facts(self, post_id: int) -> PostFacts | None:
        """What never changes about a post (may come from a cache: it is on every click's path)."""
        ...

    async def due_posts(self, now: datetime) -> list[PostRecord]:
        """Channel posts whose answer window has ended but that are not revealed yet."""
        ...

    async def insert_answer(self, post_id: int, user_pk: int, choice: int, correct: bool, at: datetime) -> bool:
        """Store the answer if the post is open at ``at`` and this user has not answered it yet.

        False means nothing was written. The open check and the insert are one statement
        (holding the post row against a concurrent close on PostgreSQL), so an answer can
        never slip in after the reveal counted the answers.
        """
        ...

    async def answer_choice(self, post_id: int, user_pk: int) -> int | None: ...
    async def answers(self, post_id: int) -> list[AnswerRecord]:
        """All answers to a post, earliest first."""
        ...

    async def mark_revealed(self, post_id: int, at: datetime) -> bool:
        """Set revealed_at if still unset; True only for the caller that set it."""
        ...

    async def open_post_ids(self, channel_pk: int) -> list[int]:
        """Channel posts of this channel not revealed yet, oldest first."""
        ...

    async def latest_post_at(self, channel_pk: int) -> datetime | None:
        """When the channel's most recent channel post opened."""
        ...

    async def slot_posted(self, channel_pk: int, slot: str) -> bool:
        """Whether the channel already has a post for this scheduled slot."""
        ...

    async def next_close_at(self) -> datetime | None:
        """The earliest close time of a channel post not revealed yet."""
        ...

    # schedules
    async def find_channel(self, platform: str, channel_id: str) -> ChannelRef | None:
        """A channel already seen on ``platform`` with this external id (any community)."""
        ...

    async def save_schedule(self, channel_pk: int, schedule: Schedule, now: datetime) -> None:
        """Create or replace the channel's schedule; its paused flag and last digest are kept."""
        ...

    async def schedule(self, channel_pk: int) -> Schedule | None: ...
    async def set_schedule_paused(self, channel_pk: int, paused: bool, now: datetime) -> bool:
        """False if the channel has no schedule. Resuming starts a new ``active_since``."""
        ...

    async def schedules(self) -> list[tuple[int, ChannelRef, Schedule]]:
        """Every schedule (paused ones too) with its channel pk and channel."""
        ...

    async def claim_digest(self, channel_pk: int, day: str) -> bool:
        """Mark the weekly digest of local date ``day`` as posted; True only for the first caller."""
        ...

    async def release_digest(self, channel_pk: int, day: str) -> None:
        """Undo :meth:`claim_digest` after the platform failed, so it can be tried again."""
        ...

    # leaderboards and stats
    async def add_scores(self, deltas: Sequence[ScoreDelta]) -> None: ...
    async def top_users(
        self, community_pk: int, topic: str, period: Period, period_start: str, limit: int
    ) -> list[tuple[str, str, int, int]]:
        """(display name, external id, points, answered), best first."""
        ...

    async def team_totals(
        self, community_pk: int, topic: str, period: Period, period_start: str
    ) -> list[tuple[str, int, int]]:
        """(team name, member count, points of current members) for every team."""
        ...

    async def user_topic_stats(self, user_pk: int) -> list[TopicStats]: ...
    async def correct_answer_times(self, user_pk: int) -> list[datetime]: ...

    # teams
    async def team_of(self, community_pk: int, user_pk: int) -> str | None: ...
    async def join_team(self, community_pk: int, user_pk: int, name: str, at: datetime) -> None:
        """Put the user in team ``name`` (created if new), leaving any other team."""
        ...

    async def leave_team(self, community_pk: int, user_pk: int) -> str | None:
        """The name of the team left, or None if the user was in none."""
        ...

    async def teams(self, community_pk: int) -> list[tuple[str, int]]:
        """(team name, member count), by name."""
        ...
