"""Leaderboard periods: which week and month bucket a moment falls in, in the community's zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.engine.types import Period


def period_start(period: Period, moment: datetime, zone: ZoneInfo) -> str:
    """The bucket key: ISO date of the week's Monday, ``YYYY-MM`` for the month, '' for all time."""
    local = moment.astimezone(zone).date()
    if period is Period.WEEK:
        return (local - timedelta(days=local.weekday())).isoformat()
    if period is Period.MONTH:
        return f"{local.year:04d}-{local.month:02d}"
    return ""


def current_streak(days_with_right_answer: set[date], today: date) -> int:
    """Consecutive days up to today (or yesterday, if today has none yet) with a right answer."""
    day = today if today in days_with_right_answer else today - timedelta(days=1)
    streak = 0
    while day in days_with_right_answer:
        streak += 1
        day -= timedelta(days=1)
    return streak
