"""What every command shares: settings loading and turning known failures into one line."""

from __future__ import annotations

from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer
from pydantic import ValidationError

from bot import eventloop
from bot.config import Settings
from bot.engine.errors import QuizError
from bot.i18n.render import error_text
from bot.runtime import BankInvalid
from bot.storage.database import DatabaseNotReady

T = TypeVar("T")


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment; a bad value ends the command with one line."""
    try:
        return Settings(**{key: value for key, value in overrides.items() if value is not None})
    except ValidationError as error:
        problems = "; ".join(
            f"QUIZBOT_{'_'.join(str(part) for part in item['loc']).upper()}: "
            + str(item["msg"]).removeprefix("Value error, ")
            for item in error.errors()
        )
        raise fail(f"bad configuration: {problems}", 2) from None


@contextmanager
def friendly_errors(language: str = "en") -> Iterator[None]:
    """Known failures become one line on stderr and a non-zero exit, never a traceback."""
    try:
        yield
    except DatabaseNotReady as error:
        raise fail(str(error)) from None
    except BankInvalid as error:
        raise fail(f"bad question bank: {error}") from None
    except QuizError as error:
        raise fail(error_text(error, language)) from None


def run_async(coroutine: Coroutine[Any, Any, T], language: str = "en") -> T:
    with friendly_errors(language):
        try:
            return eventloop.run(coroutine)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
