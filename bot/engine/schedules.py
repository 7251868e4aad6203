"""Channel schedules: the admin's request, its validation, and the slot arithmetic.

Pure code (zoneinfo only). A *slot* is one scheduled post moment: the schedule's local
time on one of its weekdays, converted to UTC. Its key in ``posts.slot`` is the local
date plus the question number (``2026-11-30#1``), so a channel gets at most
``questions_per_post`` scheduled posts per local day, however often the schedule is
edited that day and however many processes try.

Local times that do not exist (the hour skipped when DST starts) fall on the same
wall-clock offset as before the switch, i.e. one hour later in the new offset
(02:30 in New York on the spring-forward day posts at 03:30 EDT); repeated local times
(the hour DST ends) use the first occurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.engine.errors import InvalidSchedule, Message
from bot.engine.types import ChannelRef

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_ALIASES = {
    **{name: (index,) for index, name in enumerate(WEEKDAYS)},
    **{name: (index,) for index, name in enumerate("월화수목금토일")},
    **{name: (index,) for index, name in enumerate(("monday", "tuesday", "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"))},
    "daily": tuple(range(7)),
    "everyday": tuple(range(7)),
    "*": tuple(range(7)),
    "weekdays": tuple(range(5)),
    "weekends": (5, 6),
}  # fmt: skip
DEFAULT_ZONE = "Asia/Seoul"
DEFAULT_DIGEST_DAY = "mon"
NO_DIGEST = frozenset({"off", "none", "no"})
MAX_QUESTIONS_PER_POST = 5
CLOSE_BEFORE_NEXT = timedelta(hours=1)
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class ScheduleRequest:
    """What an admin typed. ``digest_day``: None means the default (Monday, summing up the
    week that just ended); "off" turns the weekly digest off."""

    time: str
    timezone: str = DEFAULT_ZONE
    days: str | None = None  # "mon,tue,..." (also "weekdays", "weekends", "daily", 월..일); None = every day
    topics: str | None = None  # "T1,T2"; None = all topics
    window_hours: float | None = None  # None = until 1 hour before the next post
    questions_per_post: int = 1
    digest_day: str | None = None


@dataclass(frozen=True)
class Schedule:
    """A validated schedule, as stored. ``days`` and ``digest_day`` are weekday numbers (0 = Monday).

    ``active_since``: slots before this moment are never posted (set when the schedule is
    set or resumed, so setting 09:00 at 10:00 does not post at once as a "missed" slot).
    """

    at: time
    zone: str
    days: tuple[int, ...]
    topics: tuple[str, ...] | None = None
    window_hours: float | None = None
    questions_per_post: int = 1
    digest_day: int | None = 0
    paused: bool = False
    active_since: datetime | None = None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)


@dataclass(frozen=True)
class ScheduleInfo:
    """A channel's schedule for display (``schedule_lines``)."""

    channel: ChannelRef
    time: str  # "HH:MM"
    zone: str
    days: tuple[str, ...]  # "mon", ...
    topics: tuple[str, ...] | None
    window_hours: float | None  # None = until 1 hour before the next post
    questions_per_post: int
    digest_day: str | None  # None = no digest
    paused: bool
    next_post_at: datetime | None  # UTC; None when paused


# ----- validation ---------------------------------------------------------------------
def _bad(key: str, **params: object) -> InvalidSchedule:
    return InvalidSchedule(reason=Message(f"schedule.reason.{key}", params))


