"""Schedule rows for the scheduler: one per channel, read again whenever a job fires."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import select, update

from bot.engine.schedules import WEEKDAYS, Schedule
from bot.engine.types import ChannelRef
from bot.storage.models import Channel, Community, ScheduleRow
from bot.storage.store_base import SessionBound


class ScheduleQueries(SessionBound):
    async def find_channel(self, platform: str, channel_id: str) -> ChannelRef | None:
        statement = (
            select(Community, Channel)
            .join(Channel, Channel.community_id == Community.id)
            .where(Community.platform == platform, Channel.external_id == channel_id)
            .order_by(Channel.id)
        )
        row = (await self.session.execute(statement)).first()
        if row is None:
            return None
        community, channel = row
        return ChannelRef(platform, community.external_id, channel.external_id, community.name, channel.name)

    async def save_schedule(self, channel_pk: int, schedule: Schedule, now: datetime) -> None:
        values = _schedule_values(schedule)
        insert = self._insert(ScheduleRow).values(
            channel_id=channel_pk, paused=schedule.paused, updated_at=now, **values
        )
        statement = insert.on_conflict_do_update(index_elements=["channel_id"], set_={**values, "updated_at": now})
        await self.session.execute(statement)

    async def schedule(self, channel_pk: int) -> Schedule | None:
        statement = select(ScheduleRow).where(ScheduleRow.channel_id == channel_pk)
        row = (await self.session.execute(statement)).scalar()
        return _schedule(row) if row is not None else None

    async def set_schedule_paused(self, channel_pk: int, paused: bool, now: datetime) -> bool:
        changes: dict[str, Any] = {"paused": paused, "updated_at": now}
        if not paused:
            changes["active_since"] = now
        statement = update(ScheduleRow).where(ScheduleRow.channel_id == channel_pk).values(**changes)
        return bool((await self.session.execute(statement)).rowcount)  # type: ignore[attr-defined]

    async def schedules(self) -> list[tuple[int, ChannelRef, Schedule]]:
        statement = (
            select(ScheduleRow, Channel, Community)
            .join(Channel, Channel.id == ScheduleRow.channel_id)
            .join(Community, Community.id == Channel.community_id)
            .order_by(ScheduleRow.channel_id)
        )
        found: list[tuple[int, ChannelRef, Schedule]] = []
        for row, channel, community in await self.session.execute(statement):
            where = ChannelRef(
                community.platform, community.external_id, channel.external_id, community.name, channel.name
            )
            found.append((channel.id, where, _schedule(row)))
        return found

    async def claim_digest(self, channel_pk: int, day: str) -> bool:
        statement = (
            update(ScheduleRow)
            .where(
                ScheduleRow.channel_id == channel_pk,
                (ScheduleRow.last_digest.is_(None)) | (ScheduleRow.last_digest < day),
            )
            .values(last_digest=day)
        )
        return bool((await self.session.execute(statement)).rowcount)  # type: ignore[attr-defined]

    async def release_digest(self, channel_pk: int, day: str) -> None:
        statement = (
            update(ScheduleRow)
            .where(ScheduleRow.channel_id == channel_pk, ScheduleRow.last_digest == day)
            .values(last_digest=None)
        )
        await self.session.execute(statement)


def _schedule_values(schedule: Schedule) -> dict[str, Any]:
    window = schedule.window_hours
    return {
        "time_of_day": schedule.at.strftime("%H:%M"),
        "timezone": schedule.zone,
        "days": ",".join(WEEKDAYS[day] for day in schedule.days),
        "topics": list(schedule.topics) if schedule.topics else None,
        "window_minutes": round(window * 60) if window is not None else None,
        "questions_per_post": schedule.questions_per_post,
        "digest_day": WEEKDAYS[schedule.digest_day] if schedule.digest_day is not None else None,
        "active_since": schedule.active_since,
    }


def _schedule(row: ScheduleRow) -> Schedule:
    return Schedule(
        at=time.fromisoformat(row.time_of_day),
        zone=row.timezone,
        days=tuple(WEEKDAYS.index(day) for day in row.days.split(",")),
        topics=tuple(row.topics) if row.topics else None,
        window_hours=row.window_minutes / 60 if row.window_minutes is not None else None,
        questions_per_post=row.questions_per_post,
        digest_day=WEEKDAYS.index(row.digest_day) if row.digest_day else None,
        paused=row.paused,
        active_since=row.active_since,
    )
