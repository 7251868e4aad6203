"""Platform-neutral text for questions, feedback, reveals, leaderboards and stats.

Adapters wrap these lines in their own layout (embeds, Block Kit, terminal), so the
wording is the same everywhere and lives in the catalogues.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.engine.errors import Message, QuizError
from bot.engine.schedules import ScheduleInfo
from bot.engine.types import (
    ALL_TOPICS,
    LeaderboardRow,
    Period,
    PracticeFeedback,
    QuestionView,
    Reveal,
    TeamRow,
    TopicCount,
    UserStats,
)
from bot.i18n import t

LETTERS = "ABCD"
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_WINNER_NAMES = 20


def letter(choice: int) -> str:
    return LETTERS[choice]


def parse_letter(text: str) -> int | None:
    """0-3 for 'a'..'d' / 'A'..'D' / '1'..'4' (also full-width), else None."""
    import unicodedata

    value = unicodedata.normalize("NFKC", text).strip().upper()
    if len(value) == 1 and value in LETTERS:
        return LETTERS.index(value)
    if value in {"1", "2", "3", "4"}:
        return int(value) - 1
    return None


def question_lines(view: QuestionView, language: str) -> list[str]:
    lines = [t(language, "question.header", topic=view.topic), view.stem]
    lines += [f"{letter(index)}. {choice}" for index, choice in enumerate(view.choices)]
    return lines


def feedback_lines(feedback: PracticeFeedback, choice: int, language: str) -> list[str]:
    if feedback.correct:
        verdict = t(language, "answer.right", letter=letter(choice))
    else:
        verdict = t(language, "answer.wrong", letter=letter(choice), right=letter(feedback.right_choice))
    return [
        verdict,
        t(language, "answer.explanation", text=feedback.explanation),
        t(language, "answer.study", section=feedback.section, line=feedback.source_line),
    ]


def reveal_lines(reveal: Reveal, language: str) -> list[str]:
    question = reveal.question
    right = question.answer
    lines = [t(language, "reveal.title", letter=letter(right), choice=question.choices[right])]
    if not reveal.total:
        lines.append(t(language, "reveal.nobody"))
    for index, (count, share) in enumerate(zip(reveal.counts, reveal.shares, strict=True)):
        lines.append(
            t(language, "reveal.share", letter=letter(index), choice=question.choices[index],
              count=count, share=round(share * 100))
        )  # fmt: skip
    if reveal.winners:
        names = [winner.display_name for winner in reveal.winners[:MAX_WINNER_NAMES]]
        extra = len(reveal.winners) - len(names)
        joined = ", ".join(names) + (f" +{extra}" if extra > 0 else "")
        lines.append(t(language, "reveal.winners", count=len(reveal.winners), names=joined))
        fastest = reveal.winners[0]
        lines.append(t(language, "reveal.fastest", name=fastest.display_name, seconds=f"{fastest.seconds:.1f}"))
    elif reveal.total:
        lines.append(t(language, "reveal.no_winners"))
    lines.append(t(language, "answer.explanation", text=question.explanation))
    lines.append(t(language, "answer.study", section=question.section, line=question.source_line))
    return lines


def _scope(topic: str | None, language: str) -> str:
    return topic if topic and topic != ALL_TOPICS else t(language, "leaderboard.all_topics")


def leaderboard_lines(rows: Sequence[LeaderboardRow], topic: str | None, period: Period, language: str) -> list[str]:
    period_name = t(language, f"period.{period.value}")
    lines = [t(language, "leaderboard.title", scope=_scope(topic, language), period=period_name)]
    if not rows:
        return [*lines, t(language, "leaderboard.empty")]
    for row in rows:
        lines.append(
            t(language, "leaderboard.row", rank=row.rank, name=row.display_name, points=row.points,
              answered=row.answered)
        )  # fmt: skip
    return lines


def team_lines(rows: Sequence[TeamRow], topic: str | None, period: Period, language: str) -> list[str]:
    period_name = t(language, f"period.{period.value}")
    lines = [t(language, "leaderboard.teams_title", scope=_scope(topic, language), period=period_name)]
    if not rows:
        return [*lines, t(language, "team.none")]
    for row in rows:
        lines.append(
            t(language, "leaderboard.team_row", rank=row.rank, team=row.team, members=row.members,
              points=row.points, per_member=f"{row.points_per_member:.2f}")
        )  # fmt: skip
    return lines


def stats_lines(stats: UserStats, language: str) -> list[str]:
    lines = [t(language, "stats.title", name=stats.display_name)]
    if not stats.total.answered:
        return [*lines, t(language, "stats.empty")]
    for topic in stats.topics:
        lines.append(
            t(language, "stats.row", topic=topic.topic, correct=topic.correct, answered=topic.answered,
              accuracy=round(topic.accuracy * 100))
        )  # fmt: skip
    total = stats.total
    lines.append(
        t(language, "stats.total", correct=total.correct, answered=total.answered,
          accuracy=round(total.accuracy * 100), streak=stats.streak_days)
    )  # fmt: skip
    return lines


def topic_lines(topics: Sequence[TopicCount], language: str) -> list[str]:
    lines = [t(language, "topics.title", count=len(topics))]
    return lines + [t(language, "topics.row", topic=item.topic, questions=item.questions) for item in topics]


def _board_rows(rows: Sequence[LeaderboardRow], language: str) -> list[str]:
    return [
        t(language, "leaderboard.row", rank=row.rank, name=row.display_name, points=row.points,
          answered=row.answered)
        for row in rows
    ]  # fmt: skip


def digest_lines(
    overall: Sequence[LeaderboardRow],
    per_topic: Sequence[tuple[str, Sequence[LeaderboardRow]]],
    teams: Sequence[TeamRow],
    language: str,
) -> list[str]:
    """The weekly digest body: top 10 overall, per topic (topics with points only), team ranking."""
    if not overall:
        return [t(language, "digest.empty")]
    lines = [t(language, "digest.overall"), *_board_rows(overall, language)]
    for topic, rows in per_topic:
        if rows:
            lines += ["", t(language, "digest.topic", topic=topic), *_board_rows(rows, language)]
    if teams:
        lines += ["", t(language, "digest.teams")]
        lines += [
            t(language, "leaderboard.team_row", rank=row.rank, team=row.team, members=row.members,
              points=row.points, per_member=f"{row.points_per_member:.2f}")
            for row in teams
        ]  # fmt: skip
    return lines


def _param(value: object, language: str) -> object:
    return t(language, value.key, **value.params) if isinstance(value, Message) else value


def error_text(error: QuizError, language: str) -> str:
    params = {name: _param(value, language) for name, value in error.params.items()}
    return t(language, error.code, **params)


def _hours(hours: float) -> str:
    return f"{hours:g}"


def schedule_lines(info: ScheduleInfo, language: str) -> list[str]:
    """A channel's schedule: when, what, how long to answer, digest, paused, next post."""
    channel = info.channel.channel_name or info.channel.channel_id
    if len(info.days) == 7:
        days = t(language, "schedule.every_day")
    else:
        days = ", ".join(t(language, f"day.{day}") for day in info.days)
    topics = ", ".join(info.topics) if info.topics else t(language, "leaderboard.all_topics")
    lines = [
        t(language, "schedule.title", channel=channel),
        t(language, "schedule.when", time=info.time, zone=info.zone, days=days),
        t(language, "schedule.topics", topics=topics),
        t(language, "schedule.window_hours", hours=_hours(info.window_hours))
        if info.window_hours is not None
        else t(language, "schedule.window_default"),
        t(language, "schedule.per_post", count=info.questions_per_post),
        t(language, "schedule.digest", day=t(language, f"day.{info.digest_day}"))
        if info.digest_day
        else t(language, "schedule.no_digest"),
    ]
    if info.paused:
        lines.append(t(language, "schedule.paused"))
    if info.next_post_at is not None:
        local = info.next_post_at.astimezone(ZoneInfo(info.zone))
        when = f"{local:%Y-%m-%d %H:%M} ({t(language, f'day.{WEEKDAY_KEYS[local.weekday()]}')})"
        lines.append(t(language, "schedule.next", when=when))
    return lines