def parse_time(text: str) -> time:
    match = _TIME.match(text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise _bad("time", time=text)
    return time(int(match[1]), int(match[2]))


def parse_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise _bad("timezone", zone=name) from None
    return name


def parse_days(text: str | None) -> tuple[int, ...]:
    if text is None:
        return tuple(range(7))
    days: set[int] = set()
    for word in re.split(r"[\s,]+", text.strip().lower()):
        if not word:
            continue
        if word not in DAY_ALIASES:
            raise _bad("day", day=word)
        days.update(DAY_ALIASES[word])
    if not days:
        raise _bad("no_days")
    return tuple(sorted(days))


def parse_digest_day(text: str | None) -> int | None:
    word = (text or DEFAULT_DIGEST_DAY).strip().lower()
    if word in NO_DIGEST:
        return None
    found = DAY_ALIASES.get(word)
    if found is None or len(found) != 1:
        raise _bad("day", day=text)
    return found[0]


def topic_queries(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def shortest_gap_hours(days: tuple[int, ...]) -> float:
    """Hours between the closest two posts of the week (168 for a weekly schedule)."""
    ordered = sorted(days)
    gaps = [(ordered[(i + 1) % len(ordered)] - day) % 7 or 7 for i, day in enumerate(ordered)]
    return min(gaps) * 24.0


def validate(request: ScheduleRequest) -> Schedule:
    """The schedule the request describes (topics still as typed); InvalidSchedule otherwise."""
    at = parse_time(request.time)
    zone = parse_zone(request.timezone)
    days = parse_days(request.days)
    window = request.window_hours
    if window is not None:
        gap = shortest_gap_hours(days)
        if not 0 < window <= gap:
            raise _bad("window", hours=f"{window:g}", gap=f"{gap:g}")
    if not 1 <= request.questions_per_post <= MAX_QUESTIONS_PER_POST:
        raise _bad("per_post", count=request.questions_per_post, limit=MAX_QUESTIONS_PER_POST)
    topics = tuple(topic_queries(request.topics)) or None
    digest = parse_digest_day(request.digest_day)
    return Schedule(at, zone, days, topics, window, request.questions_per_post, digest)


# ----- slots --------------------------------------------------------------------------
def slot_on(schedule: Schedule, day: date) -> datetime:
    """The UTC moment of the schedule's time on local date ``day``."""
    return datetime.combine(day, schedule.at, tzinfo=schedule.tz).astimezone(UTC)


def _candidate_days(schedule: Schedule, around: datetime, span: range) -> list[date]:
    today = around.astimezone(schedule.tz).date()
    days = [today + timedelta(days=offset) for offset in span]
    return [day for day in days if day.weekday() in schedule.days]


def next_slot(schedule: Schedule, after: datetime) -> datetime | None:
    """The first slot strictly after ``after``."""
    for day in _candidate_days(schedule, after, range(-1, 9)):
        moment = slot_on(schedule, day)
        if moment > after:
            return moment
    return None


def last_slot(schedule: Schedule, at: datetime) -> datetime | None:
    """The latest slot at or before ``at``."""
    for day in reversed(_candidate_days(schedule, at, range(-8, 2))):
        moment = slot_on(schedule, day)
        if moment <= at:
            return moment
    return None


def close_time(schedule: Schedule, slot: datetime) -> datetime:
    """When a post of ``slot`` closes: after its window, never after the next post opens."""
    following = next_slot(schedule, slot)
    assert following is not None, "a schedule has at least one day"
    if schedule.window_hours is None:
        return following - CLOSE_BEFORE_NEXT
    return min(slot + timedelta(hours=schedule.window_hours), following)


def slot_key(schedule: Schedule, slot: datetime, number: int = 1) -> str:
    return f"{slot.astimezone(schedule.tz).date().isoformat()}#{number}"


def local_date(schedule: Schedule, slot: datetime) -> date:
    return slot.astimezone(schedule.tz).date()


def is_digest_slot(schedule: Schedule, slot: datetime) -> bool:
    return schedule.digest_day is not None and local_date(schedule, slot).weekday() == schedule.digest_day


def next_post_at(schedule: Schedule, now: datetime) -> datetime | None:
    if schedule.paused:
        return None
    return next_slot(schedule, max(now, schedule.active_since or now) - timedelta(microseconds=1))


def info(channel: ChannelRef, schedule: Schedule, now: datetime) -> ScheduleInfo:
    return ScheduleInfo(
        channel=channel,
        time=schedule.at.strftime("%H:%M"),
        zone=schedule.zone,
        days=tuple(WEEKDAYS[day] for day in schedule.days),
        topics=schedule.topics,
        window_hours=schedule.window_hours,
        questions_per_post=schedule.questions_per_post,
        digest_day=WEEKDAYS[schedule.digest_day] if schedule.digest_day is not None else None,
        paused=schedule.paused,
        next_post_at=next_post_at(schedule, now),
    )


def with_topics(schedule: Schedule, topics: list[str] | None) -> Schedule:
    return replace(schedule, topics=tuple(topics) if topics else None)
