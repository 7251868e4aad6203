"""Admin commands checked on the server, and bad input answered privately with nothing stored."""

from __future__ import annotations

from sqlalchemy import text

from bot.engine.errors import InvalidTeamName, UnknownQuestion, UnknownTopic
from bot.engine.teams import MAX_TEAM_NAME
from bot.i18n import t
from bot.i18n.render import error_text
from bot.platforms.discord.context import NotAdmin
from bot.runtime import Runtime
from bot.service import PlatformHandle
from tests.platforms.discord.helpers import count_rows
from tests.platforms.discord.standin import DiscordStandIn

QUESTION = "fx-s3-sse-c"


async def is_disabled(runtime: Runtime, question_id: str) -> bool:
    async with runtime.db.connect() as connection:
        found = await connection.execute(text("SELECT disabled FROM questions WHERE id = :id"), {"id": question_id})
        return bool(found.scalar_one())


async def test_a_member_cannot_use_admin_commands(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """Someone without Manage Server or the admin role who calls admin commands anyway is refused."""
    member = standin.user("Curious")
    refused = error_text(NotAdmin(), "ko")
    for command, options in (("quiz post", {}), ("quiz question disable", {"question_id": QUESTION})):
        record = await standin.slash(member, command, **options)
        assert await record.answer() == refused
        assert record.ephemeral
    assert standin.channel_messages() == []
    assert await count_rows(runtime, "posts") == 0
    assert not await is_disabled(runtime, QUESTION)


async def test_admin_role_and_admin_users_are_admins(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """The configured role and the `discord:<id>` admin list both grant admin commands."""
    moderator = standin.user("Moderator", admin_role=True)
    posted = await standin.slash(moderator, "quiz post", topic="EC2")
    assert "마감" in await posted.answer()
    assert len(standin.channel_messages()) == 1
    assert "[EC2 기초]" in str(standin.channel_messages()[0]["embeds"])

    listed = standin.user("Listed")
    runtime.settings = runtime.settings.model_copy(update={"admin_users": [f"discord:{listed.id}"]})
    disabled = await standin.slash(listed, "quiz question disable", question_id=QUESTION)
    assert QUESTION in await disabled.answer()
    assert await is_disabled(runtime, QUESTION)


async def test_bad_admin_input_says_what_is_wrong(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """A wrong question id or topic from an admin gets a private explanation; nothing changes."""
    admin = standin.user("Teacher", manage_server=True)
    missing = await standin.slash(admin, "quiz question disable", question_id="no-such-question")
    assert await missing.answer() == error_text(UnknownQuestion(question_id="no-such-question"), "ko")
    wrong_topic = await standin.slash(admin, "quiz post", topic="Lambda")
    known = "AWS의 모니터링 개요, EC2 기초, S3"
    assert await wrong_topic.answer() == error_text(UnknownTopic(topic="Lambda", known=known), "ko")
    assert standin.channel_messages() == []
    assert await count_rows(runtime, "posts") == 0
    async with runtime.db.connect() as connection:
        disabled = await connection.execute(text("SELECT COUNT(*) FROM questions WHERE disabled"))
        assert disabled.scalar_one() == 0


async def test_bad_team_names_are_refused(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """An empty or 33-character team name gets the rule (1 to 32 characters) and creates no team."""
    player = standin.user("Mina")
    refused = error_text(InvalidTeamName(limit=MAX_TEAM_NAME), "ko")
    for name in ("   ", "x" * (MAX_TEAM_NAME + 1)):
        record = await standin.slash(player, "quiz team join", name=name)
        assert await record.answer() == refused
        assert record.ephemeral
    assert await count_rows(runtime, "teams") == 0
    assert await count_rows(runtime, "team_memberships") == 0


async def test_teams_leaderboard_stats_and_help(bot: PlatformHandle, standin: DiscordStandIn):
    """The everyday commands answer privately in the user's language."""
    mina, jun = standin.user("Mina"), standin.user("Jun")
    joined = await standin.slash(mina, "quiz team join", name="  Cloud   Crew ")
    assert await joined.answer() == t("ko", "team.joined", team="Cloud Crew")
    listed = await standin.slash(jun, "quiz team list", locale="en-GB")
    assert "Cloud Crew — 1 member(s)" in await listed.answer()
    board = await standin.slash(jun, "quiz leaderboard", period="week", teams=True, locale="en-US")
    assert "Team leaderboard · all topics · this week" in await board.answer()
    left = await standin.slash(mina, "quiz team leave")
    assert await left.answer() == t("ko", "team.left", team="Cloud Crew")
    again = await standin.slash(mina, "quiz team leave")
    assert await again.answer() == t("ko", "error.not_in_team")

    stats = await standin.slash(jun, "quiz stats", user=mina)
    assert t("ko", "stats.title", name="Mina") in await stats.answer()
    helped = await standin.slash(jun, "quiz help", locale="en-US")
    assert "/quiz practice" in await helped.answer()
    topics = await standin.slash(jun, "quiz topics")
    assert "S3 — 4" in await topics.answer()
    assert all(record.ephemeral for record in (joined, listed, board, left, again, stats, helped, topics))


async def test_commands_are_described_in_korean_for_korean_clients(bot: PlatformHandle, standin: DiscordStandIn):
    """Korean Discord clients see Korean command help; others see English."""
    (quiz,) = standin.commands
    assert quiz["description_localizations"]["ko"] == t("ko", "discord.cmd.quiz")
    practice = next(option for option in quiz["options"] if option["name"] == "practice")
    assert practice["description"] == t("en", "discord.cmd.practice")
    assert practice["description_localizations"]["ko"] == t("ko", "discord.cmd.practice")
    board = next(option for option in quiz["options"] if option["name"] == "leaderboard")
    period = next(option for option in board["options"] if option["name"] == "period")
    assert [choice["name_localizations"]["ko"] for choice in period["choices"]] == [
        t("ko", f"period.{name}") for name in ("week", "month", "all")
    ]
