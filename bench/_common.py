"""Shared setup for the benchmarks: a fresh migrated database in a temp folder (or $BENCH_DATABASE_URL)."""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from bot.config import Settings
from bot.storage import schema

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_BANK = ROOT / "tests" / "fixtures" / "bank"


async def fresh_settings(name: str) -> Settings:
    """Settings on an empty, migrated database: SQLite in a temp dir unless BENCH_DATABASE_URL is set."""
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / name}"
    if os.environ.get("BENCH_DATABASE_URL"):
        await schema.downgrade(url, "base")
    await schema.upgrade(url)
    return Settings(_env_file=None, database_url=url, bank_dir=FIXTURE_BANK)  # type: ignore[call-arg]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def describe(values_ms: list[float]) -> str:
    return f"median {statistics.median(values_ms):.2f} ms, p99 {percentile(values_ms, 0.99):.2f} ms"
