"""The engine stays platform-neutral: no chat SDK, scheduler or ORM import inside bot/engine."""

from __future__ import annotations

import ast
from pathlib import Path

import bot.engine

FORBIDDEN = ("discord", "slack_bolt", "slack_sdk", "apscheduler", "sqlalchemy", "aiohttp")
ENGINE_DIR = Path(bot.engine.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_engine_imports_no_platform_scheduler_or_database_library():
    """If the engine imported a platform SDK, a new platform would mean reshaping the core."""
    offenders = {
        f"{path.name}: {name}"
        for path in ENGINE_DIR.rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN or name.startswith(("bot.platforms", "bot.storage"))
    }
    assert not offenders, f"bot/engine imports what it must not: {sorted(offenders)}"


def test_the_check_sees_a_forbidden_import(tmp_path: Path):
    """Guard against a check that cannot fail: it does flag such an import."""
    sample = tmp_path / "sample.py"
    sample.write_text("import discord\nfrom slack_bolt.app import App\n", encoding="utf-8")
    assert {"discord", "slack_bolt.app"} <= _imports(sample)
