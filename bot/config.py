"""Settings from the environment (prefix ``QUIZBOT_``) and an optional ``.env`` file.

Tokens and secrets are SecretStr: they print as ``**********`` and never reach a log.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

import questions

PACKAGE_BANK = Path(questions.__file__).parent / "bank"
PACKAGE_NOTES = Path(questions.__file__).parent / "notes" / "aws-dva-notes.md"

Language = Literal["ko", "en"]


def check_timezone(name: str) -> str:
    """The name of a real IANA zone, else ValueError with a readable message."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown timezone {name!r} (use an IANA name such as Asia/Seoul)") from None
    return name


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUIZBOT_", env_file=".env", extra="ignore")

    # storage
    database_url: str = Field("", description="SQLAlchemy URL; empty means the SQLite file at db_path")
    db_path: Path = Path("var/quizbot.db")
    bank_dir: Path = PACKAGE_BANK

    # behaviour
    language: Language = "ko"
    timezone: str = "Asia/Seoul"
    admin_users: list[str] = Field(default_factory=list, description="platform:user ids allowed admin commands")
    log_level: str = "INFO"

    # scheduler
    grace_hours: float = Field(2.0, gt=0)
    manual_post_window_minutes: int = Field(60, ge=1, description="answer window of `/quiz post`")

    # discord
    discord_token: SecretStr | None = None
    discord_api_base: str = ""
    discord_gateway_url: str = ""
    discord_admin_role: str = ""

    # slack
    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_base_url: str = ""
    slack_http_host: str = "127.0.0.1"
    slack_http_port: int = Field(3000, ge=0, le=65535)
    slack_socket_mode: bool = False

    _check_zone = field_validator("timezone")(classmethod(lambda cls, value: check_timezone(value)))

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.db_path}"

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def masked(self) -> dict[str, str]:
        """Every setting as text, secrets masked and passwords in URLs hidden (for ``config show``)."""
        from sqlalchemy.engine import make_url

        shown: dict[str, str] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                text = "**********" if value.get_secret_value() else ""
            elif name == "database_url" and value:
                text = make_url(value).render_as_string(hide_password=True)
            else:
                text = "" if value is None else str(value)
            shown[name] = text
        shown["effective_database_url"] = make_url(self.effective_database_url).render_as_string(hide_password=True)
        return shown
