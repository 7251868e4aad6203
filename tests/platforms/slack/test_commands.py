"""Parsing /quiz text (no Slack involved)."""

from __future__ import annotations

import pytest

from bot.engine.types import Period
from bot.platforms.slack.commands import Command, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Command("help")),
        ("  HELP ", Command("help")),
        ("practice", Command("practice")),
        ("practice EC2 기초", Command("practice", topic="EC2 기초")),
        ("leaderboard", Command("leaderboard")),
        ("leaderboard S3 week teams", Command("leaderboard", topic="S3", period=Period.WEEK, teams=True)),
        ("leaderboard MONTH", Command("leaderboard", period=Period.MONTH)),
        ("stats", Command("stats")),
        ("stats <@U123ABC|kim>", Command("stats", user_id="U123ABC")),
        ("stats <@W9>", Command("stats", user_id="W9")),
        ("topics", Command("topics")),
        ("team", Command("team", action="list")),
        ("team join Cloud  Nine", Command("team", action="join", argument="Cloud Nine")),
        ("team leave", Command("team", action="leave")),
        ("post", Command("post")),
        ("post S3", Command("post", topic="S3")),
        ("question disable fx-s3-sse-kms", Command("question", action="disable", argument="fx-s3-sse-kms")),
        ("schedule show", Command("schedule", action="show")),
        (
            "schedule set 09:00 Asia/Seoul mon,tue,wed topics=S3,EC2 window=6",
            Command(
                "schedule",
                action="set",
                schedule=(
                    ("time", "09:00"),
                    ("timezone", "Asia/Seoul"),
                    ("topics", "S3,EC2"),
                    ("window_hours", 6.0),
                    ("days", "mon,tue,wed"),
                ),
            ),
        ),
        (
            "schedule set 7:30 weekdays topics=“EC2 기초” questions=2 digest=off",
            Command(
                "schedule",
                action="set",
                schedule=(
                    ("time", "7:30"),
                    ("topics", "EC2 기초"),
                    ("questions_per_post", 2),
                    ("digest_day", "off"),
                    ("days", "weekdays"),
                ),
            ),
        ),
        ("schedule pause", Command("schedule", action="pause")),
    ],
)
def test_parse(text: str, expected: Command):
    """Each documented /quiz form is understood as the help text describes it."""
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "frobnicate",
        "stats @kim",
        "team join",
        "team leave now",
        "question enable x",
        "schedule",
        "topics S3",
        "schedule set",
        "schedule set 09:00 window=soon",
        "schedule set 09:00 color=red",
        'schedule set 09:00 "open',
    ],
)
def test_unknown_input_is_help(text: str):
    """Anything else gets the help (which shows the syntax), quoting what was not understood."""
    assert parse(text) == Command("help", unknown=" ".join(text.split()))


def test_admin_commands():
    """post, schedule and question are the admin-only subcommands."""
    assert [parse(text).admin_only for text in ("post", "schedule show", "question disable a", "stats")] == [
        True, True, True, False,
    ]  # fmt: skip
