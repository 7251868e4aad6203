"""UI text: one JSON catalogue per language (``ko.json``, ``en.json``), Korean by default."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
_HERE = Path(__file__).parent


@cache
def catalogue(language: str) -> dict[str, str]:
    return dict(json.loads((_HERE / f"{language}.json").read_text(encoding="utf-8")))


def language_for(locale: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """The UI language for a platform locale such as 'ko', 'en-US' or 'en_GB'."""
    if locale:
        prefix = locale.replace("_", "-").split("-")[0].lower()
        if prefix in LANGUAGES:
            return prefix
    return default if default in LANGUAGES else DEFAULT_LANGUAGE


def t(language: str, key: str, **params: Any) -> str:
    """The text for ``key`` in ``language`` (falling back to Korean, then the key itself)."""
    template = catalogue(language if language in LANGUAGES else DEFAULT_LANGUAGE).get(key)
    if template is None:
        template = catalogue(DEFAULT_LANGUAGE).get(key, key)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
