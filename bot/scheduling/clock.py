"""A clock that runs faster than real time, for watching a scheduled day in minutes."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class FastClock:
    """Starts at ``start`` and advances ``speed`` times faster than the wall clock."""

    def __init__(self, start: datetime, speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.start = start.astimezone(UTC)
        self.speed = speed
        self._origin = time.monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=(time.monotonic() - self._origin) * self.speed)
