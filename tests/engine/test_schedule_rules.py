"""Schedule validation and slot arithmetic (pure functions, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.engine.errors import InvalidSchedule
from bot.engine.schedules import (
    Schedule,
    ScheduleRequest,
    close_time,
    last_slot,
    next_slot,
    slot_key,
    validate,
)
from bot.i18n.render import error_text


def schedule(at: str, zone: str = "Asia/Seoul", days: str | None = None, window: float | None = None) -> Schedule:
    return validate(ScheduleRequest(at, zone, days, window_hours=window))


@pytest.mark.parametrize(
    ("request_", "fragment"),
    [
        (ScheduleRequest("25:00"), "25:00"),
        (ScheduleRequest("9"), "'9'"),
        (ScheduleRequest("09:00", "Mars/Olympus"), "Mars/Olympus"),
        (ScheduleRequest("09:00", days=" , "), "no days"),
        (ScheduleRequest("09:00", days="mon,funday"), "funday"),
        (ScheduleRequest("09:00", window_hours=25), "24 h"),
        (ScheduleRequest("09:00", days="mon,tue", window_hours=30), "24 h"),
        (ScheduleRequest("09:00", window_hours=0), "0"),
        (ScheduleRequest("09:00", questions_per_post=9), "1 and 5"),
    ],
)
def test_bad_requests_say_why(request_: ScheduleRequest, fragment: str):
    """An admin typing a bad schedule gets a message naming the problem, not a generic failure."""
    with pytest.raises(InvalidSchedule) as caught:
        validate(request_)
    text = error_text(caught.value, "en")
    assert fragment in text
    assert "{" not in text
    assert "{" not in error_text(caught.value, "ko")


def test_day_words_and_defaults():
    """Day lists accept names, Korean day names and shortcuts; the digest defaults to Monday."""
    assert validate(ScheduleRequest("09:00", days="Mon, wed,FRI")).days == (0, 2, 4)
    assert validate(ScheduleRequest("09:00", days="월,수")).days == (0, 2)
    assert validate(ScheduleRequest("09:00", days="weekdays")).days == (0, 1, 2, 3, 4)
    assert validate(ScheduleRequest("09:00")).days == tuple(range(7))
    assert validate(ScheduleRequest("09:00")).digest_day == 0
    assert validate(ScheduleRequest("09:00", digest_day="off")).digest_day is None
    assert validate(ScheduleRequest("09:00", days="sun", window_hours=168)).window_hours == 168
    assert validate(ScheduleRequest("7:05")).at == time(7, 5)


def test_plus_nine_zone_slots_are_utc_midnight():
    """09:00 in Seoul (+09:00) is midnight UTC; a post at 09:00 closes at 08:00 the next day."""
    daily = schedule("09:00")
    now = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
    assert last_slot(daily, now) == now
    assert next_slot(daily, now) == now + timedelta(days=1)
    assert close_time(daily, now) == now + timedelta(hours=23)
    assert slot_key(daily, now) == "2026-11-30#1"


def test_new_york_across_spring_forward():
    """09:00 New York stays 09:00 local across the DST switch (14:00 UTC, then 13:00 UTC)."""
    daily = schedule("09:00", "America/New_York")
    before = datetime(2026, 3, 7, 14, 0, tzinfo=UTC)  # Saturday 09:00 EST
    after = next_slot(daily, before)
    assert after == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)  # Sunday 09:00 EDT: 23 h later
    assert close_time(daily, before) == after - timedelta(hours=1)
    assert slot_key(daily, after) == "2026-03-08#1"


def test_new_york_across_fall_back():
    """Autumn: 09:00 local again, 25 hours apart; the default window grows with it."""
    daily = schedule("09:00", "America/New_York")
    saturday = datetime(2026, 10, 31, 13, 0, tzinfo=UTC)  # 09:00 EDT
    sunday = next_slot(daily, saturday)
    assert sunday == datetime(2026, 11, 1, 14, 0, tzinfo=UTC)  # 09:00 EST
    assert close_time(daily, saturday) - saturday == timedelta(hours=24)


def test_skipped_local_time_posts_once_after_the_gap():
    """02:30 does not exist on the spring-forward day in New York: that day posts at 03:30 EDT, once."""
    night = schedule("02:30", "America/New_York")
    saturday = datetime(2026, 3, 7, 7, 30, tzinfo=UTC)  # 02:30 EST
    sunday = next_slot(night, saturday)
    assert sunday == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 03:30 EDT
    assert next_slot(night, sunday) == datetime(2026, 3, 9, 6, 30, tzinfo=UTC)  # 02:30 EDT


def test_late_post_window_crosses_midnight():
    """A 23:30 post with a 2-hour window closes at 01:30 the next local day, keyed by its own date."""
    late = schedule("23:30", window=2)
    slot = datetime(2026, 11, 30, 14, 30, tzinfo=UTC)  # 23:30 KST Monday
    assert last_slot(late, slot + timedelta(minutes=59)) == slot
    assert close_time(late, slot) == slot + timedelta(hours=2)
    assert slot_key(late, slot) == "2026-11-30#1"


def test_selected_days_only():
    """A mon/wed/fri schedule skips the days between, and the default window runs to Wednesday 08:00."""
    mwf = schedule("09:00", days="mon,wed,fri")
    monday = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
    wednesday = next_slot(mwf, monday)
    assert wednesday == monday + timedelta(days=2)
    assert close_time(mwf, monday) == wednesday - timedelta(hours=1)
    assert last_slot(mwf, monday + timedelta(days=1, hours=5)) == monday
