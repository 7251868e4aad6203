"""Parsing ``/quiz`` text into a command: plain data, no Slack calls.

Slack sends the text after ``/quiz`` as typed; with ``should_escape`` on (see the
manifest) a mention arrives as ``<@U123|name>``.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from bot.engine.types import Period

PERIODS = {period.value: period for period in Period}
TEAM_WORDS = {"team", "teams"}
MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
ADMIN_COMMANDS = frozenset({"schedule", "post", "question"})


@dataclass(frozen=True)
class Command:
    """One parsed ``/quiz`` invocation. ``name`` is ``help`` for anything not understood."""

    name: str
    action: str = ""  # team join|leave|list, schedule set|show|pause|resume, question disable
    topic: str | None = None
    period: Period = Period.ALL
    teams: bool = False
    user_id: str | None = None
    argument: str = ""  # team name, question id, schedule spec
    unknown: str = ""  # the input that was not understood (shown with the help)
    schedule: tuple[tuple[str, Any], ...] = field(default_factory=tuple)  # ScheduleRequest fields

    @property
    def admin_only(self) -> bool:
        return self.name in ADMIN_COMMANDS


def _help(text: str = "") -> Command:
    return Command("help", unknown=text)


def parse(text: str) -> Command:
    """The command in ``text`` (what follows ``/quiz``); unknown input gives ``help``."""
    text = " ".join(text.split())
    head, _, rest = text.partition(" ")
    word = head.lower()
    words = tuple(rest.split())
    if word in {"", "help", "도움말"}:
        return _help()
    if word == "practice":
        return Command("practice", topic=rest or None)
    if word == "post":
        return Command("post", topic=rest or None)
    if word == "topics":
        return Command("topics") if not rest else _help(text)
    if word == "leaderboard":
        return _leaderboard(words)
    if word == "stats":
        return _stats(text, words)
    if word == "team":
        return _team(text, words)
    if word == "question":
        if len(words) == 2 and words[0].lower() == "disable":
            return Command("question", action="disable", argument=words[1])
        return _help(text)
    if word == "schedule":
        action = words[0].lower() if words else ""
        if action in {"show", "pause", "resume"} and len(words) == 1:
            return Command("schedule", action=action)
        if action == "set" and len(words) > 1:
            fields = schedule_fields(rest.split(" ", 1)[1])
            return Command("schedule", action="set", schedule=tuple(fields.items())) if fields else _help(text)
        return _help(text)
    return _help(text)


def _leaderboard(words: tuple[str, ...]) -> Command:
    period = Period.ALL
    teams = False
    topic_words: list[str] = []
    for word in words:
        lowered = word.lower()
        if lowered in PERIODS:
            period = PERIODS[lowered]
        elif lowered in TEAM_WORDS:
            teams = True
        else:
            topic_words.append(word)
    return Command("leaderboard", topic=" ".join(topic_words) or None, period=period, teams=teams)


def _stats(text: str, words: tuple[str, ...]) -> Command:
    if not words:
        return Command("stats")
    match = MENTION.match(words[0]) if len(words) == 1 else None
    if match is None:
        return _help(text)
    return Command("stats", user_id=match.group(1))


def _team(text: str, words: tuple[str, ...]) -> Command:
    action = words[0].lower() if words else "list"
    if action == "join" and len(words) > 1:
        return Command("team", action="join", argument=" ".join(words[1:]))
    if action in {"leave", "list"} and len(words) <= 1:
        return Command("team", action=action)
    return _help(text)


SCHEDULE_KEYS = {
    "topics": "topics", "topic": "topics", "days": "days", "day": "days", "window": "window_hours",
    "questions": "questions_per_post", "digest": "digest_day", "tz": "timezone", "timezone": "timezone",
}  # fmt: skip
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def schedule_fields(text: str) -> dict[str, Any] | None:
    """``ScheduleRequest`` fields from ``HH:MM [zone] [days] [key=value ...]``; None if it does not parse.

    The engine validates the values (time, zone, days, topics) and names what is wrong;
    here only the shape is read: the time first, a word with ``/`` (or ``UTC``) is the
    zone, ``key=value`` sets a field, anything else is days (``mon,tue`` or ``weekdays``).
    """
    try:
        words = shlex.split(text.translate(QUOTES))
    except ValueError:
        return None
    if not words:
        return None
    fields: dict[str, Any] = {"time": words[0]}
    days: list[str] = []
    for word in words[1:]:
        key, equals, value = word.partition("=")
        if equals:
            name = SCHEDULE_KEYS.get(key.lower())
            if name is None or not value:
                return None
            fields[name] = value
        elif "/" in word or word.upper() == "UTC":
            fields["timezone"] = word
        else:
            days.append(word)
    if days:
        fields["days"] = ",".join([fields["days"], *days] if "days" in fields else days)
    return _numbers(fields)


def _numbers(fields: dict[str, Any]) -> dict[str, Any] | None:
    try:
        if "window_hours" in fields:
            fields["window_hours"] = float(fields["window_hours"])
        if "questions_per_post" in fields:
            fields["questions_per_post"] = int(fields["questions_per_post"])
    except ValueError:
        return None
    return fields
