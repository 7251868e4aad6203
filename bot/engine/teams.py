"""Team names: what users may call their team."""

from __future__ import annotations

import unicodedata

from bot.engine.errors import InvalidTeamName

MAX_TEAM_NAME = 32


def clean_team_name(raw: str) -> str:
    """Trimmed, inner whitespace folded; 1 to 32 characters, no control characters."""
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    if not name or len(name) > MAX_TEAM_NAME:
        raise InvalidTeamName(name=raw, limit=MAX_TEAM_NAME)
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise InvalidTeamName(name=raw, limit=MAX_TEAM_NAME)
    return name
