"""The event loop every entry point runs on: uvloop where it is installed, else asyncio's own.

uvloop wakes the loop faster when a worker thread finishes (aiosqlite runs each SQLite
call on one), which bench/answers.py measures as about 15% more answers per second.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    try:
        import uvloop
    except ImportError:  # Windows, or a platform without a wheel
        return None
    return uvloop.new_event_loop


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(coroutine)
