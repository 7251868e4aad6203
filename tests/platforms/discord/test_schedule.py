"""`/quiz schedule`: the command surface and the admin check around the scheduler's engine API."""

from __future__ import annotations

from bot.engine.errors import NoSchedule
from bot.engine.types import ChannelRef
from bot.i18n import t
from bot.i18n.render import error_text, schedule_lines
from bot.platforms.discord.context import NotAdmin
from bot.runtime import Runtime
from bot.service import PlatformHandle
from tests.platforms.discord.helpers import count_rows
from tests.platforms.discord.standin import DiscordStandIn


def channel(standin: DiscordStandIn) -> ChannelRef:
    return ChannelRef("discord", str(standin.guild_id), str(standin.channel_id), "Study Group", "daily-quiz")


async def test_admin_sets_shows_pauses_and_resumes(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """An admin schedules weekday questions on EC2 and S3, sees it, pauses and resumes it."""
    admin = standin.user("Teacher", manage_server=True)
    nothing = await standin.slash(admin, "quiz schedule show")
    assert await nothing.answer() == error_text(NoSchedule(), "ko")

    made = await standin.slash(admin, "quiz schedule set", time="09:00", days="weekdays", topics="ec2, s3")
    shown = await made.answer()
    async with runtime.store() as store:
        info = await runtime.engine.show_schedule(store, channel(standin))
    assert info.time == "09:00"
    assert info.topics == ("EC2 기초", "S3")
    assert info.zone == runtime.settings.timezone
    assert all(line in shown for line in schedule_lines(info, "ko"))

    paused = await standin.slash(admin, "quiz schedule pause", locale="en-US")
    assert t("en", "schedule.paused") in await paused.answer()
    resumed = await standin.slash(admin, "quiz schedule resume", locale="en-US")
    assert t("en", "schedule.paused") not in await resumed.answer()
    assert all(record.ephemeral for record in (nothing, made, paused, resumed))


async def test_members_cannot_touch_the_schedule(bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime):
    """A member without admin rights cannot set or pause the channel's schedule."""
    member = standin.user("Curious")
    for command, options in (("quiz schedule set", {"time": "09:00"}), ("quiz schedule pause", {})):
        record = await standin.slash(member, command, **options)
        assert await record.answer() == error_text(NotAdmin(), "ko")
    assert await count_rows(runtime, "schedules") == 0


async def test_a_bad_schedule_is_explained_and_not_stored(
    bot: PlatformHandle, standin: DiscordStandIn, runtime: Runtime
):
    """25:00, an unknown timezone or day: the admin is told what is wrong; nothing is saved."""
    admin = standin.user("Teacher", manage_server=True)
    for options in ({"time": "25:00"}, {"time": "09:00", "timezone": "Mars/Base"}, {"time": "9:00", "days": "funday"}):
        record = await standin.slash(admin, "quiz schedule set", **options)
        text = await record.answer()
        assert text.startswith(t("ko", "error.bad_schedule", reason="<>").split("<>")[0])
        assert record.ephemeral
    assert await count_rows(runtime, "schedules") == 0


async def test_topic_list_autocomplete_completes_the_last_topic(bot: PlatformHandle, standin: DiscordStandIn):
    """Typing 'EC2 기초, s' offers 'EC2 기초, S3'."""
    admin = standin.user("Teacher", manage_server=True)
    typed = await standin.autocomplete(admin, "quiz schedule set", "topics", "EC2 기초, s")
    await typed.answer()
    assert {"name": "EC2 기초, S3", "value": "EC2 기초, S3"} in (typed.choices or [])
