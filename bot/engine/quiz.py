"""The quiz engine: questions, posts, answers, reveals, leaderboards, stats and teams.

Every method takes the :class:`QuizStore` of the caller's unit of work (one database
session per event or job, opened at the edge) and commits what must agree together.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.engine.errors import (
    InvalidChoice,
    NoSchedule,
    NotInTeam,
    NotYourPost,
    PlatformUnavailable,
    PostClosed,
    PostNotFound,
    UnknownQuestion,
)
from bot.engine.periods import current_streak, period_start
from bot.engine.picking import choose_question, resolve_topic
from bot.engine.ports import ChatPlatform, Clock, QuizStore
from bot.engine.schedules import ScheduleInfo, ScheduleRequest, validate, with_topics
from bot.engine.schedules import info as schedule_info
from bot.engine.teams import clean_team_name
from bot.engine.types import (
    ALL_TOPICS,
    AnswerReceipt,
    AnswerRecord,
    ChannelRef,
    LeaderboardRow,
    Member,
    NewPost,
    Period,
    PostKind,
    PostRecord,
    PostView,
    PracticeFeedback,
    Question,
    QuestionView,
    Reveal,
    ScoreDelta,
    SyncReport,
    TeamRow,
    TopicCount,
    TopicStats,
    UserStats,
    Winner,
)

CHOICES = 4
POINTS_PER_RIGHT_ANSWER = 1


def _view(post_id: int, kind: PostKind, question: Question, opened: datetime, closes: datetime | None) -> PostView:
    shown = QuestionView(question.id, question.topic, question.section, question.stem, question.choices)
    return PostView(post_id, kind, shown, opened, closes)


def _competition_ranks(scores: Sequence[tuple[int, ...]]) -> list[int]:
    """1224-style ranks for rows already sorted best first by their score tuples."""
    ranks: list[int] = []
    for index, score in enumerate(scores):
        ranks.append(ranks[-1] if index and score == scores[index - 1] else index + 1)
    return ranks


@dataclass
class QuizEngine:
    clock: Clock
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Seoul"))
    rng: random.Random = field(default_factory=random.Random)

    # ----- questions -----------------------------------------------------------------
    async def sync_bank(self, store: QuizStore, questions: Sequence[Question]) -> SyncReport:
        """Bring the questions table in line with a bank; questions gone from it are retired."""
        report = await store.sync_questions(questions, self.clock.now())
        await store.commit()
        return report

    async def topics(self, store: QuizStore) -> list[TopicCount]:
        return await store.topic_counts()

    async def resolve_topic(self, store: QuizStore, query: str) -> str:
        """The topic a user means by ``query``; UnknownTopic/AmbiguousTopic otherwise."""
        return resolve_topic(query, [count.topic for count in await store.topic_counts()])

    async def resolve_topics(self, store: QuizStore, queries: Sequence[str] | None) -> list[str] | None:
        if not queries:
            return None
        known = [count.topic for count in await store.topic_counts()]
        return sorted({resolve_topic(query, known) for query in queries})

    async def disable_question(self, store: QuizStore, question_id: str) -> Question:
        """Take a question out of rotation (kept for history); UnknownQuestion if there is none."""
        question = await store.question(question_id)
        if question is None or not await store.disable_question(question_id):
            raise UnknownQuestion(question_id=question_id)
        await store.commit()
        return question

    # ----- posting ---------------------------------------------------------------------
    async def open_channel_post(
        self,
        store: QuizStore,
        platform: ChatPlatform,
        channel: ChannelRef,
        *,
        topics: Sequence[str] | None = None,
        closes_at: datetime | None = None,
        slot: str | None = None,
    ) -> PostView | None:
        """Pick a question for the channel, store the post and show it.

        Returns None when ``slot`` was already posted in this channel (another process
        or an earlier run got there first). If the platform fails, nothing is kept.
        """
        community_pk, channel_pk = await store.ensure_channel(channel)
        question_id = choose_question(await store.candidates(topics, channel_pk, None), self.rng)
        question = await store.question(question_id)
        assert question is not None
        now = self.clock.now()
        new_post = NewPost(PostKind.DAILY, question, community_pk, channel_pk, None, now, closes_at, slot)
        post_id = await store.insert_post(new_post)
        await store.commit()
        if post_id is None:
            return None
        view = _view(post_id, PostKind.DAILY, question, now, closes_at)
        try:
            message_ref = await platform.post_question(channel, view)
        except Exception as error:
            await store.delete_post(post_id)
            await store.commit()
            if isinstance(error, PlatformUnavailable):
                raise
            raise PlatformUnavailable(platform=platform.name, reason=str(error)) from error
        await store.set_message_ref(post_id, message_ref)
        await store.commit()
        return view

    async def start_practice(
        self, store: QuizStore, member: Member, where: ChannelRef, topics: Sequence[str] | None = None
    ) -> PostView:
        """A private question for one user, not repeating their earlier practice ones first."""
        community_pk, channel_pk = await store.ensure_channel(where)
        user_pk = await store.ensure_user(member)
        question_id = choose_question(await store.candidates(topics, None, user_pk), self.rng)
        question = await store.question(question_id)
        assert question is not None
        now = self.clock.now()
        new_post = NewPost(PostKind.PRACTICE, question, community_pk, channel_pk, user_pk, now, None)
        post_id = await store.insert_post(new_post)
        assert post_id is not None
        await store.commit()
        return _view(post_id, PostKind.PRACTICE, question, now, None)

    # ----- answering -------------------------------------------------------------------
    async def record_answer(self, store: QuizStore, post_id: int, member: Member, choice: int) -> AnswerReceipt:
        """Record a click. The first answer counts; a repeat returns the original choice.

        Channel posts never tell the user whether they were right before the reveal;
        practice answers come back with feedback at once.
        """
        if not 0 <= choice < CHOICES:
            raise InvalidChoice(choice=choice)
        post = await store.post_facts(post_id)
        if post is None:
            raise PostNotFound(post_id=post_id)
        user_pk = await store.ensure_user(member)
        if post.kind is PostKind.PRACTICE and post.user_pk != user_pk:
            raise NotYourPost(post_id=post_id)
        correct = choice == post.question.answer
        stored = await store.insert_answer(post_id, user_pk, choice, correct, self.clock.now())
        if not stored:
            original = await store.answer_choice(post_id, user_pk)
            if original is None:
                raise PostClosed(post_id=post_id)
            choice = original
        await store.commit()
        feedback = self._feedback(post.question, choice) if post.kind is PostKind.PRACTICE else None
        return AnswerReceipt(post_id, post.kind, choice, already_answered=not stored, feedback=feedback)

    @staticmethod
    def _feedback(question: Question, choice: int) -> PracticeFeedback:
        return PracticeFeedback(
            correct=choice == question.answer,
            right_choice=question.answer,
            explanation=question.explanation,
            section=question.section,
            source_line=question.source_line,
        )

    # ----- closing ---------------------------------------------------------------------
    async def close_post(self, store: QuizStore, post_id: int) -> Reveal | None:
        """Close a channel post and count its points, exactly once.

        Returns the reveal, or None if the post was already revealed (another job or
        process closed it). Marking the post revealed and adding its points commit
        together, so points can neither be lost nor counted twice.
        """
        post = await store.post(post_id)
        if post is None:
            raise PostNotFound(post_id=post_id)
        if not await store.mark_revealed(post_id, self.clock.now()):
            await store.commit()
            return None
        answers = await store.answers(post_id)
        if post.kind is PostKind.DAILY:
            await store.add_scores(self._score_deltas(post, answers))
        await store.commit()
        return self._reveal(post, answers)

    async def close_and_show(self, store: QuizStore, platform: ChatPlatform, post_id: int) -> Reveal | None:
        """Close the post and edit its message to show the reveal."""
        reveal = await self.close_post(store, post_id)
        if reveal is None:
            return None
        post = await store.post(post_id)
        if post is not None and post.channel is not None and post.message_ref:
            try:
                await platform.show_reveal(post.channel, post.message_ref, reveal)
            except PlatformUnavailable:
                raise
            except Exception as error:
                raise PlatformUnavailable(platform=platform.name, reason=str(error)) from error
        return reveal

    async def due_posts(self, store: QuizStore) -> list[PostRecord]:
        return await store.due_posts(self.clock.now())

    def _score_deltas(self, post: PostRecord, answers: Sequence[AnswerRecord]) -> list[ScoreDelta]:
        deltas: list[ScoreDelta] = []
        for answer in answers:
            points = POINTS_PER_RIGHT_ANSWER if answer.correct else 0
            for topic in (post.question.topic, ALL_TOPICS):
                for period in Period:
                    start = period_start(period, post.opened_at, self.zone)
                    deltas.append(ScoreDelta(post.community_pk, answer.user_pk, topic, period, start, points, 1))
        return deltas

    @staticmethod
    def _reveal(post: PostRecord, answers: Sequence[AnswerRecord]) -> Reveal:
        counts = [0] * CHOICES
        winners: list[Winner] = []
        for answer in answers:
            counts[answer.choice] += 1
            if answer.correct:
                seconds = (answer.answered_at - post.opened_at).total_seconds()
                winners.append(Winner(answer.display_name, answer.external_id, max(seconds, 0.0)))
        winners.sort(key=lambda winner: winner.seconds)
        return Reveal(post.id, post.question, tuple(counts), tuple(winners))

    # ----- leaderboards and stats ------------------------------------------------------
    async def _bucket(
        self, store: QuizStore, community: tuple[str, str], period: Period, at: datetime | None
    ) -> tuple[int, str] | None:
        """(community pk, period start) of the leaderboard bucket to read; None for an unseen community."""
        community_pk = await store.find_community(*community)
        if community_pk is None:
            return None
        return community_pk, period_start(period, at or self.clock.now(), self.zone)

    async def leaderboard(
        self,
        store: QuizStore,
        community: tuple[str, str],
        *,
        topic: str | None = None,
        period: Period = Period.ALL,
        limit: int = 10,
        at: datetime | None = None,
    ) -> list[LeaderboardRow]:
        """Top users of a community (platform, external id) by channel-post points.

        ``at`` picks the week/month containing that moment (default: now), e.g. last week for a digest.
        """
        bucket = await self._bucket(store, community, period, at)
        if bucket is None:
            return []
        rows = await store.top_users(bucket[0], topic or ALL_TOPICS, period, bucket[1], limit)
        ranks = _competition_ranks([(points,) for _, _, points, _ in rows])
        return [
            LeaderboardRow(rank, name, external_id, points, answered)
            for rank, (name, external_id, points, answered) in zip(ranks, rows, strict=True)
        ]

    async def team_leaderboard(
        self,
        store: QuizStore,
        community: tuple[str, str],
        *,
        topic: str | None = None,
        period: Period = Period.ALL,
        limit: int = 10,
        at: datetime | None = None,
    ) -> list[TeamRow]:
        """Teams ranked by points per member (ties: more total points first)."""
        bucket = await self._bucket(store, community, period, at)
        if bucket is None:
            return []
        totals = await store.team_totals(bucket[0], topic or ALL_TOPICS, period, bucket[1])
        ordered = sorted(totals, key=lambda row: (-(row[2] / row[1] if row[1] else 0), -row[2], row[0]))[:limit]
        ranks = _competition_ranks([(points * 1_000_000 // max(members, 1), points) for _, members, points in ordered])
        return [
            TeamRow(rank, name, members, points) for rank, (name, members, points) in zip(ranks, ordered, strict=True)
        ]

    async def user_stats(self, store: QuizStore, member: Member) -> UserStats:
        """Answered, correct and accuracy per topic (practice included) and the day streak."""
        user_pk = await store.find_user(member.platform, member.external_id)
        if user_pk is None:
            return UserStats(member.display_name, (), 0)
        topics = sorted(await store.user_topic_stats(user_pk), key=lambda stats: stats.topic)
        days = {moment.astimezone(self.zone).date() for moment in await store.correct_answer_times(user_pk)}
        today = self.clock.now().astimezone(self.zone).date()
        total = TopicStats(ALL_TOPICS, sum(t.answered for t in topics), sum(t.correct for t in topics))
        return UserStats(member.display_name, tuple(topics), current_streak(days, today), total)

    # ----- teams -----------------------------------------------------------------------
    async def join_team(self, store: QuizStore, community: tuple[str, str], member: Member, name: str) -> str:
        team = clean_team_name(name)
        community_pk = await store.ensure_community(*community)
        user_pk = await store.ensure_user(member)
        await store.join_team(community_pk, user_pk, team, self.clock.now())
        await store.commit()
        return team

    async def leave_team(self, store: QuizStore, community: tuple[str, str], member: Member) -> str:
        community_pk = await store.ensure_community(*community)
        user_pk = await store.ensure_user(member)
        left = await store.leave_team(community_pk, user_pk)
        if left is None:
            raise NotInTeam()
        await store.commit()
        return left

    async def teams(self, store: QuizStore, community: tuple[str, str]) -> list[tuple[str, int]]:
        community_pk = await store.find_community(*community)
        return [] if community_pk is None else await store.teams(community_pk)

    # ----- schedules -------------------------------------------------------------------
    async def set_schedule(self, store: QuizStore, channel: ChannelRef, request: ScheduleRequest) -> ScheduleInfo:
        """Validate and store the channel's schedule (InvalidSchedule/UnknownTopic leave it as it was).

        A paused schedule stays paused. Slots before now are never posted as "missed".
        A post already open keeps its close time; the new settings apply from the next slot.
        """
        schedule = validate(request)
        topics = await self.resolve_topics(store, schedule.topics)
        _, channel_pk = await store.ensure_channel(channel)
        now = self.clock.now()
        await store.save_schedule(channel_pk, replace(with_topics(schedule, topics), active_since=now), now)
        await store.commit()
        return await self.show_schedule(store, channel)

    async def show_schedule(self, store: QuizStore, channel: ChannelRef) -> ScheduleInfo:
        """The channel's schedule with its next post time; NoSchedule if it has none."""
        _, channel_pk = await store.ensure_channel(channel)
        await store.commit()
        schedule = await store.schedule(channel_pk)
        if schedule is None:
            raise NoSchedule()
        return schedule_info(channel, schedule, self.clock.now())

    async def pause_schedule(self, store: QuizStore, channel: ChannelRef) -> ScheduleInfo:
        return await self._set_paused(store, channel, paused=True)

    async def resume_schedule(self, store: QuizStore, channel: ChannelRef) -> ScheduleInfo:
        """Resume posting from the next slot; slots missed while paused are not made up."""
        return await self._set_paused(store, channel, paused=False)

    async def _set_paused(self, store: QuizStore, channel: ChannelRef, *, paused: bool) -> ScheduleInfo:
        _, channel_pk = await store.ensure_channel(channel)
        if not await store.set_schedule_paused(channel_pk, paused, self.clock.now()):
            await store.commit()
            raise NoSchedule()
        await store.commit()
        return await self.show_schedule(store, channel)
